/*
 * PLAN custom functions. Excel reads this file's JSDoc to build functions.json
 * (custom-functions-metadata-plugin), and the plugin appends the CustomFunctions.associate calls
 * at build time: never call associate here. The functions are pure; they share nothing with the
 * task pane except through the core modules.
 */
import { parseFiscalYear } from "../core/fiscalYear";
import { CELL_MESSAGES } from "./messages";

type CellInput = string | number | boolean | null | undefined;

function notAvailable(message: string): CustomFunctions.Error {
  return new CustomFunctions.Error(CustomFunctions.ErrorCode.notAvailable, message);
}

function invalidValue(message: string): CustomFunctions.Error {
  return new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, message);
}

/**
 * Returns the fiscal year (年度) of a Japanese date or period, e.g. 令和3年3月末 → 2020.
 * @customfunction FISCALYEAR
 * @param {any} text A date or period such as 令和2年度, R5年度, 平成31年度 or 令和3年3月末.
 * @returns {number} The fiscal year as a western year.
 */
// The metadata generator takes only a literal `any` for cells that may hold text, numbers or nothing.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function fiscalYear(text: any): number {
  const value: CellInput = text;
  if (value === null || value === undefined || value === "") {
    throw notAvailable(CELL_MESSAGES.fiscalYearEmpty);
  }
  if (typeof value === "number") {
    if (Number.isInteger(value) && value >= 1900 && value <= 2200) return value;
    throw invalidValue(CELL_MESSAGES.fiscalYearNotText);
  }
  if (typeof value !== "string") {
    throw invalidValue(CELL_MESSAGES.fiscalYearNotText);
  }
  const year = parseFiscalYear(value);
  if (year === undefined) {
    throw notAvailable(CELL_MESSAGES.fiscalYearNotFound);
  }
  return year;
}
