import { shortEvidence } from "../format";
import { at } from "../helpers";
import { ratingVerdict } from "../verdict";
import { evidence, leafItems } from "./ratingEvidence";
import type { Rule, RuleFinding } from "../types";

export const ratingOverstated: Rule = {
  code: "RATING_OVERSTATED",
  severity: "error",
  title: { ja: "評価が数値より高い", en: "Rating higher than the numbers" },
  why: {
    ja: "S・A（予定どおり以上）としながら実績が目標に届いていない項目は、公表資料の信頼を損ないます。評価を見直すか、遅れていない理由を実績欄に書いてください。",
    en: "An item rated S or A (on plan or ahead) whose results fall short of its targets undermines the published report. Revise the rating or explain in the results why it is not behind.",
  },
  check(context) {
    const out: RuleFinding[] = [];
    for (const { row, evaluation, stated } of leafItems(context)) {
      const verdict = ratingVerdict(stated, evaluation);
      if (verdict?.code !== "RATING_OVERSTATED") continue;
      const onlyMet = verdict.suggested === "A";
      out.push({
        ...at(context, row, "rating"),
        severity: verdict.severity,
        message: onlyMet
          ? { ja: "評価は S ですが、数値は目標どおり（大きく上回ってはいない）です", en: "Rated S, but the numbers only meet their targets" }
          : {
              ja: `評価は ${stated} ですが、目標に届いていない数値があります: ${verdict.pair ? shortEvidence(verdict.pair) : ""}`,
              en: `Rated ${stated}, but a target was not reached: ${verdict.pair ? shortEvidence(verdict.pair) : ""}`,
            },
        evidence: evidence(context, row.item, evaluation.pairs),
        suggested: verdict.suggested,
      });
    }
    return out;
  },
};
