import { bandsOfMeaning, bandsOfRates, completeBands, completeRates, foldSymbol, isPendingWord, rateRangeOf, type Band, type ScaleSymbol } from "../rating/scale";
import { foldWidth } from "../text/fold";
import { rawText, type RawCell } from "./cells";

/**
 * Legends: the lines above or below a table that say what each rating symbol means (「評価の見方」,
 * 「評価基準」), read into a scale — each symbol's band from the words of its meaning (予定以上 → ahead,
 * 予定どおり → on, 遅れ → behind …, rating/scale.ts) or, where the legend defines it by an achievement rate
 * (「A：達成率80%以上 B：60%以上80%未満 … E：20%未満」), its rates.
 *
 * Forms read, each from a published report:
 * - one pair per line or several on a line, 「S」：年度当初の予定以上に進捗 (小平市, seeds/), A：計画どおり
 *   B：やや遅れている, 「A:95%~100% B:90%~95% …」 (下田市 上河内市営住宅, tests/fixtures/cities/shimoda);
 * - a sentence, 「…目標達成率の80%~100%以上A評価・60%~80%がB評価・…」 (下田市 稲梓基幹集落センター);
 * - a small table, a symbol and its meaning on each row: 「1 | 目標を大きく上回って達成 | 0 | 0」
 *   (川崎市 施策進行管理・評価票, tests/fixtures/cities/kawasaki);
 * - two rows, the meanings over the symbols: 「評定基準 | 極めて良好 | 良好 | …」「評定 | A | B | …」 (佐渡市
 *   rev02: http://www.city.sado.niigata.jp/topics/reform/mani18/rev02.shtml);
 * - quoted pairs, the meaning first: 「「達成」・・・「◎」 「概ね達成」・・・「○」 … 「繰越」・・・「繰」」, in one cell above the
 *   table (那覇市, tests/fixtures/cities/naha).
 */
export interface Legend {
  /** 0-based rows the legend takes. */
  rows: number[];
  /** Its text, the rows' cells joined. */
  text: string;
  symbols: ScaleSymbol[];
}

/** A symbol as a legend writes it: a letter of either case (大田原市 writes a–d), a digit, ◎○△× and their kin. */
const SYMBOL = "[A-Za-z]|[◎○〇◯△▲×●□■]|[1-9]";
/** A dash: the legend's "not rated" (長与町 「－：評価できない」). */
const DASH_SYMBOL = /^[-－―−]$/;
/** What may stand before a colon as a pair's symbol: a short token, checked by isMark. */
const PAIR = /(^|[\s、,・。/])「?([^\s:：「」、,・。/()（）=]{1,8})」?\s*[:：=]\s*/g;
/** Words that head a legend or a table, never a symbol of its own (達成状況：…). */
const HEADING_WORD = /状況|評価|基準|区分|凡例|見方|判定|達成度/;
/** 80%~100%以上A評価, 60%~80%がB評価. */
const RATE_SENTENCE = /(\d+(?:\.\d+)?)\s*%\s*[~〜～\-－]\s*(\d+(?:\.\d+)?)\s*%\s*(以上)?\s*(?:が|は|を|で|の)?\s*([A-Z])\s*評価/g;
/** A symbol alone, and alone in 「」 with spaces dropped (a cell of a legend's table). */
const SYMBOL_TOKEN = new RegExp(`^(?:${SYMBOL})$`);
const SYMBOL_CELL = new RegExp(`^「?(?:${SYMBOL})」?$`);
/** Whether a folded line may hold a pair at all: it needs a colon or an equals sign, and most lines have none. */
const mayPair = (folded: string) => folded.includes(":") || folded.includes("：") || folded.includes("=");
/**
 * What every form of a legend's line needs, before folding (full-width ％ ： ＝ fold to % : =): a colon or
 * an equals sign (pairs), 「 (quoted pairs), % (rate sentences). A line with none of them — most lines of
 * a table — is no legend and is not folded at all.
 */
const LEGEND_CHARACTER = /[:：=＝「%％]/;

