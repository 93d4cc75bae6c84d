import { isDateFormat } from "../../core/workbook/cells";
import { parseCellFormats } from "../parts";
import { PACKAGE_ERRORS } from "./errors";
import {
  CONTENT_TYPES,
  Package,
  closingEdit,
  contentTypeEdits,
  REL_TYPES,
  contentTypeOf,
  readContentTypes,
  relId,
  relativeTarget,
  relsPathOf,
  sourceOfRels,
  spreadsheetPrefix,
  type OpenOptions,
  type Relationship,
} from "./opc";
import { mergeStyles, type StyleMaps } from "./styles";
import {
  REL_NS,
  applyEdits,
  attributesText,
  child,
  children,
  editStartTag,
  encodeText,
  localName,
  parseTree,
  prefixFor,
  serialize,
  walkXml,
  type Edit,
  type PartText,
  type XmlNode,
} from "./xml";
import { newEntry, writeEntries, type RawEntry } from "./zipEntries";

/**
 * Our sheets grafted into the user's workbook. `ours` is a complete package that holds only our sheets
 * (exceljs writes it: a report with its print settings and chart, a findings sheet with links, the hidden
 * settings sheet). The result is the user's package with those sheets added after the user's: their
 * parts and what those point to under free names, their entries in the workbook, its relationships and
 * the content types, their print names, and their styles merged into the user's. Every other part of the
 * user's is copied as it was stored, compressed bytes and all, in its order.
 */
export interface GraftOptions extends OpenOptions {
  /** Sheets of ours from an earlier write, removed first with every part only they used. */
  replace?: readonly string[];
  /** The time stamp of new entries (now by default). */
  now?: Date;
}

export interface GraftResult {
  bytes: Uint8Array;
  /** Our sheets as added, in order: name and part. */
  added: { name: string; part: string }[];
  /** The parts removed with the sheets replaced. */
  removed: string[];
}

interface SheetEntry {
  node: XmlNode;
  index: number;
  name: string;
  sheetId: number;
  rel?: Relationship;
}

/** The <sheet> entries of a workbook part, with their relationships. */
function sheetEntries(sheets: XmlNode, rels: readonly Relationship[]): SheetEntry[] {
  return children(sheets, "sheet").map((node, index) => {
    const id = relId(node);
    const rel = rels.find((r) => r.id === id);
    return { node, index, name: node.attributes.name ?? "", sheetId: Number(node.attributes.sheetId) || 0, ...(rel ? { rel } : {}) };
  });
}

/** CT_Workbook's children after which <definedNames> comes (18.2.27). */
const BEFORE_DEFINED_NAMES = ["sheets", "functionGroups", "externalReferences"];

