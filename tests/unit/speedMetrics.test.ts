import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { importReportText } from "../../src/core/import/reportText";
import { Memo } from "../../src/core/memo";
import { extractMetrics, foldCell } from "../../src/core/metrics/extract";
import { evaluateRows, evaluateTexts, type EvaluableRow } from "../../src/core/rating/evaluate";
import { dropInvisible, foldText } from "../../src/core/text/fold";

/**
 * The metrics of a large table are read block by block (a block's metrics once for the memo's life)
 * and evaluated once for each distinct pair of metric lists: held here to the reading and the
 * evaluation of every cell afresh, without a memo.
 */

const seed = importReportText(readFileSync(resolve(__dirname, "../../seeds/000_42fcd9900b63a6e5.txt"), "utf8"));

/** Characters that fold, that show nothing, that end lines, and the kanji and kana that stay. */
const CHARS = ["０", "９", "１", "（", "）", "％", "：", "　", "～", "〜", "∼", "−", "ー", "ｰ", "‐", "―", "﹣", "1", "2", "-", "a", "\r", "\n", "\r\n", "\u200b", "\u00ad", "\ufeff", "\ufe0f", "\udb40\udd00", "\udb40", "件", "人", "目標", "ア", "・", "。", "(", ")", "①", " "];
const cell = fc.array(fc.constantFrom(...CHARS), { maxLength: 30 }).map((parts) => parts.join(""));

describe("foldCell", () => {
  it("gives foldText(dropInvisible(cell)) with its line ends made \\n, for any cell", () => {
    fc.assert(
      fc.property(cell, (text) => {
        expect(foldCell(text)).toBe(foldText(dropInvisible(text.replace(/\r\n?/g, "\n"))));
      }),
      { numRuns: 3000 },
    );
  });
});

describe("metrics read block by block", () => {
  const cells = seed.rows.flatMap((r) => [r.plan, r.result]);

  it("are the metrics read afresh, for every cell of the seed, and the same array for cells of the same blocks", () => {
    const memo = new Memo();
    for (const text of cells) expect(extractMetrics(text, memo)).toEqual(extractMetrics(text));
    // Two cells whose prose differs but whose block is the same share one array.
    const a = extractMetrics("講座を開催した。 (参加者数 120人)", memo);
    const b = extractMetrics("講座を2回開催した。 (参加者数 120人)", memo);
    expect(a).toBe(b);
    expect(a).toEqual(extractMetrics("講座を開催した。 (参加者数 120人)"));
  });

  it("gives a block said twice in one cell metrics of their own, which the pairing tells apart", () => {
    const plan = "(件数 10件) (件数 10件)";
    const memo = new Memo();
    extractMetrics("別の文。 (件数 10件)", memo);
    const metrics = extractMetrics(plan, memo);
    expect(metrics).toHaveLength(2);
    expect(metrics[0]).not.toBe(metrics[1]);
    const withMemo = evaluateTexts(plan, "(件数 12件)", { memo });
    const fresh = evaluateTexts(plan, "(件数 12件)");
    expect(withMemo).toEqual(fresh);
    expect(withMemo.unpairedTargets).toHaveLength(1);
  });
});

describe("evaluations by metric lists", () => {
  /** The seed's rows, each said twice more with prose of its own: the same blocks under other texts. */
  const rows: EvaluableRow[] = seed.rows.flatMap((r, i) =>
    [0, 1, 2].map((k) => ({
      item: `${i}-${k}`,
      plan: k === 0 ? r.plan : `${r.plan.replace(/。/g, `（第${k}号）。`)}`,
      result: k === 0 ? r.result : `${r.result.replace(/。/g, `（第${k}号）。`)}`,
      title: r.title,
    })),
  );

  it("are each row's evaluation of its own texts, with pair objects of its own", () => {
    const evaluated = evaluateRows(rows, { fiscalYear: 2020 });
    for (const row of rows) {
      const own = evaluated.byRow.get(row.item);
      const fresh = evaluateRows([row], { fiscalYear: 2020 }).byRow.get(row.item);
      expect(own).toEqual(fresh);
    }
    // Rows of other texts never share a pair (the check tells an item's pairs apart by identity).
    const seen = new Map<object, string>();
    for (const [item, evaluation] of evaluated.byRow) {
      for (const pair of evaluation.pairs) {
        expect(seen.get(pair)).toBeUndefined();
        seen.set(pair, item);
      }
    }
    expect(seen.size).toBeGreaterThan(0);
  });
});
