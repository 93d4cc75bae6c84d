/**
 * Excel's number format codes, read as far as a checker needs them: whether a number is shown as a date,
 * and what text a number shows when its format adds a unit or a sign word (12 as 12件, 0.95 as 95%,
 * -5 as △5). Sources: Microsoft, "Review guidelines for customizing a number format"
 * (https://support.microsoft.com/en-us/office/review-guidelines-for-customizing-a-number-format-c0a1d1fa-d3f4-4018-96b7-9c9354dd99f5);
 * ECMA-376 Part 1, §18.8.30 numFmt and §18.8.31 numFmts; and the grammar Office holds format codes to,
 * [MS-OI29500] 2.1.712 (https://learn.microsoft.com/en-us/openspecs/office_standards/ms-oi29500/17d11129-219b-4e2c-88db-45844d21e528).
 *
 * A code has up to four sections split by unquoted ";": positive, negative, zero, text (with two, the
 * first is for zero too). Conditions ([>=100]) choose sections instead. Inside a section, text in double
 * quotes and a character after "\" (or "!") is shown as written; "_x" is space the width of x and "*x"
 * fills the column, neither is text; brackets hold a colour ([Red], [赤], [Color10]), a condition, a
 * locale or currency ([$-411], [$-ja-JP], [$¥-411]), a numeral system ([DBNum1] kanji, [DBNum3] full
 * width) or elapsed time ([h], [mm], [ss]). Outside quotes and brackets, "General" (Japanese Excel writes
 * "G/標準") shows the number as it is, 0 # ? are digits, "." the decimal point, "," groups thousands
 * between digits and divides by 1,000 after them, "%" multiplies by 100, E+ / E- is an exponent, "@" is
 * the cell's text, and y m d h s, g and e (the Japanese era and its year), aaa (the day of the week in
 * Japanese), b (the Buddhist year), AM/PM and A/P make a date or a time.
 */

export type SectionKind = "general" | "number" | "date" | "text" | "literal";

export interface Condition {
  op: "<" | "<=" | ">" | ">=" | "=" | "<>";
  value: number;
}

export interface FormatSection {
  /** general (General, G/標準), number (digits), date (date or time), text (@), literal (text only). */
  kind: SectionKind;
  condition?: Condition;
  /** What is shown before the first digit and after the last, as shown (quotes and escapes removed). */
  prefix: string;
  suffix: string;
  /** Text between digit placeholders of the integer part, as in 000"-"0000; the number is then left as it is. */
  interior: boolean;
  /** Each % multiplies by 100. */
  percent: number;
  /** Digits after the decimal point (0, # and ?). */
  decimals: number;
  /** Digits before it that always show (0 placeholders). */
  minimumIntegers: number;
  /** "," between digit placeholders: thousands grouped. */
  grouped: boolean;
  /** "," right after the last digit placeholder: each divides by 1,000. */
  scale: number;
  /** 0.00E+00. */
  scientific: boolean;
  /** # ?/?. */
  fraction: boolean;
}

export interface NumberFormat {
  sections: FormatSection[];
}

const DATE_LETTER = /[ymdhsgeb]/i;

function emptySection(): FormatSection {
  return { kind: "literal", prefix: "", suffix: "", interior: false, percent: 0, decimals: 0, minimumIntegers: 0, grouped: false, scale: 0, scientific: false, fraction: false };
}

/** "[>=100]" → { op: ">=", value: 100 }. */
function conditionOf(inside: string): Condition | undefined {
  const match = /^(<=|>=|<>|<|>|=)\s*(-?\d+(?:\.\d+)?(?:E[+-]?\d+)?)$/i.exec(inside.trim());
  return match ? { op: match[1] as Condition["op"], value: Number(match[2]) } : undefined;
}

/** Splits a code into its sections at ";" outside quotes, brackets and escapes. */
function splitSections(code: string): string[] {
  const sections: string[] = [];
  let start = 0;
  for (let i = 0; i < code.length; i += 1) {
    const ch = code[i];
    if (ch === '"') {
      const close = code.indexOf('"', i + 1);
      i = close < 0 ? code.length : close;
    } else if (ch === "[") {
      const close = code.indexOf("]", i + 1);
      i = close < 0 ? code.length : close;
    } else if (ch === "\\" || ch === "!" || ch === "_" || ch === "*") {
      i += 1;
    } else if (ch === ";") {
      sections.push(code.slice(start, i));
      start = i + 1;
    }
  }
  sections.push(code.slice(start));
  return sections;
}

const GENERAL_WORDS = ["general", "g/標準"];

