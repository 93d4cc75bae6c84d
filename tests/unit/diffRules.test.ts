import { describe, expect, it } from "vitest";
import { DIFF_RULES } from "../../src/core/diff/catalogue";
import { diffTables } from "../../src/core/diff/diff";
import { placeholders } from "../../src/core/text/localized";
import type { RawCell } from "../../src/core/workbook/cells";
import { readTable } from "../../src/core/workbook/table";

/**
 * The comparison's rules one by one, as the check's are (tests/unit/rules.test.ts): for each code a
 * minimal pair of years that triggers it, and one that must not. The whole sample pair is in
 * tests/unit/years.test.ts.
 */
const HEADER = ["分野", "No.", "項目", "主な推進担当課", "評価", "当初予定（目標値）", "取組実績（実績値）"];

interface Item {
  no: number;
  title: string;
  rating?: string;
  plan?: string;
  result?: string;
  category?: string;
}

const row = (i: Item): RawCell[] => [i.category ?? "分野A", i.no, i.title, "課", i.rating ?? "A", i.plan ?? "(件数 10件)", i.result ?? "(件数 10件)"];
const table = (items: Item[]) => readTable([{ name: "表", rows: [HEADER, ...items.map(row)] }]);
const base: Item[] = [
  { no: 1, title: "行政評価の実施" },
  { no: 2, title: "窓口サービスの改善" },
  { no: 3, title: "公共施設マネジメントの推進" },
];
const said: { ja: string; en: string }[] = [];
function codes(last: Item[], now: Item[]): string[] {
  const result = diffTables(table(last), table(now));
  said.push(...result.findings.map((f) => f.message));
  return result.findings.map((f) => `${f.code} ${f.item ?? ""}`.trim());
}
const edit = (changes: Partial<Record<number, Partial<Item>>>) => base.map((i) => ({ ...i, ...(changes[i.no] ?? {}) }));

const CASES: Record<string, { triggers: () => string[]; clean: () => string[]; expected: string }> = {
  ITEM_ADDED: { triggers: () => codes(base, [...base, { no: 4, title: "オープンデータの推進" }]), clean: () => codes(base, base), expected: "ITEM_ADDED 4" },
  ITEM_REMOVED: { triggers: () => codes(base, base.slice(0, 2)), clean: () => codes(base, base), expected: "ITEM_REMOVED 3" },
  ITEM_RENUMBERED: {
    // No.2 ended; No.3 moved up to 2.
    triggers: () => codes(base, [base[0] as Item, { ...(base[2] as Item), no: 2 }]),
    clean: () => codes(base, edit({ 2: { title: "窓口サービスの更なる改善" } })),
    expected: "ITEM_RENUMBERED 2",
  },
  RATING_UP: {
    triggers: () => codes(edit({ 1: { rating: "B" } }), edit({ 1: { rating: "A", result: "(件数 12件)" } })),
    clean: () => codes(base, base),
    expected: "RATING_UP 1",
  },
  RATING_DOWN: { triggers: () => codes(base, edit({ 2: { rating: "B" } })), clean: () => codes(edit({ 2: { rating: "B" } }), edit({ 2: { rating: "B" } })), expected: "RATING_DOWN 2" },
  RESULT_UNCHANGED_RATING_UP: {
    triggers: () => codes(edit({ 1: { rating: "B" } }), base),
    clean: () => codes(edit({ 1: { rating: "B" } }), edit({ 1: { result: "(件数 12件)" } })),
    expected: "RESULT_UNCHANGED_RATING_UP 1",
  },
  TARGET_CHANGED: { triggers: () => codes(base, edit({ 3: { plan: "(件数 12件)" } })), clean: () => codes(base, edit({ 3: { result: "(件数 9件)" } })), expected: "TARGET_CHANGED 3" },
};

describe("the year comparison's rules", () => {
  it("has a case for every rule, and each rule's messages in both languages with the same placeholders", () => {
    expect(Object.keys(CASES).sort()).toEqual(DIFF_RULES.map((r) => r.code).sort());
    for (const rule of DIFF_RULES) {
      for (const [id, text] of Object.entries(rule.messages as Record<string, { ja: string; en: string }>)) {
        expect(text.ja, `${rule.code}.${id}`).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
        expect(text.en.trim(), `${rule.code}.${id}`).not.toBe("");
        expect(placeholders(text.en).sort(), `${rule.code}.${id}`).toEqual(placeholders(text.ja).sort());
      }
    }
  });

  for (const rule of DIFF_RULES) {
    it(`${rule.code}: triggered by its minimal pair of years, silent on the clean one`, () => {
      const cases = CASES[rule.code];
      expect(cases?.triggers()).toContain(cases?.expected);
      expect(cases?.clean().filter((f) => f.startsWith(rule.code))).toEqual([]);
    });
  }

  it("fills every placeholder of the messages its cases trigger", () => {
    for (const c of Object.values(CASES)) c.triggers();
    expect(said.length).toBeGreaterThan(6);
    for (const message of said) expect(`${message.ja} ${message.en}`).not.toMatch(/\{\w+\}/);
  });

  it("says no target changed where the plan's text is the same both years, a value too long to read included", () => {
    const huge = { plan: "(予算 99999999999999999999999億円以上)" };
    expect(codes(edit({ 3: huge }), edit({ 3: huge })).filter((c) => c.startsWith("TARGET_CHANGED"))).toEqual([]);
    // The same value written differently is no change either; a changed value is one.
    expect(codes(base, edit({ 3: { plan: "(件数 １０件)" } })).filter((c) => c.startsWith("TARGET_CHANGED"))).toEqual([]);
    expect(codes(edit({ 3: huge }), edit({ 3: { plan: "(予算 5億円以上)" } }))).toContain("TARGET_CHANGED 3");
  });

  it("matches 20,000 items by index: the same matches as one by one, items moved, retitled and renumbered", () => {
    const last: Item[] = Array.from({ length: 20_000 }, (_, i) => ({ no: i + 1, title: `取組${i + 1}の推進` }));
    // Every tenth item renumbered one down (an item ended), every hundredth retitled.
    const now = last.filter((i) => i.no !== 5).map((i) => ({ ...i, no: i.no > 5 ? i.no - 1 : i.no, title: i.no % 100 === 0 ? `${i.title}と拡大` : i.title }));
    const result = diffTables(table(last), table(now));
    expect(result.matches).toHaveLength(19_999);
    expect(result.findings.filter((f) => f.code === "ITEM_REMOVED").map((f) => f.item)).toEqual(["5"]);
    expect(result.matches.every((m) => m.last.title.startsWith(m.this.title.replace(/と拡大$/, "")))).toBe(true);
  });
});
