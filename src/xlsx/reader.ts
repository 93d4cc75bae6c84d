import type { SheetGrid } from "../core/workbook/cells";
import {
  decodePart,
  parseCellFormats,
  parseRelationships,
  parseSharedStrings,
  parseWorkbook,
  parseWorksheet,
  relsPathOf,
  type CellBudget,
} from "./parts";
import { READ_ERRORS, ZIP_LIMITS, openZip, type AsyncInflater, type Inflater, type ZipArchive, type ZipLimits } from "./zip";

/**
 * Reads an .xlsx for checking: the cells of every worksheet and nothing else, bounded in what it
 * inflates (zip.ts) and in the cells it keeps. It is how file mode and the command line read; exceljs is
 * loaded only to write (a report, the settings, a fixed rating), and only after this reader accepted the
 * file. See docs/contracts/workbook.md ("Limits").
 */

export interface ReadLimits extends ZipLimits {
  /** Cells holding a value, in all the sheets together. */
  cells: number;
}

export const READ_LIMITS: ReadLimits = { ...ZIP_LIMITS, cells: 5_000_000 };

export interface SheetRead extends SheetGrid {
  hidden: boolean;
  /** The sheet holds an Excel Table (its table is then preferred). */
  hasTable: boolean;
  usedRows: number;
  usedColumns: number;
  merges: [number, number, number, number][];
}

export interface XlsxRead {
  sheets: SheetRead[];
  date1904: boolean;
}

const OFFICE_DOCUMENT = /\/officeDocument$/;
const WORKSHEET = /\/worksheet$/;
const SHARED_STRINGS = /\/sharedStrings$/;
const STYLES = /\/styles$/;

/**
 * UTF-8 bytes as text, exactly as TextDecoder("utf-8") gives them: a leading byte-order mark dropped, a
 * malformed sequence read as U+FFFD.
 */
export type Utf8Decoder = (bytes: Uint8Array) => string;

export interface ReadOptions {
  limits?: ReadLimits;
  /** How deflated parts are inflated (fflate unless the caller has something faster, as Node's zlib). */
  inflate?: Inflater;
  /**
   * How the large parts are inflated off the main thread, side by side (the command line: Node's zlib in
   * its thread pool); XlsxWorkbookPort.load then reads with readXlsxAsync.
   */
  inflateAsync?: AsyncInflater;
  /**
   * How a UTF-8 part becomes text (TextDecoder unless the caller has something faster: the command line
   * passes Node's buffer functions, several times faster on the shared strings of a large table). A part
   * with a UTF-16 byte-order mark is always read by decodePart.
   */
  utf8?: Utf8Decoder;
}

const isUtf16 = (part: Uint8Array) => (part[0] === 0xff && part[1] === 0xfe) || (part[0] === 0xfe && part[1] === 0xff);

export function readXlsx(bytes: Uint8Array, options: ReadOptions = {}): XlsxRead {
  const plan = planRead(bytes, options);
  const parts = plan.zip.read(plan.wanted);
  return plan.finish((name) => {
    const part = parts.get(name);
    return part === undefined ? undefined : plan.decode(part);
  }, (name) => parts.delete(name));
}

/**
 * readXlsx, the parts of the sheets inflated side by side by options.inflateAsync (Node's zlib in its
 * thread pool), each decoded as soon as it is whole: the same reading, the same refusals.
 */
export async function readXlsxAsync(bytes: Uint8Array, options: ReadOptions & { inflateAsync: AsyncInflater }): Promise<XlsxRead> {
  const plan = planRead(bytes, options);
  const texts = await plan.zip.readAsync(plan.wanted, options.inflateAsync, (_, part) => plan.decode(part));
  return plan.finish((name) => texts.get(name), (name) => texts.delete(name));
}

interface ReadPlan {
  zip: ZipArchive;
  /** The parts the reading needs: the shared strings, the styles, the worksheets. */
  wanted: string[];
  decode(part: Uint8Array): string;
  /** The reading, from the text of each wanted part (`done`: a worksheet's text is no longer needed). */
  finish(text: (name: string) => string | undefined, done: (name: string) => void): XlsxRead;
}

/** The package's relationships and workbook read, and what else the reading needs. */
function planRead(bytes: Uint8Array, options: ReadOptions): ReadPlan {
  const limits = options.limits ?? READ_LIMITS;
  const zip = openZip(bytes, limits, options.inflate);
  const utf8 = options.utf8;
  const decode = (part: Uint8Array) => (utf8 && !isUtf16(part) ? utf8(part) : decodePart(part));
  const text = (parts: Map<string, Uint8Array>, name: string) => {
    const part = parts.get(name);
    return part === undefined ? undefined : decode(part);
  };

  // The package's relationships name the workbook part (xl/workbook.xml in files Excel writes).
  const root = text(zip.read(["_rels/.rels"]), "_rels/.rels");
  const rootRels = root === undefined ? new Map() : parseRelationships("_rels/.rels", root, "");
  const workbookPath = [...rootRels.values()].find((r) => OFFICE_DOCUMENT.test(r.type) && !r.external)?.path ?? "xl/workbook.xml";
  if (!zip.has(workbookPath)) throw READ_ERRORS.notWorkbook(`${workbookPath} がありません / no ${workbookPath} in the zip`);

  const workbookRelsPath = relsPathOf(workbookPath);
  const head = zip.read([workbookPath, workbookRelsPath]);
  const workbook = parseWorkbook(workbookPath, text(head, workbookPath) ?? "");
  const relsText = text(head, workbookRelsPath);
  const rels = relsText === undefined ? new Map() : parseRelationships(workbookRelsPath, relsText, workbookPath);
  const related = [...rels.values()].filter((r) => !r.external);
  const stringsPath = related.find((r) => SHARED_STRINGS.test(r.type))?.path;
  const stylesPath = related.find((r) => STYLES.test(r.type))?.path;
  const sheetPaths = workbook.sheets.map((s) => {
    const rel = rels.get(s.relId);
    return rel && !rel.external && WORKSHEET.test(rel.type) ? rel.path : undefined;
  });

  // Every part needed, inflated together after one check of their sizes.
  const wanted = [stringsPath, stylesPath, ...sheetPaths].filter((p): p is string => p !== undefined);
  return {
    zip,
    wanted,
    decode,
    finish(text, done) {
      const stringsText = stringsPath === undefined ? undefined : text(stringsPath);
      const strings = stringsText === undefined || stringsPath === undefined ? [] : parseSharedStrings(stringsPath, stringsText);
      const stylesText = stylesPath === undefined ? undefined : text(stylesPath);
      const formats = stylesText === undefined || stylesPath === undefined ? [] : parseCellFormats(stylesPath, stylesText);
      const budget: CellBudget = { left: limits.cells, limit: limits.cells };

      const sheets = workbook.sheets.map((sheet, i): SheetRead => {
        const path = sheetPaths[i];
        const xml = path === undefined ? undefined : text(path);
        if (path === undefined || xml === undefined) {
          // A chart sheet, or a sheet whose part is missing: no cells.
          return { name: sheet.name, hidden: sheet.hidden, hasTable: false, rows: [], usedRows: 0, usedColumns: 0, merges: [] };
        }
        done(path);
        const read = parseWorksheet(path, xml, { strings, formats, date1904: workbook.date1904, fullCalcOnLoad: workbook.fullCalcOnLoad, budget });
        return { name: sheet.name, hidden: sheet.hidden, ...read };
      });
      return { sheets, date1904: workbook.date1904 };
    },
  };
}
