import type { Finding } from "../check/types";
import { fiscalYearLabel } from "../fiscalYear";
import { lineHeight, wrappedLines } from "../text/width";
import { DEFAULT_SCALE } from "../rating/scale";
import { entryGuard } from "../workbook/guard";
import type { PlanMeta } from "../workbook/model";
import type { PlanSettings } from "../workbook/settings";
import { FIELDS, type Field } from "../workbook/columns";
import type { TableRead, TableRow } from "../workbook/table";
import { cellFingerprint, DEFAULT_FILLED, FORM_FORMAT, lockedFingerprint, masterId, type FillableField, type FormIdentity, type IdentityRow } from "./identity";
import { fieldText, rowDepartments, rowKeys, tableDepartments } from "./rows";

/**
 * Splitting the master into one file per department (docs/contracts/roundtrip.md, "Send"): the rows each
 * department answers, the columns it fills, what its sheet and its instructions say, and the identity
 * it carries. Pure planning: src/xlsx/departmentWorkbook.ts writes the files.
 */

/** The sheet of a department file holding its rows, and the one with the instructions. */
export const FORM_SHEET = "調書";
export const INSTRUCTIONS_SHEET = "記入のしかた";
/** The header row of the form sheet: a title line and a note above it. */
export const FORM_HEADER_ROW = 3;
/** The column beside the rows with the findings of the last check. */
export const FINDINGS_HEADER = "前回のチェック結果";

export interface SplitOptions {
  /** The fields the departments fill (else the rating and the results). */
  filled?: readonly FillableField[];
  /** The deadline, YYYY-MM-DD. */
  deadline?: string;
  /** Whom to send the answer to (the section, its extension, its address). */
  contact?: string;
  /** When the files are made (ISO 8601); now by default. */
  created?: string;
  /** The findings of the last check, shown beside each department's rows. */
  findings?: readonly Finding[];
}

export interface FormColumn {
  /** The field of the master's column; none for the findings column. */
  field?: Field;
  header: string;
  width: number;
  /** The department fills it (unlocked on its own rows). */
  fill: boolean;
}

export interface FormRow {
  /** 1-based row of the form sheet. */
  formRow: number;
  role: "own" | "context";
  /** The text of each column of the form. */
  values: string[];
  item: string;
  /** The row's height in points: its longest cell wrapped in its column (renderers do not size rows themselves). */
  height: number;
}

export interface InstructionLine {
  /** A heading of the instructions (bold), or a line of text under one. */
  kind: "title" | "heading" | "text";
  text: string;
}

export interface DepartmentForm {
  department: string;
  /** The file name offered: 令和2年度_進捗調書_政策課.xlsx. */
  fileName: string;
  sheet: string;
  /** The first line of the form sheet, and the note under it. */
  title: string;
  note: string;
  headerRow: number;
  columns: FormColumn[];
  rows: FormRow[];
  /** The symbols the rating cells accept (the profile's scale and "-"). */
  symbols: string[];
  ratingPrompt: string;
  ratingError: string;
  textPrompt: string;
  instructions: InstructionLine[];
  identity: FormIdentity;
}

export interface SplitPlan {
  forms: DepartmentForm[];
  /** Rows no department answers (no department, or 「-」 on a parent whose sub-items have theirs): the section's. */
  unassigned: { item: string; title: string; sheetRow: number }[];
  filled: FillableField[];
}

const WIDTHS: Record<Field, number> = { category: 12, no: 6, sub: 6, title: 24, department: 16, rating: 8, actions: 36, plan: 40, result: 40, notes: 20 };
const SEVERITY_JA = { error: "エラー", warning: "警告", info: "情報" } as const;
const WEEKDAYS = ["日", "月", "火", "水", "木", "金", "土"];

/** A deadline as a person reads it: 2021-05-14 → 令和3年5月14日（金）; undefined when it is no date. */
export function deadlineLabel(date: string | undefined): string | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date ?? "");
  if (!m) return undefined;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const at = new Date(Date.UTC(year, month - 1, day));
  if (at.getUTCMonth() !== month - 1 || at.getUTCDate() !== day) return undefined;
  const era = year >= 2019 ? `令和${year === 2019 ? "元" : year - 2018}年` : `平成${year - 1988}年`;
  return `${era}${month}月${day}日（${WEEKDAYS[at.getUTCDay()]}）`;
}

