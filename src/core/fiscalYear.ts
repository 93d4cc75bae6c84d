import { parseJapaneseNumber } from "./quantity/number";
import { toNumber } from "./quantity/decimal";
import { foldText } from "./text/fold";

/**
 * Japanese fiscal years (年度) run from April to March: FY2020 = 2020-04-01 … 2021-03-31.
 *
 * Accepted forms (after width folding):
 *   令和2年度 / R2年度 / R2 → 2020      平成31年度 / H31 → 2019 (平成32年度 → 2020, as old plans write)
 *   令和元年度 → 2019                    令和3年3月末 → 2020 (a month date belongs to the FY containing it)
 *   2024年度 → 2024                      2021年3月 → 2020
 *   漢数字: 令和三年度 → 2021
 */

const ERA_BASE: Readonly<Record<string, number>> = {
  令和: 2018,
  R: 2018,
  平成: 1988,
  H: 1988,
  昭和: 1925,
  S: 1925,
};

/** Reads a small number written in digits, 元, or kanji up to 99 (三十一). */
function readEraNumber(raw: string): number | undefined {
  if (raw === "元") return 1;
  const value = parseJapaneseNumber(raw);
  return value === undefined ? undefined : toNumber(value);
}

// Group 1 is what must stand before the match (no lookbehind: older WebKit cannot parse it).
const ERA_PATTERN =
  /(^|[^A-Za-z])(令和|平成|昭和|[RHS])\s*(元|\d{1,2}|[〇一二三四五六七八九十]{1,3})\s*(?:(年度)|年(?:\s*(\d{1,2})\s*月)?)?/;
const WESTERN_PATTERN = /(^|[^\d])((?:19|20|21)\d{2})\s*(?:(年度)|年(?:\s*(\d{1,2})\s*月)?)/;

export interface FiscalYearMatch {
  fiscalYear: number;
  /** The matched text, as written (after folding). */
  text: string;
  index: number;
}

function fromYearAndMonth(year: number, fiscal: boolean, month: number | undefined): number {
  if (fiscal || month === undefined) return year;
  return fiscalYearOfMonth(year, month);
}

/** The fiscal year (April–March) that contains a month: 2021-03 → 2020, 2021-04 → 2021. */
export function fiscalYearOfMonth(year: number, month: number): number {
  return month >= 4 ? year : year - 1;
}

/** The fiscal year of a date written YYYY-MM-DD (a date cell as the ports hand it): 2021-03-31 → 2020. */
export function fiscalYearOfDate(date: string): number | undefined {
  const match = /^(\d{4})-(\d{2})-\d{2}$/.exec(date);
  return match ? fiscalYearOfMonth(Number(match[1]), Number(match[2])) : undefined;
}

/** Finds the first fiscal-year expression in the text, or undefined when there is none. */
export function findFiscalYear(text: string): FiscalYearMatch | undefined {
  const folded = foldText(text);
  const era = ERA_PATTERN.exec(folded);
  const western = WESTERN_PATTERN.exec(folded);
  const candidates: FiscalYearMatch[] = [];
  if (era) {
    const lead = era[1] ?? "";
    const base = ERA_BASE[era[2] ?? ""];
    const n = readEraNumber(era[3] ?? "");
    const abbreviated = /^[RHS]$/.test(era[2] ?? "");
    const written = era[0].slice(lead.length);
    // A bare "R" needs digits right after it ("R5"), and "令和" needs 年 unless abbreviated.
    const hasYearMark = era[4] !== undefined || /年/.test(written);
    if (base !== undefined && n !== undefined && n > 0 && (hasYearMark || abbreviated)) {
      const month = era[5] === undefined ? undefined : Number(era[5]);
      candidates.push({
        fiscalYear: fromYearAndMonth(base + n, era[4] !== undefined, month),
        text: written,
        index: era.index + lead.length,
      });
    }
  }
  if (western) {
    const lead = western[1] ?? "";
    const month = western[4] === undefined ? undefined : Number(western[4]);
    candidates.push({
      fiscalYear: fromYearAndMonth(Number(western[2]), western[3] !== undefined, month),
      text: western[0].slice(lead.length),
      index: western.index + lead.length,
    });
  }
  candidates.sort((a, b) => a.index - b.index);
  return candidates[0];
}

/** The fiscal year of the text, or undefined. `parseFiscalYear("令和3年3月末")` → 2020. */
export function parseFiscalYear(text: string): number | undefined {
  return findFiscalYear(text)?.fiscalYear;
}

/** 2020 → "令和2年度"; 2019 → "令和元年度"; before 2019 → "平成N年度". */
export function fiscalYearLabel(fiscalYear: number): string {
  if (fiscalYear >= 2019) {
    const n = fiscalYear - 2018;
    return `令和${n === 1 ? "元" : n}年度`;
  }
  return `平成${fiscalYear - 1988}年度`;
}
