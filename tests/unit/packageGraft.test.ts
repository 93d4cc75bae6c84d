import { strFromU8, strToU8, zipSync } from "fflate";
import { beforeAll, describe, expect, it } from "vitest";
import { ZIP_LIMITS } from "../../src/xlsx/zip";
import { graftSheets, PackageError } from "../../src/xlsx/package";
import { readXlsx } from "../../src/xlsx/reader";
import { FINDINGS, REPORT, SETTINGS, ourPackage } from "../support/ourPackage";
import { contentTypes, fixture, partsOf, producerFiles, sameBytes, storedEntries, textOf, unreachable, xmlError } from "../support/packageParts";

/**
 * Our sheets grafted into workbooks of many producers: every part of the user's is carried over as it
 * was stored (same compressed bytes, same CRC, same order), only the shared parts a new sheet needs are
 * edited, our sheets read back with their cells, styles and print names, and a second write replaces the
 * first without leaving anything of it behind.
 */

/** The shared parts a graft edits (docProps/app.xml is left as it is: see README, stack notes). */
const SHARED = /^(\[Content_Types\]\.xml|xl\/workbook\.xml|xl\/_rels\/workbook\.xml\.rels|xl\/styles\.xml)$/;
const OURS_PARTS = /^xl\/(worksheets\/(_rels\/)?sheet\d+\.xml(\.rels)?|drawings\/(_rels\/)?drawing\d+\.xml(\.rels)?|charts\/chart\d+\.xml)$/;
const REFUSED = new Set(["poi-SimpleStrict.xlsx", "poi-duplicate-filename.xlsx"]);
const accepted = producerFiles().filter((name) => !REFUSED.has(name));

let ours: Uint8Array;
beforeAll(async () => {
  ours = await ourPackage();
});

/** A style as Excel shows it: the font, fill, border, number format and alignment an xf index stands for. */
function styleResolver(bytes: Uint8Array) {
  const xml = textOf(bytes, "xl/styles.xml").replace(/<(\/?)\w+:/g, "<$1");
  const section = (name: string) => new RegExp(`<${name}\\b[^>]*?(?:/>|>([^]*?)</${name}>)`).exec(xml)?.[1] ?? "";
  const items = (name: string, item: string) => [...section(name).matchAll(new RegExp(`<${item}\\b[^>]*?(?:/>|>[^]*?</${item}>)`, "g"))].map((m) => m[0]);
  const canonical = (element: string) => element.replace(/>\s+</g, "><").replace(/\s*\/>/g, "/>").replace(/\s+/g, " ").replace(/ count="\d+"/g, "");
  const fonts = items("fonts", "font").map(canonical);
  const fills = items("fills", "fill").map(canonical);
  const borders = items("borders", "border").map(canonical);
  const formats = new Map(items("numFmts", "numFmt").map((f) => [/numFmtId="(\d+)"/.exec(f)?.[1], /formatCode="([^"]*)"/.exec(f)?.[1]]));
  const xfs = items("cellXfs", "xf");
  const resolve = (index: number) => {
    const xf = xfs[index] ?? "";
    const id = (name: string) => Number(new RegExp(`${name}="(\\d+)"`).exec(xf)?.[1] ?? 0);
    const format = String(id("numFmtId"));
    return {
      font: fonts[id("fontId")],
      fill: fills[id("fillId")],
      border: borders[id("borderId")],
      format: formats.get(format) ?? `builtin ${format}`,
      alignment: /<alignment\b[^>]*\/>/.exec(xf)?.[0] ?? "",
    };
  };
  return Object.assign(resolve, { count: xfs.length });
}

/** The cells of a sheet part with their style index: ref → s. */
function cellStyles(xml: string): Map<string, number> {
  return new Map([...xml.matchAll(/<c\b[^>]*\br="([A-Z]+\d+)"[^>]*>/g)].map((m) => [m[1] as string, Number(/\bs="(\d+)"/.exec(m[0])?.[1] ?? 0)]));
}

/** The part of a sheet, by name, through the workbook and its relationships. */
function sheetPath(bytes: Uint8Array, name: string): string {
  const workbook = textOf(bytes, "xl/workbook.xml");
  const sheet = [...workbook.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)].map((m) => m[0]).find((tag) => tag.includes(`name="${name}"`)) ?? "";
  const id = /\w+:id="([^"]*)"/.exec(sheet)?.[1];
  const rel = [...textOf(bytes, "xl/_rels/workbook.xml.rels").matchAll(/<Relationship\b[^>]*>/g)].map((m) => m[0]).find((tag) => tag.includes(`Id="${id}"`)) ?? "";
  const target = /Target="([^"]*)"/.exec(rel)?.[1] ?? "";
  return target.startsWith("/") ? target.slice(1) : `xl/${target}`;
}

