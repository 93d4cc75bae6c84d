import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { JsonOut, jsonLine, type CliIo } from "../../src/cli/io";
import { EXIT_USAGE, run } from "../../src/cli/run";
import { jsonText } from "../../src/cli/terminal";
import { Memo } from "../../src/core/memo";

const seeds = resolve(__dirname, "../../seeds");
const SAMPLES = ["kodaira-r2.xlsx", "kodaira-r3.xlsx", "sado-2006.xlsx"].map((f) => resolve(seeds, f));

/** Everything a run wrote, in order: standard output's lines and the progress lines. */
async function cli(...argv: string[]) {
  const events: string[] = [];
  const out: string[] = [];
  const io: CliIo = {
    out: (line) => {
      out.push(line);
      events.push(`out ${line.slice(0, 20)}`);
    },
    err: (line) => events.push(`err ${line}`),
    progress: (line) => events.push(`progress ${line}`),
    version: "0",
  };
  const code = await run(argv, io);
  return { code, out: out.join("\n"), events };
}

/** Values as the JSON of a run holds them: strings with control characters, line breaks, separators. */
const value = fc.jsonValue().chain((v) => fc.constantFrom(v, { text: "\u001b[2J\n\u2028\u2029\u202e行" }, [v, "\t"]));

describe("JSON written as each file is done", () => {
  it("--json: the same bytes as jsonText of the whole run (one value, or an array of them)", () => {
    fc.assert(
      fc.property(fc.array(value, { maxLength: 4 }), (values) => {
        const lines: string[] = [];
        const json = new JsonOut({ out: (line) => lines.push(line), err: () => undefined, version: "0" }, "json");
        for (const v of values) json.write(v);
        json.end();
        const expected = values.length === 0 ? [] : [jsonText(values.length === 1 ? values[0] : values)];
        expect(lines.join("\n")).toBe(expected.join("\n"));
      }),
      { numRuns: 500 },
    );
  });

  it("--json-lines: one line per value, read back as the value, no character a reader takes for a line end", () => {
    fc.assert(
      fc.property(value, (v) => {
        const line = jsonLine(v);
        expect(line).not.toMatch(/[\n\r\u2028\u2029]/);
        expect(JSON.parse(line)).toEqual(JSON.parse(JSON.stringify(v)));
      }),
      { numRuns: 500 },
    );
  });

  it("check --json-lines writes each file's line before the next file is read, the same objects as --json", async () => {
    const lines = await cli("check", "--json-lines", ...SAMPLES);
    const whole = await cli("check", "--json", ...SAMPLES);
    expect(lines.out.split("\n").map((l) => JSON.parse(l))).toEqual(JSON.parse(whole.out));
    // Reading the second file comes after the first file's line.
    const reading = (file: string) => lines.events.findIndex((e) => e.startsWith("progress") && e.includes(file));
    const written = lines.events.map((e, i) => (e.startsWith("out ") ? i : -1)).filter((i) => i >= 0);
    expect(written).toHaveLength(SAMPLES.length);
    expect(written[0]).toBeLessThan(reading(SAMPLES[1] as string));
    expect(written[1]).toBeLessThan(reading(SAMPLES[2] as string));
  });

  it("check --json writes the first file's object as soon as the second is done, not at the end", async () => {
    const whole = await cli("check", "--json", ...SAMPLES);
    const firstOut = whole.events.findIndex((e) => e.startsWith("out "));
    expect(firstOut).toBeLessThan(whole.events.findIndex((e) => e.startsWith("progress") && e.includes(SAMPLES[2] as string)));
  });

  it("refuses --json with --json-lines, and says --json-lines in check's help", async () => {
    const both = await cli("check", "--json", "--json-lines", SAMPLES[0] as string);
    expect(both.code).toBe(EXIT_USAGE);
    expect(both.events).toEqual(["err --json と --json-lines はどちらか一方を指定してください"]);
    for (const lang of ["ja", "en"]) {
      const help = (await cli("check", "--help", "--lang", lang)).out.split("\n");
      const json = help.findIndex((l) => l.startsWith("  --json "));
      expect(help[json + 1]).toMatch(/^ {2}--json-lines {5}\S/);
    }
  });
});

