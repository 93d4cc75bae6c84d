import { describe, expect, it } from "vitest";
import { extractMetrics } from "../../src/core/metrics/extract";
import { isDateFormat, numberCell, rawText } from "../../src/core/workbook/cells";
import { parseNumberFormat } from "../../src/core/workbook/numberFormat";
import { XlsxWorkbookPort } from "../../src/xlsx/workbookPort";
import { HEADER_CELLS, dataRow, sheetXml, stylesParts, workbookFile } from "../support/hostile";

/**
 * Number format codes as Japanese workbooks write them (Microsoft, "Review guidelines for customizing a
 * number format"; ECMA-376 Part 1 §18.8.30–31 and the grammar of [MS-OI29500] 2.1.712): which show a
 * date, and what a number shown with a unit or as a percentage reads as.
 */

const DATES = [
  'ggge"年"m"月"d"日"',
  '[$-ja-JP]ggge"年"m"月"d"日"',
  '[$-411]ggge"年"m"月"d"日"',
  "[$-411]ge.m.d",
  "yyyy/m/d",
  "m/d",
  "h:mm",
  "[h]:mm:ss",
  'yyyy"年"m"月"',
  'm"月"d"日"(aaa)',
  "mm-dd-yy",
  "h:mm AM/PM",
  "[$-F800]dddd, mmmm dd, yyyy",
  '[$-411]ggge"年"m"月"d"日";@',
];

const NOT_DATES = [
  'G/標準"人"',
  'General"件"',
  '#,##0"円"',
  '#,##0"件"',
  "[DBNum1]General",
  "[DBNum1]G/標準",
  '[DBNum1]G/標準"件"',
  "0.0%",
  "0%",
  "0.00E+00",
  "##0.0E+0",
  "#,##0;[赤]-#,##0",
  "#,##0;[Red]-#,##0",
  '"△"#,##0;"▲"#,##0',
  '#,##0;"△"#,##0',
  '#,##0,"千円"',
  "General",
  "G/標準",
  "@",
  "0_ ",
  '"dd"0',
  "0\\d",
  '[Blue][>=100]0"件";[Red][<0]0;0',
  "# ?/?",
  "[DBNum3]0",
  '"¥"#,##0;"¥"\\-#,##0',
];

describe("isDateFormat", () => {
  it.each(DATES)("%s shows a date or a time", (code) => {
    expect(isDateFormat(code)).toBe(true);
  });
  it.each(NOT_DATES)("%s shows a number, not a date", (code) => {
    expect(isDateFormat(code)).toBe(false);
  });
});

describe("parseNumberFormat", () => {
  it("splits sections on unquoted semicolons only", () => {
    expect(parseNumberFormat('"a;b"0;"△"0').sections).toHaveLength(2);
    expect(parseNumberFormat("0\\;0").sections).toHaveLength(1);
    expect(parseNumberFormat("[>=100]0;[<0]0;0;@").sections.map((s) => s.kind)).toEqual(["number", "number", "number", "text"]);
  });

  it("reads literals, percent, grouping, scaling and the kind of each section", () => {
    const [section] = parseNumberFormat('#,##0,"千円"').sections;
    expect(section).toMatchObject({ kind: "number", grouped: true, scale: 1, decimals: 0, suffix: "千円" });
    expect(parseNumberFormat("0.0%").sections[0]).toMatchObject({ kind: "number", percent: 1, decimals: 1 });
    expect(parseNumberFormat("G/標準\"人\"").sections[0]).toMatchObject({ kind: "general", suffix: "人" });
    expect(parseNumberFormat("0.00E+00").sections[0]).toMatchObject({ kind: "number", scientific: true });
    expect(parseNumberFormat('"△"#,##0').sections[0]).toMatchObject({ prefix: "△" });
    expect(parseNumberFormat("\\N\\o\\.0").sections[0]).toMatchObject({ prefix: "No." });
    // An unescaped point is the decimal point, as in Excel: \\N\\o.0 shows 1 as No1.0.
    expect(parseNumberFormat("\\N\\o.0").sections[0]).toMatchObject({ prefix: "No", decimals: 1 });
  });
});

