import { shortEvidence } from "../format";
import { at, comparable, worstPair } from "../helpers";
import { evidence, leafItems } from "./ratingEvidence";
import type { Rule, RuleFinding } from "../types";

type Raw = RuleFinding;

export const ratingOverstated: Rule = {
  code: "RATING_OVERSTATED",
  severity: "error",
  title: { ja: "評価が数値より高い", en: "Rating higher than the numbers" },
  why: {
    ja: "S・A（予定どおり以上）としながら実績が目標に届いていない項目は、公表資料の信頼を損ないます。評価を見直すか、遅れていない理由を実績欄に書いてください。",
    en: "An item rated S or A (on plan or ahead) whose results fall short of its targets undermines the published report. Revise the rating or explain in the results why it is not behind.",
  },
  check(context) {
    const out: Raw[] = [];
    for (const { row, evaluation, stated } of leafItems(context)) {
      const pairs = comparable(evaluation.pairs);
      const short = pairs.filter((p) => p.status === "short");
      if ((stated === "S" || stated === "A") && short.length > 0) {
        const tolerated = short.every((p) => p.withinTolerance);
        const worst = worstPair(short);
        out.push({
          ...at(context, row, "rating"),
          severity: tolerated ? "warning" : "error",
          message: {
            ja: `評価は ${stated} ですが、目標に届いていない数値があります: ${worst ? shortEvidence(worst) : ""}`,
            en: `Rated ${stated}, but a target was not reached: ${worst ? shortEvidence(worst) : ""}`,
          },
          evidence: evidence(context, row.item, evaluation.pairs),
          suggested: "B",
        });
      } else if (stated === "S" && pairs.length > 0 && evaluation.expected === "A") {
        out.push({
          ...at(context, row, "rating"),
          severity: "warning",
          message: {
            ja: "評価は S ですが、数値は目標どおり（大きく上回ってはいない）です",
            en: "Rated S, but the numbers only meet their targets",
          },
          evidence: evidence(context, row.item, evaluation.pairs),
          suggested: "A",
        });
      }
    }
    return out;
  },
};
