import { hasOwnScale } from "../rating/profile";
import { rateText, type RatingScale, type ScaleSymbol } from "../rating/scale";
import { fiscalYearLabel } from "../fiscalYear";
import type { Localized } from "../text/localized";
import { columnLetter } from "./cells";
import type { Field } from "./columns";
import type { PlanSettings } from "./settings";

/**
 * What the reader understood of a sheet, said before the findings (docs/contracts/workbook.md, "What was
 * understood"): the layout, the header row, the column (or row) of each role with its header text, the
 * year evaluated and where it came from, the rating scale and where it came from, the numbering.
 */
export type LayoutKind = "table" | "yearGrid" | "twoRows" | "sideways" | "blocks";

/** Where the year evaluated was read. */
export type YearSource = "settings" | "option" | "header" | "grid" | "due" | "title" | "legend" | "results";

/** Where the rating scale came from: a setting, a legend in the sheet, the symbols found, or nothing. */
export type ScaleSource = "settings" | "option" | "legend" | "preset" | "words" | "unknown" | "default";

export interface UnderstoodRole {
  field: Field;
  /** The header text (or the row label of a sideways table) as written. */
  header: string;
  /** 0-based column of a table's role; for a sideways table or a block, the column of the labels. */
  column?: number;
  /** 1-based row of a row label (sideways tables, blocks). */
  row?: number;
  /** The role was set by the user's column mapping. */
  mapped?: boolean;
}

export interface UnderstoodYear {
  fiscalYear: number;
  source: YearSource;
  /** The text it was read in: 平成18年度目標, 評価年度:2008年度, H26. */
  text: string;
  /** A year grid's years, oldest first. */
  grid?: number[];
}

export interface UnderstoodScale {
  symbols: readonly ScaleSymbol[];
  source: ScaleSource;
  /** The known scale the symbols were taken for (A/B/C/D/E …). */
  preset?: string;
  /** The legend it was read from: its first row (1-based) and its text. */
  legend?: { row: number; text: string };
  /** Guessed from the symbols alone: the user is asked to confirm it. */
  confirm: boolean;
  /** The symbols found in the rating column, as written (folded once each). */
  used: string[];
  /**
   * A legend seen in the sheet that gave no scale (its lines not understood, or its symbols not those of
   * the rating column): its first row (1-based) and its text. The scale is then a guess, never 「既定」.
   */
  legendSeen?: { row: number; text: string };
}

export interface Understood {
  sheet: string;
  layout: LayoutKind;
  /** 1-based; the first of the header rows. */
  headerRow?: number;
  /** Two header rows (merged group headings over the columns' own). */
  headerRows?: number;
  /** Sideways tables and blocks: the column holding the row labels (0-based). */
  labelColumn?: number;
  roles: UnderstoodRole[];
  /** column: a No. column; order: the rows in order (no No. column); headings: 1. … above each item. */
  numbering: "column" | "order" | "headings";
  /** The header row is repeated above each part of the table (one part per 分野 or per heading). */
  parts?: number;
  /** The rating is written at the end of the results text: 「…(目標達成)」. */
  ratingInResults?: boolean;
  /** The title of an item is the label before 「:」 in its plan cell (口座振替率:45%). */
  titleFromPlan?: boolean;
  year?: UnderstoodYear;
  scale: UnderstoodScale;
  /** Other sheets holding a table of their own (each is checked on its own: --sheet, the pane's sheet choice). */
  otherSheets: string[];
}

/**
 * The settings a check uses for a table as read: the settings sheet's (or the options'), with the scale
 * the workbook states (its legend, or the symbols of its rating column) when the profile states none of
 * its own. The check, the report and the comparison all take the same.
 */
export function settingsWithUnderstood(settings: PlanSettings, understood: Understood | undefined): PlanSettings {
  if (!understood || hasOwnScale(settings.profile)) return settings;
  const scale: RatingScale = { symbols: understood.scale.symbols };
  return { ...settings, profile: { ...settings.profile, scale } };
}

