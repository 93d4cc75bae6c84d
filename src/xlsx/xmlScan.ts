/**
 * A small, strict XML tokenizer for the parts of an .xlsx: tags with their attributes, and text with
 * its entities decoded. It exists for speed (a 50,000-row sheet is a million elements; a general XML
 * parser spends most of its time in machinery SpreadsheetML does not use) and is held to saxes, a
 * general parser, by a differential test (tests/unit/xmlScan.test.ts).
 *
 * What it refuses, as SpreadsheetML never needs it: a DOCTYPE (and so every entity it could declare:
 * nothing is fetched or multiplied), any entity but the five predefined ones and character references,
 * mismatched or unclosed tags, text outside the root element, "<" in an attribute value.
 */

export class XmlError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "XmlError";
  }
}

export interface XmlTag {
  /** The name as written, prefix included (x:c). */
  name: string;
  /** Read-only: a tag without attributes has an empty object shared with every other. */
  attributes: Readonly<Record<string, string>>;
  isSelfClosing: boolean;
}

export interface XmlHandlers {
  open(tag: XmlTag): void;
  close(name: string): void;
  text(text: string): void;
  /**
   * Offered each start tag inside the root element (`lt`: the index of its "<"; `parent`: the name of the
   * element it stands in): may read whole elements from there itself — and end tags with the start tags
   * that follow them, </row><row …>, when they leave the same element open — and give the index after
   * what it read, or give -1 to leave it to the scanner. For elements written in one plain form, many
   * times (a worksheet's cells and rows), read exactly as the scanner would: anything else is left to it.
   */
  element?(xml: string, lt: number, parent: string): number;
}

const PREDEFINED: Readonly<Record<string, string>> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

/** A character reference's code point, if XML allows it in a document. */
function referenced(code: number): string {
  const allowed = code === 0x9 || code === 0xa || code === 0xd || (code >= 0x20 && code <= 0xd7ff) || (code >= 0xe000 && code <= 0xfffd) || (code >= 0x10000 && code <= 0x10ffff);
  if (!allowed) throw new XmlError(`character reference to U+${code.toString(16)}`);
  return String.fromCodePoint(code);
}

/** Text or an attribute value as written: line ends normalised, references decoded. */
function decode(raw: string): string {
  let text = raw.includes("\r") ? raw.replace(/\r\n?/g, "\n") : raw;
  let amp = text.indexOf("&");
  if (amp < 0) return text;
  let out = "";
  let from = 0;
  while (amp >= 0) {
    const semi = text.indexOf(";", amp + 1);
    if (semi < 0 || semi - amp > 12) throw new XmlError("an & that starts no reference");
    const ref = text.slice(amp + 1, semi);
    let value: string | undefined;
    if (ref.startsWith("#x")) value = /^#x[0-9a-fA-F]+$/.test(ref) ? referenced(parseInt(ref.slice(2), 16)) : undefined;
    else if (ref.startsWith("#")) value = /^#[0-9]+$/.test(ref) ? referenced(parseInt(ref.slice(1), 10)) : undefined;
    else value = PREDEFINED[ref];
    if (value === undefined) throw new XmlError(`undefined entity &${ref};`);
    out += text.slice(from, amp) + value;
    from = semi + 1;
    amp = text.indexOf("&", from);
  }
  text = out + text.slice(from);
  return text;
}

/** An attribute value: white space written as such reads as a space (a reference stays), references decoded. */
function attributeValue(raw: string): string {
  for (let k = 0; k < raw.length; k += 1) {
    const code = raw.charCodeAt(k);
    if (code === 0x26 || code === 0x9 || code === 0xa || code === 0xd) return decode(raw.replace(/\r\n?|[\t\n]/g, " "));
  }
  return raw;
}

const isSpace = (code: number) => code === 0x20 || code === 0x9 || code === 0xa || code === 0xd;
/** Ends a tag or attribute name: white space, "=", "/", ">". */
const endsName = (code: number) => isSpace(code) || code === 0x3d || code === 0x2f || code === 0x3e || Number.isNaN(code);

/**
 * The names of a document's tags and attributes, each made once: a worksheet's million tags are a dozen
 * names (row, c, v, f, r, s, t, spans …), and a name found here is neither sliced again nor compared
 * character by character when its end tag comes (the same string). Keyed by the first and last
 * characters and the length; a slot holds the name last seen there.
 */
class Names {
  private readonly slots: string[] = new Array<string>(128).fill("");

  of(xml: string, from: number, to: number): string {
    const length = to - from;
    // One character: the engine keeps those strings already.
    if (length <= 1) return xml.slice(from, to);
    const slot = (xml.charCodeAt(from) * 7 + xml.charCodeAt(to - 1) * 3 + length) & 127;
    const known = this.slots[slot] as string;
    if (known.length === length && xml.startsWith(known, from)) return known;
    // Made a property key once (the engine keeps such keys unique), so that comparing it with the names
    // written in code and using it as an attribute's key find it at once.
    const name = Object.keys({ [xml.slice(from, to)]: 0 })[0] ?? xml.slice(from, to);
    this.slots[slot] = name;
    return name;
  }
}

/**
 * The attributes of every tag that has none: read-only, shared. Attributes are kept in objects without a
 * prototype: an attribute named constructor or __proto__ is one like any other (and given twice, refused).
 */
const NO_ATTRIBUTES: Readonly<Record<string, string>> = Object.freeze(Object.create(null) as Record<string, string>);

