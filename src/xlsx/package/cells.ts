import { columnLetter } from "../../core/workbook/cells";
import { parseCellRef } from "../parts";
import { PACKAGE_ERRORS } from "./errors";
import { CONTENT_TYPES, Package, REL_TYPES, contentTypeEdits, readContentTypes, spreadsheetPrefix, type OpenOptions } from "./opc";
import { readWorkbook, sheetPart, type WorkbookInfo } from "./sheets";
import { applyEdits, attributesText, child, editStartTag, encodeText, escapeText, localName, walkXml, type Edit, type PartText } from "./xml";
import { newEntry, writeEntries, type RawEntry } from "./zipEntries";

/**
 * Texts written into cells of the user's sheets, in place: only the cell's element changes (a missing
 * cell or row is created where it belongs), every other character of the sheet and every other part of
 * the package stay as they were. The cell keeps its style and becomes an inline string
 * (`<c r="F12" s="3" t="inlineStr"><is><t>B</t></is></c>`), so the shared strings are not touched.
 */
export interface CellEdit {
  sheet: string;
  /** A1-style reference of the cell: "F12". */
  cell: string;
  /** The text written as a text cell (never a formula); an empty text empties the cell, its style kept. */
  text: string;
}

/**
 * When the workbook asks to be recalculated when it is opened (calcPr fullCalcOnLoad, ECMA-376 Part 1,
 * 18.2.2): formulas that read a patched cell keep their old cached results in the file otherwise, and
 * Excel shows those until something recalculates them.
 * - "always" (the default): after every patch.
 * - "formulas": when a patched sheet holds a formula (formulas on other sheets that read it are missed).
 * - "never".
 */
export type Recalc = "always" | "formulas" | "never";

export interface PatchOptions extends OpenOptions {
  recalc?: Recalc;
}

export interface PatchResult {
  bytes: Uint8Array;
  /** Whether the workbook now asks for a full calculation when opened. */
  recalc: boolean;
  /** Whether the calculation chain was removed (a formula was overwritten; Excel rebuilds the chain). */
  calcChainRemoved: boolean;
}

/** "F12" → [row 12, column 6] (1-based), or undefined. */
function cellPosition(ref: string): [number, number] | undefined {
  const at = parseCellRef(ref);
  return at ? [at[0] + 1, at[1] + 1] : undefined;
}


/**
 * A text as an inline string's <t>: markup escaped, characters XML cannot hold written _xHHHH_ and an
 * underscore that would read as such an escape written _x005F_ (ST_Xstring, 22.9.2.19), spaces at its
 * ends kept (xml:space="preserve").
 */
export function inlineText(text: string, prefix: string): string {
  const xstring = text
    .replace(/_x[0-9A-Fa-f]{4}_/g, (m) => `_x005F_${m.slice(1)}`)
    // eslint-disable-next-line no-control-regex -- the characters XML 1.0 cannot hold
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, (ch) => `_x${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`);
  const t = prefix === "" ? "t" : `${prefix}:t`;
  const space = /^\s|\s$|\n/.test(text) ? ' xml:space="preserve"' : "";
  return `<${t}${space}>${escapeText(xstring)}</${t}>`;
}

interface Target {
  row: number;
  column: number;
  ref: string;
  text: string;
}

interface FoundRow {
  start: number;
  openEnd: number;
  /** Where its end tag starts (its own end when it is self-closing). */
  close: number;
  selfClosing: boolean;
  number: number;
  /** The target cells present, by column. */
  cells: Map<number, FoundCell>;
  /** For a target column that is missing: where the first cell after it starts. */
  firstAfter: Map<number, number>;
}

interface FoundCell {
  start: number;
  end: number;
  attributes: Record<string, string>;
  formula?: { t?: string; ref?: string };
}

