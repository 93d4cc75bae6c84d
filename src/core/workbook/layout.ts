import { findFiscalYear } from "../fiscalYear";
import { DEFAULT_SCALE, bandsOfMeaning, bareRating, foldSymbol, isPendingWord, suggestScale, type RatingScale, type ScaleSymbol } from "../rating/scale";
import { foldText, foldWidth, hasMoreNonSpaceThan } from "../text/fold";
import { CIRCLED_MARKERS } from "../text/markers";
import { isBlankRow, isErrorCell, rawText, type RawCell, type SheetGrid } from "./cells";
import { FIELDS, missingFields, type ColumnMap, type Field } from "./columns";
import { CORE_ROLES, classifyHeader, foldHeader, tooLongForHeader, type HeaderMeaning, type HeaderRole } from "./headers";
import { findLegends, looksLikeLegend, type Legend } from "./legend";
import { readItemNumber, readSubNumber, tableRow, type CellError, type CellPosition, type ReadProblem, type RowInput, type TableRow, type YearValues } from "./rows";
import type { LayoutKind, Understood, UnderstoodRole, UnderstoodScale, UnderstoodYear, YearSource } from "./understood";

/**
 * Reading a sheet in its own layout (docs/contracts/workbook.md, "Reading any city's layout"): a table with
 * one row per item (Kodaira), with its header repeated above each part (佐渡市), with a column per year
 * (関市), with two rows per item (目標 / 実績: 荒尾市), a sideways table (items across as columns: 下田市),
 * or one block of labels and values per item (川崎市). The layout, the header row, the year, the numbering
 * and the rating scale are found here and said in `Understood`; the rows come out as the one TableRow
 * shape every rule reads.
 */

/** How far down a sheet the header row (or the labels of a sideways table) is looked for. */
export const LAYOUT_SEARCH_ROWS = 40;

/** A sheet as the file port hands it: with its merged areas ([row, column, height, width], 0-based). */
export type LayoutGrid = SheetGrid & { merges?: readonly (readonly number[])[] };

export interface LayoutOptions {
  /** A user's column mapping (0-based columns): it overrides detection, and makes the sheet a table. */
  mapping?: ColumnMap;
  /** The scale the profile states (a setting, an option); without one the sheet's legend or symbols say it. */
  scale?: RatingScale;
  scaleSource?: "settings" | "option";
  /** The year evaluated a setting or an option states: a year grid's columns of that year are read. */
  fiscalYear?: number;
  fiscalYearSource?: "settings" | "option";
  /**
   * Symbols used on the workbook's other sheets: a scale guessed from symbols is guessed from all of
   * them (one plan, one scale — 佐渡市's departments rate on one A–E scale, a department using A alone).
   */
  workbookSymbols?: readonly string[];
}

export interface LayoutRead {
  /** 0-based first header row, when there is one. */
  headerRow?: number;
  columns: ColumnMap;
  headers: Partial<Record<Field, string>>;
  headerCells: string[];
  rows: TableRow[];
  problems: ReadProblem[];
  understood: Understood;
  /** Required roles not found: nothing is read then. */
  missing: Field[];
}

type Meaning = HeaderMeaning | undefined;

/**
 * What a read learns of a sheet's first rows that its merged areas do not change: each text's meaning
 * as a header and its folded form (each text folded once), each row's meanings, the legends among the
 * first rows, the best column of labels and the era the sheet writes. Made once per sheet by the read
 * (readTable) and handed from the choice of the table's sheet to the reading of it, so that the layout is
 * detected once; never kept between reads. `rows` are the sheet's rows (or its first rows: only the
 * first LAYOUT_SEARCH_ROWS are looked at).
 */
export class SheetScan {
  private readonly meanings = new Map<string, Meaning>();
  private readonly folded = new Map<string, string>();
  /** Each row's meanings, cell by cell (first rows only). */
  readonly rowMeanings = new Map<number, Meaning[]>();
  /** Each row's non-empty columns (first rows only; never changed by those who ask). */
  readonly filled = new Map<number, readonly number[]>();
  /** Rows of the legends among the first rows. */
  legendRows?: ReadonlySet<number>;
  /** The best column of labels (a sideways table, blocks), null for none. */
  labels?: LabelCandidate | null;
  era?: { value: Era };
  /** Each text's meaning as a header, classified once. */
  classify(text: string): Meaning {
    // A long text (a row's prose) is no header: neither classified nor kept.
    if (tooLongForHeader(text)) return undefined;
    if (this.meanings.has(text)) return this.meanings.get(text);
    const meaning = classifyHeader(text);
    this.meanings.set(text, meaning);
    return meaning;
  }
  /** Each text folded as a header is (foldHeader), once. */
  foldHeader(text: string): string {
    let folded = this.folded.get(text);
    if (folded === undefined) {
      folded = foldHeader(text);
      this.folded.set(text, folded);
    }
    return folded;
  }
}

/** The text of the cells of a sheet, trimmed, each read once. */
class Sheet {
  readonly rows: readonly RawCell[][];
  private readonly merged = new Map<string, string>();
  constructor(
    readonly grid: LayoutGrid,
    readonly scan: SheetScan = new SheetScan(),
  ) {
    this.rows = grid.rows;
    for (const merge of grid.merges ?? []) {
      const [r0 = 0, c0 = 0, height = 1, width = 1] = merge;
      if (width < 2 || r0 >= LAYOUT_SEARCH_ROWS) continue;
      const text = this.text(r0, c0);
      for (let r = r0; r < r0 + height; r += 1) for (let c = c0; c < c0 + width; c += 1) if (r !== r0 || c !== c0) this.merged.set(`${r}:${c}`, text);
    }
  }
  text(r: number, c: number): string {
    return rawText(this.rows[r]?.[c]).trim();
  }
  /** The text shown at a cell: a merged area's value in each of its cells (first rows only). */
  shown(r: number, c: number): string {
    const own = this.text(r, c);
    return own !== "" ? own : (this.merged.get(`${r}:${c}`) ?? "");
  }
  isMergedCopy(r: number, c: number): boolean {
    return this.merged.has(`${r}:${c}`);
  }
  width(r: number): number {
    return this.rows[r]?.length ?? 0;
  }
  /** Columns of the non-empty cells of a row (error values count: they are reported); the first rows' found once. */
  filled(r: number): readonly number[] {
    if (r >= LAYOUT_SEARCH_ROWS) return this.filledOf(r);
    let out = this.scan.filled.get(r);
    if (!out) {
      out = this.filledOf(r);
      this.scan.filled.set(r, out);
    }
    return out;
  }
  private filledOf(r: number): number[] {
    const row = this.rows[r] ?? [];
    const out: number[] = [];
    for (let c = 0; c < row.length; c += 1) {
      const cell = row[c];
      if (isErrorCell(cell) || rawText(cell).trim() !== "") out.push(c);
    }
    return out;
  }
  line(r: number): string {
    return this.filled(r)
      .map((c) => this.text(r, c))
      .join(" ");
  }
}

// ---------------------------------------------------------------------------------------------------
// Finding the layout

interface HeaderCandidate {
  row: number;
  rows: 1 | 2;
  texts: string[];
  meanings: Meaning[];
  score: number;
}

interface LabelRow {
  row: number;
  meaning: HeaderMeaning;
  /** A value stands to the right of the label. */
  valued: boolean;
}

interface LabelCandidate {
  column: number;
  labels: LabelRow[];
  repeating: boolean;
  score: number;
}

const isCore = (role: HeaderRole | undefined) => role !== undefined && (CORE_ROLES as readonly string[]).includes(role);
const hasYear = (m: Meaning) => m !== undefined && (m.fiscalYear !== undefined || m.eraless !== undefined);

/** A header row's weight: each role found (an alias counts more than a word inside a header), the year columns. */
function scoreOf(meanings: readonly Meaning[]): number {
  const roles = new Map<HeaderRole, boolean>();
  let withRole = 0;
  let years = 0;
  for (const m of meanings) {
    if (!m) continue;
    if (m.role === "legend") continue;
    withRole += 1;
    if (hasYear(m) && (m.role === "plan" || m.role === "result" || m.role === "year")) years += 1;
    if (isCore(m.role)) roles.set(m.role, (roles.get(m.role) ?? false) || m.exact);
  }
  if (withRole < 2 || roles.size === 0) return 0;
  let score = 0;
  for (const exact of roles.values()) score += exact ? 1 : 0.6;
  const results = roles.has("result") || years >= 2;
  if (roles.has("rating") && (roles.has("plan") || results)) score += 1;
  if (roles.has("rating") && roles.has("plan") && results) score += 0.5;
  if (years >= 2) score += 0.5;
  return score;
}

function meaningsOf(sheet: Sheet, r: number, cache: Map<number, Meaning[]>): Meaning[] {
  let meanings = cache.get(r);
  if (!meanings) {
    meanings = [];
    for (let c = 0; c < sheet.width(r); c += 1) meanings.push(sheet.scan.classify(sheet.text(r, c)));
    cache.set(r, meanings);
  }
  return meanings;
}

