import { describe, expect, it } from "vitest";
import { formatAmount, formatNumber } from "../../src/core/check/format";

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
});