describe("numberCell: a number as its format shows it", () => {
  it.each([
    [12, 'G/標準"人"', { number: 12, text: "12人" }],
    [12, 'General"件"', { number: 12, text: "12件" }],
    [1234, '#,##0"円"', { number: 1234, text: "1,234円" }],
    [12, '#,##0"件"', { number: 12, text: "12件" }],
    [12, '[DBNum1]G/標準"件"', { number: 12, text: "12件" }],
    [0.95, "0%", { number: 0.95, text: "95%" }],
    [0.95, "0.0%", { number: 0.95, text: "95.0%" }],
    [0.955, "0%", { number: 0.955, text: "96%" }],
    [1.005, '0.00"件"', { number: 1.005, text: "1.01件" }],
    [1234567, '#,##0,"千円"', { number: 1234567, text: "1,235千円" }],
    [-5, '#,##0;"△"#,##0', { number: -5, text: "△5" }],
    [-5, '"△"#,##0;"▲"#,##0', { number: -5, text: "▲5" }],
    [5, '"△"#,##0;"▲"#,##0', { number: 5, text: "△5" }],
    [-1200, '#,##0"人";"△"#,##0"人"', { number: -1200, text: "△1,200人" }],
    [0, '#,##0;-#,##0;"-"', { number: 0, text: "-" }],
    [150, '[>=100]"多い";"少ない"', { number: 150, text: "多い" }],
    [1, '"No."0', { number: 1, text: "No.1" }],
    [0.5, '0.0"倍"', { number: 0.5, text: "0.5倍" }],
    [12, ";;;", { number: 12, text: "" }],
    [2.5, 'General"時間"', { number: 2.5, text: "2.5時間" }],
  ] as const)("%s with %s", (value, code, expected) => {
    expect(numberCell(value, code)).toEqual(expected);
  });

  it.each([
    [12, "[DBNum1]General"],
    [12, "[DBNum1]G/標準"],
    [12, "0.00E+00"],
    [-5, "#,##0;[赤]-#,##0"],
    [-5, "#,##0;[Red]-#,##0"],
    [1234.5, "#,##0.00"],
    [12, "0_ "],
    [12, "@"],
    [12, "General"],
    [12, undefined],
    [-5, "#,##0_);(#,##0)"],
  ] as const)("%s with %s stays a number", (value, code) => {
    expect(numberCell(value, code)).toBe(value);
  });

  it("gives the date of a date format, in either date system", () => {
    expect(numberCell(44259, 'ggge"年"m"月"d"日"')).toEqual({ date: "2021-03-04" });
    expect(numberCell(44259, '[$-411]ggge"年"m"月"d"日"')).toEqual({ date: "2021-03-04" });
    expect(numberCell(44259, "yyyy/m/d")).toEqual({ date: "2021-03-04" });
    expect(numberCell(44259 - 1462, "yyyy/m/d", true)).toEqual({ date: "2021-03-04" });
    // A number a date format cannot show (a time of day alone) stays the number.
    expect(numberCell(0.5, "h:mm")).toBe(0.5);
  });

  it("reads each text as the metrics reader does: 95%, 12件, △5", () => {
    const read = (value: number, code: string) => extractMetrics(rawText(numberCell(value, code)))[0];
    expect(read(0.95, "0%")).toMatchObject({ value: 95, unit: "%" });
    expect(read(12, '#,##0"件"')).toMatchObject({ value: 12, unit: "件" });
    expect(read(12, 'G/標準"人"')).toMatchObject({ value: 12, unit: "人" });
    expect(read(-5, '#,##0"件";"△"#,##0"件"')).toMatchObject({ value: -5, unit: "件" });
  });
});

describe("the reader shows numbers as their formats do", () => {
  const formats = ['#,##0"件"', 'G/標準"人"', "0%", '[$-411]ggge"年"m"月"d"日"', '#,##0;"△"#,##0', "[DBNum1]General", "0.00E+00", 9];
  const file = () =>
    workbookFile(
      sheetXml([
        ...HEADER_CELLS,
        ...dataRow(2, { A: "分野", D: "項目", E: "課", F: "A" }),
        ["B2", 1, 6],
        ["H2", 10, 1],
        ["I2", 12, 1],
        ...dataRow(3, { A: "分野", B: 2, D: "二", E: "課", F: "A" }),
        ["H3", 100, 2],
        ["I3", 95, 2],
        ...dataRow(4, { A: "分野", B: 3, D: "三", E: "課", F: "A" }),
        ["H4", 1, 3],
        ["I4", 0.95, 8],
        ["J4", 44259, 4],
        ...dataRow(5, { A: "分野", B: 4, D: "四", E: "課", F: "A" }),
        ["H5", 0, 5],
        ["I5", -5, 5],
        ["J5", 12, 7],
      ]),
      stylesParts(formats),
    );

  it("reads 12 formatted #,##0\"件\" as 12件 (not 1900-01-12), 0.95 formatted 0% as 95%, and a date as a date", async () => {
    const port = await XlsxWorkbookPort.load(file());
    const rows = port.grids()[0]?.rows ?? [];
    expect(rawText(rows[1]?.[8])).toBe("12件");
    expect(rawText(rows[2]?.[8])).toBe("95人");
    expect(rawText(rows[3]?.[8])).toBe("95%");
    expect(rows[3]?.[9]).toEqual({ date: "2021-03-04" });
    expect(rawText(rows[4]?.[8])).toBe("△5");
    expect(rows[4]?.[9]).toBe(12);
    const { table } = await port.read();
    expect(table.rows.map((r) => r.item)).toEqual(["1", "2", "3", "4"]);
    expect(extractMetrics(table.rows[0]?.result ?? "")[0]).toMatchObject({ value: 12, unit: "件" });
    expect(extractMetrics(table.rows[2]?.result ?? "")[0]).toMatchObject({ value: 95, unit: "%" });
  });
});
