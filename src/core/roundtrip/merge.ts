import { fiscalYearLabel } from "../fiscalYear";
import { FORMULA_START } from "../port";
import { DEFAULT_SCALE, readRating, symbolList, type RatingScale } from "../rating/scale";
import type { Localized } from "../text/localized";
import { columnLetter, isErrorCell, type RawCell, type SheetGrid } from "../workbook/cells";
import type { Field } from "../workbook/columns";
import type { PlanMeta } from "../workbook/model";
import { CELL_TEXT_LIMIT } from "../workbook/settings";
import { readTable, type TableRead, type TableRow } from "../workbook/table";
import { fingerprint } from "./hash";
import { historyTime } from "./history";
import { cellFingerprint, DEFAULT_FILLED, IDENTITY_SHEET, identityFromRows, lockedFingerprint, masterId, type FillableField, type FormIdentity, type IdentityRow } from "./identity";
import { noteOf, type AnswerOrder, type MergeNote } from "./notes";
import { cellText, fieldText, labelsOf, likenessOfMany, rowDepartments, rowKeys, tableDepartments, titleLikeness } from "./rows";
import { INSTRUCTIONS_SHEET } from "./split";

/**
 * Taking the answers back (docs/contracts/roundtrip.md, "Take back"): each returned file matched to its
 * department (by its identity, else by department, No. and title), and what it would change in the
 * master — the department's own rows and the columns it fills, nothing else. Everything else is a
 * conflict, listed and not applied. Pure planning: the action writes (src/core/actions/roundtrip.ts).
 */

/** A returned file as the file adapter reads it (src/xlsx/returnedFile.ts): values only. */
export interface ReturnedFile {
  name: string;
  /** Every sheet, hidden ones included, as the bounded reader reads them (formulas as their saved values). */
  sheets: SheetGrid[];
  /** The cells that hold a formula, per sheet: "row:column" (1-based row, 0-based column). */
  formulas: ReadonlyMap<string, ReadonlySet<string>>;
  /** When the file was last saved, as it says itself (docProps/core.xml, dcterms:modified), ISO 8601. */
  modified?: string;
  /** What was left unread: macros, external links, embedded objects … as a short list of what and where. */
  ignored: string[];
}

/** A file the reader refused (not an .xlsx, encrypted, over its limits): said, never read further. */
export interface RefusedFile {
  name: string;
  refused: Localized;
}

export type ReturnedInput = ReturnedFile | RefusedFile;

/** The master as it is now. */
export interface MasterState {
  table: TableRead;
  meta: PlanMeta;
  /**
   * The plan's rating scale (the settings', else the one the sheet states): an answered rating off it is
   * a conflict, one typed in another width or case is folded to its symbol. S/A/B when not given.
   */
  scale?: RatingScale;
}

export interface CellChange {
  /** The department (or departments, sharing an item, with the same answer). */
  department: string;
  file: string;
  key: string;
  item: string;
  title: string;
  /** How to name the row where its No. is not written (a table numbered by row order): 「物件費の削減」. */
  label?: string;
  field: FillableField;
  /** The header of the master's column. */
  header: string;
  /** 0-based column and 1-based row of the master's cell. */
  column: number;
  sheetRow: number;
  /** The master's cell now, and the answer. */
  before: string;
  after: string;
}

export interface FileOutcome {
  file: string;
  department?: string;
  /** How the file was matched: its identity, or likeness (department, No., title). */
  identified?: "identity" | "likeness";
  modified?: string;
  /** Whether anything of the file may be taken (not refused, not superseded, not of another plan or year). */
  taken: boolean;
}

export interface MergePlan {
  /** The merge's id, written in each history row. */
  id: string;
  /** When it was planned (ISO 8601). */
  created: string;
  files: FileOutcome[];
  changes: CellChange[];
  conflicts: MergeNote[];
  notices: MergeNote[];
}

const FIELD_ORDER: readonly FillableField[] = ["rating", "result", "actions", "plan", "notes"];
const TITLE_LIKENESS = 0.6;

/** A cell to take: the master's row (as it is now, and its key), the field, the answer, and what was sent. */
interface AnswerCell {
  row: TableRow;
  key: string;
  field: FillableField;
  after: string;
  /** The fingerprint of what the form was sent with; absent for a file without identity. */
  sent?: string;
  cell: string;
}

interface Answer {
  file: string;
  order: number;
  department?: string;
  identified?: "identity" | "likeness";
  modified?: string;
  cells: AnswerCell[];
  notes: MergeNote[];
  /** A conflict that keeps the whole file out. */
  refused?: MergeNote;
}

const isRefused = (input: ReturnedInput): input is RefusedFile => "refused" in input;


/** The answer's text of a cell: as the reader reads it, trimmed; an error or a formula without result is none. */
function answerText(cell: RawCell | undefined): string | undefined {
  if (isErrorCell(cell)) return undefined;
  return cellText(cell);
}