/** Two header rows read as one: a group heading over its columns (平成17年度 over 目標 | 実績, or 目標 over H17 | H18). */
function combined(sheet: Sheet, r: number): { texts: string[]; meanings: Meaning[] } | undefined {
  // The upper row must read as group headings (目標, 平成17年度, 本事業における重要業績評価指標(KPI)): a title
  // line — one long cell — never joins a header.
  const upper = sheet.filled(r).map((c) => sheet.text(r, c));
  if (upper.length < 2 || upper.some((t) => hasMoreNonSpaceThan(t, 30) || sheet.scan.foldHeader(t).length > 30 || /。|です|ます|[、,]$/.test(t.trim())) || !upper.some((t) => sheet.scan.classify(t) !== undefined)) return undefined;
  // The lower row must read as headings too: most of its cells name something, none is a number (data).
  const lower = sheet.filled(r + 1).filter((c) => !sheet.isMergedCopy(r + 1, c)).map((c) => sheet.rows[r + 1]?.[c]);
  const named = lower.filter((cell) => sheet.scan.classify(rawText(cell)) !== undefined).length;
  if (lower.some((cell) => typeof cell === "number") || named * 2 < lower.length) return undefined;
  const width = Math.max(sheet.width(r), sheet.width(r + 1));
  const texts: string[] = [];
  const meanings: Meaning[] = [];
  let joined = 0;
  let left = "";
  for (let c = 0; c < width; c += 1) {
    const top = sheet.shown(r, c);
    // A cell merged down over both rows (No, 評価) shows once, in the upper row.
    const under = sheet.isMergedCopy(r + 1, c) && sheet.shown(r + 1, c) === top ? "" : sheet.shown(r + 1, c);
    // Without merges (Excel hands values only), a group heading stands over the empty cells to its right.
    const over = top !== "" ? top : under !== "" && left !== "" && !sheet.isMergedCopy(r, c) && sheet.grid.merges === undefined ? left : "";
    if (sheet.text(r, c) !== "") left = sheet.text(r, c);
    if (over !== "" && under !== "" && over !== under) joined += 1;
    texts.push([over, under].filter((t, i, all) => t !== "" && all.indexOf(t) === i).join(" "));
    // The column's own heading (the lower row) says its role; the group heading what the lower one lacks
    // (a role, a year): 「令和2年度当初予定 (目標値)」 over 「指標値」 is a plan of 2020.
    const own = under === "" ? undefined : sheet.scan.classify(under);
    const group = over === "" ? undefined : sheet.scan.classify(over);
    // A year alone under 目標 (H17 | H18) is the group's role of that year.
    const yearUnder = own?.role === "year" && group && (group.role === "plan" || group.role === "result");
    const role = yearUnder ? { ...group, ...(own.fiscalYear === undefined ? {} : { fiscalYear: own.fiscalYear }), ...(own.eraless === undefined ? {} : { eraless: own.eraless }) } : (own ?? group ?? sheet.scan.classify(texts[c] ?? ""));
    meanings.push(
      role && (role.fiscalYear ?? role.eraless) === undefined && group && (group.fiscalYear !== undefined || group.eraless !== undefined)
        ? { ...role, ...(group.fiscalYear === undefined ? {} : { fiscalYear: group.fiscalYear }), ...(group.eraless === undefined ? {} : { eraless: group.eraless }) }
        : role,
    );
  }
  if (joined === 0) return undefined;
  return { texts, meanings };
}

function headerCandidates(sheet: Sheet, skip: ReadonlySet<number>, limit: number, cache: Map<number, Meaning[]>): HeaderCandidate[] {
  const out: HeaderCandidate[] = [];
  for (let r = 0; r < limit; r += 1) {
    if (skip.has(r)) continue;
    const meanings = meaningsOf(sheet, r, cache);
    const texts = Array.from({ length: sheet.width(r) }, (_, c) => sheet.text(r, c));
    const score = scoreOf(meanings);
    if (score > 0) out.push({ row: r, rows: 1, texts, meanings, score });
    if (r + 1 < limit && !skip.has(r + 1) && sheet.filled(r + 1).length >= 2) {
      const two = combined(sheet, r);
      if (two) {
        const twoScore = scoreOf(two.meanings);
        // The lower row reads as headings too (combined checks it): on a tie the two rows say more than one.
        if (twoScore > 0 && twoScore >= Math.max(score, scoreOf(meaningsOf(sheet, r + 1, cache)))) out.push({ row: r, rows: 2, texts: two.texts, meanings: two.meanings, score: twoScore + 0.1 });
      }
    }
  }
  return out;
}

function labelCandidate(sheet: Sheet, column: number, skip: ReadonlySet<number>, limit: number, cache: Map<number, Meaning[]>): LabelCandidate | undefined {
  const labels: LabelRow[] = [];
  for (let r = 0; r < limit; r += 1) {
    if (skip.has(r)) continue;
    const text = sheet.text(r, column);
    if (text === "") continue;
    const meaning = meaningsOf(sheet, r, cache)[column];
    if (!meaning) continue;
    // A header row of a table is no row of labels.
    const others = meaningsOf(sheet, r, cache).filter((m, c) => c !== column && m?.exact === true && isCore(m.role)).length;
    if (others >= 2) continue;
    const valued = sheet.filled(r).some((c) => c > column);
    labels.push({ row: r, meaning, valued });
  }
  const roles = new Map<HeaderRole, boolean>();
  const counts = new Map<HeaderRole, number>();
  for (const label of labels) {
    if (!isCore(label.meaning.role) || !(label.valued || label.meaning.role === "title")) continue;
    roles.set(label.meaning.role, (roles.get(label.meaning.role) ?? false) || label.meaning.exact);
    counts.set(label.meaning.role, (counts.get(label.meaning.role) ?? 0) + 1);
  }
  const exactCount = (role: HeaderRole) => labels.filter((l) => l.meaning.role === role && l.meaning.exact && l.valued).length;
  const repeating = exactCount("plan") >= 2 && exactCount("result") >= 2;
  const rating = roles.has("rating");
  const plan = roles.has("plan");
  const result = roles.has("result");
  if (!(rating && (plan || result)) && !repeating) return undefined;
  let score = 0;
  for (const exact of roles.values()) score += exact ? 1 : 0.6;
  if (rating && (plan || result)) score += 1;
  if (rating && plan && result) score += 0.5;
  if (repeating) score += 1;
  return { column, labels, repeating, score };
}

/** A year the sheet writes with its era, in its first rows (平成28年度): the era of its years written without one. */
type Era = number | undefined;
function eraOf(sheet: Sheet, limit: number): Era {
  for (let r = 0; r < limit; r += 1) {
    for (const c of sheet.filled(r)) {
      const found = findFiscalYear(sheet.text(r, c));
      if (found && /令和|平成|[RH]\s*\d/.test(found.text)) return found.fiscalYear;
    }
  }
  return undefined;
}

/**
 * A year written without its era (27年度目標値): of 令和n and 平成n, the one nearest the year the sheet
 * names with its era and not after it (a report of 平成28年度 speaks of 27年度 = 2015; one of 令和6年度 of
 * 5年度 = 2023); with no such year, 令和 for 1–8, else 平成.
 */
function eralessYear(n: number, era: Era): number {
  const reiwa = 2018 + n;
  const heisei = 1988 + n;
  if (era === undefined) return n <= 8 ? reiwa : heisei;
  const candidates = [reiwa, heisei].filter((y) => y <= era + 1);
  return candidates.length > 0 ? Math.max(...candidates) : heisei;
}

function yearOf(meaning: Meaning, era: Era): number | undefined {
  if (!meaning) return undefined;
  if (meaning.fiscalYear !== undefined) return meaning.fiscalYear;
  return meaning.eraless === undefined ? undefined : eralessYear(meaning.eraless, era);
}

// ---------------------------------------------------------------------------------------------------
// Reading

interface Draft {
  input: RowInput;
  /** The row holds a rating cell (or the rating read from its results). */
  ratingText: string;
}

interface Reading {
  layout: LayoutKind;
  headerRow?: number;
  headerRows?: number;
  labelColumn?: number;
  columns: ColumnMap;
  headers: Partial<Record<Field, string>>;
  headerCells: string[];
  roles: UnderstoodRole[];
  /** Each rating as written, with how many rows hold it (for the scale). */
  ratings: Map<string, number>;
  /** The results texts (for the year, when nothing else names it). */
  results: () => string[];
  /** The rows, read with the scale. */
  build: (scale: RatingScale) => TableRow[];
  problems: ReadProblem[];
  numbering: Understood["numbering"];
  parts?: number;
  ratingInResults?: boolean;
  titleFromPlan?: boolean;
  year?: UnderstoodYear;
  /** The year most KPIs are due (目標月 H28.3 → FY2015), when a column says when each is due. */
  due?: { fiscalYear: number; text: string };
  /** Rows that are not the table's: where legends and the year may be written. */
  outside: number[];
  missing: Field[];
}

const EMPTY_INPUT = (sheetRow: number): RowInput => ({
  sheetRow,
  category: "",
  title: "",
  department: "",
  ratingWritten: "",
  actions: "",
  plan: "",
  result: "",
  notes: "",
  noWritten: "",
  subWritten: "",
  errors: [],
});

/** Texts counted by runs (ratings repeat row after row): each text with how many times it stands. */
function counted(texts: Iterable<string>): Map<string, number> {
  const counts = new Map<string, number>();
  let last: string | undefined;
  let run = 0;
  for (const text of texts) {
    if (text === last) {
      run += 1;
      continue;
    }
    if (last !== undefined) counts.set(last, (counts.get(last) ?? 0) + run);
    last = text;
    run = 1;
  }
  if (last !== undefined) counts.set(last, (counts.get(last) ?? 0) + run);
  return counts;
}

/** The readings of drafts already made: their ratings, results and rows. */
function fromDrafts(drafts: readonly Draft[]): Pick<Reading, "ratings" | "results" | "build"> {
  return {
    ratings: counted(drafts.map((d) => d.ratingText)),
    results: () => drafts.map((d) => d.input.result),
    build: (scale) => drafts.map((d) => tableRow(d.input, scale)),
  };
}

/** A result that ends with its rating: 「…(目標達成)」 → 目標達成 (荒尾市: tests/fixtures/cities/arao). */
const TRAILING_RATING = /[(（]([^()（）]{1,12})[)）]\s*$/;

