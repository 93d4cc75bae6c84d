/**
 * Exact decimals for written quantities: a BigInt mantissa and a power-of-ten scale.
 * 18.1億 is 181 × 10^-1 × 10^8 = 1,810,000,000 exactly; the conversion to a JS number happens once,
 * from the decimal's own digits, so it is the nearest double to what was written.
 */
export interface Decimal {
  readonly mantissa: bigint;
  /** value = mantissa × 10^-scale; scale ≥ 0 */
  readonly scale: number;
}

export const ZERO: Decimal = { mantissa: 0n, scale: 0 };

/** 10^k as a BigInt, computed once for the small k every quantity uses. */
const POW10: bigint[] = Array.from({ length: 64 }, (_, k) => 10n ** BigInt(k));
export const pow10 = (k: number): bigint => POW10[k] ?? 10n ** BigInt(k);
const MAX_EXACT = BigInt(Number.MAX_SAFE_INTEGER);

export function decimalFromDigits(digits: string): Decimal {
  const [whole = "0", fraction = ""] = digits.split(".");
  return { mantissa: BigInt(`${whole}${fraction}` || "0"), scale: fraction.length };
}

export function decimalFromInt(n: number): Decimal {
  return { mantissa: BigInt(n), scale: 0 };
}

function align(a: Decimal, b: Decimal): [bigint, bigint, number] {
  const scale = Math.max(a.scale, b.scale);
  return [a.mantissa * pow10(scale - a.scale), b.mantissa * pow10(scale - b.scale), scale];
}

export function add(a: Decimal, b: Decimal): Decimal {
  const [x, y, scale] = align(a, b);
  return { mantissa: x + y, scale };
}

/** × 10^k, k ≥ 0, exact. */
export function shift(a: Decimal, k: number): Decimal {
  if (k <= a.scale) return { mantissa: a.mantissa, scale: a.scale - k };
  return { mantissa: a.mantissa * pow10(k - a.scale), scale: 0 };
}

export function negate(a: Decimal): Decimal {
  return { mantissa: -a.mantissa, scale: a.scale };
}

/** Trailing zeros of the integer value (80 → 1, 100 → 2, 85 → 0); for 台 ranges. */
export function trailingZeros(a: Decimal): number {
  if (a.scale > 0 || a.mantissa === 0n) return 0;
  let n = a.mantissa < 0n ? -a.mantissa : a.mantissa;
  let count = 0;
  while (n % 10n === 0n) {
    n /= 10n;
    count += 1;
  }
  return count;
}

export function toDecimalString(a: Decimal): string {
  const negative = a.mantissa < 0n;
  const digits = (negative ? -a.mantissa : a.mantissa).toString().padStart(a.scale + 1, "0");
  const whole = a.scale === 0 ? digits : digits.slice(0, digits.length - a.scale);
  const fraction = a.scale === 0 ? "" : digits.slice(digits.length - a.scale).replace(/0+$/, "");
  return `${negative ? "-" : ""}${whole}${fraction ? `.${fraction}` : ""}`;
}

export function toNumber(a: Decimal): number {
  // Both exact as doubles: their quotient is correctly rounded, the nearest double to what was written.
  if (a.scale <= 22 && a.mantissa <= MAX_EXACT && a.mantissa >= -MAX_EXACT) return Number(a.mantissa) / 10 ** a.scale;
  return Number(toDecimalString(a));
}
