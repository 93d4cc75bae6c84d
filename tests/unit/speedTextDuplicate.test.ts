import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkTable } from "../../src/core/check/check";
import { eachSentence, keepsItself, sameSentence, sentenceAt } from "../../src/core/check/rules/textDuplicate";
import { Memo } from "../../src/core/memo";
import { foldedCodeAt } from "../../src/core/text/fold";
import { DEFAULT_SETTINGS } from "../../src/core/workbook/settings";
import { readTable, type TableRow } from "../../src/core/workbook/table";

/**
 * TEXT_DUPLICATE scans in place (no sentence is built to be compared, places are numbers in an array):
 * held here to the rule as first written, with a string per sentence and a map from each sentence to
 * the first place it was said.
 */

/** Sentences that meet: the same once folded (widths, white space, a leading ・), two with one hash, short ones, a note. */
const POOL = [
  "市民活動支援センターの活性化を図るための事業を実施",
  "市民活動支援センターの活性化を図るための事業を実施",
  "市民 活動支援センターの　活性化を図るための事業を実施",
  "第１期の公共施設等総合管理計画に基づく施設の再編を進める",
  "第1期の公共施設等総合管理計画に基づく施設の再編を進める",
  "施設協働検討年度検討年度年度市民事業事業施設",
  "実施実績推進施設実施実績実績計画市民実施目標",
  "短い文",
  "(第1項目の件数 10件を目標とする事業の実施の状況)",
  "ＡＢＣ１２３を使う新しい窓口サービスの開始と周知",
  "ABC123を使う新しい窓口サービスの開始と周知",
];
const SEPARATORS = ["。", "\n", " ・", "。 ", "\n・"];

const text = fc.array(fc.tuple(fc.constantFrom(...POOL), fc.constantFrom(...SEPARATORS)), { maxLength: 4 }).map((parts) => parts.map(([s, sep]) => `${s}${sep}`).join(""));
const row = fc.record({ plan: text, result: text, repost: fc.integer({ min: 0, max: 9 }) });

const HEADER = ["分野", "No.", "項目", "主な推進担当課", "評価", "当初予定（目標値）", "取組実績（実績値）", "備考"];

/** The rule as first written: each sentence built, the first place of each kept by its text. */
function reference(rows: readonly TableRow[]): string[] {
  const first = new Map<string, { row: TableRow; field: "plan" | "result" }>();
  const out: string[] = [];
  for (const row of rows) {
    if (row.repostOf !== undefined || !row.item) continue;
    const reported = new Set<string>();
    for (const field of ["plan", "result"] as const) {
      const text = row[field];
      eachSentence(text, (_hash, start, end) => {
        const sentence = sentenceAt(text, start, end);
        const place = first.get(sentence);
        if (!place) {
          first.set(sentence, { row, field });
          return;
        }
        if (place.row.item === row.item || reported.has(place.row.item)) return;
        reported.add(place.row.item);
        const where = place.field === "plan" ? "当初予定" : "取組実績";
        out.push(`${row.item} ${row.sheetRow} No. ${place.row.item} の${where}と同じ文があります:「${sentence.slice(0, 40)}${sentence.length > 40 ? "…" : ""}」`);
      });
    }
  }
  return out;
}

describe("TEXT_DUPLICATE, scanned in place", () => {
  it("finds what the rule as first written finds, with the memo and without", () => {
    let found = 0;
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 8 }), (rows) => {
        const grid = [HEADER, ...rows.map((r, i) => ["分野", i + 1, `項目${i + 1}`, "課", "A", r.plan, r.result, r.repost === 0 && i > 0 ? "【No.1の再掲】" : ""])];
        const table = readTable([{ name: "表", rows: grid }]);
        const expected = reference(table.rows);
        found += expected.length;
        for (const memo of [undefined, new Memo()]) {
          const findings = checkTable(table, { settings: DEFAULT_SETTINGS, ...(memo ? { memo } : {}) }).findings.filter((f) => f.code === "TEXT_DUPLICATE");
          expect(findings.map((f) => `${f.item} ${f.row} ${f.message.ja}`).sort()).toEqual([...expected].sort());
        }
      }),
      { numRuns: 600 },
    );
    // Not vacuous: most tables repeat a sentence.
    expect(found).toBeGreaterThan(500);
  });

  it("compares two sentences in place exactly as their built strings compare", () => {
    const sentences = (t: string) => {
      const found: [number, number][] = [];
      eachSentence(t, (_hash, start, end) => found.push([start, end]));
      return found;
    };
    let compared = 0;
    fc.assert(
      fc.property(text, text, (a, b) => {
        for (const [aStart, aEnd] of sentences(a)) {
          for (const [bStart, bEnd] of sentences(b)) {
            compared += 1;
            expect(sameSentence(a, aStart, aEnd, b, bStart, bEnd)).toBe(sentenceAt(a, aStart, aEnd) === sentenceAt(b, bStart, bEnd));
          }
        }
      }),
      { numRuns: 1000 },
    );
    expect(compared).toBeGreaterThan(1000);
  });

  it("takes as they stand only the characters folding leaves alone, whatever stands beside them", () => {
    let kept = 0;
    for (let code = 0; code <= 0xffff; code += 1) {
      if (!keepsItself(code)) continue;
      kept += 1;
      const ch = String.fromCharCode(code);
      for (const [context, at] of [[ch, 0], [`1${ch}1`, 1], [`１${ch}２`, 1], [`ー${ch}ー`, 1]] as const) {
        if (foldedCodeAt(context, at) !== code) throw new Error(`U+${code.toString(16)} folds in ${context}`);
      }
    }
    // The kanji and kana, most of a Japanese text.
    expect(kept).toBeGreaterThan(50_000);
    expect(keepsItself(0x30fb)).toBe(false); // ・ cuts sentences
    expect(keepsItself(0x30fc)).toBe(false); // ー folds beside a digit
  });
});
