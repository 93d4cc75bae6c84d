import { describe, expect, it } from "vitest";
import { extractMetrics } from "../../src/core/metrics/extract";
import { evaluateTexts } from "../../src/core/rating/evaluate";

/** Counters of digital-government targets: 業務 (work put on RPA), 手続 / 手続き (procedures put online). */
describe("the counters 業務 and 手続", () => {
  it("reads 「導入業務数 30業務」 and 「オンライン化手続数 12手続」 as numbers with their counter", () => {
    expect(extractMetrics("導入業務数 30業務").map((m) => [m.label, m.value, m.unit])).toEqual([["導入業務数", 30, "業務"]]);
    expect(extractMetrics("オンライン化手続数 12手続").map((m) => [m.value, m.unit])).toEqual([[12, "手続"]]);
    expect(extractMetrics("電子申請の対象 40手続き").map((m) => [m.value, m.unit])).toEqual([[40, "手続き"]]);
  });

  it("compares a target and a result in 業務 (30業務 → 12業務 is short)", () => {
    const [pair] = evaluateTexts("RPA導入業務数 30業務", "導入業務数 12業務").pairs;
    expect(pair?.status).toBe("short");
  });
});
