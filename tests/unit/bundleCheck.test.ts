import { describe, expect, it } from "vitest";

describe("the bundle check", () => {
  it("finds a lookbehind in a script, and none in a script without", async () => {
    const { lookbehinds } = await import("../../scripts/check-bundles.mjs");
    expect(lookbehinds('const a=/(?<![A-Za-z])[RHS]/;')).toHaveLength(1);
    expect(lookbehinds('new RegExp("(?<=x)y")')).toHaveLength(1);
    expect(lookbehinds("const a=/(^|[^A-Za-z])([RHS])/;")).toEqual([]);
  });

  it("keeps the sources of what ships free of lookbehind (src/core, src/taskpane, src/excel, src/functions, src/xlsx)", async () => {
    const { readFileSync, readdirSync, statSync } = await import("node:fs");
    const { join, resolve } = await import("node:path");
    const { lookbehinds } = await import("../../scripts/check-bundles.mjs");
    const files = (dir: string): string[] =>
      readdirSync(dir).flatMap((name) => (statSync(join(dir, name)).isDirectory() ? (name === "cli" ? [] : files(join(dir, name))) : /\.tsx?$/.test(name) ? [join(dir, name)] : []));
    for (const file of files(resolve(__dirname, "../../src"))) expect(lookbehinds(readFileSync(file, "utf8")), file).toEqual([]);
  });
});
