import { describe, expect, it } from "vitest";
import { checkTable } from "../../src/core/check/check";
import { DEFAULT_SCALE, STRAY_TABLE_ROWS, suggestScale } from "../../src/core/rating/scale";
import type { RawCell } from "../../src/core/workbook/cells";
import { parseScaleOption } from "../../src/core/workbook/options";
import { DEFAULT_SETTINGS } from "../../src/core/workbook/settings";
import { readTable, type ReadOptions } from "../../src/core/workbook/table";
import { settingsWithUnderstood } from "../../src/core/workbook/understood";

/**
 * A stated scale (a legend in the sheet, --scale, the profile's) always wins over a guess; a symbol
 * outside it is RATING_INVALID; and a guess from the symbols is never flipped by one stray symbol
 * (the review's kodaira-C: the Kodaira sample with one C among 43 ratings of S/A/B).
 */

const HEADER: RawCell[] = ["No.", "項目", "担当課", "評価", "目標", "実績"];

/** n items rated A and B (as most of Kodaira's are) with numbers that agree (A met, B short), and `extra` rows after them. */
function table(n: number, extra: RawCell[][] = []): RawCell[][] {
  const rows: RawCell[][] = [HEADER];
  for (let i = 1; i <= n; i += 1) {
    const rating = i % 3 === 0 ? "B" : "A";
    const result = rating === "A" ? "(件数 10件)" : "(件数 5件)";
    rows.push([i, `項目${i}`, "企画課", rating, "(件数 10件)", result]);
  }
  extra.forEach((row, i) => rows.push([n + i + 1, ...row]));
  return rows;
}

function check(rows: RawCell[][], options: ReadOptions = {}) {
  const read = readTable([{ name: "表", rows }], options);
  const findings = checkTable(read, { settings: settingsWithUnderstood(DEFAULT_SETTINGS, read.understood) }).findings;
  return { read, codes: findings.map((f) => `${f.code} ${f.item ?? "-"}`) };
}

describe("one stray symbol never re-scales a guessed scale", () => {
  it("keeps S/A/B for 40 ratings of A and B with one C (Kodaira's table), and says the C is not on it", () => {
    // With the C, A/B/C would hold one row more than S/A/B and turn every A into 「A/B/C」's A.
    const counts = new Map([
      ["A", 28],
      ["B", 12],
      ["C", 1],
    ]);
    const suggested = suggestScale(counts);
    expect(suggested.preset).toBe("S/A/B");
    expect(suggested.strays).toEqual(["C"]);
    expect(suggested.scale.symbols.map((s) => s.symbol)).toEqual(["S", "A", "B"]);
  });

  it("reports the C of a table of S/A/B as RATING_INVALID, the others judged as S/A/B (A met stays A)", () => {
    // A C whose numbers are met: under a guessed A/B/C the A rows would read 「A/B/C」's A and the C a band.
    const { read, codes } = check(table(24, [["項目C", "企画課", "C", "(件数 10件)", "(件数 10件)"]]));
    expect(read.understood?.scale.symbols.map((s) => s.symbol)).toEqual(["S", "A", "B"]);
    expect(codes).toContain("RATING_INVALID 25");
    expect(codes.filter((c) => /RATING_(OVER|UNDER)STATED/.test(c))).toEqual([]);
  });

  it("lets a symbol used more than once, or in a small table, or one that changes no other symbol's meaning, shape the guess", () => {
    // One E on an A–E table of thirty: A–D mean the same with or without it, so the E is a symbol, not a slip.
    expect(suggestScale(new Map([["A", 10], ["B", 10], ["C", 6], ["D", 3], ["E", 1]])).preset).toBe("A/B/C/D/E");
    expect(suggestScale(new Map([["A", 20], ["B", 10], ["C", 2]])).preset).toBe("A/B/C");
    expect(suggestScale(new Map([["A", 5], ["B", 3], ["C", 1]])).preset).toBe("A/B/C");
    expect(STRAY_TABLE_ROWS).toBe(20);
  });
});

describe("a stated scale wins over the symbols found", () => {
  it("takes a legend in the sheet and reports a symbol outside it as RATING_INVALID (never a symbol of its own)", () => {
    const rows = [["評価基準　S：予定以上　A：予定どおり　B：遅れている"], [], ...table(4, [["項目C", "企画課", "C", "(件数 10件)", "(件数 10件)"]])];
    const { read, codes } = check(rows);
    expect(read.understood?.scale.source).toBe("legend");
    expect(read.understood?.scale.symbols.map((s) => s.symbol)).toEqual(["S", "A", "B"]);
    expect(codes).toContain("RATING_INVALID 5");
  });

  it("keeps a word that states no judgement beside a legend (未確定 is no RATING_INVALID)", () => {
    const rows = [["評価基準　S：予定以上　A：予定どおり　B：遅れている"], [], ...table(4, [["項目D", "企画課", "未確定", "(件数 10件)", "(件数 10件)"]])];
    const { read, codes } = check(rows);
    expect(read.understood?.scale.symbols.map((s) => s.symbol)).toEqual(["S", "A", "B", "未確定"]);
    expect(codes.filter((c) => c.startsWith("RATING_INVALID"))).toEqual([]);
  });

  it("takes --scale (or the profile's scale) over a table whose symbols suggest another", () => {
    const option = parseScaleOption("S/A/B");
    if (!("value" in option)) throw new Error("S/A/B is a preset");
    // Many C: the guess alone would be A/B/C.
    const rows = table(6, [
      ["項目C1", "企画課", "C", "(件数 10件)", "(件数 10件)"],
      ["項目C2", "企画課", "C", "(件数 10件)", "(件数 10件)"],
      ["項目C3", "企画課", "C", "(件数 10件)", "(件数 10件)"],
    ]);
    expect(check(rows).read.understood?.scale.preset).not.toBe("S/A/B");
    const stated = { ...option.value, symbols: [...option.value.symbols] };
    expect(stated).not.toBe(DEFAULT_SCALE);
    const { read, codes } = check(rows, { scale: stated, scaleSource: "option" });
    expect(read.understood?.scale.source).toBe("option");
    expect(codes.filter((c) => c.startsWith("RATING_INVALID"))).toEqual(["RATING_INVALID 7", "RATING_INVALID 8", "RATING_INVALID 9"]);
  });
});
