import { rawText, type RawCell } from "../workbook/cells";
import { FIELDS, type ColumnMap, type Field } from "../workbook/columns";
import { fingerprint } from "./hash";

/**
 * The identity a department file carries in a hidden sheet (docs/contracts/roundtrip.md, "Identity"):
 * which master and fiscal year it was made from, for which department, where its sheet and columns
 * are, and for each of its rows the master row's key and the fingerprints of what was sent — the locked
 * cells together, and each cell to fill on its own. One key and one value per row, then one row per
 * table row, so that any tool keeps it and a person can read it.
 */
export const IDENTITY_SHEET = "計画進捗チェッカー調書ID";
export const FORM_FORMAT = "plan-progress-form/1";

/** The columns a department may fill; the others are locked. No., 枝番, 項目, 担当課 and 分野 never are. */
export const FILLABLE_FIELDS = ["rating", "result", "actions", "plan", "notes"] as const;
export type FillableField = (typeof FILLABLE_FIELDS)[number];
/** What a department fills unless the section chooses more: the rating and the results. */
export const DEFAULT_FILLED: readonly FillableField[] = ["rating", "result"];

export interface IdentityRow {
  /** 1-based row of the department file's sheet. */
  formRow: number;
  /** The master row's key (rows.ts, rowKeys). */
  key: string;
  /** The master row it was made from (1-based), when the file was made. */
  masterRow: number;
  /** The department's own row, or a parent shown for context (every cell locked). */
  role: "own" | "context";
  /** Fingerprint of the locked cells as sent. */
  locked: string;
  /** Fingerprint of each filled cell as sent, in the order of `filled`. */
  sent: string[];
}

export interface FormIdentity {
  format: string;
  /** The master's id (masterId). */
  master: string;
  /** The plan's title, for people. */
  plan: string;
  fiscalYear?: number;
  department: string;
  /** When the file was made (ISO 8601). */
  created: string;
  /** YYYY-MM-DD. */
  deadline?: string;
  /** The sheet holding the rows. */
  sheet: string;
  /** 1-based header row of that sheet. */
  headerRow: number;
  /** 0-based column of each field in that sheet. */
  columns: ColumnMap;
  /** The fields the department fills. */
  filled: FillableField[];
  rows: IdentityRow[];
}

/**
 * The master's id: a fingerprint of the plan's title (the table's sheet name when there is none).
 * Nothing is stored in the master for it: the same plan gives the same id in every copy of the
 * workbook, another plan another one. The fiscal year is checked apart.
 */
export function masterId(title: string, sheet: string): string {
  return fingerprint(["plan-progress-master", title.trim() || sheet]);
}

/** The fingerprint of a row's locked cells, in the order of the fields. */
export function lockedFingerprint(texts: readonly string[]): string {
  return fingerprint(texts.map((t) => t.trim()));
}

/** The fingerprint of one filled cell. */
export function cellFingerprint(text: string): string {
  return fingerprint([text.trim()]);
}

const ROWS_MARK = "rows";
const ROW_HEADER = ["formRow", "key", "masterRow", "role", "locked", "sent…"];

/** The identity as the rows of its sheet (every value a text). */
export function identityRows(identity: FormIdentity): string[][] {
  return [
    ["key", "value"],
    ["format", identity.format],
    ["master", identity.master],
    ["plan", identity.plan],
    ["fiscalYear", identity.fiscalYear === undefined ? "" : String(identity.fiscalYear)],
    ["department", identity.department],
    ["created", identity.created],
    ["deadline", identity.deadline ?? ""],
    ["sheet", identity.sheet],
    ["headerRow", String(identity.headerRow)],
    ["columns", JSON.stringify(identity.columns)],
    ["filled", identity.filled.join(",")],
    [ROWS_MARK, String(identity.rows.length)],
    ROW_HEADER,
    ...identity.rows.map((r) => [String(r.formRow), r.key, String(r.masterRow), r.role, r.locked, ...r.sent]),
  ];
}

const isFillable = (field: string): field is FillableField => (FILLABLE_FIELDS as readonly string[]).includes(field);

/**
 * The identity read back from its sheet's cells, or undefined when they are not one (another tool's
 * sheet, or one damaged beyond reading: the file is then matched as if it had none).
 */
export function identityFromRows(rows: readonly (readonly RawCell[] | undefined)[]): FormIdentity | undefined {
  const values = new Map<string, string>();
  let r = 0;
  for (; r < rows.length; r += 1) {
    const key = rawText(rows[r]?.[0]).trim();
    values.set(key, rawText(rows[r]?.[1]).trim());
    if (key === ROWS_MARK) break;
  }
  if (values.get("format") !== FORM_FORMAT) return undefined;
  const headerRow = Number(values.get("headerRow"));
  const count = Number(values.get(ROWS_MARK));
  if (!Number.isInteger(headerRow) || headerRow < 1 || !Number.isInteger(count) || count < 0) return undefined;
  let columns: ColumnMap;
  try {
    const parsed = JSON.parse(values.get("columns") ?? "") as Record<string, unknown>;
    columns = {};
    for (const [field, column] of Object.entries(parsed)) {
      if ((FIELDS as readonly string[]).includes(field) && Number.isInteger(column) && (column as number) >= 0) columns[field as Field] = column as number;
    }
  } catch {
    return undefined;
  }
  const filled = (values.get("filled") ?? "").split(",").filter(isFillable);
  const fiscalYear = Number(values.get("fiscalYear"));
  const identityRowsRead: IdentityRow[] = [];
  for (let i = 0; i < count; i += 1) {
    const row = rows[r + 2 + i] ?? [];
    const text = (c: number) => rawText(row[c]).trim();
    const formRow = Number(text(0));
    const masterRow = Number(text(2));
    const role = text(3);
    if (!Number.isInteger(formRow) || !text(1) || (role !== "own" && role !== "context")) return undefined;
    identityRowsRead.push({
      formRow,
      key: text(1),
      masterRow: Number.isInteger(masterRow) ? masterRow : 0,
      role,
      locked: text(4),
      sent: filled.map((_, k) => text(5 + k)),
    });
  }
  const deadline = values.get("deadline");
  return {
    format: FORM_FORMAT,
    master: values.get("master") ?? "",
    plan: values.get("plan") ?? "",
    ...(Number.isInteger(fiscalYear) && fiscalYear > 1900 ? { fiscalYear } : {}),
    department: values.get("department") ?? "",
    created: values.get("created") ?? "",
    ...(deadline ? { deadline } : {}),
    sheet: values.get("sheet") ?? "",
    headerRow,
    columns,
    filled,
    rows: identityRowsRead,
  };
}
