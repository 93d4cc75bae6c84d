import { readFileSync } from "node:fs";
import { deflateRawSync } from "node:zlib";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { nodeUtf8 } from "../../src/cli/files";
import { nodeInflater, pooledInflater } from "../../src/cli/inflate";
import { readXlsx, readXlsxAsync } from "../../src/xlsx/reader";
import { streamInflater } from "../../src/xlsx/streamInflate";
import { fflateInflater } from "../../src/xlsx/zip";
import { sheetXml, soundTable, withDeclaredSize, workbookFile } from "../support/hostile";
import { REPOSITORY_WORKBOOKS } from "../support/workbookFiles";

const FILES = REPOSITORY_WORKBOOKS;
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

describe("the command line's reading with its parts inflated side by side (readXlsxAsync)", () => {
  // Every part, small ones too, handed to zlib's thread pool.
  const pooled = pooledInflater(0);
  const sync = (bytes: Uint8Array) => {
    try {
      return readXlsx(bytes, { inflate: nodeInflater, utf8: nodeUtf8 });
    } catch (error) {
      return (error as Error).message;
    }
  };
  const inPool = (bytes: Uint8Array) => readXlsxAsync(bytes, { inflate: nodeInflater, inflateAsync: pooled, utf8: nodeUtf8 }).catch((error: unknown) => (error as Error).message);

  it("reads every workbook of the repository to the same cells as the reading in turn", async () => {
    for (const file of FILES) {
      const bytes = new Uint8Array(readFileSync(file));
      expect(await inPool(bytes), file).toEqual(sync(bytes));
    }
  });

  /** The offset of an entry's local header, from the central directory. */
  function localHeader(bytes: Uint8Array, entry: string): { central: number; local: number } {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const name = new TextEncoder().encode(entry);
    for (let i = 0; i + 46 < bytes.length; i += 1) {
      if (view.getUint32(i, true) === 0x02014b50 && view.getUint16(i + 28, true) === name.length && name.every((b, k) => bytes[i + 46 + k] === b)) return { central: i, local: view.getUint32(i + 42, true) };
    }
    throw new Error(`no ${entry}`);
  }
  /** The entry's compressed data overwritten in its middle (it no longer inflates, or not to its size). */
  function damaged(bytes: Uint8Array, entry: string): Uint8Array {
    const out = bytes.slice();
    const view = new DataView(out.buffer);
    const { local } = localHeader(out, entry);
    const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    out.fill(0xff, start + 2, start + 40);
    return out;
  }
  /** The entry's central directory pointing at no local header. */
  function misplaced(bytes: Uint8Array, entry: string): Uint8Array {
    const out = bytes.slice();
    new DataView(out.buffer).setUint32(localHeader(out, entry).central + 42, 3, true);
    return out;
  }

  it("refuses what the reading in turn refuses, with the same message, the first part's failure first", async () => {
    const strings = `<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${"<si><t>評価の文字列</t></si>".repeat(400)}</sst>`;
    const rels = `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>`;
    const sound = workbookFile(sheetXml(soundTable(30)), { "xl/sharedStrings.xml": strings, "xl/_rels/workbook.xml.rels": rels });
    const sheet = "xl/worksheets/sheet1.xml";
    const cases = {
      sound,
      lyingSheet: withDeclaredSize(sound, sheet, 100),
      lyingStrings: withDeclaredSize(sound, "xl/sharedStrings.xml", 100),
      damagedSheet: damaged(sound, sheet),
      damagedStrings: damaged(sound, "xl/sharedStrings.xml"),
      misplacedSheet: misplaced(sound, sheet),
      // Both fail: the shared strings come first among the parts read, so theirs is the failure said.
      damagedStringsMisplacedSheet: misplaced(damaged(sound, "xl/sharedStrings.xml"), sheet),
      lyingStringsDamagedSheet: damaged(withDeclaredSize(sound, "xl/sharedStrings.xml", 100), sheet),
      misplacedStringsDamagedSheet: damaged(misplaced(sound, "xl/sharedStrings.xml"), sheet),
    };
    const said = new Set<string>();
    for (const [name, bytes] of Object.entries(cases)) {
      const expected = sync(bytes);
      expect(await inPool(bytes), name).toEqual(expected);
      said.add(typeof expected === "string" ? expected : "read");
    }
    // An inflater that fails at once (not in its promise) fails the reading as the reading in turn's does.
    const failing = () => {
      throw new Error("no inflating today");
    };
    const failed = await readXlsxAsync(sound, { inflate: nodeInflater, inflateAsync: failing, utf8: nodeUtf8 }).catch((error: unknown) => (error as Error).message);
    let inTurn: unknown;
    try {
      // The same failure in turn: the parts read after the workbook's (all over 2,000 bytes here) fail.
      readXlsx(sound, { inflate: (data, size) => (size > 2000 ? failing() : nodeInflater(data, size)) });
    } catch (error) {
      inTurn = (error as Error).message;
    }
    expect(failed).toEqual(inTurn);
    expect(failed).toContain("sharedStrings.xml");
    // The cases fail in different ways (and the sound file reads).
    expect(said.size).toBeGreaterThanOrEqual(4);
    expect(sync(cases.damagedStringsMisplacedSheet)).toContain("sharedStrings.xml");
  });
});

