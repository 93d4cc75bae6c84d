import { GUARD_TITLE, type EntryGuard, type GuardRange } from "../../core/workbook/guard";
import { columnLetter } from "../../core/workbook/cells";
import { parseCellRef } from "../parts";
import { Package, spreadsheetPrefix, type OpenOptions } from "./opc";
import { readWorkbook, sheetPart } from "./sheets";
import { applyEdits, attributesText, encodeText, escapeText, localName, walkXml, type Edit, type PartText } from "./xml";
import { newEntry, writeEntries, type RawEntry } from "./zipEntries";

/**
 * The add-in's entry rules on the user's sheets, written in place: a drop-down of the rating symbols on
 * the 評価 column and an input message on the plan and results columns (data validation, ECMA-376 Part 1,
 * 18.3.1.32–33). The add-in's rules are known by their title (GUARD_TITLE); a range that meets a rule of
 * the user's — in <dataValidations> or in the x14 extension list, where Excel keeps rules that read other
 * sheets — is left alone and reported. Only the <dataValidations> element of a sheet changes.
 */

/** CT_Worksheet's children that come after <dataValidations> (18.3.1.99). */
const AFTER_VALIDATIONS = new Set([
  "hyperlinks",
  "printOptions",
  "pageMargins",
  "pageSetup",
  "headerFooter",
  "rowBreaks",
  "colBreaks",
  "customProperties",
  "cellWatches",
  "ignoredErrors",
  "smartTags",
  "drawing",
  "legacyDrawing",
  "legacyDrawingHF",
  "drawingHF",
  "picture",
  "oleObjects",
  "controls",
  "webPublishItems",
  "tableParts",
  "extLst",
]);

/** Excel's limits on a rule's texts (its dialog refuses longer ones). */
const LIMITS = { title: 32, prompt: 255, error: 225 };
const cut = (text: string, limit: number) => (text.length <= limit ? text : text.slice(0, limit));

type Area = [number, number, number, number];

/** "E3:E60 G3" → areas [top, left, bottom, right], 1-based. */
function areas(sqref: string): Area[] {
  const out: Area[] = [];
  for (const piece of sqref.trim().split(/\s+/)) {
    const [from = "", to = from] = piece.replace(/\$/g, "").split(":");
    const a = parseCellRef(from);
    const b = parseCellRef(to);
    if (a && b) out.push([Math.min(a[0], b[0]) + 1, Math.min(a[1], b[1]) + 1, Math.max(a[0], b[0]) + 1, Math.max(a[1], b[1]) + 1]);
  }
  return out;
}

const meets = (a: Area, b: Area) => a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];

interface SheetValidations {
  prefix: string;
  /** The element, when there is one. */
  element?: { start: number; end: number; openTag: string; selfClosing: boolean };
  /** Its rules: where each is, whether it is ours, what it covers. */
  rules: { start: number; end: number; ours: boolean; areas: Area[] }[];
  /** Areas of the user's rules kept in the extension list (x14:dataValidation). */
  extensionAreas: Area[];
  /** Where a new element goes when there is none. */
  insertAt: number;
}

function readValidations(part: string, xml: string): SheetValidations {
  const result: SheetValidations = { prefix: "", rules: [], extensionAreas: [], insertAt: -1 };
  let inElement = false;
  let inExtension = 0;
  let inSqref = false;
  let sqref = "";
  let rootClose = -1;
  let current: SheetValidations["rules"][number] | undefined;
  walkXml(part, xml, {
    open(tag) {
      const local = localName(tag.name);
      if (tag.depth === 0) result.prefix = spreadsheetPrefix(part, tag);
      else if (tag.depth === 1) {
        if (local === "dataValidations") {
          result.element = { start: tag.start, end: tag.end, openTag: xml.slice(tag.start, tag.end), selfClosing: tag.isSelfClosing };
          inElement = !tag.isSelfClosing;
        } else if (AFTER_VALIDATIONS.has(local) && result.insertAt < 0) result.insertAt = tag.start;
        if (local === "extLst") inExtension = tag.isSelfClosing ? 0 : 1;
      } else if (inElement && tag.depth === 2 && local === "dataValidation") {
        current = { start: tag.start, end: tag.end, ours: tag.attributes.promptTitle === GUARD_TITLE || tag.attributes.errorTitle === GUARD_TITLE, areas: areas(tag.attributes.sqref ?? "") };
        result.rules.push(current);
      } else if (inExtension > 0 && local === "sqref") {
        inSqref = !tag.isSelfClosing;
        sqref = "";
      }
    },
    text(text) {
      if (inSqref) sqref += text;
    },
    close(name, start, end, depth) {
      const local = localName(name);
      if (depth === 0) rootClose = start;
      if (inSqref && local === "sqref") {
        inSqref = false;
        result.extensionAreas.push(...areas(sqref));
      }
      if (depth === 1 && local === "dataValidations" && result.element) {
        result.element.end = end;
        inElement = false;
      }
      if (depth === 1 && local === "extLst") inExtension = 0;
      if (depth === 2 && local === "dataValidation" && current) {
        current.end = end;
        current = undefined;
      }
    },
  });
  if (result.insertAt < 0) result.insertAt = rootClose;
  return result;
}

