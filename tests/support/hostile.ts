import { strToU8, zipSync, type Zippable } from "fflate";

/**
 * Workbooks crafted to break a reader, made here by code (nothing large is checked in): the smallest
 * package Excel would open, with the parts each case needs. Each function returns the file's bytes.
 */

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>
<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>
</Types>`;
const ROOT_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>
</Relationships>`;
const WORKBOOK = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
<sheets><sheet name="表" sheetId="1" r:id="rId1"/></sheets>
</workbook>`;
const WORKBOOK_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>
</Relationships>`;

/** Text for an XML part as Excel writes it: markup escaped, control characters as _xHHHH_ (ST_Xstring). */
const escape = (text: string) =>
  text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    // eslint-disable-next-line no-control-regex -- the characters XML 1.0 cannot hold
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, (ch) => `_x${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`);

/** A worksheet part from cells written as inline strings or numbers: [ref, value]. */
export function sheetXml(cells: readonly (readonly [ref: string, value: string | number])[], extra = ""): string {
  const rows = new Map<number, string[]>();
  for (const [ref, value] of cells) {
    const row = Number(/\d+$/.exec(ref)?.[0]);
    const cell =
      typeof value === "number" ? `<c r="${ref}"><v>${value}</v></c>` : `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${escape(value)}</t></is></c>`;
    rows.set(row, [...(rows.get(row) ?? []), cell]);
  }
  const body = [...rows].sort((a, b) => a[0] - b[0]).map(([r, cs]) => `<row r="${r}">${cs.join("")}</row>`).join("");
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${body}</sheetData>${extra}</worksheet>`;
}

/** A package with one sheet; parts may be replaced or added. */
export function workbookFile(sheet: string, parts: Record<string, string | Uint8Array> = {}): Uint8Array {
  const files: Zippable = {
    "[Content_Types].xml": strToU8(CONTENT_TYPES),
    "_rels/.rels": strToU8(ROOT_RELS),
    "xl/workbook.xml": strToU8(WORKBOOK),
    "xl/_rels/workbook.xml.rels": strToU8(WORKBOOK_RELS),
    "xl/worksheets/sheet1.xml": strToU8(sheet),
  };
  for (const [name, content] of Object.entries(parts)) files[name] = typeof content === "string" ? strToU8(content) : content;
  return zipSync(files);
}

/** The header row of the Kodaira layout, A to J. */
export const HEADER_CELLS: [string, string][] = [
  ["A1", "分野"], ["B1", "No."], ["C1", "枝番"], ["D1", "項目"], ["E1", "主な推進担当課"],
  ["F1", "評価"], ["G1", "実施内容"], ["H1", "当初予定（目標値）"], ["I1", "取組実績（実績値）"], ["J1", "備考"],
];

/** One data row in row 2 of the Kodaira layout. */
export function dataRow(row: number, cells: Partial<Record<"A" | "B" | "D" | "E" | "F" | "G" | "H" | "I", string | number>>): [string, string | number][] {
  return Object.entries(cells).map(([column, value]) => [`${column}${row}`, value as string | number]);
}

/** A table of `rows` items (each its own text), for checks that must pass on a sound file. */
export function soundTable(rows: number): [string, string | number][] {
  const cells: [string, string | number][] = [...HEADER_CELLS];
  for (let i = 0; i < rows; i += 1) {
    cells.push(...dataRow(i + 2, { A: "分野", B: i + 1, D: `項目${i + 1}`, E: "課", F: "A", H: "(件数 10件)", I: "(件数 10件)" }));
  }
  return cells;
}

/** A zip whose entry says it is `declared` bytes uncompressed (central directory and local header). */
export function withDeclaredSize(zip: Uint8Array, entry: string, declared: number): Uint8Array {
  const bytes = zip.slice();
  const view = new DataView(bytes.buffer);
  const name = new TextEncoder().encode(entry);
  const matches = (at: number) => name.every((b, i) => bytes[at + i] === b);
  for (let i = 0; i + 46 < bytes.length; i += 1) {
    const signature = view.getUint32(i, true);
    if (signature === 0x04034b50 && view.getUint16(i + 26, true) === name.length && matches(i + 30)) view.setUint32(i + 22, declared, true);
    if (signature === 0x02014b50 && view.getUint16(i + 28, true) === name.length && matches(i + 46)) view.setUint32(i + 24, declared, true);
  }
  return bytes;
}

/** An OLE compound file as Excel writes a password-protected workbook: it holds "EncryptedPackage". */
export function encryptedWorkbook(): Uint8Array {
  const bytes = new Uint8Array(4096);
  bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  const name = "EncryptedPackage";
  for (let i = 0; i < name.length; i += 1) bytes[1024 + 2 * i] = name.charCodeAt(i);
  return bytes;
}

/** A zip that holds no workbook at all. */
export function zipWithoutWorkbook(): Uint8Array {
  return zipSync({ "readme.txt": strToU8("これはブックではありません") });
}
