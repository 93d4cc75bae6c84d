import { findFiscalYear } from "../fiscalYear";
import { foldText } from "../text/fold";
import type { PlanMeta } from "./model";
import type { PlanSettings } from "./settings";
import type { TableRead } from "./table";

/** Where the evaluated fiscal year came from (understood.ts: the year grid, a line naming it, the results' years). */
export type FiscalYearSource = "settings" | "option" | "header" | "grid" | "due" | "title" | "legend" | "results";

export interface WorkbookMeta {
  meta: PlanMeta;
  fiscalYearSource?: FiscalYearSource;
}

/** A result header names a date (取組実績（令和3年3月末実績値）): the evaluation date. */
const EVALUATION_DATE = /((?:令和|平成|R|H)\s*(?:元|\d{1,2})\s*年\s*\d{1,2}\s*月末?|(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月末?)/;

/**
 * The plan's title, evaluated fiscal year and evaluation date (docs/contracts/workbook.md, "Plan
 * metadata"): what the settings sheet says, else what the workbook itself shows — as the reader understood
 * it (the headers 令和2年度当初予定, 目標（R5）; a year grid's last year with results; a line 評価年度:2008年度;
 * the title; the years the results name), else the headers and the title lines above the table.
 */
export function workbookMeta(table: TableRead, settings: PlanSettings): WorkbookMeta {
  const saved = settings.meta;
  const headers = table.headers;
  const headerTexts = [headers.plan, headers.result, ...table.headerCells].filter((h): h is string => Boolean(h));
  const titleLines = table.preamble.filter(isTitleLike);
  const titleLine = titleLines.find((line) => /進捗|実施状況|取組状況|達成状況|計画|プラン|大綱/.test(line)) ?? titleLines[0];

  let fiscalYear = saved.fiscalYear;
  let fiscalYearSource: FiscalYearSource | undefined = fiscalYear === undefined ? undefined : "settings";
  const understood = table.understood?.year;
  if (fiscalYear === undefined && understood) {
    fiscalYear = understood.fiscalYear;
    fiscalYearSource = understood.source;
  }
  if (fiscalYear === undefined) {
    const fromHeader = headerTexts.map((h) => findFiscalYear(h)?.fiscalYear).find((y) => y !== undefined);
    const fromTitle = table.preamble.map((line) => findFiscalYear(line)?.fiscalYear).find((y) => y !== undefined);
    fiscalYear = fromHeader ?? fromTitle;
    fiscalYearSource = fromHeader !== undefined ? "header" : fromTitle !== undefined ? "title" : undefined;
  }
  const evaluationDate = saved.evaluationDate ?? (headers.result ? EVALUATION_DATE.exec(foldText(headers.result))?.[1]?.replace(/\s+/g, "") : undefined);
  const title = saved.title || (titleLine ? planTitle(titleLine) : "");
  return {
    meta: {
      ...saved,
      title,
      ...(fiscalYear === undefined ? {} : { fiscalYear }),
      ...(evaluationDate ? { evaluationDate } : {}),
    },
    ...(fiscalYearSource ? { fiscalYearSource } : {}),
  };
}

/**
 * A line that can be a title: not a sentence (a comment above the table such as 「…実行計画を策定し…推進する
 * 必要がある。」 names a plan without being one) and short enough to head a page.
 */
function isTitleLike(line: string): boolean {
  const text = line.trim();
  return text.length > 0 && text.length <= TITLE_MAX && !/[。．]/.test(text);
}

const TITLE_MAX = 80;

/** 「小平市第3次行財政再構築プラン の進捗状況（令和2年度末）」 → 小平市第3次行財政再構築プラン. */
function planTitle(line: string): string {
  return line
    .replace(/\s*(?:の)?(?:進捗状況|実施状況|取組状況|達成状況|主な数値目標の成果).*$/, "")
    .replace(/[（(][^）)]*[）)]\s*$/, "")
    .trim()
    .slice(0, TITLE_MAX);
}
