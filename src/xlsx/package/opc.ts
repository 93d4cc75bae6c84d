import { relsPathOf } from "../parts";
import { openZip, ZIP_LIMITS, type Inflater, type ZipArchive, type ZipLimits } from "../zip";
import { PACKAGE_ERRORS } from "./errors";
import { readEntries, type RawEntry } from "./zipEntries";
import { MAIN_NS, STRICT_MAIN_NS, attributeByLocal, attributesText, children, decodeText, escapeAttribute, parseTree, prefixOf, type Edit, type PartText, type XmlNode } from "./xml";

/**
 * A package (ECMA-376 Part 2, Open Packaging Conventions) opened to be edited: its entries kept as
 * stored, the parts that are edited read through the bounded reader, and what ties parts together
 * (content types, relationships) read on demand. Part names are compared without case, as OPC says
 * (Part 2, 6.3.5).
 */

export const REL_TYPES = {
  officeDocument: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument",
  worksheet: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet",
  styles: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles",
  sharedStrings: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings",
  calcChain: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/calcChain",
} as const;

export const STRICT_REL_PREFIX = "http://purl.oclc.org/ooxml/officeDocument/relationships/";

export interface Relationship {
  id: string;
  type: string;
  target: string;
  external: boolean;
  /** The target part's name, resolved against the source part (internal targets only). */
  path?: string;
  node: XmlNode;
}

/** The .rels part of a part ("xl/workbook.xml" → "xl/_rels/workbook.xml.rels"; "" → "_rels/.rels"). */
export { relsPathOf };

/** The part a .rels part describes, or undefined when the name is not a .rels part's. */
export function sourceOfRels(rels: string): string | undefined {
  const match = /^(.*?)_rels\/([^/]*)\.rels$/i.exec(rels);
  return match ? `${match[1] ?? ""}${match[2] ?? ""}` : undefined;
}

/**
 * Resolves an internal relationship's target against its source part's folder (RFC 3986 5.2 on a
 * package's part names). A target that climbs out of the package, names a scheme or carries a query is
 * refused: it cannot be a part.
 */
export function resolveTarget(source: string, target: string, relsName: string): string {
  let decoded: string;
  try {
    decoded = decodeURIComponent(target.split("#")[0] ?? "");
  } catch {
    throw PACKAGE_ERRORS.outsidePackage(relsName, target);
  }
  if (/^[a-z][a-z0-9+.-]*:/i.test(decoded) || decoded.startsWith("//") || target.includes("?") || decoded.includes("\\")) {
    throw PACKAGE_ERRORS.outsidePackage(relsName, target);
  }
  const base = decoded.startsWith("/") ? [] : source.split("/").slice(0, -1);
  for (const piece of decoded.replace(/^\/+/, "").split("/")) {
    if (piece === "..") {
      if (base.length === 0) throw PACKAGE_ERRORS.outsidePackage(relsName, target);
      base.pop();
    } else if (piece !== "." && piece !== "") base.push(piece);
  }
  return base.join("/");
}

/** A target written relative to the source part's folder, as Excel writes them ("../drawings/drawing1.xml"). */
export function relativeTarget(source: string, path: string): string {
  const from = source.split("/").slice(0, -1);
  const to = path.split("/");
  let common = 0;
  while (common < from.length && common < to.length - 1 && from[common]?.toLowerCase() === to[common]?.toLowerCase()) common += 1;
  return [...Array<string>(from.length - common).fill(".."), ...to.slice(common)].join("/");
}

export interface OpenOptions {
  limits?: ZipLimits;
  inflate?: Inflater;
}

export class Package {
  readonly entries: RawEntry[];
  private readonly zip: ZipArchive;
  private readonly byKey = new Map<string, RawEntry>();
  private readonly texts = new Map<string, PartText>();

  constructor(readonly bytes: Uint8Array, options: OpenOptions = {}) {
    // The bounded reader first: it says what is not a package (an old .xls, an encrypted workbook) and
    // inflates the parts that are read, within its limits.
    this.zip = openZip(bytes, options.limits ?? ZIP_LIMITS, options.inflate);
    this.entries = readEntries(bytes);
    for (const entry of this.entries) this.byKey.set(entry.name.toLowerCase(), entry);
  }

  /** The entry of a part name, whatever its case. */
  entry(name: string): RawEntry | undefined {
    return this.byKey.get(name.replace(/^\/+/, "").toLowerCase());
  }

  has(name: string): boolean {
    return this.entry(name) !== undefined;
  }

  /** The bytes of parts, inflated within the reader's limits (checked for all of them together). */
  read(names: readonly string[]): Map<string, Uint8Array> {
    const stored = names.map((n) => this.entry(n)?.name).filter((n): n is string => n !== undefined);
    const parts = this.zip.read(stored);
    const out = new Map<string, Uint8Array>();
    for (const name of names) {
      const entry = this.entry(name);
      const bytes = entry ? parts.get(entry.name) : undefined;
      if (bytes) out.set(name, bytes);
    }
    return out;
  }

  /** A part's text (read once), or undefined when the package has no such part. */
  text(name: string): PartText | undefined {
    const entry = this.entry(name);
    if (!entry) return undefined;
    const cached = this.texts.get(entry.name);
    if (cached) return cached;
    const bytes = this.read([entry.name]).get(entry.name);
    if (!bytes) return undefined;
    const text = decodeText(entry.name, bytes);
    this.texts.set(entry.name, text);
    return text;
  }

