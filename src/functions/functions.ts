/*
 * PLAN custom functions. Excel reads this file's JSDoc to build functions.json
 * (custom-functions-metadata-plugin), and the plugin appends the CustomFunctions.associate calls
 * at build time: never call associate here. The functions are pure functions of their arguments,
 * on the same engine as the check (src/core), so a cell formula and the one-click check agree.
 * Parameters are `any` where a cell may hold text, a number or nothing: blanks are reported rather
 * than coerced. Optional arguments arrive as null.
 *
 * Empty cells: Excel on the web passes a reference to an empty cell as null, desktop Excel as the
 * number 0 ("Empty cells are passed as zero in desktop and null in office web",
 * https://github.com/OfficeDev/office-js/issues/4702; optional parameters too,
 * https://github.com/OfficeDev/office-js/issues/5262). Nothing in the arguments tells that 0 from a
 * cell holding 0 (https://github.com/OfficeDev/office-js/issues/1951: "cannot disambiguate from
 * legitimate zero cells"), so every parameter reads the number 0 as an empty cell, on every platform:
 * an empty cell gets one answer everywhere. That loses no rating, scale, marker, index, tolerance or
 * year (0 is none of them); a zero target or result is written as text with its unit ("0件"), as the
 * progress table writes its values, and a zero S margin as "0%". docs/contracts/functions.md gives
 * the reasons and what was weighed against them.
 */
/* eslint-disable @typescript-eslint/no-explicit-any -- the metadata generator takes only a literal `any` */
import { checkRatingCell } from "../core/check/cellCheck";
import { fiscalYearOfDate, parseFiscalYear } from "../core/fiscalYear";
import { argumentMetrics, evaluateArguments } from "../core/rating/arguments";
import { expectedRating, worstPair } from "../core/rating/judgement";
import { DEFAULT_PROFILE, type RatingProfile } from "../core/rating/profile";
import { DEFAULT_SCALE, scaleFromText, type RatingScale } from "../core/rating/scale";
import { serialToDate } from "../core/workbook/cells";
import { Memo } from "../core/memo";
import { CELL_MESSAGES } from "./messages";

type Message = (typeof CELL_MESSAGES)[keyof typeof CELL_MESSAGES];

/** What the functions remember for this runtime: a sheet recalculates the same cell texts again and again. */
const memo = new Memo();

function notAvailable(message: Message): CustomFunctions.Error {
  return new CustomFunctions.Error(CustomFunctions.ErrorCode.notAvailable, message);
}

function invalidValue(message: Message): CustomFunctions.Error {
  return new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, message);
}

/**
 * An empty cell as any platform passes it: null (Excel on the web, an omitted optional argument), the
 * number 0 (desktop Excel, see above), or text of spaces only.
 */
const isEmptyCell = (value: unknown): boolean =>
  value === null || value === undefined || value === 0 || (typeof value === "string" && value.trim() === "");

/** A cell that may hold text or a number; a boolean or an array is of the wrong kind. */
function textOrNumber(value: unknown): string | number {
  if (typeof value === "string" || (typeof value === "number" && Number.isFinite(value))) return value;
  throw invalidValue(CELL_MESSAGES.notTextOrNumber);
}

/**
 * A ratio given as 0.9, as a percentage (90), or as text ("90%", "0%", "0.9"): the text form is how a
 * zero is asked for, since the number 0 reads as an empty cell.
 */
function ratio(value: unknown, fallback: number, low: number, lowInclusive: boolean, message: Message): number {
  if (isEmptyCell(value)) return fallback;
  let r: number;
  if (typeof value === "number" && Number.isFinite(value)) {
    r = value > 1 && value <= 100 ? value / 100 : value;
  } else if (typeof value === "string") {
    const written = /^(\d+(?:\.\d+)?)\s*(%?)$/.exec(value.normalize("NFKC").trim());
    if (!written) throw invalidValue(message);
    const n = Number(written[1]);
    r = written[2] ? n / 100 : n > 1 && n <= 100 ? n / 100 : n;
  } else {
    throw invalidValue(message);
  }
  if (r > 1 || (lowInclusive ? r < low : r <= low)) throw invalidValue(message);
  return r;
}

/** A scale written best first ("S,A,B", "◎○△×", "達成,未達成"); the default S/A/B when blank. */
function scaleOf(value: unknown): RatingScale {
  if (isEmptyCell(value)) return DEFAULT_SCALE;
  const scale = typeof value === "string" ? scaleFromText(value) : undefined;
  if (!scale) throw invalidValue(CELL_MESSAGES.scaleInvalid);
  return scale;
}

