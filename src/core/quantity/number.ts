import { BIG_UNIT, KANJI_DIGIT, SMALL_UNIT, isAsciiDigit as isDigit, isKanjiDigit } from "../text/numerals";
import { ZERO, add, decimalFromDigits, decimalFromInt, shift, type Decimal } from "./decimal";

/**
 * Japanese numerals as they appear in administrative text, on width-folded input:
 * 1,234.5 / 12 / 十二 / 三千五百万 / 1千万 / 1億2,345万 / 454,000千 / 百万 / 28.4億.
 * Grammar: number := group+ ; group := small (兆|億|万)? in decreasing order ;
 * small := term+ ; term := coef? (千|百|十) | coef ; coef := arabic | kanji digits.
 */


const ARABIC = /(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?/y;

export interface NumberMatch {
  value: Decimal;
  start: number;
  end: number;
  /** The number was written with kanji digits only (十二, 三千五百万). */
  kanjiOnly: boolean;
  /** Written with more digits than any quantity has (hundreds of digits): not a number to compare. */
  tooLong: boolean;
}

/** More digits than this in one run, and the number is not one a report means. */
const MAX_RUN = 40;


/** Whether a number can start at text[i]. */
export function startsNumber(text: string, i: number): boolean {
  const ch = text[i];
  return isDigit(ch) || isKanjiDigit(ch) || (ch !== undefined && ch in SMALL_UNIT && (isKanjiDigit(text[i + 1]) || text[i + 1] === undefined || !isDigit(text[i + 1])));
}

interface Cursor {
  pos: number;
  sawArabic: boolean;
  tooLong: boolean;
}

function readCoef(text: string, cur: Cursor): Decimal | undefined {
  ARABIC.lastIndex = cur.pos;
  const arabic = ARABIC.exec(text);
  if (arabic) {
    cur.pos += arabic[0].length;
    if (arabic[0].length > MAX_RUN) cur.tooLong = true;
    cur.sawArabic = true;
    return decimalFromDigits(arabic[0].replace(/,/g, ""));
  }
  // Kanji digits written positionally (二〇二〇) or one digit before 十百千: as a digit string, so that
  // a run of hundreds of them stays exact instead of overflowing.
  let digits = "";
  while (isKanjiDigit(text[cur.pos + digits.length])) digits += String(KANJI_DIGIT[text[cur.pos + digits.length] ?? ""] ?? 0);
  if (digits.length === 0) return undefined;
  cur.pos += digits.length;
  if (digits.length > MAX_RUN) cur.tooLong = true;
  return decimalFromDigits(digits);
}

/** small := term+ where term := coef? (千|百|十) | coef; returns undefined if nothing was read. */
function readSmall(text: string, cur: Cursor): Decimal | undefined {
  let total: Decimal = ZERO;
  let read = false;
  let lastExponent = 4; // units must decrease: 千 then 百 then 十 then ones
  for (;;) {
    const before = cur.pos;
    const coef = readCoef(text, cur);
    const unit = text[cur.pos];
    if (unit !== undefined && unit in SMALL_UNIT) {
      const exponent = SMALL_UNIT[unit] ?? 0;
      if (exponent >= lastExponent && read) {
        cur.pos = before;
        break;
      }
      cur.pos += 1;
      total = add(total, shift(coef ?? decimalFromInt(1), exponent));
      lastExponent = exponent;
      read = true;
      continue;
    }
    if (coef) {
      total = add(total, coef);
      read = true;
    }
    break;
  }
  return read ? total : undefined;
}

/** Reads a number starting exactly at `start`, or returns undefined. */
export function readNumber(text: string, start: number): NumberMatch | undefined {
  if (!startsNumber(text, start)) return undefined;
  const cur: Cursor = { pos: start, sawArabic: false, tooLong: false };
  let total: Decimal = ZERO;
  let lastBig = 16;
  let read = false;
  for (;;) {
    const before = cur.pos;
    const small = readSmall(text, cur);
    const big = text[cur.pos];
    if (big !== undefined && big in BIG_UNIT && (small !== undefined || read)) {
      const exponent = BIG_UNIT[big] ?? 0;
      if (exponent >= lastBig) {
        cur.pos = before;
        break;
      }
      cur.pos += 1;
      total = add(total, shift(small ?? decimalFromInt(1), exponent));
      lastBig = exponent;
      read = true;
      if (!startsNumber(text, cur.pos)) break;
      continue;
    }
    if (small !== undefined) {
      total = add(total, small);
      read = true;
    }
    break;
  }
  if (!read) return undefined;
  // A lone 十/百/千 with nothing after it reads as a number only when it is a numeral (十 = 10).
  return { value: total, start, end: cur.pos, kanjiOnly: !cur.sawArabic, tooLong: cur.tooLong };
}

/** Convenience for tests and callers that hold a whole numeral: "三千五百万" → 35000000. */
export function parseJapaneseNumber(text: string): Decimal | undefined {
  const match = readNumber(text, 0);
  return match && match.end === text.length ? match.value : undefined;
}

