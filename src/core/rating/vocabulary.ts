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

/**
 * Modifiers that make a word of the table name another quantity: 「テレワーク実施職員数」 counts the staff who
 * took part in something (more is better), not the staff kept (職員数, fewer is better), as 研修受講者数 or
 * 制度利用職員数 do. Published targets of this kind: 総務省テレワーク推進計画 (テレワーク利用職員 348名 → 目標 1,000名,
 * http://telework.blog123.jp/archives/2015/06/01549.php), 内閣官房「平成30年度国家公務員テレワーク実績等の結果概要」
 * (実施者数 6,635人 → 9,868人、テレワーク実施可能職員数: https://vdocuments.mx/30ffffcccoee-0-7-481-ci.html).
 */
const OTHER_QUANTITY = /(?:実施|参加|受講|利用|取得|派遣|登録|活用|従事|経験|体験|交流|応援|研修|テレワーク|在宅勤務|時差出勤|可能)$/;

/**
 * Whether the word stands as the head of the label at `index`: the quantity the label names, not a
 * part of another one — never right after a modifier that makes it a different quantity.
 */
function isHead(label: string, index: number): boolean {
  return !OTHER_QUANTITY.test(label.slice(0, index).replace(/[\s・]+$/, ""));
}

/**
 * The word of the table a label names, the longest one found as the head of the label; undefined when
 * none. A count found only after a modifier that makes it another count (テレワーク実施職員数) leaves the
 * label to the other words (数: more is better).
 */
export function directionWordIn(label: string): DirectionWord | undefined {
  return BY_LENGTH.find((entry) => {
    // Only a count (職員数, 件数) becomes another count after such a modifier: 事業実施経費 is still a cost.
    if (!entry.word.endsWith("数")) return label.includes(entry.word);
    for (let at = label.indexOf(entry.word); at >= 0; at = label.indexOf(entry.word, at + 1)) {
      if (isHead(label, at)) return true;
    }
    return false;
  });
}