/** One sheet patched: the new text of the part, and whether an overwritten cell held a formula. */
function patchSheet(part: string, sheetName: string, xml: string, targets: readonly Target[]): { text: string; formulaOverwritten: boolean; hasFormulas: boolean } {
  const sorted = [...targets].sort((a, b) => a.row - b.row || a.column - b.column);
  const wanted = new Map<number, Target[]>();
  for (const t of sorted) wanted.set(t.row, [...(wanted.get(t.row) ?? []), t]);
  let prefix = "";
  let sheetData: { openEnd: number; selfClosing: boolean; start: number; end: number } | undefined;
  let inSheetData = false;
  let row = 0;
  let column = 0;
  let rowInfo: FoundRow | undefined;
  const rows = new Map<number, FoundRow>();
  /** For rows that are missing: where the next row present starts. */
  const rowInsert = new Map<number, number>();
  let cell: FoundCell | undefined;
  let hasFormulas = false;
  const arrays: [number, number, number, number][] = [];
  let sheetDataClose = -1;
  walkXml(part, xml, {
    open(tag) {
      const local = localName(tag.name);
      if (tag.depth === 0) {
        prefix = spreadsheetPrefix(part, tag);
        return;
      }
      if (local === "sheetData" && tag.depth === 1) {
        sheetData = { start: tag.start, openEnd: tag.end, selfClosing: tag.isSelfClosing, end: tag.end };
        inSheetData = !tag.isSelfClosing;
        row = 0;
        return;
      }
      if (!inSheetData) return;
      if (local === "row" && tag.depth === 2) {
        const r = Number(tag.attributes.r);
        row = Number.isInteger(r) && r >= 1 ? r : row + 1;
        column = 0;
        for (const number of wanted.keys()) if (number < row && !rows.has(number) && !rowInsert.has(number)) rowInsert.set(number, tag.start);
        rowInfo = wanted.has(row) ? { start: tag.start, openEnd: tag.end, close: tag.end, selfClosing: tag.isSelfClosing, number: row, cells: new Map(), firstAfter: new Map() } : undefined;
        if (rowInfo) rows.set(row, rowInfo);
      } else if (local === "c" && tag.depth === 3) {
        const at = tag.attributes.r === undefined ? undefined : cellPosition(tag.attributes.r);
        column = at ? at[1] : column + 1;
        if (rowInfo) {
          for (const t of wanted.get(rowInfo.number) ?? []) if (column > t.column && !rowInfo.firstAfter.has(t.column)) rowInfo.firstAfter.set(t.column, tag.start);
          cell = { start: tag.start, end: tag.end, attributes: tag.attributes };
          if (wanted.get(rowInfo.number)?.some((t) => t.column === column)) rowInfo.cells.set(column, cell);
        }
      } else if (local === "f" && tag.depth === 4) {
        hasFormulas = true;
        if (cell) cell.formula = { ...(tag.attributes.t ? { t: tag.attributes.t } : {}), ...(tag.attributes.ref ? { ref: tag.attributes.ref } : {}) };
        if ((tag.attributes.t === "array" || tag.attributes.t === "dataTable") && tag.attributes.ref) {
          const [from = "", to = from] = tag.attributes.ref.split(":");
          const a = cellPosition(from);
          const b = cellPosition(to);
          if (a && b) arrays.push([a[0], a[1], b[0], b[1]]);
        }
      }
    },
    close(name, start, end, depth) {
      const local = localName(name);
      if (local === "c" && depth === 3 && cell) {
        cell.end = end;
        cell = undefined;
      } else if (local === "row" && depth === 2 && rowInfo) {
        rowInfo.close = start;
        rowInfo = undefined;
      } else if (local === "sheetData" && depth === 1) {
        inSheetData = false;
        sheetDataClose = start;
        if (sheetData) sheetData.end = end;
      }
    },
  });
  if (!sheetData) throw PACKAGE_ERRORS.notWellFormed(part);
  const q = (local: string) => (prefix === "" ? local : `${prefix}:${local}`);
  const edits: Edit[] = [];
  let formulaOverwritten = false;
  const cellXml = (t: Target, old?: FoundCell) => {
    const style = old?.attributes.s;
    const styled = { r: t.ref, ...(style !== undefined ? { s: style } : {}) };
    // An empty text empties the cell: its style stays, its value goes (not a cell holding "").
    if (t.text === "") return `<${q("c")}${attributesText(styled)}/>`;
    return `<${q("c")}${attributesText({ ...styled, t: "inlineStr" })}><${q("is")}>${inlineText(t.text, prefix)}</${q("is")}></${q("c")}>`;
  };
  const newRows: { at: number; text: string }[] = [];
  for (const t of sorted) {
    for (const [r0, c0, r1, c1] of arrays) {
      const inside = t.row >= r0 && t.row <= r1 && t.column >= c0 && t.column <= c1;
      if (inside && (r0 !== r1 || c0 !== c1)) throw PACKAGE_ERRORS.sharedFormula(sheetName, t.ref);
    }
  }
  for (const [number, list] of wanted) {
    const found = rows.get(number);
    if (!found) {
      const text = `<${q("row")}${attributesText({ r: String(number) })}>${list.map((t) => cellXml(t)).join("")}</${q("row")}>`;
      const at = rowInsert.get(number) ?? (sheetData.selfClosing ? -1 : sheetDataClose);
      newRows.push({ at, text });
      continue;
    }
    const appended: string[] = [];
    for (const t of list) {
      const old = found.cells.get(t.column);
      if (old) {
        if (old.formula?.t === "shared" && old.formula.ref !== undefined) throw PACKAGE_ERRORS.sharedFormula(sheetName, t.ref);
        if (old.formula) formulaOverwritten = true;
        edits.push({ start: old.start, end: old.end, text: cellXml(t, old) });
      } else {
        const before = found.firstAfter.get(t.column);
        if (before !== undefined) edits.push({ start: before, end: before, text: cellXml(t) });
        else appended.push(cellXml(t));
      }
    }
    if (appended.length > 0) {
      if (found.selfClosing) {
        const open = xml.slice(found.start, found.openEnd).replace(/\s*\/>$/, ">");
        edits.push({ start: found.start, end: found.openEnd, text: `${open}${appended.join("")}</${q("row")}>` });
      } else edits.push({ start: found.close, end: found.close, text: appended.join("") });
    }
  }
  if (newRows.some((r) => r.at < 0)) {
    // <sheetData/>: written out with the rows inside.
    const open = xml.slice(sheetData.start, sheetData.openEnd).replace(/\s*\/>$/, ">");
    edits.push({ start: sheetData.start, end: sheetData.end, text: `${open}${newRows.map((r) => r.text).join("")}</${q("sheetData")}>` });
  } else for (const r of newRows) edits.push({ start: r.at, end: r.at, text: r.text });
  return { text: applyEdits(xml, edits), formulaOverwritten, hasFormulas };
}

