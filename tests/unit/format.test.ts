import { describe, expect, it } from "vitest";
import { formatAmount, formatNumber, formatPercent, formatTarget, formatValue, shortEvidence, toEvidence } from "../../src/core/check/format";
import { extractMetrics } from "../../src/core/metrics/extract";
import { evaluateTexts } from "../../src/core/rating/evaluate";

describe("numbers in messages", () => {
  const intl = new Intl.NumberFormat("ja-JP", { maximumFractionDigits: 2 });

  it("are written as Intl.NumberFormat writes them for ja-JP, whole numbers grouped by hand", async () => {
    const fc = (await import("fast-check")).default;
    fc.assert(
      fc.property(fc.oneof(fc.integer({ min: -2_000_000_000, max: 2_000_000_000 }), fc.maxSafeInteger(), fc.double({ noNaN: true })), (x) => {
        expect(formatNumber(x)).toBe(intl.format(x));
      }),
      { numRuns: 5000 },
    );
    for (const x of [0, -0, 1, 12, 123, 1234, -1234, 999_999, 1_000_000, Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER, 1e21, 46.315, -0.5, Infinity]) {
      expect(formatNumber(x), String(x)).toBe(intl.format(x));
    }
  });

  it("read as the report's amounts", () => {
    expect(formatAmount(3_500_000_000, "円")).toBe("35億円");
    expect(formatAmount(47_600_000, "円")).toBe("4,760万円");
    expect(formatAmount(1288, "人")).toBe("1,288人");
    expect(formatAmount(95, "%")).toBe("95%");
  });

  it("yen in 億 and 万 exactly as a report writes them, every digit when they are not whole (荒尾市, 鴨川市)", () => {
    expect(formatAmount(6_481_370_000, "円")).toBe("64億8,137万円");
    expect(formatAmount(1_008_900_000, "円")).toBe("10億890万円");
    expect(formatAmount(1_138_587_243, "円")).toBe("1,138,587,243円");
    expect(formatAmount(-5_000_000, "円")).toBe("-500万円");
  });
});

/** A value shown from what was written in the cell (docs/contracts/rating.md, "Showing values"). */
const shown = (text: string): string => {
  const [metric] = extractMetrics(text);
  if (!metric) throw new Error(`nothing read in ${text}`);
  return formatValue(metric, metric.value);
};

describe("values shown in the unit written", () => {
  it.each([
    // 佐渡市: tonnes and hectares, never grams and square metres.
    ["3万5,352トン", "35,352t"],
    ["10.7ヘクタール", "10.7ha"],
    // 千曲市 (万トン), 福知山市 (百万円), 四街道市 (千円), 川崎市 (か所), 佐渡市 (店舗).
    ["78.6万トン", "78.6万t"],
    ["46万1,225トン", "461,225t"],
    ["1,092百万円", "1,092百万円"],
    ["62,355千円", "62,355千円"],
    ["136か所", "136か所"],
    ["21店舗", "21店舗"],
    ["45,298平方メートル", "45,298㎡"],
    ["0.48kg/人日", "0.48kg/人日"],
    ["28.4億円", "28.4億円"],
    ["3年間で64億8,137万円", "64億8,137万円"],
    ["△620万円", "△620万円"],
    ["▲1億円", "▲1億円"],
  ])("%s → %s", (text, expected) => {
    expect(shown(text)).toBe(expected);
  });

  it("targets keep their written unit, qualifier and decade: 90%台, 1,092百万円以上", () => {
    const target = (text: string) => formatTarget(extractMetrics(text)[0]!, "ja");
    expect(target("(削減効果額 1,092百万円以上)")).toBe("1,092百万円以上");
    expect(target("(経常収支比率 80%台)")).toBe("80%台");
    expect(target("(ごみ総排出量 2万4,387トン以下)")).toBe("24,387t以下");
    expect(target("(実施 20件中18件)")).toBe("20件中18件");
  });

  it("evidence of 佐渡市's 温室効果ガス shows tonnes, not 35,352,000,000g", () => {
    const [pair] = evaluateTexts("温室効果ガス総排出量:3万5,352トン", "3万5,439トン").pairs;
    const evidence = toEvidence(pair!, "6");
    expect(evidence).toMatchObject({ target: "35,352t", result: "35,439t" });
    expect(evidence.text.ja).not.toMatch(/000g/);
  });
});

describe("an achievement short of 100% is never shown as 100%", () => {
  it("rounds down to one decimal: 0.9996 → 99.9%, 0.4631 → 46.3%, 0.57 → 57.0%, 1.2 → 120.0%", () => {
    expect(formatPercent(0.9996)).toBe("99.9%");
    expect(formatPercent(0.99999)).toBe("99.9%");
    expect(formatPercent(0.4631)).toBe("46.3%");
    expect(formatPercent(0.57)).toBe("57.0%");
    expect(formatPercent(1)).toBe("100.0%");
    expect(formatPercent(1.2)).toBe("120.0%");
    expect(formatPercent(1.0996)).toBe("109.9%");
  });

  it("the short form of PLAN.CHECK and messages: 佐渡市's 介護保険料徴収率 98.8% of 99.1% is (99%), not (100%)", () => {
    const [pair] = evaluateTexts("介護保険料徴収率:99.1%", "98.80%").pairs;
    expect(pair?.status).toBe("short");
    expect(shortEvidence(pair!)).toBe("実績98.8% / 目標99.1% (99%)");
    const [close] = evaluateTexts("(件数 10,000件)", "(件数 9,999件)").pairs;
    expect(shortEvidence(close!)).toBe("実績9,999件 / 目標10,000件 (99%)");
    expect(toEvidence(close!, "1").text.ja).toContain("達成率 99.9%");
  });
});
