import type { GuardRange } from "./model";
import { parseRatingProfile, DEFAULT_PROFILE, RatingProfileError, type RatingProfile } from "../rating/profile";
import { rawText, type RawCell } from "./cells";
import { FIELDS, type ColumnMap } from "./columns";
import { DEFAULT_LEGEND, type PlanMeta } from "./model";

/**
 * The add-in's settings sheet: hidden, created on request, never holding user data. One key and one
 * value per row, so that a person can read it and any tool can write it.
 */
export const SETTINGS_SHEET = "計画進捗チェッカー設定";
export const SETTINGS_FORMAT = "plan-progress/1";

export interface IgnoredFinding {
  code: string;
  item: string;
  reason: string;
}

export interface PlanSettings {
  meta: PlanMeta;
  profile: RatingProfile;
  /** A user's column mapping (0-based columns), overriding detection. */
  mapping?: ColumnMap;
  ignored: IgnoredFinding[];
  /** The sheets on which the add-in put cell marks (conditional formats it recognises by their rule). */
  marks?: { sheet: string }[];
  /** Sheets the add-in made (the report): only these may be replaced. */
  generated?: string[];
  /** Where the add-in set entry guards (data validation), to remove exactly those. */
  guards?: GuardRange[];
}

export const DEFAULT_SETTINGS: PlanSettings = {
  meta: { title: "", legend: DEFAULT_LEGEND },
  profile: DEFAULT_PROFILE,
  ignored: [],
};

export type SettingsRow = [key: string, value: string | number];

export function settingsToRows(settings: PlanSettings): SettingsRow[] {
  const { meta } = settings;
  const rows: SettingsRow[] = [
    ["key", "value"],
    ["format", SETTINGS_FORMAT],
    ["plan.title", meta.title],
    ["plan.fiscalYear", meta.fiscalYear ?? ""],
    ["plan.evaluationDate", meta.evaluationDate ?? ""],
    ["legend.S", meta.legend.S],
    ["legend.A", meta.legend.A],
    ["legend.B", meta.legend.B],
  ];
  const profile = settings.profile;
  if (profile !== DEFAULT_PROFILE && JSON.stringify(profile) !== JSON.stringify(DEFAULT_PROFILE)) {
    rows.push(["profile", JSON.stringify(profile)]);
  }
  if (settings.mapping && Object.keys(settings.mapping).length > 0) rows.push(["columns", JSON.stringify(settings.mapping)]);
  if (settings.ignored.length > 0) rows.push(["ignored", JSON.stringify(settings.ignored)]);
  if (settings.marks && settings.marks.length > 0) rows.push(["marks", JSON.stringify(settings.marks)]);
  if (settings.generated && settings.generated.length > 0) rows.push(["generated", JSON.stringify(settings.generated)]);
  if (settings.guards && settings.guards.length > 0) rows.push(["guards", JSON.stringify(settings.guards)]);
  return rows.flatMap(cellSized);
}

/** Characters a cell holds at most ("Total number of characters that a cell can contain: 32,767" — Excel specifications and limits). */
export const CELL_TEXT_LIMIT = 32_767;

/**
 * A value longer than a cell holds (many ignored findings with their reasons) is written over several
 * rows, "ignored", "ignored#2", "ignored#3" …, and joined again when read. A cut never splits a
 * character written as two code units.
 */
function cellSized([key, value]: SettingsRow): SettingsRow[] {
  if (typeof value !== "string" || value.length <= CELL_TEXT_LIMIT) return [[key, value]];
  const rows: SettingsRow[] = [];
  for (let start = 0; start < value.length; ) {
    let end = Math.min(value.length, start + CELL_TEXT_LIMIT);
    const last = value.charCodeAt(end - 1);
    if (end < value.length && last >= 0xd800 && last <= 0xdbff) end -= 1;
    rows.push([rows.length === 0 ? key : `${key}#${rows.length + 1}`, value.slice(start, end)]);
    start = end;
  }
  return rows;
}

export interface SettingsRead {
  settings: PlanSettings;
  /** What could not be read, in Japanese then English; the defaults were kept for those parts. */
  problems: string[];
}

function parseJson(text: string, key: string, problems: string[]): unknown {
  try {
    return JSON.parse(text);
  } catch {
    problems.push(`設定 ${key} を読み取れません / cannot read setting ${key}`);
    return undefined;
  }
}

