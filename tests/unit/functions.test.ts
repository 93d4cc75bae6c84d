import { beforeAll, describe, expect, it } from "vitest";
import { ErrorCode, StubCustomFunctionsError, installCustomFunctionsStub } from "./stubCustomFunctions";

installCustomFunctionsStub();
let fiscalYear: (text: unknown) => number;

beforeAll(async () => {
  ({ fiscalYear } = await import("../../src/functions/functions"));
});

function errorOf(call: () => unknown): StubCustomFunctionsError {
  try {
    call();
  } catch (error) {
    if (error instanceof StubCustomFunctionsError) return error;
    throw error;
  }
  throw new Error("expected a CustomFunctions.Error");
}

describe("PLAN.FISCALYEAR", () => {
  it("reads Japanese dates and periods", () => {
    expect(fiscalYear("令和3年3月末")).toBe(2020);
    expect(fiscalYear("平成32年度")).toBe(2020);
    expect(fiscalYear("R5年度")).toBe(2023);
  });

  it("passes a western year given as a number through", () => {
    expect(fiscalYear(2024)).toBe(2024);
  });

  it.each([null, undefined, ""])("raises #N/A with a Japanese message for a blank (%j)", (blank) => {
    const error = errorOf(() => fiscalYear(blank));
    expect(error.code).toBe(ErrorCode.notAvailable);
    expect(error.message).toMatch(/^年度を表す文字列がありません/);
  });

  it("raises #N/A when the text holds no fiscal year", () => {
    const error = errorOf(() => fiscalYear("参加団体数 12団体"));
    expect(error.code).toBe(ErrorCode.notAvailable);
    expect(error.message).toContain("年度が読み取れません");
  });

  it.each([true, 3.5, 45000])("raises #VALUE! for a value of the wrong kind (%j)", (value) => {
    expect(errorOf(() => fiscalYear(value)).code).toBe(ErrorCode.invalidValue);
  });
});