/** One rule of ours. */
function ruleXml(range: GuardRange, guard: EntryGuard, prefix: string): string {
  const name = prefix === "" ? "dataValidation" : `${prefix}:dataValidation`;
  const sqref = `${columnLetter(range.column)}${range.first}:${columnLetter(range.column)}${range.last}`;
  if (range.kind === "rating") {
    const formula = prefix === "" ? "formula1" : `${prefix}:formula1`;
    const list = `"${guard.symbols.map((s) => s.replace(/"/g, '""')).join(",")}"`;
    return `<${name}${attributesText({
      type: "list",
      allowBlank: "1",
      showInputMessage: "1",
      showErrorMessage: "1",
      errorTitle: cut(GUARD_TITLE, LIMITS.title),
      error: cut(guard.ratingError, LIMITS.error),
      promptTitle: cut(GUARD_TITLE, LIMITS.title),
      prompt: cut(guard.ratingPrompt, LIMITS.prompt),
      sqref,
    })}><${formula}>${escapeText(list)}</${formula}></${name}>`;
  }
  // "Any value" with an input message: no type (18.18.21 ST_DataValidationType, default "none").
  return `<${name}${attributesText({ allowBlank: "1", showInputMessage: "1", promptTitle: cut(GUARD_TITLE, LIMITS.title), prompt: cut(guard.textPrompt, LIMITS.prompt), sqref })}/>`;
}

/** The edit of one sheet's <dataValidations>: ours removed, `add` appended (nothing when nothing changes). */
function validationsEdit(xml: string, found: SheetValidations, add: readonly string[]): Edit | undefined {
  const kept = found.rules.filter((r) => !r.ours);
  if (!found.rules.some((r) => r.ours) && add.length === 0) return undefined;
  const name = found.prefix === "" ? "dataValidations" : `${found.prefix}:dataValidations`;
  const body = [...kept.map((r) => xml.slice(r.start, r.end)), ...add];
  const text = body.length === 0 ? "" : `<${name}${attributesText({ count: String(body.length) })}>${body.join("")}</${name}>`;
  if (found.element) return { start: found.element.start, end: found.element.end, text };
  return { start: found.insertAt, end: found.insertAt, text };
}

export interface EntryRulesResult {
  bytes: Uint8Array;
  set: GuardRange[];
  /** Ranges that meet a rule of the user's: left as they were. */
  skipped: GuardRange[];
}

function rewrite(pkg: Package, edited: Map<string, PartText>): Uint8Array {
  const entries: RawEntry[] = pkg.entries.map((entry) => {
    const text = edited.get(entry.name);
    return text ? newEntry(entry.name, encodeText(text), entry) : entry;
  });
  return writeEntries(entries);
}

/** Sets the add-in's entry rules (its earlier ones on those sheets removed first). */
export function setEntryRules(userBytes: Uint8Array, guard: EntryGuard, options: OpenOptions = {}): EntryRulesResult {
  const pkg = new Package(userBytes, options);
  const workbook = readWorkbook(pkg);
  const bySheet = new Map<string, GuardRange[]>();
  for (const range of guard.ranges) bySheet.set(range.sheet, [...(bySheet.get(range.sheet) ?? []), range]);
  const edited = new Map<string, PartText>();
  const set: GuardRange[] = [];
  const skipped: GuardRange[] = [];
  for (const [sheet, ranges] of bySheet) {
    const part = sheetPart(pkg, workbook, sheet);
    const text = pkg.requireText(part);
    const found = readValidations(part, text.text);
    const theirs = [...found.rules.filter((r) => !r.ours).flatMap((r) => r.areas), ...found.extensionAreas];
    const add: string[] = [];
    for (const range of ranges) {
      const area: Area = [range.first, range.column + 1, range.last, range.column + 1];
      if (theirs.some((a) => meets(a, area))) skipped.push(range);
      else {
        add.push(ruleXml(range, guard, found.prefix));
        set.push(range);
      }
    }
    const edit = validationsEdit(text.text, found, add);
    if (edit) edited.set(part, { ...text, text: applyEdits(text.text, [edit]) });
  }
  return { bytes: rewrite(pkg, edited), set, skipped };
}

/** Removes the add-in's entry rules from these sheets (all sheets when none are named). */
export function removeEntryRules(userBytes: Uint8Array, sheets?: readonly string[], options: OpenOptions = {}): { bytes: Uint8Array; removed: number } {
  const pkg = new Package(userBytes, options);
  const workbook = readWorkbook(pkg);
  const names = sheets ?? workbook.sheets.map((s) => s.name);
  const edited = new Map<string, PartText>();
  let removed = 0;
  for (const name of names) {
    const sheet = workbook.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
    if (!sheet?.path || !pkg.has(sheet.path)) continue;
    const part = sheetPart(pkg, workbook, name);
    const text = pkg.requireText(part);
    const found = readValidations(part, text.text);
    removed += found.rules.filter((r) => r.ours).length;
    const edit = validationsEdit(text.text, found, []);
    if (edit) edited.set(part, { ...text, text: applyEdits(text.text, [edit]) });
  }
  return { bytes: rewrite(pkg, edited), removed };
}
