import { findFiscalYear } from "../fiscalYear";
import { foldWidth, hasMoreNonSpaceThan } from "../text/fold";
import type { Field } from "./columns";

/**
 * What a header cell (or a row label of a sideways table) says its column holds. Besides the fields of
 * the table (columns.ts), a header may name the achievement rate (目標達成率: context, never the plan),
 * an earlier value (前年度実績, 現状(計画策定時): context), the 区分 of two rows per item, the 年度 row of a
 * year grid, or only a year (H23, 2008年度, 26年値: a column of a year grid).
 */
export type HeaderRole = Field | "rate" | "previous" | "kind" | "yearLabel" | "year" | "legend" | "metric" | "unit" | "when";

export interface HeaderMeaning {
  role: HeaderRole;
  /** A name or an alias matched (strong), or only a word inside the header (weak). */
  exact: boolean;
  /** The fiscal year written in the header (平成18年度目標 → 2006, H26 → 2014). */
  fiscalYear?: number;
  /** A year written without its era (27年度目標値 → 27): the era comes from the rest of the sheet. */
  eraless?: number;
}

/**
 * Header names and aliases, each role with the published tables they were read in. After folding
 * width, spaces and case, and with years and notes in parentheses set aside (令和2年度当初予定 (目標値) →
 * 当初予定; 項 目(決算値)(※注 3) → 項目).
 *
 * Sources: 小平市第3次行財政再構築プランの進捗状況 (seeds/); the corpus (tests/fixtures/cities/*\/source.md:
 * 荒尾市 目標/実績, 関市 項目/判定, 佐渡市 平成18年度目標/平成18年度実績/自己評価, 下田市 運営事業名/目標値/実績値/
 * 目標達成率/評価, 川崎市 事務事業名/所管課/達成度/事業目標/実績); 下野市 第三次行政改革大綱 実施計画の実施状況
 * (http://www.city.shimotsuke.lg.jp/0712/info-0000006600-3.html: 基本方針, 重点項目, 実施項目, 年度計画, 取組内容);
 * さいたま市 行財政改革推進プラン2013 達成状況 (https://www.city.saitama.jp/006/007/014/005/p056344.html: 改革
 * プログラム事業, 取組指標, 達成状況); 葛飾区 事務事業評価表 (https://123deta.com/document/zx56r7wq-: 予定/実績,
 * 所管課, 総合評価); 第二次行政改革大綱取り組み項目の進捗状況 (https://paperzz.com/doc/6270048/: 取組項目, 主管課,
 * 実施状況, 達成度); 群馬県 行政改革大綱 実施計画の評価 (https://www-pref-gunma-jp.cache.yimg.jp/page/12379.html: 60の
 * 「具体的な取組」ごとの取組目標と実績, 区分 A〜D; its 行政改革評価・推進委員会 speaks of the column 「平成25年度までの状況」:
 * https://www-pref-gunma-jp.cache.yimg.jp/page/12373.html); 名古屋港管理組合 行政評価 (状況: 順調 / やや遅れ / 遅れ,
 * http://www.port-of-nagoya.jp/meikan/gyozaisei/gyoseihyoka/1001259/1001260/1001263.html); 長与町 数値目標の進捗
 * (https://webtown.nagayo.jp/kiji0032107/index.html: 施策, 指標名, 基準値, 目標値, 現在値).
 */
