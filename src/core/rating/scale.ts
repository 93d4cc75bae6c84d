import { foldWidth } from "../text/fold";

/**
 * Rating scales. A plan rates its items on its own scale — S/A/B (Kodaira), S/A/B/C, A/B/C, ◎/○/△/×,
 * 達成/概ね達成/未達成 — and the profile says which band each symbol means: ahead of the plan, on plan, or
 * behind. A symbol may cover several bands (達成 is "ahead or on plan"); the check then takes any of them
 * as consistent with it.
 */
export type Band = "ahead" | "on" | "behind";
export const BANDS: readonly Band[] = ["ahead", "on", "behind"];

export interface ScaleSymbol {
  symbol: string;
  bands: readonly Band[];
  /** What the symbol means, for the report's legend: 年度当初の予定以上に進捗. */
  label: string;
}

export interface RatingScale {
  symbols: readonly ScaleSymbol[];
}

export const DEFAULT_SCALE: RatingScale = Object.freeze({
  symbols: Object.freeze([
    { symbol: "S", bands: ["ahead"], label: "年度当初の予定以上に進捗" },
    { symbol: "A", bands: ["on"], label: "年度当初の予定どおりに進捗" },
    { symbol: "B", bands: ["behind"], label: "年度当初の予定よりも遅れている" },
  ] as ScaleSymbol[]),
});

/** Scales seen in published reports, offered in the pane. */
export const PRESET_SCALES: readonly { id: string; scale: RatingScale }[] = [
  { id: "S/A/B", scale: DEFAULT_SCALE },
  {
    id: "S/A/B/C",
    scale: {
      symbols: [
        { symbol: "S", bands: ["ahead"], label: "計画以上" },
        { symbol: "A", bands: ["on"], label: "計画どおり" },
        { symbol: "B", bands: ["behind"], label: "やや遅れている" },
        { symbol: "C", bands: ["behind"], label: "ほとんど進んでいない" },
      ],
    },
  },
  {
    id: "A/B/C",
    scale: {
      symbols: [
        { symbol: "A", bands: ["ahead", "on"], label: "計画どおりに取り組めている" },
        { symbol: "B", bands: ["on", "behind"], label: "概ね計画どおりに取り組めている" },
        { symbol: "C", bands: ["behind"], label: "計画に達していない" },
      ],
    },
  },
  {
    id: "◎/○/△/×",
    scale: {
      symbols: [
        { symbol: "◎", bands: ["ahead"], label: "予定以上" },
        { symbol: "○", bands: ["on"], label: "予定どおり" },
        { symbol: "△", bands: ["behind"], label: "やや遅れ" },
        { symbol: "×", bands: ["behind"], label: "遅れ" },
      ],
    },
  },
  {
    id: "達成/概ね達成/未達成",
    scale: {
      symbols: [
        { symbol: "達成", bands: ["ahead", "on"], label: "目標を達成" },
        { symbol: "概ね達成", bands: ["on", "behind"], label: "目標を概ね達成" },
        { symbol: "未達成", bands: ["behind"], label: "目標を未達成" },
      ],
    },
  },
];

/** Folded for comparing what is written with a symbol: width, spaces, case, the shapes of ○ and ×. */
function fold(text: string): string {
  return foldWidth(text)
    .replace(/\s+/g, "")
    .toUpperCase()
    .replace(/[〇◯]/g, "○")
    .replace(/[✕✖╳Ｘ]/g, "×");
}

export type RatingStatus = "ok" | "normalised" | "empty" | "invalid";

/** A rating as written read against the scale: "Ａ", "a", " A " → A (normalised); "－" → "-". */
export function readRating(written: string, scale: RatingScale = DEFAULT_SCALE): { rating: string; status: RatingStatus } {
  const trimmed = written.trim();
  if (trimmed === "") return { rating: "", status: "empty" };
  if (trimmed === "-" || scale.symbols.some((s) => s.symbol === trimmed)) return { rating: trimmed, status: "ok" };
  const folded = fold(trimmed);
  if (/^[-－ー―‐−]$/.test(folded)) return { rating: "-", status: "normalised" };
  const symbol = scale.symbols.find((s) => fold(s.symbol) === folded);
  return symbol ? { rating: symbol.symbol, status: "normalised" } : { rating: trimmed, status: "invalid" };
}

/** The bands a symbol stands for; undefined for "-", empty or a word not on the scale. */
export function bandsOf(symbol: string, scale: RatingScale = DEFAULT_SCALE): readonly Band[] | undefined {
  return scale.symbols.find((s) => s.symbol === symbol)?.bands;
}

/** The symbol to suggest for a band: the first that stands for it alone, else the first that covers it. */
export function symbolFor(band: Band, scale: RatingScale = DEFAULT_SCALE): string {
  const only = scale.symbols.find((s) => s.bands.length === 1 && s.bands[0] === band);
  return (only ?? scale.symbols.find((s) => s.bands.includes(band)))?.symbol ?? "-";
}

/** The symbols, for messages: "S・A・B". */
export function symbolList(scale: RatingScale = DEFAULT_SCALE): string {
  return scale.symbols.map((s) => s.symbol).join("・");
}

/**
 * A scale written as text, best first, as the custom functions take it: "S,A,B", "◎○△×", "達成,概ね達成,未達成".
 * Two symbols: ahead or on plan / behind. Three: ahead / on / behind. More: ahead / on / behind …
 */
export function scaleFromText(text: string): RatingScale | undefined {
  const folded = foldWidth(text).trim();
  const parts = (/[,、/・\s]/.test(folded) ? folded.split(/[,、/・\s]+/) : [...folded]).filter(Boolean);
  if (parts.length < 2 || new Set(parts).size !== parts.length) return undefined;
  const bandsAt = (i: number): Band[] => {
    if (parts.length === 2) return i === 0 ? ["ahead", "on"] : ["behind"];
    return i === 0 ? ["ahead"] : i === 1 ? ["on"] : ["behind"];
  };
  return { symbols: parts.map((symbol, i) => ({ symbol, bands: bandsAt(i), label: "" })) };
}

/** Problems of a scale read from a workbook, in Japanese then English; empty when it is usable. */
export function scaleProblems(input: unknown): string[] {
  const problems: string[] = [];
  const symbols = (input as { symbols?: unknown } | null)?.symbols;
  if (!Array.isArray(symbols) || symbols.length < 2) return ["評価の尺度には記号を2つ以上指定してください / a scale needs at least two symbols"];
  const seen = new Set<string>();
  for (const entry of symbols as { symbol?: unknown; bands?: unknown; label?: unknown }[]) {
    if (typeof entry?.symbol !== "string" || !entry.symbol.trim()) {
      problems.push("評価の記号が空です / a symbol is empty");
      continue;
    }
    if (seen.has(entry.symbol)) problems.push(`記号「${entry.symbol}」が重複しています / symbol "${entry.symbol}" appears twice`);
    seen.add(entry.symbol);
    if (!Array.isArray(entry.bands) || entry.bands.length === 0 || entry.bands.some((b) => !BANDS.includes(b as Band))) {
      problems.push(`記号「${entry.symbol}」の意味は ahead・on・behind から選んでください / bands of "${entry.symbol}" must be ahead, on or behind`);
    }
  }
  const covered = new Set((symbols as { bands?: Band[] }[]).flatMap((s) => s.bands ?? []));
  if (!covered.has("behind")) problems.push("「遅れ」を表す記号がありません / no symbol means behind");
  if (!covered.has("on") && !covered.has("ahead")) problems.push("「予定どおり」を表す記号がありません / no symbol means on plan");
  return problems;
}