export function graftSheets(userBytes: Uint8Array, oursBytes: Uint8Array, options: GraftOptions = {}): GraftResult {
  const user = new Package(userBytes, options);
  const ours = new Package(oursBytes);
  const now = options.now ?? new Date();

  // The user's workbook: its sheets, relationships and content types.
  const workbookPath = user.workbookPart();
  const workbookText = user.requireText(workbookPath);
  const workbook = parseTree(workbookPath, workbookText.text);
  const prefix = spreadsheetPrefix(workbookPath, workbook);
  const workbookRels = user.relationships(workbookPath);
  if (!workbookRels.tree) throw PACKAGE_ERRORS.partMissing(workbookRels.rels);
  const sheetsNode = child(workbook, "sheets");
  if (!sheetsNode || sheetsNode.isSelfClosing) throw PACKAGE_ERRORS.notWellFormed(workbookPath);
  const userSheets = sheetEntries(sheetsNode, workbookRels.list);
  for (const sheet of userSheets) {
    // A sheet whose part is gone: Excel would repair the file; it is refused before anything is written.
    if (!sheet.rel) throw PACKAGE_ERRORS.partMissing(`${workbookRels.rels} (${sheet.name})`);
    if (!sheet.rel.external && sheet.rel.path && !user.has(sheet.rel.path)) throw PACKAGE_ERRORS.partMissing(sheet.rel.path);
  }
  const types = readContentTypes(user);

  // Ours.
  const oursWorkbookPath = ours.workbookPart();
  const oursWorkbook = parseTree(oursWorkbookPath, ours.requireText(oursWorkbookPath).text);
  const oursRels = ours.relationships(oursWorkbookPath);
  const oursSheets = sheetEntries(child(oursWorkbook, "sheets") ?? oursWorkbook, oursRels.list);
  const oursTypes = readContentTypes(ours);

  // Sheets replaced, and the parts only they used.
  const replace = new Set((options.replace ?? []).map((n) => n.toLowerCase()));
  const removedSheets = userSheets.filter((s) => replace.has(s.name.toLowerCase()));
  const kept = userSheets.filter((s) => !replace.has(s.name.toLowerCase()));
  for (const sheet of oursSheets) {
    if (kept.some((s) => s.name.toLowerCase() === sheet.name.toLowerCase())) throw PACKAGE_ERRORS.sheetExists(sheet.name);
  }
  const removed = removedParts(user, removedSheets);
  const calcChain = workbookRels.list.find((r) => r.type === REL_TYPES.calcChain && r.path);
  if (calcChain?.path && removedSheets.length > 0 && chainNamesSheet(user, calcChain.path, new Set(removedSheets.map((s) => s.sheetId)))) {
    // Excel repairs a workbook whose calculation chain names a sheet that is gone; without the chain it
    // builds a new one (ECMA-376 Part 1, 18.6: the chain only records the last order of calculation).
    removed.add(calcChain.path.toLowerCase());
  }
  const removedRelIds = new Set(workbookRels.list.filter((r) => r.path && removed.has(r.path.toLowerCase())).map((r) => r.id));

  // Free names for our parts.
  const taken = new Set(user.entries.map((e) => e.name.toLowerCase()).filter((n) => !removed.has(n)));
  const freeName = (path: string) => {
    const slash = path.lastIndexOf("/");
    const folder = path.slice(0, slash + 1);
    const base = path.slice(slash + 1);
    const dot = base.lastIndexOf(".");
    const stem = (dot < 0 ? base : base.slice(0, dot)).replace(/\d+$/, "");
    const extension = dot < 0 ? "" : base.slice(dot);
    for (let n = 1; ; n += 1) {
      const name = `${folder}${stem}${n}${extension}`;
      if (!taken.has(name.toLowerCase()) && !taken.has(relsPathOf(name).toLowerCase())) {
        taken.add(name.toLowerCase());
        return name;
      }
    }
  };

  const newParts = new Map<string, Uint8Array>();
  const newTypes: { part: string; type: string }[] = [];
  const renamed = new Map<string, string>();
  const typeOf = (part: string) => {
    const type = contentTypeOf(oursTypes, part);
    if (type === undefined) throw new Error(`ours: no content type for ${part}`);
    return type;
  };

  // Styles: ours merged into the user's, or the user's workbook gets ours when it has none.
  const userStyles = workbookRels.list.find((r) => r.type === REL_TYPES.styles && r.path && !removed.has(r.path.toLowerCase()));
  const oursStylesPath = oursRels.list.find((r) => r.type === REL_TYPES.styles)?.path;
  const oursStylesText = oursStylesPath ? ours.text(oursStylesPath) : undefined;
  const oursStyles = oursStylesPath && oursStylesText ? parseTree(oursStylesPath, oursStylesText.text) : undefined;
  const edited = new Map<string, PartText>();
  let maps: StyleMaps = { xf: new Map(), dxf: new Map() };
  const workbookRelsAdded: { type: string; part: string }[] = [];
  if (oursStyles && oursStylesPath && oursStylesText) {
    const userStylesText = userStyles?.path ? user.text(userStyles.path) : undefined;
    if (userStyles?.path && userStylesText) {
      const tree = parseTree(userStyles.path, userStylesText.text);
      const stylesPrefix = spreadsheetPrefix(userStyles.path, tree);
      const merge = mergeStyles(userStylesText.text, tree, stylesPrefix, oursStyles, namespaceDeclarations(oursStyles));
      maps = merge;
      if (merge.edits.length > 0) edited.set(userStyles.path, { ...userStylesText, text: applyEdits(userStylesText.text, merge.edits) });
    } else {
      const part = freeName(`${workbookPath.slice(0, workbookPath.lastIndexOf("/") + 1)}styles.xml`);
      newParts.set(part, encodeText(oursStylesText));
      newTypes.push({ part, type: typeOf(oursStylesPath) });
      workbookRelsAdded.push({ type: REL_TYPES.styles, part });
      const identity = (n: number) => new Map(Array.from({ length: n }, (_, i) => [i, i]));
      maps = { xf: identity(children(child(oursStyles, "cellXfs") ?? oursStyles, "xf").length), dxf: identity(children(child(oursStyles, "dxfs") ?? oursStyles, "dxf").length) };
    }
  }

  // What our cells need: shared strings (written inline), date styles when the date systems differ.
  const oursStringsPath = oursRels.list.find((r) => r.type === REL_TYPES.sharedStrings)?.path;
  const strings = oursStringsPath ? sharedStrings(ours, oursStringsPath) : undefined;
  const userDate1904 = date1904(workbook);
  const oursDate1904 = date1904(oursWorkbook);
  const dateStyles = userDate1904 !== oursDate1904 && oursStylesPath && oursStylesText ? parseCellFormats(oursStylesPath, oursStylesText.text).map((code) => code !== undefined && isDateFormat(code)) : [];
  const dateShift = userDate1904 === oursDate1904 ? 0 : userDate1904 ? -1462 : 1462;

  // Our sheets and every part they lead to, under free names.
  const added: GraftResult["added"] = [];
  const pending: string[] = [];
  for (const sheet of oursSheets) {
    if (!sheet.rel?.path || !ours.has(sheet.rel.path)) throw new Error(`ours: sheet ${sheet.name} has no part`);
    const part = freeName(`${workbookPath.slice(0, workbookPath.lastIndexOf("/") + 1)}worksheets/sheet1.xml`);
    renamed.set(sheet.rel.path.toLowerCase(), part);
    pending.push(sheet.rel.path);
    added.push({ name: sheet.name, part });
    workbookRelsAdded.push({ type: sheet.rel.type, part });
  }
  const sheetPaths = new Set(oursSheets.map((s) => s.rel?.path?.toLowerCase()));
  while (pending.length > 0) {
    const source = pending.shift() as string;
    const target = renamed.get(source.toLowerCase()) as string;
    const { rels, list } = ours.relationships(source);
    for (const rel of list) {
      if (rel.external || !rel.path) continue;
      if (!ours.has(rel.path)) throw new Error(`ours: ${rels} points to a missing part ${rel.path}`);
      if (!renamed.has(rel.path.toLowerCase())) {
        renamed.set(rel.path.toLowerCase(), freeName(rel.path));
        pending.push(rel.path);
      }
    }
    const text = ours.requireText(source);
    const content = sheetPaths.has(source.toLowerCase())
      ? { ...text, text: rewriteSheet(source, text.text, maps, strings, dateStyles, dateShift) }
      : text;
    newParts.set(target, encodeText(content));
    newTypes.push({ part: target, type: typeOf(source) });
    if (list.length > 0) {
      const relsText = ours.requireText(rels);
      const targetRels = relsPathOf(target);
      const relsEdits: Edit[] = list
        .filter((r) => !r.external && r.path)
        .map((r) => ({ start: r.node.start, end: r.node.openEnd, text: editStartTag(relsText.text, { start: r.node.start, end: r.node.openEnd }, { Target: relativeTarget(target, renamed.get((r.path as string).toLowerCase()) as string) }) }));
      newParts.set(targetRels, encodeText({ ...relsText, text: applyEdits(relsText.text, relsEdits) }));
      taken.add(targetRels.toLowerCase());
      newTypes.push({ part: targetRels, type: typeOf(rels) });
    }
  }

  // The workbook: sheets removed and added, print names, the active tab kept on the user's sheet.
  const relPrefix = prefixFor(REL_NS, workbook.attributes);
  const usedIds = new Set(workbookRels.list.map((r) => r.id));
  const nextId = () => {
    for (let n = 1; ; n += 1) if (!usedIds.has(`rId${n}`)) return usedIds.add(`rId${n}`), `rId${n}`;
  };
  const relations = workbookRelsAdded.map((r) => ({ ...r, id: nextId() }));
  let sheetId = Math.max(0, ...userSheets.map((s) => s.sheetId));
  const removedIndex = new Set(removedSheets.map((s) => s.index));
  const shift = (index: number) => index - removedSheets.filter((s) => s.index < index).length;
  const workbookEdits: Edit[] = removedSheets.map((s) => ({ start: s.node.start, end: s.node.end, text: "" }));
  const q = (local: string) => (prefix === "" ? local : `${prefix}:${local}`);
  const sheetElements = oursSheets
    .map((sheet, i) => {
      sheetId += 1;
      const state = sheet.node.attributes.state;
      const rid = relations[i]?.id as string;
      const idAttribute = relPrefix ? ` ${relPrefix}:id="${rid}"` : ` xmlns:r="${REL_NS}" r:id="${rid}"`;
      return `<${q("sheet")}${attributesText({ name: sheet.name, sheetId: String(sheetId), ...(state && state !== "visible" ? { state } : {}) })}${idAttribute}/>`;
    })
    .join("");
  workbookEdits.push({ start: sheetsNode.closeStart, end: sheetsNode.closeStart, text: sheetElements });

  const firstOurs = kept.length;
  const definedNames = child(workbook, "definedNames");
  for (const name of definedNames ? children(definedNames, "definedName") : []) {
    const local = name.attributes.localSheetId;
    if (local === undefined) continue;
    const index = Number(local);
    if (removedIndex.has(index)) workbookEdits.push({ start: name.start, end: name.end, text: "" });
    else if (shift(index) !== index) workbookEdits.push({ start: name.start, end: name.openEnd, text: editStartTag(workbookText.text, { start: name.start, end: name.openEnd }, { localSheetId: String(shift(index)) }) });
  }
  const oursNames = child(oursWorkbook, "definedNames");
  const addedNames = (oursNames ? children(oursNames, "definedName") : []).map((node) => {
    const local = node.attributes.localSheetId;
    if (local === undefined) throw new Error(`ours: a workbook-wide name ${node.attributes.name ?? ""}`);
    return serialize({ ...node, attributes: { ...node.attributes, localSheetId: String(firstOurs + Number(local)) } }, prefix, namespaceDeclarations(oursWorkbook));
  });
  const keptNames = definedNames ? children(definedNames, "definedName").filter((n) => !removedIndex.has(Number(n.attributes.localSheetId ?? -1)) || n.attributes.localSheetId === undefined) : [];
  if (addedNames.length > 0 && definedNames && !definedNames.isSelfClosing) {
    workbookEdits.push({ start: definedNames.closeStart, end: definedNames.closeStart, text: addedNames.join("") });
  } else if (addedNames.length > 0 && definedNames) {
    workbookEdits.push({ start: definedNames.start, end: definedNames.end, text: `<${q("definedNames")}>${addedNames.join("")}</${q("definedNames")}>` });
  } else if (addedNames.length > 0) {
    const after = workbook.children.filter((c) => BEFORE_DEFINED_NAMES.includes(c.local)).slice(-1)[0] ?? sheetsNode;
    workbookEdits.push({ start: after.end, end: after.end, text: `<${q("definedNames")}>${addedNames.join("")}</${q("definedNames")}>` });
  } else if (definedNames && keptNames.length === 0 && !definedNames.isSelfClosing) {
    workbookEdits.push({ start: definedNames.start, end: definedNames.end, text: "" });
    // The names inside are gone with it.
    for (let i = workbookEdits.length - 2; i >= 0; i -= 1) {
      const e = workbookEdits[i] as Edit;
      if (e.start >= definedNames.start && e.end <= definedNames.end) workbookEdits.splice(i, 1);
    }
  }

  // The views: the active tab and the first tab shown stay on the same sheet of the user's.
  const views = child(workbook, "bookViews");
  for (const view of views ? children(views, "workbookView") : []) {
    const set: Record<string, string> = {};
    for (const attribute of ["activeTab", "firstSheet"]) {
      const value = view.attributes[attribute];
      if (value === undefined) continue;
      const index = Number(value);
      let moved = shift(index);
      if (removedIndex.has(index)) {
        const name = userSheets[index]?.name.toLowerCase();
        const again = oursSheets.findIndex((s) => s.name.toLowerCase() === name);
        moved = again >= 0 ? firstOurs + again : Math.max(0, kept.findIndex((s) => (s.node.attributes.state ?? "visible") === "visible"));
      }
      if (moved !== index) set[attribute] = String(moved);
    }
    if (Object.keys(set).length > 0) workbookEdits.push({ start: view.start, end: view.openEnd, text: editStartTag(workbookText.text, { start: view.start, end: view.openEnd }, set) });
  }
  edited.set(workbookPath, { ...workbookText, text: applyEdits(workbookText.text, workbookEdits) });

  // The workbook's relationships.
  const relsText = user.requireText(workbookRels.rels);
  const relsTree = workbookRels.tree;
  const relsPrefix = relsTree.name.includes(":") ? `${relsTree.name.slice(0, relsTree.name.indexOf(":"))}:` : "";
  const relsEdits: Edit[] = workbookRels.list.filter((r) => removedRelIds.has(r.id)).map((r) => ({ start: r.node.start, end: r.node.end, text: "" }));
  const relElements = relations.map((r) => `<${relsPrefix}Relationship${attributesText({ Id: r.id, Type: r.type, Target: relativeTarget(workbookPath, r.part) })}/>`).join("");
  relsEdits.push(closingEdit(relsTree, relElements, `${relsPrefix}Relationships`));
  edited.set(workbookRels.rels, { ...relsText, text: applyEdits(relsText.text, relsEdits) });

  // Content types.
  edited.set(CONTENT_TYPES, { ...types.text, text: applyEdits(types.text.text, contentTypeEdits(types, removed, newTypes)) });

  // The package: the user's entries in their order, edited ones re-deflated, ours after them.
  const entries: RawEntry[] = [];
  for (const entry of user.entries) {
    if (removed.has(entry.name.toLowerCase())) continue;
    const text = edited.get(entry.name) ?? [...edited].find(([name]) => name.toLowerCase() === entry.name.toLowerCase())?.[1];
    entries.push(text ? newEntry(entry.name, encodeText(text), entry) : entry);
  }
  for (const [name, bytes] of newParts) entries.push(newEntry(name, bytes, undefined, now));
  const removedNames = user.entries.filter((e) => removed.has(e.name.toLowerCase())).map((e) => e.name);
  return { bytes: writeEntries(entries), added, removed: removedNames };
}

