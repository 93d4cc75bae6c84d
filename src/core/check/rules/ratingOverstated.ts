import { shortEvidence } from "../format";
import { at } from "../helpers";
import { evidence, leafVerdicts } from "./ratingEvidence";
import { defineRule } from "../types";

export const ratingOverstated = defineRule({
  code: "RATING_OVERSTATED",
  severity: "error",
  title: { ja: "評価が数値より高い", en: "Rating higher than the numbers" },
  why: {
    ja: "S・A（予定どおり以上）としながら実績が目標に届いていない項目は、公表資料の信頼を損ないます。評価を見直すか、遅れていない理由を実績欄に書いてください（評価の記号はプロファイルの尺度に従います）。",
    en: "An item rated S or A (on plan or ahead) whose results fall short of its targets undermines the published report. Revise the rating or explain in the results why it is not behind (symbols follow the profile's scale).",
  },
  messages: {
    short: {
      ja: "評価は {stated} ですが、目標に届いていない数値があります: {quoted}",
      en: "Rated {stated}, but a target was not reached: {quoted}",
    },
    onlyMet: {
      ja: "評価は {stated} ですが、数値は目標どおり（大きく上回ってはいない）です",
      en: "Rated {stated}, but the numbers only meet their targets",
    },
  },
  check(context) {
    return leafVerdicts(context, "overstated").map(({ row, evaluation, stated, verdict }) => {
      const quoted = verdict.pair ? { ja: shortEvidence(verdict.pair, "ja"), en: shortEvidence(verdict.pair, "en") } : "";
      const onlyMet = verdict.band === "on";
      return {
        ...at(context, row, "rating"),
        // Short pairs all within the profile's tolerance floor: a warning, not an error.
        severity: onlyMet || verdict.tolerated ? ("warning" as const) : ("error" as const),
        messageId: onlyMet ? ("onlyMet" as const) : ("short" as const),
        data: { stated, quoted },
        evidence: evidence(context, row.item, evaluation.pairs),
        years: row.years,
        suggested: verdict.suggested,
      };
    });
  },
});
