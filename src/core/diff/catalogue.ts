import type { Rule } from "../check/types";
import type { DiffContext } from "./context";
import { itemAdded } from "./rules/itemAdded";
import { itemRemoved } from "./rules/itemRemoved";
import { itemRenumbered } from "./rules/itemRenumbered";
import { ratingDown } from "./rules/ratingDown";
import { ratingUp } from "./rules/ratingUp";
import { resultUnchangedRatingUp } from "./rules/resultUnchangedRatingUp";
import { targetChanged } from "./rules/targetChanged";

/** The comparison's rules (docs/contracts/diff.md), in the order their findings are listed within a severity. */
export const DIFF_RULES: readonly Rule<string, DiffContext>[] = [resultUnchangedRatingUp, ratingDown, itemRemoved, targetChanged, ratingUp, itemRenumbered, itemAdded];

export const DIFF_RULES_BY_CODE: ReadonlyMap<string, Rule<string, DiffContext>> = new Map(DIFF_RULES.map((rule) => [rule.code, rule]));