/** The rating words at the end of the results, when every result that has one ends with a rating word. */
function ratingsInResults(results: readonly string[]): string[] | undefined {
  const found = results.map((text) => {
    const m = TRAILING_RATING.exec(foldWidth(text));
    const word = m?.[1]?.trim();
    return word && (bandsOfMeaning(word) !== undefined || isPendingWord(word)) && !/\d/.test(word) ? word : "";
  });
  const with_ = found.filter(Boolean).length;
  return with_ > 0 && with_ * 2 >= results.filter((r) => r.trim() !== "").length ? found : undefined;
}

/** An item's title from its plan cell when no column holds one: 「口座振替率:45%」 → 口座振替率 (佐渡市). */
function titleFromPlan(plan: string): string {
  const m = /^([^:：\n]{1,30})[:：]/.exec(plan.trim());
  return m ? (m[1] ?? "").trim() : "";
}

/** Assigns the fields of a header row: an alias before a word inside a header, the leftmost first; one field per column. */
function assign(meanings: readonly Meaning[], skip: ReadonlySet<number> = new Set()): ColumnMap {
  const map: ColumnMap = {};
  const used = new Set<number>(skip);
  for (const exact of [true, false]) {
    for (const field of FIELDS) {
      if (map[field] !== undefined) continue;
      const index = meanings.findIndex((m, i) => !used.has(i) && m?.role === field && m.exact === exact && !hasYear(m));
      const dated = index >= 0 ? index : meanings.findIndex((m, i) => !used.has(i) && m?.role === field && m.exact === exact);
      if (dated >= 0) {
        map[field] = dated;
        used.add(dated);
      }
    }
  }
  return map;
}

const KIND_PLAN = /^(?:目標|目標値|計画|計画値|当初予定|予定|事業目標|年度目標)$/;
const KIND_RESULT = /^(?:実績|実績値|成果|結果|取組実績|実施結果)$/;

function kindOf(text: string, scan?: SheetScan): "plan" | "result" | undefined {
  // Most cells are a data row's texts, longer than every kind word (four characters) even folded: not
  // folded at all. The short ones repeat (目標, 実績, A, -): each folded once by the read.
  if (hasMoreNonSpaceThan(text, 4)) return undefined;
  const t = scan ? scan.foldHeader(text) : foldHeader(text);
  return KIND_PLAN.test(t) ? "plan" : KIND_RESULT.test(t) ? "result" : undefined;
}

/** The fiscal year of a due date as a KPI's 目標月 writes it: H28.3, R3.3, 令和4年3月, 令和4年度末 → its fiscal year. */
function dueYear(text: string): number | undefined {
  const short = /^(令和|平成|[RH])\s*(元|\d{1,2})\s*[.．/]\s*(\d{1,2})$/.exec(foldWidth(text).trim());
  if (short) {
    const year = (/令和|R/.test(short[1] ?? "") ? 2018 : 1988) + (short[2] === "元" ? 1 : Number(short[2]));
    return Number(short[3]) >= 4 ? year : year - 1;
  }
  return findFiscalYear(text)?.fiscalYear;
}

/** A due date as a metric's note reads it: H28.3 → 平成28年3月 (a month of FY2015, not the year 平成28). */
function dueText(text: string): string {
  const short = /^(令和|平成|[RH])\s*(元|\d{1,2})\s*[.．/]\s*(\d{1,2})$/.exec(foldWidth(text).trim());
  return short ? `${/令和|R/.test(short[1] ?? "") ? "令和" : "平成"}${short[2]}年${short[3]}月` : text;
}

/** A cell that says "nothing here": -, －, ―, − (a dash alone). */
const DASH = /^\s*[-－ー―‐−]\s*$/;

/** A value and its unit from a cell of its own: 39以上 and 回 → 39回以上; 12 and 団体 → 12団体. */
function withUnit(value: string, unit: string): string {
  if (unit === "" || value.endsWith(unit)) return value;
  const qualified = /^(.*?)(以上|以下|未満|超|以内|台|程度|前後)$/.exec(value);
  return qualified ? `${qualified[1]}${unit}${qualified[2]}` : `${value}${unit}`;
}

/** A heading line's number and title: 「1.財政効果額(平成16〜18年度)」 → 1, 財政効果額(平成16〜18年度). */
function headingOf(text: string): { no?: number; title: string } {
  const m = /^\s*(?:No\.?\s*)?(\d{1,3})\s*[.．、)）:：]\s*(.+)$/s.exec(foldText(text));
  return m ? { no: Number(m[1]), title: (m[2] ?? "").trim() } : { title: text.trim() };
}

