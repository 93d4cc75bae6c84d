import { FORMULA_WITHOUT_RESULT, numberCell, type RawCell } from "../core/workbook/cells";
import { showNumber } from "../core/workbook/numberFormat";
import { scanXml, type XmlTag } from "./xmlScan";
import { READ_ERRORS } from "./zip";

/**
 * The parts of a SpreadsheetML package the reader needs, tokenized by xmlScan.ts (strict: no DOCTYPE,
 * no entity but the predefined ones, so nothing is fetched or multiplied): the relationships, the
 * workbook's sheet list and date system, the shared strings, the cell styles that show dates, and each
 * worksheet's cells. Element names are compared without their prefix (some writers put every element
 * under `x:`).
 */

type Tag = XmlTag;

const localName = (name: string) => {
  const colon = name.indexOf(":");
  return colon < 0 ? name : name.slice(colon + 1);
};

/** An unprefixed attribute (SpreadsheetML's own: r, t, s, ref, name …). */
function attribute(tag: Tag, name: string): string | undefined {
  return tag.attributes[name];
}

/** A prefixed attribute by its local name: r:id, whatever the prefix is bound to. */
function prefixedAttribute(tag: Tag, local: string): string | undefined {
  for (const [name, value] of Object.entries(tag.attributes)) if (localName(name) === local) return value;
  return undefined;
}

interface XmlHandlers {
  open(name: string, tag: Tag): void;
  close?(name: string): void;
  text?(text: string): void;
  /** xmlScan's: whole elements read at once, or -1. */
  element?(xml: string, lt: number, parent: string): number;
}

/** Parses one part; a malformed part makes the file unreadable, said with the part's name. */
function parse(part: string, xml: string, handlers: XmlHandlers): void {
  const close = handlers.close;
  const text = handlers.text;
  try {
    scanXml(xml, {
      open: (tag) => handlers.open(localName(tag.name), tag),
      close: close ? (name) => close(localName(name)) : () => undefined,
      text: text ?? (() => undefined),
      ...(handlers.element ? { element: handlers.element } : {}),
    });
  } catch (error) {
    if (error instanceof Error && error.name === "XlsxReadError") throw error;
    throw READ_ERRORS.notWorkbook(`${part} の XML が壊れています / ${part} is not well-formed XML`, error);
  }
}

/**
 * A string as Excel stores it in SpreadsheetML: characters XML cannot hold (control characters) are
 * written _xHHHH_, and an underscore that would read as such an escape as _x005F_ (ECMA-376 Part 1,
 * 22.9.2.19 ST_Xstring). Excel shows the character; so does the reader.
 */