/** The namespace declarations on an element (to carry a prefix of ours into the user's part). */
function namespaceDeclarations(node: XmlNode): Record<string, string> {
  return Object.fromEntries(Object.entries(node.attributes).filter(([name]) => name.startsWith("xmlns:")));
}

/** The workbook's date system (18.2.28 workbookPr date1904). */
function date1904(workbook: XmlNode): boolean {
  const value = child(workbook, "workbookPr")?.attributes.date1904;
  return value === "1" || value === "true";
}

/**
 * The parts removed with these sheets: each sheet's part, its relationships, and every part that only
 * removed parts point to (a drawing, its chart, a printer setting …), followed as far as they lead.
 */
function removedParts(pkg: Package, sheets: readonly SheetEntry[]): Set<string> {
  const removed = new Set<string>();
  if (sheets.length === 0) return removed;
  // Who points to what, from every relationships part of the package (they are small).
  const incoming = new Map<string, Set<string>>();
  const outgoing = new Map<string, string[]>();
  for (const entry of pkg.entries) {
    const source = sourceOfRels(entry.name);
    if (source === undefined) continue;
    let list: Relationship[];
    try {
      list = pkg.relationships(source).list;
    } catch {
      // A part this write does not touch may hold what the graft would refuse: it is copied as it is.
      continue;
    }
    const targets = list.filter((r) => !r.external && r.path).map((r) => (r.path as string).toLowerCase());
    outgoing.set(source.toLowerCase(), targets);
    for (const target of targets) {
      const from = incoming.get(target) ?? new Set<string>();
      from.add(source.toLowerCase());
      incoming.set(target, from);
    }
  }
  const queue: string[] = [];
  for (const sheet of sheets) {
    if (!sheet.rel?.path) continue;
    removed.add(sheet.rel.path.toLowerCase());
    queue.push(sheet.rel.path.toLowerCase());
  }
  while (queue.length > 0) {
    const part = queue.shift() as string;
    const rels = relsPathOf(part);
    if (pkg.has(rels)) removed.add(rels.toLowerCase());
    for (const target of outgoing.get(part) ?? []) {
      if (removed.has(target)) continue;
      const sources = incoming.get(target) ?? new Set<string>();
      if ([...sources].every((s) => removed.has(s))) {
        removed.add(target);
        queue.push(target);
      }
    }
  }
  // Names as stored.
  const stored = new Set<string>();
  for (const name of removed) {
    const entry = pkg.entry(name);
    if (entry) stored.add(entry.name.toLowerCase());
  }
  return stored;
}

