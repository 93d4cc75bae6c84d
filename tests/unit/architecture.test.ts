import { readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";

// Dependencies point inward: the core is pure, and only the adapters touch Office.js or exceljs.
const src = resolve(__dirname, "../../src");

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

const files = sources(src).map((path) => ({
  path: relative(src, path).replace(/\\/g, "/"),
  text: readFileSync(path, "utf8"),
}));

const importsOf = (text: string): string[] =>
  [...text.matchAll(/(?:import|export)\s[^;]*?from\s+["']([^"']+)["']|import\(\s*(?:\/\*.*?\*\/\s*)?["']([^"']+)["']\s*\)/g)].map(
    (m) => m[1] ?? m[2] ?? "",
  );

/** Code without comments and string literals, to look for uses of globals. */
const code = (text: string): string =>
  text
    .replace(/\/\*[\s\S]*?\*\//g, "")
    .replace(/\/\/.*$/gm, "")
    .replace(/(["'`])(?:\\.|(?!\1)[^\\])*\1/g, '""');

describe("architecture", () => {
  it("finds the sources", () => {
    expect(files.filter((f) => f.path.startsWith("core/")).length).toBeGreaterThan(2);
  });

  it("keeps src/core pure: only relative imports that stay inside src/core", () => {
    for (const file of files.filter((f) => f.path.startsWith("core/"))) {
      for (const spec of importsOf(file.text)) {
        expect(spec.startsWith("."), `${file.path} imports ${spec}`).toBe(true);
        const target = relative(src, resolve(src, file.path, "..", spec)).replace(/\\/g, "/");
        expect(target.startsWith("core/"), `${file.path} imports ${spec}`).toBe(true);
      }
    }
  });

  it("uses no DOM, Node or Office globals in src/core", () => {
    const forbidden = /\b(window|document|navigator|Office|Excel|CustomFunctions|process|require|Buffer|fetch|localStorage)\b\s*[.([]/;
    for (const file of files.filter((f) => f.path.startsWith("core/"))) {
      expect(code(file.text), file.path).not.toMatch(forbidden);
    }
  });

  it("never calls CustomFunctions.associate: the metadata plugin appends those calls at build", () => {
    for (const file of files) expect(code(file.text), file.path).not.toMatch(/CustomFunctions\.associate\s*\(/);
  });

  it("imports exceljs only in src/xlsx (types aside) and Office.js only in src/excel", () => {
    for (const file of files) {
      const runtimeImports = [...file.text.matchAll(/^import\s+(?!type\b)[^;]*?from\s+["']([^"']+)["']/gm)].map((m) => m[1]);
      if (!file.path.startsWith("xlsx/")) expect(runtimeImports, file.path).not.toContain("exceljs");
      if (!file.path.startsWith("excel/")) {
        expect(code(file.text), file.path).not.toMatch(/\b(Office|Excel)\.[a-zA-Z]/);
      }
    }
  });
});
