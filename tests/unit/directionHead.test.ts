import { describe, expect, it } from "vitest";
import { extractMetrics } from "../../src/core/metrics/extract";
import { evaluateTexts } from "../../src/core/rating/evaluate";
import { inferDirection, titleSays } from "../../src/core/rating/direction";
import { directionWordIn } from "../../src/core/rating/vocabulary";

/**
 * A direction word decides only as the head of the label: 職員数 (staff kept: fewer is better) is not
 * the quantity of 「テレワーク実施職員数」 (staff who teleworked: more is better). And a title that names a
 * cut of what the target measures (時間外勤務の縮減) says the quantity is to fall.
 */

const target = (text: string) => {
  const metric = extractMetrics(text)[0];
  if (!metric) throw new Error(`no metric in ${text}`);
  return metric;
};

describe("a direction word as the head of the label", () => {
  it("reads 「テレワーク実施職員数」 as more-is-better, and 職員数 alone as fewer-is-better", () => {
    expect(inferDirection(target("テレワーク実施職員数 1,000人")).direction).toBe("higher");
    expect(inferDirection(target("職員数 650人")).direction).toBe("lower");
    expect(directionWordIn("職員数")).toMatchObject({ word: "職員数", direction: "lower" });
  });

  it("keeps 職員数 where a scope, not an activity, stands before it", () => {
    for (const label of ["一般行政部門職員数", "人口1万人あたり職員数", "正規職員数"]) expect(directionWordIn(label)?.direction, label).toBe("lower");
    for (const label of ["研修受講職員数", "育児休業取得職員数", "テレワーク実施可能職員数", "制度利用職員数"]) expect(directionWordIn(label)?.direction, label).toBe("higher");
  });

  it("judges the review's w4 row: 1,000人 → 1,450人 of テレワーク実施職員数 is met, not short", () => {
    const [pair] = evaluateTexts("テレワーク実施職員数 1,000人", "実施職員数 1,450人").pairs;
    expect(pair?.direction).toBe("higher");
    expect(pair?.status).toBe("exceeded");
  });
});

describe("a title that names a cut", () => {
  it("makes the quantity it cuts fewer-is-better (時間外勤務の縮減 over 時間外勤務時間)", () => {
    expect(inferDirection(target("時間外勤務時間 55,000時間")).direction).toBe("higher");
    expect(inferDirection(target("時間外勤務時間 55,000時間"), undefined, undefined, undefined, "時間外勤務の縮減")).toMatchObject({ direction: "lower", source: "lexicon" });
    expect(titleSays("窓口待ち時間の短縮", "待ち時間")?.direction).toBe("lower");
  });

  it("says nothing of another quantity, or of an amount cut (削減額 is more-is-better)", () => {
    expect(titleSays("時間外勤務の縮減", "職員研修の受講者数")).toBeUndefined();
    expect(titleSays("物件費の削減", "物件費削減額")).toBeUndefined();
    expect(titleSays("市民活動の支援", "支援件数")).toBeUndefined();
  });
});

describe("what the head rule leaves alone", () => {
  it("keeps a cost a cost after such a modifier (事業実施経費, 研修経費 stay fewer-is-better)", () => {
    expect(directionWordIn("事業実施経費")?.direction).toBe("lower");
    expect(directionWordIn("職員研修経費")?.direction).toBe("lower");
  });
});
