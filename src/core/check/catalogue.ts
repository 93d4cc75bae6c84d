import { blankRow } from "./rules/blankRow";
import { cellError } from "./rules/cellError";
import { columnsMissing } from "./rules/columnsMissing";
import { departmentMissing } from "./rules/departmentMissing";
import { fiscalYearUnknown } from "./rules/fiscalYearUnknown";
import { formulaResultMissing } from "./rules/formulaResultMissing";
import { notEvaluable } from "./rules/notEvaluable";
import { numberDuplicate } from "./rules/numberDuplicate";
import { numberGap } from "./rules/numberGap";
import { numberInvalid } from "./rules/numberInvalid";
import { parentChildMismatch } from "./rules/parentChildMismatch";
import { planMissing } from "./rules/planMissing";
import { ratingInvalid } from "./rules/ratingInvalid";
import { ratingMissing } from "./rules/ratingMissing";
import { ratingNormalised } from "./rules/ratingNormalised";
import { ratingOverstated } from "./rules/ratingOverstated";
import { ratingSCandidate } from "./rules/ratingSCandidate";
import { ratingUnderstated } from "./rules/ratingUnderstated";
import { repostMismatch } from "./rules/repostMismatch";
import { repostTargetMissing } from "./rules/repostTargetMissing";
import { resultMissing } from "./rules/resultMissing";
import { subNumberInvalid } from "./rules/subNumberInvalid";
import { tableSheetHidden } from "./rules/tableSheetHidden";
import { targetInterim } from "./rules/targetInterim";
import { textDuplicate } from "./rules/textDuplicate";
import { unitMismatch } from "./rules/unitMismatch";
import { valueUnreadable } from "./rules/valueUnreadable";
import type { Rule } from "./types";

/** Every rule, in the order of the catalogue of docs/contracts/rating.md (NUMBER_INVALID and those after it added). */
export const RULES: readonly Rule[] = [
  columnsMissing,
  ratingInvalid,
  ratingMissing,
  ratingNormalised,
  ratingOverstated,
  ratingUnderstated,
  ratingSCandidate,
  parentChildMismatch,
  resultMissing,
  planMissing,
  targetInterim,
  unitMismatch,
  numberDuplicate,
  numberGap,
  subNumberInvalid,
  repostTargetMissing,
  repostMismatch,
  departmentMissing,
  textDuplicate,
  blankRow,
  cellError,
  notEvaluable,
  numberInvalid,
  valueUnreadable,
  fiscalYearUnknown,
  tableSheetHidden,
  formulaResultMissing,
];

export const RULES_BY_CODE: ReadonlyMap<string, Rule> = new Map(RULES.map((rule) => [rule.code, rule]));