function parseSection(source: string): FormatSection {
  const section = emptySection();
  let digits = false;
  let date = false;
  let text = false;
  let general = false;
  let afterPoint = false;
  /** Text read since the last digit placeholder. */
  let pending = "";
  let commasAfterDigit = 0;
  const literal = (s: string) => {
    pending += s;
  };
  const digit = (ch: string) => {
    if (pending !== "") {
      if (!digits && !general) section.prefix += pending;
      else if (!afterPoint) section.interior = true;
      pending = "";
    }
    if (commasAfterDigit > 0 && !afterPoint) section.grouped = true;
    commasAfterDigit = 0;
    digits = true;
    if (afterPoint) section.decimals += 1;
    else if (ch === "0") section.minimumIntegers += 1;
  };
  for (let i = 0; i < source.length; i += 1) {
    const ch = source[i] ?? "";
    const lower = ch.toLowerCase();
    if (ch === '"') {
      const close = source.indexOf('"', i + 1);
      literal(source.slice(i + 1, close < 0 ? source.length : close));
      i = close < 0 ? source.length : close;
    } else if (ch === "\\" || ch === "!") {
      literal(source[i + 1] ?? "");
      i += 1;
    } else if (ch === "_" || ch === "*") {
      i += 1;
    } else if (ch === "[") {
      const close = source.indexOf("]", i + 1);
      const inside = source.slice(i + 1, close < 0 ? source.length : close);
      i = close < 0 ? source.length : close;
      const condition = conditionOf(inside);
      if (condition) section.condition = condition;
      else if (/^(h+|m+|s+)$/i.test(inside)) date = true;
      else if (inside.startsWith("$")) {
        // [$¥-411]: a currency symbol shown as written; [$-411], [$-ja-JP]: a locale; [$-F800] the system's long date.
        const symbol = inside.slice(1).split("-")[0] ?? "";
        if (symbol) literal(symbol);
        if (/^\$-F[48]00$/i.test(inside)) date = true;
      }
      // Anything else ([Red], [赤], [Color10], [DBNum1], [NatNum1]) changes how the text looks, not what it says.
    } else if (GENERAL_WORDS.some((word) => source.slice(i, i + word.length).toLowerCase() === word)) {
      const word = GENERAL_WORDS.find((w) => source.slice(i, i + w.length).toLowerCase() === w) ?? "";
      if (pending !== "") section.prefix += pending;
      pending = "";
      general = true;
      i += word.length - 1;
    } else if (ch === "0" || ch === "#" || ch === "?") {
      digit(ch);
    } else if (ch === "." && (digits || /[0#?]/.test(source[i + 1] ?? ""))) {
      if (!digits && pending !== "") section.prefix += pending;
      if (!digits) pending = "";
      afterPoint = true;
      digits = true;
    } else if (ch === "," && digits) {
      commasAfterDigit += 1;
    } else if (ch === "%") {
      section.percent += 1;
      literal("%");
    } else if ((ch === "E" || ch === "e") && digits && (source[i + 1] === "+" || source[i + 1] === "-")) {
      section.scientific = true;
      i += 1;
    } else if (ch === "/" && digits && /[0-9#?]/.test(source[i + 1] ?? "")) {
      section.fraction = true;
    } else if (/^[1-9]$/.test(ch) && section.fraction) {
      // The denominator of # ?/8.
    } else if (ch === "@") {
      text = true;
    } else if (/^(am\/pm|a\/p)$/i.test(source.slice(i, i + 5)) || /^a\/p$/i.test(source.slice(i, i + 3))) {
      date = true;
      i += /^am\/pm$/i.test(source.slice(i, i + 5)) ? 4 : 2;
    } else if (source.startsWith("午前/午後", i)) {
      date = true;
      i += 4;
    } else if (DATE_LETTER.test(lower) || (lower === "a" && /^aaa/i.test(source.slice(i, i + 3)))) {
      date = true;
      while (source[i + 1]?.toLowerCase() === lower) i += 1;
    } else {
      literal(ch);
    }
  }
  // Commas after the last digit divide by 1,000 each.
  if (digits && !afterPoint) section.scale = commasAfterDigit;
  else if (digits && commasAfterDigit > 0) section.scale = commasAfterDigit;
  if (digits || general) section.suffix = pending;
  else section.prefix += pending;
  section.kind = date ? "date" : digits ? "number" : general ? "general" : text ? "text" : "literal";
  return section;
}

const cache = new Map<string, NumberFormat>();
const CACHE_LIMIT = 1000;

/** The sections of a format code (cached: a workbook has few formats and many cells). */
export function parseNumberFormat(code: string): NumberFormat {
  let format = cache.get(code);
  if (!format) {
    format = { sections: splitSections(code).map(parseSection) };
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(code, format);
  }
  return format;
}

function meets(condition: Condition, value: number): boolean {
  switch (condition.op) {
    case "<":
      return value < condition.value;
    case "<=":
      return value <= condition.value;
    case ">":
      return value > condition.value;
    case ">=":
      return value >= condition.value;
    case "=":
      return value === condition.value;
    default:
      return value !== condition.value;
  }
}

/**
 * The section that shows a number, and whether it shows the number's sign itself (a negative section
 * chosen for a negative number writes its own sign, as "△"#,##0 or (#,##0) do, or none).
 */
export function sectionFor(format: NumberFormat, value: number): { section: FormatSection; signShown: boolean } | undefined {
  const numeric = format.sections.filter((s, i) => !(s.kind === "text" || (i === 3 && format.sections.length === 4)));
  if (numeric.some((s) => s.condition)) {
    // Conditions choose; a section without one takes what the conditions before it did not.
    const [first, second, third] = numeric;
    if (first?.condition ? meets(first.condition, value) : value >= 0) return first && { section: first, signShown: false };
    if (second && (second.condition ? meets(second.condition, value) : true)) return { section: second, signShown: false };
    if (third) return { section: third, signShown: false };
    return undefined;
  }
  const [positive, negative, zero] = numeric;
  if (!positive) return undefined;
  if (value < 0 && negative) return { section: negative, signShown: true };
  if (value === 0 && zero) return { section: zero, signShown: false };
  return { section: positive, signShown: false };
}

/** Whether a format shows a number as a date or a time (its first section does). */
export function isDateFormatCode(code: string | undefined): boolean {
  if (!code) return false;
  return parseNumberFormat(code).sections[0]?.kind === "date";
}

/** A decimal string of |value| rounded half away from zero at `decimals` places, as Excel rounds what it shows. */
function fixed(value: number, decimals: number): string {
  const magnitude = Math.abs(value);
  if (!Number.isFinite(magnitude)) return String(magnitude);
  if (magnitude >= 1e21) return magnitude.toFixed(0);
  // Fifteen significant digits, as Excel keeps them, then rounded in decimal (1.005 → 1.01).
  const [mantissa = "0", exponentText = "0"] = magnitude.toExponential(14).split("e");
  const exponent = Number(exponentText);
  const all = mantissa.replace(".", "");
  // The digits as an integer count of 10^-(decimals): position of the decimal point within `all`.
  const point = exponent + 1;
  const keep = point + decimals;
  if (keep < 0) return decimals > 0 ? `0.${"0".repeat(decimals)}` : "0";
  let kept = all.slice(0, keep).padEnd(keep, "0");
  const next = all[keep] ?? "0";
  if (next >= "5") kept = incremented(kept === "" ? "0" : kept);
  const integerLength = kept.length - decimals;
  const integer = integerLength > 0 ? kept.slice(0, integerLength).replace(/^0+(?=\d)/, "") : "0";
  const fraction = decimals > 0 ? kept.slice(Math.max(0, integerLength)).padStart(decimals, "0") : "";
  return fraction ? `${integer}.${fraction}` : integer;
}

function incremented(digits: string): string {
  const out = digits.split("");
  for (let i = out.length - 1; i >= 0; i -= 1) {
    if (out[i] === "9") out[i] = "0";
    else {
      out[i] = String(Number(out[i]) + 1);
      return out.join("");
    }
  }
  return `1${out.join("")}`;
}

/** General's digits: the number as it is, at most ten significant digits for fractions (as Excel's General shows). */
function generalDigits(value: number): string {
  const magnitude = Math.abs(value);
  if (Number.isInteger(magnitude) && magnitude < 1e15) return String(magnitude);
  return String(Number(magnitude.toPrecision(10)));
}

function group(integer: string): string {
  return integer.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

export type Shown =
  /** The number shows as a date or a time. */
  | { kind: "date" }
  /** The number shows as a number and nothing else (digits, grouping, a sign): read as the number. */
  | { kind: "number" }
  /** The number shows with words or signs of its format (12件, 95%, △5, "-" for zero): the text shown. */
  | { kind: "text"; text: string };

/** Words of a format that only place or sign a number: they change nothing of what it says. */
const PLAIN_LITERAL = /^[\s\-+()]*$/;

/** What a number shows under a format code (see Shown). */
export function showNumber(value: number, code: string | undefined): Shown {
  if (!code || !Number.isFinite(value)) return { kind: "number" };
  const format = parseNumberFormat(code);
  const chosen = sectionFor(format, value);
  if (!chosen) return { kind: "number" };
  const { section, signShown } = chosen;
  if (section.kind === "date") return { kind: "date" };
  if (section.kind === "text") return { kind: "number" };
  if (section.kind === "literal") return { kind: "text", text: section.prefix };
  const adds = section.percent > 0 || !PLAIN_LITERAL.test(section.prefix) || !PLAIN_LITERAL.test(section.suffix);
  if (!adds || section.scientific || section.fraction || section.interior) return { kind: "number" };
  const scaled = (value * 100 ** section.percent) / 1000 ** section.scale;
  let digits: string;
  if (section.kind === "general") digits = generalDigits(scaled);
  else {
    digits = fixed(scaled, section.decimals);
    const [integer = "0", fraction] = digits.split(".");
    let shownInteger = integer === "0" && section.minimumIntegers === 0 ? "" : integer.padStart(section.minimumIntegers, "0");
    if (section.grouped) shownInteger = group(shownInteger);
    digits = fraction === undefined ? shownInteger : `${shownInteger}.${fraction}`;
    if (digits === "") digits = "0";
  }
  const sign = value < 0 && !signShown && /[1-9]/.test(digits) ? "-" : "";
  return { kind: "text", text: `${section.prefix}${sign}${digits}${section.suffix}` };
}
