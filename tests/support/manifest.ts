import { XMLParser, XMLValidator } from "fast-xml-parser";

/** An element of a parsed XML document, in document order. */
export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
}

type Ordered = Record<string, unknown> & { ":@"?: Record<string, string> };

function toElement(node: Ordered): XmlElement | undefined {
  const name = Object.keys(node).find((key) => key !== ":@");
  if (!name || name === "#text") return undefined;
  const raw = (node[name] as Ordered[]) ?? [];
  const children = raw.map(toElement).filter((c): c is XmlElement => c !== undefined);
  const text = raw
    .map((c) => (c as Record<string, unknown>)["#text"])
    .filter((t) => t !== undefined)
    .join("");
  const attributes: Record<string, string> = {};
  for (const [key, value] of Object.entries(node[":@"] ?? {})) attributes[key.replace(/^@_/, "")] = String(value);
  return { name, attributes, children, text: String(text) };
}

export function parseXml(xml: string): XmlElement {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw new Error(`not well-formed XML: ${valid.err.msg} (line ${valid.err.line})`);
  const parser = new XMLParser({ preserveOrder: true, ignoreAttributes: false, attributeNamePrefix: "@_", parseTagValue: false, parseAttributeValue: false });
  const nodes = parser.parse(xml) as Ordered[];
  const root = nodes.map(toElement).find((e) => e && e.name !== "?xml");
  if (!root) throw new Error("no root element");
  return root;
}

/** Local name without the namespace prefix: "bt:Url" → "Url". */
export const localName = (name: string): string => name.replace(/^.*:/, "");

export function* walk(element: XmlElement): Generator<XmlElement> {
  yield element;
  for (const child of element.children) yield* walk(child);
}

export function find(element: XmlElement, ...path: string[]): XmlElement | undefined {
  let current: XmlElement | undefined = element;
  for (const step of path) {
    current = current?.children.find((c) => localName(c.name) === step);
  }
  return current;
}

export function findAll(element: XmlElement, name: string): XmlElement[] {
  return [...walk(element)].filter((e) => localName(e.name) === name);
}
