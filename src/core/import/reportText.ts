import { parseFiscalYear } from "../fiscalYear";
import { DEFAULT_PROFILE, type RatingProfile } from "../rating/profile";
import type { RatingScale } from "../rating/scale";
import { foldText } from "../text/fold";
import { htmlListToLines } from "../text/lines";
import { DEFAULT_LEGEND, type PlanMeta, type RatingLegend } from "../workbook/model";
import { repostOf } from "../workbook/rows";
import { tableRow, type TableRow } from "../workbook/table";
import { readCityText, type CityLayout } from "./cityText";
import { NO_JUDGEMENT, legendEntries, scaleFor, type ScaleSource } from "./legend";

/**
 * Reads a published progress report's text (tab-separated table pages as copied from the
 * published document, see seeds/README.md) into progress rows.
 *
 * The copy is lossy and this reader undoes what it can:
 * - merged cells (分野, a 実施内容 shared by several sub-items) appear once: fields shift left;
 * - No. and title share one field on some pages ("1 協働推進体制の充実") and not on others;
 * - a department can be missing (item 1): a rating follows the title directly;
 * - sub-items are written "- 1" or "-⇥1" under their parent;
 * - on some pages a row carries only one of plan / results: the tense of the text decides;
 * - HTML list markup (<ul …> a b c) becomes one bullet line per entry.
 */

export interface ImportedReport {
  meta: PlanMeta;
  /** The rows as they stand in the progress workbook the report becomes (its header in row 1). */
  rows: TableRow[];
  /**
   * What the import understood: the layout, the year and the scale and where each came from. Absent
   * for the Kodaira layout (its header, its S/A/B legend).
   */
  reading?: ImportReading;
  /** The profile to store with the workbook: the scale the report's ratings are on. */
  profile?: RatingProfile;
}

export interface ImportReading {
  layout: CityLayout;
  fiscalYear?: number;
  /** What said the year (a header, the grid's last column, 評価年度:…), in Japanese. */
  yearSource?: string;
  scaleSource: ScaleSource;
  /** Symbols a legend defines by achievement rates: the profile cannot hold the rates yet. */
  rates: Record<string, { min?: number; max?: number }>;
}

const RATING = /^[SAB]$/;
const SUB_MARKER = /^-\s*(\d+)$/;
const ITEM_WITH_TITLE = /^(\d+)\s+(\S.*)$/;
const NUMBER = /^\d+$/;

/** A header row of a table page: 項目 ⇥ 主な推進担当課 ⇥ 評価 … */
function isHeader(fields: string[]): boolean {
  return fields[0]?.trim() === "項目" && fields.some((f) => f.includes("評価"));
}

function trimTrailingEmpty(fields: string[]): string[] {
  const out = [...fields];
  while (out.length > 0 && out[out.length - 1]?.trim() === "") out.pop();
  return out;
}

function cleanText(text: string): string {
  return htmlListToLines(text.trim());
}

// ---------------------------------------------------------------------------------------------
// Which column a lone text belongs to

/** Sentence endings of intentions (plans) and of facts in the past (results). */
const PAST_ENDING = /(た|った|いた|した|れた|えた|だ|ている)[。.]?$/;
const FUTURE_ENDING = /(る|う|く|す|ぐ|む|つ|ける|図る|行う|努める|いく|予定|目指す)[。.]?$/;

/** Clauses of a text: sentences (。) and bullet entries (・ or line breaks). */
function clauses(text: string): string[] {
  return text
    .replace(/[(（][^()（）]*[)）]\s*$/, "") // the trailing metrics block says nothing of tense
    .split(/[。\n]|\s+・|^・/)
    .map((c) => c.trim().replace(/^・/, ""))
    .filter((c) => c.length > 0);
}

export type TextKind = "plan" | "result";

/** Judges a text by its tense: more clauses in the past → results; otherwise a plan. */
export function judgeTense(text: string): TextKind {
  let past = 0;
  let future = 0;
  for (const clause of clauses(text)) {
    if (PAST_ENDING.test(clause)) past += 1;
    else if (FUTURE_ENDING.test(clause)) future += 1;
  }
  return past > future ? "result" : "plan";
}

/** 実施内容 entries are short noun phrases ("・行政評価の実施"), without sentences or values. */
function looksLikeActions(text: string): boolean {
  return !/[。]/.test(text) && !/[(（][^)）]*\d[^)）]*[)）]\s*$/.test(text) && repostOf(text) === undefined;
}