/** A line that only notes something (※注 1), 注釈, 対応するマニフェスト): never a heading of the items below. */
const NOTE = /^(?:※|注|\(注|（注|\*|＊)|^注釈$|マニフェスト$|^出典|^参考/;

/** A note or a sentence (※…, 注…, …です。, …ます。): what a No. cell never holds. */
function isNoteSentence(text: string): boolean {
  return NOTE.test(text) || /[。．]$|(?:です|ます|である)[。．]?$/.test(text);
}

interface HeaderRead {
  candidate: HeaderCandidate;
  options: LayoutOptions;
  era: Era;
  legendRows: ReadonlySet<number>;
}

/** A table with a header row: one row per item, or two (目標 / 実績), with or without year columns. */
function readHeaderTable(sheet: Sheet, { candidate, options, era, legendRows }: HeaderRead): Reading {
  const { meanings, texts } = candidate;
  const first = candidate.row + candidate.rows;
  const rowsCount = sheet.rows.length;
  const detected = assign(meanings);
  // Without a title column, the column of what is done names each item (群馬県's 「具体的な取組」: テレワークの推進).
  if (detected.title === undefined && detected.actions !== undefined) {
    detected.title = detected.actions;
    delete detected.actions;
  }
  const map: ColumnMap = { ...detected, ...(options.mapping ?? {}) };
  for (const [field, column] of Object.entries(options.mapping ?? {}) as [Field, number][]) {
    for (const other of FIELDS) if (other !== field && map[other] === column && options.mapping?.[other] === undefined) delete map[other];
  }

  // Year columns: 平成17年度目標 | 平成17年度実績 | …, or H23 | H24 | … alone.
  const years = new Map<number, { plan?: number; result?: number; only?: number }>();
  meanings.forEach((m, c) => {
    const year = yearOf(m, era);
    if (!m || year === undefined || !(m.role === "plan" || m.role === "result" || m.role === "year")) return;
    if (Object.values(options.mapping ?? {}).includes(c)) return;
    const entry = years.get(year) ?? {};
    if (m.role === "plan") entry.plan ??= c;
    else if (m.role === "result") entry.result ??= c;
    else entry.only ??= c;
    years.set(year, entry);
  });
  const grid = years.size >= 2;

  // The rows of the table, before any is read: data rows, repeated headers, lines, blank rows.
  const headerFolded = texts.map((t) => foldHeader(t));
  const ratingColumn = map.rating;
  const keyColumns = [map.rating, map.plan, map.result, map.title, map.no].filter((c): c is number => c !== undefined && headerFolded[c] !== "");
  const headerTexts = texts.map((t) => t.trim());
  const isRepeat = (r: number) => {
    let same = 0;
    for (const c of keyColumns) {
      const text = sheet.text(r, c);
      if (text === "") continue;
      // Most rows differ at once: a header is short, and a rating symbol ("A") is never one.
      if (text === headerTexts[c]) {
        same += 1;
        continue;
      }
      if (text.length < 2 || text.length > 40) return false;
      const folded = foldHeader(text);
      const role = meanings[c]?.role;
      if (folded === headerFolded[c] || (role !== undefined && classifyHeader(text)?.role === role)) same += 1;
      else return false;
    }
    return same >= 2;
  };

  // A kind column (区分: 目標 / 実績) makes two rows per item.
  let kindColumn: number | undefined;
  {
    const counts = new Map<number, { plan: number; result: number; other: number }>();
    const sampleEnd = Math.min(rowsCount, first + 60);
    for (let r = first; r < sampleEnd; r += 1) {
      for (const c of sheet.filled(r)) {
        const entry = counts.get(c) ?? { plan: 0, result: 0, other: 0 };
        const kind = kindOf(sheet.text(r, c), sheet.scan);
        if (kind === "plan") entry.plan += 1;
        else if (kind === "result") entry.result += 1;
        else entry.other += 1;
        counts.set(c, entry);
      }
    }
    for (const [c, n] of counts) {
      if (n.plan >= 1 && n.result >= 1 && n.plan + n.result >= 2 * n.other && c !== map.rating && c !== map.no) {
        kindColumn = c;
        break;
      }
    }
  }
  if (kindColumn !== undefined) {
    for (const field of FIELDS) if (map[field] === kindColumn && options.mapping?.[field] === undefined) delete map[field];
  }

  // A KPI in cells of its own (指標 | 指標値 | 単位 | 目標月 | 実績値: 坂井市's national form, tests/fixtures/cities/sakai).
  const taken = new Set(Object.values(map));
  const roleColumns = (role: HeaderRole) => meanings.map((m, c) => (m?.role === role && !taken.has(c) ? c : -1)).filter((c) => c >= 0);
  const metricColumns = roleColumns("metric");
  const unitColumn = roleColumns("unit")[0];
  const whenColumn = roleColumns("when")[0];
  // A number in two cells under one merged No. header (那覇市: 1 | 1, 1 | 2 …): items 1-1, 1-2.
  let splitNo: number | undefined;
  if (map.no !== undefined && map.sub === undefined && !taken.has(map.no + 1)) {
    const next = map.no + 1;
    const under = texts[next] === undefined || texts[next] === "" || sheet.shown(candidate.row, next) === sheet.text(candidate.row, map.no);
    const cells = Array.from({ length: Math.min(rowsCount - first, 60) }, (_, i) => sheet.rows[first + i]?.[next]).filter((cell) => rawText(cell).trim() !== "");
    if (under && cells.length > 0 && cells.every((cell) => readItemNumber(cell).no !== undefined && readItemNumber(cell).sub === undefined)) splitNo = next;
  }

  // Which year is evaluated: the one stated, else the last with any result.
  const dataRows: number[] = [];
  const lines = new Map<number, string>();
  const problems: ReadProblem[] = [];
  let parts = 1;
  const blankRuns: { first: number; count: number }[] = [];
  let lastData = -1;
  const gridColumns = grid ? [...years.values()].flatMap((e) => [e.plan, e.result, e.only]).filter((c): c is number => c !== undefined) : [];
  const mapped = new Set([...Object.values(map), ...gridColumns]);
  const identifying = [map.no, map.sub, ratingColumn].filter((c): c is number => c !== undefined);
  const wideTable = mapped.size + (kindColumn === undefined ? 0 : 1) > 2;
  {
    let r = first;
    let afterLine = false;
    while (r < rowsCount) {
      const row = sheet.rows[r];
      if (legendRows.has(r)) {
        r += 1;
        afterLine = true;
        continue;
      }
      // The row's shape in one pass: how many cells hold something, the first, whether a role's or a number's.
      let count = 0;
      let firstColumn = -1;
      let anyMapped = false;
      let anyIdentifying = false;
      const width = row ? row.length : 0;
      for (let c = 0; c < width; c += 1) {
        const cell = (row as RawCell[])[c];
        if (cell === null || cell === undefined) continue;
        // Most cells are text that starts with a visible character: no trim needed to know they hold something.
        if (typeof cell === "string" ? cell.length === 0 || (cell.charCodeAt(0) <= 32 && cell.trim() === "") : !isErrorCell(cell) && rawText(cell).trim() === "") continue;
        count += 1;
        if (firstColumn < 0) firstColumn = c;
        if (mapped.has(c) || c === kindColumn) anyMapped = true;
        if (identifying.includes(c)) anyIdentifying = true;
      }
      if (count === 0) {
        let next = r + 1;
        while (next < rowsCount && isBlankRow(sheet.rows[next])) next += 1;
        if (next >= rowsCount) break;
        blankRuns.push({ first: r, count: next - r });
        r = next;
        continue;
      }
      if (count >= 2 && isRepeat(r)) {
        parts += 1;
        afterLine = true;
        r += 1;
        continue;
      }
      const single = count === 1 && !anyIdentifying && wideTable;
      const note = count <= 2 && !anyIdentifying && NOTE.test(sheet.text(r, firstColumn));
      // A note under the table written in its first column, the No. column (下野市's 「※実績は令和2年3月末現在の
      // 数値です。」): a sentence that is no number is a line, never an item.
      const noteInNo = count <= 2 && firstColumn === map.no && isNoteSentence(sheet.text(r, firstColumn)) && readItemNumber(row?.[firstColumn]).no === undefined;
      if (single || note || noteInNo) {
        lines.set(r, sheet.text(r, firstColumn));
        afterLine = true;
        r += 1;
        continue;
      }
      // Another table's header below this one ends it.
      if (afterLine && scoreOf(meaningsOf(sheet, r, new Map())) >= 2 && !isRepeat(r)) break;
      if (anyMapped) {
        dataRows.push(r);
        lastData = r;
        afterLine = false;
      } else {
        lines.set(r, sheet.line(r));
        afterLine = true;
      }
      r += 1;
    }
  }
  // A run of empty rows is reported only when data rows follow it in the same part.
  for (const run of blankRuns) {
    const next = run.first + run.count;
    if (dataRows.includes(next) && run.first > first && dataRows.some((d) => d < run.first)) {
      problems.push({ code: "BLANK_ROW", sheetRow: run.first + 1, ...(run.count > 1 ? { rows: run.count } : {}) });
    }
  }

  let yearChosen: number | undefined;
  let yearList: number[] | undefined;
  if (grid) {
    yearList = [...years.keys()].sort((a, b) => a - b);
    const hasResults = (year: number) => {
      const entry = years.get(year);
      const column = entry?.result ?? (entry?.plan === undefined ? entry?.only : undefined) ?? (kindColumn !== undefined ? entry?.only : undefined);
      return column !== undefined && dataRows.some((r) => {
        if (kindColumn !== undefined && kindOf(sheet.text(r, kindColumn), sheet.scan) !== "result") return false;
        return sheet.text(r, column) !== "";
      });
    };
    yearChosen = options.fiscalYear !== undefined && years.has(options.fiscalYear) ? options.fiscalYear : [...yearList].reverse().find(hasResults) ?? yearList[yearList.length - 1];
    const entry = years.get(yearChosen as number) ?? {};
    if (kindColumn !== undefined) {
      const column = entry.only ?? entry.result ?? entry.plan;
      if (column !== undefined && map.plan === undefined) map.plan = column;
      if (column !== undefined && map.result === undefined) map.result = column;
    } else {
      if (entry.plan !== undefined && options.mapping?.plan === undefined) map.plan = entry.plan;
      const resultColumn = entry.result ?? (entry.plan === undefined || map.result === undefined ? entry.only : undefined);
      if (resultColumn !== undefined && options.mapping?.result === undefined) map.result = resultColumn;
      if (map.plan === undefined && entry.only !== undefined && entry.only !== map.result) map.plan = entry.only;
    }
  } else if (kindColumn !== undefined && map.plan === undefined && map.result === undefined) {
    // 区分 | 内容: the column after the kind holding the texts (内容, 数値 …) holds both.
    const identity = new Set([map.no, map.sub, map.title, map.rating, map.department, map.category]);
    const width = Math.max(...dataRows.slice(0, 20).map((r) => sheet.width(r)), 0);
    let value = map.actions !== undefined && map.actions > kindColumn ? map.actions : undefined;
    for (let c = kindColumn + 1; value === undefined && c < width; c += 1) if (!identity.has(c) && c !== map.notes) value = c;
    if (value !== undefined) {
      if (map.actions === value) delete map.actions;
      map.plan = value;
      map.result = value;
    }
  }

  const composite = kindColumn === undefined && (unitColumn !== undefined || metricColumns.length > 0) && (map.plan !== undefined || map.result !== undefined);
  // The rating written at the end of the results (no rating column).
  let inResults: string[] | undefined;
  if (map.rating === undefined && map.result !== undefined) {
    const results = dataRows.filter((r) => kindColumn === undefined || kindOf(sheet.text(r, kindColumn), sheet.scan) === "result").map((r) => sheet.text(r, map.result as number));
    inResults = ratingsInResults(results);
  }
  const missing = missingFields(map, inResults !== undefined);
  const headers: Partial<Record<Field, string>> = {};
  for (const field of FIELDS) {
    const column = map[field];
    if (column !== undefined) headers[field] = texts[column] ?? "";
  }
  const headerCells = [...texts];
  while (headerCells.length > 0 && headerCells[headerCells.length - 1] === "") headerCells.pop();
  const layout: LayoutKind = kindColumn !== undefined ? "twoRows" : grid ? "yearGrid" : "table";
  const roles: UnderstoodRole[] = FIELDS.filter((f) => map[f] !== undefined).map((field) => ({
    field,
    header: texts[map[field] as number] ?? "",
    column: map[field] as number,
    ...(options.mapping?.[field] !== undefined ? { mapped: true } : {}),
  }));
  const base: Reading = {
    layout,
    headerRow: candidate.row,
    ...(candidate.rows === 2 ? { headerRows: 2 } : {}),
    columns: map,
    headers,
    headerCells,
    roles,
    ...fromDrafts([]),
    problems,
    numbering: map.no !== undefined || map.sub !== undefined ? "column" : "order",
    ...(parts > 1 ? { parts } : {}),
    ...(inResults ? { ratingInResults: true } : {}),
    outside: [
      ...Array.from({ length: candidate.row }, (_, i) => i),
      ...[...lines.keys()],
      ...Array.from({ length: Math.max(0, Math.min(rowsCount, lastData + 31) - lastData - 1) }, (_, i) => lastData + 1 + i),
    ],
    missing,
  };
  if (yearChosen !== undefined && yearList) {
    const entry = years.get(yearChosen) ?? {};
    const column = entry.result ?? entry.only ?? entry.plan;
    base.year = { fiscalYear: yearChosen, source: options.fiscalYear === yearChosen ? (options.fiscalYearSource ?? "settings") : "grid", text: column === undefined ? String(yearChosen) : (texts[column] ?? ""), grid: yearList };
  }
  if (missing.length > 0) return base;

  // The rows.
  const text = (r: number, field: Field) => {
    const column = map[field];
    return column === undefined ? "" : sheet.text(r, column);
  };
  const yearValues = (planRow: number, resultRow: number): YearValues[] | undefined => {
    if (!grid || !yearList) return undefined;
    const out: YearValues[] = [];
    for (const year of yearList) {
      if (year === yearChosen) continue;
      const entry = years.get(year) ?? {};
      const planColumn = kindColumn !== undefined ? entry.only ?? entry.plan : entry.plan;
      const resultColumn = kindColumn !== undefined ? entry.only ?? entry.result : entry.result ?? entry.only;
      const plan = planColumn === undefined ? "" : sheet.text(planRow, planColumn);
      const result = resultColumn === undefined ? "" : sheet.text(resultRow, resultColumn);
      if (plan !== "" || result !== "") out.push({ fiscalYear: year, plan, result });
    }
    return out;
  };
  const errorsOf = (r: number, fields: readonly Field[]): CellError[] => {
    const errors: CellError[] = [];
    for (const field of fields) {
      const column = map[field];
      const cell = column === undefined ? undefined : sheet.rows[r]?.[column];
      if (column !== undefined && isErrorCell(cell)) errors.push({ field, column, error: cell.error });
    }
    return errors;
  };
  // One function for every row (a table may hold 50,000): the text of a field in a row, "" for no row.
  const textAt = (field: Field, row: number): string => (row < 0 ? "" : text(row, field));
  const useHeadings = map.category === undefined;
  const titlesFromPlan = map.title === undefined && dataRows.some((r) => titleFromPlan(text(r, "plan")) !== "");
  // Numbers whose row is an item of its own (12, not 12-1): a 1-1 with no row 1 in the table is a
  // hierarchical label (さいたま市's 事業番号 1-1, 1-2, 2-1: https://www.city.saitama.jp/006/007/014/005/p056344.html),
  // an item of its own, not a sub-item without its parent.
  const parentNumbers = new Set<number>();
  if (map.no !== undefined && map.sub === undefined) {
    for (const r of dataRows) {
      const read = readItemNumber(sheet.rows[r]?.[map.no]);
      if (read.no !== undefined && read.sub === undefined) parentNumbers.add(read.no);
    }
  }
  /** Reads the rows in order, each handed over as it is made (so that 50,000 rows make no second list). */
  const emit = (push: (input: RowInput) => void) => {
    let category = "";
    let heading = "";
    let parent: number | undefined;
    let order = 0;
    const pendingLines: string[] = [];
    let lineIndex = [...lines.keys()].sort((a, b) => a - b);
    const headingBefore = (r: number) => {
      if (lineIndex.length === 0) return undefined;
      // The last line above this row that is a heading, not a note.
      while (lineIndex.length > 0 && (lineIndex[0] as number) < r) {
        const line = lines.get(lineIndex[0] as number) ?? "";
        if (!NOTE.test(line) && line.length <= 40) pendingLines.push(line);
        lineIndex = lineIndex.slice(1);
      }
      const last = pendingLines[pendingLines.length - 1];
      pendingLines.length = 0;
      return last;
    };
    // The first part's heading stands above the header when the header repeats (one heading per part).
    if (parts > 1 && useHeadings) {
      // 「【職員数と人件費の推移】 … (4/1 日現在)」: a caption, with a date at the right.
      for (let r = candidate.row - 1; r >= Math.max(0, candidate.row - 2); r -= 1) {
        const filled = sheet.filled(r);
        const text = filled.length > 0 ? sheet.text(r, filled[0] as number) : "";
        if (filled.length >= 1 && filled.length <= 2 && text.length <= 40 && !NOTE.test(text)) {
          heading = text;
          break;
        }
      }
    }
    // A KPI's row, as the plan or results text of a cell would hold it: 「参加団体数 12団体」, 「…480g/人日(令和4年度末)」.
    const kpi = (r: number, valueColumn: number | undefined, withWhen: boolean): { marker?: string; text: string } | undefined => {
      const value = valueColumn === undefined ? "" : sheet.text(r, valueColumn);
      if (value === "" || DASH.test(value)) return undefined;
      const names = metricColumns.map((c) => sheet.text(r, c)).filter((t) => t !== "" && !DASH.test(t));
      const marker = names.map((t) => /[①-⑳]/.exec(t)?.[0]).find((m) => m !== undefined);
      const label = names.filter((t) => !/^(?:指標)?\s*[①-⑳]$/.test(t)).join(" ");
      const unit = unitColumn === undefined || DASH.test(sheet.text(r, unitColumn)) ? "" : sheet.text(r, unitColumn);
      const when = withWhen && whenColumn !== undefined && !DASH.test(sheet.text(r, whenColumn)) ? dueText(sheet.text(r, whenColumn)) : "";
      return { ...(marker ? { marker } : {}), text: `${label ? `${label} ` : ""}${withUnit(value, unit)}${when ? `(${when})` : ""}` };
    };
    /** The KPIs of an item's rows as one trailing block: (参加団体数 12団体), (①効果検証数 113 ②適正化数 113). */
    const block = (parts: { marker?: string; text: string }[], dash: boolean) => {
      if (parts.length === 0) return dash ? "-" : "";
      if (parts.length === 1) return `(${parts[0]?.text ?? ""})`;
      return `(${parts.map((p, i) => `${p.marker ?? CIRCLED_MARKERS[i] ?? ""}${p.text}`).join(" ")})`;
    };
    const identifies = (r: number) => [map.no, map.sub, map.title, map.rating, splitNo].some((c) => c !== undefined && sheet.text(r, c) !== "");
    let held: RowInput | undefined;
    let heldPlans: { marker?: string; text: string }[] = [];
    let heldResults: { marker?: string; text: string }[] = [];
    let heldDash = false;
    const release = () => {
      if (!held) return;
      const input: RowInput = composite ? { ...held, plan: block(heldPlans, heldDash), result: block(heldResults, heldDash) } : held;
      held = undefined;
      // A row of dashes (評価 -, 目標 -, 実績 -: an item with no KPI) has nothing to check.
      if (input.sub === undefined && DASH.test(input.ratingWritten) && DASH.test(input.plan) && DASH.test(input.result)) return;
      push(input);
    };
    for (let i = 0; i < dataRows.length; i += 1) {
      const r = dataRows[i] as number;
      const found = headingBefore(r);
      if (found !== undefined && useHeadings) heading = found;
      if (composite && held && !identifies(r)) {
        // A further KPI of the item above (指標②, 指標③ under its merged cells).
        const plan = kpi(r, map.plan, true);
        const result = kpi(r, map.result, false);
        if (plan) heldPlans.push(plan);
        if (result) heldResults.push(result);
        continue;
      }
      release();
      let resultRow = r;
      let planRow = r;
      if (kindColumn !== undefined) {
        const kind = kindOf(sheet.text(r, kindColumn), sheet.scan);
        const next = dataRows[i + 1];
        if (kind === "plan" && next !== undefined && kindOf(sheet.text(next, kindColumn), sheet.scan) === "result") {
          resultRow = next;
          i += 1;
        } else if (kind === "result") {
          planRow = -1;
        } else if (kind === "plan") {
          resultRow = -1;
        }
      }
      const at = textAt;
      const both = (field: Field) => textAt(field, planRow) || textAt(field, resultRow);
      const noCell = map.no === undefined ? undefined : (sheet.rows[planRow >= 0 ? planRow : r]?.[map.no] ?? (resultRow >= 0 ? sheet.rows[resultRow]?.[map.no] : undefined));
      const subCell = map.sub === undefined ? undefined : sheet.rows[planRow >= 0 ? planRow : r]?.[map.sub];
      const number = readItemNumber(noCell);
      const subNumber = readSubNumber(subCell);
      const sheetRow = r + 1;
      let label: string | undefined;
      if (!number.readable && map.no !== undefined) problems.push({ code: "NUMBER_UNREADABLE", sheetRow, column: map.no, text: rawText(noCell) });
      if (!subNumber.readable && map.sub !== undefined) problems.push({ code: "NUMBER_UNREADABLE", sheetRow, column: map.sub, text: rawText(subCell) });
      const sub = subNumber.sub ?? number.sub;
      if (map.sub === undefined && number.no !== undefined && number.sub !== undefined && !parentNumbers.has(number.no)) label = `${number.no}-${number.sub}`;
      const categoryText = both("category");
      if (categoryText) category = categoryText;
      let no = number.no;
      if (map.no === undefined && map.sub === undefined) {
        order += 1;
        no = order;
      } else if (sub !== undefined) {
        no ??= parent;
        if (no === undefined) problems.push({ code: "SUB_WITHOUT_PARENT", sheetRow });
      } else if (no !== undefined) {
        parent = no;
      }
      const plan = at("plan", planRow);
      const resultText = at("result", resultRow);
      const ratingRow = map.rating === undefined ? resultRow : at("rating", planRow) !== "" || resultRow < 0 ? planRow : resultRow;
      let ratingWritten = map.rating === undefined ? "" : at("rating", ratingRow);
      if (inResults) ratingWritten = (TRAILING_RATING.exec(foldWidth(resultText))?.[1] ?? "").trim();
      const title = both("title");
      const derivedTitle = title === "" && map.title === undefined ? titleFromPlan(plan) : "";
      const rowOfRating = (ratingRow < 0 ? r : ratingRow) + 1;
      const cells: Partial<Record<Field, CellPosition>> | undefined =
        kindColumn === undefined
          ? undefined
          : {
              ...(planRow >= 0 && map.plan !== undefined ? { plan: { row: planRow + 1, column: map.plan } } : {}),
              ...(resultRow >= 0 && map.result !== undefined ? { result: { row: resultRow + 1, column: map.result } } : {}),
            };
      if (splitNo !== undefined && no !== undefined) {
        const second = readItemNumber(sheet.rows[r]?.[splitNo]).no;
        if (second !== undefined) label = `${no}-${second}`;
      }
      if (composite) {
        const planPart = kpi(r, map.plan, true);
        const resultPart = kpi(r, map.result, false);
        heldPlans = planPart ? [planPart] : [];
        heldResults = resultPart ? [resultPart] : [];
        heldDash = [map.plan, map.result].some((c) => c !== undefined && DASH.test(sheet.text(r, c)));
      }
      held = {
          sheetRow: rowOfRating,
          category: useHeadings ? heading : category,
          ...(no === undefined ? {} : { no }),
          ...(sub === undefined ? {} : { sub }),
          // No title column: the label of the plan (口座振替率:45%), else the part's heading.
          title: title || derivedTitle || (composite && map.title === undefined ? metricColumns.map((c) => sheet.text(r, c)).filter((t) => !/^(?:指標)?\s*[①-⑳]$/.test(t)).join(" ") : "") || (map.title === undefined && useHeadings ? heading : ""),
          department: both("department"),
          ratingWritten,
          actions: both("actions"),
          plan,
          result: resultText,
          notes: both("notes"),
          noWritten: rawText(noCell),
          subWritten: rawText(subCell),
          errors: resultRow >= 0 && resultRow !== planRow ? [...errorsOf(planRow >= 0 ? planRow : r, FIELDS), ...errorsOf(resultRow, ["result"])] : errorsOf(planRow >= 0 ? planRow : r, FIELDS),
          ...(cells ? { cells } : {}),
          ...(grid ? { years: yearValues(planRow >= 0 ? planRow : r, resultRow >= 0 ? resultRow : r) ?? [] } : {}),
          ...(label === undefined ? {} : { label }),
      };
    }
    release();
  };
  base.titleFromPlan = titlesFromPlan;
  if (whenColumn !== undefined) {
    const due = counted(dataRows.map((r) => sheet.text(r, whenColumn)).filter((t) => dueYear(t) !== undefined));
    const [text] = [...due.entries()].sort((a, b) => b[1] - a[1])[0] ?? [];
    const fiscalYear = text === undefined ? undefined : dueYear(text);
    if (text !== undefined && fiscalYear !== undefined) base.due = { fiscalYear, text: `${texts[whenColumn] ?? ""} ${text}`.trim() };
  }
  base.results = () => dataRows.map((r) => text(r, "result"));
  if (kindColumn === undefined && !inResults && map.rating !== undefined) {
    // One rating cell a row: counted without making the rows, which are made once, with the scale.
    const ratingColumn = map.rating;
    base.ratings = counted(dataRows.map((r) => sheet.text(r, ratingColumn)));
    base.build = (scale) => {
      const rows: TableRow[] = [];
      emit((input) => rows.push(tableRow(input, scale)));
      return rows;
    };
  } else {
    const inputs: RowInput[] = [];
    emit((input) => inputs.push(input));
    Object.assign(base, fromDrafts(inputs.map((input) => ({ input, ratingText: input.ratingWritten }))));
  }
  return base;
}

/** A sideways table (items across as columns) or blocks of labels and values, one per item. */
function readLabelTable(sheet: Sheet, candidate: LabelCandidate, options: LayoutOptions, era: Era): Reading {
  const L = candidate.column;
  const rowsCount = sheet.rows.length;
  const roleRows = new Map<number, HeaderMeaning>();
  // Labels further down than the search: every row of the label column, classified.
  for (let r = 0; r < rowsCount; r += 1) {
    const text = sheet.text(r, L);
    if (text === "") continue;
    const meaning = r < LAYOUT_SEARCH_ROWS ? candidate.labels.find((l) => l.row === r)?.meaning : classifyHeader(text);
    if (meaning) roleRows.set(r, meaning);
  }
  const valueRight = (r: number, from = L + 1): { text: string; column: number } | undefined => {
    for (const c of sheet.filled(r)) if (c >= from) return { text: sheet.text(r, c), column: c };
    return undefined;
  };
  const drafts: Draft[] = [];
  const roles: UnderstoodRole[] = [];
  const noteRole = (field: Field, r: number) => {
    if (!roles.some((x) => x.field === field)) roles.push({ field, header: sheet.text(r, L), column: L, row: r + 1 });
  };
  let yearChosen: number | undefined;
  let yearList: number[] | undefined;
  let yearText: string | undefined;
  let yearLabelRow: number | undefined;
  let layout: LayoutKind;
  let numbering: Understood["numbering"] = "order";
  const used = new Set<number>();

  const sideways = !candidate.repeating && ![...roleRows.values()].some((m) => m.role === "yearLabel");
  if (sideways) {
    layout = "sideways";
    // Each role's row: the first alias, else the first word; items are the columns with values.
    const pick = (field: HeaderRole, year?: number): number | undefined => {
      const rows = [...roleRows.entries()].filter(([r, m]) => m.role === field && sheet.filled(r).some((c) => c > L));
      // Of several dated rows (H26年度実績値, H27年度実績値), the one of the plan's year, else the latest.
      const dated = rows.filter(([, m]) => yearOf(m, era) !== undefined);
      if (dated.length > 1) {
        const same = year === undefined ? undefined : dated.find(([, m]) => yearOf(m, era) === year);
        return (same ?? [...dated].sort((a, b) => (yearOf(b[1], era) ?? 0) - (yearOf(a[1], era) ?? 0))[0])?.[0];
      }
      return (rows.find(([, m]) => m.exact) ?? rows[0])?.[0];
    };
    const rowOf: Partial<Record<Field, number>> = {};
    const planRow = pick("plan");
    const planYearOf = planRow === undefined ? undefined : yearOf(roleRows.get(planRow), era);
    for (const field of ["title", "plan", "result", "rating", "department", "actions", "notes"] as const) {
      const r = pick(field, planYearOf);
      if (r !== undefined) {
        rowOf[field] = r;
        noteRole(field, r);
        used.add(r);
      }
    }
    const previousRows = [...roleRows.entries()].filter(([r, m]) => !used.has(r) && (m.role === "previous" || m.role === "year" || (m.role === "result" && hasYear(m))));
    const planYear = yearOf(rowOf.plan === undefined ? undefined : roleRows.get(rowOf.plan), era);
    const resultYear = yearOf(rowOf.result === undefined ? undefined : roleRows.get(rowOf.result), era);
    const known = planYear ?? resultYear;
    const first = Math.min(...Object.values(rowOf));
    const columns = new Set<number>();
    for (const field of ["title", "plan", "result", "rating"] as const) {
      const r = rowOf[field];
      if (r !== undefined) for (const c of sheet.filled(r)) if (c > L) columns.add(c);
    }
    for (const c of [...columns].sort((a, b) => a - b)) {
      const value = (field: Field) => (rowOf[field] === undefined ? "" : sheet.text(rowOf[field] as number, c));
      if (value("plan") === "" && value("result") === "" && value("rating") === "") continue;
      const ratingRow = rowOf.rating ?? rowOf.result ?? rowOf.plan ?? first;
      const cells: Partial<Record<Field, CellPosition>> = {};
      for (const field of FIELDS) if (rowOf[field] !== undefined) cells[field] = { row: (rowOf[field] as number) + 1, column: c };
      const years: YearValues[] = [];
      for (const [r, m] of previousRows) {
        const year = yearOf(m, era) ?? (known === undefined ? undefined : known - 1);
        if (year !== undefined && sheet.text(r, c) !== "") years.push({ fiscalYear: year, plan: "", result: sheet.text(r, c) });
      }
      drafts.push({
        ratingText: value("rating"),
        input: {
          ...EMPTY_INPUT(ratingRow + 1),
          title: value("title"),
          department: value("department"),
          ratingWritten: value("rating"),
          actions: value("actions"),
          plan: value("plan"),
          result: value("result"),
          notes: value("notes"),
          cells,
          ...(years.length ? { years } : {}),
        },
      });
    }
    if (known !== undefined) yearChosen = known;
  } else {
    layout = candidate.repeating && ![...roleRows.values()].some((m) => m.role === "yearLabel") ? "twoRows" : "blocks";
    const titleLabels = [...roleRows.entries()].filter(([, m]) => m.role === "title" && m.exact).map(([r]) => r);
    const start = titleLabels.length > 0 ? (titleLabels[0] as number) : 0;
    // The year columns of a block: 年度 | 現状 | 2008年度 | 2009年度 …
    let yearColumns = new Map<number, number>();
    let current: (RowInput & { started: boolean; ratingRow?: number; planRow?: number; resultRow?: number }) | undefined;
    let heading: { no?: number; title: string } | undefined;
    const flush = () => {
      if (current && (current.plan !== "" || current.result !== "" || current.ratingWritten !== "")) {
        const sheetRow = (current.ratingRow ?? current.resultRow ?? current.planRow ?? current.sheetRow - 1) + 1;
        const cells: Partial<Record<Field, CellPosition>> = {};
        if (current.planRow !== undefined) cells.plan = { row: current.planRow + 1, column: current.cells?.plan?.column ?? L + 1 };
        if (current.resultRow !== undefined) cells.result = { row: current.resultRow + 1, column: current.cells?.result?.column ?? L + 1 };
        if (current.ratingRow !== undefined) cells.rating = { row: current.ratingRow + 1, column: current.cells?.rating?.column ?? L + 1 };
        const { started: _s, ratingRow: _r, planRow: _p, resultRow: _q, ...input } = current;
        drafts.push({ ratingText: current.ratingWritten, input: { ...input, sheetRow, cells } });
      }
      current = undefined;
    };
    const open = (r: number) => {
      flush();
      current = { ...EMPTY_INPUT(r + 1), started: true, ...(heading ? { title: heading.title } : {}), ...(heading?.no !== undefined ? { no: heading.no } : {}), cells: {} };
    };
    /** A plan or results value: in the year's column of the block's 年度 row, else the first cell right of the label. */
    const valueOf = (r: number): { text: string; column: number } | undefined => {
      if (yearColumns.size > 0) {
        const chosen = options.fiscalYear !== undefined && [...yearColumns.values()].includes(options.fiscalYear) ? options.fiscalYear : yearChosen;
        const column = [...yearColumns.entries()].find(([, y]) => y === chosen)?.[0];
        return column === undefined ? undefined : { text: sheet.text(r, column), column };
      }
      return valueRight(r);
    };
    for (let r = start; r < rowsCount; r += 1) {
      const meaning = roleRows.get(r);
      const filled = sheet.filled(r);
      if (filled.length === 0) continue;
      if (!meaning) {
        // A heading line above an item's rows: 「1.財政効果額(平成16〜18年度)」.
        if (filled.length === 1 && filled[0] === L && !NOTE.test(sheet.text(r, L))) {
          flush();
          heading = headingOf(sheet.text(r, L));
          if (heading.no !== undefined) numbering = "headings";
        }
        continue;
      }
      const role = meaning.role;
      if (role === "yearLabel") {
        yearColumns = new Map();
        for (const c of filled) {
          if (c <= L) continue;
          const m = classifyHeader(sheet.text(r, c));
          const year = yearOf(m, era);
          if (year !== undefined && m?.role === "year") yearColumns.set(c, year);
        }
        yearLabelRow = r;
        // The year evaluated: stated, else the last with a result in the block's 実績 row.
        const resultRow = [...roleRows.entries()].find(([x, m]) => x > r && m.role === "result" && m.exact)?.[0];
        const withResult = [...yearColumns.entries()].filter(([c]) => resultRow !== undefined && sheet.text(resultRow, c) !== "").map(([, y]) => y);
        yearList = [...new Set(yearColumns.values())].sort((a, b) => a - b);
        yearChosen = options.fiscalYear !== undefined && yearList.includes(options.fiscalYear) ? options.fiscalYear : (withResult.length ? Math.max(...withResult) : yearList[yearList.length - 1]);
        const chosenColumn = [...yearColumns.entries()].find(([, y]) => y === yearChosen)?.[0];
        if (chosenColumn !== undefined && yearLabelRow !== undefined) yearText = sheet.text(yearLabelRow, chosenColumn);
        continue;
      }
      if (!isCore(role)) continue;
      const field = role as Field;
      if (field === "title" && meaning.exact) {
        open(r);
        const value = valueRight(r);
        if (current) current.title = value?.text ?? "";
        noteRole("title", r);
        // Other labels on the same row: 所管課 | 市民・こども局….
        for (const c of filled) {
          if (c <= (value?.column ?? L)) continue;
          const other = classifyHeader(sheet.text(r, c));
          if (other?.exact && other.role === "department" && current) {
            current.department = valueRight(r, c + 1)?.text ?? "";
            roles.push({ field: "department", header: sheet.text(r, c), column: c, row: r + 1 });
          }
        }
        continue;
      }
      if (field === "plan" || field === "result") {
        if (!meaning.exact) continue;
        // A second 目標 after a 実績 (or a second 実績) starts the next item under the same heading: 3(1), 3(2).
        if (!current || (field === "plan" && (current.plan !== "" || current.result !== "")) || (field === "result" && current.result !== "")) open(r);
        const value = valueOf(r);
        if (current) {
          current[field] = value?.text ?? "";
          current[field === "plan" ? "planRow" : "resultRow"] = r;
          current.cells = { ...current.cells, [field]: { row: r + 1, column: value?.column ?? L + 1 } };
          if (yearColumns.size > 0) {
            const years: YearValues[] = current.years ? [...current.years] : [];
            for (const [c, y] of yearColumns) {
              if (y === yearChosen) continue;
              const entry = years.find((v) => v.fiscalYear === y) ?? { fiscalYear: y, plan: "", result: "" };
              if (!years.includes(entry)) years.push(entry);
              entry[field] = sheet.text(r, c);
            }
            current.years = years.filter((v) => v.plan !== "" || v.result !== "").sort((a, b) => a.fiscalYear - b.fiscalYear);
          }
        }
        noteRole(field, r);
        continue;
      }
      if (field === "rating" || field === "department" || field === "actions" || field === "notes") {
        if (!current) open(r);
        const value = valueRight(r);
        if (current && value) {
          if (field === "rating") {
            current.ratingWritten = value.text;
            current.ratingRow = r;
            current.cells = { ...current.cells, rating: { row: r + 1, column: value.column } };
          } else current[field] = value.text;
        }
        noteRole(field, r);
      }
    }
    flush();
    // Several items under one heading: 3(1), 3(2) — labelled 3-1, 3-2, items of their own.
    const byNo = new Map<number, Draft[]>();
    for (const draft of drafts) if (draft.input.no !== undefined) byNo.set(draft.input.no, [...(byNo.get(draft.input.no) ?? []), draft]);
    for (const [no, group] of byNo) {
      if (group.length < 2) continue;
      group.forEach((draft, i) => {
        const marker = /^\s*[(（](\d+)[)）]/.exec(foldText(draft.input.plan || draft.input.result));
        draft.input.label = `${no}-${marker ? marker[1] : i + 1}`;
      });
    }
    if (numbering !== "headings") {
      drafts.forEach((draft, i) => (draft.input.no = i + 1));
    }
  }
  // The rating written at the end of the results (no rating row).
  let ratingInResults: boolean | undefined;
  if (!roles.some((r) => r.field === "rating")) {
    const found = ratingsInResults(drafts.map((d) => d.input.result));
    if (found) {
      ratingInResults = true;
      drafts.forEach((d, i) => {
        d.input.ratingWritten = found[i] ?? "";
        d.ratingText = found[i] ?? "";
      });
    }
  }
  if (layout === "sideways") drafts.forEach((d, i) => (d.input.no = i + 1));
  const columns: ColumnMap = {};
  // A block's values stand in one column each: the rules point at it.
  for (const field of FIELDS) {
    const positions = drafts.map((d) => d.input.cells?.[field]?.column).filter((c): c is number => c !== undefined);
    if (positions.length > 0 && positions.every((c) => c === positions[0])) columns[field] = positions[0] as number;
  }
  const headers: Partial<Record<Field, string>> = {};
  for (const role of roles) headers[role.field] ??= role.header;
  const missing: Field[] = [];
  if (!roles.some((r) => r.field === "rating") && !ratingInResults) missing.push("rating");
  if (!roles.some((r) => r.field === "plan") && !roles.some((r) => r.field === "result")) missing.push("plan", "result");
  const itemRows = new Set(drafts.flatMap((d) => Object.values(d.input.cells ?? {}).map((p) => p.row - 1)));
  const outside = Array.from({ length: rowsCount }, (_, i) => i).filter((r) => !itemRows.has(r) && !(roleRows.get(r) && isCore(roleRows.get(r)?.role)));
  const reading: Reading = {
    layout,
    labelColumn: L,
    columns,
    headers,
    headerCells: [],
    roles: roles.sort((a, b) => FIELDS.indexOf(a.field) - FIELDS.indexOf(b.field)),
    ...fromDrafts(drafts),
    problems: [],
    numbering,
    ...(ratingInResults ? { ratingInResults } : {}),
    outside,
    missing,
  };
  if (yearChosen !== undefined) {
    const resultRole = roles.find((r) => r.field === "result" || r.field === "plan");
    const source: YearSource = options.fiscalYear === yearChosen ? (options.fiscalYearSource ?? "settings") : yearList ? "grid" : "header";
    reading.year = { fiscalYear: yearChosen, source, text: yearList ? (yearText ?? String(yearChosen)) : (resultRole?.header ?? ""), ...(yearList ? { grid: yearList } : {}) };
  }
  return reading;
}

// ---------------------------------------------------------------------------------------------------
// The year and the scale

/** A line that says the year evaluated (評価年度:2008年度), or a title with one (…進捗状況（令和2年度末）). */
const YEAR_LINE = /評価年度|対象年度|実施年度|年度末|年度分|年度の|年度\)|年度）|進捗|実施状況|取組状況|達成状況|成果|結果|評価|検証|総括/;
/** Lines that date the publication, not the year evaluated. */
const DATED_LINE = /更新日|作成日|掲載日|公表日|現在$|現在[)）]/;