describe("graftSheets on workbooks of every producer", () => {
  it("has the fixtures the brief asks for: at least twelve files from at least five producers", () => {
    const producers = new Set(producerFiles().map((name) => name.split("-")[0]));
    expect(producerFiles().length).toBeGreaterThanOrEqual(12);
    expect(producers.size).toBeGreaterThanOrEqual(5);
  });

  it.each(accepted)("%s: copies every part of the user's as stored, edits only the shared parts, adds ours", (name) => {
    const input = fixture(name);
    const { bytes, added } = graftSheets(input, ours);
    const before = partsOf(input);
    const after = partsOf(bytes);
    const storedBefore = storedEntries(input);
    const storedAfter = storedEntries(bytes);
    for (const part of Object.keys(before)) {
      expect(after[part], `${part} is kept`).toBeDefined();
      if (SHARED.test(part)) continue;
      expect(sameBytes(before[part], after[part]), `${part} is unchanged`).toBe(true);
      // Copied raw: the same compressed bytes and CRC, never inflated and deflated again.
      expect(storedAfter.get(part)?.crc).toBe(storedBefore.get(part)?.crc);
      expect(sameBytes(storedAfter.get(part)?.data, storedBefore.get(part)?.data), `${part} is copied raw`).toBe(true);
    }
    // The order of the user's entries is kept; ours come after them.
    const order = [...storedAfter.keys()];
    expect(order.slice(0, storedBefore.size)).toEqual([...storedBefore.keys()]);
    const newParts = order.slice(storedBefore.size);
    expect(newParts.every((part) => OURS_PARTS.test(part)), newParts.join(" ")).toBe(true);
    expect(added.map((a) => a.name)).toEqual([REPORT, FINDINGS, SETTINGS]);
    // Every part we wrote or edited is namespace-well-formed, and every part has a content type.
    const typeOf = contentTypes(bytes);
    for (const part of Object.keys(after)) {
      if (part.endsWith("/")) continue;
      expect(typeOf(part), `${part} has a content type`).toBeDefined();
      if ((SHARED.test(part) || newParts.includes(part)) && /\.(xml|rels)$/.test(part)) expect(xmlError(strFromU8(after[part] as Uint8Array)), part).toBeUndefined();
    }
    // Nothing of ours is unreachable, and nothing of the user's became so.
    expect(unreachable(bytes).filter((p) => !unreachable(input).includes(p))).toEqual([]);
  });

  it.each(accepted)("%s: the user's cells read the same; ours are there, the settings sheet hidden", (name) => {
    const input = fixture(name);
    const { bytes } = graftSheets(input, ours);
    const before = readXlsx(input);
    const after = readXlsx(bytes);
    expect(after.sheets.slice(0, before.sheets.length)).toEqual(before.sheets);
    const [report, findings, settings] = after.sheets.slice(before.sheets.length);
    expect(report?.name).toBe(REPORT);
    expect(report?.rows[0]?.[0]).toBe("小平市第3次行財政再構築プラン の進捗状況（令和2年度末）");
    expect(findings?.rows[3]?.[0]).toBe("進捗管理表!E3");
    expect(findings?.rows[1]?.[1]).toEqual({ date: "2021-03-31" });
    expect(settings).toMatchObject({ name: SETTINGS, hidden: true });
    expect(settings?.rows[0]).toEqual(["plan.title", "小平市第3次行財政再構築プラン"]);
  });

  it.each(accepted)("%s: our cells keep their look (font, fill, border, format, alignment) in the merged styles", (name) => {
    const { bytes } = graftSheets(fixture(name), ours);
    const theirs = styleResolver(ours);
    const merged = styleResolver(bytes);
    for (const [sheet, oursPart] of [[REPORT, "xl/worksheets/sheet1.xml"], [FINDINGS, "xl/worksheets/sheet2.xml"]] as const) {
      const original = cellStyles(textOf(ours, oursPart));
      const grafted = cellStyles(textOf(bytes, sheetPath(bytes, sheet)));
      expect(grafted.size).toBe(original.size);
      for (const [ref, s] of original) {
        if (s === 0) continue;
        expect(merged(grafted.get(ref) ?? -1), `${sheet}!${ref}`).toEqual(theirs(s));
      }
    }
  });

  it.each(accepted)("%s: the user's cell styles keep their meaning (existing xfs untouched)", (name) => {
    const input = fixture(name);
    if (!partsOf(input)["xl/styles.xml"]) return;
    const { bytes } = graftSheets(input, ours);
    const before = styleResolver(input);
    const after = styleResolver(bytes);
    expect(before.count).toBeGreaterThan(0);
    for (let i = 0; i < before.count; i += 1) expect(after(i)).toEqual(before(i));
  });

  it.each(accepted)("%s: a second write that replaces ours leaves nothing of the first behind", async (name) => {
    const first = graftSheets(fixture(name), ours);
    const again = await ourPackage({ findingsTitle: "二回目" });
    const second = graftSheets(first.bytes, again, { replace: [REPORT, FINDINGS, SETTINGS] });
    expect(second.removed.length).toBeGreaterThanOrEqual(6);
    const one = partsOf(first.bytes);
    const two = partsOf(second.bytes);
    // The same parts, under the same names: ours replaced, nothing added beside them.
    expect(Object.keys(two).sort()).toEqual(Object.keys(one).sort());
    expect(unreachable(second.bytes)).toEqual(unreachable(first.bytes));
    expect(readXlsx(second.bytes).sheets.filter((s) => s.name === FINDINGS).map((s) => s.rows[0]?.[0])).toEqual(["二回目"]);
    // The styles do not grow: the second write finds what the first added.
    expect(strFromU8(two["xl/styles.xml"] as Uint8Array)).toBe(strFromU8(one["xl/styles.xml"] as Uint8Array));
    // Exactly one sheet of each name.
    const workbook = strFromU8(two["xl/workbook.xml"] as Uint8Array);
    expect(workbook.match(new RegExp(`name="${REPORT}"`, "g"))).toHaveLength(1);
    expect(workbook.match(/_xlnm\.Print_Area/g)?.length).toBe(strFromU8(one["xl/workbook.xml"] as Uint8Array).match(/_xlnm\.Print_Area/g)?.length);
  });
});