/**
 * Whether a token before a colon is a legend's symbol: a letter, a digit or a mark; a dash; or a rating
 * word that says its own meaning (名古屋港 「順調：… やや遅れ：… 遅れ：…」) — never a heading (評価基準：…).
 */
function isMark(token: string): boolean {
  if (SYMBOL_TOKEN.test(token) || DASH_SYMBOL.test(token)) return true;
  if (/\d/.test(token) || HEADING_WORD.test(token)) return false;
  return bandsOfMeaning(token) !== undefined || isPendingWord(token);
}

/** A legend's pair as written: the symbol and the words after it. */
interface Pair {
  symbol: string;
  meaning: string;
}

/** A meaning that says how the value stands against the target (目標値を超えている, 計画どおり). */
const NAMES_TARGET = /目標|計画|予定/;
/** A meaning that says how the value stands against a baseline instead (基準値を超えている, 策定時より下落). */
const NAMES_BASELINE = /基準値|基準年|策定時|現状値|当初値|前年度|前年/;

/** One pair read: its rates, its words, or unread; `targetNamed`: another symbol of the legend names the target. */
function symbolOfPair({ symbol, meaning }: Pair, targetNamed: boolean): ScaleSymbol {
  const label = meaning.trim().replace(/[、,・。]+$/, "");
  const range = rateRangeOf(meaning);
  if (range && (range.min !== undefined || range.max !== undefined)) {
    return { symbol, bands: bandsOfRates(range.min, range.max), label, ...(range.min === undefined ? {} : { minRate: range.min }), ...(range.max === undefined ? {} : { maxRate: range.max }) };
  }
  if (isPendingWord(meaning) || isPendingWord(symbol)) return { symbol, bands: [], label };
  if (NAMES_BASELINE.test(meaning) && !NAMES_TARGET.test(meaning)) {
    return targetNamed ? { symbol, bands: ["behind"], label } : { symbol, bands: [], label, unread: true };
  }
  const bands = bandsOfMeaning(meaning) ?? (symbol.length > 1 ? bandsOfMeaning(symbol) : undefined);
  return bands ? { symbol, bands, label } : { symbol, bands: [], label, unread: true };
}

/**
 * The scale a legend's pairs give, each symbol's bands from its rates (「A：達成率80%以上」), its words
 * (予定以上 → ahead …) or, for a word used as a symbol, the word itself (順調 → on). A symbol defined
 * against a baseline (長与町 「A：現在値が基準値を超えている」) stands short of the target when another symbol
 * names the target (「S：現在値が目標値を超えている」), and says nothing of it otherwise. A symbol whose
 * meaning is not understood (群馬県 「B：成果あり」) is kept, marked unread: it judges nothing and the reader
 * says so. Undefined unless the pairs are a legend: two symbols or more, each once, two of them understood
 * (with `strict`, all of them).
 */
function scaleOfPairs(pairs: readonly Pair[], strict = false): ScaleSymbol[] | undefined {
  if (pairs.length < 2) return undefined;
  const targetNamed = pairs.some((p) => NAMES_TARGET.test(p.meaning) && (bandsOfMeaning(p.meaning) !== undefined || rateRangeOf(p.meaning) !== undefined));
  const symbols = pairs.map((pair) => symbolOfPair(pair, targetNamed));
  if (new Set(symbols.map((s) => foldSymbol(s.symbol))).size !== symbols.length) return undefined;
  // A table's rows (a symbol and its meaning in cells) are a legend only when every meaning is read: a
  // table of items numbered 1, 2, 3 is not one.
  if (strict && symbols.some((s) => s.unread)) return undefined;
  const understood = symbols.filter((s) => s.bands.length > 0 || s.minRate !== undefined || s.maxRate !== undefined);
  if (understood.length < 2) return undefined;
  return completeBands(completeRates(symbols));
}

/** 「達成」・・・「◎」: a meaning and its symbol, each in 「」, joined by dots (那覇市: tests/fixtures/cities/naha). */
const QUOTED_PAIR = /「([^」]{1,20})」\s*[・…．.:：=→]+\s*「([^」]{1,20})」/g;

