import fc from "fast-check";
import { afterEach, describe, expect, it, vi } from "vitest";
import { decimalText, formatNumber } from "../../src/core/check/format";

/**
 * Numbers with decimals are written by hand (decimalText) as Intl.NumberFormat("ja-JP") writes them: no
 * Intl format is made for them, as making the first of a process costs more than the check of a small
 * table. Held to Intl on every kind of decimal, the halves that Intl and toFixed round apart included.
 */
const intl = (decimals: number) => new Intl.NumberFormat("ja-JP", { maximumFractionDigits: decimals });

describe("decimals written without Intl", () => {
  afterEach(() => vi.restoreAllMocks());

  it("are Intl's, to two and to six decimals", () => {
    const two = intl(2);
    const six = intl(6);
    const decimals = fc.oneof(
      fc.double({ noNaN: true, min: -1e16, max: 1e16 }),
      fc.double({ noNaN: true, min: -1, max: 1 }),
      fc.integer({ min: -10_000_000, max: 10_000_000 }).map((n) => n / 1000),
      fc.integer({ min: -10_000_000, max: 10_000_000 }).map((n) => n / 8),
      fc.integer({ min: -1_000_000, max: 1_000_000 }).map((n) => n / 3),
      fc.integer({ min: 0, max: 99_999 }).map((n) => n + 0.005),
      fc.integer({ min: 0, max: 99_999 }).map((n) => n + 0.0000005),
    );
    fc.assert(
      fc.property(decimals, (x) => {
        expect(decimalText(x, 2)).toBe(two.format(x));
        expect(decimalText(x, 6)).toBe(six.format(x));
      }),
      { numRuns: 20_000 },
    );
    // Halves that toFixed rounds down (their binary value is below the half) and Intl up; carries.
    for (const x of [1.005, 2.675, 0.995, 9.995, 99.995, 999.995, -1.005, 0.9999995, 1e15 + 0.5, 2 ** 53 - 0.5, 123456789.125, -0.001, 5e-7, -5e-7, 1e-7, 0.1 + 0.2]) {
      expect(decimalText(x, 2), String(x)).toBe(two.format(x));
      expect(decimalText(x, 6), String(x)).toBe(six.format(x));
    }
  });

  it("make no Intl format for a finite number within 2^53, and leave the rest to Intl", () => {
    const made = vi.spyOn(Intl, "NumberFormat");
    for (const x of [46.315, 0.5, -1234.5678, 1e15 + 0.25, 12]) formatNumber(x);
    expect(made).not.toHaveBeenCalled();
    made.mockRestore();
    expect(formatNumber(-0)).toBe("-0");
    expect(formatNumber(Infinity)).toBe("∞");
    expect(formatNumber(2 ** 60)).toBe(intl(2).format(2 ** 60));
  });
});
