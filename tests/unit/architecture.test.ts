import { readFileSync, readdirSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
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

/** The files a file imports (relative imports, type-only ones included), as paths relative to src. */
function dependencies(file: { path: string; text: string }): string[] {
  const paths = new Set(files.map((f) => f.path));
  return importsOf(file.text)
    .filter((spec) => spec.startsWith("."))
    .map((spec) => relative(src, resolve(src, dirname(file.path), spec)).replace(/\\/g, "/"))
    .map((base) => [`${base}.ts`, `${base}.tsx`, `${base}/index.ts`].find((candidate) => paths.has(candidate)))
    .filter((path): path is string => path !== undefined);
}

/**
 * The module a file belongs to: a folder of src/core (core/check, rules included) or a file at its root
 * (core/port.ts, core/fiscalYear.ts); a shell or adapter folder (cli, excel, xlsx, taskpane, functions).
 */
function moduleOf(path: string): string {
  const parts = path.split("/");
  if (parts[0] === "core") return parts.length === 2 ? path.replace(/\.tsx?$/, "") : `core/${parts[1]}`;
  return parts[0] ?? path;
}

/** Every cycle of a graph, one per strongly connected component of more than one node (Tarjan). */
function cycles(graph: Map<string, Set<string>>): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string) => {
    index.set(v, next);
    low.set(v, next);
    next += 1;
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1) found.push(component.sort());
    }
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return found;
}

describe("import cycles", () => {
  const fileGraph = new Map(files.map((f) => [f.path, new Set(dependencies(f))]));

  it("has none between files", () => {
    expect([...fileGraph.values()].some((deps) => deps.size > 0)).toBe(true);
    expect(cycles(fileGraph)).toEqual([]);
  });

  it("has none between modules (core/check, core/rating, core/workbook, core/report …, cli, excel, xlsx, taskpane)", () => {
    const moduleGraph = new Map<string, Set<string>>();
    for (const [file, deps] of fileGraph) {
      const from = moduleOf(file);
      const edges = moduleGraph.get(from) ?? new Set<string>();
      moduleGraph.set(from, edges);
      for (const dep of deps) if (moduleOf(dep) !== from) edges.add(moduleOf(dep));
    }
    expect(cycles(moduleGraph)).toEqual([]);
  });

  it("finds a cycle when there is one (the detector itself)", () => {
    const graph = new Map([["a", new Set(["b"])], ["b", new Set(["c"])], ["c", new Set(["a"])], ["d", new Set(["a"])]]);
    expect(cycles(graph)).toEqual([["a", "b", "c"]]);
  });
});

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

  it("reaches a workbook only through the port: no exceljs workbook or Office.js context outside the adapters", () => {
    for (const file of files.filter((f) => !f.path.startsWith("xlsx/") && !f.path.startsWith("excel/"))) {
      expect(code(file.text), file.path).not.toMatch(/\.workbook\b|\bExcel\.run\b|RequestContext/);
      // The entry points of the adapters: their ports, the host and ribbon commands, what file mode shows of a file, the importer's writer.
      expect(importsOf(file.text).filter((spec) => /\/excel\/(?!workbookPort|host|commands)|\/xlsx\/(?!workbookPort|progressWorkbook)/.test(spec)), file.path).toEqual([]);
    }
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
