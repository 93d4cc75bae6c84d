import { PACKAGE_ERRORS } from "./errors";
import { Package, relId, spreadsheetPrefix, type Relationship } from "./opc";
import { child, children, parseTree, type PartText, type XmlNode } from "./xml";

/** The user's workbook part read for an edit: its sheets and where each one's part is. */
export interface WorkbookInfo {
  path: string;
  text: PartText;
  tree: XmlNode;
  prefix: string;
  rels: { rels: string; tree?: XmlNode; list: Relationship[] };
  sheets: { name: string; node: XmlNode; path?: string; rel?: Relationship }[];
}

export function readWorkbook(pkg: Package): WorkbookInfo {
  const path = pkg.workbookPart();
  const text = pkg.requireText(path);
  const tree = parseTree(path, text.text);
  const prefix = spreadsheetPrefix(path, tree);
  const rels = pkg.relationships(path);
  const sheetsNode = child(tree, "sheets");
  const sheets = (sheetsNode ? children(sheetsNode, "sheet") : []).map((node) => {
    const id = relId(node);
    const rel = rels.list.find((r) => r.id === id);
    return { name: node.attributes.name ?? "", node, ...(rel ? { rel } : {}), ...(rel?.path ? { path: pkg.entry(rel.path)?.name ?? rel.path } : {}) };
  });
  return { path, text, tree, prefix, rels, sheets };
}

/** The part of a sheet, by its name (compared as Excel does, without case). */
export function sheetPart(pkg: Package, workbook: WorkbookInfo, name: string): string {
  const sheet = workbook.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  if (!sheet) throw PACKAGE_ERRORS.sheetNotFound(name);
  if (!sheet.path || !pkg.has(sheet.path)) throw PACKAGE_ERRORS.partMissing(sheet.path ?? `${name}`);
  return sheet.path;
}