function profileOf(tolerance: unknown, sMargin: unknown, scale?: unknown): RatingProfile {
  return {
    ...DEFAULT_PROFILE,
    toleranceFloor: ratio(tolerance, DEFAULT_PROFILE.toleranceFloor, 0, false, CELL_MESSAGES.toleranceInvalid),
    sMargin: ratio(sMargin, DEFAULT_PROFILE.sMargin, 0, true, CELL_MESSAGES.marginInvalid),
    scale: scaleOf(scale),
  };
}

function evaluate(target: unknown, actual: unknown, profile: RatingProfile) {
  if (isEmptyCell(target)) throw notAvailable(CELL_MESSAGES.targetEmpty);
  if (isEmptyCell(actual)) throw notAvailable(CELL_MESSAGES.actualEmpty);
  const t = textOrNumber(target);
  const a = textOrNumber(actual);
  if (argumentMetrics(t, memo).length === 0) throw notAvailable(CELL_MESSAGES.targetMissing);
  if (argumentMetrics(a, memo).length === 0) throw notAvailable(CELL_MESSAGES.actualMissing);
  return evaluateArguments(t, a, { profile, memo });
}

/**
 * The rating the numbers support: S, A, B (or the scale's symbol), or "-" when they cannot be compared.
 * @customfunction RATING
 * @param {any} target The plan cell (its target values) or a number.
 * @param {any} actual The results cell (its achieved values) or a number.
 * @param {any} [tolerance] Tolerance floor, e.g. 0.9 (default 1).
 * @param {any} [s_margin] S margin, e.g. 0.1 (default); zero is written "0%".
 * @param {any} [scale] Rating scale, best first, e.g. "S,A,B", "◎○△×" or "達成,未達成" (default S,A,B).
 * @returns {string} S, A, B or -.
 */
export function rating(target: any, actual: any, tolerance?: any, s_margin?: any, scale?: any): string {
  const profile = profileOf(tolerance, s_margin, scale);
  return expectedRating(evaluate(target, actual, profile).pairs, profile.scale);
}

/**
 * Empty when the stated rating agrees with the numbers; otherwise the finding code and the evidence.
 * @customfunction CHECK
 * @param {any} rating The stated rating: a symbol of the scale (a sub-item's "-" or an empty cell gives "").
 * @param {any} target The plan cell (its target values) or a number.
 * @param {any} actual The results cell (its achieved values) or a number.
 * @param {any} [tolerance] Tolerance floor, e.g. 0.9 (default 1).
 * @param {any} [s_margin] S margin, e.g. 0.1 (default); zero is written "0%".
 * @param {any} [scale] Rating scale, best first, e.g. "S,A,B", "◎○△×" or "達成,未達成" (default S,A,B).
 * @returns {string} "" or e.g. RATING_OVERSTATED: 実績44.0% / 目標95% (46%).
 */
export function check(rating: any, target: any, actual: any, tolerance?: any, s_margin?: any, scale?: any): string {
  const profile = profileOf(tolerance, s_margin, scale);
  // A rating is a symbol of the scale, written as text: a number is never one, and 0 is an empty cell.
  if (isEmptyCell(rating)) return "";
  if (typeof rating !== "string") throw invalidValue(CELL_MESSAGES.ratingInvalid);
  if (isEmptyCell(target) || isEmptyCell(actual)) return "";
  const answer = checkRatingCell(rating, textOrNumber(target), textOrNumber(actual), profile, memo);
  if (answer === undefined) throw invalidValue(CELL_MESSAGES.ratingInvalid);
  return answer;
}

/**
 * The achievement of the worst pair (or of the pair marked ①②③), direction-aware: 0.463 for 46.3%.
 * @customfunction ACHIEVEMENT
 * @param {any} target The plan cell (its target values) or a number.
 * @param {any} actual The results cell (its achieved values) or a number.
 * @param {any} [marker] The number of a ①②③ marker: 2 for ②.
 * @returns {number} The achievement ratio.
 */