function yearFromLines(sheet: Sheet, rows: readonly number[]): { fiscalYear: number; text: string; source: YearSource } | undefined {
  const lines = rows.map((r) => sheet.line(r)).filter((l) => l !== "" && !DATED_LINE.test(l));
  for (const explicit of [true, false]) {
    for (const line of lines) {
      if (explicit && !/評価年度|対象年度/.test(line)) continue;
      if (!explicit && !YEAR_LINE.test(line)) continue;
      const found = findFiscalYear(line);
      if (!found) continue;
      // A period (H23~26, 平成16〜18年度): the plan's years, not the one evaluated.
      const after = foldWidth(line.slice(found.index + found.text.length, found.index + found.text.length + 4));
      if (!explicit && /^\s*[~〜～\-－]/.test(after)) continue;
      return { fiscalYear: found.fiscalYear, text: line.length > 60 ? `${line.slice(0, 60)}…` : line, source: explicit ? "legend" : "title" };
    }
  }
  return undefined;
}

/** The latest fiscal year the results name (平成21年度 92.2%): the year the results are for. */
function yearFromResults(results: readonly string[]): { fiscalYear: number; text: string } | undefined {
  let best: { fiscalYear: number; text: string } | undefined;
  for (const result of results) {
    const text = foldText(result);
    const pattern = /(令和|平成|[RH])\s*(元|\d{1,2})(?:\s*[・、,]\s*\d{1,2})*\s*年度?/g;
    for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
      const list = [m[2], ...(m[0].match(/[・、,]\s*(\d{1,2})/g) ?? []).map((x) => x.replace(/\D/g, ""))];
      const base = /令和|R/.test(m[1] ?? "") ? 2018 : 1988;
      for (const n of list) {
        const year = base + (n === "元" ? 1 : Number(n));
        if (!best || year > best.fiscalYear) best = { fiscalYear: year, text: m[0] };
      }
    }
  }
  return best;
}

