import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { strToU8, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { PackageError, patchCells } from "../../src/xlsx/package";
import { readXlsx } from "../../src/xlsx/reader";
import { fixture, partsOf, sameBytes, storedEntries, textOf, xmlError } from "../support/packageParts";

/**
 * A text written into one cell of the user's sheet: only that cell's XML changes (created in its place
 * when missing), every other character of the sheet part and every other part stay as they were.
 */

const NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

function workbookWith(sheet: string, extra: Record<string, string> = {}, workbookExtra = ""): Uint8Array {
  const files: Record<string, string> = {
    "[Content_Types].xml": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/calcChain.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.calcChain+xml"/></Types>`,
    "_rels/.rels": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    "xl/workbook.xml": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="${NS}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="表" sheetId="1" r:id="rId1"/></sheets>${workbookExtra}</workbook>`,
    "xl/_rels/workbook.xml.rels": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>${extra["xl/calcChain.xml"] ? '<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/calcChain" Target="calcChain.xml"/>' : ""}</Relationships>`,
    "xl/worksheets/sheet1.xml": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${NS}">${sheet}</worksheet>`,
    ...extra,
  };
  return zipSync(Object.fromEntries(Object.entries(files).map(([n, t]) => [n, strToU8(t)])));
}

const SHEET = "xl/worksheets/sheet1.xml";

/** The text with `old` (found once, at `at` when given) replaced by `neu`: what a one-element patch must give. */
function replaced(text: string, old: string, neu: string, at = text.indexOf(old)): string {
  expect(at, `${old} is in the part`).toBeGreaterThanOrEqual(0);
  expect(text.slice(at, at + old.length)).toBe(old);
  return text.slice(0, at) + neu + text.slice(at + old.length);
}

/** Patches one cell and returns what changed in the sheet, after checking that nothing else did. */
function patchOne(input: Uint8Array, cell: string, text: string, sheet = "表", part = SHEET, recalc: "always" | "never" = "never") {
  const result = patchCells(input, [{ sheet, cell, text }], { recalc });
  const before = partsOf(input);
  const after = partsOf(result.bytes);
  for (const name of Object.keys(before)) {
    if (name === part || (recalc === "always" && name === "xl/workbook.xml")) continue;
    expect(sameBytes(before[name], after[name]), `${name} unchanged`).toBe(true);
  }
  expect(Object.keys(after).sort()).toEqual(Object.keys(before).sort());
  expect(xmlError(textOf(result.bytes, part))).toBeUndefined();
  return { before: textOf(input, part), after: textOf(result.bytes, part), result };
}

describe("patchCells: one cell, nothing else", () => {
  const rows = `<sheetData><row r="2" spans="1:6"><c r="A2" t="s"><v>0</v></c><c r="C2" s="4"><v>7</v></c><c r="F2" s="3" t="s"><v>1</v></c></row><row r="5"><c r="A5" t="inlineStr"><is><t>x</t></is></c></row></sheetData><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>`;

  it("replaces a shared-string cell by an inline string, keeping its style", () => {
    const { before, after } = patchOne(workbookWith(rows), "F2", "B");
    expect(after).toBe(replaced(before, `<c r="F2" s="3" t="s"><v>1</v></c>`, `<c r="F2" s="3" t="inlineStr"><is><t>B</t></is></c>`));
  });

  it("replaces an inline string cell", () => {
    const { before, after } = patchOne(workbookWith(rows), "A5", "S");
    expect(after).toBe(replaced(before, `<c r="A5" t="inlineStr"><is><t>x</t></is></c>`, `<c r="A5" t="inlineStr"><is><t>S</t></is></c>`));
  });

  it("creates a missing cell in its place in the row", () => {
    const { before, after } = patchOne(workbookWith(rows), "D2", "A");
    expect(after).toBe(replaced(before, "", `<c r="D2" t="inlineStr"><is><t>A</t></is></c>`, before.indexOf(`<c r="F2"`)));
  });

  it("creates a cell after the last of its row", () => {
    const { before, after } = patchOne(workbookWith(rows), "H5", "A");
    expect(after).toBe(replaced(before, "", `<c r="H5" t="inlineStr"><is><t>A</t></is></c>`, before.indexOf(`</row></sheetData>`)));
  });

  it("creates a missing row between rows, and after the last", () => {
    const between = patchOne(workbookWith(rows), "B3", "A");
    expect(between.after).toBe(replaced(between.before, "", `<row r="3"><c r="B3" t="inlineStr"><is><t>A</t></is></c></row>`, between.before.indexOf(`<row r="5">`)));
    const last = patchOne(workbookWith(rows), "E12", "A");
    expect(last.after).toBe(replaced(last.before, "", `<row r="12"><c r="E12" t="inlineStr"><is><t>A</t></is></c></row>`, last.before.indexOf(`</sheetData>`)));
  });

  it("fills an empty sheet (<sheetData/>) and a self-closing row", () => {
    const empty = patchOne(workbookWith(`<sheetData/>`), "A1", "A");
    expect(empty.after).toBe(replaced(empty.before, "<sheetData/>", `<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>A</t></is></c></row></sheetData>`));
    const selfClosing = patchOne(workbookWith(`<sheetData><row r="1" ht="20" customHeight="1"/></sheetData>`), "B1", "A");
    expect(selfClosing.after).toBe(replaced(selfClosing.before, `<row r="1" ht="20" customHeight="1"/>`, `<row r="1" ht="20" customHeight="1"><c r="B1" t="inlineStr"><is><t>A</t></is></c></row>`));
  });

  it("overwrites a formula cell (its text replaces the formula, as typing does) and drops the calculation chain", () => {
    const input = workbookWith(`<sheetData><row r="2"><c r="E2" t="str"><f>IF(A2="","-","S")</f><v>S</v></c></row></sheetData>`, { "xl/calcChain.xml": `<calcChain xmlns="${NS}"><c r="E2" i="1"/></calcChain>` });
    const result = patchCells(input, [{ sheet: "表", cell: "E2", text: "A" }], { recalc: "never" });
    expect(result.calcChainRemoved).toBe(true);
    const after = partsOf(result.bytes);
    expect(after["xl/calcChain.xml"]).toBeUndefined();
    expect(textOf(result.bytes, "xl/_rels/workbook.xml.rels")).not.toContain("calcChain");
    expect(textOf(result.bytes, "[Content_Types].xml")).not.toContain("calcChain");
    expect(textOf(result.bytes, SHEET)).toBe(replaced(textOf(input, SHEET), `<c r="E2" t="str"><f>IF(A2="","-","S")</f><v>S</v></c>`, `<c r="E2" t="inlineStr"><is><t>A</t></is></c>`));
  });

  it("refuses to overwrite the cell that holds a shared formula, or a cell inside an array formula", () => {
    const shared = workbookWith(`<sheetData><row r="2"><c r="E2"><f t="shared" ref="E2:E9" si="0">A2*2</f><v>2</v></c></row></sheetData>`);
    expect(() => patchCells(shared, [{ sheet: "表", cell: "E2", text: "A" }])).toThrow(PackageError);
    const array = workbookWith(`<sheetData><row r="2"><c r="E2"><f t="array" ref="E2:F3">A2:B3*2</f><v>2</v></c></row></sheetData>`);
    expect(() => patchCells(array, [{ sheet: "表", cell: "F3", text: "A" }])).toThrow(/配列数式|array formula/);
    // A cell that only follows a shared formula may be overwritten.
    const follower = workbookWith(`<sheetData><row r="2"><c r="E2"><f t="shared" ref="E2:E3" si="0">A2*2</f><v>2</v></c></row><row r="3"><c r="E3"><f t="shared" si="0"/><v>4</v></c></row></sheetData>`);
    expect(patchCells(follower, [{ sheet: "表", cell: "E3", text: "A" }]).bytes.length).toBeGreaterThan(0);
  });

  it("escapes markup, keeps spaces at the ends, writes control characters as _xHHHH_", () => {
    const change = patchOne(workbookWith(rows), "F2", " a<b & _x0041_ \u0001");
    expect(change.after).toContain(`<t xml:space="preserve"> a&lt;b &amp; _x005F_x0041_ _x0001_</t>`);
    // The reader (as Excel) reads the text back as it was given.
    expect(readXlsx(change.result.bytes).sheets[0]?.rows[1]?.[5]).toBe(" a<b & _x0041_ \u0001");
  });

  it("writes in a prefixed sheet whose rows and cells carry no r (.NET's writer)", () => {
    const input = fixture("poi-59746_NoRowNums.xlsx");
    const part = "xl/worksheets/sheet.xml";
    const before = readXlsx(input).sheets[0]!;
    const change = patchOne(input, "C2", "評価", "Features", part);
    // The third cell of the second row, written without r: replaced whole, its style kept.
    const row = change.before.indexOf("<x:row", change.before.indexOf("<x:row") + 1);
    const third = change.before.indexOf("<x:c ", change.before.indexOf("<x:c ", change.before.indexOf("<x:c ", row) + 1) + 1);
    const old = change.before.slice(third, change.before.indexOf("</x:c>", third) + 6);
    const style = /s="(\d+)"/.exec(old)?.[1];
    expect(change.after).toBe(replaced(change.before, old, `<x:c r="C2" s="${style}" t="inlineStr"><x:is><x:t>評価</x:t></x:is></x:c>`, third));
    const after = readXlsx(change.result.bytes).sheets[0]!;
    expect(after.rows[1]?.[2]).toBe("評価");
    // Every other cell reads as before.
    after.rows[1]![2] = before.rows[1]![2]!;
    expect(after.rows).toEqual(before.rows);
  });

  it("fixes a rating of the Kodaira sample: the rest of its sheet and workbook as they were", () => {
    const input = new Uint8Array(readFileSync(resolve(__dirname, "../../seeds/kodaira-r2.xlsx")));
    const table = readXlsx(input).sheets[0]!;
    const result = patchCells(input, [{ sheet: table.name, cell: "F5", text: "A" }]);
    const after = readXlsx(result.bytes).sheets[0]!;
    expect(after.rows[4]?.[5]).toBe("A");
    const stored = storedEntries(input);
    for (const [name, entry] of storedEntries(result.bytes)) {
      if (name === "xl/workbook.xml" || name.startsWith("xl/worksheets/")) continue;
      expect(sameBytes(entry.data, stored.get(name)?.data), name).toBe(true);
    }
  });
});

describe("patchCells: recalculation when opened (calcPr fullCalcOnLoad)", () => {
  const formula = `<sheetData><row r="2"><c r="E2" t="s"><v>0</v></c><c r="H2" t="str"><f>PLAN.CHECK(E2)</f><v>要確認</v></c></row></sheetData>`;

  it("sets it by default, editing calcPr or inserting it in CT_Workbook's order", () => {
    const input = workbookWith(formula, {}, `<definedNames><definedName name="x">表!$A$1</definedName></definedNames><extLst/>`);
    const result = patchCells(input, [{ sheet: "表", cell: "E2", text: "A" }]);
    expect(result.recalc).toBe(true);
    expect(textOf(result.bytes, "xl/workbook.xml")).toContain(`</definedNames><calcPr fullCalcOnLoad="1"/><extLst/>`);
    const withCalcPr = workbookWith(formula, {}, `<calcPr calcId="191029"/>`);
    const edited = patchCells(withCalcPr, [{ sheet: "表", cell: "E2", text: "A" }]);
    expect(textOf(edited.bytes, "xl/workbook.xml")).toContain(`<calcPr calcId="191029" fullCalcOnLoad="1"/>`);
  });

  it('"formulas": only when a patched sheet holds a formula; "never": not at all', () => {
    const plain = workbookWith(`<sheetData><row r="2"><c r="E2" t="s"><v>0</v></c></row></sheetData>`);
    expect(patchCells(plain, [{ sheet: "表", cell: "E2", text: "A" }], { recalc: "formulas" }).recalc).toBe(false);
    expect(patchCells(workbookWith(formula), [{ sheet: "表", cell: "E2", text: "A" }], { recalc: "formulas" }).recalc).toBe(true);
    const never = patchCells(workbookWith(formula), [{ sheet: "表", cell: "E2", text: "A" }], { recalc: "never" });
    expect(never.recalc).toBe(false);
    expect(textOf(never.bytes, "xl/workbook.xml")).not.toContain("fullCalcOnLoad");
  });
});

describe("patchCells: refusals", () => {
  it("names a sheet that is not there, and a sheet whose part is missing", () => {
    const refusal = (run: () => unknown) => {
      try {
        run();
      } catch (error) {
        expect(error).toBeInstanceOf(PackageError);
        return (error as PackageError).text;
      }
      throw new Error("not refused");
    };
    expect(refusal(() => patchCells(workbookWith(`<sheetData/>`), [{ sheet: "ない", cell: "A1", text: "A" }]))).toEqual({ ja: "シート「ない」が見つかりません。", en: 'Sheet "ない" not found.' });
    const files = partsOf(workbookWith(`<sheetData/>`));
    delete files[SHEET];
    expect(refusal(() => patchCells(zipSync(files), [{ sheet: "表", cell: "A1", text: "A" }])).ja).toContain("xl/worksheets/sheet1.xml が見つからない");
  });
});
