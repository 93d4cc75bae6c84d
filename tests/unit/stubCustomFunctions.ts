/**
 * A stand-in for the CustomFunctions global that Excel provides, so that the functions module can be
 * imported and called directly in Node; and what Excel does with the arguments and results that a
 * stand-in would otherwise hide. Each behaviour taught here names its source.
 */
export class StubCustomFunctionsError extends Error {
  constructor(
    public readonly code: string,
    message?: string,
  ) {
    super(message);
    this.name = "CustomFunctions.Error";
  }
}

export const ErrorCode = {
  invalidValue: "#VALUE!",
  notAvailable: "#N/A",
  divisionByZero: "#DIV/0!",
  invalidNumber: "#NUM!",
  nullReference: "#NULL!",
  invalidName: "#NAME?",
  invalidReference: "#REF!",
} as const;

export function installCustomFunctionsStub(): Map<string, unknown> {
  const associated = new Map<string, unknown>();
  (globalThis as Record<string, unknown>).CustomFunctions = {
    Error: StubCustomFunctionsError,
    ErrorCode,
    associate: (id: string, fn: unknown) => associated.set(id, fn),
  };
  return associated;
}

/** An argument that refers to an empty cell, in a call written once for every platform. */
export const EMPTY_CELL: unique symbol = Symbol("empty cell");

/** The report names "PC desktop" (Windows); Mac is taken to pass the same, and checked by hand (docs/excel-checklist.md, 5b). */
export type Platform = "Excel on the web" | "desktop Excel";
export const PLATFORMS: readonly Platform[] = ["Excel on the web", "desktop Excel"];

/**
 * The arguments as each platform hands them to a custom function whose parameters are `any`: a
 * reference to an empty cell is null on the web and the number 0 on the desktop.
 * Source: https://github.com/OfficeDev/office-js/issues/4702 — "Empty cells are passed as zero in
 * desktop and null in office web." (optional parameters alike:
 * https://github.com/OfficeDev/office-js/issues/5262 — "when an empty cell in a range is passed to a
 * custom function with an optional parameter of type any, Excel sends 0 for empty cells").
 */
export function argumentsAs(platform: Platform, args: readonly unknown[]): unknown[] {
  return args.map((a) => (a === EMPTY_CELL ? (platform === "Excel on the web" ? null : 0) : a));
}

/** What a cell shows for a function's answer: the value, or the error's code and message. */
export type Shown = string | number | boolean | { error: string; message: string } | Shown[][];

/**
 * What Excel can show of a result. A value is a string, a number or a boolean ("A single value may be
 * represented using one of the following types: boolean, number, string.",
 * https://learn.microsoft.com/office/dev/add-ins/excel/custom-functions-json-autogeneration#value-types),
 * an error is a CustomFunctions.Error, also inside an array ("Custom functions can return dynamic
 * arrays that include errors.", https://learn.microsoft.com/office/dev/add-ins/excel/custom-functions-errors).
 * Excel has no NaN or infinity ("NaNs allow a program to continue past an invalid operation. Excel
 * instead immediately generates an error such as #NUM! or #DIV/0!",
 * https://learn.microsoft.com/office/troubleshoot/excel/floating-point-arithmetic-inaccurate-result),
 * so a non-finite number in a result is a defect of the function: it throws here. A null inside an
 * array shows as 0 ("null values in javascript are converted to 0", closed by design:
 * https://github.com/OfficeDev/office-js/issues/1503).
 */
export function shownInCell(result: unknown, inArray = false): Shown {
  if (result instanceof StubCustomFunctionsError) return { error: result.code, message: result.message };
  if (Array.isArray(result)) {
    if (inArray) throw new Error("an array inside an array element: Excel shows no such value");
    return result.map((row: unknown) => {
      if (!Array.isArray(row)) throw new Error("a matrix result must be an array of rows");
      return row.map((cell: unknown) => shownInCell(cell, true));
    }) as Shown[][];
  }
  if (result === null && inArray) return 0;
  if (typeof result === "number") {
    if (!Number.isFinite(result)) throw new Error(`${String(result)} is no value of Excel's: return an error value instead`);
    return result;
  }
  if (typeof result === "string" || typeof result === "boolean") return result;
  throw new Error(`${String(result)} (${typeof result}) is no value Excel shows`);
}

/** Calls a function as a cell would: its answer, or the error it raises, as the cell shows it. */
export function callAsCell(fn: (...args: unknown[]) => unknown, args: readonly unknown[]): Shown {
  try {
    return shownInCell(fn(...args));
  } catch (error) {
    if (error instanceof StubCustomFunctionsError) return shownInCell(error);
    throw error;
  }
}
