import { readFileSync, readdirSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { transform } from "esbuild";
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";
import { PANE_TARGET, checkScript, lacking, lookbehinds } from "../../scripts/check-bundles.mjs";

const root = resolve(__dirname, "../..");
const kinds = (text: string) => checkScript(text).map((p) => p.kind);

describe("the bundle check (scripts/check-bundles.mjs): what Safari 14.1, the pane's oldest engine, can run", () => {
  it("passes ECMAScript 2021: logical assignment, ?. and ??, numeric separators, BigInt, classes without fields", () => {
    expect(checkScript("let a; a ??= 1; a ||= 2; const b = a?.x ?? 1_000; const c = 10n ** BigInt(2); class A extends Error { constructor(m) { super(m); this.x = 1; } }")).toEqual([]);
  });

  it("refuses syntax newer than ECMAScript 2021: class static blocks (tabster's), fields, private methods, #x in o", () => {
    for (const source of [
      "class History { static { this.DEPTH = 10; } }",
      "class A { problems; }",
      "class A { #m() {} }",
      "class A { #x = 1; has(o) { return #x in o; } }",
    ]) {
      expect(kinds(source), source).toContain("syntax");
    }
  });

  it("refuses RegExp lookbehind (Safari 16.4) and the d and v flags, in literals and in new RegExp(\"…\")", () => {
    expect(kinds("const a = /(?<![A-Za-z])[RHS]/;")).toContain("regexp");
    expect(kinds('const a = new RegExp("(?<=x)y");')).toContain("regexp");
    expect(kinds('const a = new RegExp("a+", "d");')).toContain("regexp");
    expect(kinds('const a = RegExp("[a&&b]", "v");')).toContain("regexp");
    expect(kinds("const a = /a/d;")).toContain("syntax");
    expect(checkScript('const a = /(^|[^A-Za-z])([RHS])/u; const b = new RegExp("\\\\d+/\\n", "gimsuy"); const c = /(?<year>\\d{4})/;')).toEqual([]);
  });

  it("refuses built-ins newer than Safari 14.1 where nothing tests for them first", () => {
    expect(checkScript("const last = [1, 2].at(-1);")[0]?.message).toMatch(/prototype\.at \(Safari 15\.4\)/);
    expect(kinds('Object.hasOwn(o, "k");')).toEqual(["built-in"]);
    expect(kinds("const copy = structuredClone(x);")).toEqual(["built-in"]);
    expect(kinds("list.findLast((x) => x > 1);")).toEqual(["built-in"]);
    expect(kinds("const g = Object.groupBy(rows, (r) => r.kind);")).toEqual(["built-in"]);
  });

  it("lets a built-in pass where a test guards it, where the script declares the name, or where the call is another API", () => {
    expect(checkScript('const c = typeof structuredClone === "function" ? structuredClone(x) : JSON.parse(JSON.stringify(x));')).toEqual([]);
    expect(checkScript("const last = a.at ? a.at(-1) : a[a.length - 1];")).toEqual([]);
    expect(checkScript('"function" == typeof reportError ? reportError(e) : console.error(e);')).toEqual([]);
    expect(checkScript("function structuredClone(x) { return x; } structuredClone(1);")).toEqual([]);
    // tabster's own FocusableAPI.findLast({ container, … }): Array.prototype.findLast takes a function.
    expect(checkScript("const el = focusable.findLast({ container: root, useActiveModalizer: true });")).toEqual([]);
  });

  it("lists as lacking exactly the built-ins newer than the target: .at() (15.4) yes, WeakRef (14.1, tabster calls it) not at all", () => {
    const names = lacking().map((b) => b.what);
    expect(names).toContain("Array/String/TypedArray.prototype.at");
    expect(names.some((n) => /WeakRef|FinalizationRegistry|Promise\.any/.test(n))).toBe(false);
    expect(lacking({ ...PANE_TARGET, safari: "15.4" }).map((b) => b.what)).not.toContain("Array/String/TypedArray.prototype.at");
    expect(checkScript("new WeakRef(el).deref();")).toEqual([]);
  });

  it("passes what the web build's esbuild pass (PANE_TARGET.esbuild) makes of newer syntax", async () => {
    const newer = "class History { static { this.DEPTH = 10; } #stack = []; #push(e) { this.#stack.push(e); } has(o) { return #stack in o; } } let a; a ??= 1;";
    expect(kinds(newer)).toContain("syntax");
    const lowered = await transform(newer, { loader: "js", target: PANE_TARGET.esbuild });
    expect(checkScript(lowered.code)).toEqual([]);
  });

  it("finds a lookbehind in a script's text, and none in a script without", () => {
    expect(lookbehinds("const a=/(?<![A-Za-z])[RHS]/;")).toHaveLength(1);
    expect(lookbehinds('new RegExp("(?<=x)y")')).toHaveLength(1);
    expect(lookbehinds("const a=/(^|[^A-Za-z])([RHS])/;")).toEqual([]);
  });

  it("keeps the sources of what ships free of lookbehind (src/core, src/taskpane, src/excel, src/functions, src/xlsx)", () => {
    const files = (dir: string): string[] =>
      readdirSync(dir).flatMap((name) => (statSync(join(dir, name)).isDirectory() ? (name === "cli" ? [] : files(join(dir, name))) : /\.tsx?$/.test(name) ? [join(dir, name)] : []));
    for (const file of files(resolve(root, "src"))) expect(lookbehinds(readFileSync(file, "utf8")), file).toEqual([]);
  });
});

describe("the linter (eslint.config.mjs) in src", () => {
  it("refuses .at(), Object.hasOwn and structuredClone, which Safari 14.1 lacks, and lets the index form pass", async () => {
    const eslint = new ESLint({ cwd: root });
    const lint = async (code: string) => (await eslint.lintText(code, { filePath: join(root, "src/core/example.ts") }))[0]?.messages.map((m) => m.ruleId) ?? [];
    expect(await lint("export const last = (a: number[]) => a.at(-1);\n")).toContain("no-restricted-syntax");
    expect(await lint('export const own = (o: object) => Object.hasOwn(o, "k");\n')).toContain("no-restricted-syntax");
    expect(await lint("export const copy = (o: object) => structuredClone(o);\n")).toContain("no-restricted-syntax");
    expect(await lint("export const last = (a: number[]) => a[a.length - 1];\n")).toEqual([]);
  });
});
