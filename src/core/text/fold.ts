/**
 * Width folding for Japanese administrative text.
 *
 * Full-width ASCII (０-９, Ａ-Ｚ, ％, （ …) becomes ASCII, the ideographic space becomes a space and
 * the many minus/tilde variants become one character each. Circled numbers (①②③ …) are left
 * exactly as they are: NFKC would turn "①113" into "1113", so it is never used here.
 */

const FULLWIDTH_START = 0xff01;
const FULLWIDTH_END = 0xff5e;
const FULLWIDTH_OFFSET = 0xfee0;

/** Characters read as a minus sign or a hyphen. △ and ▲ are *not* folded: they carry meaning. */
const MINUS_LIKE = /[\u2010-\u2015\u2212\u30fc\uff70\ufe63]/g;
/** Wave dashes used for ranges (〜, ～) become "~". */
const WAVE_LIKE = /[\u301c\u223c\uff5e]/g;

export function foldWidth(text: string): string {
  let out = "";
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (code >= FULLWIDTH_START && code <= FULLWIDTH_END && code !== 0xff5e) {
      out += String.fromCodePoint(code - FULLWIDTH_OFFSET);
    } else if (code === 0x3000) {
      out += " ";
    } else {
      out += ch;
    }
  }
  return out.replace(WAVE_LIKE, "~");
}

/**
 * Folds width and normalises minus-like dashes between digits ("１−２" → "1-2").
 * Long vowel marks (ー) inside words are kept; only dashes that touch a digit are folded.
 */
export function foldText(text: string): string {
  const folded = foldWidth(text);
  return folded.replace(MINUS_LIKE, (dash, offset: number, whole: string) => {
    const before = whole[offset - 1] ?? "";
    const after = whole[offset + dash.length] ?? "";
    return /[0-9]/.test(before) || /[0-9]/.test(after) ? "-" : dash;
  });
}
