import { readFileSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { run } from "../../src/cli/run";
import { runCheck } from "../../src/core/actions/check";
import { extractMetrics } from "../../src/core/metrics/extract";
import { officeCell } from "../../src/excel/cells";
import { XlsxWorkbookPort } from "../../src/xlsx/workbookPort";
import { HEADER_CELLS, dataRow, sheetXml, workbookFile } from "../support/hostile";

describe("the reader's findings through the check, the CLI, the metrics and the Office.js port", () => {
  it.each(["openpyxl.xlsx", "xlsxwriter.xlsx"])("%s: one FORMULA_RESULT_MISSING instead of a finding per rating cell", async (name) => {
    const bytes = new Uint8Array(readFileSync(resolve(__dirname, "../support/formulas", name)));
    const { result } = await runCheck(await XlsxWorkbookPort.load(bytes));
    const codes = result.findings.map((f) => f.code);
    expect(codes.filter((c) => c === "FORMULA_RESULT_MISSING")).toHaveLength(1);
    expect(codes).not.toContain("RATING_MISSING");
    expect(codes).not.toContain("RATING_INVALID");
    expect(codes).not.toContain("CELL_ERROR");
  });

  it("keeps each finding on one line when a cell holds a line feed or a tab", async () => {
    const title = "二行\n目\tの番号";
    const file = join(mkdtempSync(join(tmpdir(), "pp-")), "lf.xlsx");
    writeFileSync(file, workbookFile(sheetXml([...HEADER_CELLS, ...dataRow(2, { A: "分\n野", B: title, D: "項目", E: "課", F: "A", H: "(件数 10件)", I: "(件数 10件)" })])));
    const out: string[] = [];
    await run(["check", file], { out: (l) => out.push(l), err: () => undefined, version: "0" });
    const lines = out.join("\n").split("\n");
    const finding = lines.find((l) => l.includes("NUMBER_INVALID"));
    expect(finding).toContain("二行␊目␉の番号");
    expect(lines.some((l) => l.startsWith("  分␊野:"))).toBe(true);
  });

  it("finds a block followed by an invisible character", () => {
    expect(extractMetrics("(参加者数 1000人)\u200b")[0]).toMatchObject({ value: 1000, unit: "人" });
  });

  it("gives Excel's number cells through numberCell: 12件, 95%, a date", () => {
    expect(officeCell(12, "Double", '#,##0"件"')).toEqual({ number: 12, text: "12件" });
    expect(officeCell(0.95, "Double", "0%")).toEqual({ number: 0.95, text: "95%" });
    expect(officeCell(44259, "Double", '[$-411]ggge"年"m"月"d"日"')).toEqual({ date: "2021-03-04" });
    expect(officeCell(12, "Double", "G/標準")).toBe(12);
  });
});
