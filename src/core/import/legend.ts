import { DEFAULT_SCALE, type Band, type RatingScale, type ScaleSymbol } from "../rating/scale";
import { foldText } from "../text/fold";

/**
 * The rating legend of a published report's text (評価の凡例, 評価基準), read into a scale: each symbol,
 * what it means, and the bands that meaning stands for. The forms are those of the corpus
 * (tests/fixtures/cities/): 「S：年度当初の予定以上に進捗」 (Kodaira), 「A:95%~100% B:90%~95%」 and
 * 「80%~100%以上A評価・60%~80%がB評価」 (Shimoda), 「1 目標を大きく上回って達成」 (Kawasaki), a legend
 * row beside a row of symbols (評定基準 | 極めて良好 | 良好 … / 評定 | A | B …, Sado), 「「達成」・・・「◎」」 (Naha).
 * Without a legend, the symbols the ratings use suggest a scale, which the import says was assumed.
 */
export interface LegendEntry {
  symbol: string;
  meaning: string;
  bands: readonly Band[];
  /** A legend that defines the symbol by an achievement rate (percent): 80%~100%以上 → 80. */
  minRate?: number;
  maxRate?: number;
}

/** The bands a meaning stands for, from its words; undefined when they say none (判定保留, 繰越). */
export function bandsOfMeaning(meaning: string): Band[] | undefined {
  const text = foldText(meaning).replace(/\s+/g, "");
  const rate = RATE_RANGE.exec(text);
  if (rate) return rateBands(Number(rate[1]), Number(rate[2]), rate[3] !== undefined);
  if (/極めて良好|非常に良好/.test(text)) return ["ahead", "on"];
  if (/大きく上回|上回って達成|予定以上|計画以上|以上に進捗|前倒し/.test(text)) return ["ahead"];
  if (/ほぼ達成|ほぼ計画/.test(text)) return ["on"];
  if (/概ね|おおむね|一部達成|平均的|普通/.test(text)) return ["on", "behind"];
  if (/遅れ|下回|未達成|未達|問題|未着手|不十分|進んでいない|未実施|効果がなかった/.test(text)) return ["behind"];
  if (/どおり|通り|順調|良好|予定のとおり/.test(text)) return ["on"];
  if (/達成|完了/.test(text)) return ["ahead", "on"];
  return undefined;
}

/** 95%~100%, 80%~100%以上, 0%~20%: a band of achievement rates. */
const RATE_RANGE = /(\d+(?:\.\d+)?)%?~(\d+(?:\.\d+)?)%(以上)?/;

function rateBands(min: number, max: number, orMore: boolean): Band[] {
  return max >= 100 || orMore ? ["ahead", "on"] : ["behind"];
}

const SYMBOL = "(?:[A-ES]|[◎○△×●◯]|[1-5])";
/** S:…, 「A」：…, A:95%~100%: a symbol, a colon, its meaning up to the next symbol of the line. */
const COLON_ENTRY = new RegExp(`(?:^|\\s)「?(${SYMBOL})」?\\s*[:：]\\s*(.+?)(?=\\s+「?${SYMBOL}」?\\s*[:：]|$)`, "g");
/** 80%~100%以上 A 評価・60%~80%が B 評価 (Shimoda). */
const RATE_ENTRY = /(\d+(?:\.\d+)?%~\d+(?:\.\d+)?%(?:以上)?)\s*が?\s*([A-E])\s*評価/g;
/** 「達成」・・・「◎」 (Naha): the meaning first, then its symbol. */
const QUOTED_ENTRY = /「([^「」]{1,12})」\s*[・.…]{2,}\s*「([^「」]{1,3})」/g;
/** 1 目標を大きく上回って達成 0 0 (Kawasaki): a digit, its meaning, counts after it. */
const NUMBERED_ENTRY = /^\s*([1-5])\s+([^\d\s][^\d]*?)(?:\s+\d+)*\s*$/;

/** The legend entries a text holds, in the order written; one symbol is read once. */
export function legendEntries(text: string): LegendEntry[] {
  const lines = foldText(text.replace(/\r\n?/g, "\n")).split("\n");
  const entries: LegendEntry[] = [];
  const add = (symbol: string, meaning: string) => {
    const bands = bandsOfMeaning(meaning);
    if (!bands || entries.some((e) => e.symbol === symbol)) return;
    const rate = RATE_RANGE.exec(meaning.replace(/\s+/g, ""));
    entries.push({ symbol, meaning: meaning.trim(), bands, ...(rate ? { minRate: Number(rate[1]), ...(rate[3] || Number(rate[2]) >= 100 ? {} : { maxRate: Number(rate[2]) }) } : {}) });
  };
  // Numbered legends count only as a run of at least two lines that all say a band.
  const numbered: [string, string][] = [];
  const flushNumbered = () => {
    if (numbered.length >= 2) for (const [symbol, meaning] of numbered) add(symbol, meaning);
    numbered.length = 0;
  };
  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i] ?? "";
    const numberedMatch = NUMBERED_ENTRY.exec(line);
    if (numberedMatch?.[1] && numberedMatch[2] && bandsOfMeaning(numberedMatch[2])) {
      numbered.push([numberedMatch[1], numberedMatch[2]]);
      continue;
    }
    flushNumbered();
    for (const m of line.matchAll(RATE_ENTRY)) if (m[1] && m[2]) add(m[2], m[1]);
    for (const m of line.matchAll(QUOTED_ENTRY)) if (m[1] && m[2]) add(m[2], m[1]);
    for (const m of line.matchAll(COLON_ENTRY)) if (m[1] && m[2] && m[2].length <= 40) add(m[1], m[2]);
    sideways(lines[i - 1], line, add);
  }
  flushNumbered();
  return entries;
}

