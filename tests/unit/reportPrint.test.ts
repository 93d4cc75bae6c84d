import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeOwnReport } from "../../src/core/actions/sheets";
import { MIN_PRINTED_POINTS, printableWidth } from "../../src/core/report/layout";
import { pageGeometry, printedPages } from "../../src/core/report/pages";
import { workbookReportPlan, type SheetPlan } from "../../src/core/report/plan";
import { DEFAULT_SETTINGS } from "../../src/core/workbook/settings";
import { XlsxWorkbookPort } from "../../src/xlsx/workbookPort";

/**
 * The report as LibreOffice prints it: the samples' report sheets converted to PDF (a second,
 * independent spreadsheet engine, without Microsoft's fonts: DejaVu Sans and Noto Sans CJK stand in),
 * then read back with `pdftotext -bbox`, word by word, in points. CI installs LibreOffice and poppler;
 * without them these tests are skipped.
 */
const has = (command: string) => spawnSync("sh", ["-c", `command -v ${command}`]).status === 0;
const CAN_RENDER = has("soffice") && has("pdftotext");

interface Word {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  text: string;
}
interface Page {
  width: number;
  height: number;
  words: Word[];
}

/** The pages of a PDF and their words, from `pdftotext -bbox` (XHTML, coordinates in points). */
function pdfWords(pdf: string): Page[] {
  const html = execFileSync("pdftotext", ["-bbox", pdf, "-"], { encoding: "utf8" });
  return html
    .split("<page ")
    .slice(1)
    .map((chunk) => {
      const [, width, height] = /width="([\d.]+)" height="([\d.]+)"/.exec(chunk) ?? [];
      const words = [...chunk.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({
        x0: Number(m[1]),
        y0: Number(m[2]),
        x1: Number(m[3]),
        y1: Number(m[4]),
        text: m[5] ?? "",
      }));
      return { width: Number(width), height: Number(height), words };
    });
}

/** Kana and kanji: each is one em wide in every Japanese font, so a run's advance per character is its size. */
const KANA_KANJI = /^[\u3041-\u3096\u30a1-\u30fa\u30fc\u4e00-\u9fff]+$/u;
const printedSize = (word: Word) => (word.x1 - word.x0) / [...word.text].length;

const SAMPLES = ["kodaira-r2", "arao-2009"] as const;
const rendered = new Map<string, { plan: SheetPlan; pages: Page[] }>();
let dir = "";

beforeAll(async () => {
  if (!CAN_RENDER) return;
  dir = mkdtempSync(join(tmpdir(), "report-print-"));
  for (const name of SAMPLES) {
    const port = await XlsxWorkbookPort.load(readFileSync(resolve(__dirname, `../../seeds/${name}.xlsx`)));
    const { table, settings } = await port.read();
    const plan = workbookReportPlan(table, settings?.settings ?? DEFAULT_SETTINGS);
    // The report alone in a workbook, written as users get it (print area, breaks, chart).
    const empty = new ExcelJS.Workbook();
    empty.addWorksheet("空");
    const only = await XlsxWorkbookPort.fromWorkbook(empty);
    await writeOwnReport(only, plan);
    writeFileSync(join(dir, `${name}.xlsx`), await only.save());
    rendered.set(name, { plan, pages: [] });
  }
  // One LibreOffice run for both files, with a profile of its own.
  const profile = pathToFileURL(join(dir, "profile")).href;
  execFileSync("soffice", ["--headless", `-env:UserInstallation=${profile}`, "--convert-to", "pdf", "--outdir", dir, ...SAMPLES.map((n) => join(dir, `${n}.xlsx`))], {
    stdio: "ignore",
    timeout: 90_000,
  });
  for (const name of SAMPLES) {
    const entry = rendered.get(name);
    if (entry) entry.pages = pdfWords(join(dir, `${name}.pdf`));
  }
}, 120_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("the report printed by LibreOffice (PDF)", () => {
  it("has LibreOffice and pdftotext to print and measure with (bash .ci/run installs them)", () => {
    expect(CAN_RENDER).toBe(true);
  });

  it.each(SAMPLES)("prints the pages the plan cuts, and no more (%s)", (name) => {
    const { plan, pages } = rendered.get(name)!;
    expect(pages.length).toBe(printedPages(plan).length);
    for (const page of pages) expect([Math.round(page.width), Math.round(page.height)]).toEqual([842, 595]);
  });

  it.each(SAMPLES)("prints every text at 8 pt or more on A4 landscape (%s)", (name) => {
    const { pages } = rendered.get(name)!;
    const sizes = pages.flatMap((page) => page.words.filter((w) => KANA_KANJI.test(w.text)).map(printedSize));
    expect(sizes.length).toBeGreaterThan(20);
    // The body's 9-point cells at the plan's scale: 8.0 printed; a rounding of the PDF's coordinates aside.
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(MIN_PRINTED_POINTS - 0.05);
  });

  it.each(SAMPLES)("uses the page's printable width for the table, and prints nothing beyond the margins (%s)", (name) => {
    const { plan, pages } = rendered.get(name)!;
    const printable = printableWidth(plan.print.paper, plan.print.orientation);
    const left = plan.print.margins.left * 72;
    const tablePages = pages.slice(printedPages(plan).findIndex((p) => p.first >= plan.print.titleRows[0]));
    const words = tablePages.flatMap((p) => p.words);
    const x0 = Math.min(...words.map((w) => w.x0));
    const x1 = Math.max(...words.map((w) => w.x1));
    expect(x0).toBeGreaterThanOrEqual(left);
    expect(x1).toBeLessThanOrEqual(left + printable);
    // Text runs from the first column's padding to the last column's: most of the printable width.
    expect((x1 - x0) / printable).toBeGreaterThan(0.9);
  });

  it("shows each page's stacked 分野 label whole, inside its cell, a continued 分野 too", () => {
    const { plan, pages } = rendered.get("kodaira-r2")!;
    const planned = printedPages(plan);
    const geometry = pageGeometry(plan);
    const scale = plan.print.scale / 100;
    let continued = 0;
    planned.forEach((page, i) => {
      const label = plan.cells.find((c) => c.style === "category" && c.row === page.first);
      if (!label) return;
      const words = pages[i]?.words ?? [];
      const x0 = Math.min(...words.map((w) => w.x0));
      // One character a word, down the first column.
      const chars = words.filter((w) => w.x0 < x0 + (geometry.columnWidths[0] ?? 0) * 0.6 && [...w.text].length === 1).sort((a, b) => a.y0 - b.y0);
      expect(chars.map((w) => w.text).join(""), `page ${i + 1}`).toBe(String(label.value));
      // The cell ends where the page's rows end: the label's last character above it.
      const rows = [...page.repeated, ...Array.from({ length: page.last - page.first + 1 }, (_, k) => page.first + k)];
      const bottom = geometry.margins.top + rows.reduce((sum, r) => sum + (plan.rowHeights[r] ?? 0), 0) * scale;
      expect(chars.at(-1)?.y1 ?? Infinity, `page ${i + 1}`).toBeLessThanOrEqual(bottom);
      if (String(label.value).endsWith("（続き）")) continued += 1;
    });
    expect(continued).toBeGreaterThan(0);
  });
});
