import { bandsOfMeaning, bandsOfRates, completeRates, foldSymbol, isPendingWord, rateRangeOf, type ScaleSymbol } from "../rating/scale";
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

/** A symbol as a legend writes it: a letter, a digit, ◎○△× and their kin. */
const SYMBOL = "[A-Z]|[◎○〇◯△▲×●□■]|[1-9]";
/** A pair's start: the symbol (in 「」 or not) and a colon, at the start or after a space or a separator. */
const PAIR = new RegExp(`(^|[\\s、,・。/])「?(${SYMBOL})」?\\s*[:：=]\\s*`, "g");
/** 80%~100%以上A評価, 60%~80%がB評価. */
const RATE_SENTENCE = /(\d+(?:\.\d+)?)\s*%\s*[~〜～\-－]\s*(\d+(?:\.\d+)?)\s*%\s*(以上)?\s*(?:が|は|を|で|の)?\s*([A-Z])\s*評価/g;

function symbolOf(symbol: string, meaning: string): ScaleSymbol | undefined {
  const range = rateRangeOf(meaning);
  const label = meaning.trim().replace(/[、,・。]+$/, "");
  if (range && (range.min !== undefined || range.max !== undefined)) {
    return {
      symbol,
      bands: bandsOfRates(range.min, range.max),
      label,
      ...(range.min === undefined ? {} : { minRate: range.min }),
      ...(range.max === undefined ? {} : { maxRate: range.max }),
    };
  }
  const bands = bandsOfMeaning(meaning);
  return bands ? { symbol, bands, label } : undefined;
}

/** A usable legend: two symbols or more, each once, each with a meaning. */
function usable(symbols: (ScaleSymbol | undefined)[]): ScaleSymbol[] | undefined {
  if (symbols.length < 2 || symbols.some((s) => s === undefined)) return undefined;
  const list = symbols as ScaleSymbol[];
  if (new Set(list.map((s) => foldSymbol(s.symbol))).size !== list.length) return undefined;
  return completeRates(list);
}

/** 「達成」・・・「◎」: a meaning and its symbol, each in 「」, joined by dots (那覇市: tests/fixtures/cities/naha). */
const QUOTED_PAIR = /「([^」]{1,20})」\s*[・…．.:：=→]+\s*「([^」]{1,20})」/g;

/** The symbols a line of text defines: colon pairs, quoted pairs, or rate sentences. Undefined when it is no legend. */
export function parseLegendText(text: string): ScaleSymbol[] | undefined {
  const folded = foldWidth(text).replace(/[〇◯]/g, "○");
  const quoted = [...folded.matchAll(QUOTED_PAIR)];
  if (quoted.length >= 2) {
    // The symbol is the shorter of the two (「達成」・・・「◎」; on a tie, the second).
    return usable(
      quoted.map((m) => {
        const [a = "", b = ""] = [m[1], m[2]];
        const [symbol, meaning] = a.length < b.length ? [a, b] : [b, a];
        const known = symbolOf(symbol, meaning);
        return known ?? (isPendingWord(meaning) ? { symbol, bands: [], label: meaning } : undefined);
      }),
    );
  }
  const sentence = [...folded.matchAll(RATE_SENTENCE)];
  if (sentence.length >= 2) {
    return usable(
      sentence.map((m) => ({
        symbol: m[4] ?? "",
        bands: [],
        label: `${m[1]}%~${m[2]}%${m[3] ?? ""}`,
        minRate: Number(m[1]) / 100,
        ...(m[3] ? {} : { maxRate: Number(m[2]) / 100 }),
      })),
    );
  }
  const marks: { symbol: string; start: number; end: number }[] = [];
  PAIR.lastIndex = 0;
  for (let m = PAIR.exec(folded); m !== null; m = PAIR.exec(folded)) {
    marks.push({ symbol: m[2] ?? "", start: m.index + (m[1] ?? "").length, end: m.index + m[0].length });
  }
  if (marks.length < 2) return undefined;
  return usable(marks.map((mark, i) => symbolOf(mark.symbol, folded.slice(mark.end, marks[i + 1]?.start ?? folded.length))));
}

const cellText = (row: readonly RawCell[] | undefined, c: number) => rawText(row?.[c]).trim();
const isSymbolCell = (text: string) => new RegExp(`^「?(?:${SYMBOL})」?$`).test(foldWidth(text).replace(/\s+/g, ""));

/** The non-empty cells of a row, with their columns. */
function filled(row: readonly RawCell[] | undefined): { column: number; text: string }[] {
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
  const lineOf = (r: number) => filled(rows[r]).map((c) => c.text).join(" ");
  const ordered = [...wanted].sort((a, b) => a - b);
  for (let i = 0; i < ordered.length; i += 1) {
    const r = ordered[i] as number;
    if (taken.has(r)) continue;
    const cells = filled(rows[r]);
    if (cells.length === 0) continue;
    // A table: a symbol and its meaning on each row, two rows or more.
    if (cells.length >= 2 && isSymbolCell(cells[0]?.text ?? "")) {
      const run: number[] = [];
      const symbols: (ScaleSymbol | undefined)[] = [];
      for (let next = r; wanted.has(next); next += 1) {
        const row = filled(rows[next]);
        if (row.length < 2 || !isSymbolCell(row[0]?.text ?? "")) break;
        const symbol = symbolOf(foldWidth(row[0]?.text ?? "").replace(/[\s「」]/g, ""), row[1]?.text ?? "");
        if (!symbol) break;
        run.push(next);
        symbols.push(symbol);
      }
      const scale = run.length >= 2 ? usable(symbols) : undefined;
      if (scale) {
        // The table's own header (達成度 | 事業数) and its total (合計) go with it.
        const above = r - 1;
        const below = (run[run.length - 1] as number) + 1;
        if (wanted.has(above) && filled(rows[above]).length > 0 && !taken.has(above)) run.unshift(above);
        if (wanted.has(below) && /^(?:合計|計|総計)$/.test(filled(rows[below])[0]?.text ?? "")) run.push(below);
        run.forEach((x) => taken.add(x));
        legends.push({ rows: run, text: run.map(lineOf).join(" / "), symbols: scale });
        continue;
      }
    }
    // Two rows: meanings over symbols (or symbols over meanings), from the second column on.
    const below = filled(rows[r + 1]);
    if (wanted.has(r + 1) && cells.length >= 3 && below.length >= 3) {
      for (const [meanings, marks] of [
        [cells, below],
        [below, cells],
      ] as const) {
        const pairs = marks.slice(1).map((mark) => ({ mark, meaning: meanings.find((c) => c.column === mark.column) }));
        if (pairs.length >= 2 && pairs.every((p) => isSymbolCell(p.mark.text) && p.meaning)) {
          const scale = usable(pairs.map((p) => symbolOf(foldWidth(p.mark.text).replace(/[\s「」]/g, ""), p.meaning?.text ?? "")));
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
      const pair = single ?? (new RegExp(`^「?(?:${SYMBOL})」?\\s*[:：]`).test(foldWidth(line).trim()) ? [] : undefined);
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
