import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { build } from "esbuild";
import ExcelJS from "exceljs";
import { unzipSync } from "fflate";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { routeOfficeJs, screenshot } from "../support/browser";
import { fillWithExcelJs } from "../support/answers";
import { excelValues } from "../support/excelValues";
import { servedBrowser } from "../support/session";

/**
 * The round trip in the pane (docs/roundtrip.md): in file mode, the forms downloaded as one zip, the
 * answers dropped back, the preview, the merge applied and undone, the CSV; in a stubbed Excel (the
 * strict fake of tests/support/fakeExcel.ts), each form opened as a new workbook and the answers merged
 * into the open workbook.
 */
const browser = servedBrowser();
const R2 = resolve(__dirname, "../../seeds/kodaira-r2.xlsx");

async function filePane(width = 360) {
  const context = await browser.session().browser.newContext({ locale: "ja-JP", viewport: { width, height: 900 }, acceptDownloads: true });
  await routeOfficeJs(context, "local-copy");
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto(`${browser.server().url}/taskpane.html`, { waitUntil: "domcontentloaded" });
  return { page, errors, close: () => context.close() };
}

async function download(page: Page, click: () => Promise<void>): Promise<{ name: string; bytes: Uint8Array }> {
  const event = page.waitForEvent("download");
  await click();
  const file = await event;
  return { name: file.suggestedFilename(), bytes: new Uint8Array(readFileSync((await file.path()) ?? "")) };
}

async function openSection(page: Page) {
  await page.getByTestId("run-check").click();
  await page.getByTestId("check-summary").waitFor();
  await page.getByRole("button", { name: "担当課との調書のやりとり" }).click();
  await page.getByTestId("roundtrip-panel").waitFor();
}

/** Two departments' answers, written to files the page can be given. */
async function answers(forms: Record<string, Uint8Array>): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), "pp-answers-"));
  const policy = forms["令和2年度_進捗調書_政策課.xlsx"];
  const citizens = forms["令和2年度_進捗調書_市民課.xlsx"];
  if (!policy || !citizens) throw new Error("the forms of 政策課 and 市民課");
  const files = {
    "政策課.xlsx": await fillWithExcelJs(policy, { edits: [{ item: "12", field: "rating", value: "B" }] }),
    "市民課.xlsx": await fillWithExcelJs(citizens, { edits: [{ item: "35", field: "rating", value: "S" }] }),
  };
  return Object.entries(files).map(([name, bytes]) => {
    const path = join(dir, name);
    writeFileSync(path, bytes);
    return path;
  });
}

describe("the round trip in file mode", () => {
  it("downloads the forms as one zip, previews the answers dropped back, merges them, undoes the merge, and writes CSV", async () => {
    const { page, errors, close } = await filePane();
    await page.getByTestId("file-input").setInputFiles(R2);
    await page.getByTestId("loaded").waitFor();
    await openSection(page);
    await page.getByTestId("split-deadline").fill("2021-05-14");
    await page.getByTestId("split-contact").fill("行政経営課 内線 2345");
    await page.getByTestId("roundtrip-panel").scrollIntoViewIfNeeded();
    await screenshot(page, "roundtrip-split-360", false);
    const zip = await download(page, () => page.getByTestId("split-make").click());
    expect(zip.name).toBe("令和2年度_課ごとの調書.zip");
    const forms = unzipSync(zip.bytes);
    expect(Object.keys(forms)).toHaveLength(30);
    expect(await page.getByTestId("split-message").innerText()).toContain("30 課分の調書を zip でダウンロードしました");
    const form = new ExcelJS.Workbook();
    await form.xlsx.load(forms["令和2年度_進捗調書_政策課.xlsx"] as unknown as ArrayBuffer);
    expect(String(form.getWorksheet("調書")?.getCell("A1").value)).toContain("締切 令和3年5月14日（金）");
    expect(form.getWorksheet("記入のしかた")?.getCell("A6").value).toBe("行政経営課 内線 2345");

    await page.getByTestId("merge-input").setInputFiles(await answers(forms));
    await page.getByTestId("merge-preview").waitFor();
    expect(await page.getByTestId("merge-summary").innerText()).toBe("取り込む前の確認: 2 ファイル、変更 2 セル、衝突 0 件");
    expect(await page.getByTestId("merge-change").allInnerTexts()).toEqual(["No.12 評価: 「A」 → 「B」", "No.35 評価: 「A」 → 「S」"]);
    expect(await page.locator('[data-testid="merge-status"] tr[data-department="情報政策課"]').getAttribute("data-answered")).toBe("no");
    expect(await page.locator('[data-testid="merge-status"] tr[data-department="政策課"]').getAttribute("data-answered")).toBe("yes");
    await page.getByTestId("merge-preview").scrollIntoViewIfNeeded();
    await screenshot(page, "roundtrip-preview-360", false);

    await page.getByTestId("merge-apply").click();
    await expect.poll(() => page.getByTestId("merge-message").innerText()).toContain("2 セルを取り込みました");
    const merged = await download(page, () => page.getByTestId("save-workbook").click());
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(merged.bytes as unknown as ArrayBuffer);
    expect(book.getWorksheet("進捗管理表")?.getCell("F22").value).toBe("B");
    expect(book.getWorksheet("取込履歴")?.getCell("J3").value).toBe("B");

    await page.getByTestId("history-load").click();
    await page.getByTestId("history-merges").waitFor();
    await page.getByTestId("history-merges").scrollIntoViewIfNeeded();
    await screenshot(page, "roundtrip-history-360", false);
    await page.getByTestId("history-undo").click();
    await expect.poll(() => page.getByTestId("history-message").innerText()).toContain("2 セルを元に戻しました");
    const undone = await download(page, () => page.getByTestId("save-workbook").click());
    const restored = new ExcelJS.Workbook();
    await restored.xlsx.load(undone.bytes as unknown as ArrayBuffer);
    expect(restored.getWorksheet("進捗管理表")?.getCell("F22").value).toBe("A");

    const csv = await download(page, () => page.getByTestId("csv-items").click());
    expect(csv.name).toBe("進捗管理表.csv");
    expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(errors).toEqual([]);
    await close();
  });
});

