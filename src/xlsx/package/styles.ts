import { type Edit, attributesText, child, editStartTag, serialize, type XmlNode } from "./xml";

/**
 * Our cell styles merged into the user's styles part (ECMA-376 Part 1, 18.8): each font, fill, border,
 * number format, cell format and differential format of ours is found among the user's (the same
 * element, attribute for attribute) or appended after them, so that every index the user's cells use
 * keeps its meaning, and a second report reuses what the first added instead of adding it again.
 */

/** CT_Stylesheet's sequence: a container that is missing is inserted before the first that follows it. */
const ORDER = ["numFmts", "fonts", "fills", "borders", "cellStyleXfs", "cellXfs", "cellStyles", "dxfs", "tableStyles", "colors", "extLst"] as const;
type Container = (typeof ORDER)[number];

/** The first custom number format id (ids below are built in: 18.8.30). */
const FIRST_CUSTOM_FORMAT = 164;

/** An element compared by its content: local names, attributes in order of name, children, text. */
function key(node: XmlNode): string {
  const attrs = Object.entries(node.attributes)
    .filter(([name]) => !name.startsWith("xmlns"))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, value]) => `${name}=${JSON.stringify(value)}`)
    .join(",");
  return `${node.local}(${attrs})[${node.children.map(key).join("")}]${JSON.stringify(node.children.length === 0 ? node.text : "")}`;
}

/** A new element without children (positions are those of nothing: it is only written). */
const element = (local: string, attributes: Record<string, string>): XmlNode => ({
  name: local,
  local,
  attributes,
  children: [],
  text: "",
  start: 0,
  openEnd: 0,
  closeStart: 0,
  end: 0,
  isSelfClosing: true,
});

/** A copy of an element with some attributes set. */
const withAttributes = (node: XmlNode, set: Record<string, string>): XmlNode => ({ ...node, attributes: { ...node.attributes, ...set } });

export interface StyleMaps {
  /** Our cellXfs index → the user's. */
  xf: Map<number, number>;
  /** Our dxfs index → the user's. */
  dxf: Map<number, number>;
}

export interface StyleMerge extends StyleMaps {
  /** The edits to the user's styles part (none when everything of ours was already there). */
  edits: Edit[];
}

/**
 * Merges our styles (a tree of our styles part) into the user's. `prefix` is the user's prefix for the
 * SpreadsheetML namespace; `declarations` our root's namespace declarations (for a prefixed attribute
 * of ours, rare).
 */
