import { execFileSync, spawnSync } from "node:child_process";
import { closeSync, mkdtempSync, openSync, readFileSync, readdirSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { INPUT_LIMIT_BYTES, readFailureText, readUserFile, writeOutput } from "../../src/cli/files";
import { CLI_MESSAGES } from "../../src/cli/messages";
import { EXIT_USAGE } from "../../src/cli/run";
import { cli } from "../support/cli";
import { oneLine, visible } from "../../src/cli/terminal";
import { ZIP_LIMITS } from "../../src/xlsx/zip";
import { HEADER_CELLS, dataRow, sheetXml, workbookFile } from "../support/hostile";


const SAMPLE = resolve(__dirname, "../../seeds/kodaira-r2.xlsx");
const folder = () => mkdtempSync(join(tmpdir(), "plan-progress-files-"));

describe("inputs that never end", () => {
  it("refuses a character device (/dev/zero) at once, without reading it", async () => {
    const started = Date.now();
    const check = await cli("check", "/dev/zero");
    expect(check.code).toBe(EXIT_USAGE);
    expect(check.err).toBe("通常のファイルではありません（デバイスや名前付きパイプは読みません）。.xlsx ファイルを指定してください: /dev/zero");
    expect(Date.now() - started).toBeLessThan(5_000);
    expect((await cli("metrics", "x")).code).toBe(0);
  });

  it("refuses a named pipe (FIFO) without waiting for a writer, for every command that reads a file", async () => {
    const dir = folder();
    const fifo = join(dir, "pipe.xlsx");
    execFileSync("mkfifo", [fifo]);
    for (const argv of [["check", fifo], ["diff", fifo, SAMPLE], ["report", fifo, "-o", join(dir, "o.xlsx")], ["import-text", fifo, "-o", join(dir, "p.xlsx")]]) {
      const result = await cli(...argv);
      expect(result.code, argv[0]).toBe(EXIT_USAGE);
      expect(result.err, argv[0]).toContain("通常のファイルではありません");
    }
    expect(readdirSync(dir)).toEqual(["pipe.xlsx"]);
  });

  it("refuses a file larger than the reader's bound by its size, before reading it (a sparse file of 600 MB)", async () => {
    const big = join(folder(), "big.xlsx");
    closeSync(openSync(big, "w"));
    truncateSync(big, 600 * 1024 * 1024);
    const started = Date.now();
    const check = await cli("check", big);
    expect(check.code).toBe(EXIT_USAGE);
    expect(check.err).toContain("ファイルが大きすぎるため読み込みを中止しました");
    expect(check.err).toContain("上限 512 MB");
    // Where the caller passes the size read, the message says it.
    const read = await readUserFile(big);
    expect(read).toEqual({ failure: "tooLarge", bytes: 600 * 1024 * 1024 });
    expect("failure" in read && readFailureText(read.failure, big, CLI_MESSAGES.ja, read.bytes)).toContain("（600 MB、上限 512 MB）");
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it("reads a regular file to its end whatever size it claims, and never past the bound", async () => {
    // /proc files say they are empty and are not: the size a file claims is not what is read.
    const proc = await readUserFile("/proc/self/status");
    expect("failure" in proc ? proc.failure : proc.bytes.toString()).toContain("Name:");
    const file = join(folder(), "grown.bin");
    writeFileSync(file, Buffer.alloc(5000, 0x41));
    expect(await readUserFile(file, 4096)).toEqual({ failure: "tooLarge", bytes: 5000 });
    // A file that says it is empty and is not (as one that grows while read) is read one byte past the bound, no more.
    expect(await readUserFile("/proc/self/status", 100)).toEqual({ failure: "tooLarge", bytes: 101 });
    expect(await readUserFile(file, 5000)).toMatchObject({ bytes: Buffer.alloc(5000, 0x41) });
    expect(INPUT_LIMIT_BYTES).toBe(ZIP_LIMITS.fileBytes);
  });
});

describe("two runs writing the same new output", () => {
  it("publishes with a link: the second finds the name taken and says so, nothing is replaced", async () => {
    const dir = folder();
    const out = join(dir, "out.xlsx");
    expect(await writeOutput(out, new Uint8Array([1]))).toBe("written");
    expect(await writeOutput(out, new Uint8Array([2]))).toBe("exists");
    expect([...readFileSync(out)]).toEqual([1]);
    expect(await writeOutput(out, new Uint8Array([3]), { replace: true })).toBe("written");
    expect([...readFileSync(out)]).toEqual([3]);
    expect(readdirSync(dir)).toEqual(["out.xlsx"]);
  });

  it("lets exactly one of two reports to the same new name succeed; the other says the output exists", async () => {
    const dir = folder();
    const out = join(dir, "report.xlsx");
    const [a, b] = await Promise.all([cli("report", SAMPLE, "-o", out), cli("report", SAMPLE, "-o", out)]);
    expect([a.code, b.code].sort()).toEqual([0, EXIT_USAGE]);
    expect([a.err, b.err].join("")).toContain("出力先のファイルが既にあります");
    expect(readdirSync(dir)).toEqual(["report.xlsx"]);
    // With --force both replace it, one after the other.
    const [c, d] = await Promise.all([cli("report", SAMPLE, "-o", out, "--force"), cli("report", SAMPLE, "-o", out, "--force")]);
    expect([c.code, d.code]).toEqual([0, 0]);
    expect(readdirSync(dir)).toEqual(["report.xlsx"]);
  });
});

describe("line feeds and tabs from a workbook", () => {
  it("are shown as visible signs by oneLine, and tabs in every line", () => {
    expect(oneLine("a\nb\tc\r\nd\u2028e\u2029f\u0085")).toBe("a␊b␉c␍␊d<U+2028>e<U+2029>f<U+0085>");
    expect(visible("a\tb")).toBe("a␉b");
    expect(visible("line one\nline two")).toBe("line one\nline two");
  });

  it("keep one line per refusal: a sheet name with a line feed in an error line", async () => {
    const sheet = sheetXml([...HEADER_CELLS, ...dataRow(2, { A: "分野", B: 1, D: "項目", E: "課", F: "A" }), ["F1048576", "A"]]);
    const workbook = `<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="進捗&#10;管理&#9;表" sheetId="1" r:id="rId1"/></sheets></workbook>`;
    const file = join(folder(), "lf.xlsx");
    writeFileSync(file, workbookFile(sheet, { "xl/workbook.xml": workbook }));
    const child = spawnSync(process.execPath, ["--import", "tsx", resolve(__dirname, "../../src/cli/main.ts"), "check", file], { encoding: "utf8" });
    expect(child.status).toBe(EXIT_USAGE);
    const lines = child.stderr.split("\n").filter(Boolean);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^plan-progress: .*シート「進捗␊管理␉表」/);
  });
});