export function achievement(target: any, actual: any, marker?: any): number {
  const evaluation = evaluate(target, actual, DEFAULT_PROFILE);
  let pairs = evaluation.pairs.filter((p) => p.achievement !== undefined);
  // ①②③ count from 1: 0 is an empty cell, as an omitted marker.
  if (!isEmptyCell(marker)) {
    const n = typeof marker === "number" ? marker : Number(String(marker).trim());
    if (!Number.isInteger(n) || n < 1) throw invalidValue(CELL_MESSAGES.indexInvalid);
    pairs = pairs.filter((p) => p.target.marker === n);
    if (pairs.length === 0) throw notAvailable(CELL_MESSAGES.markerNotFound);
  }
  const worst = worstPair(pairs);
  if (worst?.achievement === undefined) throw notAvailable(CELL_MESSAGES.noPair);
  return Math.round(worst.achievement * 1e6) / 1e6;
}

/**
 * The value of a metric in base units (円 for 千円/万円/億円): PLAN.QUANTITY("370万件以上") is 3700000.
 * Named QUANTITY, not VALUE: a custom function must not share its name with a built-in one (VALUE).
 * @customfunction QUANTITY
 * @param {any} text A cell's text or a quantity.
 * @param {any} [index] Which metric, from 1 (default 1).
 * @returns {number} The value.
 */
export function quantity(text: any, index?: any): number {
  if (isEmptyCell(text)) throw notAvailable(CELL_MESSAGES.textEmpty);
  const metrics = argumentMetrics(textOrNumber(text), memo);
  let n = 1;
  // Indexes count from 1: 0 is an empty cell, as an omitted index.
  if (!isEmptyCell(index)) {
    if (typeof index !== "number" || !Number.isInteger(index) || index < 1) throw invalidValue(CELL_MESSAGES.indexInvalid);
    n = index;
  }
  if (metrics.length === 0) throw notAvailable(CELL_MESSAGES.noValue);
  const metric = metrics[n - 1];
  if (!metric) throw notAvailable(CELL_MESSAGES.indexOutOfRange);
  if (metric.notANumber || !Number.isFinite(metric.value)) throw invalidValue(CELL_MESSAGES.notANumber);
  return metric.value;
}

/**
 * The metrics of a cell's text as a table that spills: marker, label, value, unit, op.
 * @customfunction METRICS
 * @param {any} text A plan or results cell.
 * @returns {any[][]} One row per metric.
 */
export function metrics(text: any): any[][] {
  if (isEmptyCell(text)) throw notAvailable(CELL_MESSAGES.textEmpty);
  const found = argumentMetrics(textOrNumber(text), memo);
  if (found.length === 0) throw notAvailable(CELL_MESSAGES.noValue);
  // A value too long to be a number is #VALUE! in its own cell, the rest of the table shown: Excel has
  // no NaN ("Excel instead immediately generates an error such as #NUM! or #DIV/0!",
  // https://learn.microsoft.com/office/troubleshoot/excel/floating-point-arithmetic-inaccurate-result).
  return found.map((m) => [
    m.marker ?? "",
    m.label,
    m.notANumber || !Number.isFinite(m.value) ? invalidValue(CELL_MESSAGES.notANumber) : m.value,
    m.unit,
    m.op,
  ]);
}

/**
 * Returns the fiscal year (年度) of a Japanese date or period, e.g. 令和3年3月末 → 2020, or of a date cell.
 * @customfunction FISCALYEAR
 * @param {any} text A date or period such as 令和2年度, R5年度, 平成31年度 or 令和3年3月末, or a date cell.
 * @param {any} [date_1904] TRUE when the workbook uses the 1904 date system (for a date cell).
 * @returns {number} The fiscal year as a western year.
 */
export function fiscalYear(text: any, date_1904?: any): number {
  const value: unknown = text;
  // 0 is no year and no date (serial 1 is 1900-01-01): an empty cell.
  if (isEmptyCell(value)) throw notAvailable(CELL_MESSAGES.fiscalYearEmpty);
  if (typeof value === "number") {
    if (Number.isInteger(value) && value >= 1900 && value <= 2200) return value;
    // Excel hands a date cell to a function as its serial number (1900 date system unless told otherwise).
    const date = value > 2200 ? serialToDate(value, date_1904 === true) : undefined;
    if (!date) throw invalidValue(CELL_MESSAGES.fiscalYearNotText);
    const year = fiscalYearOfDate(date);
    if (year === undefined) throw invalidValue(CELL_MESSAGES.fiscalYearNotText);
    return year;
  }
  if (typeof value !== "string") throw invalidValue(CELL_MESSAGES.fiscalYearNotText);
  const year = parseFiscalYear(value);
  if (year === undefined) throw notAvailable(CELL_MESSAGES.fiscalYearNotFound);
  return year;
}
