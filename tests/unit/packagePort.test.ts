import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { exportFindings } from "../../src/core/actions/findings";
import { fixRating } from "../../src/core/actions/fix";
import { runCheck } from "../../src/core/actions/check";
import { makeReport } from "../../src/core/actions/report";
import { writeOwnSheet } from "../../src/core/actions/sheets";
import { clearEntryRules, setEntryRules } from "../../src/core/actions/guards";
import { ignoreFinding } from "../../src/core/actions/ignore";
import { readXlsx } from "../../src/xlsx/reader";
import { XlsxWorkbookPort } from "../../src/xlsx/workbookPort";
import { fixture, partsOf, producerFiles, sameBytes, storedEntries, xmlError } from "../support/packageParts";

/**
 * Writing through the file port, as file mode and the CLI do: every part of the user's package that an
 * action did not mean to change comes out byte for byte (the same stored bytes, the same CRC), on files
 * of eight producers. The graft itself is tested part by part in packageGraft.test.ts.
 */
const SHARED = /^(\[Content_Types\]\.xml|xl\/workbook\.xml|xl\/_rels\/workbook\.xml\.rels|xl\/styles\.xml)$/;
const REFUSED = new Set(["poi-SimpleStrict.xlsx", "poi-duplicate-filename.xlsx"]);
const SAMPLE = resolve(__dirname, "../../seeds/kodaira-r2.xlsx");

/** The user's parts that changed (stored bytes differ) or vanished, shared parts aside. */
function changedParts(before: Uint8Array, after: Uint8Array, also: RegExp = /^$/): string[] {
  const a = storedEntries(before);
  const b = storedEntries(after);
  return [...a.keys()].filter((name) => !SHARED.test(name) && !also.test(name) && !sameBytes(a.get(name)?.data, b.get(name)?.data));
}

