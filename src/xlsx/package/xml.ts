import { scanXml, type XmlTag } from "../xmlScan";
import { PACKAGE_ERRORS } from "./errors";

/**
 * Where things are in an XML part, to edit it in place: the strict tokenizer (../xmlScan.ts) reads the
 * part and refuses what is not well-formed; beside it a cursor finds where each tag it reports starts and
 * ends in the text, so that an edit replaces exactly one element's text and leaves every other character
 * of the part as it was. Small parts (the workbook, its relationships, the styles) are also read into a
 * tree; a worksheet is only walked.
 */

export const MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
export const STRICT_MAIN_NS = "http://purl.oclc.org/ooxml/spreadsheetml/main";
export const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

export const localName = (name: string): string => {
  const colon = name.indexOf(":");
  return colon < 0 ? name : name.slice(colon + 1);
};

export const prefixOf = (name: string): string => {
  const colon = name.indexOf(":");
  return colon < 0 ? "" : name.slice(0, colon);
};

/** A tag as found: its name and attributes, and where it is ([start, end) of the tag itself). */
export interface LocatedTag extends XmlTag {
  start: number;
  end: number;
  depth: number;
}

export interface LocatedHandlers {
  open?(tag: LocatedTag): void;
  /** `start`/`end` of the end tag; for a self-closing element, those of the tag itself. */
  close?(name: string, start: number, end: number, depth: number): void;
  text?(text: string): void;
}

/** Skips a comment, CDATA section or processing instruction at `at`, else returns `at`. */
function skipMarkup(xml: string, at: number): number {
  if (xml.startsWith("<!--", at)) return xml.indexOf("-->", at + 4) + 3;
  if (xml.startsWith("<![CDATA[", at)) return xml.indexOf("]]>", at + 9) + 3;
  if (xml.startsWith("<?", at)) return xml.indexOf("?>", at + 2) + 2;
  return at;
}

/** The next tag's "<" from `from`, past comments, CDATA and processing instructions. */
function nextTag(xml: string, from: number): number {
  let at = xml.indexOf("<", from);
  for (;;) {
    const after = skipMarkup(xml, at);
    if (after === at) return at;
    at = xml.indexOf("<", after);
  }
}

/** The end of a start tag whose "<" is at `start`: the ">" outside quoted attribute values. */
function tagEnd(xml: string, start: number): number {
  let quote = 0;
  for (let i = start + 1; i < xml.length; i += 1) {
    const code = xml.charCodeAt(i);
    if (quote !== 0) {
      if (code === quote) quote = 0;
    } else if (code === 0x22 || code === 0x27) quote = code;
    else if (code === 0x3e) return i + 1;
  }
  return xml.length;
}

/**
 * Walks a part with each tag's place in the text. The tokenizer decides what the part is (and refuses it
 * when it is not well-formed XML); the cursor only follows it, and checks that it found the very tag.
 */
export function walkXml(part: string, xml: string, handlers: LocatedHandlers): void {
  let cursor = 0;
  let depth = 0;
  let lastOpen: LocatedTag | undefined;
  try {
    scanXml(xml, {
      open(tag) {
        const start = nextTag(xml, cursor);
        if (!xml.startsWith(`<${tag.name}`, start)) throw new Error(`lost the place of <${tag.name}>`);
        const end = tagEnd(xml, start);
        cursor = end;
        const located: LocatedTag = { ...tag, start, end, depth };
        lastOpen = located;
        if (!tag.isSelfClosing) depth += 1;
        handlers.open?.(located);
      },
      close(name) {
        if (lastOpen && lastOpen.isSelfClosing && lastOpen.end === cursor && lastOpen.name === name) {
          const tag = lastOpen;
          lastOpen = undefined;
          handlers.close?.(name, tag.start, tag.end, depth);
          return;
        }
        lastOpen = undefined;
        const start = nextTag(xml, cursor);
        if (!xml.startsWith(`</${name}`, start)) throw new Error(`lost the place of </${name}>`);
        const end = xml.indexOf(">", start) + 1;
        cursor = end;
        depth -= 1;
        handlers.close?.(name, start, end, depth);
      },
      text(text) {
        handlers.text?.(text);
      },
    });
  } catch (error) {
    if (error instanceof Error && (error.name === "PackageError" || error.name === "XlsxReadError")) throw error;
    throw PACKAGE_ERRORS.notWellFormed(part, error);
  }
}