/** Longest increasing run of form rows in the identity's order: the rows not in it were moved. */
function notMoved(rows: readonly number[]): Set<number> {
  const tails: number[] = [];
  const tailIndex: number[] = [];
  const previous: number[] = new Array<number>(rows.length).fill(-1);
  rows.forEach((value, i) => {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((tails[mid] ?? 0) < value) lo = mid + 1;
      else hi = mid;
    }
    tails[lo] = value;
    tailIndex[lo] = i;
    previous[i] = lo > 0 ? (tailIndex[lo - 1] ?? -1) : -1;
  });
  const kept = new Set<number>();
  for (let i = tailIndex[tails.length - 1] ?? -1; i >= 0; i = previous[i] ?? -1) kept.add(i);
  return kept;
}

/** The master's rows by key, and the departments of each. */
interface MasterIndex {
  state: MasterState;
  byKey: Map<string, TableRow>;
  keyOf: Map<number, string>;
  departments: string[];
  id: string;
  /** The table numbers its items in a No. (or 枝番) column; else by row order, and a row is named by its title. */
  numbered: boolean;
  scale: RatingScale;
}

function indexMaster(state: MasterState): MasterIndex {
  const keyOf = rowKeys(state.table);
  const byKey = new Map<string, TableRow>();
  for (const row of state.table.rows) {
    const key = keyOf.get(row.sheetRow);
    if (key) byKey.set(key, row);
  }
  return {
    state,
    byKey,
    keyOf,
    departments: tableDepartments(state.table),
    id: masterId(state.meta.title, state.table.sheet),
    numbered: state.table.columns.no !== undefined || state.table.columns.sub !== undefined,
    scale: state.scale ?? DEFAULT_SCALE,
  };
}