describe("the memo of a run", () => {
  it("counts what it holds, and forgets it when cleared", () => {
    const memo = new Memo();
    const a = { name: "a" };
    const b = { name: "b" };
    memo.get(a, "x", () => 1);
    memo.get(a, "y", () => 2);
    memo.get(b, "x", () => 3);
    expect(memo.size()).toBe(3);
    memo.clear();
    expect(memo.size()).toBe(0);
  });
});

describe("a year grid's other years in check's output", () => {
  /** The table of tests/unit/yearsTrend.test.ts as a file: two years, the later one evaluated. */
  async function yearGrid(): Promise<string> {
    const { default: ExcelJS } = await import("exceljs");
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet("表");
    sheet.addRows([
      ["改革項目", "平成17年度目標", "平成17年度実績", "平成18年度目標", "平成18年度実績", "評価"],
      ["職員数の削減", "職員数 500人以下", "職員数 498人", "職員数 490人以下", "職員数 495人", "A"],
      ["収納率の向上", "収納率 95%", "収納率 95.2%", "収納率 96%", "収納率 96.5%", "A"],
    ]);
    const dir = mkdtempSync(join(tmpdir(), "plan-progress-years-"));
    const file = join(dir, "years.xlsx");
    writeFileSync(file, new Uint8Array(await book.xlsx.writeBuffer()));
    return file;
  }

  it("--json gives each finding its years (oldest first, with the line the pane shows); the text says them under the finding", async () => {
    const file = await yearGrid();
    try {
      const json = JSON.parse((await cli("check", "--json", file)).out) as { findings: { code: string; item: string | null; years?: unknown[] }[] };
      const overstated = json.findings.find((f) => f.code === "RATING_OVERSTATED");
      expect(overstated?.item).toBe("1");
      expect(overstated?.years).toEqual([{ fiscalYear: 2005, plan: "職員数 500人以下", result: "職員数 498人", text: "2005年度: 目標 職員数 500人以下 / 実績 職員数 498人" }]);
      // The key stands after the evidence, only on findings about a rating.
      expect(Object.keys(overstated ?? {})).toEqual(["code", "severity", "item", "row", "column", "message", "evidence", "years", "suggested"]);
      expect(json.findings.filter((f) => f.years !== undefined).every((f) => f.code.startsWith("RATING_") || f.code === "PARENT_CHILD_MISMATCH")).toBe(true);
      const en = JSON.parse((await cli("check", "--json", "--lang", "en", file)).out) as { findings: { code: string; years: { text: string }[] }[] };
      expect(en.findings.find((f) => f.code === "RATING_OVERSTATED")?.years[0]?.text).toBe("FY2005: target 職員数 500人以下 / result 職員数 498人");

      const text = (await cli("check", file)).out.split("\n");
      const at = text.findIndex((l) => l.includes("RATING_OVERSTATED"));
      expect(at).toBeGreaterThanOrEqual(0);
      expect(text[at + 1]).toBe("  推移 2005年度: 目標 職員数 500人以下 / 実績 職員数 498人");
      const english = (await cli("check", "--lang", "en", file)).out.split("\n");
      expect(english[english.findIndex((l) => l.includes("RATING_OVERSTATED")) + 1]).toBe("  trend FY2005: target 職員数 500人以下 / result 職員数 498人");
      // Only findings with years are followed by such a line.
      expect(text.filter((l) => l.startsWith("  推移 "))).toHaveLength(json.findings.reduce((n, f) => n + (f.years?.length ?? 0), 0));
    } finally {
      rmSync(dirname(file), { recursive: true, force: true });
    }
  });

  it("writes no years where the table is not a year grid: the findings as they always were", async () => {
    const json = JSON.parse((await cli("check", "--json", SAMPLES[0] as string)).out) as { findings: Record<string, unknown>[] };
    expect(json.findings.length).toBeGreaterThan(0);
    expect(json.findings.every((f) => !("years" in f))).toBe(true);
    expect((await cli("check", SAMPLES[0] as string)).out).not.toMatch(/^ {2}推移 /m);
  });
});