const ALIASES: Readonly<Record<Exclude<HeaderRole, "year">, readonly string[]>> = {
  category: ["分野", "区分", "体系", "大項目", "中項目", "大分類", "中分類", "基本方針", "重点項目", "基本目標", "柱", "改革の柱", "推進の柱", "取組の柱", "視点", "category", "area"],
  no: ["no.", "no", "番号", "項番", "通番", "整理番号", "管理番号", "項目番号", "取組番号", "事業番号", "#", "itemno.", "itemno"],
  sub: ["枝番", "細目", "小番号", "subno.", "subno"],
  title: [
    "項目", "項目名", "取組項目", "取組名", "取組事項", "実施項目", "改革項目", "改革事項", "推進項目", "小項目", "取組", "個別取組", "具体的取組", "主な取組",
    "事務事業名", "事業名", "運営事業名", "改革プログラム事業", "施策名", "施策", "名称", "件名", "施設名", "交付対象事業の名称", "item", "title",
  ],
  department: [
    "主な推進担当課", "担当課", "所管課", "推進担当課", "主管課", "担当部署", "所管部署", "担当部局", "部局", "所管", "担当", "担当部", "所管部", "担当課名",
    "所管担当課", "課名", "実施主体", "関係課", "担当所属", "所管所属", "所属", "department",
  ],
  rating: [
    "評価", "自己評価", "進捗評価", "評定", "達成度", "進捗度", "判定", "総合評価", "評価区分", "達成区分", "進捗区分", "取組評価", "一次評価", "最終評価",
    "評価結果", "判断", "達成状況", "進捗状況", "rating",
  ],
  actions: ["実施内容", "取組内容", "具体的な取組", "具体的取組内容", "取組概要", "事業概要", "事務事業の概要", "内容", "概要", "actions"],
  plan: [
    "目標", "目標値", "計画", "計画値", "年度計画", "当初予定", "当初計画", "予定", "年度目標", "年度目標値", "数値目標", "事業目標", "目標数値", "達成目標", "目標水準",
    "計画内容", "目標・計画", "計画・目標", "指標値", "plan", "target",
  ],
  result: ["実績", "実績値", "成果", "取組実績", "取組結果", "取組状況", "実施状況", "実施結果", "結果", "進捗", "達成値", "実績(見込)", "成果・実績", "現在値", "現況値", "result", "actual"],
  notes: ["備考", "特記事項", "補足", "notes", "remarks"],
  rate: ["達成率", "目標達成率", "進捗率", "達成割合"],
  previous: ["前年度実績", "前年度", "前年値", "現状値", "基準値", "現状", "策定時", "計画策定時", "現状(計画策定時)"],
  kind: ["区分"],
  yearLabel: ["年度"],
  legend: ["凡例", "評価基準", "評価の見方", "評定基準", "判定基準", "目的達成度の評価基準"],
  // A KPI's own cells (坂井市, tests/fixtures/cities/sakai): its name, its unit, when it is due. In a table
  // without a title column the indicator's name is the row's title.
  metric: ["指標", "指標名", "成果指標", "取組指標", "評価指標", "kpi"],
  unit: ["単位"],
  when: ["目標月", "目標年月", "目標年度", "目標時期", "達成時期", "期限"],
};

/**
 * Words inside a header, when no name or alias matched, in this order (the first that matches decides):
 * the rate before the plan (目標達成率 is not a target), earlier values before the results
 * (前年度実績), then each field. Years and notes are already set aside.
 */
const PATTERNS: readonly (readonly [HeaderRole, RegExp])[] = [
  ["legend", /凡例|評価基準|評定基準|判定基準|評価の見方/],
  ["rate", /達成率|進捗率|対前年|前年比/],
  ["when", /^目標(?:年月|月|時期)/],
  ["previous", /前年|基準値|現状値|策定時/],
  ["department", /担当課|所管課|主管課|担当部署|所管部署|担当部局|担当部|所管部/],
  // 状況 alone (名古屋港's 「平成25年度までの状況」) is a word, not an alias: a 評価 column beside it wins.
  ["rating", /^評価|評価$|進捗評価|達成度|進捗度|^判定|評定|^(?:(?:まで|末)の)?状況$/],
  ["plan", /当初予定|目標値|事業目標|目標|計画値|年度計画/],
  ["result", /実績|成果|結果|^現在値/],
  ["title", /項目$|^項目|事業名|取組名|名称$/],
  ["no", /^no\.?$|番号$/],
  ["category", /分野|大項目|基本方針|の柱$/],
];

