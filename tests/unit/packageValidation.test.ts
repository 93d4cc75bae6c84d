import { strToU8, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { GUARD_TITLE, type EntryGuard } from "../../src/core/workbook/guard";
import { removeEntryRules, setEntryRules } from "../../src/xlsx/package";
import { fixture, partsOf, sameBytes, textOf, xmlError } from "../support/packageParts";

/**
 * The add-in's entry rules, set and removed in place: only the sheet's <dataValidations> element changes,
 * a range that meets a rule of the user's is skipped and reported.
 */

const guard = (sheet: string, ranges: [number, "rating" | "text"][]): EntryGuard => ({
  ranges: ranges.map(([column, kind]) => ({ sheet, column, first: 2, last: 60, kind })),
  symbols: ["S", "A", "B", "-"],
  ratingPrompt: "評価は S・A・B・- から選びます。",
  ratingError: "評価は S・A・B・- のいずれかを入力してください。",
  textPrompt: "目標値・実績値は、文末の（ ）に「ラベル 数値単位」で書くと点検できます。",
});

/** Everything of the part but its <dataValidations> element (present or not). */
const withoutValidations = (xml: string) => xml.replace(/<(x:)?dataValidations\b[^]*?<\/(x:)?dataValidations>/, "");

function onlyValidationsChanged(before: Uint8Array, after: Uint8Array, part: string) {
  const a = partsOf(before);
  const b = partsOf(after);
  for (const name of Object.keys(a)) if (name !== part) expect(sameBytes(a[name], b[name]), name).toBe(true);
  expect(withoutValidations(textOf(after, part))).toBe(withoutValidations(textOf(before, part)));
  expect(xmlError(textOf(after, part))).toBeUndefined();
}

describe("setEntryRules", () => {
  it("adds a list on the rating column and input messages on the text columns, before <pageMargins>", () => {
    const input = fixture("openpyxl-table.xlsx");
    const { bytes, set, skipped } = setEntryRules(input, guard("進捗管理表", [[4, "rating"], [5, "text"], [6, "text"]]));
    expect(skipped).toEqual([]);
    expect(set.map((r) => r.column)).toEqual([4, 5, 6]);
    const sheet = textOf(bytes, "xl/worksheets/sheet1.xml");
    expect(sheet).toContain(
      `<dataValidations count="3"><dataValidation type="list" allowBlank="1" showInputMessage="1" showErrorMessage="1" errorTitle="${GUARD_TITLE}" error="評価は S・A・B・- のいずれかを入力してください。" promptTitle="${GUARD_TITLE}" prompt="評価は S・A・B・- から選びます。" sqref="E2:E60"><formula1>"S,A,B,-"</formula1></dataValidation><dataValidation allowBlank="1" showInputMessage="1" promptTitle="${GUARD_TITLE}" prompt="目標値・実績値は、文末の（ ）に「ラベル 数値単位」で書くと点検できます。" sqref="F2:F60"/>`,
    );
    expect(sheet).toMatch(/<\/dataValidations><pageMargins /);
    onlyValidationsChanged(input, bytes, "xl/worksheets/sheet1.xml");
  });

  it("skips a range that meets a rule of the user's and keeps that rule; a second set replaces ours", () => {
    const input = fixture("xlsxwriter-chart-image.xlsx");
    const first = setEntryRules(input, guard("進捗管理表", [[4, "rating"], [5, "text"], [6, "text"]]));
    // E2:E30 holds the user's list, F2:F5 the user's length rule: both skipped.
    expect(first.skipped.map((r) => r.column)).toEqual([4, 5]);
    expect(first.set.map((r) => r.column)).toEqual([6]);
    onlyValidationsChanged(input, first.bytes, "xl/worksheets/sheet1.xml");
    const sheet = textOf(first.bytes, "xl/worksheets/sheet1.xml");
    expect(sheet).toContain(`promptTitle="評価" prompt="S・A・B" sqref="E2:E30"`);
    expect(sheet).toContain(`<dataValidations count="3">`);
    const second = setEntryRules(first.bytes, guard("進捗管理表", [[6, "text"], [7, "text"]]));
    expect(textOf(second.bytes, "xl/worksheets/sheet1.xml").match(new RegExp(`promptTitle="${GUARD_TITLE}"`, "g"))).toHaveLength(2);
    const removed = removeEntryRules(second.bytes, ["進捗管理表"]);
    expect(removed.removed).toBe(2);
    // The user's two rules stay, exactly as they were written.
    expect(textOf(removed.bytes, "xl/worksheets/sheet1.xml")).toBe(textOf(input, "xl/worksheets/sheet1.xml"));
  });

  it("skips a range that meets a rule of the user's kept in the x14 extension list", () => {
    const sheet = `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main" xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main"><sheetData/><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/><extLst><ext uri="{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}"><x14:dataValidations count="1"><x14:dataValidation type="list"><x14:formula1><xm:f>リスト!$A$1:$A$3</xm:f></x14:formula1><xm:sqref>E10:E20</xm:sqref></x14:dataValidation></x14:dataValidations></ext></extLst></worksheet>`;
    const input = oneSheet(sheet);
    const { skipped, set, bytes } = setEntryRules(input, guard("表", [[4, "rating"], [5, "text"]]));
    expect(skipped.map((r) => r.column)).toEqual([4]);
    expect(set.map((r) => r.column)).toEqual([5]);
    onlyValidationsChanged(input, bytes, "xl/worksheets/sheet1.xml");
  });

  it("writes with the sheet's prefix, and removing ours leaves no empty element", () => {
    const input = fixture("poi-59746_NoRowNums.xlsx");
    const { bytes } = setEntryRules(input, guard("Features", [[2, "rating"]]));
    const part = "xl/worksheets/sheet.xml";
    expect(textOf(bytes, part)).toContain(`<x:dataValidations count="1"><x:dataValidation type="list"`);
    onlyValidationsChanged(input, bytes, part);
    const removed = removeEntryRules(bytes, ["Features"]);
    expect(textOf(removed.bytes, part)).toBe(textOf(input, part));
  });
});

function oneSheet(sheet: string): Uint8Array {
  const files: Record<string, string> = {
    "[Content_Types].xml": `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/></Types>`,
    "_rels/.rels": `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    "xl/workbook.xml": `<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="表" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    "xl/_rels/workbook.xml.rels": `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
    "xl/worksheets/sheet1.xml": sheet,
  };
  return zipSync(Object.fromEntries(Object.entries(files).map(([n, t]) => [n, strToU8(t)])));
}
