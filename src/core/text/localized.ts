/** A text the user reads, Japanese first and English second. */
export interface Localized {
  ja: string;
  en: string;
}

/** The values of a message: a text, a number, or a text per language (a list joined as each language joins it). */
export type MessageData = Readonly<Record<string, string | number | Localized | undefined>>;

const PLACEHOLDER = /\{(\w+)\}/g;

/** The names of a template's placeholders, in order. */
export function placeholders(template: string): string[] {
  return [...template.matchAll(PLACEHOLDER)].map((m) => m[1] ?? "");
}

/**
 * A template cut at its placeholders once: texts[0] name[0] texts[1] … texts[n], or undefined when it
 * has none. A check fills tens of thousands of messages from a few dozen templates.
 */
interface Cut {
  texts: string[];
  names: string[];
}

function cut(text: string): Cut | undefined {
  if (!text.includes("{")) return undefined;
  const texts: string[] = [];
  const names: string[] = [];
  let from = 0;
  for (const match of text.matchAll(PLACEHOLDER)) {
    texts.push(text.slice(from, match.index));
    names.push(match[1] ?? "");
    from = match.index + match[0].length;
  }
  if (names.length === 0) return undefined;
  texts.push(text.slice(from));
  return { texts, names };
}

interface CutTemplate {
  /** The texts cut, to tell a template changed since (templates are constants; a test may build its own). */
  jaText: string;
  enText: string;
  ja: Cut | undefined;
  en: Cut | undefined;
  /** Messages filled from data of texts and numbers only, by those values (most findings repeat a few). */
  filled: Map<string, Localized>;
}

/** Templates by their object: rules and texts keep theirs as constants. */
const CUT = new WeakMap<Localized, CutTemplate>();
/** The most messages remembered per template (a list of targets quoted is rarely the same twice). */
const FILLED_LIMIT = 256;

function fillCut(text: string, parts: Cut | undefined, data: MessageData, locale: keyof Localized): string {
  if (!parts) return text;
  const { texts, names } = parts;
  let out = texts[0] as string;
  for (let k = 0; k < names.length; k += 1) {
    const name = names[k] as string;
    const value = data[name];
    // As String.prototype.replace has it: a value without a text of this language reads "undefined".
    out += value === undefined ? `{${name}}` : typeof value === "object" ? `${value[locale] as string | undefined}` : String(value);
    out += texts[k + 1] as string;
  }
  return out;
}

/** The key of data whose values the template reads are texts or numbers, or undefined. */
function plainKey(template: CutTemplate, data: MessageData): string | undefined {
  let key = "";
  for (const parts of [template.ja, template.en]) {
    if (!parts) continue;
    for (const name of parts.names) {
      const value = data[name];
      if (typeof value === "object") return undefined;
      key += `${value === undefined ? "u" : typeof value === "number" ? "n" : "s"}${String(value).length}:${String(value)}`;
    }
  }
  return key;
}

/**
 * A message from its template in both languages ({name} stands for a value of the data, as ESLint's
 * meta.messages). A placeholder without a value is kept as written, so that a test finds it. Each call
 * returns an object of its own.
 */
export function fillMessage(template: Localized, data: MessageData = {}): Localized {
  let parts = CUT.get(template);
  if (!parts || parts.jaText !== template.ja || parts.enText !== template.en) {
    parts = { jaText: template.ja, enText: template.en, ja: cut(template.ja), en: cut(template.en), filled: new Map() };
    CUT.set(template, parts);
  }
  if (!parts.ja && !parts.en) return { ja: template.ja, en: template.en };
  const key = plainKey(parts, data);
  if (key !== undefined) {
    const known = parts.filled.get(key);
    if (known) return { ja: known.ja, en: known.en };
  }
  const filled = { ja: fillCut(template.ja, parts.ja, data, "ja"), en: fillCut(template.en, parts.en, data, "en") };
  if (key !== undefined) {
    if (parts.filled.size >= FILLED_LIMIT) parts.filled.clear();
    parts.filled.set(key, { ja: filled.ja, en: filled.en });
  }
  return filled;
}
