import { readdirSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { SaxesParser } from "saxes";
import { strFromU8, unzipSync } from "fflate";
import { readEntries } from "../../src/xlsx/package/zipEntries";

/** The workbooks of tests/fixtures/producers (see its README.md), by name. */
export const PRODUCERS = resolve(__dirname, "../fixtures/producers");

export function producerFiles(): string[] {
  return readdirSync(PRODUCERS)
    .filter((name) => /\.xls[xm]$/.test(name))
    .sort();
}

export const fixture = (name: string): Uint8Array => new Uint8Array(readFileSync(resolve(PRODUCERS, name)));

/** Every part of a package, uncompressed, by name (fflate, independent of the code under test). */
export const partsOf = (bytes: Uint8Array): Record<string, Uint8Array> => unzipSync(bytes);

export const textOf = (bytes: Uint8Array, name: string): string => {
  const part = partsOf(bytes)[name];
  if (!part) throw new Error(`no part ${name}`);
  return strFromU8(part);
};

export const sameBytes = (a: Uint8Array | undefined, b: Uint8Array | undefined): boolean =>
  a !== undefined && b !== undefined && a.length === b.length && a.every((byte, i) => byte === b[i]);

/** The stored (compressed) bytes and CRC of each entry, as the zip holds them. */
export function storedEntries(bytes: Uint8Array): Map<string, { crc: number; data: Uint8Array; method: number }> {
  return new Map(readEntries(bytes).map((e) => [e.name, { crc: e.crc, data: e.data, method: e.method }]));
}

/**
 * Whether a part is namespace-well-formed XML: every prefix bound (saxes with namespaces on, a general
 * parser independent of the project's tokenizer). Returns the error, or undefined.
 */
export function xmlError(text: string): string | undefined {
  const parser = new SaxesParser({ xmlns: true });
  let error: string | undefined;
  parser.on("error", (e) => {
    error ??= e.message;
  });
  try {
    parser.write(text).close();
  } catch (e) {
    error ??= String(e);
  }
  return error;
}

/** What a part of a package is made of: where relationships lead from the root, and what nothing reaches. */
export function unreachable(bytes: Uint8Array): string[] {
  const parts = partsOf(bytes);
  const names = Object.keys(parts).filter((n) => !n.endsWith("/"));
  const reached = new Set<string>(["[Content_Types].xml"]);
  const queue = [""];
  const seen = new Set<string>();
  while (queue.length > 0) {
    const source = queue.shift() as string;
    if (seen.has(source)) continue;
    seen.add(source);
    const slash = source.lastIndexOf("/");
    const rels = `${source.slice(0, slash + 1)}_rels/${source.slice(slash + 1)}.rels`;
    const data = parts[rels];
    if (!data) continue;
    reached.add(rels);
    for (const m of strFromU8(data).matchAll(/<Relationship\b[^>]*>/g)) {
      const tag = m[0];
      if (/TargetMode="External"/.test(tag)) continue;
      const target = /Target="([^"]*)"/.exec(tag)?.[1] ?? "";
      const base = target.startsWith("/") ? [] : source.split("/").slice(0, -1);
      for (const piece of target.replace(/^\/+/, "").split("/")) {
        if (piece === "..") base.pop();
        else if (piece !== "." && piece !== "") base.push(piece);
      }
      const path = names.find((n) => n.toLowerCase() === base.join("/").toLowerCase()) ?? base.join("/");
      reached.add(path);
      queue.push(path);
    }
  }
  return names.filter((n) => !reached.has(n));
}

/** The content type of each part, from [Content_Types].xml (override, else default by extension). */
export function contentTypes(bytes: Uint8Array): (part: string) => string | undefined {
  const text = textOf(bytes, "[Content_Types].xml");
  const defaults = new Map([...text.matchAll(/<(?:\w+:)?Default\b[^>]*Extension="([^"]*)"[^>]*ContentType="([^"]*)"/g)].map((m) => [m[1]!.toLowerCase(), m[2]!]));
  const overrides = new Map([...text.matchAll(/<(?:\w+:)?Override\b[^>]*PartName="([^"]*)"[^>]*ContentType="([^"]*)"/g)].map((m) => [m[1]!.replace(/^\//, "").toLowerCase(), m[2]!]));
  return (part) => overrides.get(part.toLowerCase()) ?? defaults.get(part.slice(part.lastIndexOf(".") + 1).toLowerCase());
}

/**
 * The one place two texts differ: the common start and end taken away, what is left of each. A patch
 * that changes only one element leaves exactly that element (or nothing, for an insertion) in `before`.
 */
export function difference(before: string, after: string): { at: number; before: string; after: string } {
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start += 1;
  let end = 0;
  while (end < before.length - start && end < after.length - start && before[before.length - 1 - end] === after[after.length - 1 - end]) end += 1;
  return { at: start, before: before.slice(start, before.length - end), after: after.slice(start, after.length - end) };
}
