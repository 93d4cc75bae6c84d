import { readFileSync, readdirSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { decodePart } from "../../src/xlsx/parts";
import { openZip } from "../../src/xlsx/zip";

function workbooks(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return workbooks(path);
    return /\.xls[xm]$/.test(name) ? [path] : [];
  });
}

const root = resolve(__dirname, "../..");

/** Every workbook the repository holds: the samples, the other cities' layouts, other programs' files, the crafted ones. */
export const REPOSITORY_WORKBOOKS: readonly string[] = ["seeds", "tests/fixtures", "tests/support"].flatMap((dir) => workbooks(join(root, dir)));

/** The parts of a workbook whose names `wanted` takes, as text; undefined when the file is no zip the reader opens. */
export function xmlParts(file: string, wanted: (name: string) => boolean): Map<string, string> | undefined {
  let zip;
  try {
    zip = openZip(new Uint8Array(readFileSync(file)));
  } catch {
    return undefined;
  }
  const parts = zip.read(zip.names().filter(wanted));
  return new Map([...parts].map(([name, bytes]) => [name, decodePart(bytes)]));
}
