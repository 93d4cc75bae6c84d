/**
 * Width folding for Japanese administrative text.
 *
 * Full-width ASCII (０-９, Ａ-Ｚ, ％, （ …) becomes ASCII, the ideographic space becomes a space and
 * the many minus/tilde variants become one character each. Circled numbers (①②③ …) are left
 * exactly as they are: NFKC would turn "①113" into "1113", so it is never used here.
 */

const FULLWIDTH_OFFSET = 0xfee0;

/**
 * A dash read as a minus sign or a hyphen (‐ ‑ ‒ – — ― − ー ｰ ﹣), folded to "-" only next to a digit.
 * △ and ▲ are *not* folded: they carry meaning.
 */
const DASH_LIKE = /[\u2010-\u2015\u2212\u30fc\uff70\ufe63]/g;
const isDigitAt = (text: string, i: number) => {
  const code = text.charCodeAt(i);
  return code >= 48 && code <= 57;
};
/** Whether foldWidth changes the character: full-width ASCII (０-９, Ａ-Ｚ, ％, （ … but ～), the ideographic space, the wave dashes (〜 ∼ ～). */
const foldsWidth = (code: number) => (code >= 0xff01 && code <= 0xff5e) || code === 0x3000 || code === 0x301c || code === 0x223c;

/** The characters foldsWidth says change. */
const FOLDS_WIDTH = /[\uff01-\uff5e\u3000\u301c\u223c]/;

export function foldWidth(text: string): string {
  // Only the characters that change are touched: most of a Japanese text stays as it is, and a text with
  // nothing to fold (most of them) is handed back as it is after one search (the engine's own loop, as
  // fast on a command's first texts as later; tests/unit/fold.test.ts holds foldWidth to its first
  // definition on every character).
  let i = text.search(FOLDS_WIDTH);
  if (i < 0) return text;
  const length = text.length;
  let out = "";
  let from = 0;
  for (; i < length; i += 1) {
    const code = text.charCodeAt(i);
    if (code < 0x223c || !foldsWidth(code)) continue;
    // Full-width ASCII moves down to ASCII; the ideographic space is a space; the wave dashes are "~".
    const folded = code === 0x3000 ? " " : code === 0xff5e || code === 0x301c || code === 0x223c ? "~" : String.fromCharCode(code - FULLWIDTH_OFFSET);
    out += text.slice(from, i) + folded;
    from = i + 1;
  }
  return out + text.slice(from);
}

/** Whether a code unit is white space as a regular expression's \\s sees it (ECMAScript's WhiteSpace and LineTerminator). */
export function isSpaceCode(code: number): boolean {
  if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  if (code < 0xa0) return false;
  return code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff;
}

/**
 * Whether a text holds more than `n` characters that are not spaces: a quick test before folding a long
 * text only to measure it (folding width keeps each character and its being a space or not; removing the
 * spaces leaves the others; lower case never shortens a text).
 */
export function hasMoreNonSpaceThan(text: string, n: number): boolean {
  if (text.length <= n) return false;
  let count = 0;
  for (let i = 0; i < text.length; i += 1) {
    if (!isSpaceCode(text.charCodeAt(i))) {
      count += 1;
      if (count > n) return true;
    }
  }
  return false;
}

/**
 * Folds width and normalises minus-like dashes between digits ("１−２" → "1-2").
 * Long vowel marks (ー) inside words are kept; only dashes that touch a digit are folded.
 */
export function foldText(text: string): string {
  const folded = foldWidth(text);
  // The long vowel marks of katakana words are found by a plain scan and left; a dash is rewritten only
  // beside a digit.
  let out: string | undefined;
  let from = 0;
  DASH_LIKE.lastIndex = 0;
  for (let match = DASH_LIKE.exec(folded); match !== null; match = DASH_LIKE.exec(folded)) {
    const i = match.index;
    if (!isDigitAt(folded, i - 1) && !isDigitAt(folded, i + 1)) continue;
    out = `${out ?? ""}${folded.slice(from, i)}-`;
    from = i + 1;
  }
  return out === undefined ? folded : out + folded.slice(from);
}

const isFoldedDigit = (code: number) => (code >= 0x30 && code <= 0x39) || (code >= 0xff10 && code <= 0xff19);

/**
 * The character code foldText gives the character at `i` of `text` (folding never changes a text's
 * length): for a scan that folds as it goes instead of folding the whole text first. Held to foldText
 * character for character by tests/unit/fold.test.ts.
 */
export function foldedCodeAt(text: string, i: number): number {
  const code = text.charCodeAt(i);
  // Nothing below ‐ (U+2010) folds, nor the kanji and kana between 〜 and ﹣ but ー.
  if (code < 0x2010 || (code > 0x301c && code < 0xfe63 && code !== 0x30fc)) return code;
  if (code >= 0xff01 && code <= 0xff5d) return code - FULLWIDTH_OFFSET;
  if (code === 0x3000) return 0x20;
  if (code === 0x301c || code === 0x223c || code === 0xff5e) return 0x7e;
  const dashLike = (code >= 0x2010 && code <= 0x2015) || code === 0x2212 || code === 0x30fc || code === 0xff70 || code === 0xfe63;
  return dashLike && (isFoldedDigit(text.charCodeAt(i - 1)) || isFoldedDigit(text.charCodeAt(i + 1))) ? 0x2d : code;
}

/**
 * Characters that show nothing, as text pasted from web pages and PDFs carries them, inside numbers
 * too ("1\u200b000人"): the soft hyphen, the zero-width space, non-joiner and joiner, the left-to-right
 * and right-to-left marks, the word joiner and the invisible operators, the byte-order mark (zero-width
 * no-break space), and the variation selectors (U+FE00–FE0F, and U+E0100–E01EF, written as a pair of
 * surrogates). Folding keeps them (it never changes a text's length); the quantity reader reads numbers
 * as if they were not there (src/core/quantity/quantity.ts).
 */
export function invisibleAt(text: string, i: number): number {
  const code = text.charCodeAt(i);
  if (code < 0xad) return 0;
  if (code === 0xad || (code >= 0x200b && code <= 0x200f) || (code >= 0x2060 && code <= 0x2064) || code === 0xfeff || (code >= 0xfe00 && code <= 0xfe0f)) return 1;
  if (code === 0xdb40) {
    const low = text.charCodeAt(i + 1);
    return low >= 0xdd00 && low <= 0xddef ? 2 : 0;
  }
  return 0;
}

/** Whether a text holds any of those characters (a quick test before a slower path). */
export function hasInvisible(text: string): boolean {
  return INVISIBLE.test(text);
}

// eslint-disable-next-line no-misleading-character-class -- the variation selectors are matched alone, on purpose
const INVISIBLE = /[\u00ad\u200b-\u200f\u2060-\u2064\ufeff\ufe00-\ufe0f]|\udb40[\udd00-\uddef]/;

/** The text without those characters. */
export function dropInvisible(text: string): string {
  if (!hasInvisible(text)) return text;
  let out = "";
  for (let i = 0; i < text.length; i += 1) {
    const skip = invisibleAt(text, i);
    if (skip > 0) i += skip - 1;
    else out += text[i];
  }
  return out;
}