describe("the file port writes by adding: the user's parts stay byte for byte", () => {
  const accepted = producerFiles().filter((name) => !REFUSED.has(name));

  it("has files of at least five producers and twelve files to try", () => {
    const producers = new Set(accepted.map((name) => name.split("-")[0]));
    expect(accepted.length).toBeGreaterThanOrEqual(12);
    expect(producers.size).toBeGreaterThanOrEqual(5);
  });

  it.each(accepted)("%s: a sheet of the add-in's and its settings, twice, change no part of the user's", async (name) => {
    const input = fixture(name);
    const port = await XlsxWorkbookPort.load(input);
    const sheet = { name: "チェック結果", title: "チェック結果", columns: [{ header: "項目", width: 8 }], rows: [{ values: ["1"] }] };
    expect(await writeOwnSheet(port, sheet)).toBe("チェック結果");
    await writeOwnSheet(port, { ...sheet, title: "二度目" });
    const output = await port.save();
    expect(changedParts(input, output)).toEqual([]);
    const workbook = new TextDecoder().decode(partsOf(output)["xl/workbook.xml"]);
    expect(xmlError(workbook)).toBeUndefined();
    // Read back: the user's sheets as they were, ours once, the settings recording it.
    const before = readXlsx(input).sheets;
    const after = readXlsx(output).sheets;
    for (const sheet of before) expect(after.find((s) => s.name === sheet.name)?.rows, sheet.name).toEqual(sheet.rows);
    expect(after.filter((s) => s.name === "チェック結果")).toHaveLength(1);
    expect((await (await XlsxWorkbookPort.load(output)).readSettings())?.settings.generated).toEqual(["チェック結果"]);
  });

  it("the sample: a report, the findings, an ignore, entry rules and a quick fix change only what each means to", async () => {
    const input = new Uint8Array(readFileSync(SAMPLE));
    const port = await XlsxWorkbookPort.load(input);
    const run = await runCheck(port);
    await makeReport(port);
    await exportFindings(port, run);
    const first = run.result.findings[0];
    if (!first) throw new Error("the sample has findings");
    await ignoreFinding(port, first, "説明済み");
    // Only the parts of the add-in's settings sheet and its new sheets differ so far.
    const settingsPart = /^xl\/worksheets\/(_rels\/)?sheet2\.xml(\.rels)?$/;
    expect(changedParts(input, await port.save(), settingsPart)).toEqual([]);
    // Entry rules and the quick fix edit the table's own sheet, and the workbook asks for a recalculation.
    await setEntryRules(port);
    await clearEntryRules(port);
    const overstated = run.result.findings.find((f) => f.code === "RATING_OVERSTATED" && f.suggested);
    if (!overstated) throw new Error("the sample has an overstated rating");
    await fixRating(port, run.table, overstated);
    const output = await port.save();
    expect(changedParts(input, output, settingsPart)).toEqual(["xl/worksheets/sheet1.xml"]);
    expect(new TextDecoder().decode(partsOf(output)["xl/workbook.xml"])).toContain('fullCalcOnLoad="1"');
    const again = await runCheck(await XlsxWorkbookPort.load(output));
    expect(again.table.rows.find((r) => r.sheetRow === overstated.row)?.rating).toBe(overstated.suggested);
    expect(again.settings.ignored.map((i) => i.reason)).toEqual(["説明済み"]);
  });

  it("hands over a copy when saved: what the caller does with it (a worker transfers it) leaves the port's workbook whole", async () => {
    const port = await XlsxWorkbookPort.load(new Uint8Array(readFileSync(SAMPLE)));
    await writeOwnSheet(port, { name: "チェック結果", title: "t", columns: [{ header: "a", width: 6 }], rows: [] });
    const first = await port.save();
    first.fill(0);
    await writeOwnSheet(port, { name: "チェック結果", title: "again", columns: [{ header: "a", width: 6 }], rows: [] });
    expect((await (await XlsxWorkbookPort.load(await port.save())).sheetNames())).toContain("チェック結果");
  });

  it("keeps an .xlsm's macros and its content type through a report", async () => {
    for (const name of ["poi-SimpleMacro.xlsm", "libreoffice-macro.xlsm"]) {
      const input = fixture(name);
      const port = await XlsxWorkbookPort.load(input);
      await writeOwnSheet(port, { name: "比較", title: "t", columns: [{ header: "a", width: 6 }], rows: [] });
      const output = await port.save();
      expect(sameBytes(storedEntries(output).get("xl/vbaProject.bin")?.data, storedEntries(input).get("xl/vbaProject.bin")?.data)).toBe(true);
      expect(new TextDecoder().decode(partsOf(output)["[Content_Types].xml"])).toContain("application/vnd.ms-excel.sheet.macroEnabled.main+xml");
    }
  });

  it("refuses to write a Strict workbook, in Japanese, and leaves it as it was", async () => {
    const input = fixture("poi-SimpleStrict.xlsx");
    const port = await XlsxWorkbookPort.load(input);
    const error = await writeOwnSheet(port, { name: "比較", title: "t", columns: [{ header: "a", width: 6 }], rows: [] }).catch((e: unknown) => e);
    expect((error as { text?: { ja: string } }).text?.ja).toContain("Strict");
    expect(sameBytes(await port.save(), input)).toBe(true);
  });

  it("the merge's cells: patched in the table's sheet alone, an empty text empties the cell and keeps its style, a failed guard writes nothing", async () => {
    const input = new Uint8Array(readFileSync(SAMPLE));
    const port = await XlsxWorkbookPort.load(input);
    const { table } = await port.read();
    const [first, second] = table.rows;
    const { rating, result, no } = table.columns;
    if (!first || !second || rating === undefined || result === undefined || no === undefined) throw new Error("the sample has rows and columns");
    // A guard that no longer holds (the row moved): nothing is written.
    const moved = await port.writeCells(table.sheet, [{ column: rating, sheetRow: first.sheetRow, text: "B" }], [{ sheetRow: first.sheetRow, column: no, expected: "999" }]).catch((e: unknown) => e);
    expect((moved as { code?: string }).code).toBe("RowMoved");
    expect(sameBytes(await port.save(), input)).toBe(true);

    await port.writeCells(
      table.sheet,
      [
        { column: rating, sheetRow: first.sheetRow, text: "=B" },
        { column: result, sheetRow: second.sheetRow, text: "" },
      ],
      [{ sheetRow: first.sheetRow, column: no, expected: first.noWritten }],
    );
    const output = await port.save();
    expect(changedParts(input, output)).toEqual(["xl/worksheets/sheet1.xml"]);
    const sheetXml = new TextDecoder().decode(partsOf(output)["xl/worksheets/sheet1.xml"]);
    const emptied = `${String.fromCharCode(65 + result)}${second.sheetRow}`;
    const before = new RegExp(`<c r="${emptied}"[^>]*?(s="\\d+")`).exec(new TextDecoder().decode(partsOf(input)["xl/worksheets/sheet1.xml"]))?.[1];
    expect(sheetXml).toMatch(new RegExp(`<c r="${emptied}"${before ? ` ${before}` : ""}/>`));
    const again = await (await XlsxWorkbookPort.load(output)).read();
    // Written as a text, never a formula; the emptied result reads as empty.
    expect(again.table.rows[0]?.rating).toBe("=B");
    expect(again.table.rows[1]?.result).toBe("");
    // What the port reads next is what it wrote, without saving.
    expect((await port.read()).table.rows[1]?.result).toBe("");
  });

  it("reads back a sheet of the add-in's written since it was opened, as the reader reads it", async () => {
    const port = await XlsxWorkbookPort.load(new Uint8Array(readFileSync(SAMPLE)));
    await writeOwnSheet(port, { name: "チェック結果", title: "見出し", columns: [{ header: "項目", width: 8 }], rows: [{ values: ["窓口"] }] });
    const rows = await port.readSheet("チェック結果");
    expect(rows?.flat()).toEqual(expect.arrayContaining(["見出し", "項目", "窓口"]));
    expect(await port.readSheet("ない")).toBeUndefined();
  });
});