export function settingsFromRows(rows: readonly (readonly RawCell[])[]): SettingsRead {
  // A long value continues on rows "key#2", "key#3" … (see cellSized): joined before it is trimmed.
  const parts = new Map<string, string[]>();
  for (const row of rows) {
    if (!row) continue; // rows the sheet does not hold
    const written = rawText(row[0]).trim();
    if (!written || written === "key") continue;
    const continued = /^(.+)#(\d+)$/.exec(written);
    const key = continued?.[1] ?? written;
    const index = continued ? Number(continued[2]) - 1 : 0;
    const list = parts.get(key) ?? [];
    list[index] = rawText(row[1]);
    parts.set(key, list);
  }
  const values = new Map([...parts].map(([key, list]) => [key, list.join("").trim()]));
  const problems: string[] = [];
  const fiscalYear = Number(values.get("plan.fiscalYear"));
  const meta: PlanMeta = {
    title: values.get("plan.title") ?? "",
    ...(Number.isInteger(fiscalYear) && fiscalYear > 1900 ? { fiscalYear } : {}),
    ...(values.get("plan.evaluationDate") ? { evaluationDate: values.get("plan.evaluationDate") } : {}),
    legend: {
      S: values.get("legend.S") || DEFAULT_LEGEND.S,
      A: values.get("legend.A") || DEFAULT_LEGEND.A,
      B: values.get("legend.B") || DEFAULT_LEGEND.B,
    },
  };
  let profile = DEFAULT_PROFILE;
  const rawProfile = values.get("profile");
  if (rawProfile) {
    try {
      profile = parseRatingProfile(parseJson(rawProfile, "profile", problems));
    } catch (error) {
      if (!(error instanceof RatingProfileError)) throw error;
      problems.push(...error.problems);
    }
  }
  let mapping: ColumnMap | undefined;
  const rawColumns = values.get("columns");
  if (rawColumns) {
    const parsed = parseJson(rawColumns, "columns", problems);
    if (parsed && typeof parsed === "object") {
      mapping = {};
      for (const [field, column] of Object.entries(parsed as Record<string, unknown>)) {
        if ((FIELDS as readonly string[]).includes(field) && Number.isInteger(column) && (column as number) >= 0) {
          mapping[field as keyof ColumnMap] = column as number;
        } else {
          problems.push(`列の指定 ${field} が正しくありません / invalid column mapping for ${field}`);
        }
      }
    }
  }
  const ignored: IgnoredFinding[] = [];
  const rawIgnored = values.get("ignored");
  if (rawIgnored) {
    const parsed = parseJson(rawIgnored, "ignored", problems);
    if (Array.isArray(parsed)) {
      for (const entry of parsed) {
        const e = entry as Partial<IgnoredFinding>;
        if (typeof e.code === "string" && typeof e.item === "string") ignored.push({ code: e.code, item: e.item, reason: String(e.reason ?? "") });
      }
    }
  }
  const marks: { sheet: string }[] = [];
  const rawMarks = values.get("marks");
  if (rawMarks) {
    const parsed = parseJson(rawMarks, "marks", problems);
    if (Array.isArray(parsed)) {
      for (const entry of parsed as { sheet?: unknown }[]) {
        if (typeof entry?.sheet === "string") marks.push({ sheet: entry.sheet });
      }
    }
  }
  const generatedRaw = values.get("generated");
  const generatedParsed = generatedRaw ? parseJson(generatedRaw, "generated", problems) : undefined;
  const generated = Array.isArray(generatedParsed) ? generatedParsed.filter((n): n is string => typeof n === "string") : [];
  const guardsRaw = values.get("guards");
  const guardsParsed = guardsRaw ? parseJson(guardsRaw, "guards", problems) : undefined;
  const guards = (Array.isArray(guardsParsed) ? guardsParsed : []).filter(
    (g): g is GuardRange =>
      typeof g?.sheet === "string" && [g.column, g.first, g.last].every((n) => Number.isInteger(n) && n >= 0) && (g.kind === "rating" || g.kind === "text"),
  );
  return {
    settings: {
      meta,
      profile,
      ...(mapping ? { mapping } : {}),
      ignored,
      ...(marks.length ? { marks } : {}),
      ...(generated.length ? { generated } : {}),
      ...(guards.length ? { guards } : {}),
    },
    problems,
  };
}
