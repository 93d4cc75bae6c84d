/**
 * What the command line prints comes partly from cells, and a cell can hold control characters: ESC
 * sequences that retitle the window or clear the screen, BEL, 8-bit CSI, and the bidirectional
 * overrides that reorder what a line seems to say. Text output shows each as a visible sign; JSON
 * output escapes them, so that the data stays the same and the terminal is left alone.
 */

/** C0 controls (but newline), DEL, C1 controls, and the bidirectional overrides and isolates. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
/** The same, newline and the Unicode line and paragraph separators too: for what must stay one line. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const LINE_BREAKING = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u2028\u2029]/g;

function sign(ch: string): string {
  const code = ch.charCodeAt(0);
  if (code < 0x20) return String.fromCharCode(0x2400 + code);
  if (code === 0x7f) return "\u2421";
  return `<U+${code.toString(16).toUpperCase().padStart(4, "0")}>`;
}

/**
 * Text for a terminal: C0 as the control pictures (␛ for ESC, ␇ for BEL, ␉ for a tab, which the
 * command line never prints itself), the others as <U+XXXX>. Line feeds are kept: usage texts and the
 * lines of a command written at once hold them.
 */
export function visible(text: string): string {
  return text.replace(CONTROL, sign);
}

/**
 * One line, whatever a workbook put in it: as visible(), and line feeds (␊), carriage returns and the
 * Unicode line and paragraph separators shown as signs too, so that a cell or a sheet name with a line
 * break cannot split a finding's line (the command line prints one line per finding).
 */
export function oneLine(text: string): string {
  return text.replace(LINE_BREAKING, sign);
}

/** JSON with every such character escaped as \uXXXX (JSON.stringify escapes only C0). */
export function jsonText(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(CONTROL, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
