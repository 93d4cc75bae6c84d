import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { toNumber, toDecimalString } from "../../src/core/quantity/decimal";
import { parseJapaneseNumber } from "../../src/core/quantity/number";
import { findQuantities } from "../../src/core/quantity/quantity";
import { foldText } from "../../src/core/text/fold";
import { circledValue } from "../../src/core/text/markers";

const value = (text: string): number | undefined => {
  const decimal = parseJapaneseNumber(text);
  return decimal === undefined ? undefined : toNumber(decimal);
};

describe("Japanese numerals", () => {
  it.each([
    ["12", 12],
    ["1,234.5", 1234.5],
    ["十二", 12],
    ["二十", 20],
    ["百", 100],
    ["三千五百万", 35_000_000],
    ["1千万", 10_000_000],
    ["1億2,345万", 123_450_000],
    ["454,000千", 454_000_000],
    ["百万", 1_000_000],
    ["28.4億", 2_840_000_000],
    ["18.1億", 1_810_000_000],
    ["0.6億", 60_000_000],
    ["2兆5千億", 2_500_000_000_000],
    ["二〇二〇", 2020],
  ])("%s → %d", (text, expected) => {
    expect(value(text)).toBe(expected);
  });

  it("is exact to the written precision", () => {
    expect(toDecimalString(parseJapaneseNumber("18.1億")!)).toBe("1810000000");
    expect(toDecimalString(parseJapaneseNumber("1.23456789万")!)).toBe("12345.6789");
  });
});

describe("quantities", () => {
  it("normalises units and reads qualifiers", () => {
    const [q] = findQuantities("約4,760万円程度");
    expect(q).toMatchObject({ value: 47_600_000, unit: "円", op: "approx" });
    expect(findQuantities("1,180名")[0]?.unit).toBe("人");
    expect(findQuantities("54回/年")[0]?.unit).toBe("回/年");
    expect(findQuantities("1千万円/年")[0]).toMatchObject({ value: 10_000_000, unit: "円/年" });
  });

  it("reads kanji numerals only with a unit or a multiplier", () => {
    expect(findQuantities("一般の方")).toEqual([]);
    expect(findQuantities("三千五百万円")[0]?.value).toBe(35_000_000);
    expect(findQuantities("一人当たり")[0]).toMatchObject({ value: 1, unit: "人" });
  });

  it("keeps circled markers apart from digits", () => {
    expect(circledValue("①")).toBe(1);
    expect(circledValue("⑳")).toBe(20);
    expect(circledValue("㉑")).toBe(21);
    expect(circledValue("㊿")).toBe(50);
    expect(circledValue("1")).toBeUndefined();
    expect(findQuantities(foldText("①113")).map((q) => q.value)).toEqual([113]);
  });
});

/** Writes n with separators every three digits. */
const withSeparators = (digits: string): string => digits.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
const toFullWidth = (text: string): string => text.replace(/[0-9,.]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

describe("properties", () => {
  it("the tokenizer never throws on any string and returns finite numbers or says it is not a number", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 60 }), (text) => {
        for (const q of findQuantities(foldText(text))) {
          expect(Number.isFinite(q.value) || q.notANumber === true).toBe(true);
          if (q.min !== undefined) expect(Number.isFinite(q.min)).toBe(true);
          if (q.max !== undefined) expect(Number.isFinite(q.max)).toBe(true);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it("never throws on strings made of numeral characters", () => {
    const alphabet = fc.constantFrom(..."0123456789,.十百千万億兆一二三五〇円%人件台以上約△▲~〜 ");
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 30 }), (chars) => {
        for (const q of findQuantities(chars.join(""))) expect(Number.isFinite(q.value) || q.notANumber === true).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it("any integer or decimal written with 千/万/億, separators or full width, parses back exactly", () => {
    const multipliers = [
      ["", 0],
      ["千", 3],
      ["万", 4],
      ["億", 8],
    ] as const;
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 999_999_999n }),
        fc.integer({ min: 0, max: 3 }),
        fc.constantFrom(...multipliers),
        fc.boolean(),
        fc.boolean(),
        (mantissa, decimals, [word, exponent], separators, fullWidth) => {
          const digits = mantissa.toString().padStart(decimals + 1, "0");
          const whole = digits.slice(0, digits.length - decimals);
          const fraction = digits.slice(digits.length - decimals);
          let written = `${separators ? withSeparators(whole) : whole}${decimals ? `.${fraction}` : ""}${word}円`;
          if (fullWidth) written = toFullWidth(written);
          // The exact value, as a decimal string, computed independently with BigInt.
          const scaled = mantissa * 10n ** BigInt(exponent);
          const intPart = scaled / 10n ** BigInt(decimals);
          const fracPart = (scaled % 10n ** BigInt(decimals)).toString().padStart(decimals, "0").replace(/0+$/, "");
          const expected = Number(`${intPart}${fracPart ? `.${fracPart}` : ""}`);
          const [q] = findQuantities(foldText(written));
          expect(q?.value, written).toBe(expected);
          expect(q?.unit).toBe("円");
        },
      ),
      { numRuns: 3000 },
    );
  });
});