function understoodScale(sheet: Sheet, reading: Reading, options: LayoutOptions): UnderstoodScale {
  const own = reading.ratings;
  const written = new Map(own);
  for (const symbol of options.workbookSymbols ?? []) written.set(symbol, (written.get(symbol) ?? 0) + 1);
  const used: string[] = [];
  const seen = new Set<string>();
  for (const text of own.keys()) {
    const bare = bareRating(text);
    const key = foldSymbol(bare);
    if (key === "" || /^[-－ー―‐−]$/.test(key) || seen.has(key)) continue;
    seen.add(key);
    used.push(bare);
  }
  if (options.scale) return { symbols: options.scale.symbols, source: options.scaleSource ?? "settings", confirm: false, used };
  const legends = findLegends(sheet.rows, reading.outside);
  // The legend that holds the symbols used (all of them, else the most).
  const covering = (legend: Legend) => used.filter((u) => isPendingWord(u) || legend.symbols.some((s) => foldSymbol(s.symbol) === foldSymbol(u))).length;
  const legend = legends.filter((l) => covering(l) > 0 || used.length === 0).sort((a, b) => covering(b) - covering(a))[0];
  if (legend) {
    const symbols: ScaleSymbol[] = [...legend.symbols];
    // A stated scale wins: a word that states no judgement (未確定) stands beside it; any other symbol
    // the legend does not hold stays off the scale and is reported as not on it (RATING_INVALID).
    for (const u of used) {
      if (symbols.some((s) => foldSymbol(s.symbol) === foldSymbol(u))) continue;
      if (isPendingWord(u)) symbols.push({ symbol: u, bands: [], label: u });
    }
    return { symbols, source: "legend", legend: { row: (legend.rows[0] ?? 0) + 1, text: legend.text }, confirm: false, used };
  }
  const suggested = suggestScale(written);
  // A line that reads as a legend (two symbols or more, each with a colon) that gave no scale, or a legend
  // whose symbols are not those of the rating column: said, and the scale guessed is put to the user.
  const seenRow = legends[0]?.rows[0] ?? reading.outside.find((r) => r < LAYOUT_SEARCH_ROWS * 4 && looksLikeLegend(sheet.line(r)));
  const legendSeen = seenRow === undefined ? undefined : { row: seenRow + 1, text: legends[0]?.text ?? sheet.line(seenRow) };
  return {
    symbols: suggested.scale.symbols,
    source: suggested.source,
    ...(suggested.preset ? { preset: suggested.preset } : {}),
    // S・A・B is what the check always took: only another scale is put to the user — or any, when a
    // legend was seen and not used.
    confirm: legendSeen !== undefined || (suggested.source !== "default" && suggested.scale !== DEFAULT_SCALE),
    used,
    ...(legendSeen ? { legendSeen } : {}),
  };
}