/** An element read into a tree: where it is, its attributes, its children and its text. */
export interface XmlNode {
  name: string;
  local: string;
  attributes: Record<string, string>;
  children: XmlNode[];
  /** Its text (the text directly inside it, joined). */
  text: string;
  /** [start, end) of the whole element; the start tag ends at `openEnd`, the end tag starts at `closeStart`. */
  start: number;
  openEnd: number;
  closeStart: number;
  end: number;
  isSelfClosing: boolean;
}

/** A small part as a tree (only parts of a bounded size: never a worksheet). */
export function parseTree(part: string, xml: string): XmlNode {
  const stack: XmlNode[] = [];
  let root: XmlNode | undefined;
  walkXml(part, xml, {
    open(tag) {
      const node: XmlNode = {
        name: tag.name,
        local: localName(tag.name),
        attributes: tag.attributes,
        children: [],
        text: "",
        start: tag.start,
        openEnd: tag.end,
        closeStart: tag.start,
        end: tag.end,
        isSelfClosing: tag.isSelfClosing,
      };
      const parent = stack[stack.length - 1];
      if (parent) parent.children.push(node);
      else root = node;
      stack.push(node);
    },
    close(_name, start, end) {
      const node = stack.pop();
      if (!node) return;
      node.closeStart = node.isSelfClosing ? node.end : start;
      node.end = end;
    },
    text(text) {
      const node = stack[stack.length - 1];
      if (node) node.text += text;
    },
  });
  if (!root) throw PACKAGE_ERRORS.notWellFormed(part);
  return root;
}

export const child = (node: XmlNode, local: string): XmlNode | undefined => node.children.find((c) => c.local === local);
export const children = (node: XmlNode, local: string): XmlNode[] => node.children.filter((c) => c.local === local);

/** An attribute by its local name, whatever its prefix (r:id, x:r …); the unprefixed one first. */
export function attributeByLocal(attributes: Record<string, string>, local: string): string | undefined {
  if (attributes[local] !== undefined) return attributes[local];
  for (const [name, value] of Object.entries(attributes)) if (name.includes(":") && !name.startsWith("xmlns") && localName(name) === local) return value;
  return undefined;
}

/** The prefix bound to a namespace by these attributes ("" for the default namespace), if any. */
export function prefixFor(namespace: string, attributes: Record<string, string>): string | undefined {
  for (const [name, value] of Object.entries(attributes)) {
    if (value !== namespace) continue;
    if (name === "xmlns") return "";
    if (name.startsWith("xmlns:")) return name.slice(6);
  }
  return undefined;
}