export function decodeXstring(text: string): string {
  if (!text.includes("_x")) return text;
  return text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** UTF-8 text of a part (UTF-16 when it starts with its byte-order mark). */
export function decodePart(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder("utf-16le").decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder("utf-16be").decode(bytes);
  return new TextDecoder("utf-8").decode(bytes);
}

export interface Relationship {
  type: string;
  /** The target's path inside the package, resolved against the source part's folder. */
  path: string;
  external: boolean;
}

/** Resolves a relationship target against the folder of the part that holds it. */
export function resolvePath(sourcePart: string, target: string): string {
  const base = target.startsWith("/") ? [] : sourcePart.split("/").slice(0, -1);
  for (const piece of target.replace(/^\/+/, "").split("/")) {
    if (piece === "..") base.pop();
    else if (piece !== "." && piece !== "") base.push(piece);
  }
  return base.join("/");
}

/** The .rels part of `sourcePart` ("xl/workbook.xml" → "xl/_rels/workbook.xml.rels"). */
export function relsPathOf(sourcePart: string): string {
  const slash = sourcePart.lastIndexOf("/");
  return `${sourcePart.slice(0, slash + 1)}_rels/${sourcePart.slice(slash + 1)}.rels`;
}

export function parseRelationships(part: string, xml: string, sourcePart: string): Map<string, Relationship> {
  const found = new Map<string, Relationship>();
  parse(part, xml, {
    open(name, tag) {
      if (name !== "Relationship") return;
      const id = attribute(tag, "Id");
      const target = attribute(tag, "Target");
      if (id === undefined || target === undefined) return;
      const external = attribute(tag, "TargetMode") === "External";
      found.set(id, { type: attribute(tag, "Type") ?? "", path: external ? target : resolvePath(sourcePart, target), external });
    },
  });
  return found;
}

export interface WorkbookPart {
  sheets: { name: string; relId: string; hidden: boolean }[];
  date1904: boolean;
  /**
   * The workbook asks to be recalculated when it is opened (<calcPr fullCalcOnLoad="1"/>): what it
   * holds as formula results need not be them (XlsxWriter writes 0 for every formula).
   */
  fullCalcOnLoad: boolean;
}

const isTrue = (value: string | undefined) => value === "1" || value === "true";

export function parseWorkbook(part: string, xml: string): WorkbookPart {
  const result: WorkbookPart = { sheets: [], date1904: false, fullCalcOnLoad: false };
  parse(part, xml, {
    open(name, tag) {
      if (name === "workbookPr") {
        result.date1904 = isTrue(attribute(tag, "date1904"));
      } else if (name === "calcPr") {
        result.fullCalcOnLoad = isTrue(attribute(tag, "fullCalcOnLoad"));
      } else if (name === "sheet") {
        const sheetName = attribute(tag, "name");
        const relId = prefixedAttribute(tag, "id");
        if (sheetName === undefined || relId === undefined) return;
        const state = attribute(tag, "state");
        result.sheets.push({ name: sheetName, relId, hidden: state === "hidden" || state === "veryHidden" });
      }
    },
  });
  return result;
}

/**
 * The shared strings: each <si>'s text, rich-text runs joined, phonetic guides (<rPh>, the furigana
 * Japanese Excel stores beside a cell's text) left out, as Excel shows the cell. `plain`: plain items
 * read at once (plainItem); false reads every tag through the scanner (what the tests hold it to).
 */
export function parseSharedStrings(part: string, xml: string, plain = true): string[] {
  const strings: string[] = [];
  let inItem = false;
  let phonetic = 0;
  let inText = false;
  let current = "";
  parse(part, xml, {
    open(name, tag) {
      if (name === "si") {
        inItem = true;
        current = "";
      } else if (name === "rPh" || name === "phoneticPr") {
        if (!tag.isSelfClosing) phonetic += 1;
      } else if (name === "t" && inItem && phonetic === 0 && !tag.isSelfClosing) {
        inText = true;
      }
    },
    close(name) {
      if (name === "si") {
        strings.push(decodeXstring(current));
        inItem = false;
      } else if (name === "rPh" || name === "phoneticPr") {
        phonetic = Math.max(0, phonetic - 1);
      } else if (name === "t") {
        inText = false;
      }
    },
    text(text) {
      if (inText) current += text;
    },
    ...(plain ? { element: plainItem } : {}),
  });
  return strings;

  /**
   * An item written plainly — <si><t>text</t></si>, or <t xml:space="preserve"> — its text without
   * references or carriage returns: read at once, with the effect the scanner's events would have. Any
   * other item (runs of formatted text, furigana, references) gives -1: the scanner reads it.
   */
  function plainItem(xml: string, lt: number): number {
    if (!xml.startsWith("<si><t", lt) || phonetic !== 0 || inText) return -1;
    let p = lt + 6;
    if (xml.charCodeAt(p) === 0x3e) p += 1;
    else if (xml.startsWith(' xml:space="preserve">', p)) p += 22;
    else return -1;
    const end = xml.indexOf("<", p);
    if (end < 0 || !xml.startsWith("</t></si>", end)) return -1;
    const text = xml.slice(p, end);
    if (text.includes("&") || text.includes("\r")) return -1;
    current = text;
    strings.push(decodeXstring(text));
    inItem = false;
    return end + 9;
  }
}

/**
 * Excel's built-in number formats (ECMA-376 Part 1, §18.8.30), as the reader needs them: those that
 * change what a number reads as. 9 and 10 are percentages; 14–17 and 22 dates; 27–36 and 50–58 the
 * dates and eras of the East Asian locales (ja-JP: [$-411]ge.m.d, ggge"年"m"月"d"日" …). The others show a
 * number as it is (General, 0.00, #,##0, currency, 0.00E+00, @), the times of day and durations
 * (18–21, 45–47) included, as before.
 */
const BUILT_IN_FORMATS: ReadonlyMap<number, string> = new Map([
  [9, "0%"],
  [10, "0.00%"],
  ...[14, 15, 16, 17, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 50, 51, 52, 53, 54, 55, 56, 57, 58].map((id): [number, string] => [id, "yyyy/m/d"]),
]);

/**
 * For each cell style (the `s` of a cell), its number format code when it changes what a number reads
 * as (a date, a unit, a percentage, a sign word), else undefined: most cells keep the fast path.
 */
export function parseCellFormats(part: string, xml: string): (string | undefined)[] {
  const custom = new Map<number, string>();
  const formats: (string | undefined)[] = [];
  let inCellXfs = false;
  parse(part, xml, {
    open(name, tag) {
      if (name === "numFmt") {
        const id = Number(attribute(tag, "numFmtId"));
        const code = attribute(tag, "formatCode");
        if (Number.isInteger(id) && code !== undefined) custom.set(id, code);
      } else if (name === "cellXfs") {
        inCellXfs = !tag.isSelfClosing;
      } else if (name === "xf" && inCellXfs) {
        const id = Number(attribute(tag, "numFmtId") ?? 0);
        const code = custom.get(id) ?? BUILT_IN_FORMATS.get(id);
        formats.push(code !== undefined && changesReading(code) ? code : undefined);
      }
    },
    close(name) {
      if (name === "cellXfs") inCellXfs = false;
    },
  });
  return formats;
}

/** Whether a format shows some number otherwise than as that number (tried on a positive, a negative and zero). */
function changesReading(code: string): boolean {
  return [1, -1, 0, 0.5].some((value) => showNumber(value, code).kind !== "number");
}

/** Excel's grid: 1,048,576 rows and 16,384 columns (XFD). */
const MAX_ROW = 1_048_576;
const MAX_COLUMN = 16_384;

/** "AB12" → [row 11, column 27] (0-based), or undefined when it is not a cell reference in Excel's grid. */
export function parseCellRef(ref: string): [row: number, column: number] | undefined {
  let column = 0;
  let i = 0;
  for (; i < ref.length; i += 1) {
    const code = ref.charCodeAt(i);
    if (code >= 65 && code <= 90) column = column * 26 + code - 64;
    else if (code >= 97 && code <= 122) column = column * 26 + code - 96;
    else break;
    if (column > MAX_COLUMN) return undefined;
  }
  const row = Number(ref.slice(i));
  if (i === 0 || !Number.isInteger(row) || row < 1 || row > MAX_ROW) return undefined;
  return [row - 1, column - 1];
}

/** How many cells the reader keeps, in all the sheets, before it gives up (see docs/contracts/workbook.md). */
export interface CellBudget {
  left: number;
  readonly limit: number;
}

export interface WorksheetPart {
  /** rows[r][c]: only the cells the file holds (the arrays are sparse); a merged area's value in its top-left only. */
  rows: RawCell[][];
  /** Merged areas as [row, column, rows, columns], 0-based. */
  merges: [number, number, number, number][];
  /** The sheet holds an Excel Table (a <tablePart>). */
  hasTable: boolean;
  /** Rows and columns that hold a value. */
  usedRows: number;
  usedColumns: number;
}

export interface CellContext {
  strings: readonly string[];
  /** Each cell style's number format, where it changes what a number reads as (parseCellFormats). */
  formats: readonly (string | undefined)[];
  date1904: boolean;
  /** The workbook asks to be recalculated when opened: a formula's stored 0 is no result (WorkbookPart). */
  fullCalcOnLoad: boolean;
  budget: CellBudget;
}

/** At most this much of a formula is kept with a cell that has no result (for the finding that quotes it). */
const FORMULA_KEPT = 200;

function cellValue(type: string | undefined, text: string, style: number, context: CellContext): RawCell {
  switch (type) {
    case "s":
      return context.strings[Number(text)] ?? "";
    case "str":
    case "inlineStr":
      return decodeXstring(text);
    case "b":
      return text.trim() === "1" || text.trim() === "true";
    case "e":
      return { error: text.trim() };
    case "d": {
      const date = /^\d{4}-\d{2}-\d{2}/.exec(text.trim())?.[0];
      return date ? { date } : text;
    }
    default: {
      const trimmed = text.trim();
      if (trimmed === "") return null;
      const number = Number(trimmed);
      if (!Number.isFinite(number)) return trimmed;
      const format = context.formats[style];
      return format === undefined ? number : numberCell(number, format, context.date1904);
    }
  }
}

function parseRange(ref: string): [number, number, number, number] | undefined {
  const [from = "", to = from] = ref.split(":");
  const a = parseCellRef(from);
  const b = parseCellRef(to);
  if (!a || !b) return undefined;
  const [r0, r1] = a[0] <= b[0] ? [a[0], b[0]] : [b[0], a[0]];
  const [c0, c1] = a[1] <= b[1] ? [a[1], b[1]] : [b[1], a[1]];
  return [r0, c0, r1 - r0 + 1, c1 - c0 + 1];
}

/** The number written by the digits from..to (at most 15 of them), or -1 when something else (or nothing) is written there. */
function digitsValue(xml: string, from: number, to: number): number {
  if (to <= from || to - from > 15) return -1;
  let n = 0;
  for (let i = from; i < to; i += 1) {
    const d = xml.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

/** A cell's type as written (t="s"): the common ones without making a string. */
function typeName(xml: string, from: number, to: number): string {
  if (to - from === 1) {
    switch (xml.charCodeAt(from)) {
      case 0x73:
        return "s";
      case 0x6e:
        return "n";
      case 0x62:
        return "b";
      case 0x65:
        return "e";
      case 0x64:
        return "d";
      default:
        break;
    }
  }
  return to - from === 3 && xml.startsWith("str", from) ? "str" : xml.slice(from, to);
}

/** A cell's style as startCell reads it (Number(s) || 0), from the attribute's bounds (-1: none written). */
function styleOf(xml: string, from: number, to: number): number {
  if (from < 0) return 0;
  const digits = digitsValue(xml, from, to);
  return digits >= 0 ? digits : Number(xml.slice(from, to)) || 0;
}

/** The closing quote of an attribute value from `from` on that the scanner would keep as written: -1 when it holds <, & or white space other than a space (or never ends). */
function plainValueEnd(xml: string, from: number): number {
  for (let i = from; ; i += 1) {
    const c = xml.charCodeAt(i);
    if (c === 0x22) return i;
    if (c === 0x3c || c === 0x26 || c === 0x9 || c === 0xa || c === 0xd || Number.isNaN(c)) return -1;
  }
}

/** A character of an attribute's name as writers write them: letters, digits, ":", "_", "-", ".". */
const isPlainNameCode = (c: number) => (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x3a) || c === 0x5f || c === 0x2d || c === 0x2e;

/** The end ("<") of text from `from` on that the scanner would hand over as written: -1 when it holds a reference or a carriage return (or never ends). */
function plainTextEnd(xml: string, from: number): number {
  for (let i = from; ; i += 1) {
    const c = xml.charCodeAt(i);
    if (c === 0x3c) return i;
    if (c === 0x26 || c === 0xd || Number.isNaN(c)) return -1;
  }
}

/**
 * A worksheet's cells: only those the file holds, never the empty rectangle around them (a lone cell at
 * XFD1048576 costs one cell). Formulas give their cached result; nothing is evaluated, and a formula
 * without one reads as such (FORMULA_WITHOUT_RESULT). `plain`: cells in the plain form read at once
 * (plainCell); false reads every tag through the scanner (what the tests hold the plain reading to).
 */
export function parseWorksheet(part: string, xml: string, context: CellContext, plain = true): WorksheetPart {
  const rows: RawCell[][] = [];
  const merges: [number, number, number, number][] = [];
  let hasTable = false;
  let row = -1;
  let column = -1;
  let cellType: string | undefined;
  let cellStyle = 0;
  let inCell = false;
  let inValue = false;
  let inInline = false;
  let phonetic = 0;
  let text = "";
  let hasText = false;
  let inFormula = false;
  let formula: string | undefined;
  let sawValue = false;
  parse(part, xml, {
    open(name, tag) {
      switch (name) {
        case "row": {
          const r = Number(attribute(tag, "r"));
          row = Number.isInteger(r) && r >= 1 && r <= MAX_ROW ? r - 1 : row + 1;
          column = -1;
          break;
        }
        case "c":
          startCell(attribute(tag, "r"), attribute(tag, "t"), attribute(tag, "s"), tag.isSelfClosing);
          break;
        case "f":
          if (inCell) {
            formula ??= "";
            inFormula = !tag.isSelfClosing;
          }
          break;
        case "v":
          inValue = inCell && !tag.isSelfClosing;
          sawValue ||= inCell;
          break;
        case "is":
          inInline = inCell && !tag.isSelfClosing;
          sawValue ||= inCell;
          break;
        case "rPh":
          if (!tag.isSelfClosing) phonetic += 1;
          break;
        case "t":
          if (inInline && phonetic === 0 && !tag.isSelfClosing) inValue = true;
          break;
        case "mergeCell": {
          const area = parseRange(attribute(tag, "ref") ?? "");
          if (area) merges.push(area);
          break;
        }
        case "tablePart":
          hasTable = true;
          break;
        default:
          break;
      }
    },
    close(name) {
      switch (name) {
        case "v":
        case "t":
          if (inValue) inValue = false;
          break;
        case "f":
          inFormula = false;
          break;
        case "rPh":
          phonetic = Math.max(0, phonetic - 1);
          break;
        case "is":
          inInline = false;
          break;
        case "c":
          endCell();
          break;
        default:
          break;
      }
    },
    text(chunk) {
      if (inValue) {
        text += chunk;
        hasText = true;
      } else if (inFormula && formula !== undefined && formula.length < FORMULA_KEPT) {
        formula += chunk;
      }
    },    ...(plain ? { element: plainRun } : {}),
  });
  /**
   * Plain cells one after another, and the rows between them (</row><row r="3" …>: the same element left
   * open), read at once (plainCell, plainRowStart); -1 when the first is not one.
   */
  function plainRun(xml: string, lt: number, parent: string): number {
    let p = lt;
    for (;;) {
      // Only at a tag: text between the elements is the scanner's.
      if (xml.charCodeAt(p) !== 0x3c) return p === lt ? -1 : p;
      let after = plainCell(xml, p);
      if (after < 0 && parent === "row" && xml.startsWith("</row><row ", p)) after = plainRowStart(xml, p + 6);
      if (after < 0) return p === lt ? -1 : p;
      p = after;
    }
  }
  /**
   * A row's start tag written plainly (<row r="3" spans="1:11" ht="32" customHeight="1">): attributes of
   * plain names, each once, quoted with ", one space before each, values without <, & or white space
   * other than spaces — read as the scanner's open event would be (the row's number, its first cell);
   * -1 otherwise.
   */
  function plainRowStart(xml: string, lt: number): number {
    let p = lt + 5;
    let rowFrom = -1;
    let rowTo = -1;
    const names: string[] = [];
    for (;;) {
      const code = xml.charCodeAt(p);
      if (code === 0x3e) break;
      const start = p;
      while (isPlainNameCode(xml.charCodeAt(p))) p += 1;
      if (p === start || xml.charCodeAt(p) !== 0x3d || xml.charCodeAt(p + 1) !== 0x22) return -1;
      const name = xml.slice(start, p);
      if (names.includes(name)) return -1;
      names.push(name);
      const from = p + 2;
      const end = plainValueEnd(xml, from);
      if (end < 0) return -1;
      if (name === "r") {
        rowFrom = from;
        rowTo = end;
      }
      p = end + 1;
      const next = xml.charCodeAt(p);
      if (next === 0x20) p += 1;
      else if (next !== 0x3e) return -1;
    }
    // As the open event: Number(r), a row of Excel's grid, or the next row.
    const digits = rowFrom < 0 ? -1 : digitsValue(xml, rowFrom, rowTo);
    const r = rowFrom < 0 ? Number(undefined) : digits >= 0 ? digits : Number(xml.slice(rowFrom, rowTo));
    row = Number.isInteger(r) && r >= 1 && r <= MAX_ROW ? r - 1 : row + 1;
    column = -1;
    return p + 1;
  }
  function startCell(ref: string | undefined, type: string | undefined, style: string | undefined, selfClosing: boolean): void {
    const at = ref === undefined ? undefined : parseCellRef(ref);
    if (at) [row, column] = at;
    else column += 1;
    if (row < 0) row = 0;
    cellType = type;
    cellStyle = Number(style ?? 0) || 0;
    inCell = !selfClosing;
    text = "";
    hasText = false;
    formula = undefined;
    sawValue = false;
  }
  function endCell(): void {
    if (inCell && formula !== undefined && withoutResult(cellType, text, sawValue, context)) {
      keep({ error: FORMULA_WITHOUT_RESULT, formula: formula.slice(0, FORMULA_KEPT) });
    } else if (inCell && hasText) {
      const value = cellValue(inInlineType(cellType), text, cellStyle, context);
      if (value !== null && value !== "") keep(value);
    }
    inCell = false;
  }
  /**
   * A cell written in the plain form most of a sheet's cells take — <c r="B2" s="1" t="s"><v>12</v></c>,
   * <c r="B2" s="1"></c>, <c r="B2" s="1"/>, or with a formula first, <c r="B2"><f>A1*2</f><v>4</v></c>:
   * attributes r, s and t only, each once, quoted with ", one space before each; a formula without
   * attributes; texts without references or carriage returns — read at once, with the same effect as the
   * scanner's events would have (startCell, the text handler, endCell), and without making the strings
   * it does not keep (the reference, the style, a shared string's index). Any other form gives -1: the
   * scanner reads it tag by tag, and refuses what it refuses.
   */
  function plainCell(xml: string, lt: number): number {
    // Inside a value or a formula (a sheet nested so is malformed): left to the scanner.
    if (xml.charCodeAt(lt + 1) !== 0x63 || xml.charCodeAt(lt + 2) !== 0x20 || inValue || inFormula) return -1;
    let p = lt + 3;
    let refFrom = -1;
    let refTo = -1;
    let styleFrom = -1;
    let styleTo = -1;
    let typeFrom = -1;
    let typeTo = -1;
    for (;;) {
      const code = xml.charCodeAt(p);
      if (code === 0x3e || code === 0x2f) break;
      // name="value", the name one of r, s, t.
      if (xml.charCodeAt(p + 1) !== 0x3d || xml.charCodeAt(p + 2) !== 0x22) return -1;
      const from = p + 3;
      const end = plainValueEnd(xml, from);
      if (end < 0) return -1;
      if (code === 0x72 && refFrom < 0) {
        refFrom = from;
        refTo = end;
      } else if (code === 0x73 && styleFrom < 0) {
        styleFrom = from;
        styleTo = end;
      } else if (code === 0x74 && typeFrom < 0) {
        typeFrom = from;
        typeTo = end;
      } else {
        return -1;
      }
      p = end + 1;
      const next = xml.charCodeAt(p);
      if (next === 0x20) p += 1;
      else if (next !== 0x3e && next !== 0x2f) return -1;
    }
    let valueFrom = -1;
    let valueTo = -1;
    let formulaFrom = -1;
    let formulaTo = -1;
    if (xml.charCodeAt(p) === 0x2f) {
      if (xml.charCodeAt(p + 1) !== 0x3e) return -1;
      p += 2;
    } else {
      p += 1;
      // A formula without attributes (<f>SUM(A1:A3)</f>), then the cell's end or its value.
      if (xml.startsWith("<f>", p)) {
        formulaFrom = p + 3;
        formulaTo = plainTextEnd(xml, formulaFrom);
        if (formulaTo < 0 || !xml.startsWith("</f>", formulaTo)) return -1;
        p = formulaTo + 4;
      }
      if (xml.startsWith("</c>", p)) {
        p += 4;
      } else if (xml.startsWith("<v>", p)) {
        valueFrom = p + 3;
        valueTo = plainTextEnd(xml, valueFrom);
        if (valueTo < 0 || !xml.startsWith("</v></c>", valueTo)) return -1;
        p = valueTo + 8;
      } else {
        return -1;
      }
    }
    // The cell's place, as startCell finds it.
    if (refFrom < 0 || !placeAt(xml, refFrom, refTo)) column += 1;
    if (row < 0) row = 0;
    inCell = false;
    formula = undefined;
    const type = typeFrom < 0 ? undefined : typeName(xml, typeFrom, typeTo);
    if (formulaFrom >= 0) {
      // A formula's cell, as endCell keeps it: its result, or the formula when it has none.
      const text = xml.slice(valueFrom, valueTo);
      if (withoutResult(type, text, valueFrom >= 0, context)) {
        keep({ error: FORMULA_WITHOUT_RESULT, formula: xml.slice(formulaFrom, Math.min(formulaTo, formulaFrom + FORMULA_KEPT)) });
      } else if (text !== "") {
        const value = cellValue(type, text, styleOf(xml, styleFrom, styleTo), context);
        if (value !== null && value !== "") keep(value);
      }
    } else if (valueTo > valueFrom) {
      // Its value, as endCell keeps it: only a value written (an empty one is none).
      let value: RawCell;
      if (type === "s") {
        const index = digitsValue(xml, valueFrom, valueTo);
        value = context.strings[index >= 0 ? index : Number(xml.slice(valueFrom, valueTo))] ?? "";
      } else {
        value = cellValue(type, xml.slice(valueFrom, valueTo), styleOf(xml, styleFrom, styleTo), context);
      }
      if (value !== null && value !== "") keep(value);
    }
    return p;
  }
  /** Sets row and column from a reference written in the file, as parseCellRef reads it; false when it is none. */
  function placeAt(xml: string, from: number, to: number): boolean {
    let c = 0;
    let i = from;
    for (; i < to; i += 1) {
      const code = xml.charCodeAt(i);
      if (code >= 65 && code <= 90) c = c * 26 + code - 64;
      else if (code >= 97 && code <= 122) c = c * 26 + code - 96;
      else break;
      if (c > MAX_COLUMN) return false;
    }
    const r = digitsValue(xml, i, to);
    if (r < 0) {
      // Not letters and digits alone: parseCellRef decides.
      const at = parseCellRef(xml.slice(from, to));
      if (!at) return false;
      [row, column] = at;
      return true;
    }
    if (i === from || r < 1 || r > MAX_ROW) return false;
    row = r - 1;
    column = c - 1;
    return true;
  }
  function keep(value: RawCell): void {
    context.budget.left -= 1;
    if (context.budget.left < 0) {
      throw READ_ERRORS.tooLarge({
        ja: `値のあるセルが ${context.budget.limit.toLocaleString("en-US")} 個を超えています`,
        en: `more than ${context.budget.limit.toLocaleString("en-US")} cells hold a value`,
      });
    }
    (rows[row] ??= [])[column] = value;
  }
  clearMergedCells(rows, merges);
  let usedRows = 0;
  const columns = new Set<number>();
  for (const cells of rows) {
    if (!cells) continue;
    let any = false;
    cells.forEach((value, c) => {
      if (value === null || value === undefined) return;
      any = true;
      columns.add(c);
    });
    if (any) usedRows += 1;
  }
  return { rows, merges, hasTable, usedRows, usedColumns: columns.size };
}

/** More merged areas than any progress table has; beyond it a sheet is refused, not slowly walked. */
const MAX_MERGES = 100_000;
/** Cells visited while clearing merged areas: a bound on what overlapping or huge areas can cost. */
const MAX_MERGE_WORK = 50_000_000;

/**
 * A formula cell holds no result: no value at all or an empty one (openpyxl), or, in a workbook that
 * asks to be recalculated when opened, the 0 XlsxWriter stores in place of every result
 * (https://xlsxwriter.readthedocs.io/working_with_formulas.html, "Formula Results").
 */
function withoutResult(type: string | undefined, text: string, sawValue: boolean, context: CellContext): boolean {
  // <v></v> is a result only for a formula that gives text (Excel writes an empty text so).
  if (!sawValue || (text.trim() === "" && type !== "str" && type !== "inlineStr")) return true;
  return context.fullCalcOnLoad && (type === undefined || type === "n") && text.trim() === "0";
}

/** A cell with an inline string is read as text whatever its declared type. */
function inInlineType(type: string | undefined): string | undefined {
  return type === "inlineStr" ? "inlineStr" : type;
}

/**
 * As in Excel, a merged area's value is its top-left cell's; other cells of the area are dropped
 * (exceljs and some writers repeat the value there). Only the cells the file holds are visited.
 */
function clearMergedCells(rows: RawCell[][], merges: readonly [number, number, number, number][]): void {
  if (merges.length === 0) return;
  if (merges.length > MAX_MERGES) {
    throw READ_ERRORS.tooLarge({ ja: `結合セルが ${MAX_MERGES.toLocaleString("en-US")} 箇所を超えています`, en: `more than ${MAX_MERGES.toLocaleString("en-US")} merged areas` });
  }
  const present: number[] = [];
  rows.forEach((_, r) => present.push(r));
  let work = 0;
  for (const [r0, c0, height, width] of merges) {
    let lo = 0;
    let hi = present.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((present[mid] ?? 0) < r0) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < present.length && (present[i] ?? 0) < r0 + height; i += 1) {
      const r = present[i] ?? 0;
      const cells = rows[r];
      if (!cells) continue;
      cells.forEach((_, c) => {
        work += 1;
        if (c >= c0 && c < c0 + width && (r !== r0 || c !== c0)) delete cells[c];
      });
      if (++work > MAX_MERGE_WORK) {
        throw READ_ERRORS.tooLarge({ ja: "結合セルが多すぎて読み込めません", en: "too many merged cells to read" });
      }
    }
  }
}
