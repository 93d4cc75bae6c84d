import { describe, expect, it } from "vitest";
import { foldText, foldWidth } from "../../src/core/text/fold";

describe("foldWidth", () => {
  it("folds full-width ASCII and the ideographic space", () => {
    expect(foldWidth("Ｎｏ．１２　（９５％）")).toBe("No.12 (95%)");
  });

  it("keeps circled markers apart from the digits that follow them", () => {
    expect(foldWidth("①113 ②114")).toBe("①113 ②114");
    expect(foldWidth("⑳5")).toBe("⑳5");
  });

  it("folds wave dashes to ~ and keeps △ ▲", () => {
    expect(foldWidth("10〜20 10～20 △5 ▲3")).toBe("10~20 10~20 △5 ▲3");
  });
});

describe("foldText", () => {
  it("turns dashes next to digits into '-' and keeps the long vowel mark in words", () => {
    expect(foldText("４−１")).toBe("4-1");
    expect(foldText("スポーツ")).toBe("スポーツ");
    expect(foldText("−５")).toBe("-5");
  });
});