// ---------------------------------------------------------------------------------------------
// Rows

interface RowHead {
  category?: string;
  no?: number;
  sub?: number;
  title: string;
  department: string;
  rating: string;
  texts: string[];
}

/** Reads category, number, title, department and rating; the rest are the text cells. */
function readHead(fields: string[]): RowHead | undefined {
  let i = 0;
  let category: string | undefined;
  const first = fields[0]?.trim() ?? "";
  const startsWithMarker =
    SUB_MARKER.test(first) || ITEM_WITH_TITLE.test(first) || NUMBER.test(first) || (first === "-" && NUMBER.test(fields[1]?.trim() ?? ""));
  if (!startsWithMarker) {
    category = first.replace(/\s+/g, "") || undefined;
    i = 1;
  }
  const marker = fields[i]?.trim() ?? "";
  let no: number | undefined;
  let sub: number | undefined;
  let title = "";
  const subMatch = SUB_MARKER.exec(marker);
  const itemMatch = ITEM_WITH_TITLE.exec(marker);
  if (subMatch) {
    sub = Number(subMatch[1]);
    i += 1;
    if ((fields[i]?.trim() ?? "") === "" && (fields[i + 1]?.trim() ?? "") !== "") i += 1; // empty title column
  } else if (marker === "-" && NUMBER.test(fields[i + 1]?.trim() ?? "")) {
    sub = Number(fields[i + 1]?.trim());
    i += 2;
  } else if (itemMatch) {
    no = Number(itemMatch[1]);
    title = itemMatch[2]?.trim() ?? "";
    i += 1;
  } else if (NUMBER.test(marker)) {
    no = Number(marker);
    title = fields[i + 1]?.trim() ?? "";
    i += 2;
  } else {
    return undefined;
  }

  let department = "";
  let rating = "";
  if (sub !== undefined) {
    department = fields[i]?.trim() ?? "";
    rating = fields[i + 1]?.trim() ?? "";
    i += 2;
  } else if (RATING.test(fields[i]?.trim() ?? "")) {
    rating = fields[i]?.trim() ?? ""; // the department cell is missing
    i += 1;
  } else {
    department = fields[i]?.trim() ?? "";
    rating = fields[i + 1]?.trim() ?? "";
    i += 2;
  }
  return { category, no, sub, title, department, rating, texts: trimTrailingEmpty(fields.slice(i)) };
}

interface TextCells {
  actions: string;
  plan: string;
  result: string;
}

/**
 * Places the text fields of a row in 実施内容 / 当初予定 / 取組実績.
 * @param actionsShared the row is a sub-item under a sibling whose 実施内容 spans it (merged cell)
 */
function placeTexts(texts: string[], actionsShared: boolean): TextCells {
  const [a = "", b = "", c = ""] = texts.map((t) => t.trim());
  if (texts.length >= 3) return { actions: a, plan: b, result: c };
  if (texts.length === 2) {
    if (repostOf(a) !== undefined) return { actions: a, plan: b, result: "" };
    if (looksLikeActions(a) && !actionsShared) {
      return judgeTense(b) === "result" ? { actions: a, plan: "", result: b } : { actions: a, plan: b, result: "" };
    }
    return { actions: "", plan: a, result: b };
  }
  if (texts.length === 1) {
    if (looksLikeActions(a)) return { actions: a, plan: "", result: "" };
    return judgeTense(a) === "result" ? { actions: "", plan: "", result: a } : { actions: "", plan: a, result: "" };
  }
  return { actions: "", plan: "", result: "" };
}

// ---------------------------------------------------------------------------------------------
// Metadata

function readMeta(lines: string[]): PlanMeta {
  const titleLine = lines.find((l) => /の進捗状況/.test(l))?.trim() ?? "";
  const title = titleLine.replace(/\s*の進捗状況.*$/, "").trim();
  const period = /[（(]([^）)]*年度末?)[）)]/.exec(titleLine)?.[1];
  const header = lines.find((l) => isHeader(l.split("\t"))) ?? "";
  const evaluationDate = /取組実績\s*[(（]\s*([^)）]*?)実績値/.exec(header)?.[1]?.trim();
  const planHeader = /([^\t]*?)当初予定/.exec(header)?.[1]?.trim();
  const fiscalYear =
    (period ? parseFiscalYear(period) : undefined) ?? (planHeader ? parseFiscalYear(planHeader) : undefined);
  const legend: RatingLegend = { ...DEFAULT_LEGEND };
  for (const line of lines) {
    const m = /^\s*「?([SAB])」?\s*[：:]\s*(\S+)\s*$/.exec(line);
    if (m?.[1] && m[2]) legend[m[1] as keyof RatingLegend] = m[2];
  }
  return {
    title,
    ...(fiscalYear === undefined ? {} : { fiscalYear }),
    ...(evaluationDate ? { evaluationDate } : {}),
    legend,
  };
}