const LOOKUP = new Map<string, HeaderRole>();
for (const [role, names] of Object.entries(ALIASES) as [Exclude<HeaderRole, "year">, readonly string[]][]) {
  for (const name of names) if (!LOOKUP.has(name)) LOOKUP.set(name, role);
}

/** Header text folded for matching: width, spaces, case. */
export function foldHeader(text: string): string {
  return foldWidth(text).replace(/\s+/g, "").toLowerCase();
}

/** A year without its era, as headers of one era write it: 27年度, 26年値, 27年. */
const ERALESS = /^(\d{1,2})年度?/;
/** Parenthesised notes and brackets: (決算値), (※注3), 【…】. */
const NOTES = /[(（[【][^)）\]】]*[)）\]】]/g;
/** What stands beside a year and says nothing of the role: 以降, 末, 現在, 値, 度. */
const YEAR_REST = /^(?:以降|以前|末|末現在|現在|値|の値|分|度|実績値?)?$/;

/** Longest text looked at as a header, spaces aside (its years and notes included). */
const MAX_HEADER_TEXT = 60;

/** A text too long to be looked at as a header (most cells of a table's rows): classifyHeader says nothing of it, known before it is folded. */
export function tooLongForHeader(text: string): boolean {
  return hasMoreNonSpaceThan(text, MAX_HEADER_TEXT);
}

/** Longest header text read as a header: a sentence is never one. */
const MAX_HEADER_LENGTH = 16;

/**
 * The meaning of one header cell, or undefined when it names nothing the reader knows. A sentence
 * (。 or longer than a header is) is never a header.
 */
export function classifyHeader(text: string): HeaderMeaning | undefined {
  if (tooLongForHeader(text)) return undefined;
  // Years are read before the case is folded (H26, R5), and cut out of what names the role.
  const compact = foldWidth(text).replace(/\s+/g, "");
  // A sentence (。, です・ます, a clause ending in 、) names no column.
  if (compact === "" || compact.length > MAX_HEADER_TEXT || /。|です|ます|[、,]$/.test(compact)) return undefined;
  const year = findFiscalYear(compact);
  let rest = compact;
  let fiscalYear: number | undefined;
  let eraless: number | undefined;
  if (year) {
    fiscalYear = year.fiscalYear;
    rest = compact.slice(0, year.index) + compact.slice(year.index + year.text.length);
  } else {
    const bare = ERALESS.exec(compact);
    if (bare) {
      eraless = Number(bare[1]);
      rest = compact.slice(bare[0].length);
    }
  }
  rest = rest.toLowerCase();
  const core = rest.replace(NOTES, "").replace(/^[・:：、,-]+|[・:：、,-]+$/g, "");
  const withYear = (meaning: HeaderMeaning): HeaderMeaning => ({
    ...meaning,
    ...(fiscalYear === undefined ? {} : { fiscalYear }),
    ...(eraless === undefined ? {} : { eraless }),
  });
  if ((fiscalYear !== undefined || eraless !== undefined) && YEAR_REST.test(core)) {
    // Only a year (H23, 2008年度, 26年値, 2011年度以降): a column of a year grid. 実績 beside it says results.
    return withYear({ role: /実績/.test(core) ? "result" : "year", exact: true });
  }
  if (core.length > MAX_HEADER_LENGTH) return undefined;
  const exact = LOOKUP.get(core) ?? LOOKUP.get(rest);
  if (exact) return withYear({ role: exact, exact: true });
  // The notes may hold the role itself: 当初予定 (目標値), 取組実績 (実績値).
  for (const [role, pattern] of PATTERNS) {
    if (pattern.test(core)) return withYear({ role, exact: false });
  }
  return undefined;
}

/** The roles that make a header row (the fields of a row; context roles do not count). */
export const CORE_ROLES: readonly HeaderRole[] = ["rating", "plan", "result", "title", "no", "department", "category", "actions", "sub", "notes"];
