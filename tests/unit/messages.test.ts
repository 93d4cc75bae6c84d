import { describe, expect, it } from "vitest";
import { MESSAGES, pickLocale } from "../../src/taskpane/messages";
import { CLI_MESSAGES } from "../../src/cli/messages";

const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;

describe("message tables", () => {
  it("have the same keys in Japanese and English, none empty", () => {
    expect(Object.keys(MESSAGES.en).sort()).toEqual(Object.keys(MESSAGES.ja).sort());
    for (const locale of ["ja", "en"] as const) {
      for (const [key, text] of Object.entries(MESSAGES[locale])) expect(text.trim(), `${locale}.${key}`).not.toBe("");
    }
    expect(Object.keys(CLI_MESSAGES.en).sort()).toEqual(Object.keys(CLI_MESSAGES.ja).sort());
  });

  it("are Japanese in the Japanese table", () => {
    for (const key of ["appTitle", "emptyTitle", "loadSample", "modeFile", "modeExcel"] as const) {
      expect(MESSAGES.ja[key]).toMatch(JAPANESE);
    }
  });
});

describe("pickLocale", () => {
  it.each([
    ["ja-JP", "ja"],
    ["ja", "ja"],
    ["JA-jp", "ja"],
    ["en-US", "en"],
    ["fr-FR", "en"],
    ["", "ja"],
    [undefined, "ja"],
  ] as const)("%s → %s", (language, locale) => {
    expect(pickLocale(language)).toBe(locale);
  });
});

describe("the pane's strings", () => {
  it("all stand in the message tables: no Japanese text in the components themselves", async () => {
    const { readdirSync, readFileSync, statSync } = await import("node:fs");
    const { join, resolve } = await import("node:path");
    const root = resolve(__dirname, "../../src/taskpane");
    const files = (dir: string): string[] =>
      readdirSync(dir).flatMap((name) => (statSync(join(dir, name)).isDirectory() ? files(join(dir, name)) : name.endsWith(".tsx") ? [join(dir, name)] : []));
    for (const file of files(root)) {
      const code = readFileSync(file, "utf8").replace(/\/\*[\s\S]*?\*\//g, "").replace(/\/\/.*$/gm, "");
      expect(code, file).not.toMatch(JAPANESE);
    }
  });
});