// ---------------------------------------------------------------------------------------------------

/** The first rows' legends, found once per scan. */
function legendRowsOf(sheet: Sheet, limit: number): ReadonlySet<number> {
  sheet.scan.legendRows ??= new Set(findLegends(sheet.rows, Array.from({ length: limit }, (_, i) => i)).flatMap((l) => l.rows));
  return sheet.scan.legendRows;
}

/** The best column of labels (column A or B), found once per scan. */
function labelsOf(sheet: Sheet, legendRows: ReadonlySet<number>, limit: number): LabelCandidate | undefined {
  if (sheet.scan.labels === undefined) {
    const cache = sheet.scan.rowMeanings;
    sheet.scan.labels = [0, 1].map((c) => labelCandidate(sheet, c, legendRows, limit, cache)).filter((c): c is LabelCandidate => c !== undefined).sort((a, b) => b.score - a.score)[0] ?? null;
  }
  return sheet.scan.labels ?? undefined;
}

/**
 * What a sheet's first rows hold: the layout found (without reading the rows), for choosing the table's
 * sheet. `scan`: what the read already learnt of the same rows (readTable hands the reading the same one).
 */
export function detectLayout(grid: LayoutGrid, mapping?: ColumnMap, scan?: SheetScan): { kind: "header" | "labels"; complete: boolean; score: number } | undefined {
  const sheet = new Sheet(grid, scan);
  const limit = Math.min(sheet.rows.length, LAYOUT_SEARCH_ROWS);
  const legendRows = legendRowsOf(sheet, limit);
  const header = headerCandidates(sheet, legendRows, limit, sheet.scan.rowMeanings).sort((a, b) => b.score - a.score)[0];
  const labels = labelsOf(sheet, legendRows, limit);
  if (mapping && Object.keys(mapping).length > 0) {
    const map = { ...(header ? assign(header.meanings) : {}), ...mapping };
    return { kind: "header", complete: missingFields(map).length === 0 || map.rating !== undefined, score: header?.score ?? 1 };
  }
  if (labels && (!header || labels.score > header.score)) return { kind: "labels", complete: true, score: labels.score };
  if (!header) return undefined;
  const map = assign(header.meanings);
  // A rating beside another role (a title, a plan, results, years), or a plan and results whose rating
  // may stand at the end of the results.
  const others = header.meanings.filter((m) => m !== undefined && m.role !== "rating" && (isCore(m.role) || m.role === "year")).length;
  const complete = (map.rating !== undefined && others > 0) || (map.result !== undefined && map.plan !== undefined);
  return { kind: "header", complete, score: header.score };
}

