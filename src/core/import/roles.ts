import { findFiscalYear } from "../fiscalYear";
import { foldText } from "../text/fold";

/**
 * What a header of a published progress table stands for, read from its words: the rating, the
 * target (plan), the result, the item's title, the department, the item number. The synonyms are the
 * header texts of the corpus (tests/fixtures/cities/*\/source.md, "Header texts by role") and of the
 * Kodaira seed; a year written before a header (平成18年度目標, 27年度実績値, H27年度目標値) is the
 * column's year, not part of its name.
 *
 * The layout reader of workbooks (src/core/workbook/headers.ts) keeps its own table of aliases; the
 * two are meant to become one (the text importer reads the same headers as the workbook reader).
 */
export type Role = "rating" | "plan" | "result" | "title" | "department" | "no" | "category";

/** Exact names, after folding, spaces removed and the year taken off. */
const NAMES: Readonly<Record<Role, readonly string[]>> = {
  // 自己評価 (Sado), 判定 (Seki), 達成度 (Kawasaki), 評価 (Shimoda), 総合評価 (Minamisoma, Naha), 事業の評価 (Sakai).
  rating: ["評価", "自己評価", "評定", "進捗評価", "達成度", "進捗状況", "総合評価", "評価区分", "判定", "達成状況", "事業の評価", "成果の評価"],
  // 平成18年度目標 (Sado), 目標 (Arao), 事業目標 (Kawasaki), 27年度目標値 (Shimoda), 成果目標 (Naha), 指標値 (Sakai).
  plan: ["目標", "目標値", "年度目標", "計画", "計画値", "年度計画", "当初予定", "当初予定(目標値)", "数値目標", "事業目標", "成果目標", "指標値", "目標(指標)", "成果目標(指標)"],
  // 平成18年度実績 (Sado), 実績 (Arao, Kawasaki), 27年度実績値 (Shimoda), 成果実績 (Naha), 実績値 (Sakai).
  result: ["実績", "実績値", "年度実績", "成果", "取組実績", "実施状況", "成果実績", "成果実績(指標)", "達成値", "取組実績(実績値)"],
  // 事務事業名 (Kawasaki), 運営事業名 (Shimoda), 項目 (Kodaira, Seki), 事業名 (Naha).
  title: ["項目", "項目名", "取組項目", "改革項目", "実施項目", "取組事項", "事務事業名", "事業名", "運営事業名", "取組名", "施策名", "施設名", "交付対象事業の名称"],
  // 所管課 (Kawasaki, Minamisoma), 主な推進担当課 (Kodaira).
  department: ["担当課", "所管課", "主管課", "推進担当課", "主な推進担当課", "所管担当課", "部局", "担当部署", "所管部署", "担当"],
  no: ["no", "no.", "番号", "項番", "事業番号"],
  category: ["分野", "大項目", "基本方針", "重点項目", "体系"],
};

/** Words that make a header a role's when no name matched: 目標値 in 27年度目標値, 実績 in 取組実績（…）. */
const PATTERNS: readonly (readonly [Role, RegExp])[] = [
  ["rating", /(?:^|自己|総合|進捗)評価$|^判定$|^達成度$/],
  ["plan", /目標(?:値)?$|当初予定|計画値$/],
  ["result", /実績(?:値)?$|^実績/],
];

/** Header text folded for matching: width, spaces, parentheses' width, case. */
export function foldHeaderText(text: string): string {
  return foldText(text).replace(/\s+/g, "").toLowerCase();
}

const YEAR_PREFIX = /^(?:(?:令和|平成|昭和|[rhs])?(?:元|\d{1,4})年度?|(?:19|20)\d{2}年度)/;

export interface HeaderRole {
  role: Role;
  /** The fiscal year written before it (平成18年度目標 → 2006), when one is. */
  fiscalYear?: number;
  /** A year written without an era (27年度目標値): its number, for the era of the document. */
  eralessYear?: number;
}

/** The role of a header text, or undefined when it names none; `exact`: by the names only. */
export function headerRole(text: string, exact = false): HeaderRole | undefined {
  const folded = foldHeaderText(text);
  if (!folded || folded.length > 24) return undefined;
  const year = YEAR_PREFIX.exec(folded)?.[0] ?? "";
  const name = folded.slice(year.length);
  if (!name) return undefined;
  let role: Role | undefined;
  for (const candidate of Object.keys(NAMES) as Role[]) {
    if (NAMES[candidate].includes(name)) {
      role = candidate;
      break;
    }
  }
  for (const [candidate, pattern] of exact ? [] : PATTERNS) {
    if (role) break;
    if (pattern.test(name)) role = candidate;
  }
  if (!role) return undefined;
  if (!year) return { role };
  const fiscalYear = findFiscalYear(year.replace(/^([rhs])/, (m) => m.toUpperCase()))?.fiscalYear;
  if (fiscalYear !== undefined && /^(?:令和|平成|昭和|[rhs]|(?:19|20)\d{2})/.test(year)) return { role, fiscalYear };
  const erales = /^(\d{1,2})年度?$/.exec(year);
  return erales ? { role, eralessYear: Number(erales[1]) } : { role };
}

/**
 * A line of headers run together, as text extraction leaves a table's header row
 * (平成18年度目標平成18年度実績自己評価, Sado's 企画財政部 page): the roles in order, or undefined when the
 * line is not made of headers only.
 */
export function gluedHeaderRoles(line: string): HeaderRole[] | undefined {
  const folded = foldHeaderText(line);
  if (folded.length < 4 || folded.length > 60) return undefined;
  const roles: HeaderRole[] = [];
  let rest = folded;
  while (rest) {
    let found: { role: HeaderRole; length: number } | undefined;
    // The longest header that starts the rest.
    for (let length = Math.min(rest.length, 24); length >= 2; length -= 1) {
      const role = headerRole(rest.slice(0, length), true);
      if (role) {
        found = { role, length };
        break;
      }
    }
    if (!found) return undefined;
    roles.push(found.role);
    rest = rest.slice(found.length);
  }
  return roles.length >= 2 ? roles : undefined;
}
