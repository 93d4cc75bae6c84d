import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { run } from "../../src/cli/run";
import {
  HEADER_CELLS,
  dataRow,
  encryptedWorkbook,
  sheetXml,
  soundTable,
  withDeclaredSize,
  workbookFile,
  workbookParts,
  zip64File,
  zipWithoutWorkbook,
} from "../support/hostile";

/**
 * Every refusal is one Japanese line (docs/contracts/cli.md): check, metrics and diff are run on the
 * crafted files of tests/support/hostile.ts and on truncated and bit-flipped copies of the samples
 * (seeded, so every run tries the same cases). Each run ends with 0, 1 or 2; each line it writes to
 * standard error holds Japanese, and none is an internal error or a stack trace.
 */

/** mulberry32: a small seeded generator, so that the cases are the same on every run. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ROOT = resolve(__dirname, "../..");
const SAMPLES = ["seeds/kodaira-r2.xlsx", "seeds/kodaira-r3.xlsx", "seeds/arao-2009.xlsx", "tests/support/formulas/openpyxl.xlsx", "tests/support/formulas/xlsxwriter.xlsx"].map((p) => ({
  name: p,
  bytes: new Uint8Array(readFileSync(resolve(ROOT, p))),
}));

function crafted(): { name: string; bytes: Uint8Array }[] {
  const title = "\u001b]0;x\u0007\n\t見出し";
  const sound = workbookFile(sheetXml(soundTable(3)));
  return [
    { name: "far cell", bytes: workbookFile(sheetXml([["XFD1048576", "x"]])) },
    { name: "row limit", bytes: workbookFile(sheetXml([...soundTable(2), ["F1048576", "A"]])) },
    { name: "declares 300 MB", bytes: withDeclaredSize(sound, "xl/worksheets/sheet1.xml", 300 * 1024 * 1024) },
    { name: "declares less", bytes: withDeclaredSize(sound, "xl/worksheets/sheet1.xml", 50) },
    { name: "doctype", bytes: workbookFile(`<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "a">]><worksheet/>`) },
    { name: "encrypted", bytes: encryptedWorkbook() },
    { name: "no workbook", bytes: zipWithoutWorkbook() },
    { name: "control characters", bytes: workbookFile(sheetXml([...HEADER_CELLS, ...dataRow(2, { A: title, B: title, D: title, E: title, F: title, H: `(件数${title} 10件)`, I: title })])) },
    { name: "huge numbers", bytes: workbookFile(sheetXml([...HEADER_CELLS, ...dataRow(2, { A: "分", B: 1, D: "x", E: "課", F: "A", H: `(件数 ${"9".repeat(400)}件)`, I: `(件数 ${"九".repeat(310)}件)` })])) },
    { name: "zip64", bytes: zip64File(workbookParts(sheetXml(soundTable(2))), "all") },
    { name: "empty file", bytes: new Uint8Array(0) },
    { name: "text", bytes: new TextEncoder().encode("これは .xlsx ではありません") },
    { name: "just PK", bytes: new Uint8Array([0x50, 0x4b, 0x05, 0x06]) },
    { name: "no sheets", bytes: workbookFile(sheetXml([]), { "xl/workbook.xml": `<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>` }) },
    { name: "bad shared string index", bytes: workbookFile(sheetXml([...HEADER_CELLS]).replace("</sheetData>", `<row r="2"><c r="B2" t="s"><v>99999999999</v></c><c r="D2" t="s"><v>-1</v></c></row></sheetData>`)) },
  ];
}

function mutants(count: number, seed: number): { name: string; bytes: Uint8Array }[] {
  const next = random(seed);
  const out: { name: string; bytes: Uint8Array }[] = [];
  for (let k = 0; k < count; k += 1) {
    const sample = SAMPLES[Math.floor(next() * SAMPLES.length)] ?? SAMPLES[0];
    if (!sample) break;
    const bytes = sample.bytes.slice();
    const kind = Math.floor(next() * 6);
    if (kind >= 4) {
      // Inside a part: the XML itself cut, its characters changed or markup inserted, then zipped again.
      const parts = unzipSync(bytes);
      const names = Object.keys(parts).filter((n) => n.endsWith(".xml") || n.endsWith(".rels"));
      const part = names[Math.floor(next() * names.length)] ?? "";
      const text = strFromU8(parts[part] ?? new Uint8Array());
      const at = Math.floor(next() * text.length);
      const inserts = ["<", ">", "&", "&#0;", "&#x1F600;", "\"", "</c>", "<c r=\"ZZZ99999999\">", "<v>1e400</v>", "<v>-0</v>", " t=\"e\"", " s=\"99999\"", "<f>A1</f>", "]]>", "<![CDATA[", "\u0000"];
      const changed =
        kind === 4
          ? text.slice(0, at) + (inserts[Math.floor(next() * inserts.length)] ?? "") + text.slice(at + Math.floor(next() * 3))
          : text.slice(0, at);
      parts[part] = strToU8(changed);
      out.push({ name: `${sample.name} ${part} ${kind === 4 ? "changed" : "cut"} at ${at}`, bytes: zipSync(parts) });
      continue;
    }
    let name: string;
    if (kind === 0) {
      const at = Math.floor(next() * bytes.length);
      out.push({ name: `${sample.name} cut at ${at}`, bytes: bytes.subarray(0, at) });
      continue;
    } else if (kind === 1) {
      const flips = 1 + Math.floor(next() * 8);
      for (let f = 0; f < flips; f += 1) {
        const at = Math.floor(next() * bytes.length);
        bytes[at] = (bytes[at] ?? 0) ^ (1 << Math.floor(next() * 8));
      }
      name = `${sample.name} ${flips} bits flipped`;
    } else if (kind === 2) {
      // The zip's own records (the last kilobyte: the central directory and its end) take the flips.
      const from = Math.max(0, bytes.length - 1024);
      for (let f = 0; f < 4; f += 1) {
        const at = from + Math.floor(next() * (bytes.length - from));
        bytes[at] = Math.floor(next() * 256);
      }
      name = `${sample.name} directory bytes changed`;
    } else {
      const at = Math.floor(next() * bytes.length);
      bytes.fill(0, at, at + 1 + Math.floor(next() * 64));
      name = `${sample.name} zeroed at ${at}`;
    }
    out.push({ name, bytes });
  }
  return out;
}

const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;

async function runs(argv: string[]) {
  const err: string[] = [];
  let code: number;
  try {
    code = await run(argv, { out: () => undefined, err: (line) => err.push(line), version: "0" });
  } catch (error) {
    // What main.ts would print as an internal error.
    return { code: -1, err: [`内部エラー: ${(error as Error).stack ?? String(error)}`] };
  }
  return { code, err };
}

function expectOneJapaneseLineEach(result: { code: number; err: string[] }, what: string) {
  expect([0, 1, 2], what).toContain(result.code);
  for (const line of result.err) {
    expect(line, what).toMatch(JAPANESE);
    expect(line, what).not.toMatch(/内部エラー|internal error|\n\s+at /);
    expect(line, what).not.toContain("\n");
  }
}

describe("every refusal is one Japanese line", () => {
  const dir = mkdtempSync(join(tmpdir(), "plan-progress-fuzz-"));
  const write = (name: string, bytes: Uint8Array, i: number) => {
    const file = join(dir, `${i}.xlsx`);
    writeFileSync(file, bytes);
    return { file, name };
  };

  it("check and diff on the crafted corpus, devices and pipes among them", async () => {
    const fifo = join(dir, "pipe.xlsx");
    execFileSync("mkfifo", [fifo]);
    const files = [...crafted().map((c, i) => write(c.name, c.bytes, i)), { file: "/dev/zero", name: "/dev/zero" }, { file: fifo, name: "a named pipe" }];
    const sample = resolve(ROOT, SAMPLES[0]?.name ?? "");
    for (const { file, name } of files) {
      expectOneJapaneseLineEach(await runs(["check", file]), `check ${name}`);
      expectOneJapaneseLineEach(await runs(["check", file, "--json"]), `check --json ${name}`);
      expectOneJapaneseLineEach(await runs(["diff", file, sample]), `diff ${name} sample`);
      expectOneJapaneseLineEach(await runs(["diff", sample, file]), `diff sample ${name}`);
    }
  });

  it("check and diff on 300 truncated and bit-flipped copies of the samples", async () => {
    const cases = mutants(300, 20240601).map((c, i) => write(c.name, c.bytes, 100 + i));
    let refused = 0;
    const codes = [0, 0, 0];
    for (const [i, { file, name }] of cases.entries()) {
      const result = await runs(["check", file]);
      codes[result.code] = (codes[result.code] ?? 0) + 1;
      expectOneJapaneseLineEach(result, `check ${name}`);
      if (result.code === 2) refused += 1;
      if (i % 5 === 0) expectOneJapaneseLineEach(await runs(["diff", file, cases[(i + 1) % cases.length]?.file ?? file]), `diff ${name}`);
    }
    // Not vacuous: many copies are refused, many are read and checked.
    expect(refused).toBeGreaterThan(60);
    expect((codes[0] ?? 0) + (codes[1] ?? 0)).toBeGreaterThan(60);
  }, 120_000);

  it("metrics on random texts (controls, invisible characters, long digits, brackets)", async () => {
    const next = random(7);
    const pieces = ["(", ")", "①", "件", "人", "%", "千", "万", "億", "9".repeat(50), "九", "△", "~", "令和3年度", "\u200b", "\u0000", "\n", "\t", "目標:", "【", "】", " ", "1,000", ".5"];
    for (let k = 0; k < 200; k += 1) {
      const text = Array.from({ length: 1 + Math.floor(next() * 20) }, () => pieces[Math.floor(next() * pieces.length)] ?? "").join("");
      expectOneJapaneseLineEach(await runs(["metrics", text]), `metrics ${JSON.stringify(text)}`);
      expectOneJapaneseLineEach(await runs(["metrics", text, "--json"]), `metrics --json ${JSON.stringify(text)}`);
    }
  });
});
