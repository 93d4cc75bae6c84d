import { foldWidth } from "../text/fold";
import type { RawCell } from "./cells";
import { rawText } from "./cells";

/** The fields of the progress table (docs/contracts/workbook.md). */
export const FIELDS = ["category", "no", "sub", "title", "department", "rating", "actions", "plan", "result", "notes"] as const;
export type Field = (typeof FIELDS)[number];

/** 0-based column index of each field found. */
export type ColumnMap = Partial<Record<Field, number>>;

export const CANONICAL_HEADER: Readonly<Record<Field, string>> = {
  category: "分野",
  no: "No.",
  sub: "枝番",
  title: "項目",
  department: "主な推進担当課",
  rating: "評価",
  actions: "実施内容",
  plan: "当初予定（目標値）",
  result: "取組実績（実績値）",
  notes: "備考",
};

const ALIASES: Readonly<Record<Field, readonly string[]>> = {
  category: ["分野", "区分", "体系", "大項目", "基本方針", "重点項目", "category", "area"],
  no: ["no.", "no", "番号", "項番", "通番", "itemno.", "itemno"],
  sub: ["枝番", "細目", "subno.", "subno"],
  title: ["項目", "項目名", "取組項目", "取組名", "取組事項", "実施項目", "改革項目", "item", "title"],
  department: ["主な推進担当課", "担当課", "所管課", "推進担当課", "担当部署", "所管部署", "担当", "department"],
  rating: ["評価", "進捗評価", "達成度", "達成状況", "進捗状況", "判定", "rating"],
  actions: ["実施内容", "取組内容", "actions"],
  plan: ["目標", "目標値", "計画", "年度計画", "計画値", "当初予定", "plan", "target"],
  result: ["実績", "実績値", "成果", "取組実績", "result", "actual"],
  notes: ["備考", "notes", "remarks"],
};

/**
 * Headers containing these words, in this order of preference, are the field's column when no name or
 * alias matched: years and notes around them are common (令和2年度当初予定 (目標値), 目標（R5）,
 * 取組実績（令和3年3月末実績値）, 評価（S・A・B）).
 */
const PATTERNS: Partial<Record<Field, readonly RegExp[]>> = {
  department: [/担当課|所管課|担当部署|所管部署/],
  rating: [/^評価|進捗評価|達成度|^判定/],
  plan: [/当初予定|目標値/, /目標|年度計画|計画値/],
  result: [/実績/, /成果/],
};

export const REQUIRED: readonly Field[] = ["no", "rating", "plan", "result"];

/** Header text folded for matching: width, spaces, case. */
export function foldHeader(text: string): string {
  return foldWidth(text).replace(/\s+/g, "").toLowerCase();
}

/** Matches one header row. A column serves one field; names and aliases win over patterns. */
export function matchHeader(row: readonly RawCell[]): ColumnMap {
  const map: ColumnMap = {};
  const used = new Set<number>();
  const folded = row.map((cell) => foldHeader(rawText(cell)));
  for (const field of FIELDS) {
    const index = folded.findIndex((text, i) => !used.has(i) && text !== "" && ALIASES[field].includes(text));
    if (index >= 0) {
      map[field] = index;
      used.add(index);
    }
  }
  for (const field of FIELDS) {
    if (map[field] !== undefined) continue;
    for (const pattern of PATTERNS[field] ?? []) {
      const index = folded.findIndex((text, i) => !used.has(i) && pattern.test(text));
      if (index >= 0) {
        map[field] = index;
        used.add(index);
        break;
      }
    }
  }
  return map;
}

/** Required fields a column map lacks ("title or sub" counts as one). */
export function missingFields(map: ColumnMap): Field[] {
  const missing = REQUIRED.filter((field) => map[field] === undefined);
  if (map.title === undefined && map.sub === undefined) missing.splice(1, 0, "title");
  return missing;
}

export function headerScore(map: ColumnMap): number {
  return Object.keys(map).length - missingFields(map).length * 2;
}