/** The symbols a line of text defines: colon pairs, quoted pairs, or rate sentences. Undefined when it is no legend. */
export function parseLegendText(text: string): ScaleSymbol[] | undefined {
  if (!LEGEND_CHARACTER.test(text)) return undefined;
  const folded = foldWidth(text).replace(/[〇◯]/g, "○");
  // Each form needs its own characters: a line without them is read no further.
  const quoted = folded.includes("「") ? [...folded.matchAll(QUOTED_PAIR)] : [];
  if (quoted.length >= 2) {
    // The symbol is the shorter of the two (「達成」・・・「◎」; on a tie, the second).
    return scaleOfPairs(
      quoted.map((m) => {
        const [a = "", b = ""] = [m[1], m[2]];
        const [symbol, meaning] = a.length < b.length ? [a, b] : [b, a];
        return { symbol, meaning };
      }),
    );
  }
  const sentence = folded.includes("%") && folded.includes("評価") ? [...folded.matchAll(RATE_SENTENCE)] : [];
  if (sentence.length >= 2) {
    const symbols = sentence.map((m) => ({
      symbol: m[4] ?? "",
      bands: [] as Band[],
      label: `${m[1]}%~${m[2]}%${m[3] ?? ""}`,
      minRate: Number(m[1]) / 100,
      ...(m[3] ? {} : { maxRate: Number(m[2]) / 100 }),
    }));
    return new Set(symbols.map((s) => s.symbol)).size === symbols.length ? completeRates(symbols) : undefined;
  }
  const marks = pairMarks(folded);
  if (marks.length < 2) return undefined;
  return scaleOfPairs(marks.map((mark, i) => ({ symbol: mark.symbol, meaning: folded.slice(mark.end, marks[i + 1]?.start ?? folded.length) })));
}

/** Where each symbol of a line of pairs stands: 「S：計画以上 A：計画どおり」 → S, A. */
function pairMarks(folded: string): { symbol: string; start: number; end: number }[] {
  const marks: { symbol: string; start: number; end: number }[] = [];
  if (!mayPair(folded)) return marks;
  PAIR.lastIndex = 0;
  for (let m = PAIR.exec(folded); m !== null; m = PAIR.exec(folded)) {
    const symbol = m[2] ?? "";
    if (isMark(symbol)) marks.push({ symbol, start: m.index + (m[1] ?? "").length, end: m.index + m[0].length });
  }
  return marks;
}

/** Whether a line reads as a legend's line of pairs, understood or not: two symbols or more, each with a colon. */
export function looksLikeLegend(text: string): boolean {
  if (!LEGEND_CHARACTER.test(text)) return false;
  return pairMarks(foldWidth(text).replace(/[〇◯]/g, "○")).filter((m) => !DASH_SYMBOL.test(m.symbol)).length >= 2;
}

const cellText = (row: readonly RawCell[] | undefined, c: number) => rawText(row?.[c]).trim();
const isSymbolCell = (text: string) => SYMBOL_CELL.test(foldWidth(text).replace(/\s+/g, ""));

/** The non-empty cells of a row, with their columns. */
function filledCells(row: readonly RawCell[] | undefined): { column: number; text: string }[] {
  const out: { column: number; text: string }[] = [];
  for (let c = 0; c < (row?.length ?? 0); c += 1) {
    const text = cellText(row, c);
    if (text !== "") out.push({ column: c, text });
  }
  return out;
}

/**
 * The legends among these rows of a sheet (0-based, in order): lines of pairs (one line or several in a
 * row), rate sentences, small tables of a symbol and its meaning per row, and two rows of meanings over
 * symbols.
 */