export function mergeStyles(xml: string, user: XmlNode, prefix: string, ours: XmlNode, declarations: Record<string, string>): StyleMerge {
  const appended = new Map<Container, XmlNode[]>();
  const list = (tree: XmlNode, name: Container) => {
    const container = child(tree, name);
    return container ? container.children.filter((c) => c.local !== "extLst") : [];
  };
  const userList = (name: Container) => [...list(user, name), ...(appended.get(name) ?? [])];
  const add = (name: Container, node: XmlNode) => {
    const nodes = appended.get(name) ?? [];
    nodes.push(node);
    appended.set(name, nodes);
  };
  /** Our element's index in the user's list: found by content, else appended. */
  const place = (name: Container, node: XmlNode): number => {
    const wanted = key(node);
    const existing = userList(name);
    const found = existing.findIndex((n) => key(n) === wanted);
    if (found >= 0) return found;
    add(name, node);
    return existing.length;
  };

  // Containers the user lacks start with what Excel reserves: fill 0 "none" and fill 1 "gray125", a
  // default font, border and cell format at index 0, so that cells of the user's without a style keep
  // meaning the default.
  const ensureBase = (name: Container, base: XmlNode | undefined) => {
    if (userList(name).length === 0 && base) add(name, base);
  };
  ensureBase("fonts", list(ours, "fonts")[0]);
  for (const fill of list(ours, "fills").slice(0, 2)) if (userList("fills").length < 2) add("fills", fill);
  ensureBase("borders", list(ours, "borders")[0]);

  // Number formats: a custom one by its code.
  const formats = new Map<number, number>();
  const userFormats = list(user, "numFmts");
  let nextFormat = Math.max(FIRST_CUSTOM_FORMAT - 1, ...userFormats.map((f) => Number(f.attributes.numFmtId) || 0)) + 1;
  for (const format of list(ours, "numFmts")) {
    const id = Number(format.attributes.numFmtId);
    const code = format.attributes.formatCode;
    const same = userList("numFmts").find((f) => f.attributes.formatCode === code);
    if (same) formats.set(id, Number(same.attributes.numFmtId));
    else {
      formats.set(id, nextFormat);
      add("numFmts", withAttributes(format, { numFmtId: String(nextFormat) }));
      nextFormat += 1;
    }
  }
  const fonts = list(ours, "fonts").map((f) => place("fonts", f));
  const fills = list(ours, "fills").map((f) => place("fills", f));
  const borders = list(ours, "borders").map((b) => place("borders", b));
  const mapped = (ids: number[], value: string | undefined) => String(ids[Number(value ?? 0)] ?? 0);

  if (userList("cellStyleXfs").length === 0) add("cellStyleXfs", element("xf", { numFmtId: "0", fontId: "0", fillId: "0", borderId: "0" }));
  if (userList("cellXfs").length === 0) add("cellXfs", element("xf", { numFmtId: "0", fontId: "0", fillId: "0", borderId: "0", xfId: "0" }));
  const xf = new Map<number, number>();
  list(ours, "cellXfs").forEach((node, i) => {
    const format = node.attributes.numFmtId ?? "0";
    const remapped = withAttributes(node, {
      numFmtId: String(formats.get(Number(format)) ?? format),
      fontId: mapped(fonts, node.attributes.fontId),
      fillId: mapped(fills, node.attributes.fillId),
      borderId: mapped(borders, node.attributes.borderId),
      // Our named styles are not carried over: every cell of ours is based on the user's "Normal".
      xfId: "0",
    });
    xf.set(i, place("cellXfs", remapped));
  });
  const dxf = new Map<number, number>();
  list(ours, "dxfs").forEach((node, i) => {
    const format = child(node, "numFmt");
    const id = Number(format?.attributes.numFmtId);
    const fixed = format && formats.has(id) ? { ...node, children: node.children.map((c) => (c === format ? withAttributes(c, { numFmtId: String(formats.get(id)) }) : c)) } : node;
    dxf.set(i, place("dxfs", fixed));
  });

  return { xf, dxf, edits: containerEdits(xml, user, prefix, appended, declarations) };
}

/** The edits that append elements to the user's containers (or insert a container), with their counts. */
function containerEdits(xml: string, user: XmlNode, prefix: string, appended: Map<Container, XmlNode[]>, declarations: Record<string, string>): Edit[] {
  const edits: Edit[] = [];
  const qualified = (local: string) => (prefix === "" ? local : `${prefix}:${local}`);
  for (const name of ORDER) {
    const nodes = appended.get(name);
    if (!nodes?.length) continue;
    const body = nodes.map((n) => serialize(n, prefix, declarations)).join("");
    const container = child(user, name);
    if (container) {
      const count = container.children.filter((c) => c.local !== "extLst").length + nodes.length;
      const hasCount = container.attributes.count !== undefined;
      const start = hasCount ? editStartTag(xml, { start: container.start, end: container.openEnd }, { count: String(count) }) : xml.slice(container.start, container.openEnd);
      if (container.isSelfClosing) {
        edits.push({ start: container.start, end: container.end, text: `${start.replace(/\s*\/>$/, ">")}${body}</${container.name}>` });
      } else {
        const extension = child(container, "extLst");
        if (hasCount) edits.push({ start: container.start, end: container.openEnd, text: start });
        // Before the container's own extLst, which comes last.
        const at = extension ? extension.start : container.closeStart;
        edits.push({ start: at, end: at, text: body });
      }
    } else {
      const next = ORDER.slice(ORDER.indexOf(name) + 1)
        .map((n) => child(user, n))
        .find((n): n is XmlNode => n !== undefined);
      const at = next ? next.start : user.closeStart;
      edits.push({ start: at, end: at, text: `<${qualified(name)}${attributesText({ count: String(nodes.length) })}>${body}</${qualified(name)}>` });
    }
  }
  return edits;
}
