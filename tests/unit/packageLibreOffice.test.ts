import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { graftSheets, patchCells } from "../../src/xlsx/package";
import { FINDINGS, REPORT, SETTINGS, ourPackage } from "../support/ourPackage";
import { fixture } from "../support/packageParts";

/**
 * LibreOffice, a second and independent spreadsheet program, opens what the graft wrote: each sheet of
 * the user's reads the same as in the original file, ours are there, and the report prints. Runs when
 * soffice is installed (as on this project's machines); a handful of files, one conversion run.
 */
const soffice = spawnSync("soffice", ["--version"], { encoding: "utf8" }).status === 0;
const FILES = ["openpyxl-table.xlsx", "xlsxwriter-chart-image.xlsx", "poi-59746_NoRowNums.xlsx", "poi-SimpleMacro.xlsm", "libreoffice-from-ods.xlsx"];

describe("LibreOffice reads the grafted workbooks", () => {
  it("has LibreOffice to open them with (bash .ci/run installs libreoffice-calc)", () => {
    expect(soffice).toBe(true);
  });

  const dir = mkdtempSync(join(tmpdir(), "graft-lo-"));
  const csv = new Map<string, string>();
  let pdfText = "";

  beforeAll(async () => {
    const ours = await ourPackage();
    const inputs: string[] = [];
    for (const name of FILES) {
      const base = name.replace(/\.xls[xm]$/, "");
      const extension = name.slice(name.lastIndexOf("."));
      writeFileSync(join(dir, `in-${base}${extension}`), fixture(name));
      writeFileSync(join(dir, `out-${base}${extension}`), graftSheets(fixture(name), ours).bytes);
      inputs.push(join(dir, `in-${base}${extension}`), join(dir, `out-${base}${extension}`));
    }
    const patched = patchCells(fixture("openpyxl-table.xlsx"), [{ sheet: "進捗管理表", cell: "E5", text: "S" }]);
    writeFileSync(join(dir, "patched-openpyxl-table.xlsx"), patched.bytes);
    inputs.push(join(dir, "patched-openpyxl-table.xlsx"));
    const profile = `-env:UserInstallation=file://${join(dir, "profile")}`;
    // Every sheet to its own CSV file (the 12th token, -1: LibreOffice 7.2 and later), UTF-8.
    const filter = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1";
    execFileSync("soffice", ["--headless", profile, "--convert-to", filter, "--outdir", join(dir, "csv"), ...inputs], { stdio: "ignore", timeout: 180_000 });
    for (const file of readdirSync(join(dir, "csv"))) csv.set(file, readFileSync(join(dir, "csv", file), "utf8"));
    execFileSync("soffice", ["--headless", profile, "--convert-to", "pdf", "--outdir", join(dir, "pdf"), join(dir, "out-openpyxl-table.xlsx")], { stdio: "ignore", timeout: 120_000 });
    pdfText = execFileSync("pdftotext", [join(dir, "pdf", "out-openpyxl-table.pdf"), "-"], { encoding: "utf8" });
  }, 300_000);

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each(FILES)("%s: the user's sheets read the same, ours are there", (name) => {
    const base = name.replace(/\.xls[xm]$/, "");
    const sheetsOf = (prefix: string) => [...csv.keys()].filter((f) => f.startsWith(`${prefix}-${base}-`)).map((f) => f.slice(`${prefix}-${base}-`.length));
    const before = sheetsOf("in");
    expect(before.length).toBeGreaterThan(0);
    expect(sheetsOf("out").sort()).toEqual([...before, `${REPORT}.csv`, `${FINDINGS}.csv`, `${SETTINGS}.csv`].sort());
    for (const sheet of before) expect(csv.get(`out-${base}-${sheet}`), sheet).toBe(csv.get(`in-${base}-${sheet}`));
    expect(csv.get(`out-${base}-${REPORT}.csv`)).toMatch(/^小平市第3次行財政再構築プラン の進捗状況（令和2年度末）/);
    expect(csv.get(`out-${base}-${FINDINGS}.csv`)).toContain("進捗管理表!E3");
  });

  it("prints the report of a grafted workbook", () => {
    expect(pdfText).toContain("評価欄の評価の見方について");
  });

  it("reads a patched cell, the rest of its sheet as before", () => {
    const before = csv.get("in-openpyxl-table-進捗管理表.csv")!.split("\n");
    const after = csv.get("patched-openpyxl-table-進捗管理表.csv")!.split("\n");
    expect(after[4]).toBe(before[4]!.replace(/^([^,]*,[^,]*,[^,]*,[^,]*,)[^,]*/, "$1S"));
    expect(after.filter((_, i) => i !== 4)).toEqual(before.filter((_, i) => i !== 4));
  });
});
