/**
 * Lines of a text cell. Published reports copied from HTML keep their list markup
 * (`<ul style=…> a b c </ul>`, the entries separated by spaces); such a list becomes one "・" line per
 * entry, a trailing metrics block keeping its own line.
 */
const UL_OPEN = /<ul\b[^>]*>/g;
const UL_CLOSE = /<\/ul>/g;

/** Splits at spaces that stand outside brackets: the entries of a flattened HTML list. */
function splitOutsideBrackets(text: string): string[] {
  const open = "(（「『【[";
  const close = ")）」』】]";
  const parts: string[] = [];
  let depth = 0;
  let current = "";
  for (const ch of text) {
    if (open.includes(ch)) depth += 1;
    if (close.includes(ch)) depth = Math.max(0, depth - 1);
    if (/\s/.test(ch) && depth === 0) {
      if (current.trim()) parts.push(current.trim());
      current = "";
    } else {
      current += ch;
    }
  }
  if (current.trim()) parts.push(current.trim());
  return parts;
}

/** A parenthesised block of values at the end of a cell: "(参加団体数 12団体)". */
const isMetricsBlock = (entry: string): boolean => /^[(（].*[)）]$/.test(entry) && /\d/.test(entry);

/** HTML list markup becomes one "・" line per entry; the trailing metrics block keeps its own line. */
export function htmlListToLines(text: string): string {
  if (!/<ul\b/i.test(text)) return text.trim();
  const body = text.replace(UL_OPEN, " ").replace(UL_CLOSE, " ");
  return splitOutsideBrackets(body)
    .map((entry) => (isMetricsBlock(entry) || entry.startsWith("・") ? entry : `・${entry}`))
    .join("\n");
}

/** Bullets written inline ("・a ・b") and HTML lists become one line each. */
export function bulletLines(text: string): string {
  return htmlListToLines(text)
    .replace(/\s+・/g, "\n・")
    .replace(/^\s+|\s+$/g, "");
}