/** A file name Windows and mail accept: the characters they refuse dropped. */
export function safeFileName(name: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are what a file name may not hold
  return name.replace(/[\\/:*?"<>|\u0000-\u001f]/g, "").replace(/^[.\s]+|[.\s]+$/g, "").slice(0, 120) || "調書";
}

/** The font size of a form's cells, and the most lines a row shows (Excel's rows stop at 409 points). */
export const FORM_FONT_SIZE = 11;
const MAX_LINES = 20;

/** A row's height: the most lines any of its cells takes in its column. */
function rowHeight(values: readonly string[], columns: readonly FormColumn[]): number {
  const lines = Math.max(1, ...values.map((v, i) => wrappedLines(v, columns[i]?.width ?? 10, FORM_FONT_SIZE)));
  return Math.min(MAX_LINES, lines) * lineHeight(FORM_FONT_SIZE) + 2;
}

/** The parent row of each sub-item, by the parent's label. */
function parentsOf(table: TableRead): Map<string, TableRow> {
  const parents = new Map<string, TableRow>();
  for (const row of table.rows) if (row.kind === "item" && row.item && !parents.has(row.item)) parents.set(row.item, row);
  return parents;
}

/** The findings of each row of the master (by sheet row), as the form's column shows them. */
function findingsByRow(findings: readonly Finding[]): Map<number, string> {
  const lines = new Map<number, string[]>();
  for (const f of findings) {
    if (f.row === undefined) continue;
    const list = lines.get(f.row) ?? [];
    list.push(`${SEVERITY_JA[f.severity]}: ${f.message.ja}`);
    lines.set(f.row, list);
  }
  return new Map([...lines].map(([row, list]) => [row, list.join("\n")]));
}

/** Which rows each department answers and the parents shown beside its sub-items, in the table's order. */
export function departmentRows(table: TableRead): Map<string, { row: TableRow; role: "own" | "context" }[]> {
  const parents = parentsOf(table);
  const result = new Map<string, { row: TableRow; role: "own" | "context" }[]>();
  for (const department of tableDepartments(table)) {
    const own = table.rows.filter((r) => rowDepartments(r).includes(department));
    const ownRows = new Set(own.map((r) => r.sheetRow));
    const context = new Map<number, TableRow>();
    for (const row of own) {
      const parent = row.kind === "sub" && row.parent ? parents.get(row.parent) : undefined;
      if (parent && !ownRows.has(parent.sheetRow)) context.set(parent.sheetRow, parent);
    }
    const rows = [...own.map((row) => ({ row, role: "own" as const })), ...[...context.values()].map((row) => ({ row, role: "context" as const }))];
    result.set(department, rows.sort((a, b) => a.row.sheetRow - b.row.sheetRow));
  }
  return result;
}

/** The fields each form fills: those asked for that the table has, the rating and the results first. */
function filledFields(table: TableRead, asked: readonly FillableField[]): FillableField[] {
  const wanted = new Set(asked);
  return (["rating", "result", "actions", "plan", "notes"] as const).filter((f) => wanted.has(f) && table.columns[f] !== undefined);
}

/**
 * The department files of a table: one per department named in 主な推進担当課 (each of 「市民課、政策課」
 * gets the row), with the parent row of a sub-item shown for context.
 */
export function planSplit(table: TableRead, settings: PlanSettings, meta: PlanMeta, options: SplitOptions = {}): SplitPlan {
  const filled = filledFields(table, options.filled ?? DEFAULT_FILLED);
  const fields = FIELDS.filter((f) => table.columns[f] !== undefined).sort((a, b) => (table.columns[a] ?? 0) - (table.columns[b] ?? 0));
  const columns: FormColumn[] = [
    ...fields.map((field) => ({ field, header: table.headers[field] || field, width: WIDTHS[field], fill: (filled as readonly string[]).includes(field) })),
    { header: FINDINGS_HEADER, width: 40, fill: false },
  ];
  const formColumns: Partial<Record<Field, number>> = {};
  columns.forEach((c, i) => {
    if (c.field) formColumns[c.field] = i;
  });
  const keys = rowKeys(table);
  const findings = findingsByRow(options.findings ?? []);
  const created = options.created ?? new Date().toISOString();
  const year = meta.fiscalYear === undefined ? "" : fiscalYearLabel(meta.fiscalYear);
  const deadline = deadlineLabel(options.deadline);
  const guard = entryGuard(table, settings);
  const scale = settings.profile.scale ?? DEFAULT_SCALE;
  const symbols = guard?.symbols ?? [...scale.symbols.map((s) => s.symbol), "-"];
  const id = masterId(meta.title, table.sheet);
  const plan = meta.title || table.sheet;

  const forms: DepartmentForm[] = [];
  for (const [department, rows] of departmentRows(table)) {
    const formRows: FormRow[] = [];
    const identityRowsMade: IdentityRow[] = [];
    rows.forEach(({ row, role }) => {
      const key = keys.get(row.sheetRow);
      if (!key) return;
      const formRow = FORM_HEADER_ROW + 1 + formRows.length;
      const values = columns.map((c) => (c.field ? fieldText(row, c.field) : role === "context" ? "（参考: 親項目）" : (findings.get(row.sheetRow) ?? "")));
      formRows.push({ formRow, role, values, item: row.item, height: rowHeight(values, columns) });
      identityRowsMade.push({
        formRow,
        key,
        masterRow: row.sheetRow,
        role,
        locked: lockedFingerprint(columns.filter((c) => c.field && !c.fill).map((c) => fieldText(row, c.field as Field))),
        sent: filled.map((f) => cellFingerprint(fieldText(row, f))),
      });
    });
    const identity: FormIdentity = {
      format: FORM_FORMAT,
      master: id,
      plan,
      ...(meta.fiscalYear === undefined ? {} : { fiscalYear: meta.fiscalYear }),
      department,
      created,
      ...(deadline && options.deadline ? { deadline: options.deadline } : {}),
      sheet: FORM_SHEET,
      headerRow: FORM_HEADER_ROW,
      columns: formColumns,
      filled: [...filled],
      rows: identityRowsMade,
    };
    const filledHeaders = columns.filter((c) => c.fill).map((c) => `「${c.header}」`).join("・");
    forms.push({
      department,
      fileName: `${safeFileName(`${year ? `${year}_` : ""}進捗調書_${department}`)}.xlsx`,
      sheet: FORM_SHEET,
      title: `${plan}${year ? `\u3000${year}` : ""}\u3000進捗状況の調書\u3000${department}${deadline ? `（締切 ${deadline}）` : ""}`,
      note: `黄色のセル（${filledHeaders}）に記入してください。評価はセルの ▼ から選べます。灰色の行は参考です。 / Fill in the yellow cells; grey rows are for reference.`,
      headerRow: FORM_HEADER_ROW,
      columns,
      rows: formRows,
      symbols,
      ratingPrompt: guard?.ratingPrompt ?? "",
      ratingError: guard?.ratingError ?? "",
      textPrompt: guard?.textPrompt ?? "",
      instructions: instructionsOf({ plan, year, department, deadline, contact: options.contact, filledHeaders, settings, textPrompt: guard?.textPrompt ?? "" }),
      identity,
    });
  }
  const assigned = new Set([...departmentRows(table).values()].flatMap((rows) => rows.filter((r) => r.role === "own").map((r) => r.row.sheetRow)));
  const unassigned = table.rows.filter((r) => !assigned.has(r.sheetRow)).map((r) => ({ item: r.item, title: r.title, sheetRow: r.sheetRow }));
  return { forms, unassigned, filled };
}

interface InstructionInput {
  plan: string;
  year: string;
  department: string;
  deadline: string | undefined;
  contact: string | undefined;
  filledHeaders: string;
  settings: PlanSettings;
  textPrompt: string;
}

/** What each symbol of the scale means: the profile's labels, or the plan's legend for S, A and B. */
function symbolLines(settings: PlanSettings): string[] {
  const scale = settings.profile.scale ?? DEFAULT_SCALE;
  const legend = settings.meta.legend as unknown as Record<string, string | undefined>;
  return [
    ...scale.symbols.map((s) => `${s.symbol}: ${(scale === DEFAULT_SCALE ? legend[s.symbol] : undefined) || s.label}`),
    "-: 評価しない（枝番の項目など）",
  ];
}

function instructionsOf(input: InstructionInput): InstructionLine[] {
  const line = (kind: InstructionLine["kind"], text: string): InstructionLine => ({ kind, text });
  return [
    line("title", `${input.plan}${input.year ? `\u3000${input.year}` : ""}\u3000進捗状況の調書（${input.department}）`),
    line("text", `Progress form of ${input.department}: fill in the yellow cells of the sheet 「${FORM_SHEET}」 and send the file back.`),
    line("heading", "締切 / Deadline"),
    line("text", input.deadline ?? "事務局からの連絡のとおり / as the section told you"),
    line("heading", "返送先 / Send it back to"),
    line("text", input.contact?.trim() || "この調書を送った事務局 / the section that sent this file"),
    line("heading", "記入するところ / What to fill in"),
    line("text", `「${FORM_SHEET}」シートの黄色のセル: ${input.filledHeaders}。ほかのセルは変更できません（変更が必要なときは返送先に連絡してください）。`),
    line("heading", "評価の記号 / Rating symbols"),
    ...symbolLines(input.settings).map((text) => line("text", text)),
    line("heading", "数値の書き方 / How to write numbers"),
    line("text", input.textPrompt),
    line("heading", FINDINGS_HEADER),
    line("text", "前回の点検で見つかった食い違い（評価と数値が合わないなど）を行ごとに示しています。返送の前に確かめて、必要なら直してください。 / Findings of the last check, beside each row: correct them before sending back."),
    line("heading", "お願い / Please"),
    line("text", "行の追加・削除・並べ替えはしないでください。項目を増やしたいときは返送先に連絡してください。 / Do not add, delete or move rows."),
    line("text", "このブックのまま保存して返送してください（ファイル名は変えてもかまいません。別のブックに写すと、照合に手間がかかります）。 / Save this workbook as it is and send it back; renaming the file is fine."),
    line("text", "セルに = で始まる式を書いても、式としては取り込まれません（文字として取り込みます）。 / A formula is taken as text, never as a formula."),
  ];
}
