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
