import type { Memo } from "../memo";
import type { SimpleSheet, WorkbookPort, WorkbookRead } from "../port";
import { fiscalYearLabel } from "../fiscalYear";
import { columnLetter } from "../workbook/cells";
import { workbookMeta } from "../workbook/planMeta";
import { DEFAULT_SETTINGS } from "../workbook/settings";
import { settingsWithUnderstood } from "../workbook/understood";
import { DIFF_RULES_BY_CODE } from "./catalogue";
import { diffTables, type DiffResult } from "./diff";

/** A comparison of two years, with the sheets of each year's table. */
export type YearComparison = DiffResult & { lastSheet: string; thisSheet: string };

/** Reads last year's and this year's workbooks through their ports and compares them. Writes nothing. */
export async function runDiff(last: WorkbookPort, current: WorkbookPort, memo?: Memo): Promise<YearComparison> {
  const [was, now] = await Promise.all([last.read(), current.read()]);
  return diffReads(was, now, memo);
}

/** Compares two years already read (a shell that lets each workbook go once its table is read). */
export function diffReads(was: WorkbookRead, now: WorkbookRead, memo?: Memo): YearComparison {
  // Each year's settings, the scale its table says where the profile names none.
  const lastSettings = settingsWithUnderstood(was.settings?.settings ?? DEFAULT_SETTINGS, was.table.understood);
  const thisSettings = settingsWithUnderstood(now.settings?.settings ?? DEFAULT_SETTINGS, now.table.understood);
  const lastYear = workbookMeta(was.table, lastSettings).meta.fiscalYear;
  const thisYear = workbookMeta(now.table, thisSettings).meta.fiscalYear;
  const result = diffTables(was.table, now.table, {
    scale: thisSettings.profile.scale,
    ...(memo ? { memo } : {}),
    ...(lastYear === undefined ? {} : { lastFiscalYear: lastYear }),
    ...(thisYear === undefined ? {} : { thisFiscalYear: thisYear }),
  });
  return { ...result, lastSheet: was.table.sheet, thisSheet: now.table.sheet };
}

export const DIFF_SHEET = "前年度との比較";

const SEVERITY_JA = { error: "エラー", warning: "警告", info: "情報" } as const;

/** The comparison as a sheet: one row per finding (linked to this year's cell), then the movement per 分野. */
export function diffSheet(result: DiffResult, sheet: string): SimpleSheet {
  const years =
    result.lastFiscalYear !== undefined && result.thisFiscalYear !== undefined
      ? `${fiscalYearLabel(result.lastFiscalYear)} → ${fiscalYearLabel(result.thisFiscalYear)}`
      : "前年度 → 今年度";
  const rows: SimpleSheet["rows"] = result.findings.map((f) => {
    const address = f.row === undefined ? "" : `${columnLetter(0)}${f.row}`;
    return {
      values: [SEVERITY_JA[f.severity], f.item ?? "", f.code, DIFF_RULES_BY_CODE.get(f.code)?.title.ja ?? "", f.category ?? "", f.message.ja],
      ...(address ? { link: { column: 1, sheet, address } } : {}),
    };
  });
  rows.push({ values: ["", "", "", "", "", ""] });
  rows.push({ values: ["分野別", "項目数", "上がった", "下がった", "変わらない", "新しい項目"] });
  for (const c of result.categories) rows.push({ values: [c.name, String(c.items), String(c.up), String(c.down), String(c.same), String(c.added)] });
  return {
    name: DIFF_SHEET,
    title: `前年度との比較（${years}、計画進捗チェッカーが作成）`,
    columns: [
      { header: "重要度", width: 10 },
      { header: "項目", width: 8 },
      { header: "コード", width: 26 },
      { header: "内容", width: 28 },
      { header: "分野", width: 22 },
      { header: "メッセージ", width: 70 },
    ],
    rows,
  };
}
