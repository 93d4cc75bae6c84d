import { describe, expect, it } from "vitest";
import { checkTable } from "../../src/core/check/check";
import { checkRatingCell } from "../../src/core/check/cellCheck";
import { evaluateTexts } from "../../src/core/rating/evaluate";
import { ratingVerdict } from "../../src/core/rating/judgement";
import { DEFAULT_PROFILE, parseRatingProfile } from "../../src/core/rating/profile";
import { PRESET_SCALES, readRating, scaleFromText, symbolFor, type RatingScale } from "../../src/core/rating/scale";
import { DEFAULT_SETTINGS } from "../../src/core/workbook/settings";
import { readTable } from "../../src/core/workbook/table";

const preset = (id: string): RatingScale => PRESET_SCALES.find((p) => p.id === id)!.scale;
const pairs = (plan: string, result: string) => evaluateTexts(plan, result).pairs;
const SHORT = pairs("(件数 10件)", "(件数 5件)");
const MET = pairs("(件数 10件)", "(件数 10件)");
const EXCEEDED = pairs("(件数 10件)", "(件数 20件)");

describe("rating scales", () => {
  it("reads symbols of the scale as written in many ways", () => {
    expect(readRating("Ａ")).toEqual({ rating: "A", status: "normalised" });
    expect(readRating(" ◯ ", preset("◎/○/△/×"))).toEqual({ rating: "○", status: "normalised" });
    expect(readRating("未達成", preset("達成/概ね達成/未達成"))).toEqual({ rating: "未達成", status: "ok" });
    expect(readRating("C")).toEqual({ rating: "C", status: "invalid" });
    expect(readRating("C", preset("S/A/B/C"))).toEqual({ rating: "C", status: "ok" });
  });

  it("judges by band: ◎/○/△/×", () => {
    const scale = preset("◎/○/△/×");
    expect(ratingVerdict("○", SHORT, scale)).toMatchObject({ kind: "overstated", suggested: "△" });
    expect(ratingVerdict("×", MET, scale)).toMatchObject({ kind: "understated", suggested: "○" });
    expect(ratingVerdict("○", EXCEEDED, scale)).toMatchObject({ kind: "sCandidate", suggested: "◎" });
    expect(ratingVerdict("◎", MET, scale)).toMatchObject({ kind: "overstated", suggested: "○" });
    expect(ratingVerdict("△", SHORT, scale)).toBeUndefined();
  });

  it("takes a symbol that covers two bands as consistent with either: 達成 (ahead or on plan)", () => {
    const scale = preset("達成/概ね達成/未達成");
    expect(ratingVerdict("達成", EXCEEDED, scale)).toBeUndefined();
    expect(ratingVerdict("達成", MET, scale)).toBeUndefined();
    expect(ratingVerdict("達成", SHORT, scale)).toMatchObject({ kind: "overstated", suggested: "未達成" });
    expect(ratingVerdict("概ね達成", SHORT, scale)).toBeUndefined();
    expect(ratingVerdict("未達成", MET, scale)).toMatchObject({ kind: "understated", suggested: "達成" });
    expect(symbolFor("on", scale)).toBe("達成");
  });

  it("is part of the profile, validated when read from a workbook", () => {
    expect(parseRatingProfile({ scale: preset("S/A/B/C") }).scale.symbols.map((s) => s.symbol)).toEqual(["S", "A", "B", "C"]);
    expect(() => parseRatingProfile({ scale: { symbols: [{ symbol: "A", bands: ["on"] }, { symbol: "A", bands: ["behind"] }] } })).toThrow(/重複/);
    expect(() => parseRatingProfile({ scale: { symbols: [{ symbol: "A", bands: ["on"] }, { symbol: "B", bands: ["on"] }] } })).toThrow(/遅れ/);
    expect(() => parseRatingProfile({ scale: { symbols: [{ symbol: "A", bands: ["soon"] }, { symbol: "B", bands: ["behind"] }] } })).toThrow(/ahead・on・behind/);
  });

  it("a scale written as text, for the custom functions", () => {
    expect(scaleFromText("S,A,B")?.symbols.map((s) => [s.symbol, s.bands])).toEqual([["S", ["ahead"]], ["A", ["on"]], ["B", ["behind"]]]);
    expect(scaleFromText("◎○△×")?.symbols.map((s) => s.bands)).toEqual([["ahead"], ["on"], ["behind"], ["behind"]]);
    expect(scaleFromText("達成,未達成")?.symbols.map((s) => s.bands)).toEqual([["ahead", "on"], ["behind"]]);
    expect(scaleFromText("A")).toBeUndefined();
  });

  it("the check and PLAN.CHECK use the profile's scale", () => {
    const profile = { ...DEFAULT_PROFILE, scale: preset("◎/○/△/×") };
    const header = ["No.", "項目", "担当課", "評価", "令和2年度当初予定（目標値）", "取組実績（令和3年3月末実績値）"];
    const grid = [header, [1, "a", "課", "○", "(件数 10件)", "(件数 5件)"], [2, "b", "課", "S", "(件数 10件)", "(件数 10件)"]];
    const result = checkTable(readTable([{ name: "表", rows: grid }], { scale: profile.scale }), { settings: { ...DEFAULT_SETTINGS, profile } });
    expect(result.findings.map((f) => [f.code, f.item, f.suggested ?? ""])).toEqual([
      ["RATING_OVERSTATED", "1", "△"],
      ["RATING_INVALID", "2", ""],
    ]);
    expect(result.findings[1]?.message.ja).toContain("◎・○・△・×");
    expect(checkRatingCell("○", "(件数 10件)", "(件数 5件)", profile)).toMatch(/^RATING_OVERSTATED/);
    expect(checkRatingCell("B", "(件数 10件)", "(件数 5件)", profile)).toBeUndefined();
  });
});