const LAYOUT_TEXT: Readonly<Record<LayoutKind, Localized>> = {
  table: { ja: "1行に1項目の表", en: "a table, one row per item" },
  yearGrid: { ja: "年度ごとの列がある表", en: "a year grid (columns per year)" },
  twoRows: { ja: "1項目を2行（目標・実績）で書く表", en: "two rows per item (target, result)" },
  sideways: { ja: "横向きの表（項目が列）", en: "a sideways table (items across as columns)" },
  blocks: { ja: "項目ごとのブロック（見出しと値）", en: "one block per item (labels and values)" },
};

const YEAR_SOURCE: Readonly<Record<YearSource, Localized>> = {
  settings: { ja: "設定シート", en: "the settings sheet" },
  option: { ja: "指定", en: "the option" },
  header: { ja: "見出し", en: "a header" },
  grid: { ja: "年度の列（実績のある最後の年度）", en: "the year columns (the last year with results)" },
  due: { ja: "目標の時期（目標月）", en: "the targets' due dates" },
  title: { ja: "表題", en: "the title" },
  legend: { ja: "表の上下の行", en: "a line above or below the table" },
  results: { ja: "実績の欄に書かれた年度", en: "the years written in the results" },
};

const SCALE_SOURCE: Readonly<Record<ScaleSource, Localized>> = {
  settings: { ja: "設定シート", en: "the settings sheet" },
  option: { ja: "指定", en: "the option" },
  legend: { ja: "凡例", en: "the legend" },
  preset: { ja: "評価の列の記号から推定（要確認）", en: "guessed from the symbols (to confirm)" },
  words: { ja: "評価の語から推定（要確認）", en: "guessed from the words (to confirm)" },
  unknown: { ja: "記号の意味がわかりません（尺度を指定してください）", en: "unknown symbols (set the scale)" },
  default: { ja: "既定", en: "the default" },
};

const FIELD_TEXT: Readonly<Record<Field, Localized>> = {
  category: { ja: "分野", en: "category" },
  no: { ja: "No.", en: "No." },
  sub: { ja: "枝番", en: "sub No." },
  title: { ja: "項目", en: "title" },
  department: { ja: "担当課", en: "department" },
  rating: { ja: "評価", en: "rating" },
  actions: { ja: "実施内容", en: "actions" },
  plan: { ja: "目標", en: "target" },
  result: { ja: "実績", en: "result" },
  notes: { ja: "備考", en: "notes" },
};

const BAND_TEXT = { ahead: { ja: "予定以上", en: "ahead" }, on: { ja: "予定どおり", en: "on plan" }, behind: { ja: "遅れ", en: "behind" } } as const;

export type Locale = "ja" | "en";

/** Where the scale came from, as said: the default S・A・B guessed from its own symbols is no guess to confirm. */
export function scaleSourceText(scale: Pick<UnderstoodScale, "source" | "confirm" | "legendSeen">, locale: Locale): string {
  if (scale.legendSeen) {
    const where = locale === "ja" ? `${scale.legendSeen.row}行目の凡例を読み取れず` : `the legend in row ${scale.legendSeen.row} not understood`;
    const guess = scale.source === "default" || scale.source === "preset" ? SCALE_SOURCE.preset[locale] : SCALE_SOURCE[scale.source][locale];
    return locale === "ja" ? `${where}、${guess}` : `${where}; ${guess}`;
  }
  if (scale.source === "preset" && !scale.confirm) return locale === "ja" ? "評価の列の記号（既定の S・A・B）" : "the symbols (the default S/A/B)";
  return SCALE_SOURCE[scale.source][locale];
}