export function scanXml(xml: string, handlers: XmlHandlers): void {
  const n = xml.length;
  let i = xml.charCodeAt(0) === 0xfeff ? 1 : 0;
  const open: string[] = [];
  const names = new Names();
  const element = handlers.element;
  let rootSeen = false;
  while (i < n) {
    const lt = xml.indexOf("<", i);
    const end = lt < 0 ? n : lt;
    if (end > i) {
      const raw = xml.slice(i, end);
      if (open.length > 0) handlers.text(decode(raw));
      else if (raw.trim() !== "") throw new XmlError("text outside the root element");
    }
    if (lt < 0) break;
    const next = xml.charCodeAt(lt + 1);
    if (next === 0x2f) {
      // </name>
      const gt = xml.indexOf(">", lt + 2);
      if (gt < 0) throw new XmlError("unterminated end tag");
      const expected = open.pop();
      // Most end tags are the name of the open element and nothing else: no slice, no comparison.
      const name = expected !== undefined && gt === lt + 2 + expected.length && xml.startsWith(expected, lt + 2) ? expected : xml.slice(lt + 2, gt).trimEnd();
      if (expected !== name) throw new XmlError(`</${name}> where </${expected ?? ""}> was expected`);
      handlers.close(name);
      i = gt + 1;
      continue;
    }
    if (next === 0x21) {
      if (xml.startsWith("<!--", lt)) {
        const close = xml.indexOf("-->", lt + 4);
        if (close < 0) throw new XmlError("unterminated comment");
        i = close + 3;
        continue;
      }
      if (xml.startsWith("<![CDATA[", lt)) {
        const close = xml.indexOf("]]>", lt + 9);
        if (close < 0 || open.length === 0) throw new XmlError("misplaced or unterminated CDATA");
        handlers.text(xml.slice(lt + 9, close).replace(/\r\n?/g, "\n"));
        i = close + 3;
        continue;
      }
      throw new XmlError("a DOCTYPE or declaration (refused: SpreadsheetML has none)");
    }
    if (next === 0x3f) {
      const close = xml.indexOf("?>", lt + 2);
      if (close < 0) throw new XmlError("unterminated processing instruction");
      i = close + 2;
      continue;
    }
    if (element !== undefined && open.length > 0) {
      const after = element(xml, lt, open[open.length - 1] as string);
      if (after >= 0) {
        i = after;
        continue;
      }
    }
    // <name attr="value" …> or <name … />
    let p = lt + 1;
    while (!endsName(xml.charCodeAt(p))) p += 1;
    if (p === lt + 1) throw new XmlError("a tag without a name");
    const name = names.of(xml, lt + 1, p);
    if (open.length === 0 && rootSeen) throw new XmlError("a second root element");
    // Tags without attributes (<v>, <t>, <si>: most of a sheet's) share one empty object.
    let attributes: Record<string, string> | undefined;
    let isSelfClosing = false;
    for (;;) {
      while (isSpace(xml.charCodeAt(p))) p += 1;
      const code = xml.charCodeAt(p);
      if (code === 0x3e) {
        p += 1;
        break;
      }
      if (code === 0x2f && xml.charCodeAt(p + 1) === 0x3e) {
        p += 2;
        isSelfClosing = true;
        break;
      }
      if (Number.isNaN(code)) throw new XmlError(`unterminated tag <${name}>`);
      const start = p;
      while (!endsName(xml.charCodeAt(p))) p += 1;
      if (p === start) throw new XmlError(`a malformed attribute in <${name}>`);
      const attribute = names.of(xml, start, p);
      while (isSpace(xml.charCodeAt(p))) p += 1;
      if (xml.charCodeAt(p) !== 0x3d) throw new XmlError(`attribute ${attribute} without a value`);
      p += 1;
      while (isSpace(xml.charCodeAt(p))) p += 1;
      const quote = xml.charCodeAt(p);
      if (quote !== 0x22 && quote !== 0x27) throw new XmlError(`attribute ${attribute} not quoted`);
      // One pass to the closing quote, noting what the value needs: a "<" refuses it; a reference or
      // white space other than a space is decoded (attributeValue), the rest is the value as written.
      let close = p + 1;
      let lessThan = false;
      let special = false;
      for (;;) {
        const c = xml.charCodeAt(close);
        if (c === quote) break;
        if (Number.isNaN(c)) throw new XmlError(`unterminated attribute ${attribute}`);
        if (c === 0x3c) lessThan = true;
        else if (c === 0x26 || c === 0x9 || c === 0xa || c === 0xd) special = true;
        close += 1;
      }
      if (lessThan) throw new XmlError(`"<" in attribute ${attribute}`);
      attributes ??= Object.create(null) as Record<string, string>;
      if (attributes[attribute] !== undefined) throw new XmlError(`attribute ${attribute} given twice`);
      const raw = xml.slice(p + 1, close);
      attributes[attribute] = special ? attributeValue(raw) : raw;
      p = close + 1;
    }
    rootSeen = true;
    handlers.open({ name, attributes: attributes ?? NO_ATTRIBUTES, isSelfClosing });
    if (isSelfClosing) handlers.close(name);
    else open.push(name);
    i = p;
  }
  if (open.length > 0) throw new XmlError(`<${open[open.length - 1] ?? ""}> is never closed`);
  if (!rootSeen) throw new XmlError("no root element");
}
