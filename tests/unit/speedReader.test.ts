import { readFileSync, readdirSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { nodeUtf8 } from "../../src/cli/files";
import { nodeInflater } from "../../src/cli/inflate";
import { readXlsx } from "../../src/xlsx/reader";

/** Every workbook the repository holds: the samples, the other cities' layouts, other programs' files. */
function workbooks(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return workbooks(path);
    return /\.xls[xm]$/.test(name) ? [path] : [];
  });
}

const root = resolve(__dirname, "../..");
const FILES = ["seeds", "tests/fixtures", "tests/support"].flatMap((dir) => workbooks(join(root, dir)));
const decoder = new TextDecoder("utf-8");

describe("the command line's UTF-8 decoding (nodeUtf8)", () => {
  it("gives TextDecoder's text for any text, ASCII or not, with or without a byte-order mark", () => {
    const encoder = new TextEncoder();
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: "grapheme" }), fc.string({ unit: "binary" }), fc.string({ unit: fc.constantFrom("<", "c", "r", "=", '"', "1", "評", "価", "達", "成", "😀") })), fc.boolean(), (text, bom) => {
          const bytes = encoder.encode(bom ? `\ufeff${text}` : text);
          expect(nodeUtf8(bytes)).toBe(decoder.decode(bytes));
        }),
      { numRuns: 3000 },
    );
  });

  it("gives TextDecoder's text for bytes that are not UTF-8 (each bad sequence as U+FFFD)", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        expect(nodeUtf8(bytes)).toBe(decoder.decode(bytes));
      }),
      { numRuns: 3000 },
    );
    for (const bytes of [[0xef, 0xbb, 0xbf], [0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf, 0x41], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0xc0, 0xaf], [0xe3, 0x81]]) {
      expect(nodeUtf8(new Uint8Array(bytes)), bytes.join()).toBe(decoder.decode(new Uint8Array(bytes)));
    }
  });

  it("decodes a part that is a view into a larger buffer by its own bytes only", () => {
    const whole = new TextEncoder().encode("xx<c>評価</c>yy");
    const part = whole.subarray(2, whole.length - 2);
    expect(nodeUtf8(part)).toBe("<c>評価</c>");
  });

  it("reads every workbook of the repository to the same cells as TextDecoder", () => {
    expect(FILES.length).toBeGreaterThan(15);
    for (const file of FILES) {
      const bytes = new Uint8Array(readFileSync(file));
      let plain: unknown;
      try {
        plain = readXlsx(bytes, { inflate: nodeInflater });
      } catch (error) {
        plain = (error as Error).message;
      }
      let fast: unknown;
      try {
        fast = readXlsx(bytes, { inflate: nodeInflater, utf8: nodeUtf8 });
      } catch (error) {
        fast = (error as Error).message;
      }
      expect(fast, file).toEqual(plain);
    }
  });
});
