import { Zip, ZipDeflate, ZipPassThrough, strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { openZip } from "../../src/xlsx/zip";
import { crc32, newEntry, readEntries, writeEntries } from "../../src/xlsx/package/zipEntries";
import { PackageError } from "../../src/xlsx/package";

/** The zip layer of the in-place writer: entries copied raw, new ones deflated, read back by two readers. */

/** A zip written by fflate's streaming writer: sizes in data descriptors after the data (flag bit 3). */
function streamedZip(files: Record<string, string>): Uint8Array {
  const chunks: Uint8Array[] = [];
  const zip = new Zip((error, chunk) => {
    if (error) throw error;
    chunks.push(chunk);
  });
  for (const [name, text] of Object.entries(files)) {
    const entry = name.endsWith(".bin") ? new ZipPassThrough(name) : new ZipDeflate(name, { level: 9 });
    zip.add(entry);
    entry.push(strToU8(text), true);
  }
  zip.end();
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

describe("zip entries", () => {
  it("copies entries raw (data descriptors too) and adds deflated ones, in order, readable by fflate and by the reader", () => {
    const input = streamedZip({ "a.xml": "<a>".repeat(1000), "b.bin": "stored bytes", "日本語/名前.xml": "<x/>" });
    const entries = readEntries(input);
    expect(entries.map((e) => e.name)).toEqual(["a.xml", "b.bin", "日本語/名前.xml"]);
    expect(entries[0]!.flags & 8).toBe(8);
    const out = writeEntries([...entries, newEntry("新しい.xml", strToU8("<新/>"))]);
    const files = unzipSync(out);
    expect(Object.keys(files)).toEqual(["a.xml", "b.bin", "日本語/名前.xml", "新しい.xml"]);
    expect(strFromU8(files["a.xml"]!)).toBe("<a>".repeat(1000));
    expect(strFromU8(files["新しい.xml"]!)).toBe("<新/>");
    const again = readEntries(out);
    expect(again.map((e) => e.crc)).toEqual([...entries.map((e) => e.crc), crc32(strToU8("<新/>"))]);
    expect(again.slice(0, 3).every((e, i) => e.data.every((b, k) => b === entries[i]!.data[k]))).toBe(true);
    expect(again[3]!.flags & 0x800).toBe(0x800);
    const zip = openZip(out);
    expect(strFromU8(zip.read(["日本語/名前.xml"]).get("日本語/名前.xml")!)).toBe("<x/>");
  });

  it("computes CRC-32 as the zip format does", () => {
    expect(crc32(strToU8("123456789"))).toBe(0xcbf43926);
    const stored = readEntries(zipSync({ "x.txt": strToU8("計画進捗チェッカー") }))[0]!;
    expect(crc32(strToU8("計画進捗チェッカー"))).toBe(stored.crc);
  });

  it("refuses two entries of one name, compared without case as OPC part names are", () => {
    const one = zipSync({ "xl/Workbook.xml": strToU8("<a/>"), "xl/workbook.xml": strToU8("<b/>") });
    expect(() => readEntries(one)).toThrow(PackageError);
  });
});
