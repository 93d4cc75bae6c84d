import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isBlank } from "../../src/core/check/helpers";
import { RULES } from "../../src/core/check/catalogue";
import { fillMessage, type Localized, type MessageData } from "../../src/core/text/localized";

/**
 * Messages are filled from templates cut once at their placeholders, and a message whose data holds only
 * texts and numbers is remembered per template: held to the definition by String.prototype.replace.
 * isBlank decides in place what the trimmed text and one regular expression decided.
 */
const PLACEHOLDER = /\{(\w+)\}/g;

function byReplace(template: Localized, data: MessageData = {}): Localized {
  const fill = (text: string, locale: keyof Localized) =>
    text.replace(PLACEHOLDER, (whole, name: string) => {
      const value = data[name];
      if (value === undefined) return whole;
      return typeof value === "object" ? value[locale] : String(value);
    });
  return { ja: fill(template.ja, "ja"), en: fill(template.en, "en") };
}

const blankByRegExp = (text: string): boolean => text.trim() === "" || /^[-－ー―]$/.test(text.trim());

describe("messages filled from cut templates", () => {
  const names = ["a", "b", "stated", "x1"];
  const text = fc.array(fc.oneof(fc.constantFrom(...names.map((n) => `{${n}}`), "{", "}", "{}", "{ a}", "{{a}}", "$&", "$1"), fc.string({ maxLength: 6 })), { maxLength: 8 }).map((parts) => parts.join(""));
  const value = fc.oneof(
    fc.constant(undefined),
    fc.string({ maxLength: 5 }),
    fc.constantFrom("$&", "$1", "{a}", "", "undefined"),
    fc.integer(),
    fc.double({ noNaN: false }),
    fc.record({ ja: fc.string({ maxLength: 4 }), en: fc.string({ maxLength: 4 }) }),
    fc.constant({ ja: "だけ" } as unknown as Localized),
  );
  const data = fc.dictionary(fc.constantFrom(...names), value);

  it("are the templates' texts with every placeholder replaced as String.prototype.replace does", () => {
    fc.assert(
      fc.property(text, text, fc.array(data, { minLength: 1, maxLength: 5 }), (ja, en, datas) => {
        const template = { ja, en };
        // The same template again and again: the remembered messages are read back.
        for (const d of [...datas, ...datas]) expect(fillMessage(template, d)).toEqual(byReplace(template, d));
        expect(fillMessage(template)).toEqual(byReplace(template));
      }),
      { numRuns: 3_000 },
    );
  });

  it("are each an object of their own, and follow a template changed in place", () => {
    const template = { ja: "評価 {stated} です", en: "Rated {stated}" };
    const first = fillMessage(template, { stated: "A" });
    const again = fillMessage(template, { stated: "A" });
    expect(again).toEqual({ ja: "評価 A です", en: "Rated A" });
    expect(again).not.toBe(first);
    again.ja = "changed";
    expect(fillMessage(template, { stated: "A" })).toEqual({ ja: "評価 A です", en: "Rated A" });
    template.ja = "評価は {stated}";
    expect(fillMessage(template, { stated: "A" })).toEqual({ ja: "評価は A", en: "Rated A" });
    // A number and the text that writes it fill the same; a value missing keeps its placeholder.
    expect(fillMessage(template, { stated: 5 })).toEqual(fillMessage(template, { stated: "5" }));
    expect(fillMessage(template, {})).toEqual({ ja: "評価は {stated}", en: "Rated {stated}" });
  });

  it("are every rule's messages as before, with data of texts, numbers and texts per language", () => {
    for (const rule of RULES) {
      for (const template of Object.values(rule.messages) as Localized[]) {
        const values = [{}, { stated: "A", item: 12, field: { ja: "当初予定", en: "plan" }, quoted: "文", targets: { ja: "件数 10件", en: "count 10" } }];
        for (const d of [...values, ...values]) expect(fillMessage(template, d), rule.code).toEqual(byReplace(template, d));
      }
    }
  });

  it("keep many data apart (more than a template remembers)", () => {
    const template = { ja: "No. {item} の{field}", en: "No. {item}'s {field}" };
    for (let k = 0; k < 2_000; k += 1) {
      const d = { item: k % 700, field: k % 3 === 0 ? "plan" : `欄${k % 11}` };
      expect(fillMessage(template, d)).toEqual(byReplace(template, d));
    }
  });
});

describe("blank cells decided in place", () => {
  it("are those whose trimmed text is empty or one of - － ー ―, for every BMP character in every place", () => {
    const spaces = [" ", "\t", "\n", "\u3000", "\u00a0", "\ufeff", "\u2028", ""];
    for (let code = 0; code < 0x10000; code += 1) {
      const c = String.fromCharCode(code);
      for (const text of [c, ` ${c}`, `${c}\u3000`, `\n${c}\t`, `${c}${c}`, `${c}-`, `-${c}`, `${c} ー`]) expect(isBlank(text), `U+${code.toString(16)} ${JSON.stringify(text)}`).toBe(blankByRegExp(text));
    }
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom(...spaces, "-", "－", "ー", "―", "a", "\ud83d\ude00", "\ud83d"), fc.string({ maxLength: 2 })), { maxLength: 6 }), (parts) => {
        const text = parts.join("");
        expect(isBlank(text)).toBe(blankByRegExp(text));
      }),
      { numRuns: 20_000 },
    );
  });
});
