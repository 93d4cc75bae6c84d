import { describe, expect, it } from "vitest";
import { checkTable } from "../../src/core/check/check";
import { extractMetrics } from "../../src/core/metrics/extract";
import { dropInvisible, foldText } from "../../src/core/text/fold";
import { DEFAULT_SETTINGS } from "../../src/core/workbook/settings";
import { readTable } from "../../src/core/workbook/table";

/**
 * Characters that show nothing, as text pasted from web pages and PDFs carries them inside numbers:
 * zero-width space, non-joiner and joiner, word joiner, the byte-order mark, the soft hyphen and the
 * variation selectors. A number is read as if they were not there.
 */
const SAMPLES = ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad", "\ufe00", "\ufe0f", "\u{e0100}", "\u{e01ef}"];

const HEADER = ["分野", "No.", "枝番", "項目", "主な推進担当課", "評価", "実施内容", "令和2年度当初予定（目標値）", "取組実績（令和3年3月末実績値）", "備考"];
const checkOf = (plan: string, result: string, rating = "A") =>
  checkTable(readTable([{ name: "表", rows: [HEADER, ["分野", 1, null, "講座", "課", rating, "", plan, result, ""]] }]), { settings: DEFAULT_SETTINGS });

describe("invisible characters inside numbers", () => {
  it("are dropped, and nothing else is", () => {
    for (const ch of SAMPLES) expect(dropInvisible(`1${ch}0`), ch.codePointAt(0)?.toString(16)).toBe("10");
    for (const text of ["a", "1", " ", "人", "\u3000", "①", "\u{1f600}", "葛\u{e0100}飾"]) expect(dropInvisible(text), text).toBe(text.replace("\u{e0100}", ""));
    // Folding keeps every position (TEXT_DUPLICATE and the functions rely on it): the fold itself keeps them.
    expect(foldText("1\u200b000")).toBe("1\u200b000");
  });

  it.each(SAMPLES.map((ch) => [ch.codePointAt(0)?.toString(16).toUpperCase(), ch]))("U+%s: 1,000人 is read as 1,000 人 wherever it stands", (_, ch) => {
    for (const text of [`(参加者数 1${ch}000人)`, `(参加者数 1,${ch}000人)`, `(参加者数 1000${ch}人)`, `(参加者数 ${ch}1000人)`, `(参加者数 1000人${ch})`]) {
      const [metric, ...rest] = extractMetrics(text);
      expect(rest, JSON.stringify(text)).toEqual([]);
      expect(metric, JSON.stringify(text)).toMatchObject({ value: 1000, unit: "人", label: "参加者数" });
    }
    expect(extractMetrics(`(参加者数 千${ch}二百人)`)[0]).toMatchObject({ value: 1200, unit: "人" });
    expect(extractMetrics(`(削減額 △${ch}5${ch}0万円)`)[0]).toMatchObject({ value: -500000, unit: "円" });
  });

  it("gives the check the same findings as for the text without them (no false S, no false shortfall)", () => {
    for (const ch of SAMPLES) {
      const codes = (plan: string, result: string, rating?: string) => checkOf(plan, result, rating).findings.map((f) => f.code);
      expect(codes(`(参加者数 1${ch}000人)`, `(参加者数 1${ch}000人)`)).toEqual(codes("(参加者数 1000人)", "(参加者数 1000人)"));
      expect(codes("(参加者数 1,000人)", `(参加者数 1${ch}200人)`, "B")).toEqual(codes("(参加者数 1,000人)", "(参加者数 1200人)", "B"));
      expect(codes("(参加者数 1,000人)", `(参加者数 1${ch}000人)`)).not.toContain("RATING_OVERSTATED");
    }
  });
});
