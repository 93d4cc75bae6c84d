import { fiscalYearLabel } from "../fiscalYear";
import { FORMULA_START } from "../port";
import type { Localized } from "../text/localized";
import { columnLetter, isErrorCell, type RawCell, type SheetGrid } from "../workbook/cells";
import type { Field } from "../workbook/columns";
import type { PlanMeta } from "../workbook/model";
import { readTable, type TableRead, type TableRow } from "../workbook/table";
import { fingerprint } from "./hash";
import { cellFingerprint, DEFAULT_FILLED, IDENTITY_SHEET, identityFromRows, lockedFingerprint, masterId, type FillableField, type FormIdentity } from "./identity";
import { noteOf, type MergeNote } from "./notes";
import { cellText, fieldText, labelsOf, rowDepartments, rowKeys, tableDepartments, titleLikeness } from "./rows";
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
}

export interface CellChange {
  /** The department (or departments, sharing an item, with the same answer). */
  department: string;
  file: string;
  key: string;
  item: string;
  title: string;
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

/** A cell to take: the master's row (by key), the field, the answer, and what was sent. */
interface AnswerCell {
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
}

function indexMaster(state: MasterState): MasterIndex {
  const keyOf = rowKeys(state.table);
  const byKey = new Map<string, TableRow>();
  for (const row of state.table.rows) {
    const key = keyOf.get(row.sheetRow);
    if (key) byKey.set(key, row);
  }
  return { state, byKey, keyOf, departments: tableDepartments(state.table), id: masterId(state.meta.title, state.table.sheet) };
}

const headerOf = (master: MasterIndex, field: Field) => master.state.table.headers[field] || field;
const baseLabel = (key: string) => key.replace(/#\d+$/, "");
const at = (sheet: string, column: number, row: number) => `${sheet}!${columnLetter(column)}${row}`;

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
  const labels = labelsOf(grid.rows, identity.headerRow, identity.columns);
  const used = new Set<number>();
  const matched: { index: number; formRow: number }[] = [];
  for (let r = identity.headerRow + 1; r <= grid.rows.length; r += 1) {
    const cells = (grid.rows[r - 1] ?? []).slice(0, width);
    if (cells.every((c) => cellText(c) === "" && !isErrorCell(c))) continue;
    const label = labels.get(r) ?? "";
    const index = identity.rows.findIndex((row, i) => !used.has(i) && baseLabel(row.key) === label && label !== "");
    if (index >= 0) {
      used.add(index);
      matched.push({ index, formRow: r });
      continue;
    }
    const cell = `${grid.name}!${r}行`;
    const titleColumn = identity.columns.title;
    const title = titleColumn === undefined ? "" : cellText(cells[titleColumn]);
    const masterRow = label ? master.byKey.get(label) : undefined;
    if (masterRow && !rowDepartments(masterRow).includes(department)) {
      say(noteOf("otherDepartmentRow", file.name, { department, item: label, cell, other: rowDepartments(masterRow).join("、") }));
    } else {
      say(noteOf("rowAdded", file.name, { department, cell, after: [label && `No.${label}`, title].filter(Boolean).join(" ") || cells.map(cellText).filter(Boolean)[0] || "" }));
    }
  }
  identity.rows.forEach((row, i) => {
    if (used.has(i) || row.role === "context") return;
    say(noteOf("rowDeleted", file.name, { department, item: baseLabel(row.key), before: master.byKey.get(row.key)?.title ?? "" }));
  });
  // Rows out of the identity's order were moved; a row shifted by a deleted or added row was not.
  const sorted = [...matched].sort((a, b) => a.index - b.index);
  const kept = notMoved(sorted.map((m) => m.formRow));
  const lockedFields = Object.entries(identity.columns)
    .filter(([field]) => !(identity.filled as readonly string[]).includes(field))
    .sort((a, b) => (a[1] ?? 0) - (b[1] ?? 0)) as [Field, number][];
  sorted.forEach(({ index, formRow }, k) => {
    const sent = identity.rows[index];
    if (!sent) return;
    const item = baseLabel(sent.key);
    const cells = grid.rows[formRow - 1] ?? [];
    if (!kept.has(k)) {
      say(noteOf("rowMoved", file.name, { department, item, cell: `${grid.name}!${formRow}行` }));
      return;
    }
    const current = master.byKey.get(sent.key);
    if (!current) {
      say(noteOf("itemGone", file.name, { department, item }));
      return;
    }
    // Locked cells: the fingerprint tells whether any changed; the master tells which.
    const returnedLocked = lockedFields.map(([, column]) => cellText(cells[column]));
    const lockedEdits: [Field, number][] = [];
    if (lockedFingerprint(returnedLocked) !== sent.locked) {
      for (const [field, column] of lockedFields) if (cellText(cells[column]) !== fieldText(current, field).trim()) lockedEdits.push([field, column]);
    }
    // A context row is locked through: a change of its filled columns is a locked change too.
    const filledAsLocked = sent.role === "context" ? identity.filled.map((f, k2) => [f, k2] as const).filter(([f, k2]) => cellFingerprint(cellText(cells[identity.columns[f] ?? -1])) !== sent.sent[k2]) : [];
    for (const [field, column] of [...lockedEdits, ...filledAsLocked.map(([f]) => [f, identity.columns[f] ?? 0] as [Field, number])]) {
      say(noteOf("lockedChanged", file.name, { department, item, header: headerOf(master, field), cell: at(grid.name, column, formRow), before: fieldText(current, field), after: cellText(cells[column]) }));
    }
    if (sent.role === "context") return;
    identity.filled.forEach((field, k2) => {
      const column = identity.columns[field];
      if (column === undefined) return;
      const cell = at(grid.name, column, formRow);
      const raw = cells[column];
      const text = answerText(raw);
      if (text === undefined) {
        say(noteOf("errorValue", file.name, { department, item, header: headerOf(master, field), cell }));
        return;
      }
      if (formulas.has(`${formRow}:${column}`) && cellFingerprint(text) !== sent.sent[k2]) {
        say(noteOf("formulaValue", file.name, { department, item, header: headerOf(master, field), cell, after: text }));
      }
      answer.cells.push({ key: sent.key, field, after: text, ...(sent.sent[k2] ? { sent: sent.sent[k2] } : {}), cell });
    });
  });
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

/** The answers of a file without identity (copied into another workbook): matched by department, No. and title. */
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
  for (const row of table.rows) {
    const cellAt = (column: number | undefined) => (column === undefined ? "" : at(table.sheet, column, row.sheetRow));
    if (!row.item) {
      say(noteOf("rowAdded", file.name, { department, cell: `${table.sheet}!${row.sheetRow}行`, after: row.title }));
      continue;
    }
    const key = (keysByLabel.get(row.item) ?? []).find((k) => !seen.has(k));
    const current = key ? master.byKey.get(key) : undefined;
    if (!key || !current) {
      say(noteOf("rowAdded", file.name, { department, cell: `${table.sheet}!${row.sheetRow}行`, after: `No.${row.item} ${row.title}` }));
      continue;
    }
    seen.add(key);
    const titleOk = !current.title || !row.title || titleLikeness(current.title, row.title) >= TITLE_LIKENESS;
    if (!titleOk) {
      say(noteOf("titleMismatch", file.name, { department, item: row.item, before: current.title, after: row.title }));
      continue;
    }
    const isOwn = rowDepartments(current).includes(department);
    if (!isOwn && !ownParents.has(current.item)) {
      say(noteOf("otherDepartmentRow", file.name, { department, item: row.item, other: rowDepartments(current).join("、") }));
      continue;
    }
    for (const field of isOwn ? lockedFields : [...lockedFields, ...filled]) {
      const returned = fieldText(row, field).trim();
      if (returned !== fieldText(current, field).trim()) {
        say(noteOf("lockedChanged", file.name, { department, item: row.item, header: headerOf(master, field), cell: cellAt(table.columns[field]), before: fieldText(current, field), after: returned }));
      }
    }
    if (!isOwn) continue;
    for (const field of filled) {
      const column = table.columns[field];
      if (column === undefined) continue;
      const cell = cellAt(column);
      if (row.errors.some((e) => e.column === column)) {
        say(noteOf("errorValue", file.name, { department, item: row.item, header: headerOf(master, field), cell }));
        continue;
      }
      const text = fieldText(row, field).trim();
      if (formulas.has(`${row.sheetRow}:${column}`) && text !== fieldText(current, field).trim()) {
        say(noteOf("formulaValue", file.name, { department, item: row.item, header: headerOf(master, field), cell, after: text }));
      }
      answer.cells.push({ key, field, after: text, cell });
    }
  }
  for (const row of own) {
    const key = master.keyOf.get(row.sheetRow);
    if (key && !seen.has(key)) say(noteOf("rowDeleted", file.name, { department, item: row.item, before: row.title }));
  }
}

/** One returned file read against the master. */
function answerOf(master: MasterIndex, input: ReturnedInput, order: number): Answer {
  if (isRefused(input)) {
    return { file: input.name, order, cells: [], notes: [], refused: noteOf("fileRefused", input.name, { detail: input.refused.ja }) };
  }
  const answer: Answer = { file: input.name, order, cells: [], notes: [], ...(input.modified ? { modified: input.modified } : {}) };
  const idSheet = input.sheets.find((s) => s.name === IDENTITY_SHEET);
  const identity = idSheet ? identityFromRows(idSheet.rows) : undefined;
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

/** A date as the notes say it: 2021-05-14 10:30 (UTC as the file says it). */
const dateText = (iso: string | undefined) => (iso ? iso.replace("T", " ").replace(/:\d{2}(?:\.\d+)?Z?$/, "") : undefined);

/** The merge's id: the time and a fingerprint of the files, so that two merges in one second differ. */
function mergeId(created: string, files: readonly string[]): string {
  const stamp = created.replace(/[-:]/g, "").replace(/\.\d+/, "").replace("T", "-").replace(/Z$/, "");
  return `${stamp}-${fingerprint(files).slice(0, 4)}`;
}

export interface MergeOptions {
  /** When the merge is planned (ISO 8601); now by default. */
  created?: string;
}

/**
 * The plan of a merge: what each returned file would change in the master, and every conflict. Two
 * answers from one department: the newer by the file's own time (else the later given) is taken, the
 * other listed. A cell of an item two departments share, answered differently by each: neither taken.
 */
export function planMerge(state: MasterState, inputs: readonly ReturnedInput[], options: MergeOptions = {}): MergePlan {
  const master = indexMaster(state);
  const created = options.created ?? new Date().toISOString();
  const answers = inputs.map((input, i) => answerOf(master, input, i));
  const conflicts: MergeNote[] = [];
  const notices: MergeNote[] = [];
  const sort = (list: MergeNote[]) => list.forEach((n) => (n.conflict ? conflicts : notices).push(n));

  // Two answers from one department: the newer wins.
  const byDepartment = new Map<string, Answer[]>();
  for (const answer of answers) {
    if (answer.refused || !answer.department) continue;
    byDepartment.set(answer.department, [...(byDepartment.get(answer.department) ?? []), answer]);
  }
  for (const [department, list] of byDepartment) {
    if (list.length < 2) continue;
    const newest = [...list].sort((a, b) => (a.modified ?? "").localeCompare(b.modified ?? "") || a.order - b.order).slice(-1)[0];
    if (!newest) continue;
    for (const answer of list) {
      if (answer === newest) continue;
      answer.refused = noteOf("superseded", answer.file, { department, other: newest.file, date: dateText(newest.modified) });
    }
    newest.notes.unshift(noteOf("newerTaken", newest.file, { department, date: dateText(newest.modified) }));
  }

  const files: FileOutcome[] = answers.map((a) => ({
    file: a.file,
    ...(a.department ? { department: a.department } : {}),
    ...(a.identified ? { identified: a.identified } : {}),
    ...(a.modified ? { modified: a.modified } : {}),
    taken: !a.refused,
  }));

  // The candidate changes of every answer taken, by master cell.
  const candidates = new Map<string, { answer: Answer; cell: AnswerCell; row: TableRow }[]>();
  for (const answer of answers) {
    if (answer.refused) {
      sort([answer.refused]);
      continue;
    }
    sort(answer.notes);
    const department = answer.department ?? "";
    for (const cell of answer.cells) {
      const row = master.byKey.get(cell.key);
      const column = state.table.columns[cell.field];
      if (!row || column === undefined) continue;
      const before = fieldText(row, cell.field);
      const header = headerOf(master, cell.field);
      if (cell.sent !== undefined) {
        const departmentChanged = cellFingerprint(cell.after) !== cell.sent;
        const masterChanged = cellFingerprint(before) !== cell.sent;
        if (!departmentChanged) {
          if (masterChanged) notices.push(noteOf("masterChangedKept", answer.file, { department, item: row.item, header, before }));
          continue;
        }
        if (cell.after === before.trim()) continue;
        if (masterChanged) {
          conflicts.push(noteOf("changedInBoth", answer.file, { department, item: row.item, header, cell: cell.cell, before, after: cell.after }));
          continue;
        }
      } else if (cell.after === before.trim()) {
        continue;
      }
      if (FORMULA_START.test(cell.after)) notices.push(noteOf("textLikeFormula", answer.file, { department, item: row.item, header, cell: cell.cell }));
      const id = `${row.sheetRow}:${column}`;
      candidates.set(id, [...(candidates.get(id) ?? []), { answer, cell, row }]);
    }
  }

  const changes: CellChange[] = [];
  for (const list of candidates.values()) {
    const first = list[0];
    if (!first) continue;
    const afters = new Set(list.map((c) => c.cell.after));
    const header = headerOf(master, first.cell.field);
    if (afters.size > 1) {
      for (const c of list) {
        const others = list.filter((o) => o !== c).map((o) => `${o.answer.department ?? ""}: 「${o.cell.after.slice(0, 40)}」`).join("、");
        conflicts.push(noteOf("answeredDifferently", c.answer.file, { department: c.answer.department ?? "", item: c.row.item, header, cell: c.cell.cell, after: c.cell.after, detail: others }));
      }
      continue;
    }
    changes.push({
      department: [...new Set(list.map((c) => c.answer.department ?? ""))].join("、"),
      file: [...new Set(list.map((c) => c.answer.file))].join("、"),
      key: first.cell.key,
      item: first.row.item,
      title: first.row.title,
      field: first.cell.field,
      header,
      column: state.table.columns[first.cell.field] ?? 0,
      sheetRow: first.row.sheetRow,
      before: fieldText(first.row, first.cell.field),
      after: first.cell.after,
    });
  }
  changes.sort((a, b) => a.sheetRow - b.sheetRow || FIELD_ORDER.indexOf(a.field) - FIELD_ORDER.indexOf(b.field));
  return { id: mergeId(created, inputs.map((i) => i.name)), created, files, changes, conflicts, notices };
}
