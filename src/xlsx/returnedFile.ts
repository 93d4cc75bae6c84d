import { WorkbookError } from "../core/port";
import type { ReturnedFile, ReturnedInput } from "../core/roundtrip/merge";
import { decodePart, parseCellRef, parseRelationships, parseWorkbook, relsPathOf } from "./parts";
import { READ_LIMITS, readXlsx, type ReadLimits } from "./reader";
import { scanXml } from "./xmlScan";
import { fflateInflater, openZip, type Inflater } from "./zip";

/**
 * A department's returned file, read as data only (docs/contracts/roundtrip.md, "Answers are data"):
 * the cells by the bounded reader (formulas as their saved results, nothing evaluated), which cells
 * held a formula, when the file says it was saved, and what in it was left unread — macros, external
 * links, embedded objects, controls, data connections — named so that the merge says so. A file the
 * reader refuses (not an .xlsx, encrypted, over its limits) is refused here too, with its sentence.
 */

/** Parts of a package that hold code, links or objects: never read, only named. */
const IGNORED: readonly { test: (name: string) => boolean; what: string }[] = [
  { test: (n) => /(^|\/)vbaProject\.bin$/i.test(n) || /(^|\/)vbaProjectSignature/i.test(n), what: "マクロ / macros" },
  { test: (n) => /^xl\/externalLinks\//i.test(n), what: "外部リンク / external links" },
  { test: (n) => /^xl\/embeddings\//i.test(n), what: "埋め込みオブジェクト / embedded objects" },
  { test: (n) => /^xl\/activeX\//i.test(n), what: "ActiveX コントロール / ActiveX controls" },
  { test: (n) => /^xl\/ctrlProps\//i.test(n), what: "フォームコントロール / form controls" },
  { test: (n) => /^xl\/connections\.xml$/i.test(n) || /^xl\/queryTables\//i.test(n), what: "データ接続 / data connections" },
  { test: (n) => /^customUI/i.test(n), what: "リボンのカスタマイズ / ribbon customisation" },
];

const localName = (name: string) => name.slice(name.indexOf(":") + 1);

/** The cells of a worksheet part that hold a formula: "row:column" (1-based row, 0-based column). */
function formulaCells(xml: string): Set<string> {
  const cells = new Set<string>();
  let at: string | undefined;
  scanXml(xml, {
    open(tag) {
      const name = localName(tag.name);
      if (name === "c") {
        const ref = parseCellRef(tag.attributes.r ?? "");
        at = ref ? `${ref[0] + 1}:${ref[1]}` : undefined;
      } else if (name === "f" && at) {
        cells.add(at);
      }
    },
    close(name) {
      if (localName(name) === "c") at = undefined;
    },
    text() {},
  });
  return cells;
}

/** dcterms:modified of docProps/core.xml, when it is a date (a part that is no XML says nothing). */
function modifiedOf(xml: string): string | undefined {
  let inModified = false;
  let text = "";
  try {
    scanXml(xml, {
    open(tag) {
      if (localName(tag.name) === "modified") inModified = true;
    },
    close(name) {
      if (localName(name) === "modified") inModified = false;
    },
    text(chunk) {
      if (inModified) text += chunk;
    },
    });
  } catch {
    return undefined;
  }
  const date = new Date(text.trim());
  return text.trim() && !Number.isNaN(date.getTime()) ? date.toISOString() : undefined;
}

export interface ReturnedReadOptions {
  limits?: ReadLimits;
  inflate?: Inflater;
}

/** Reads a returned file; a file the reader refuses comes back as refused, with the reader's sentence. */
export function readReturnedFile(name: string, bytes: Uint8Array, options: ReturnedReadOptions = {}): ReturnedInput {
  const limits = options.limits ?? READ_LIMITS;
  const inflate = options.inflate ?? fflateInflater;
  try {
    const read = readXlsx(bytes, { limits, inflate });
    const zip = openZip(bytes, limits, inflate);
    const names = zip.names();
    const ignored = IGNORED.filter((kind) => names.some(kind.test)).map((kind) => kind.what);
    // The worksheets' parts, by the workbook's relationships, to find the formulas in them.
    const rootRels = zip.read(["_rels/.rels"]).get("_rels/.rels");
    const workbookPath =
      [...(rootRels ? parseRelationships("_rels/.rels", decodePart(rootRels), "").values() : [])].find((r) => /\/officeDocument$/.test(r.type) && !r.external)?.path ?? "xl/workbook.xml";
    const relsPath = relsPathOf(workbookPath);
    const head = zip.read([workbookPath, relsPath, "docProps/core.xml"]);
    const workbook = parseWorkbook(workbookPath, decodePart(head.get(workbookPath) ?? new Uint8Array()));
    const relsBytes = head.get(relsPath);
    const rels = relsBytes ? parseRelationships(relsPath, decodePart(relsBytes), workbookPath) : new Map();
    const paths = workbook.sheets.map((s) => ({ sheet: s.name, path: rels.get(s.relId)?.path as string | undefined }));
    const parts = zip.read(paths.map((p) => p.path).filter((p): p is string => p !== undefined));
    const formulas = new Map<string, Set<string>>();
    for (const { sheet, path } of paths) {
      const part = path === undefined ? undefined : parts.get(path);
      if (part) formulas.set(sheet, formulaCells(decodePart(part)));
    }
    const core = head.get("docProps/core.xml");
    const modified = core ? modifiedOf(decodePart(core)) : undefined;
    const file: ReturnedFile = { name, sheets: read.sheets, formulas, ignored, ...(modified ? { modified } : {}) };
    return file;
  } catch (error) {
    if (error instanceof WorkbookError) return { name, refused: error.text };
    throw error;
  }
}