describe("file mode's reading with the platform's inflation (DecompressionStream, streamInflater)", () => {
  const inflateAsync = streamInflater();
  const withFflate = (bytes: Uint8Array) => {
    try {
      return readXlsx(bytes);
    } catch (error) {
      return (error as Error).message;
    }
  };
  const withStream = (bytes: Uint8Array) => readXlsxAsync(bytes, { inflateAsync: inflateAsync as NonNullable<typeof inflateAsync> }).catch((error: unknown) => (error as Error).message);

  it("exists here (Node 20 has the stream) and reads every workbook of the repository as fflate does", async () => {
    expect(inflateAsync).toBeDefined();
    for (const file of FILES) {
      const bytes = new Uint8Array(readFileSync(file));
      expect(await withStream(bytes), file).toEqual(withFflate(bytes));
    }
  });

  it("inflates a part as fflate does: cut at its declared size, short when it is shorter, refused or read as fflate when damaged or followed by junk", async () => {
    const stream = inflateAsync as NonNullable<typeof inflateAsync>;
    const raw = new TextEncoder().encode("評価の文字列 ".repeat(20_000));
    const deflated = new Uint8Array(deflateRawSync(raw));
    const damaged = deflated.slice();
    damaged.fill(0xff, 2, 40);
    const junk = new Uint8Array([...deflated, 1, 2, 3, 4]);
    const truncated = deflated.subarray(0, deflated.length - 7);
    for (const [data, size] of [
      [deflated, raw.length],
      [deflated, raw.length - 1000],
      [deflated, raw.length + 1000],
      [deflated, 0],
      [damaged, raw.length],
      [junk, raw.length],
      [truncated, raw.length],
    ] as const) {
      let expected: unknown;
      try {
        expected = Buffer.from(fflateInflater(data, size)).toString("base64");
      } catch (error) {
        expected = (error as Error).message;
      }
      const got = await stream(data, size).then(
        (out) => Buffer.from(out).toString("base64"),
        (error: unknown) => (error as Error).message,
      );
      expect(got, `${data.length} bytes, declared ${size}`).toEqual(expected);
    }
  });

  it("refuses what fflate refuses in a part that declares less than it holds and is damaged past that size", async () => {
    const stream = inflateAsync as NonNullable<typeof inflateAsync>;
    const raw = new TextEncoder().encode(Array.from({ length: 40_000 }, (_, i) => `<c r="A${i}"><v>${i}</v></c>`).join(""));
    const deflated = new Uint8Array(deflateRawSync(raw));
    const damaged = deflated.slice();
    damaged.fill(0xff, Math.floor(deflated.length * 0.9), deflated.length - 10);
    let expected: unknown;
    try {
      expected = Buffer.from(fflateInflater(damaged, 1000)).toString("base64");
    } catch (error) {
      expected = (error as Error).message;
    }
    const got = await stream(damaged, 1000).then(
      (out) => Buffer.from(out).toString("base64"),
      (error: unknown) => (error as Error).message,
    );
    expect(got).toEqual(expected);
  });
});