/**
 * Reads one sheet in its own layout. With a user's mapping the sheet is a table whose header is the best
 * row found (or the first row holding two mapped cells).
 */
export function readLayout(grid: LayoutGrid, options: LayoutOptions = {}, scan?: SheetScan): LayoutRead {
  const sheet = new Sheet(grid, scan);
  const limit = Math.min(sheet.rows.length, LAYOUT_SEARCH_ROWS);
  const firstRows = Array.from({ length: limit }, (_, i) => i);
  const legendRows = legendRowsOf(sheet, limit);
  sheet.scan.era ??= { value: eraOf(sheet, limit) };
  const era = sheet.scan.era.value;
  const mapped = options.mapping && Object.keys(options.mapping).length > 0;
  // The header candidates depend on the merged areas (combined): found again here, each text's meaning
  // taken from the scan.
  const headers = headerCandidates(sheet, legendRows, limit, sheet.scan.rowMeanings).sort((a, b) => b.score - a.score || a.row - b.row);
  const labels = mapped ? undefined : labelsOf(sheet, legendRows, limit);
  let header = headers[0];
  if (mapped && !header) {
    // The row the pane showed the columns of: the first holding two mapped cells.
    const columns = Object.values(options.mapping ?? {});
    const row = firstRows.find((r) => columns.filter((c) => sheet.text(r, c) !== "").length >= 2);
    if (row !== undefined) {
      const texts = Array.from({ length: sheet.width(row) }, (_, c) => sheet.text(row, c));
      header = { row, rows: 1, texts, meanings: texts.map((t) => classifyHeader(t)), score: 0 };
    }
  }
  let reading: Reading;
  if (labels && (!header || labels.score > header.score)) reading = readLabelTable(sheet, labels, options, era);
  else if (header) reading = readHeaderTable(sheet, { candidate: header, options, era, legendRows });
  else {
    const firstFilled = firstRows.find((r) => sheet.filled(r).length > 0);
    const headerCells = firstFilled === undefined ? [] : Array.from({ length: sheet.width(firstFilled) }, (_, c) => sheet.text(firstFilled, c));
    while (headerCells.length > 0 && headerCells[headerCells.length - 1] === "") headerCells.pop();
    reading = {
      layout: "table",
      columns: {},
      headers: {},
      headerCells,
      roles: [],
      ...fromDrafts([]),
      problems: [],
      numbering: "order",
      outside: firstRows,
      missing: ["rating", "plan", "result"],
    };
  }

  // The year: stated, else the headers, the grid, a line that names it, the results.
  let year = reading.year;
  if (options.fiscalYear !== undefined && (!year || year.fiscalYear !== options.fiscalYear)) {
    year = { fiscalYear: options.fiscalYear, source: options.fiscalYearSource ?? "settings", text: String(options.fiscalYear) };
  }
  if (!year) {
    for (const role of reading.roles.filter((r) => r.field === "plan" || r.field === "result")) {
      const m = classifyHeader(role.header);
      const fiscalYear = yearOf(m, era);
      if (fiscalYear !== undefined) {
        year = { fiscalYear, source: "header", text: role.header };
        break;
      }
    }
  }
  if (!year && reading.due) year = { fiscalYear: reading.due.fiscalYear, source: "due", text: reading.due.text };
  if (!year) {
    const above = reading.headerRow !== undefined ? Array.from({ length: reading.headerRow }, (_, i) => i) : reading.outside.filter((r) => r < LAYOUT_SEARCH_ROWS);
    const line = yearFromLines(sheet, above);
    if (line) year = line;
  }
  if (!year) {
    const fromResults = yearFromResults(reading.results());
    if (fromResults) year = { ...fromResults, source: "results" };
  }

  const scale = understoodScale(sheet, reading, options);
  const ratingScale: RatingScale = { symbols: scale.symbols };
  const rows = reading.missing.length > 0 ? [] : reading.build(ratingScale);
  const understood: Understood = {
    sheet: grid.name,
    layout: reading.layout,
    ...(reading.headerRow === undefined ? {} : { headerRow: reading.headerRow + 1 }),
    ...(reading.headerRows ? { headerRows: reading.headerRows } : {}),
    ...(reading.labelColumn === undefined ? {} : { labelColumn: reading.labelColumn }),
    roles: reading.roles,
    numbering: reading.numbering,
    ...(reading.parts ? { parts: reading.parts } : {}),
    ...(reading.ratingInResults ? { ratingInResults: true } : {}),
    ...(reading.titleFromPlan ? { titleFromPlan: true } : {}),
    ...(year ? { year } : {}),
    scale,
    otherSheets: [],
  };
  return {
    ...(reading.headerRow === undefined ? {} : { headerRow: reading.headerRow }),
    columns: reading.columns,
    headers: reading.headers,
    headerCells: reading.headerCells,
    rows,
    problems: reading.problems,
    understood,
    missing: reading.missing,
  };
}