const headerOf = (master: MasterIndex, field: Field) => master.state.table.headers[field] || field;
const baseLabel = (key: string) => key.replace(/#\d+$/, "");
const at = (sheet: string, column: number, row: number) => `${sheet}!${columnLetter(column)}${row}`;
const shortTitle = (title: string) => {
  const t = title.replace(/\s+/g, " ").trim();
  return `「${t.length > 30 ? `${t.slice(0, 30)}…` : t}」`;
};

/**
 * How a note names a row: its item label, and — in a table numbered by row order, whose No. no one sees
 * — its title: 「物件費の削減」.
 */
function named(master: MasterIndex, item: string, title: string | undefined): { item: string; label?: string } {
  return master.numbered || !title ? { item } : { item, label: shortTitle(title) };
}

/** The number fields: what renumbering changes. */
const NUMBER_FIELDS: ReadonlySet<Field> = new Set<Field>(["no", "sub"]);

/**
 * Which locked cells the department changed and which the master changed since the form was sent, told
 * apart by the fingerprint of what was sent: the texts of the cells that differ are tried as sent from
 * either side. Undefined when it cannot be told (both changed one cell, or too many differ to try).
 */
function attribute(sent: string, returned: readonly string[], now: readonly string[]): { department: number[]; master: number[] } | undefined {
  const differ = returned.map((text, i) => i).filter((i) => (returned[i] ?? "").trim() !== (now[i] ?? "").trim());
  if (lockedFingerprint(returned) === sent) return { department: [], master: differ };
  if (lockedFingerprint(now) === sent) return { department: differ, master: [] };
  if (differ.length > 8) return undefined;
  for (let mask = 1; mask < (1 << differ.length) - 1; mask += 1) {
    const texts = [...now];
    differ.forEach((i, bit) => {
      if (mask & (1 << bit)) texts[i] = returned[i] ?? "";
    });
    if (lockedFingerprint(texts) === sent) {
      return { department: differ.filter((_, bit) => !(mask & (1 << bit))), master: differ.filter((_, bit) => mask & (1 << bit)) };
    }
  }
  return undefined;
}

/** The answers of a file that carries its identity. */
function identityAnswer(master: MasterIndex, file: ReturnedFile, identity: FormIdentity, answer: Answer): void {
  const say = (note: MergeNote) => answer.notes.push(note);
  const department = identity.department;
  answer.department = department;
  if (identity.master !== master.id) {
    answer.refused = noteOf("otherMaster", file.name, { department, other: identity.plan });
    return;
  }
  const year = master.state.meta.fiscalYear;
  if (identity.fiscalYear !== undefined && year !== undefined && identity.fiscalYear !== year) {
    answer.refused = noteOf("otherYear", file.name, { department, other: fiscalYearLabel(identity.fiscalYear), detail: fiscalYearLabel(year) });
    return;
  }
  if (!master.departments.includes(department)) {
    answer.refused = noteOf("unknownDepartment", file.name, { department });
    return;
  }
  const grid = file.sheets.find((s) => s.name === identity.sheet);
  if (!grid) {
    answer.refused = noteOf("noForm", file.name, { department });
    return;
  }
  const formulas = file.formulas.get(grid.name) ?? new Set<string>();
  const width = Math.max(...Object.values(identity.columns).map((c) => c ?? 0)) + 2;
  // The locked cells in the order of the form's columns: the order their fingerprint was taken in.
  const lockedFields = Object.entries(identity.columns)
    .filter(([field]) => !(identity.filled as readonly string[]).includes(field))
    .sort((a, b) => (a[1] ?? 0) - (b[1] ?? 0)) as [Field, number][];
  const lockedOf = (cells: readonly RawCell[]) => lockedFields.map(([, column]) => cellText(cells[column]));
  const masterLocked = (row: TableRow) => lockedFields.map(([field]) => fieldText(row, field).trim());
  const titleColumn = identity.columns.title;
  const titleAt = lockedFields.findIndex(([field]) => field === "title");
  // A form of a table numbered by row order has no No. to match its rows by: they are matched by what
  // was sent (the fingerprint of their locked cells), else by their place and title.
  const numberedForm = identity.columns.no !== undefined || identity.columns.sub !== undefined;
  const labels = numberedForm ? labelsOf(grid.rows, identity.headerRow, identity.columns) : new Map<number, string>();

  /**
   * The master row a row was sent from, for naming it: the row whose locked cells are as sent, else the
   * one that was sent but renumbered since (its numbers written back as sent, the rest as sent).
   */
  const sentRowNow = (sent: IdentityRow): TableRow | undefined => {
    const byKey = master.byKey.get(sent.key);
    if (byKey && lockedFingerprint(masterLocked(byKey)) === sent.locked) return byKey;
    const rows = master.state.table.rows;
    return rows.find((r) => lockedFingerprint(masterLocked(r)) === sent.locked) ?? rows.find((r) => lockedFingerprint(numberedAs(r, baseLabel(sent.key))) === sent.locked);
  };
  /** A master row's locked cells with its numbers (No., 枝番) written as another label's: 16-2 as 15-2. */
  const numberedAs = (row: TableRow, label: string): string[] => {
    const now = row.item.split("-");
    const then = label.split("-");
    let k = 0;
    const renumber = (text: string) =>
      text.replace(/\d+/g, (digits) => {
        if (k >= now.length || Number(digits) !== Number(now[k])) return digits;
        const replaced = then[k] ?? digits;
        k += 1;
        return replaced;
      });
    const texts = masterLocked(row);
    for (const field of ["no", "sub"] as const) {
      const i = lockedFields.findIndex(([f]) => f === field);
      if (i >= 0) texts[i] = renumber(texts[i] ?? "");
    }
    return texts;
  };

  const formRows: { formRow: number; cells: RawCell[]; label: string }[] = [];
  for (let r = identity.headerRow + 1; r <= grid.rows.length; r += 1) {
    const cells = (grid.rows[r - 1] ?? []).slice(0, width);
    if (cells.every((c) => cellText(c) === "" && !isErrorCell(c))) continue;
    formRows.push({ formRow: r, cells, label: labels.get(r) ?? "" });
  }
  const used = new Set<number>();
  const matchOf = new Map<number, number>();
  for (const row of formRows) {
    const locked = numberedForm ? "" : lockedFingerprint(lockedOf(row.cells));
    const index = identity.rows.findIndex((sent, i) => !used.has(i) && (numberedForm ? row.label !== "" && baseLabel(sent.key) === row.label : sent.locked === locked));
    if (index < 0) continue;
    used.add(index);
    matchOf.set(row.formRow, index);
  }
  if (!numberedForm) {
    // A row whose locked cells the department changed: the row sent at its place, when its title is alike.
    for (const row of formRows) {
      if (matchOf.has(row.formRow)) continue;
      const index = identity.rows.findIndex((sent, i) => !used.has(i) && sent.formRow === row.formRow);
      const sent = identity.rows[index];
      const sentTitle = sent ? (sentRowNow(sent) ?? master.byKey.get(sent.key))?.title : undefined;
      const title = titleColumn === undefined ? "" : cellText(row.cells[titleColumn]);
      if (index < 0 || sentTitle === undefined || titleLikeness(sentTitle, title) < TITLE_LIKENESS) continue;
      used.add(index);
      matchOf.set(row.formRow, index);
    }
  }
  const matched: { index: number; formRow: number }[] = [];
  for (const row of formRows) {
    const index = matchOf.get(row.formRow);
    if (index !== undefined) {
      matched.push({ index, formRow: row.formRow });
      continue;
    }
    const cell = `${grid.name}!${row.formRow}行`;
    const title = titleColumn === undefined ? "" : cellText(row.cells[titleColumn]);
    const masterRow = row.label ? master.byKey.get(row.label) : undefined;
    if (masterRow && !rowDepartments(masterRow).includes(department)) {
      say(noteOf("otherDepartmentRow", file.name, { department, item: row.label, cell, other: rowDepartments(masterRow).join("、") }));
    } else {
      say(noteOf("rowAdded", file.name, { department, cell, after: [row.label && `No.${row.label}`, title].filter(Boolean).join(" ") || row.cells.map(cellText).filter(Boolean)[0] || "" }));
    }
  }
  // Each note names a row by its number in the table now; the numbers that changed are listed once.
  const renumbered: string[] = [];
  const renumber = (sentItem: string, item: string) => {
    if (master.numbered && item && item !== sentItem) renumbered.push(`No.${sentItem} → No.${item}`);
  };
  identity.rows.forEach((sent, i) => {
    if (used.has(i) || sent.role === "context") return;
    const now = sentRowNow(sent);
    const title = now?.title ?? "";
    const item = now?.item ?? baseLabel(sent.key);
    renumber(baseLabel(sent.key), item);
    say(noteOf("rowDeleted", file.name, { department, ...named(master, item, title), before: master.numbered ? title : "" }));
  });

  /**
   * The master row an identity row is for now: the row of its key while that row's locked cells are as
   * sent; else (the master renumbered, retitled or reordered since) the row most like what was sent —
   * the department's own (any item for a parent shown for context) — or, found only among other
   * departments' rows, that row, to say so. A row claimed once is not found again, and every row found
   * exactly (its key, or its locked cells but the numbers) is claimed before any is searched by likeness.
   */
  const claimed = new Set<number>();
  const text = (texts: readonly string[]) => texts.filter((_, i) => !NUMBER_FIELDS.has(lockedFields[i]?.[0] as Field)).join("\u0001");
  // The master's rows by their locked cells without the numbers: a row only renumbered is found at once.
  let unnumbered: Map<string, TableRow[]> | undefined;
  const sameText = (wanted: string): TableRow[] => {
    if (!unnumbered) {
      unnumbered = new Map();
      for (const row of master.state.table.rows) {
        if (!master.keyOf.has(row.sheetRow)) continue;
        const key = text(masterLocked(row));
        unnumbered.set(key, [...(unnumbered.get(key) ?? []), row]);
      }
    }
    return (unnumbered.get(wanted) ?? []).filter((row) => !claimed.has(row.sheetRow));
  };
  // Each master row's title and locked text without the numbers, made once, for the search by likeness.
  const alike = likenessOfMany();
  let texts: { row: TableRow; title: string; unnumberedText: string }[] | undefined;
  const masterTexts = () =>
    (texts ??= master.state.table.rows
      .filter((row) => master.keyOf.has(row.sheetRow))
      .map((row) => {
        const now = masterLocked(row);
        return { row, title: titleAt < 0 ? "" : (now[titleAt] ?? ""), unnumberedText: text(now) };
      }));
  type Found = { row?: TableRow; other?: TableRow };
  const eligibleFor = (sent: IdentityRow) => (row: TableRow) => (sent.role === "own" ? rowDepartments(row).includes(department) : row.kind === "item");
  /** The row of its key with the locked cells as sent, else a row whose locked cells are as sent but the numbers. */
  const exactly = (sent: IdentityRow, returned: readonly string[]): Found | undefined => {
    const byKey = master.byKey.get(sent.key);
    if (byKey && !claimed.has(byKey.sheetRow) && lockedFingerprint(masterLocked(byKey)) === sent.locked) return { row: byKey };
    const distance = (row: TableRow) => (row === byKey ? -1 : Math.abs(row.sheetRow - sent.masterRow));
    const same = sameText(text(returned)).sort((a, b) => distance(a) - distance(b));
    const sameOwn = same.find(eligibleFor(sent));
    if (sameOwn) return { row: sameOwn };
    return same[0] ? { other: same[0] } : undefined;
  };
  /** The row most like what was sent (its texts and title alike), the department's own before another's. */
  const likely = (sent: IdentityRow, returned: readonly string[]): Found => {
    const byKey = master.byKey.get(sent.key);
    const eligible = eligibleFor(sent);
    const wanted = text(returned);
    const wantedTitle = titleAt < 0 ? "" : (returned[titleAt] ?? "");
    let best: { row: TableRow; score: number } | undefined;
    let bestOwn: { row: TableRow; score: number } | undefined;
    for (const { row, title, unnumberedText } of masterTexts()) {
      if (claimed.has(row.sheetRow)) continue;
      if (wantedTitle && title && alike(wantedTitle, title) < TITLE_LIKENESS) continue;
      const score = alike(wanted, unnumberedText);
      if (score < TITLE_LIKENESS) continue;
      const better = (than: { row: TableRow; score: number } | undefined) => {
        if (!than) return true;
        if (score !== than.score) return score > than.score;
        if ((row === byKey) !== (than.row === byKey)) return row === byKey;
        return Math.abs(row.sheetRow - sent.masterRow) < Math.abs(than.row.sheetRow - sent.masterRow);
      };
      if (better(best)) best = { row, score };
      if (eligible(row) && better(bestOwn)) bestOwn = { row, score };
    }
    if (bestOwn && (!best || bestOwn.score >= best.score)) return { row: bestOwn.row };
    return best ? { other: best.row } : {};
  };

  // Rows out of the identity's order were moved; a row shifted by a deleted or added row was not.
  const sorted = [...matched].sort((a, b) => a.index - b.index);
  const kept = notMoved(sorted.map((m) => m.formRow));
  // Where each row kept goes: first every row found exactly, then the others by likeness, so that a row
  // found by likeness never takes the row another one was sent from.
  const resolved = new Map<number, Found>();
  const pending: number[] = [];
  sorted.forEach(({ index, formRow }, k) => {
    const sent = identity.rows[index];
    if (!sent || !kept.has(k)) return;
    const found = exactly(sent, lockedOf(grid.rows[formRow - 1] ?? []));
    if (found?.row) claimed.add(found.row.sheetRow);
    if (found) resolved.set(index, found);
    else pending.push(k);
  });
  for (const k of pending) {
    const { index, formRow } = sorted[k] ?? { index: -1, formRow: 0 };
    const sent = identity.rows[index];
    if (!sent) continue;
    const found = likely(sent, lockedOf(grid.rows[formRow - 1] ?? []));
    if (found.row) claimed.add(found.row.sheetRow);
    resolved.set(index, found);
  }
  sorted.forEach(({ index, formRow }, k) => {
    const sent = identity.rows[index];
    if (!sent) return;
    const sentItem = baseLabel(sent.key);
    const cells = grid.rows[formRow - 1] ?? [];
    const returnedTitle = titleColumn === undefined ? "" : cellText(cells[titleColumn]);
    if (!kept.has(k)) {
      const item = sentRowNow(sent)?.item ?? sentItem;
      renumber(sentItem, item);
      say(noteOf("rowMoved", file.name, { department, ...named(master, item, returnedTitle), cell: `${grid.name}!${formRow}行` }));
      return;
    }
    const returnedLocked = lockedOf(cells);
    const found = resolved.get(index) ?? {};
    const current = found.row;
    if (!current) {
      if (found.other) {
        say(noteOf("otherDepartmentRow", file.name, { department, ...named(master, found.other.item, found.other.title), cell: `${grid.name}!${formRow}行`, other: rowDepartments(found.other).join("、") || "-" }));
      } else {
        say(noteOf("itemGone", file.name, { department, ...named(master, sentItem, returnedTitle), before: master.numbered ? returnedTitle : "" }));
      }
      return;
    }
    const name = named(master, current.item, current.title);
    // Locked cells: the fingerprint tells whether any changed, and on which side.
    const now = masterLocked(current);
    const sides = attribute(sent.locked, returnedLocked, now) ?? { department: returnedLocked.map((_, i) => i).filter((i) => returnedLocked[i] !== now[i]), master: [] };
    for (const i of sides.department) {
      const [field, column] = lockedFields[i] as [Field, number];
      say(noteOf("lockedChanged", file.name, { department, ...name, header: headerOf(master, field), cell: at(grid.name, column, formRow), before: fieldText(current, field), after: cellText(cells[column]) }));
    }
    const masterFields = sides.master.map((i) => lockedFields[i]?.[0] as Field);
    if (masterFields.some((f) => NUMBER_FIELDS.has(f))) renumber(sentItem, current.item);
    const otherFields = masterFields.filter((f) => !NUMBER_FIELDS.has(f));
    if (otherFields.length > 0) say(noteOf("masterRowChanged", file.name, { department, ...name, detail: otherFields.map((f) => `「${headerOf(master, f)}」`).join("") }));
    // A context row is locked through: a change of its filled columns is a locked change too.
    if (sent.role === "context") {
      identity.filled.forEach((field, k2) => {
        const column = identity.columns[field];
        if (column === undefined || cellFingerprint(cellText(cells[column])) === sent.sent[k2]) return;
        say(noteOf("lockedChanged", file.name, { department, ...name, header: headerOf(master, field), cell: at(grid.name, column, formRow), before: fieldText(current, field), after: cellText(cells[column]) }));
      });
      return;
    }
    // Never another department's row, whatever was found.
    if (!rowDepartments(current).includes(department)) {
      say(noteOf("otherDepartmentRow", file.name, { department, ...name, other: rowDepartments(current).join("、") || "-" }));
      return;
    }
    const key = master.keyOf.get(current.sheetRow) ?? sent.key;
    identity.filled.forEach((field, k2) => {
      const column = identity.columns[field];
      if (column === undefined) return;
      const cell = at(grid.name, column, formRow);
      const raw = cells[column];
      const text = answerText(raw);
      if (text === undefined) {
        say(noteOf("errorValue", file.name, { department, ...name, header: headerOf(master, field), cell }));
        return;
      }
      if (formulas.has(`${formRow}:${column}`) && cellFingerprint(text) !== sent.sent[k2]) {
        say(noteOf("formulaValue", file.name, { department, ...name, header: headerOf(master, field), cell, after: text }));
      }
      answer.cells.push({ row: current, key, field, after: text, ...(sent.sent[k2] ? { sent: sent.sent[k2] } : {}), cell });
    });
  });
  if (renumbered.length > 0) {
    const list = [...new Set(renumbered)].sort((a, b) => a.localeCompare(b, "ja", { numeric: true }));
    say(noteOf("renumbered", file.name, { department, detail: list.join("、") }));
  }
}

/** The department a file without identity answers for: the one every row with a department names. */
function departmentOfRows(master: MasterIndex, rows: readonly TableRow[], fileName: string): string | undefined {
  let common: string[] | undefined;
  for (const row of rows) {
    const names = rowDepartments(row);
    if (names.length === 0) continue;
    common = common === undefined ? names : common.filter((n) => names.includes(n));
  }
  const known = (common ?? []).filter((n) => master.departments.includes(n));
  if (known.length === 1) return known[0];
  const named = (known.length > 1 ? known : master.departments).filter((n) => fileName.includes(n));
  return named.length === 1 ? named[0] : named.sort((a, b) => b.length - a.length)[0];
}

/**
 * The answers of a file without identity (copied into another workbook): matched by department, No. and
 * title — in a table numbered by row order, by title alone among the department's rows.
 */
function likenessAnswer(master: MasterIndex, file: ReturnedFile, answer: Answer): void {
  const say = (note: MergeNote) => answer.notes.push(note);
  const grids = file.sheets.filter((s) => s.name !== IDENTITY_SHEET && s.name !== INSTRUCTIONS_SHEET);
  const table = readTable(grids);
  if (table.problems.some((p) => p.code === "COLUMNS_MISSING") || table.rows.length === 0) {
    answer.refused = noteOf("noForm", file.name);
    return;
  }
  const department = departmentOfRows(master, table.rows, file.name);
  if (!department) {
    answer.refused = noteOf("unknownDepartment", file.name);
    return;
  }
  answer.department = department;
  say(noteOf("noIdentity", file.name, { department }));
  const filled = DEFAULT_FILLED.filter((f) => table.columns[f] !== undefined && master.state.table.columns[f] !== undefined);
  const formulas = file.formulas.get(table.sheet) ?? new Set<string>();
  const own = master.state.table.rows.filter((r) => rowDepartments(r).includes(department));
  const ownParents = new Set(own.filter((r) => r.kind === "sub").map((r) => r.parent));
  const seen = new Set<string>();
  const keysByLabel = new Map<string, string[]>();
  for (const key of master.keyOf.values()) keysByLabel.set(baseLabel(key), [...(keysByLabel.get(baseLabel(key)) ?? []), key]);
  const lockedFields = (["category", "no", "sub", "title", "department", "rating", "actions", "plan", "result", "notes"] as const).filter(
    (f) => f !== "category" && !(filled as readonly string[]).includes(f) && table.columns[f] !== undefined && master.state.table.columns[f] !== undefined,
  );
  /** A row of a table numbered by row order: the department's row of the most alike title not taken yet. */
  const byTitle = (title: string): string | undefined => {
    let best: { key: string; score: number } | undefined;
    for (const row of own) {
      const key = master.keyOf.get(row.sheetRow);
      if (!key || seen.has(key)) continue;
      const score = titleLikeness(row.title, title);
      if (score >= TITLE_LIKENESS && (!best || score > best.score)) best = { key, score };
    }
    return best?.key;
  };
  for (const row of table.rows) {
    const cellAt = (column: number | undefined) => (column === undefined ? "" : at(table.sheet, column, row.sheetRow));
    if (!row.item) {
      say(noteOf("rowAdded", file.name, { department, cell: `${table.sheet}!${row.sheetRow}行`, after: row.title }));
      continue;
    }
    const key = master.numbered ? (keysByLabel.get(row.item) ?? []).find((k) => !seen.has(k)) : byTitle(row.title);
    const current = key ? master.byKey.get(key) : undefined;
    if (!key || !current) {
      say(noteOf("rowAdded", file.name, { department, cell: `${table.sheet}!${row.sheetRow}行`, after: master.numbered ? `No.${row.item} ${row.title}` : row.title }));
      continue;
    }
    seen.add(key);
    const name = named(master, current.item, current.title);
    const titleOk = !current.title || !row.title || titleLikeness(current.title, row.title) >= TITLE_LIKENESS;
    if (!titleOk) {
      say(noteOf("titleMismatch", file.name, { department, ...name, before: current.title, after: row.title }));
      continue;
    }
    const isOwn = rowDepartments(current).includes(department);
    if (!isOwn && !ownParents.has(current.item)) {
      say(noteOf("otherDepartmentRow", file.name, { department, ...name, other: rowDepartments(current).join("、") }));
      continue;
    }
    for (const field of isOwn ? lockedFields : [...lockedFields, ...filled]) {
      // In a table numbered by row order, the copy's numbers are its own rows' order: not compared.
      if (!master.numbered && (field === "no" || field === "sub")) continue;
      const returned = fieldText(row, field).trim();
      if (returned !== fieldText(current, field).trim()) {
        say(noteOf("lockedChanged", file.name, { department, ...name, header: headerOf(master, field), cell: cellAt(table.columns[field]), before: fieldText(current, field), after: returned }));
      }
    }
    if (!isOwn) continue;
    for (const field of filled) {
      const column = table.columns[field];
      if (column === undefined) continue;
      const cell = cellAt(column);
      if (row.errors.some((e) => e.column === column)) {
        say(noteOf("errorValue", file.name, { department, ...name, header: headerOf(master, field), cell }));
        continue;
      }
      const text = fieldText(row, field).trim();
      if (formulas.has(`${row.sheetRow}:${column}`) && text !== fieldText(current, field).trim()) {
        say(noteOf("formulaValue", file.name, { department, ...name, header: headerOf(master, field), cell, after: text }));
      }
      answer.cells.push({ row: current, key, field, after: text, cell });
    }
  }
  for (const row of own) {
    const key = master.keyOf.get(row.sheetRow);
    if (key && !seen.has(key)) say(noteOf("rowDeleted", file.name, { department, ...named(master, row.item, row.title), before: row.title }));
  }
}

/** Whole seconds of an ISO time (a file's time is kept to the second), or undefined. */
const seconds = (iso: string | undefined): number | undefined => {
  const ms = iso === undefined ? Number.NaN : Date.parse(iso);
  return Number.isNaN(ms) ? undefined : Math.floor(ms / 1000);
};

/** One returned file read against the master. */
function answerOf(master: MasterIndex, input: ReturnedInput, order: number): Answer {
  if (isRefused(input)) {
    return { file: input.name, order, cells: [], notes: [], refused: noteOf("fileRefused", input.name, { detail: input.refused.ja }) };
  }
  const answer: Answer = { file: input.name, order, cells: [], notes: [] };
  const idSheet = input.sheets.find((s) => s.name === IDENTITY_SHEET);
  const identity = idSheet ? identityFromRows(idSheet.rows) : undefined;
  // A file's saved time tells when it was answered only when it is later than the form's own: openpyxl
  // and LibreOffice keep dcterms:modified as the form had it (the time it was made).
  const saved = seconds(input.modified);
  const made = seconds(identity?.created);
  if (input.modified && saved !== undefined && (made === undefined || saved > made)) answer.modified = input.modified;
  if (identity) {
    answer.identified = "identity";
    identityAnswer(master, input, identity, answer);
  } else {
    answer.identified = "likeness";
    likenessAnswer(master, input, answer);
  }
  if (!answer.refused && input.ignored.length > 0) answer.notes.push(noteOf("ignoredContent", input.name, { ...(answer.department ? { department: answer.department } : {}), parts: input.ignored.join("、") }));
  return answer;
}

/** A time as the notes say it: 2021-05-14 10:30, in Japan time (the sentence says the zone). */
const dateText = (iso: string | undefined) => (iso ? historyTime(iso).slice(0, 16) : undefined);

/** The merge's id: the time in Japan and a fingerprint of the files, so that two merges in one second differ. */
function mergeId(created: string, files: readonly string[]): string {
  const stamp = historyTime(created).replace(/[-:]/g, "").replace(/\.\d+/, "").replace(/[ T]/, "-").replace(/Z$/, "");
  return `${stamp}-${fingerprint(files).slice(0, 4)}`;
}

/** 40000 → "40,000". */
const grouped = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ",");