export function findLegends(rows: readonly (readonly RawCell[])[], candidates: readonly number[]): Legend[] {
  const legends: Legend[] = [];
  const taken = new Set<number>();
  const wanted = new Set(candidates);
  // Each row's cells and line, made once (a row is looked at as a row, as the row below another and as a line).
  const cellsOf = new Map<number, { column: number; text: string }[]>();
  const filled = (r: number) => {
    let cells = cellsOf.get(r);
    if (!cells) {
      cells = filledCells(rows[r]);
      cellsOf.set(r, cells);
    }
    return cells;
  };
  const lines = new Map<number, string>();
  const lineOf = (r: number) => {
    let line = lines.get(r);
    if (line === undefined) {
      line = filled(r).map((c) => c.text).join(" ");
      lines.set(r, line);
    }
    return line;
  };
  const ordered = [...wanted].sort((a, b) => a - b);
  for (let i = 0; i < ordered.length; i += 1) {
    const r = ordered[i] as number;
    if (taken.has(r)) continue;
    const cells = filled(r);
    if (cells.length === 0) continue;
    // A table: a symbol and its meaning on each row, two rows or more.
    if (cells.length >= 2 && isSymbolCell(cells[0]?.text ?? "")) {
      const run: number[] = [];
      const pairs: Pair[] = [];
      for (let next = r; wanted.has(next); next += 1) {
        const row = filled(next);
        if (row.length < 2 || !isSymbolCell(row[0]?.text ?? "")) break;
        const pair = { symbol: foldWidth(row[0]?.text ?? "").replace(/[\s「」]/g, ""), meaning: foldWidth(row[1]?.text ?? "") };
        if (symbolOfPair(pair, true).unread) break;
        run.push(next);
        pairs.push(pair);
      }
      const scale = run.length >= 2 ? scaleOfPairs(pairs, true) : undefined;
      if (scale) {
        // The table's own header (達成度 | 事業数) and its total (合計) go with it.
        const above = r - 1;
        const below = (run[run.length - 1] as number) + 1;
        if (wanted.has(above) && filled(above).length > 0 && !taken.has(above)) run.unshift(above);
        if (wanted.has(below) && /^(?:合計|計|総計)$/.test(filled(below)[0]?.text ?? "")) run.push(below);
        run.forEach((x) => taken.add(x));
        legends.push({ rows: run, text: run.map(lineOf).join(" / "), symbols: scale });
        continue;
      }
    }
    // Two rows: meanings over symbols (or symbols over meanings), from the second column on.
    const below = filled(r + 1);
    if (wanted.has(r + 1) && cells.length >= 3 && below.length >= 3) {
      for (const [meanings, marks] of [
        [cells, below],
        [below, cells],
      ] as const) {
        const pairs = marks.slice(1).map((mark) => ({ mark, meaning: meanings.find((c) => c.column === mark.column) }));
        if (pairs.length >= 2 && pairs.every((p) => isSymbolCell(p.mark.text) && p.meaning)) {
          const scale = scaleOfPairs(
            pairs.map((p) => ({ symbol: foldWidth(p.mark.text).replace(/[\s「」]/g, ""), meaning: foldWidth(p.meaning?.text ?? "") })),
            true,
          );
          if (scale) {
            taken.add(r);
            taken.add(r + 1);
            legends.push({ rows: [r, r + 1], text: `${lineOf(r)} / ${lineOf(r + 1)}`, symbols: scale });
            break;
          }
        }
      }
      if (taken.has(r)) continue;
    }
    // Lines of pairs: consecutive rows, each holding at least one 「X：meaning」.
    const run: number[] = [];
    for (let next = r; wanted.has(next) && !taken.has(next); next += 1) {
      const line = lineOf(next);
      if (line === "") break;
      const single = parseLegendText(line);
      const pair = single ?? (LEGEND_CHARACTER.test(line) && pairMarks(foldWidth(line).trim())[0]?.start === 0 ? [] : undefined);
      if (!pair) {
        // A heading line right above the pairs (評価欄の評価の見方について) is part of the legend.
        if (run.length === 0 && /凡例|見方|評価基準|評定基準|判定基準|評価区分/.test(line)) {
          run.push(next);
          continue;
        }
        break;
      }
      run.push(next);
    }
    const text = run.map(lineOf).join(" ");
    const symbols = run.length > 0 ? parseLegendText(text) : undefined;
    if (symbols) {
      run.forEach((x) => taken.add(x));
      legends.push({ rows: run, text, symbols });
    }
  }
  return legends;
}
