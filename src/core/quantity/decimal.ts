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

export function decimalFromDigits(digits: string): Decimal {
  const [whole = "0", fraction = ""] = digits.split(".");
  return { mantissa: BigInt(`${whole}${fraction}` || "0"), scale: fraction.length };
}

export function decimalFromInt(n: number): Decimal {
  return { mantissa: BigInt(n), scale: 0 };
}

function align(a: Decimal, b: Decimal): [bigint, bigint, number] {
  const scale = Math.max(a.scale, b.scale);
  return [a.mantissa * 10n ** BigInt(scale - a.scale), b.mantissa * 10n ** BigInt(scale - b.scale), scale];
}

export function add(a: Decimal, b: Decimal): Decimal {
  const [x, y, scale] = align(a, b);
  return { mantissa: x + y, scale };
}

export function multiply(a: Decimal, b: Decimal): Decimal {
  return { mantissa: a.mantissa * b.mantissa, scale: a.scale + b.scale };
}

/** × 10^k, k ≥ 0, exact. */
export function shift(a: Decimal, k: number): Decimal {
  if (k <= a.scale) return { mantissa: a.mantissa, scale: a.scale - k };
  return { mantissa: a.mantissa * 10n ** BigInt(k - a.scale), scale: 0 };
}

export function negate(a: Decimal): Decimal {
  return { mantissa: -a.mantissa, scale: a.scale };
}

export function isZero(a: Decimal): boolean {
  return a.mantissa === 0n;
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
  return Number(toDecimalString(a));
}