  requireText(name: string): PartText {
    const text = this.text(name);
    if (!text) throw PACKAGE_ERRORS.partMissing(name);
    return text;
  }

  /** The relationships of a part (none when it has no .rels part). */
  relationships(source: string): { rels: string; tree?: XmlNode; list: Relationship[] } {
    const rels = relsPathOf(source);
    const text = this.text(rels);
    if (!text) return { rels, list: [] };
    const tree = parseTree(rels, text.text);
    const list = children(tree, "Relationship").map((node): Relationship => {
      const id = node.attributes.Id ?? "";
      const type = node.attributes.Type ?? "";
      const target = node.attributes.Target ?? "";
      const external = node.attributes.TargetMode === "External";
      return { id, type, target, external, ...(external ? {} : { path: resolveTarget(source, target, rels) }), node };
    });
    return { rels, tree, list };
  }

  /** The workbook part, named by the package's relationships; Strict OOXML is refused here. */
  workbookPart(): string {
    const root = this.relationships("");
    const office = root.list.find((r) => r.type === REL_TYPES.officeDocument && !r.external);
    if (!office?.path) {
      if (root.list.some((r) => r.type.startsWith(STRICT_REL_PREFIX))) throw PACKAGE_ERRORS.strict();
      if (!this.has("xl/workbook.xml")) throw PACKAGE_ERRORS.partMissing("xl/workbook.xml");
      return "xl/workbook.xml";
    }
    if (!this.has(office.path)) throw PACKAGE_ERRORS.partMissing(office.path);
    return this.entry(office.path)?.name ?? office.path;
  }
}

/**
 * The SpreadsheetML root of a part: the prefix its elements are written with ("" or "x"), after
 * checking its namespace. Strict OOXML (its own namespaces: ECMA-376 Part 1, 4th edition, Annex A) is
 * refused with a message that says how to save the workbook as an ordinary .xlsx.
 */
export function spreadsheetPrefix(part: string, root: { name: string; attributes: Record<string, string> }): string {
  const prefix = prefixOf(root.name);
  const ns = root.attributes[prefix === "" ? "xmlns" : `xmlns:${prefix}`];
  if (ns === STRICT_MAIN_NS) throw PACKAGE_ERRORS.strict();
  if (ns !== MAIN_NS) throw PACKAGE_ERRORS.notSpreadsheetML(part);
  return prefix;
}

/** The relationship id attribute of an element (r:id, whatever the prefix). */
export const relId = (node: XmlNode): string | undefined => attributeByLocal(node.attributes, "id");

/** What [Content_Types].xml says of parts: the default per extension, the overrides per part. */
export interface ContentTypes {
  text: PartText;
  tree: XmlNode;
  prefix: string;
  defaults: Map<string, string>;
  overrides: Map<string, { type: string; node: XmlNode }>;
}

export const CONTENT_TYPES = "[Content_Types].xml";

export function readContentTypes(pkg: Package): ContentTypes {
  const text = pkg.requireText(CONTENT_TYPES);
  const tree = parseTree(CONTENT_TYPES, text.text);
  const defaults = new Map<string, string>();
  const overrides = new Map<string, { type: string; node: XmlNode }>();
  for (const node of tree.children) {
    if (node.local === "Default") defaults.set((node.attributes.Extension ?? "").toLowerCase(), node.attributes.ContentType ?? "");
    else if (node.local === "Override") overrides.set((node.attributes.PartName ?? "").replace(/^\/+/, "").toLowerCase(), { type: node.attributes.ContentType ?? "", node });
  }
  return { text, tree, prefix: prefixOf(tree.name), defaults, overrides };
}

/** A part's content type: its override, else the default of its extension. */
export function contentTypeOf(types: ContentTypes, part: string): string | undefined {
  const override = types.overrides.get(part.toLowerCase());
  if (override) return override.type;
  const dot = part.lastIndexOf(".");
  return dot < 0 ? undefined : types.defaults.get(part.slice(dot + 1).toLowerCase());
}

/** An edit that adds elements at the end of a root element (expanding `<Root/>` when it is empty). */
export function closingEdit(root: XmlNode, body: string, name: string): Edit {
  if (root.isSelfClosing) return { start: root.start, end: root.end, text: `<${name}${attributesText(root.attributes)}>${body}</${root.name}>` };
  return { start: root.closeStart, end: root.closeStart, text: body };
}


/** The edits of [Content_Types].xml: overrides of removed parts gone, new parts' types added. */
export function contentTypeEdits(types: ContentTypes, removed: ReadonlySet<string>, added: readonly { part: string; type: string }[]): Edit[] {
  const edits: Edit[] = [];
  for (const [part, { node }] of types.overrides) if (removed.has(part)) edits.push({ start: node.start, end: node.end, text: "" });
  const q = types.prefix === "" ? "" : `${types.prefix}:`;
  const body = added
    .filter(({ part, type }) => {
      const dot = part.lastIndexOf(".");
      return dot < 0 || types.defaults.get(part.slice(dot + 1).toLowerCase()) !== type || types.overrides.has(part.toLowerCase());
    })
    .map(({ part, type }) => `<${q}Override PartName="${escapeAttribute(`/${part}`)}" ContentType="${escapeAttribute(type)}"/>`)
    .join("");
  if (body !== "") edits.push(closingEdit(types.tree, body, `${q}Types`));
  return edits;
}