/** Whether the calculation chain names one of these sheets (18.6.1: `i` is the sheet id, kept until it changes). */
function chainNamesSheet(pkg: Package, path: string, sheetIds: ReadonlySet<number>): boolean {
  const text = pkg.text(path);
  if (!text) return false;
  let current = 0;
  let found = false;
  walkXml(path, text.text, {
    open(tag) {
      if (localName(tag.name) !== "c") return;
      if (tag.attributes.i !== undefined) current = Number(tag.attributes.i);
      if (sheetIds.has(current)) found = true;
    },
  });
  return found;
}

/** Our shared strings: each <si>, to be written as the children of an <is> element (rich text and all). */
interface Strings {
  items: XmlNode[];
  declarations: Record<string, string>;
}

function sharedStrings(pkg: Package, path: string): Strings {
  const tree = parseTree(path, pkg.requireText(path).text);
  return { items: children(tree, "si"), declarations: namespaceDeclarations(tree) };
}

/**
 * One sheet of ours made ready for the user's package: cell styles re-indexed to the merged styles, shared
 * strings written inline (the user's sharedStrings.xml stays as it was), dates moved when the date systems
 * differ, and no tab selected (the user's active sheet stays the one shown).
 */
function rewriteSheet(part: string, xml: string, maps: StyleMaps, strings: Strings | undefined, dateStyles: readonly boolean[], dateShift: number): string {
  const inline = new Map<number, string>();
  const stringAt = (index: number, prefix: string) => {
    let text = inline.get(index);
    if (text === undefined) {
      const item = strings?.items[index];
      text = item ? item.children.map((c) => serialize(c, prefix, strings?.declarations)).join("") : "";
      inline.set(index, text);
    }
    return text;
  };
  const edits: Edit[] = [];
  const xf = (value: string | undefined) => (value === undefined ? undefined : String(maps.xf.get(Number(value)) ?? value));
  let cell: { start: number; end: number; type: string | undefined; style: string | undefined; name: string; attributes: Record<string, string> } | undefined;
  let value: { openEnd: number; closeStart: number; text: string } | undefined;
  let inValue = false;
  walkXml(part, xml, {
    open(tag) {
      const local = localName(tag.name);
      if (local === "c") {
        cell = { start: tag.start, end: tag.end, type: tag.attributes.t, style: tag.attributes.s, name: tag.name, attributes: tag.attributes };
        value = undefined;
        if (tag.isSelfClosing && tag.attributes.s !== undefined) edits.push({ start: tag.start, end: tag.end, text: editStartTag(xml, tag, { s: xf(tag.attributes.s) }) });
      } else if (local === "v" && cell) {
        inValue = !tag.isSelfClosing;
        value = { openEnd: tag.end, closeStart: tag.end, text: "" };
      } else if (local === "row" && tag.attributes.s !== undefined) {
        edits.push({ start: tag.start, end: tag.end, text: editStartTag(xml, tag, { s: xf(tag.attributes.s) }) });
      } else if (local === "col" && tag.attributes.style !== undefined) {
        edits.push({ start: tag.start, end: tag.end, text: editStartTag(xml, tag, { style: xf(tag.attributes.style) }) });
      } else if (local === "cfRule" && tag.attributes.dxfId !== undefined) {
        edits.push({ start: tag.start, end: tag.end, text: editStartTag(xml, tag, { dxfId: String(maps.dxf.get(Number(tag.attributes.dxfId)) ?? tag.attributes.dxfId) }) });
      } else if (local === "sheetView" && tag.attributes.tabSelected !== undefined) {
        edits.push({ start: tag.start, end: tag.end, text: editStartTag(xml, tag, { tabSelected: undefined }) });
      }
    },
    text(text) {
      if (inValue && value) value.text += text;
    },
    close(name, start, end) {
      const local = localName(name);
      if (local === "v") {
        inValue = false;
        if (value && start !== end && value.openEnd <= start) value.closeStart = start;
      } else if (local === "c" && cell) {
        if (cell.end !== end) {
          const prefix = cell.name.includes(":") ? cell.name.slice(0, cell.name.indexOf(":")) : "";
          if (cell.type === "s" && value) {
            const text = stringAt(Number(value.text.trim()), prefix);
            const head = editStartTag(xml, cell, { t: "inlineStr", s: xf(cell.style) });
            const is = prefix === "" ? "is" : `${prefix}:is`;
            edits.push({ start: cell.start, end, text: `${head}<${is}>${text}</${is}></${name}>` });
          } else {
            if (cell.style !== undefined) edits.push({ start: cell.start, end: cell.end, text: editStartTag(xml, cell, { s: xf(cell.style) }) });
            const numeric = cell.type === undefined || cell.type === "n";
            if (dateShift !== 0 && numeric && value && dateStyles[Number(cell.style ?? 0)]) {
              const serial = Number(value.text.trim());
              if (Number.isFinite(serial) && value.text.trim() !== "") {
                edits.push({ start: value.openEnd, end: value.closeStart, text: String(serial + dateShift) });
              }
            }
          }
        }
        cell = undefined;
        value = undefined;
      }
    },
  });
  return applyEdits(xml, edits);
}