describe("graftSheets: the workbook part", () => {
  it("adds our print names scoped to our report, keeps the user's names on their sheets, and leaves the active tab", () => {
    const input = fixture("openpyxl-table.xlsx");
    const { bytes } = graftSheets(input, ours);
    const workbook = textOf(bytes, "xl/workbook.xml");
    expect(workbook).toContain(`<definedName name="_xlnm.Print_Area" localSheetId="1">'メモ'!$A$1:$B$10</definedName>`);
    expect(workbook).toMatch(new RegExp(`<definedName name="_xlnm.Print_Area" localSheetId="2">'${REPORT}'!\\$A1:\\$G\\d+</definedName>`));
    expect(workbook).toMatch(new RegExp(`<definedName name="_xlnm.Print_Titles" localSheetId="2">'${REPORT}'!\\$\\d+:\\$\\d+</definedName>`));
    expect(workbook).toContain('activeTab="0"');
    expect(workbook).toMatch(new RegExp(`<sheet name="${SETTINGS}" sheetId="5" state="hidden" xmlns:r="[^"]+" r:id="rId\\d+"/>`));
    // None of our sheets is selected: the user's sheet stays the one shown, alone.
    for (const part of ["xl/worksheets/sheet3.xml", "xl/worksheets/sheet4.xml", "xl/worksheets/sheet5.xml"]) expect(textOf(bytes, part)).not.toContain("tabSelected");
    // Our strings are inline: the user's shared strings (none here) are not created.
    expect(partsOf(bytes)["xl/sharedStrings.xml"]).toBeUndefined();
  });

  it("writes our entries with the user's prefix in a prefixed workbook (x:workbook)", () => {
    const { bytes } = graftSheets(fixture("poi-59746_NoRowNums.xlsx"), ours);
    const workbook = textOf(bytes, "xl/workbook.xml");
    expect(workbook).toContain(`<x:sheet name="${REPORT}" sheetId="2" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="rId1"/>`);
    expect(workbook).toMatch(/<x:definedNames><x:definedName name="_xlnm.Print_Area" localSheetId="1">/);
    expect(textOf(bytes, "xl/styles.xml")).toMatch(/<x:font><x:b\/><x:sz val="16"\/>/);
    expect(xmlError(workbook)).toBeUndefined();
  });

  it("moves the user's sheet-scoped names when a replaced sheet came before their sheet", async () => {
    // A sheet of the user's after ours: made by grafting a second package, then replacing ours.
    const first = graftSheets(fixture("gnumeric-from-csv.xlsx"), ours).bytes;
    const later = zipFromWorkbook(`<definedNames><definedName name="_xlnm.Print_Area" localSheetId="0">'後から'!$A$1:$C$3</definedName></definedNames>`, "後から");
    const withLater = graftSheets(first, later).bytes;
    expect(textOf(withLater, "xl/workbook.xml")).toContain(`localSheetId="4">'後から'`);
    const replaced = graftSheets(withLater, await ourPackage(), { replace: [REPORT, FINDINGS, SETTINGS] }).bytes;
    const workbook = textOf(replaced, "xl/workbook.xml");
    const sheets = [...workbook.matchAll(/<sheet name="([^"]*)"/g)].map((m) => m[1]);
    expect(sheets).toEqual(["table.csv", "後から", REPORT, FINDINGS, SETTINGS]);
    expect(workbook).toContain(`localSheetId="1">'後から'!$A$1:$C$3`);
    expect(workbook).toContain(`localSheetId="2">'${REPORT}'`);
    // Gnumeric's own names on the first sheet stay where they were.
    expect(workbook).toContain(`<definedName name="_xlnm.Sheet_Title" localSheetId="0">`);
    expect(workbook.match(/_xlnm.Print_Area/g)).toHaveLength(3);
    // A name whose sheet index moved is edited in its start tag alone: the part stays well formed.
    expect(xmlError(workbook)).toBeUndefined();
  });

  it("keeps the macros of an .xlsm: vbaProject.bin as stored, the macro-enabled content type", () => {
    for (const name of ["poi-SimpleMacro.xlsm", "libreoffice-macro.xlsm"]) {
      const input = fixture(name);
      const { bytes } = graftSheets(input, ours);
      expect(sameBytes(storedEntries(bytes).get("xl/vbaProject.bin")?.data, storedEntries(input).get("xl/vbaProject.bin")?.data)).toBe(true);
      expect(contentTypes(bytes)("xl/workbook.xml")).toBe("application/vnd.ms-excel.sheet.macroEnabled.main+xml");
    }
  });

  it("keeps an ISO date cell (t=\"d\"), furigana in inline strings, charts, images and pivot tables as they were", () => {
    const checks: [string, (parts: Record<string, Uint8Array>) => unknown][] = [
      ["hand-furigana-isodate.xlsx", (p) => strFromU8(p["xl/worksheets/sheet1.xml"]!).match(/<c r="B5" s="1" t="d"><v>2021-03-31<\/v><\/c>|<rPh sb="2" eb="4"><t>すいしん<\/t><\/rPh>/g)],
      ["poi-51519.xlsx", (p) => strFromU8(p["xl/sharedStrings.xml"]!).match(/<rPh /g)?.length],
      ["poi-WithChart.xlsx", (p) => Object.keys(p).filter((n) => n.startsWith("xl/charts/"))],
      ["poi-WithDrawing.xlsx", (p) => Object.keys(p).filter((n) => n.startsWith("xl/media/"))],
      ["poi-ExcelPivotTableSample.xlsx", (p) => Object.keys(p).filter((n) => n.includes("pivot"))],
    ];
    for (const [name, look] of checks) {
      const input = fixture(name);
      const before = look(partsOf(input));
      expect(before, name).toBeTruthy();
      const after = look(partsOf(graftSheets(input, ours).bytes));
      // The user's are all there, as they were (a graft may add a chart of ours beside them).
      if (Array.isArray(before)) expect(after, name).toEqual(expect.arrayContaining(before));
      else expect(after, name).toEqual(before);
    }
  });

  it("moves our dates to the user's date system (1904)", async () => {
    const { bytes } = graftSheets(fixture("xlsxwriter-1904.xlsx"), ours);
    const findings = readXlsx(bytes).sheets.find((s) => s.name === FINDINGS);
    expect(findings?.rows[1]?.[1]).toEqual({ date: "2021-03-31" });
    const back = graftSheets(fixture("openpyxl-table.xlsx"), await ourPackage({ date1904: true })).bytes;
    expect(readXlsx(back).sheets.find((s) => s.name === FINDINGS)?.rows[1]?.[1]).toEqual({ date: "2021-03-31" });
  });
});