/** "A＝予定以上・予定どおり（80%以上）": one symbol of the scale as understood. */
export function symbolText(symbol: ScaleSymbol, locale: Locale): string {
  if (symbol.unread) {
    // A legend's meaning the reader did not understand (群馬県 「B：成果あり」): said, never guessed.
    const label = symbol.label ? (locale === "ja" ? `凡例の「${symbol.label}」` : `the legend's "${symbol.label}"`) : locale === "ja" ? "凡例の意味" : "the legend's meaning";
    return locale === "ja" ? `${symbol.symbol}=判定なし（${label}が読み取れないため）` : `${symbol.symbol}=no judgement (${label} is not understood)`;
  }
  const bands = symbol.bands.length === 0 ? (locale === "ja" ? "判定なし" : "no judgement") : symbol.bands.map((b) => BAND_TEXT[b][locale]).join(locale === "ja" ? "・" : "/");
  const rates = rateText(symbol, locale);
  return `${symbol.symbol}=${bands}${rates ? (locale === "ja" ? `（${rates}）` : ` (${rates})`) : ""}`;
}

/** The scale as one line: "A=予定以上・予定どおり（80%以上） B=遅れ（60%以上80%未満） …". */
export function scaleText(scale: Pick<UnderstoodScale, "symbols">, locale: Locale): string {
  return scale.symbols.map((s) => symbolText(s, locale)).join(" ");
}

/** Where a role stands: "C列「平成18年度目標」", "7行目「27年度目標値」". */
export function roleText(role: UnderstoodRole, locale: Locale): string {
  const where =
    role.row !== undefined
      ? locale === "ja"
        ? `${role.row}行目`
        : `row ${role.row}`
      : role.column !== undefined
        ? locale === "ja"
          ? `${columnLetter(role.column)}列`
          : `column ${columnLetter(role.column)}`
        : "";
  return `${FIELD_TEXT[role.field][locale]}: ${where}${role.header ? `「${role.header.replace(/\s*\n\s*/g, " ")}」` : ""}${role.mapped ? (locale === "ja" ? "（指定）" : " (mapped)") : ""}`;
}

/** The year as understood: "平成18年度（2006）— 見出し「平成18年度目標」". */
export function yearText(year: UnderstoodYear | undefined, locale: Locale): string {
  if (!year) return locale === "ja" ? "評価する年度: わかりません（「計画の情報」で指定してください）" : "Year evaluated: unknown (set it under Plan)";
  const label = locale === "ja" ? `${fiscalYearLabel(year.fiscalYear)}（${year.fiscalYear}年度）` : `FY${year.fiscalYear}`;
  const from = YEAR_SOURCE[year.source][locale];
  return locale === "ja" ? `評価する年度: ${label} — ${from}「${year.text}」から` : `Year evaluated: ${label}, from ${from} "${year.text}"`;
}

/** The year in a few words, for a comparison: "平成18年度（2006年度）、見出し「平成18年度目標」". */
export function yearShort(year: UnderstoodYear | undefined, locale: Locale): string {
  if (!year) return locale === "ja" ? "不明" : "unknown";
  const from = YEAR_SOURCE[year.source][locale];
  const text = year.text && year.text !== String(year.fiscalYear) ? (locale === "ja" ? `「${year.text}」` : ` "${year.text}"`) : "";
  return locale === "ja" ? `${fiscalYearLabel(year.fiscalYear)}（${year.fiscalYear}年度）、${from}${text}` : `FY${year.fiscalYear}, ${from}${text}`;
}

/**
 * What was understood, one line each, for the pane's 「この表の読み方」 and the command line's --explain:
 * the layout, the header row, each role, the numbering, the year, the scale.
 */
