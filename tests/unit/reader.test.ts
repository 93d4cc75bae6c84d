import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { runCheck } from "../../src/core/actions/check";
import { RULES_BY_CODE } from "../../src/core/check/catalogue";
import { isFormulaWithoutResult, rawText } from "../../src/core/workbook/cells";
import { readXlsx } from "../../src/xlsx/reader";
import { XlsxWorkbookPort } from "../../src/xlsx/workbookPort";
import { nodeInflater } from "../../src/cli/inflate";
import { HEADER_CELLS, dataRow, sheetXml, soundTable, workbookFile, workbookParts, zip64File } from "../support/hostile";

const fixture = (name: string) => new Uint8Array(readFileSync(resolve(__dirname, "../support/formulas", name)));

describe("ZIP64 central directories (APPNOTE.TXT 4.3.14, 4.3.15, 4.5.3)", () => {
  const parts = () => workbookParts(sheetXml(soundTable(3)));

  it.each(["all", "sizes"] as const)("reads a workbook written with ZIP64 records (%s), with either inflater", async (mode) => {
    const bytes = zip64File(parts(), mode);
    for (const inflate of [undefined, nodeInflater]) {
      const port = await XlsxWorkbookPort.load(bytes, inflate ? { inflate } : {});
      expect((await port.read()).table.rows.map((r) => r.item)).toEqual(["1", "2", "3"]);
    }
  });

  it.each(["all", "sizes"] as const)("writes into a workbook written with ZIP64 records (%s): the report's table sheet copied as stored", async (mode) => {
    const { writeOwnSheet } = await import("../../src/core/actions/sheets");
    const { storedEntries } = await import("../support/packageParts");
    const bytes = zip64File(parts(), mode);
    const port = await XlsxWorkbookPort.load(bytes);
    await writeOwnSheet(port, { name: "チェック結果", title: "t", columns: [{ header: "a", width: 6 }], rows: [{ values: ["1"] }] });
    const written = await port.save();
    expect(storedEntries(written).get("xl/worksheets/sheet1.xml")?.crc).toBe(storedEntries(bytes).get("xl/worksheets/sheet1.xml")?.crc);
    expect((await (await XlsxWorkbookPort.load(written)).read()).table.rows.map((r) => r.item)).toEqual(["1", "2", "3"]);
  });

  it("still refuses what the ZIP64 field says is too large, before inflating it", () => {
    const bytes = zip64File(parts(), "all");
    // The sheet's ZIP64 field says 2^40 bytes uncompressed.
    const view = new DataView(bytes.buffer);
    const name = new TextEncoder().encode("xl/worksheets/sheet1.xml");
    let patched = 0;
    for (let i = 0; i + 46 < bytes.length; i += 1) {
      if (view.getUint32(i, true) !== 0x02014b50 || view.getUint16(i + 28, true) !== name.length) continue;
      if (!name.every((b, k) => bytes[i + 46 + k] === b)) continue;
      view.setBigUint64(i + 46 + name.length + 4, 1n << 40n, true);
      patched += 1;
    }
    expect(patched).toBe(1);
    expect(() => readXlsx(bytes)).toThrow(/1,048,576 MB/);
  });

  it("refuses a ZIP64 end record that points outside the file", () => {
    const bytes = zip64File(parts(), "all");
    const view = new DataView(bytes.buffer);
    const locator = bytes.length - 22 - 20;
    expect(view.getUint32(locator, true)).toBe(0x07064b50);
    view.setBigUint64(locator + 8, BigInt(bytes.length) * 2n, true);
    expect(() => readXlsx(bytes)).toThrow(expect.objectContaining({ reason: "NotXlsx" }));
  });
});

describe("formulas whose result the file does not hold", () => {
  it.each(["openpyxl.xlsx", "xlsxwriter.xlsx"])("reads the rating formulas %s wrote as formulas without a result, not as empty or 0", (name) => {
    const read = readXlsx(fixture(name));
    const rows = read.sheets[0]?.rows ?? [];
    const ratings = rows.slice(1).map((row) => row[5]);
    expect(ratings).toHaveLength(6);
    for (const cell of ratings) {
      expect(isFormulaWithoutResult(cell)).toBe(true);
      expect(rawText(cell)).toBe("");
    }
    expect(ratings[0]).toMatchObject({ formula: 'IF(K2>=1,"A","B")' });
    // Values written as values are read as such.
    expect(rows[1]?.[1]).toBe(1);
    expect(rows[1]?.[10]).toBe(1.03);
  });

  it.each(["openpyxl.xlsx", "xlsxwriter.xlsx"])("says once, for %s, that the results were not saved and how to save them", async (name) => {
    const { result } = await runCheck(await XlsxWorkbookPort.load(fixture(name)));
    const said = result.findings.filter((f) => f.code === "FORMULA_RESULT_MISSING");
    expect(said).toHaveLength(1);
    expect(said[0]).toMatchObject({ severity: "error", row: 2, column: 5 });
    expect(said[0]?.message.ja).toContain("6 個");
    expect(said[0]?.message.ja).toContain("Ctrl+Alt+F9");
    expect(said[0]?.message.ja).toMatch(/Excel.*LibreOffice|LibreOffice.*Excel/);
    expect(said[0]?.message.en).toContain("Ctrl+Alt+F9");
    expect(RULES_BY_CODE.get("FORMULA_RESULT_MISSING")?.title.ja).toBeTruthy();
  });

  it("keeps a formula's saved result, and a 0 saved by Excel (no recalculation asked)", () => {
    const cells = `<row r="2"><c r="A2" t="inlineStr"><is><t>分野</t></is></c><c r="B2"><v>1</v></c><c r="D2" t="inlineStr"><is><t>項目</t></is></c><c r="F2" t="str"><f>IF(TRUE,"A","B")</f><v>A</v></c><c r="H2"><f>1-1</f><v>0</v></c><c r="I2"><f>1+1</f></c></row>`;
    const sheet = sheetXml(HEADER_CELLS).replace("</sheetData>", `${cells}</sheetData>`);
    const rows = readXlsx(workbookFile(sheet)).sheets[0]?.rows ?? [];
    expect(rows[1]?.[5]).toBe("A");
    expect(rows[1]?.[7]).toBe(0);
    expect(isFormulaWithoutResult(rows[1]?.[8])).toBe(true);
    // The same 0 in a workbook that asks to be recalculated when opened (as XlsxWriter writes it) is no result.
    const recalc = workbookFile(sheet, {
      "xl/workbook.xml": `<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="表" sheetId="1" r:id="rId1"/></sheets><calcPr calcId="124519" fullCalcOnLoad="1"/></workbook>`,
    });
    const again = readXlsx(recalc).sheets[0]?.rows ?? [];
    expect(isFormulaWithoutResult(again[1]?.[7])).toBe(true);
    expect(again[1]?.[5]).toBe("A");
  });

  it("says nothing of formulas in a sound table", async () => {
    const { result } = await runCheck(await XlsxWorkbookPort.load(workbookFile(sheetXml([...soundTable(2), ...dataRow(4, {})]))));
    expect(result.findings.map((f) => f.code)).not.toContain("FORMULA_RESULT_MISSING");
  });
});
