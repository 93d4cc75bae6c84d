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
/** Wave dashes used for ranges (〜, ～) become "~". */
const WAVE_LIKE = /[\u301c\u223c\uff5e]/g;

/** Full-width ASCII (but ～, a wave dash) and the ideographic space. */
const FULLWIDTH = /[\uff01-\uff5d\u3000]/g;

export function foldWidth(text: string): string {
  // Only the characters that change are touched: most of a Japanese text stays as it is.
  return text
    .replace(FULLWIDTH, (ch) => {
      const code = ch.charCodeAt(0);
      return code === 0x3000 ? " " : String.fromCharCode(code - FULLWIDTH_OFFSET);
    })
    .replace(WAVE_LIKE, "~");
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
