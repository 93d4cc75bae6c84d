import { readFileSync, readdirSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";

/**
 * docs/architecture.md is a map of src: every path under src it names in code type (`src/core/port.ts`,
 * `src/core/text/{fold,markers}.ts`, `src/core/check/rules/*`) must exist, and every folder of src must be
 * on it, so that a file moved, renamed or deleted, or a module added, fails here instead of leaving the map
 * wrong.
 */
const root = resolve(__dirname, "../..");
const doc = readFileSync(resolve(root, "docs/architecture.md"), "utf8");

/** Every file under a folder, as paths from the repository's root with "/" between names. */
function filesUnder(folder: string): string[] {
  return readdirSync(resolve(root, folder), { withFileTypes: true }).flatMap((entry) => {
    const path = `${folder}/${entry.name}`;
    return entry.isDirectory() ? filesUnder(path) : [path];
  });
}

const FILES = filesUnder("src");

/** `src/a/{b,c}.ts` → src/a/b.ts and src/a/c.ts; several groups are expanded in turn. */
function expandBraces(path: string): string[] {
  const group = /\{([^{}]*)\}/.exec(path);
  if (!group) return [path];
  const before = path.slice(0, group.index);
  const after = path.slice(group.index + group[0].length);
  return (group[1] ?? "").split(",").flatMap((choice) => expandBraces(`${before}${choice.trim()}${after}`));
}

/** The paths under src a Markdown text names in code type, braces expanded. */
function namedPaths(text: string): string[] {
  return [...text.matchAll(/`(src\/[^`\s]*)`/g)].flatMap((m) => expandBraces(m[1] ?? ""));
}

/** Whether a named path is there: a file, a folder ("src/core/" or "src/core"), or a pattern whose * stands for one name. */
function exists(path: string, files: readonly string[]): boolean {
  const bare = path.replace(/\/$/, "");
  if (bare.includes("*")) {
    const pattern = new RegExp(`^${bare.split("*").map((part) => part.replace(/[.+?^${}()|[\]\\]/g, "\\$&")).join("[^/]+")}$`);
    return files.some((file) => pattern.test(file));
  }
  return files.some((file) => file === bare || file.startsWith(`${bare}/`));
}

const parentOf = (path: string): string => path.slice(0, path.lastIndexOf("/"));

/** The folders holding files that no named path names: neither the folder itself nor a file or pattern in it (a subfolder's file does not count). */
function foldersNotNamed(named: readonly string[], files: readonly string[]): string[] {
  const folders = [...new Set(files.map(parentOf))].filter((folder) => folder !== "src");
  return folders.filter((folder) => !named.some((path) => path.replace(/\/$/, "") === folder || parentOf(path) === folder)).sort();
}

const missing = (text: string, files: readonly string[]): string[] => namedPaths(text).filter((path) => !exists(path, files));

describe("docs/architecture.md", () => {
  const named = namedPaths(doc);

  it("names the code by its paths", () => {
    expect(named.length).toBeGreaterThan(100);
    expect(named).toContain("src/core/port.ts");
  });

  it("names only paths that exist", () => {
    expect(missing(doc, FILES)).toEqual([]);
  });

  it("names every folder of src", () => {
    expect(foldersNotNamed(named, FILES)).toEqual([]);
  });
});

describe("the check of the paths (on a text of its own)", () => {
  const files = ["src/core/port.ts", "src/core/text/fold.ts", "src/core/text/lines.ts", "src/core/check/check.ts", "src/core/check/rules/blankRow.ts", "src/xlsx/reader.ts"];

  it("expands braces, and takes folders and patterns", () => {
    expect(expandBraces("src/core/{text,check}/{a,b}.ts")).toEqual(["src/core/text/a.ts", "src/core/text/b.ts", "src/core/check/a.ts", "src/core/check/b.ts"]);
    expect(missing("`src/core/text/{fold,lines}.ts`, `src/core/`, `src/core/check/rules/*`, `src/core/check`", files)).toEqual([]);
  });

  it("finds a path that is not there, in braces, in a pattern, a file taken for a folder, or the start of a name", () => {
    const text = "`src/core/port.ts` `src/core/nothing.ts` `src/core/text/{fold,gone}.ts` `src/core/gone/*` `src/core/port.ts/x` `src/core/tex` `src/core/text/fol`";
    expect(missing(text, files)).toEqual(["src/core/nothing.ts", "src/core/text/gone.ts", "src/core/gone/*", "src/core/port.ts/x", "src/core/tex", "src/core/text/fol"]);
  });

  it("finds a folder the text does not reach", () => {
    // A file of a subfolder does not name its parent: src/core/check is named by neither text's first paths.
    expect(foldersNotNamed(namedPaths("`src/core/port.ts` `src/core/text/fold.ts` `src/core/check/rules/*`"), files)).toEqual(["src/core/check", "src/xlsx"]);
    expect(foldersNotNamed(namedPaths("`src/core/` `src/core/text/` `src/core/check/check.ts` `src/core/check/rules/blankRow.ts` `src/xlsx/`"), files)).toEqual([]);
  });
});
