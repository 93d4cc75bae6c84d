import { deflateSync, strToU8, unzipSync, zipSync, type Zippable } from "fflate";

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

/** A worksheet part from cells written as inline strings or numbers: [ref, value, style (the index of an xf)]. */
export function sheetXml(cells: readonly (readonly [ref: string, value: string | number, style?: number])[], extra = ""): string {
  const rows = new Map<number, string[]>();
  for (const [ref, value, style] of cells) {
    const row = Number(/\d+$/.exec(ref)?.[0]);
    const s = style === undefined ? "" : ` s="${style}"`;
    const cell =
      typeof value === "number" ? `<c r="${ref}"${s}><v>${value}</v></c>` : `<c r="${ref}"${s} t="inlineStr"><is><t xml:space="preserve">${escape(value)}</t></is></c>`;
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

const attributeText = (text: string) => escape(text).replace(/"/g, "&quot;");

/**
 * The styles part and the relationship to it, for cells with number formats: cell style 0 is General,
 * style k (from 1) shows formats[k - 1]: a format code (a custom numFmt, ids from 164) or the id of a
 * built-in format (9 is 0%, 14 a date). Pass the result as workbookFile's parts.
 */
export function stylesParts(formats: readonly (string | number)[]): Record<string, string> {
  const custom = formats.filter((f): f is string => typeof f === "string");
  const idOf = (f: string | number) => (typeof f === "number" ? f : 164 + custom.indexOf(f));
  const numFmts = custom.map((code, i) => `<numFmt numFmtId="${164 + i}" formatCode="${attributeText(code)}"/>`).join("");
  const xfs = ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>', ...formats.map((f) => `<xf numFmtId="${idOf(f)}" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>`)];
  return {
    "xl/styles.xml": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="${custom.length}">${numFmts}</numFmts><fonts count="1"><font/></fonts><fills count="1"><fill/></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="${xfs.length}">${xfs.join("")}</cellXfs></styleSheet>`,
    "xl/_rels/workbook.xml.rels": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>
</Relationships>`,
  };
}

/** The CRC-32 of ZIP (APPNOTE.TXT 4.4.7): other readers check it, so the crafted files carry the right one. */
function crc32(bytes: Uint8Array): number {
  let crc = ~0;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k += 1) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc >>> 0;
}

/**
 * A zip written with ZIP64 records (APPNOTE.TXT 4.3.14, 4.3.15, 4.5.3), as some libraries write every
 * archive whatever its size: in the central directory the sizes (and with "all" the local header's
 * offset) are 0xFFFFFFFF and their values stand in the ZIP64 extended information extra field; the end
 * of central directory says 0xFFFF entries and offset 0xFFFFFFFF, and the ZIP64 end of central directory
 * record and its locator give the real ones. The local headers carry the ZIP64 field too.
 */
export function zip64File(parts: Record<string, Uint8Array>, mode: "sizes" | "all" = "all"): Uint8Array {
  const chunks: Uint8Array[] = [];
  let offset = 0;
  const push = (chunk: Uint8Array) => {
    chunks.push(chunk);
    offset += chunk.length;
  };
  const central: Uint8Array[] = [];
  for (const [name, data] of Object.entries(parts)) {
    const nameBytes = strToU8(name);
    const compressed = deflateSync(data);
    const crc = crc32(data);
    const local = new Uint8Array(30 + nameBytes.length + 20);
    const lv = new DataView(local.buffer);
    lv.setUint32(0, 0x04034b50, true);
    lv.setUint16(4, 45, true);
    lv.setUint16(6, 0x0800, true); // UTF-8 names
    lv.setUint16(8, 8, true);
    lv.setUint32(14, crc, true);
    lv.setUint32(18, 0xffffffff, true);
    lv.setUint32(22, 0xffffffff, true);
    lv.setUint16(26, nameBytes.length, true);
    lv.setUint16(28, 20, true);
    local.set(nameBytes, 30);
    const lx = 30 + nameBytes.length;
    lv.setUint16(lx, 0x0001, true);
    lv.setUint16(lx + 2, 16, true);
    lv.setBigUint64(lx + 4, BigInt(data.length), true);
    lv.setBigUint64(lx + 12, BigInt(compressed.length), true);
    const headerAt = offset;
    push(local);
    push(compressed);
    // The central directory's ZIP64 field holds, in this order, only the values its header leaves at 0xFFFFFFFF.
    const extra = mode === "all" ? 28 : 20;
    const entry = new Uint8Array(46 + nameBytes.length + extra);
    const cv = new DataView(entry.buffer);
    cv.setUint32(0, 0x02014b50, true);
    cv.setUint16(4, 45, true);
    cv.setUint16(6, 45, true);
    cv.setUint16(8, 0x0800, true);
    cv.setUint16(10, 8, true);
    cv.setUint32(16, crc, true);
    cv.setUint32(20, 0xffffffff, true);
    cv.setUint32(24, 0xffffffff, true);
    cv.setUint16(28, nameBytes.length, true);
    cv.setUint16(30, extra, true);
    cv.setUint32(42, mode === "all" ? 0xffffffff : headerAt, true);
    entry.set(nameBytes, 46);
    const cx = 46 + nameBytes.length;
    cv.setUint16(cx, 0x0001, true);
    cv.setUint16(cx + 2, extra - 4, true);
    cv.setBigUint64(cx + 4, BigInt(data.length), true);
    cv.setBigUint64(cx + 12, BigInt(compressed.length), true);
    if (mode === "all") cv.setBigUint64(cx + 20, BigInt(headerAt), true);
    central.push(entry);
  }
  const directoryAt = offset;
  for (const entry of central) push(entry);
  const directorySize = offset - directoryAt;
  const count = central.length;
  const recordAt = offset;
  const record = new Uint8Array(56);
  const rv = new DataView(record.buffer);
  rv.setUint32(0, 0x06064b50, true);
  rv.setBigUint64(4, 44n, true);
  rv.setUint16(12, 45, true);
  rv.setUint16(14, 45, true);
  rv.setBigUint64(24, BigInt(count), true);
  rv.setBigUint64(32, BigInt(count), true);
  rv.setBigUint64(40, BigInt(directorySize), true);
  rv.setBigUint64(48, BigInt(directoryAt), true);
  push(record);
  const locator = new Uint8Array(20);
  const kv = new DataView(locator.buffer);
  kv.setUint32(0, 0x07064b50, true);
  kv.setBigUint64(8, BigInt(recordAt), true);
  kv.setUint32(16, 1, true);
  push(locator);
  const end = new Uint8Array(22);
  const ev = new DataView(end.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, mode === "all" ? 0xffff : count, true);
  ev.setUint16(10, mode === "all" ? 0xffff : count, true);
  ev.setUint32(12, mode === "all" ? 0xffffffff : directorySize, true);
  ev.setUint32(16, mode === "all" ? 0xffffffff : directoryAt, true);
  push(end);
  const out = new Uint8Array(offset);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

/** The parts of the one-sheet package of workbookFile, to write them another way (zip64File). */
export function workbookParts(sheet: string, parts: Record<string, string | Uint8Array> = {}): Record<string, Uint8Array> {
  return unzipSync(workbookFile(sheet, parts));
}