// ---------------------------------------------------------------------------------------------

/**
 * Reads a published report's text: Kodaira's tab-separated pages (a header row 項目 ⇥ … ⇥ 評価), else any
 * city's layout that src/core/import/cityText.ts reads (a header table, item blocks, an item's form, a
 * year grid, a sideways table). No rows when neither finds a table.
 */
export function importReportText(text: string): ImportedReport {
  const kodaira = importKodairaText(text);
  if (kodaira.rows.length > 0) return kodaira;
  return importCityText(text) ?? kodaira;
}

/**
 * A rating as the scale writes it: spaces a PDF put between letters taken out (達 成 → 達成). A word that
 * gives no judgement ((未確定)) stays as written: the check says it is not on the scale.
 */
function ratingWritten(written: string): string {
  const compact = foldText(written).replace(/\s+/g, "");
  return NO_JUDGEMENT.test(compact) ? written.trim() : compact;
}

function importCityText(text: string): ImportedReport | undefined {
  const reading = readCityText(text);
  if (!reading || reading.rows.length === 0) return undefined;
  const ratings = reading.rows.map((row) => ratingWritten(row.rating));
  const scaleRead = scaleFor(ratings, legendEntries(text));
  const scale: RatingScale = scaleRead.scale;
  // The numbers a No. column wrote, when every row has one and none repeats; else the order of the rows.
  const written = reading.rows.map((row) => row.no);
  const numbered = written.every((n) => n !== undefined) && new Set(written).size === written.length;
  const rows = reading.rows.map((row, i) => {
    const no = numbered ? (row.no ?? i + 1) : i + 1;
    return tableRow(
      {
        sheetRow: i + 2,
        category: row.category,
        no,
        title: row.title,
        department: row.department,
        ratingWritten: ratings[i] ?? "",
        actions: "",
        plan: row.plan,
        result: row.result,
        notes: row.notes,
        noWritten: String(no),
        subWritten: "",
        errors: [],
      },
      scale,
    );
  });
  const legend: RatingLegend = { ...DEFAULT_LEGEND };
  return {
    meta: { title: reading.title, ...(reading.fiscalYear === undefined ? {} : { fiscalYear: reading.fiscalYear }), legend },
    rows,
    reading: {
      layout: reading.layout,
      ...(reading.fiscalYear === undefined ? {} : { fiscalYear: reading.fiscalYear }),
      ...(reading.yearSource ? { yearSource: reading.yearSource } : {}),
      scaleSource: scaleRead.source,
      rates: scaleRead.rates,
    },
    profile: { ...DEFAULT_PROFILE, scale },
  };
}

function importKodairaText(text: string): ImportedReport {
  const lines = text.replace(/\r\n?/g, "\n").split("\n");
  const rows: TableRow[] = [];
  let inTable = false;
  let category = "";
  let parent: number | undefined;
  let siblingHadActions = false;

  for (const line of lines) {
    const fields = line.split("\t");
    if (isHeader(fields)) {
      inTable = true;
      continue;
    }
    if (!inTable || line.trim() === "") continue;
    const head = readHead(fields);
    if (!head) continue;
    if (head.category) category = head.category;
    let cells: TextCells;
    if (head.sub === undefined) {
      parent = head.no;
      siblingHadActions = false;
      cells = placeTexts(head.texts, false);
    } else {
      cells = placeTexts(head.texts, siblingHadActions);
      if (head.texts.length >= 3) siblingHadActions = true;
    }
    const no = head.sub === undefined ? (head.no ?? 0) : (parent ?? 0);
    rows.push(
      tableRow({
        sheetRow: rows.length + 2,
        category,
        no,
        ...(head.sub === undefined ? {} : { sub: head.sub }),
        title: head.title,
        department: head.department,
        ratingWritten: head.rating,
        actions: cleanText(cells.actions),
        plan: cleanText(cells.plan),
        result: cleanText(cells.result),
        notes: "",
        noWritten: String(no),
        subWritten: head.sub === undefined ? "" : String(head.sub),
        errors: [],
      }),
    );
  }
  return { meta: readMeta(lines), rows };
}
