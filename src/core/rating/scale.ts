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
  /** The bands the symbol stands for; none for a word that states no judgement (未確定, 判定保留). */
  bands: readonly Band[];
  /** What the symbol means, for the report's legend: 年度当初の予定以上に進捗. */
  label: string;
  /**
   * A legend that defines the symbol by an achievement rate (「A：達成率80%以上 B：60%以上80%未満」): the
   * lowest rate it stands for (0.8), inclusive, and the rate where the next symbol starts, exclusive.
   */
  minRate?: number;
  maxRate?: number;
  /**
   * A legend gives the symbol a meaning the reader did not understand (群馬県's 「B：成果あり」「C：実施」):
   * it judges nothing (no band), and what was understood says so rather than guessing.
   */
  unread?: boolean;
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
    // 4段階: 「A：計画どおり B：概ね計画どおり C：やや遅れている D：遅れている」 as many plans write it.
    id: "A/B/C/D",
    scale: {
      symbols: [
        { symbol: "A", bands: ["ahead", "on"], label: "計画どおり" },
        { symbol: "B", bands: ["on"], label: "概ね計画どおり" },
        { symbol: "C", bands: ["behind"], label: "やや遅れている" },
        { symbol: "D", bands: ["behind"], label: "遅れている" },
      ],
    },
  },
  {
    // 5段階, as 佐渡市's 評価基準 (極めて良好 / 良好 / 平均的 / 問題が見られる / 極めて問題:
    // http://www.city.sado.niigata.jp/topics/reform/mani18/rev02.shtml).
    id: "A/B/C/D/E",
    scale: {
      symbols: [
        { symbol: "A", bands: ["ahead", "on"], label: "極めて良好" },
        { symbol: "B", bands: ["on"], label: "良好" },
        { symbol: "C", bands: ["on", "behind"], label: "平均的" },
        { symbol: "D", bands: ["behind"], label: "問題が見られる" },
        { symbol: "E", bands: ["behind"], label: "極めて問題" },
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
export function foldSymbol(text: string): string {
  return foldWidth(text)
    .replace(/\s+/g, "")
    .toUpperCase()
    .replace(/[〇◯]/g, "○")
    .replace(/[✕✖╳Ｘ]/g, "×");
}

/**
 * A rating cell without what only points elsewhere: a note pointer 「(※注 2)」, brackets around the
 * symbol 「(未確定)」 (関市's 判定 column: tests/fixtures/cities/seki).
 */
export function bareRating(written: string): string {
  const bare = written
    .replace(/[(（]\s*※[^)）]*[)）]|※.*$/gm, "")
    .trim()
    .replace(/^[(（【[「]\s*([^()（）【】[\]「」]+?)\s*[)）】\]」]$/, "$1")
    .trim();
  return bare;
}

export type RatingStatus = "ok" | "normalised" | "empty" | "invalid";

/** A rating as written read against the scale: "Ａ", "a", " A " → A (normalised); "－" → "-"; 「(未確定)」 → 未確定. */
export function readRating(written: string, scale: RatingScale = DEFAULT_SCALE): { rating: string; status: RatingStatus } {
  const trimmed = written.trim();
  if (trimmed === "") return { rating: "", status: "empty" };
  if (trimmed === "-" || scale.symbols.some((s) => s.symbol === trimmed)) return { rating: trimmed, status: "ok" };
  const folded = foldSymbol(trimmed);
  if (/^[-－ー―‐−]$/.test(folded)) return { rating: "-", status: "normalised" };
  let symbol = scale.symbols.find((s) => foldSymbol(s.symbol) === folded);
  if (!symbol) {
    const bare = foldSymbol(bareRating(trimmed));
    if (bare !== folded && bare !== "") symbol = scale.symbols.find((s) => foldSymbol(s.symbol) === bare);
  }
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

/** Whether the scale defines its symbols by achievement rates (a legend 「A：達成率80%以上 …」). */
export function isRateScale(scale: RatingScale): boolean {
  return scale.symbols.some((s) => s.minRate !== undefined || s.maxRate !== undefined);
}

/** The symbol whose rates hold this achievement (0.837 → the A of 「A：80%以上」), or undefined. */
export function symbolForRate(rate: number, scale: RatingScale): ScaleSymbol | undefined {
  return scale.symbols.find((s) => (s.minRate !== undefined || s.maxRate !== undefined) && rate >= (s.minRate ?? -Infinity) && rate < (s.maxRate ?? Infinity));
}

/** The symbols, for messages: "S・A・B". */
export function symbolList(scale: RatingScale = DEFAULT_SCALE): string {
  return scale.symbols.map((s) => s.symbol).join("・");
}

/** "80%以上", "60%以上80%未満", "20%未満": a symbol's rates as a legend writes them. */
export function rateText(symbol: Pick<ScaleSymbol, "minRate" | "maxRate">, locale: "ja" | "en" = "ja"): string {
  const pct = (r: number) => `${Math.round(r * 1000) / 10}%`;
  const { minRate: min, maxRate: max } = symbol;
  if (locale === "en") {
    if (min !== undefined && max !== undefined) return `${pct(min)} to under ${pct(max)}`;
    return min !== undefined ? `${pct(min)} or more` : max !== undefined ? `under ${pct(max)}` : "";
  }
  if (min !== undefined && max !== undefined) return `${pct(min)}以上${pct(max)}未満`;
  return min !== undefined ? `${pct(min)}以上` : max !== undefined ? `${pct(max)}未満` : "";
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
  for (const entry of symbols as { symbol?: unknown; bands?: unknown; label?: unknown; minRate?: unknown; maxRate?: unknown }[]) {
    if (typeof entry?.symbol !== "string" || !entry.symbol.trim()) {
      problems.push("評価の記号が空です / a symbol is empty");
      continue;
    }
    if (seen.has(entry.symbol)) problems.push(`記号「${entry.symbol}」が重複しています / symbol "${entry.symbol}" appears twice`);
    seen.add(entry.symbol);
    // No band at all: a word that states no judgement (未確定).
    if (!Array.isArray(entry.bands) || entry.bands.some((b) => !BANDS.includes(b as Band))) {
      problems.push(`記号「${entry.symbol}」の意味は ahead・on・behind から選んでください / bands of "${entry.symbol}" must be ahead, on or behind`);
    }
    for (const key of ["minRate", "maxRate"] as const) {
      const rate = entry[key];
      if (rate !== undefined && !(typeof rate === "number" && Number.isFinite(rate) && rate >= 0 && rate <= 10)) {
        problems.push(`記号「${entry.symbol}」の ${key} は 0〜10 の比率（0.8 = 80%）で指定してください / ${key} of "${entry.symbol}" must be a ratio from 0 to 10 (0.8 = 80%)`);
      }
    }
  }
  const covered = new Set((symbols as { bands?: Band[] }[]).flatMap((s) => (Array.isArray(s.bands) ? s.bands : [])));
  if (!covered.has("behind")) problems.push("「遅れ」を表す記号がありません / no symbol means behind");
  if (!covered.has("on") && !covered.has("ahead")) problems.push("「予定どおり」を表す記号がありません / no symbol means on plan");
  return problems;
}

/*
 * Reading a scale that no setting states: from the legend's words, from the symbols found in the rating
 * column. The words are those of published legends: 小平市 (予定以上 / 予定どおり / 遅れている, seeds/),
 * 下野市 (計画以上 / 計画どおり / やや遅れている / ほとんど進んでいない:
 * http://www.city.shimotsuke.lg.jp/0712/info-0000006600-3.html), さいたま市 (目標を上回って達成 / 目標をおおむね
 * 達成 / 時期の遅れはあるが目標をおおむね達成 / 目標を未達成: https://www.city.saitama.jp/006/007/014/005/p056344.html),
 * 佐渡市 (極めて良好 … 極めて問題), 川崎市 (目標を大きく上回って達成 … 目標を大きく下回った), 第二次行政改革大綱の
 * 進捗状況 (未着手 / 取組中 / 完了; 未達成 / 一部達成 / 達成: https://paperzz.com/doc/6270048/ — 一部達成 is 「一部成果が
 * 認められるもの」, short of the target), 那覇市 (◎ 達成 / ○ 概ね達成 / △ 一部達成 / 未 未達成 / 繰 繰越 / − 廃止:繰越 and
 * 廃止 judge nothing), 長与町's 数値目標評価 (S：現在値が目標値を超えている / A：…基準値を超えている / B：…基準値と同水準 /
 * C：…基準値より下落している / －：評価できない: https://webtown.nagayo.jp/kiji0032107/index.html — 下落 is behind,
 * 評価できない judges nothing), 名古屋港管理組合's 事務事業の状況 (順調：到達すべきレベルの80%以上 / やや遅れ：60%以上 /
 * 遅れ: https://www.port-of-nagoya.jp/meikan/gyozaisei/gyoseihyoka/1001259/1001275/1001276.html).
 */

/** Words that state no judgement: the cell says the rating is pending or does not apply. */
const PENDING = /^(?:未確定|判定保留|評価保留|保留|対象外|未評価|評価なし|評価不能|判定不能|評価できない|判定できない|把握できない|集計中|確定次第|繰越|繰|廃止|中止|廃止\(中止\)|[-ー―－−])$/;

/** Whether a rating word states no judgement (未確定, 判定保留, 対象外 …). */
export function isPendingWord(text: string): boolean {
  return PENDING.test(foldSymbol(bareRating(text)));
}

const VERY_GOOD = /極めて良好|非常に良好|大変良好|特に優れ|非常に効果的|大いに効果/;
const BEHIND = /未達|達していない|達しない|下回|遅れ|遅延|問題|下落|悪化|不十分|未着手|未実施|進んでいない|進まず|停滞|困難|低調|至らず|できなかった|できていない|未了|不可|効果が(?:なかった|見られなかった)|効果はなかった|一部達成|一部実施|一部成果/;
/**
 * The choices of 内閣府's form for 地方創生 grants (様式2 「事業の評価」, as 坂井市 fills it: tests/fixtures/cities/sakai):
 * 非常に効果的であった (very good) / 相当程度効果があった (on) / 効果があった (on or behind) / 効果がなかった (behind).
 */
const EFFECT_ON = /相当程度効果/;
const EFFECT_SOME = /効果があった|効果的であった/;
const ALMOST = /概ね|おおむね|ほぼ/;
const AHEAD = /予定以上|計画以上|目標以上|想定以上|見込以上|上回|前倒し|超過|超えて|大きく進/;
const MIXED = /平均的/;
const ON = /予定どおり|予定通り|計画どおり|計画通り|目標どおり|目標通り|順調|概ね|おおむね|ほぼ|良好|標準|取り組めている|進んでいる|進捗している|取組中|実施中/;
const DONE = /達成|完了|実施済|済み?$|実施した/;

/**
 * The bands a legend's words give a symbol (予定以上 → ahead; 予定どおり, 概ね → on; 遅れ, 未達成, 問題 →
 * behind; 極めて良好, 達成 → ahead or on; 平均的 → on or behind), or undefined when the words say none.
 */
export function bandsOfMeaning(text: string): Band[] | undefined {
  const t = foldWidth(text).replace(/\s+/g, "");
  if (t === "") return undefined;
  if (VERY_GOOD.test(t)) return ["ahead", "on"];
  if (BEHIND.test(t)) return ALMOST.test(t) ? ["on", "behind"] : ["behind"];
  if (EFFECT_ON.test(t)) return ["on"];
  if (EFFECT_SOME.test(t)) return ["on", "behind"];
  if (AHEAD.test(t)) return ["ahead"];
  if (MIXED.test(t)) return ["on", "behind"];
  if (ON.test(t)) return ["on"];
  if (DONE.test(t)) return ["ahead", "on"];
  return undefined;
}

const PCT = String.raw`(\d+(?:\.\d+)?)\s*[%％]`;
const RANGE_PATTERNS: readonly [RegExp, (m: RegExpExecArray) => { min?: number; max?: number }][] = [
  // 60%以上80%未満
  [new RegExp(`${PCT}\\s*以上\\s*${PCT}\\s*未満`), (m) => ({ min: Number(m[1]), max: Number(m[2]) })],
  // 80%~100%以上: from 80 %, with no end
  [new RegExp(`${PCT}\\s*[~〜～\\-－]\\s*${PCT}\\s*以上`), (m) => ({ min: Number(m[1]) })],
  // 60%~80%, 60%~80%未満
  [new RegExp(`${PCT}\\s*[~〜～\\-－]\\s*${PCT}`), (m) => ({ min: Number(m[1]), max: Number(m[2]) })],
  // 60~80%
  [new RegExp(`(\\d+(?:\\.\\d+)?)\\s*[~〜～\\-－]\\s*${PCT}`), (m) => ({ min: Number(m[1]), max: Number(m[2]) })],
  [new RegExp(`${PCT}\\s*以上`), (m) => ({ min: Number(m[1]) })],
  [new RegExp(`${PCT}\\s*(?:超|を超える)`), (m) => ({ min: Number(m[1]) + 0.05 })],
  [new RegExp(`${PCT}\\s*未満`), (m) => ({ max: Number(m[1]) })],
  [new RegExp(`${PCT}\\s*以下`), (m) => ({ max: Number(m[1]) + 0.05 })],
];

/** The achievement rates a legend's words give a symbol, as ratios: 「達成率80%以上」 → { min: 0.8 }. */
export function rateRangeOf(text: string): { min?: number; max?: number } | undefined {
  const t = foldWidth(text);
  for (const [pattern, read] of RANGE_PATTERNS) {
    const m = pattern.exec(t);
    if (!m) continue;
    const range = read(m);
    return { ...(range.min === undefined ? {} : { min: range.min / 100 }), ...(range.max === undefined ? {} : { max: range.max / 100 }) };
  }
  return undefined;
}

/** The bands of a rate range: below 100 % → behind; holding 100 % → on (and ahead with no end); above → ahead. */
export function bandsOfRates(min: number | undefined, max: number | undefined): Band[] {
  if (max !== undefined && max <= 1) return ["behind"];
  if (min !== undefined && min > 1) return ["ahead"];
  return max === undefined ? ["ahead", "on"] : ["on"];
}

/**
 * Rate-defined symbols as a legend gives them, completed: the symbol with the highest rates has no end
 * (「A：95%~100%」 also holds 104 %), the lowest starts at 0, a symbol given only where it starts ends where
 * the next one up starts (名古屋港's 「順調：80%以上 やや遅れ：60%以上 遅れ：60%未満」: やや遅れ is 60–80 %), and
 * each band follows from its rates.
 */
export function completeRates(symbols: readonly ScaleSymbol[]): ScaleSymbol[] {
  const rated = symbols.filter((s) => s.minRate !== undefined || s.maxRate !== undefined);
  if (rated.length === 0) return [...symbols];
  const top = rated.reduce((a, b) => ((b.minRate ?? 0) > (a.minRate ?? 0) ? b : a));
  const bottom = rated.reduce((a, b) => ((b.minRate ?? 0) < (a.minRate ?? 0) ? b : a));
  return symbols.map((s) => {
    if (s.minRate === undefined && s.maxRate === undefined) return s;
    const minRate = s === bottom ? undefined : s.minRate;
    const nextUp = s.maxRate === undefined && s.minRate !== undefined ? Math.min(...rated.map((r) => r.minRate ?? -Infinity).filter((m) => m > (s.minRate as number))) : undefined;
    const maxRate = s === top ? undefined : (s.maxRate ?? (nextUp !== undefined && Number.isFinite(nextUp) ? nextUp : undefined));
    return {
      symbol: s.symbol,
      bands: bandsOfRates(minRate, maxRate),
      label: s.label,
      ...(minRate === undefined ? {} : { minRate }),
      ...(maxRate === undefined ? {} : { maxRate }),
      ...(s.unread ? { unread: true } : {}),
    };
  });
}

/**
 * A legend whose best symbol says only "beyond the target" (長与町 「S：現在値が目標値を超えている」, 群馬県
 * 「A：大きな成果あり（目標以上）」) and that has no symbol for "as planned": meeting the target is that best
 * symbol's too, since no other symbol could stand for it.
 */
export function completeBands(symbols: readonly ScaleSymbol[]): ScaleSymbol[] {
  if (symbols.some((s) => s.bands.includes("on"))) return [...symbols];
  return symbols.map((s) => (s.bands.length === 1 && s.bands[0] === "ahead" ? { ...s, bands: ["ahead", "on"] } : s));
}

export interface SuggestedScale {
  scale: RatingScale;
  /** preset: the symbols are those of a known scale; words: each symbol's own word; unknown: no meaning found. */
  source: "preset" | "words" | "unknown" | "default";
  preset?: string;
  /** Symbols written once in a table of twenty rated rows or more that were left off the scale the others suggest. */
  strays?: string[];
}

/** How many rated rows a table needs before a symbol written in one of them may be taken for a slip. */
export const STRAY_TABLE_ROWS = 20;

/** Presets tried for the symbols found, smallest first (S/A/B before A/B/C for A and B alone). */
const SUGGESTION_ORDER = ["S/A/B", "A/B/C", "S/A/B/C", "A/B/C/D", "A/B/C/D/E", "◎/○/△/×", "達成/概ね達成/未達成"];

/**
 * The scale the symbols found in a rating column suggest when no legend and no setting states one (each
 * row's rating, so that a symbol used often weighs more than a slip): the known scale holding the most
 * ratings (A, B, E → A–E; smallest first on a tie, S/A/B before A/B/C for A and B alone); a symbol it
 * lacks joins it by its own word (目標達成 → ahead or on) or stays off the scale, to be reported as not
 * on it. A symbol written in one row of a table of twenty or more never moves the others' S・A・B to
 * another scale that changes their meaning (a slip is not a re-scaling): it stays off the scale. With no known scale at all, each symbol's own word (目標達成, with 未達成 added for behind); else
 * symbols that judge nothing (the user is asked for the scale). Words that state no judgement (未確定)
 * stand in every scale as they are written, with no band.
 */
export function suggestScale(written: readonly string[] | ReadonlyMap<string, number>): SuggestedScale {
  const seen = new Map<string, { bare: string; rows: number }>();
  const counted: Iterable<readonly [string, number]> = Array.isArray(written) ? (written as readonly string[]).map((t) => [t, 1] as const) : (written as ReadonlyMap<string, number>);
  for (const [text, rows] of counted) {
    const bare = bareRating(text);
    const key = foldSymbol(bare);
    if (key === "" || key === "-") continue;
    const entry = seen.get(key);
    if (entry) entry.rows += rows;
    else seen.set(key, { bare, rows });
  }
  const pending: ScaleSymbol[] = [];
  const judged: string[] = [];
  for (const [key, { bare }] of seen) {
    if (PENDING.test(key)) pending.push({ symbol: bare, bands: [], label: "判定なし" });
    else judged.push(key);
  }
  if (judged.length === 0) return { scale: pending.length ? { symbols: [...DEFAULT_SCALE.symbols, ...pending] } : DEFAULT_SCALE, source: "default" };
  const worded = (key: string): ScaleSymbol | undefined => {
    const bands = bandsOfMeaning(key);
    const symbol = seen.get(key)?.bare ?? key;
    return bands ? { symbol, bands, label: symbol } : undefined;
  };
  const rowsOf = (key: string) => seen.get(key)?.rows ?? 0;
  const presetFor = (keys: readonly string[]) => {
    let best: { id: string; scale: RatingScale; rows: number } | undefined;
    for (const id of SUGGESTION_ORDER) {
      const preset = PRESET_SCALES.find((p) => p.id === id);
      if (!preset) continue;
      const symbols = new Set(preset.scale.symbols.map((s) => foldSymbol(s.symbol)));
      const rows = keys.filter((k) => symbols.has(k)).reduce((n, k) => n + rowsOf(k), 0);
      if (rows > (best?.rows ?? 0)) best = { id, scale: preset.scale, rows };
    }
    return best;
  };
  const bandsIn = (scale: RatingScale, key: string) => JSON.stringify([...(scale.symbols.find((s) => foldSymbol(s.symbol) === key)?.bands ?? [])].sort());
  // One stray symbol never re-scales the table away from S・A・B, the scale the check takes when nothing
  // is stated: a symbol written in one row of twenty or more that would turn the others' S・A・B into
  // another known scale and change what they mean (a C among 40 ratings of A and B turning every A into
  // 「A/B/C」's A) stays off the scale, to be reported as not on it (RATING_INVALID). A symbol that
  // extends another guess (one E on a table of A–D) is that scale's own and joins it.
  const total = judged.reduce((n, k) => n + rowsOf(k), 0);
  let kept = [...judged];
  const strays: string[] = [];
  if (total >= STRAY_TABLE_ROWS) {
    for (const key of judged.filter((k) => rowsOf(k) === 1)) {
      const rest = kept.filter((k) => k !== key);
      const withIt = presetFor(kept);
      const without = presetFor(rest);
      if (!withIt || !without || withIt.id === without.id || without.scale !== DEFAULT_SCALE) continue;
      if (rest.some((k) => bandsIn(withIt.scale, k) !== bandsIn(without.scale, k))) {
        kept = rest;
        strays.push(key);
      }
    }
  }
  const best = presetFor(kept);
  if (best) {
    const known = new Set(best.scale.symbols.map((s) => foldSymbol(s.symbol)));
    const extra = kept.filter((k) => !known.has(k)).map(worded).filter((s): s is ScaleSymbol => s !== undefined);
    const symbols = [...best.scale.symbols, ...extra, ...pending];
    return {
      scale: symbols.length === best.scale.symbols.length ? best.scale : { symbols },
      source: "preset",
      preset: best.id,
      ...(strays.length > 0 ? { strays: strays.map((k) => seen.get(k)?.bare ?? k) } : {}),
    };
  }
  const words = judged.map(worded);
  if (words.some((w) => w !== undefined)) {
    const symbols = words.filter((w): w is ScaleSymbol => w !== undefined);
    // A scale needs a word for each side: 目標達成 alone gets 未達成 beside it, for the suggestion.
    if (!symbols.some((s) => s.bands.includes("behind"))) symbols.push({ symbol: "未達成", bands: ["behind"], label: "未達成" });
    if (!symbols.some((s) => s.bands.includes("on") || s.bands.includes("ahead"))) symbols.unshift({ symbol: "達成", bands: ["ahead", "on"], label: "達成" });
    return { scale: { symbols: [...symbols, ...pending] }, source: "words" };
  }
  return { scale: { symbols: [...judged.map((key) => ({ symbol: seen.get(key)?.bare ?? key, bands: [] as Band[], label: "" })), ...pending] }, source: "unknown" };
}
