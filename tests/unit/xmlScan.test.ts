import { readFileSync, readdirSync } from "node:fs";
import { resolve } from "node:path";
import fc from "fast-check";
import { unzipSync } from "fflate";
import { SaxesParser } from "saxes";
import { describe, expect, it } from "vitest";
import { XmlError, scanXml } from "../../src/xlsx/xmlScan";

/**
 * The reader's XML tokenizer, held to saxes (a general, well-kept XML parser we did not write): on the
 * same document both must give the same tags, attributes and text, and both must refuse what is not
 * well-formed XML.
 */
type Event = ["open", string, Record<string, string>, boolean] | ["close", string] | ["text", string];

/** Adjacent text events joined (a comment or CDATA may split text differently), empty ones dropped. */
function merged(events: Event[]): Event[] {
  const out: Event[] = [];
  for (const event of events) {
    const last = out.at(-1);
    if (event[0] === "text" && last?.[0] === "text") last[1] += event[1];
    else out.push(event);
  }
  return out.filter((e) => e[0] !== "text" || e[1] !== "");
}

function viaSaxes(xml: string): Event[] {
  const events: Event[] = [];
  const parser = new SaxesParser<{ xmlns?: false }>({});
  let depth = 0; // white space outside the root element is no text of the document
  parser.on("opentag", (tag) => {
    depth += 1;
    events.push(["open", tag.name, { ...tag.attributes }, tag.isSelfClosing]);
  });
  parser.on("closetag", (tag) => {
    depth -= 1;
    events.push(["close", tag.name]);
  });
  parser.on("text", (text) => depth > 0 && events.push(["text", text]));
  parser.on("cdata", (text) => events.push(["text", text]));
  parser.write(xml).close();
  return merged(events);
}

function viaScan(xml: string): Event[] {
  const events: Event[] = [];
  scanXml(xml, {
    open: (tag) => events.push(["open", tag.name, tag.attributes, tag.isSelfClosing]),
    close: (name) => events.push(["close", name]),
    text: (text) => events.push(["text", text]),
  });
  return merged(events);
}

const NAMES = ["c", "v", "row", "x:c", "si", "t", "r", "is", "rPh", "sheetData"];
const ATTRIBUTES = ["r", "t", "s", "ref", "xml:space", "r:id"];
const textPiece = fc.constantFrom("行政評価", "12", " ", "\n", "\t", "&amp;", "&lt;", "&gt;", "&quot;", "&apos;", "&#x41;", "&#12354;", "a>b", "_x001B_", "\r\n");
const text = fc.array(textPiece, { maxLength: 6 }).map((parts) => parts.join(""));
const attrValue = fc.array(fc.constantFrom("A1", "s", "1", "&amp;", "&#10;", "\t", "x y", ">", "'", "日本"), { maxLength: 4 }).map((parts) => parts.join(""));

interface Node {
  name: string;
  attributes: [string, string][];
  children: (Node | { text: string } | { cdata: string } | { comment: string })[];
}

const leaf = fc.oneof(
  text.map((t) => ({ text: t })),
  fc.constantFrom("日本", "]] >", "<x>").map((t) => ({ cdata: t })),
  fc.constantFrom("note", " - ").map((t) => ({ comment: t })),
);

/** An element with children up to `depth` levels down. */
function element(depth: number): fc.Arbitrary<Node> {
  const child = depth === 0 ? leaf : fc.oneof(element(depth - 1), leaf);
  return fc.record({
    name: fc.constantFrom(...NAMES),
    attributes: fc.uniqueArray(fc.tuple(fc.constantFrom(...ATTRIBUTES), attrValue), { selector: ([name]) => name, maxLength: 3 }),
    children: fc.array(child, { maxLength: 4 }),
  });
}
const node = element(3);

function serialize(n: Node): string {
  const attrs = n.attributes.map(([name, value]) => ` ${name}="${value.replace(/"/g, "&quot;")}"`).join("");
  if (n.children.length === 0) return `<${n.name}${attrs}/>`;
  const inner = n.children
    .map((child) => ("name" in child ? serialize(child) : "text" in child ? child.text.replace(/<(?![^&]*;)/g, "&lt;") : "cdata" in child ? `<![CDATA[${child.cdata}]]>` : `<!--${child.comment}-->`))
    .join("");
  return `<${n.name}${attrs}>${inner}</${n.name}>`;
}

describe("the XML tokenizer", () => {
  it("gives the same events as saxes on generated documents", () => {
    fc.assert(
      fc.property(node, fc.boolean(), (root, declaration) => {
        const xml = `${declaration ? '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' : ""}${serialize(root)}`;
        expect(viaScan(xml)).toEqual(viaSaxes(xml));
      }),
      { numRuns: 1500 },
    );
  });

  it("gives the same events as saxes on every part of the sample workbooks", () => {
    const seeds = resolve(__dirname, "../../seeds");
    for (const file of readdirSync(seeds).filter((f) => f.endsWith(".xlsx"))) {
      for (const [name, bytes] of Object.entries(unzipSync(readFileSync(resolve(seeds, file))))) {
        if (!name.endsWith(".xml") && !name.endsWith(".rels")) continue;
        const xml = new TextDecoder().decode(bytes);
        expect(viaScan(xml), `${file} ${name}`).toEqual(viaSaxes(xml));
      }
    }
  });

  it.each([
    ["an entity declared in a DOCTYPE (billion laughs)", '<!DOCTYPE a [<!ENTITY x "xx">]><a>&x;</a>'],
    ["an external entity", '<!DOCTYPE a [<!ENTITY x SYSTEM "file:///etc/passwd">]><a>&x;</a>'],
    ["an undefined entity", "<a>&nbsp;</a>"],
    ["a bare &", "<a>A & B</a>"],
    ["mismatched tags", "<a><b></a></b>"],
    ["an unclosed element", "<a><b></b>"],
    ["an unquoted attribute", "<a r=1/>"],
    ["a duplicated attribute", '<a r="1" r="2"/>'],
    ["text outside the root", "<a/>text"],
    ["two roots", "<a/><b/>"],
    ["< in an attribute", '<a r="<"/>'],
    ["a reference to U+0000", "<a>&#0;</a>"],
  ])("refuses %s, as saxes does", (_what, xml) => {
    expect(() => viaSaxes(xml)).toThrow();
    expect(() => viaScan(xml)).toThrow(XmlError);
  });

  it("refuses any DOCTYPE, which saxes would read: SpreadsheetML has none", () => {
    expect(() => viaScan("<!DOCTYPE a><a/>")).toThrow(/DOCTYPE/);
  });
});