export interface MergeOptions {
  /** When the merge is planned (ISO 8601); now by default. */
  created?: string;
}

/**
 * The plan of a merge: what each returned file would change in the master, and every conflict. Two
 * answers from one department: the newer by the file's own time (else, the times equal or not telling,
 * the later given) is taken, the other listed. A cell of an item two departments share, answered
 * differently by each: neither taken. A rating off the plan's scale is not taken; one typed in another
 * width or case is folded to the scale's symbol. A text longer than a cell holds is not taken.
 */
export function planMerge(state: MasterState, inputs: readonly ReturnedInput[], options: MergeOptions = {}): MergePlan {
  const master = indexMaster(state);
  const created = options.created ?? new Date().toISOString();
  const answers = inputs.map((input, i) => answerOf(master, input, i));
  const conflicts: MergeNote[] = [];
  const notices: MergeNote[] = [];
  const sort = (list: MergeNote[]) => list.forEach((n) => (n.conflict ? conflicts : notices).push(n));

  // Two answers from one department: the newer wins; of equal times, or none, the later given.
  const byDepartment = new Map<string, Answer[]>();
  for (const answer of answers) {
    if (answer.refused || !answer.department) continue;
    byDepartment.set(answer.department, [...(byDepartment.get(answer.department) ?? []), answer]);
  }
  for (const [department, list] of byDepartment) {
    if (list.length < 2) continue;
    const time = (a: Answer) => seconds(a.modified) ?? -Infinity;
    const newest = [...list].sort((a, b) => time(a) - time(b) || a.order - b.order).slice(-1)[0];
    if (!newest) continue;
    const orderTo = (other: Answer): AnswerOrder => (newest.modified === undefined ? "unknown" : time(other) === time(newest) ? "same" : "newer");
    const date = dateText(newest.modified);
    for (const answer of list) {
      if (answer === newest) continue;
      answer.refused = noteOf("superseded", answer.file, { department, other: newest.file, date, order: orderTo(answer) });
    }
    const orders = list.filter((a) => a !== newest).map(orderTo);
    const order: AnswerOrder = orders.includes("unknown") ? "unknown" : orders.includes("same") ? "same" : "newer";
    newest.notes.unshift(noteOf("newerTaken", newest.file, { department, date, order }));
  }

  const files: FileOutcome[] = answers.map((a) => ({
    file: a.file,
    ...(a.department ? { department: a.department } : {}),
    ...(a.identified ? { identified: a.identified } : {}),
    ...(a.modified ? { modified: a.modified } : {}),
    taken: !a.refused,
  }));

  // The candidate changes of every answer taken, by master cell.
  const candidates = new Map<string, { answer: Answer; cell: AnswerCell; row: TableRow; after: string }[]>();
  for (const answer of answers) {
    if (answer.refused) {
      sort([answer.refused]);
      continue;
    }
    sort(answer.notes);
    const department = answer.department ?? "";
    for (const cell of answer.cells) {
      const { row } = cell;
      const column = state.table.columns[cell.field];
      if (column === undefined) continue;
      const before = fieldText(row, cell.field);
      const header = headerOf(master, cell.field);
      const name = named(master, row.item, row.title);
      const masterChanged = cell.sent !== undefined && cellFingerprint(before) !== cell.sent;
      if (cell.sent !== undefined && cellFingerprint(cell.after) === cell.sent) {
        if (masterChanged) notices.push(noteOf("masterChangedKept", answer.file, { department, ...name, header, before }));
        continue;
      }
      // A rating is one of the scale's symbols: typed in another width or case, folded to it; else not taken.
      let after = cell.after;
      let folded = false;
      if (cell.field === "rating" && after !== "") {
        const read = readRating(after, master.scale);
        if (read.status === "invalid") {
          conflicts.push(noteOf("ratingNotOnScale", answer.file, { department, ...name, header, cell: cell.cell, after, detail: `${symbolList(master.scale)}・-` }));
          continue;
        }
        folded = read.rating !== after;
        after = read.rating;
      }
      if (after === before.trim()) continue;
      if (masterChanged) {
        conflicts.push(noteOf("changedInBoth", answer.file, { department, ...name, header, cell: cell.cell, before, after }));
        continue;
      }
      if (after.length > CELL_TEXT_LIMIT) {
        conflicts.push(noteOf("tooLong", answer.file, { department, ...name, header, cell: cell.cell, detail: grouped(after.length), other: grouped(CELL_TEXT_LIMIT) }));
        continue;
      }
      if (folded) notices.push(noteOf("ratingFolded", answer.file, { department, ...name, header, cell: cell.cell, before: cell.after, after }));
      if (FORMULA_START.test(after)) notices.push(noteOf("textLikeFormula", answer.file, { department, ...name, header, cell: cell.cell }));
      const id = `${row.sheetRow}:${column}`;
      candidates.set(id, [...(candidates.get(id) ?? []), { answer, cell, row, after }]);
    }
  }

  const changes: CellChange[] = [];
  for (const list of candidates.values()) {
    const first = list[0];
    if (!first) continue;
    const afters = new Set(list.map((c) => c.after));
    const header = headerOf(master, first.cell.field);
    if (afters.size > 1) {
      for (const c of list) {
        const others = list.filter((o) => o !== c).map((o) => `${o.answer.department ?? ""}: 「${o.after.slice(0, 40)}」`).join("、");
        conflicts.push(noteOf("answeredDifferently", c.answer.file, { department: c.answer.department ?? "", ...named(master, c.row.item, c.row.title), header, cell: c.cell.cell, after: c.after, detail: others }));
      }
      continue;
    }
    changes.push({
      department: [...new Set(list.map((c) => c.answer.department ?? ""))].join("、"),
      file: [...new Set(list.map((c) => c.answer.file))].join("、"),
      key: first.cell.key,
      item: first.row.item,
      title: first.row.title,
      ...(master.numbered ? {} : { label: shortTitle(first.row.title) }),
      field: first.cell.field,
      header,
      column: state.table.columns[first.cell.field] ?? 0,
      sheetRow: first.row.sheetRow,
      before: fieldText(first.row, first.cell.field),
      after: first.after,
    });
  }
  changes.sort((a, b) => a.sheetRow - b.sheetRow || FIELD_ORDER.indexOf(a.field) - FIELD_ORDER.indexOf(b.field));
  return { id: mergeId(created, inputs.map((i) => i.name)), created, files, changes, conflicts, notices };
}