describe("graftSheets: bounded", () => {
  it("never inflates a part it copies: a sheet of 1,048,576 rows costs its compressed size", () => {
    const rows = Array.from({ length: 1_048_576 }, (_, i) => `<row r="${i + 1}"/>`).join("");
    const sheet = `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows}<row r="1048576"><c r="XFD1048576"><v>1</v></c></row></sheetData></worksheet>`.replace(`<row r="1048576"/>`, "");
    const input = minimalWorkbook(sheet);
    const stored = storedEntries(input).get("xl/worksheets/sheet1.xml");
    const size = partsOf(input)["xl/worksheets/sheet1.xml"]!.length;
    expect(size).toBeGreaterThan(17_000_000);
    expect(stored!.data.length).toBeLessThan(size / 5);
    // Limits far below the sheet's 17 MB: the reader itself would refuse to read it.
    const limits = { ...ZIP_LIMITS, partBytes: 4_000_000, totalBytes: 4_000_000, ratioFloorBytes: 8 * 1024 * 1024, ratio: 400 };
    expect(() => readXlsx(input, { limits: { ...limits, cells: 10 } })).toThrow();
    const { bytes } = graftSheets(input, ours, { limits });
    expect(sameBytes(storedEntries(bytes).get("xl/worksheets/sheet1.xml")?.data, stored!.data)).toBe(true);
    // Building the 17 MB sheet is what takes time here, not the graft.
  }, 60_000);
});