/** calcPr set to recalculate on load: the attribute added, or the element inserted in CT_Workbook's order. */
export function recalcEdit(workbook: WorkbookInfo): Edit | undefined {
  const calcPr = child(workbook.tree, "calcPr");
  if (calcPr) {
    const value = calcPr.attributes.fullCalcOnLoad;
    if (value === "1" || value === "true") return undefined;
    return { start: calcPr.start, end: calcPr.openEnd, text: editStartTag(workbook.text.text, { start: calcPr.start, end: calcPr.openEnd }, { fullCalcOnLoad: "1" }) };
  }
  // 18.2.27 CT_Workbook: calcPr follows definedNames (and what comes before it), precedes oleSize ….
  const before = ["fileVersion", "fileSharing", "workbookPr", "workbookProtection", "bookViews", "sheets", "functionGroups", "externalReferences", "definedNames"];
  const after = workbook.tree.children.filter((c) => before.includes(c.local)).slice(-1)[0];
  const at = after ? after.end : workbook.tree.closeStart;
  const name = workbook.prefix === "" ? "calcPr" : `${workbook.prefix}:calcPr`;
  return { start: at, end: at, text: `<${name} fullCalcOnLoad="1"/>` };
}

export function patchCells(userBytes: Uint8Array, edits: readonly CellEdit[], options: PatchOptions = {}): PatchResult {
  const pkg = new Package(userBytes, options);
  const workbook = readWorkbook(pkg);
  const bySheet = new Map<string, Target[]>();
  for (const edit of edits) {
    const at = cellPosition(edit.cell);
    if (!at) throw new Error(`not a cell reference: ${edit.cell}`);
    const part = sheetPart(pkg, workbook, edit.sheet);
    const list = bySheet.get(part) ?? [];
    // The last text for a cell wins, as when it is typed twice.
    const same = list.findIndex((t) => t.row === at[0] && t.column === at[1]);
    const target = { row: at[0], column: at[1], ref: `${columnLetter(at[1] - 1)}${at[0]}`, text: edit.text };
    if (same >= 0) list[same] = target;
    else list.push(target);
    bySheet.set(part, list);
  }
  const edited = new Map<string, PartText>();
  let formulaOverwritten = false;
  let hasFormulas = false;
  for (const [part, targets] of bySheet) {
    const text = pkg.requireText(part);
    const name = workbook.sheets.find((s) => s.path === part)?.name ?? part;
    const result = patchSheet(part, name, text.text, targets);
    edited.set(part, { ...text, text: result.text });
    formulaOverwritten ||= result.formulaOverwritten;
    hasFormulas ||= result.hasFormulas;
  }
  const mode = options.recalc ?? "always";
  const recalc = bySheet.size > 0 && (mode === "always" || (mode === "formulas" && hasFormulas));
  const workbookEdits: Edit[] = [];
  if (recalc) {
    const edit = recalcEdit(workbook);
    if (edit) workbookEdits.push(edit);
  }
  const removed = new Set<string>();
  const chain = workbook.rels.list.find((r) => r.type === REL_TYPES.calcChain && r.path && pkg.has(r.path));
  if (formulaOverwritten && chain?.path && workbook.rels.tree) {
    // The chain lists the overwritten formula: Excel repairs a file whose chain names a cell without a
    // formula, and builds the chain anew when there is none (ECMA-376 Part 1, 18.6).
    removed.add((pkg.entry(chain.path)?.name ?? chain.path).toLowerCase());
    const relsText = pkg.requireText(workbook.rels.rels);
    edited.set(workbook.rels.rels, { ...relsText, text: applyEdits(relsText.text, [{ start: chain.node.start, end: chain.node.end, text: "" }]) });
    const types = readContentTypes(pkg);
    edited.set(CONTENT_TYPES, { ...types.text, text: applyEdits(types.text.text, contentTypeEdits(types, removed, [])) });
  }
  if (workbookEdits.length > 0) edited.set(workbook.path, { ...workbook.text, text: applyEdits(workbook.text.text, workbookEdits) });
  const entries: RawEntry[] = [];
  for (const entry of pkg.entries) {
    if (removed.has(entry.name.toLowerCase())) continue;
    const text = [...edited].find(([name]) => name.toLowerCase() === entry.name.toLowerCase())?.[1];
    entries.push(text ? newEntry(entry.name, encodeText(text), entry) : entry);
  }
  return { bytes: writeEntries(entries), recalc, calcChainRemoved: removed.size > 0 };
}