/** Two rows side by side: meanings (評定基準 | 極めて良好 | …) above symbols (評定 | A | B | …). */
function sideways(above: string | undefined, line: string, add: (symbol: string, meaning: string) => void): void {
  if (!above || !line.includes("|") || !above.includes("|")) return;
  const cells = (text: string) => text.split("|").map((c) => c.trim()).filter((c, i, all) => c !== "" || i < all.length - 1);
  const symbols = cells(line);
  const meanings = cells(above);
  if (symbols.length < 3 || symbols.length !== meanings.length) return;
  const values = symbols.slice(1);
  if (!values.every((s) => new RegExp(`^${SYMBOL}$`).test(s))) return;
  values.forEach((symbol, i) => add(symbol, meanings[i + 1] ?? ""));
}

/** Where a scale came from, for what the import says it understood. */
export type ScaleSource = "legend" | "symbols" | "default";

export interface ScaleRead {
  scale: RatingScale;
  source: ScaleSource;
  /** Symbols defined by achievement rates (the profile's scale cannot hold them yet). */
  rates: Record<string, { min?: number; max?: number }>;
}

/** Words that give no judgement: the row is not rated yet (関市 「(未確定)」, 判定保留). */
export const NO_JUDGEMENT = /^[(（]?(?:未確定|判定保留|保留|確定次第|集計中|評価対象外)[)）]?$/;

/** Word ratings and the band each stands for, with the one a scale of them needs for "behind". */
const WORD_RATINGS: readonly (readonly [string, readonly Band[]])[] = [
  ["目標達成", ["ahead", "on"]],
  ["達成", ["ahead", "on"]],
  ["概ね達成", ["on", "behind"]],
  ["一部達成", ["on", "behind"]],
  ["未達成", ["behind"]],
];

/**
 * The scale of the ratings found: the legend's when it names every symbol used; else one the symbols
 * suggest (S/A/B; 達成 and 未達成; letters or digits by their order, the first the best), said to be assumed.
 */
export function scaleFor(ratings: readonly string[], legend: readonly LegendEntry[]): ScaleRead {
  // A word that gives no judgement ((未確定)) is on no scale: the check says so; it does not choose the scale.
  const used = [...new Set(ratings.filter((r) => r !== "" && r !== "-" && !NO_JUDGEMENT.test(r.replace(/\s+/g, ""))))];
  const rates: ScaleRead["rates"] = {};
  if (legend.length >= 2 && used.every((r) => legend.some((e) => e.symbol === r))) {
    for (const e of legend) if (e.minRate !== undefined || e.maxRate !== undefined) rates[e.symbol] = { min: e.minRate, max: e.maxRate };
    return { scale: { symbols: legend.map((e) => ({ symbol: e.symbol, bands: e.bands, label: e.meaning })) }, source: "legend", rates };
  }
  if (used.length > 0 && used.every((r) => ["S", "A", "B"].includes(r))) return { scale: DEFAULT_SCALE, source: "symbols", rates };
  const words = WORD_RATINGS.filter(([word]) => used.includes(word));
  if (words.length > 0 && words.length === used.length) {
    const symbols: ScaleSymbol[] = words.map(([symbol, bands]) => ({ symbol, bands, label: "" }));
    if (!symbols.some((s) => s.bands.includes("behind"))) symbols.push({ symbol: "未達成", bands: ["behind"], label: "" });
    return { scale: { symbols }, source: "symbols", rates };
  }
  const letters = used.every((r) => /^[A-E]$/.test(r));
  const digits = used.every((r) => /^[1-5]$/.test(r));
  if (used.length > 0 && (letters || digits)) {
    const last = used.reduce((a, b) => (a > b ? a : b));
    const first = letters ? "A" : "1";
    const all: string[] = [];
    for (let c = first.charCodeAt(0); c <= last.charCodeAt(0); c += 1) all.push(String.fromCharCode(c));
    if (all.length < 2) all.push(String.fromCharCode(last.charCodeAt(0) + 1));
    const bandsAt = (i: number): Band[] => (all.length === 2 ? (i === 0 ? ["ahead", "on"] : ["behind"]) : i === 0 ? ["ahead"] : i === 1 ? ["on"] : ["behind"]);
    return { scale: { symbols: all.map((symbol, i) => ({ symbol, bands: bandsAt(i), label: "" })) }, source: "symbols", rates };
  }
  return { scale: DEFAULT_SCALE, source: "default", rates };
}