describe("graftSheets: refusals, each a one-line message in Japanese and English", () => {
  const refusal = (run: () => unknown): PackageError => {
    try {
      run();
    } catch (error) {
      expect(error).toBeInstanceOf(PackageError);
      const e = error as PackageError;
      expect(e.text.ja).toMatch(/[ぁ-んァ-ン一-龠]/);
      expect(e.text.en).toMatch(/[A-Za-z].*\.$/);
      expect(e.text.ja).not.toContain("\n");
      expect(e.text.ja).not.toContain("内部エラー");
      return e;
    }
    throw new Error("not refused");
  };

  it("refuses Strict Open XML", () => {
    expect(refusal(() => graftSheets(fixture("poi-SimpleStrict.xlsx"), ours)).reason).toBe("Strict");
  });

  it("refuses a package with an entry name used twice", () => {
    expect(refusal(() => graftSheets(fixture("poi-duplicate-filename.xlsx"), ours)).reason).toBe("EntryTwice");
  });

  it("refuses a relationship whose target is outside the package", () => {
    const input = minimalWorkbook(EMPTY_SHEET, { "xl/_rels/workbook.xml.rels": WORKBOOK_RELS.replace('Target="worksheets/sheet1.xml"', 'Target="../../../etc/sheet1.xml"') });
    expect(refusal(() => graftSheets(input, ours)).reason).toBe("OutsidePackage");
  });

  it("refuses a workbook whose sheet part is missing", () => {
    const input = minimalWorkbook(EMPTY_SHEET, { "xl/worksheets/sheet1.xml": undefined });
    expect(refusal(() => graftSheets(input, ours)).reason).toBe("PartMissing");
  });

  it("refuses a sheet of ours whose name is a sheet of the user's", () => {
    const input = minimalWorkbook(EMPTY_SHEET, { "xl/workbook.xml": WORKBOOK.replace('name="表"', `name="${FINDINGS}"`) });
    expect(refusal(() => graftSheets(input, ours)).reason).toBe("SheetExists");
  });

  it("refuses a part that is not well-formed XML", () => {
    const input = minimalWorkbook(EMPTY_SHEET, { "xl/workbook.xml": WORKBOOK.replace("</sheets>", "") });
    expect(refusal(() => graftSheets(input, ours)).reason).toBe("NotWellFormed");
  });
});

const EMPTY_SHEET = `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData/></worksheet>`;
const WORKBOOK = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="表" sheetId="1" r:id="rId1"/></sheets></workbook>`;
const WORKBOOK_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`;

/** The smallest workbook Excel opens, with one sheet; parts may be replaced or removed (undefined). */
function minimalWorkbook(sheet: string, parts: Record<string, string | undefined> = {}): Uint8Array {
  const files: Record<string, string | undefined> = {
    "[Content_Types].xml": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`,
    "_rels/.rels": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    "xl/workbook.xml": WORKBOOK,
    "xl/_rels/workbook.xml.rels": WORKBOOK_RELS,
    "xl/worksheets/sheet1.xml": sheet,
    ...parts,
  };
  return zipSync(Object.fromEntries(Object.entries(files).filter((e): e is [string, string] => e[1] !== undefined).map(([n, t]) => [n, strToU8(t)])));
}

/** A package of ours holding one sheet with this name and these workbook-level elements. */
function zipFromWorkbook(definedNames: string, name: string): Uint8Array {
  return minimalWorkbook(`<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>後</t></is></c></row></sheetData></worksheet>`, {
    "xl/workbook.xml": WORKBOOK.replace('name="表"', `name="${name}"`).replace("</sheets>", `</sheets>${definedNames}`),
  });
}
