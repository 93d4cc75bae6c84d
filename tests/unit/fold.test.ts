import { describe, expect, it } from "vitest";
import { foldText, foldWidth, foldedCodeAt, hasMoreNonSpaceThan, isSpaceCode } from "../../src/core/text/fold";

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

describe("foldWidth agrees with its first definition (two replacements by regular expression)", () => {
  const reference = (text: string) =>
    text.replace(/[\uff01-\uff5d\u3000]/g, (ch) => (ch === "\u3000" ? " " : String.fromCharCode(ch.charCodeAt(0) - 0xfee0))).replace(/[\u301c\u223c\uff5e]/g, "~");

  it("on every character of the Basic Multilingual Plane, alone and inside a text", () => {
    for (let block = 0; block < 0x100; block += 1) {
      const chars: string[] = [];
      for (let code = block * 0x100; code < (block + 1) * 0x100; code += 1) if (code < 0xd800 || code > 0xdfff) chars.push(String.fromCharCode(code));
      if (chars.length === 0) continue;
      for (const text of [chars.join(""), chars.join("計"), ...chars.filter((ch) => foldWidth(ch) !== ch)]) expect(foldWidth(text), block.toString(16)).toBe(reference(text));
    }
  });

  it("on texts of folded and unfolded characters mixed", async () => {
    const fc = (await import("fast-check")).default;
    const alphabet = [..."0123456789１２ＡｚＺ（）％！｝～〜∼　 ー－−漢字。、①a"];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...alphabet), { maxLength: 40 }), (chars) => {
        const text = chars.join("");
        expect(foldWidth(text)).toBe(reference(text));
      }),
      { numRuns: 3000 },
    );
  });

  it("hands back a text with nothing to fold as it is", () => {
    const text = "令和2年度当初予定 目標値 100件";
    expect(foldWidth(text)).toBe(text);
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

describe("isSpaceCode and hasMoreNonSpaceThan", () => {
  it("call a character a space exactly as \\s does, on every character of the Basic Multilingual Plane", () => {
    for (let code = 0; code <= 0xffff; code += 1) expect(isSpaceCode(code), code.toString(16)).toBe(/\s/.test(String.fromCharCode(code)));
  });

  it("count the characters that are not spaces, as removing the spaces does", async () => {
    const fc = (await import("fast-check")).default;
    const alphabet = [..."ab１　 \t\n漢、。\u00a0\u2003\ufeff"];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...alphabet), { maxLength: 40 }), fc.integer({ min: 0, max: 40 }), (chars, n) => {
        const text = chars.join("");
        expect(hasMoreNonSpaceThan(text, n)).toBe(text.replace(/\s+/g, "").length > n);
      }),
      { numRuns: 3000 },
    );
  });

  it("bound the length of a folded header from below (folding and lower case never shorten a text but for its spaces)", () => {
    for (let code = 0; code <= 0xffff; code += 1) {
      if (code >= 0xd800 && code <= 0xdfff) continue;
      const ch = String.fromCharCode(code);
      expect(foldWidth(ch).replace(/\s+/g, "").toLowerCase().length, code.toString(16)).toBe(/\s/.test(ch) ? 0 : Math.max(1, ch.toLowerCase().length));
    }
  });
});