async function fakeExcelScript(): Promise<string> {
  const bundle = await build({ entryPoints: [resolve(__dirname, "../support/fakeExcel.ts")], bundle: true, format: "iife", globalName: "FakeExcelModule", platform: "browser", write: false });
  const sheets = await excelValues(readFileSync(R2));
  return `
    ${bundle.outputFiles[0]?.text ?? ""}
    window.__fake = new FakeExcelModule.FakeExcel(${JSON.stringify(sheets.map((s) => s.name))});
    for (const s of ${JSON.stringify(sheets)}) FakeExcelModule.putGrid(window.__fake, s.name, s.values, { formats: s.formats, merges: s.merges });
    for (const s of ${JSON.stringify(sheets.map((s) => [s.name, s.visibility]))}) window.__fake.sheet(s[0]).visibility = s[1];
    window.__created = [];
    window.Excel = { run: window.__fake.run, createWorkbook: async (base64) => { window.__created.push(base64); } };
    window.CustomFunctions = { associate() {}, Error: class extends Error {}, ErrorCode: {} };
    window.Office = {
      HostType: { Excel: "Excel" },
      context: { displayLanguage: "ja-JP" },
      onReady: () => Promise.resolve({ host: "Excel", platform: "PC" }),
      actions: { associate() {} },
      addin: { showAsTaskpane: () => Promise.resolve() },
    };
  `;
}

describe("the round trip in a stubbed Excel", () => {
  it("opens each department's form as a new workbook, and merges the answers into the open workbook through the port", async () => {
    const context = await browser.session().browser.newContext({ locale: "ja-JP", viewport: { width: 460, height: 1000 } });
    await routeOfficeJs(context, "empty");
    await context.addInitScript(await fakeExcelScript());
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(`${browser.server().url}/taskpane.html`);
    await openSection(page);
    await page.getByTestId("split-make").click();
    await page.getByTestId("split-files").waitFor();
    expect(await page.getByTestId("split-files").locator("li").count()).toBe(30);
    await page.getByTestId("split-files").locator("li", { hasText: "政策課（8行）" }).first().getByRole("button").click();
    await expect.poll(() => page.evaluate(() => (window as unknown as { __created: string[] }).__created.length)).toBe(1);
    const base64 = await page.evaluate(() => (window as unknown as { __created: string[] }).__created[0] ?? "");
    const form = new Uint8Array(Buffer.from(base64, "base64"));
    const dir = mkdtempSync(join(tmpdir(), "pp-excel-"));
    const answer = join(dir, "政策課.xlsx");
    writeFileSync(answer, await fillWithExcelJs(form, { edits: [{ item: "12", field: "rating", value: "B" }] }));
    await page.getByTestId("merge-input").setInputFiles(answer);
    await page.getByTestId("merge-preview").waitFor();
    await page.getByTestId("merge-apply").click();
    await expect.poll(() => page.getByTestId("merge-message").innerText()).toContain("1 セルを取り込みました");
    const cell = () => page.evaluate(() => (window as unknown as { __fake: { sheet(n: string): { get(r: number, c: number): { value: unknown } | undefined } } }).__fake.sheet("進捗管理表").get(21, 5)?.value);
    expect(await cell()).toBe("B");
    await page.getByTestId("history-load").click();
    await page.getByTestId("history-undo").click();
    await expect.poll(() => page.getByTestId("history-message").innerText()).toContain("1 セルを元に戻しました");
    expect(await cell()).toBe("A");
    expect(errors).toEqual([]);
    await context.close();
  });
});