export function understoodLines(understood: Understood, locale: Locale): string[] {
  const ja = locale === "ja";
  const lines: string[] = [];
  const header =
    understood.headerRow === undefined
      ? ""
      : ja
        ? `（見出しは ${understood.headerRow}${understood.headerRows === 2 ? `・${understood.headerRow + 1}` : ""}行目${understood.parts && understood.parts > 1 ? `、${understood.parts}か所で繰り返し` : ""}）`
        : ` (header in row ${understood.headerRow}${understood.headerRows === 2 ? `–${understood.headerRow + 1}` : ""}${understood.parts && understood.parts > 1 ? `, repeated ${understood.parts} times` : ""})`;
  lines.push(`${ja ? "表の形: " : "Layout: "}${LAYOUT_TEXT[understood.layout][locale]}${header}${ja ? `、シート「${understood.sheet}」` : `, sheet "${understood.sheet}"`}`);
  for (const role of understood.roles) lines.push(roleText(role, locale));
  if (understood.ratingInResults) lines.push(ja ? "評価: 実績の文末の（ ）から読みました" : "Rating: read from the ( ) at the end of each result");
  if (understood.titleFromPlan) lines.push(ja ? "項目名: 目標の欄の「:」の前から読みました" : "Title: the label before 「:」 in each target cell");
  lines.push(
    understood.numbering === "column"
      ? ja
        ? "番号: No. の列"
        : "Numbers: the No. column"
      : understood.numbering === "headings"
        ? ja
          ? "番号: 各項目の見出しの番号（1. など）"
          : "Numbers: the number of each item's heading (1. …)"
        : ja
          ? "番号: No. の列がないため、上から順に 1, 2, 3 … と番号を付けました"
          : "Numbers: no No. column, so the items are numbered 1, 2, 3 … in order",
  );
  lines.push(yearText(understood.year, locale));
  const scale = understood.scale;
  const legend = scale.legend ? (ja ? `（${scale.legend.row}行目「${scale.legend.text.slice(0, 40)}」）` : ` (row ${scale.legend.row}: "${scale.legend.text.slice(0, 40)}")`) : "";
  lines.push(`${ja ? "評価の尺度" : "Scale"}: ${scaleText(scale, locale)} — ${scaleSourceText(scale, locale)}${legend}`);
  if (scale.legendSeen) {
    const text = scale.legendSeen.text.slice(0, 40);
    lines.push(ja ? `凡例らしい行（${scale.legendSeen.row}行目「${text}」）を尺度として読めませんでした。尺度を確かめてください` : `A line that looks like a legend (row ${scale.legendSeen.row}: "${text}") could not be read as the scale: confirm the scale`);
  }
  const unread = scale.symbols.filter((s) => s.unread);
  if (unread.length > 0) {
    const list = unread.map((s) => (ja ? `${s.symbol}（「${s.label}」）` : `${s.symbol} ("${s.label}")`)).join(ja ? "、" : ", ");
    lines.push(ja ? `凡例のうち意味を読み取れなかった記号: ${list} — これらの評価は数値と照らし合わせません` : `Legend symbols whose meaning was not understood: ${list}; these ratings are not checked against the numbers`);
  }
  if (understood.otherSheets.length > 0) {
    lines.push(ja ? `ほかに表のあるシート: ${understood.otherSheets.join("、")}` : `Other sheets with a table: ${understood.otherSheets.join(", ")}`);
  }
  return lines;
}

/** One line: "佐渡市.xlsx: 1行に1項目の表、評価 C列「自己評価」、平成18年度（見出し）、尺度 A–E（記号から推定・要確認）". */
export function understoodSummary(understood: Understood, locale: Locale): string {
  const ja = locale === "ja";
  const rating = understood.roles.find((r) => r.field === "rating");
  const parts = [LAYOUT_TEXT[understood.layout][locale]];
  if (rating) parts.push(roleText(rating, locale));
  else if (understood.ratingInResults) parts.push(ja ? "評価は実績の文末" : "rating at the end of the results");
  parts.push(
    understood.year
      ? ja
        ? `${understood.year.fiscalYear}年度（${YEAR_SOURCE[understood.year.source].ja}）`
        : `FY${understood.year.fiscalYear} (${YEAR_SOURCE[understood.year.source].en})`
      : ja
        ? "年度不明"
        : "year unknown",
  );
  const symbols = understood.scale.symbols.map((s) => s.symbol).join("/");
  parts.push(ja ? `尺度 ${symbols}（${scaleSourceText(understood.scale, locale)}）` : `scale ${symbols} (${scaleSourceText(understood.scale, locale)})`);
  if (understood.numbering === "order") parts.push(ja ? "番号は行の順" : "numbered in order");
  return parts.join(ja ? "、" : ", ");
}
