import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { storedEntries } from "../support/packageParts";

const root = resolve(__dirname, "../..");

/**
 * The sample with its table sheet reaching row 1,048,576: a million empty styled rows and a stray value at
 * XFD1048576, as a sheet formatted down to the bottom leaves it. Reading it re-wrote the whole workbook
 * through exceljs before (1.5 GB and 25 s); now the report is grafted in and that sheet is copied as it is
 * stored, never inflated again.
 */
function sparseSample(): Uint8Array {
  const parts = unzipSync(new Uint8Array(readFileSync(resolve(root, "seeds/kodaira-r2.xlsx"))));
  const sheet = strFromU8(parts["xl/worksheets/sheet1.xml"] ?? new Uint8Array());
  const rows: string[] = [];
  for (let r = 100; r < 1_048_576; r += 1) rows.push(`<row r="${r}" s="1" customFormat="1"/>`);
  parts["xl/worksheets/sheet1.xml"] = strToU8(
    sheet.replace("</sheetData>", `${rows.join("")}<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row></sheetData>`),
  );
  return zipSync(parts, { level: 6 });
}

describe("plan-progress report on a sheet that reaches row 1,048,576", () => {
  it("writes the report within a 512 MB heap, the table's sheet copied as it was stored", () => {
    const dir = mkdtempSync(join(tmpdir(), "plan-progress-sparse-"));
    const input = join(dir, "sparse.xlsx");
    const output = join(dir, "report.xlsx");
    const bytes = sparseSample();
    writeFileSync(input, bytes);
    const run = spawnSync(process.execPath, ["--max-old-space-size=512", resolve(root, "bin/plan-progress.js"), "report", input, "-o", output], { encoding: "utf8" });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    const written = new Uint8Array(readFileSync(output));
    const before = storedEntries(bytes).get("xl/worksheets/sheet1.xml");
    const after = storedEntries(written).get("xl/worksheets/sheet1.xml");
    expect(after?.crc).toBe(before?.crc);
    expect(after?.data.length).toBe(before?.data.length);
  });
});
