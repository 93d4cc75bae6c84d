import { describe, expect, it } from "vitest";
import { findFiscalYear, fiscalYearLabel, fiscalYearOfDate, parseFiscalYear } from "../../src/core/fiscalYear";

describe("parseFiscalYear", () => {
  it.each([
    ["令和2年度", 2020],
    ["令和元年度", 2019],
    ["令和3年3月末", 2020],
    ["令和3年4月1日", 2021],
    ["令和2年10月1日施行", 2020],
    ["平成31年度", 2019],
    ["平成32年度", 2020],
    ["平成30年4月", 2018],
    ["R5年度", 2023],
    ["R5", 2023],
    ["H30年度", 2018],
    ["Ｒ５年度", 2023],
    ["令和４年度末", 2022],
    ["令和三年度", 2021],
    ["2024年度", 2024],
    ["2021年3月", 2020],
    ["(市民一人当たりごみ量 480g/人日(令和4年度末))", 2022],
    ["令和2年度当初予算", 2020],
  ])("%s → %i", (text, expected) => {
    expect(parseFiscalYear(text)).toBe(expected);
  });

  it.each(["", "なし", "12団体", "ROI 5%", "第3次", "No.12"])("%j has no fiscal year", (text) => {
    expect(parseFiscalYear(text)).toBeUndefined();
  });

  it("takes the first expression and reports where it stands", () => {
    const match = findFiscalYear("取組実績 (令和3年3月末実績値) 令和4年度");
    expect(match).toMatchObject({ fiscalYear: 2020, text: "令和3年3月" });
    expect(match?.index).toBe(6);
  });
});

describe("fiscalYearLabel", () => {
  it.each([
    [2020, "令和2年度"],
    [2019, "令和元年度"],
    [2018, "平成30年度"],
  ])("%i → %s", (year, label) => {
    expect(fiscalYearLabel(year)).toBe(label);
  });
});

describe("fiscalYearOfDate (PLAN.FISCALYEAR of a date cell asks it, as the check's month dates do)", () => {
  it.each([
    ["2021-03-31", 2020],
    ["2021-04-01", 2021],
    ["2020-01-15", 2019],
    ["2019-12-31", 2019],
  ])("%s → %i", (date, year) => {
    expect(fiscalYearOfDate(date)).toBe(year);
    // The same rule as a month written in words.
    expect(parseFiscalYear(`${date.slice(0, 4)}年${Number(date.slice(5, 7))}月末`)).toBe(year);
  });

  it("reads nothing else", () => {
    expect(fiscalYearOfDate("令和3年3月末")).toBeUndefined();
  });
});
