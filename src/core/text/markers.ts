/**
 * Circled number markers (①②③ …) that number metrics in a cell. They are read before any width
 * folding: NFKC would turn "①113" into "1113".
 */
const RANGES: readonly [number, number, number][] = [
  [0x2460, 0x2473, 1], // ①–⑳
  [0x3251, 0x325f, 21], // ㉑–㉟
  [0x32b1, 0x32bf, 36], // ㊱–㊿
  [0x2776, 0x277f, 1], // ❶–❿
  [0x24f5, 0x24fe, 1], // ⓵–⓾
];

/** ① → 1, ㉑ → 21; undefined for any other character. */
export function circledValue(ch: string): number | undefined {
  const code = ch.codePointAt(0);
  if (code === undefined) return undefined;
  for (const [from, to, first] of RANGES) {
    if (code >= from && code <= to) return first + (code - from);
  }
  return undefined;
}

export const CIRCLED = /[\u2460-\u2473\u3251-\u325f\u32b1-\u32bf\u2776-\u277f\u24f5-\u24fe]/;
export const CIRCLED_GLOBAL = new RegExp(CIRCLED.source, "g");

/** ① … ⑳ ㉑ … ㊿, for writing a marker back. */
export const CIRCLED_MARKERS: readonly string[] = [
  ...Array.from({ length: 20 }, (_, i) => String.fromCodePoint(0x2460 + i)),
  ...Array.from({ length: 15 }, (_, i) => String.fromCodePoint(0x3251 + i)),
  ...Array.from({ length: 15 }, (_, i) => String.fromCodePoint(0x32b1 + i)),
];