export const escapeText = (text: string): string => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** An attribute value: markup escaped, and white space a parser would fold written as references. */
export const escapeAttribute = (text: string): string =>
  escapeText(text).replace(/"/g, "&quot;").replace(/\t/g, "&#9;").replace(/\n/g, "&#10;").replace(/\r/g, "&#13;");

export const attributesText = (attributes: Readonly<Record<string, string>>): string =>
  Object.entries(attributes)
    .map(([name, value]) => ` ${name}="${escapeAttribute(value)}"`)
    .join("");

/**
 * An element of one part written for another: its elements in the target's prefix for the main
 * namespace (`x:font` where the target writes `x:`), declarations added on it for any other prefix it uses.
 */
export function serialize(node: XmlNode, prefix: string, declarations: Readonly<Record<string, string>> = {}): string {
  const used = new Map<string, string>();
  const note = (name: string) => {
    const p = prefixOf(name);
    if (p === "" || p === "xmlns" || p === "xml") return;
    const ns = declarations[`xmlns:${p}`];
    if (ns !== undefined) used.set(p, ns);
  };
  const collect = (n: XmlNode): void => {
    note(n.name);
    Object.keys(n.attributes).forEach(note);
    n.children.forEach(collect);
  };
  collect(node);
  const rename = (name: string) => (prefixOf(name) !== "" || prefix === "" ? name : `${prefix}:${name}`);
  const write = (n: XmlNode, extra: string): string => {
    const name = rename(n.name);
    const attrs = attributesText(n.attributes) + extra;
    if (n.children.length === 0 && n.text === "") return `<${name}${attrs}/>`;
    const inner = n.children.length === 0 ? escapeText(n.text) : n.children.map((c) => write(c, "")).join("");
    return `<${name}${attrs}>${inner}</${name}>`;
  };
  const own = Object.keys(node.attributes);
  const declared = [...used].filter(([p]) => !own.includes(`xmlns:${p}`)).map(([p, ns]) => ` xmlns:${p}="${escapeAttribute(ns)}"`).join("");
  return write(node, declared);
}

/** One replacement of the text of a part: [start, end) by `text`. */
export interface Edit {
  start: number;
  end: number;
  text: string;
}

/** The text with the edits made; they must not overlap (two at one place keep their order). */
export function applyEdits(xml: string, edits: readonly Edit[]): string {
  const sorted = edits.map((e, i) => ({ ...e, i })).sort((a, b) => a.start - b.start || a.end - b.end || a.i - b.i);
  let out = "";
  let at = 0;
  for (const edit of sorted) {
    if (edit.start < at) throw new Error("overlapping edits");
    out += xml.slice(at, edit.start) + edit.text;
    at = edit.end;
  }
  return out + xml.slice(at);
}

/** A start tag with attributes set (a value of `undefined` removes one), the others kept as written. */
/** The start tag [start, end) of an element with these attributes set (or removed, when undefined): pass a start tag's bounds, never a whole element's. */
export function editStartTag(xml: string, tag: { start: number; end: number }, set: Readonly<Record<string, string | undefined>>): string {
  let text = xml.slice(tag.start, tag.end);
  for (const [name, value] of Object.entries(set)) {
    const pattern = new RegExp(`(\\s)${name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\s*=\\s*("[^"]*"|'[^']*')`);
    const found = pattern.exec(text);
    if (found) {
      text = value === undefined ? text.slice(0, found.index) + text.slice(found.index + found[0].length) : `${text.slice(0, found.index)}${found[1]}${name}="${escapeAttribute(value)}"${text.slice(found.index + found[0].length)}`;
    } else if (value !== undefined) {
      const close = text.endsWith("/>") ? text.length - 2 : text.length - 1;
      let head = close;
      while (head > 0 && /\s/.test(text[head - 1] ?? "")) head -= 1;
      text = `${text.slice(0, head)} ${name}="${escapeAttribute(value)}"${text.slice(head)}`;
    }
  }
  return text;
}

/**
 * Text of a part as written: UTF-8 (a byte-order mark kept as a character, so that writing it back gives
 * the same bytes) or UTF-16 by its mark. Bytes that are not valid in their encoding are refused rather
 * than replaced, which would change them.
 */
export interface PartText {
  text: string;
  encoding: "utf-8" | "utf-16le" | "utf-16be";
}

export function decodeText(part: string, bytes: Uint8Array): PartText {
  const encoding = bytes[0] === 0xff && bytes[1] === 0xfe ? "utf-16le" : bytes[0] === 0xfe && bytes[1] === 0xff ? "utf-16be" : "utf-8";
  try {
    return { text: new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes), encoding };
  } catch {
    throw PACKAGE_ERRORS.encoding(part);
  }
}

export function encodeText({ text, encoding }: PartText): Uint8Array {
  if (encoding === "utf-8") return new TextEncoder().encode(text);
  const out = new Uint8Array(text.length * 2);
  const little = encoding === "utf-16le";
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    out[2 * i + (little ? 0 : 1)] = code & 0xff;
    out[2 * i + (little ? 1 : 0)] = code >> 8;
  }
  return out;
}
