import { describe, expect, it } from "vitest";
import { foldText, foldWidth, foldedCodeAt } from "../../src/core/text/fold";

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

describe("the dash folding agrees with its first definition (each minus-like dash looked at with its neighbours)", () => {
  const reference = (text: string) => {
    const folded = foldWidth(text);
    return folded.replace(/[\u2010-\u2015\u2212\u30fc\uff70\ufe63]/g, (dash, offset: number, whole: string) =>
      /[0-9]/.test(whole[offset - 1] ?? "") || /[0-9]/.test(whole[offset + 1] ?? "") ? "-" : dash,
    );
  };
  it("on every text of digits, dashes and kana", async () => {
    const fc = (await import("fast-check")).default;
    const alphabet = [..."0123456789１２ー－−‐―ｰ﹣アa (%"];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...alphabet), { maxLength: 30 }), (chars) => {
        const text = chars.join("");
        expect(foldText(text)).toBe(reference(text));
      }),
      { numRuns: 3000 },
    );
  });
});

describe("foldedCodeAt", () => {
  const byCodes = (text: string) => String.fromCharCode(...Array.from({ length: text.length }, (_, i) => foldedCodeAt(text, i)));

  it("gives foldText's character, character for character", async () => {
    const fc = (await import("fast-check")).default;
    const alphabet = [..."0123456789１２ー－−‐―ｰ﹣〜～∼　ＡＺ（）％！｝｡アa (%漢・。"];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...alphabet), { maxLength: 30 }), (chars) => {
        const text = chars.join("");
        expect(byCodes(text)).toBe(foldText(text));
      }),
      { numRuns: 3000 },
    );
  });

  it("agrees with foldText on every character of the Basic Multilingual Plane, beside a digit and alone", () => {
    for (let code = 0; code <= 0xffff; code += 1) {
      if (code >= 0xd800 && code <= 0xdfff) continue;
      const ch = String.fromCharCode(code);
      for (const text of [ch, `1${ch}`, `${ch}１`, `a${ch}a`]) expect(byCodes(text), code.toString(16)).toBe(foldText(text));
    }
  });
});
