import type { Direction } from "./profile";

/**
 * The words that say which way a metric is better, as data: each with the direction and where it comes
 * from. The longest word found in a label decides (経常収支比率 before 比率); a label with none of them
 * is assumed higher-is-better, and the evidence says so. 率 alone decides nothing: a 受診率 should rise,
 * a 公債費比率 fall.
 */
export interface DirectionWord {
  word: string;
  direction: Direction;
  /** Why: the document or practice that says which way the indicator is good. */
  source: string;
}

const FISCAL = "総務省「健全化判断比率」「地方財政の状況」: 経常収支比率・公債費・将来負担は低いほど財政に余裕がある";
const WASTE = "環境省「一般廃棄物処理実態調査」: 排出量・ごみ量は減らす目標";
const WELFARE = "こども家庭庁・厚生労働省の公表指標: 待機児童・事故・離職は減らす目標";
const REVENUE = "収納率・徴収率・受診率・交付率など、対象に占める実施の割合は高いほど良い（各自治体の行財政改革計画の目標設定）";
const KODAIRA = "小平市第3次行財政再構築プランの目標設定（seeds/）";
const STAFF = "定員適正化計画（総務省「地方公共団体定員管理調査」）: 職員数・人件費は計画の数以下に抑える目標（関市 第5次行政改革大綱「職員数を733人とします」、tests/fixtures/cities/seki）";

export const DIRECTION_WORDS: readonly DirectionWord[] = [
  // Lower is better.
  ...["経常収支比率", "実質公債費比率", "公債費比率", "起債制限比率", "将来負担比率", "実質赤字比率", "連結実質赤字比率", "人件費比率", "公債費", "将来負担", "繰入額", "経費", "赤字"].map(
    (word) => ({ word, direction: "lower" as const, source: FISCAL }),
  ),
  ...["排出量", "ごみ量", "ごみの量", "埋立量", "焼却量", "CO2", "二酸化炭素", "温室効果ガス"].map((word) => ({ word, direction: "lower" as const, source: WASTE })),
  ...["待機児童", "事故件数", "事故", "離職率", "欠席率", "滞納", "未収", "苦情"].map((word) => ({ word, direction: "lower" as const, source: WELFARE })),
  ...["職員数", "人件費"].map((word) => ({ word, direction: "lower" as const, source: STAFF })),
  ...["削減", "抑制", "縮減"].map((word) => ({ word, direction: "lower" as const, source: KODAIRA })),
  // Higher is better.
  ...["収納率", "徴収率", "受診率", "交付率", "利用率", "加入率", "回収率", "資源化率", "リサイクル率", "就業率", "達成率", "実施率", "進捗率", "満足度", "参加率", "普及率", "稼働率"].map(
    (word) => ({ word, direction: "higher" as const, source: REVENUE }),
  ),
  ...["確保額", "基金", "効果額", "削減額", "削減効果", "収入", "金額", "件数", "人数", "団体数", "参加者", "回数", "数"].map((word) => ({ word, direction: "higher" as const, source: KODAIRA })),
];

/** Longest first: 経常収支比率 decides before 比率, 削減額 before 削減. */
const BY_LENGTH = [...DIRECTION_WORDS].sort((a, b) => b.word.length - a.word.length);

/** The word of the table a label contains, the longest one; undefined when none. */
export function directionWordIn(label: string): DirectionWord | undefined {
  return BY_LENGTH.find((entry) => label.includes(entry.word));
}
