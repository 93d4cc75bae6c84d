import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { build } from "esbuild";
import { describe, expect, it } from "vitest";
import { excelValues } from "../support/excelValues";
import { routeOfficeJs, screenshot } from "../support/browser";
import { servedBrowser } from "../support/session";

/**
 * The pane inside a stubbed Excel: office.js replaced by a stub whose host is Excel, and Excel.run by
 * the strict fake of tests/support/fakeExcel.ts (bundled for the browser) holding the sample's table.
 */
const browser = servedBrowser();

async function fakeExcelScript(): Promise<string> {
  const bundle = await build({
    entryPoints: [resolve(__dirname, "../support/fakeExcel.ts")],
    bundle: true,
    format: "iife",
    globalName: "FakeExcelModule",
    platform: "browser",
    write: false,
  });
  // The sample as Excel's own range.values would hold it (dates as serials), read from the file.
  const sheets = await excelValues(readFileSync(resolve(__dirname, "../../seeds/kodaira-r2.xlsx")));
  return `
    ${bundle.outputFiles[0]?.text ?? ""}
    window.__fake = new FakeExcelModule.FakeExcel(${JSON.stringify(sheets.map((s) => s.name))});
    for (const s of ${JSON.stringify(sheets)}) FakeExcelModule.putGrid(window.__fake, s.name, s.values, { formats: s.formats, merges: s.merges });
    window.__created = [];
    window.Excel = { run: window.__fake.run, createWorkbook: async (base64) => { window.__created.push(base64); } };
    window.CustomFunctions = { associate() {}, Error: class extends Error {}, ErrorCode: {} };
    window.__actions = {};
    window.__completed = 0;
    window.Office = {
      HostType: { Excel: "Excel" },
      context: { displayLanguage: "ja-JP" },
      onReady: () => Promise.resolve({ host: "Excel", platform: "PC" }),
      actions: { associate: (id, fn) => { window.__actions[id] = fn; } },
      addin: { showAsTaskpane: () => Promise.resolve() },
    };
  `;
}

/** The pane in a stubbed Excel holding the sample, at a width; page errors collected. */
async function excelPane(width: number, height: number) {
  const context = await browser.session().browser.newContext({ locale: "ja-JP", viewport: { width, height } });
  await routeOfficeJs(context, "empty");
  await context.addInitScript(await fakeExcelScript());
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto(`${browser.server().url}/taskpane.html`);
  return { context, page, errors };
}

interface FakeState {
  selection?: { sheet: string; row: number; column: number };
  sheets: { name: string }[];
  syncCount: number;
  conditionalFormats: unknown[];
}

describe("the pane in a stubbed Excel", () => {
  it("checks the open workbook, selects the finding's cell, exports the findings and makes the report", async () => {
    const { context, page, errors } = await excelPane(460, 1000);
    expect(await page.getByTestId("host-mode").getAttribute("data-host")).toBe("excel");
    const fake = () => page.evaluate(() => (window as unknown as { __fake: FakeState }).__fake).then((f) => ({ ...f, sheets: f.sheets.map((s) => s.name) }));

    // The ribbon's 「整合性チェック」 button (ExecuteFunction runCheck) runs the check in the pane.
    await page.evaluate(() =>
      (window as unknown as { __actions: Record<string, (e: { completed(): void }) => Promise<void>> }).__actions.runCheck?.({
        completed: () => ((window as unknown as { __completed: number }).__completed += 1),
      }),
    );
    await page.getByTestId("check-summary").waitFor();
    expect(await page.evaluate(() => (window as unknown as { __completed: number }).__completed)).toBe(1);
    expect(await page.getByTestId("summary-error").innerText()).toMatch(/^1\s/);
    expect((await fake()).syncCount).toBe(2);

    await page.locator("#finding-0").click();
    await expect.poll(async () => (await fake()).selection).toEqual({ sheet: "進捗管理表", row: 21, column: 5 });
    await screenshot(page, "excel-check-ja", false);

    await page.getByRole("button", { name: "「チェック結果」シートに出力" }).click();
    await page.getByTestId("notice").waitFor();
    await page.getByRole("button", { name: "セルに印を付ける" }).click();
    await expect.poll(async () => (await fake()).conditionalFormats.length).toBe(3);
    await page.getByRole("button", { name: "印を消す" }).click();
    await expect.poll(async () => (await fake()).conditionalFormats.length).toBe(0);

    await page.getByRole("button", { name: "レポート作成" }).click();
    await page.getByTestId("report-message").waitFor();
    expect(await page.getByTestId("report-message").innerText()).toContain("「進捗状況レポート」シートを作成しました");
    const sheets = (await fake()).sheets;
    expect(sheets).toEqual(expect.arrayContaining(["進捗管理表", "チェック結果", "進捗状況レポート", "計画進捗チェッカー設定"]));
    expect(errors).toEqual([]);
    await context.close();
  });

  it("keeps one check at a time when the ribbon asks twice, and says in Japanese why each action failed", async () => {
    const { context, page, errors } = await excelPane(460, 1000);
    await page.getByTestId("host-mode").waitFor();
    type Win = { __fake: FakeState & { failAtSync?: number }; __actions: Record<string, (e: { completed(): void }) => Promise<void>> };

    // Two clicks of 「整合性チェック」 at once: the second finds the pane busy and does not start a check.
    await page.evaluate(() => {
      const w = window as unknown as Win;
      void w.__actions.runCheck?.({ completed: () => undefined });
      void w.__actions.runCheck?.({ completed: () => undefined });
    });
    await page.getByTestId("check-summary").waitFor();
    expect(await page.evaluate(() => (window as unknown as Win).__fake.syncCount)).toBe(2);

    // Each action whose request fails says so in Japanese, and the pane stays usable.
    const syncs = () => page.evaluate(() => (window as unknown as Win).__fake.syncCount);
    let before = 0;
    const failNext = async () => {
      before = await syncs();
      await page.evaluate(() => ((window as unknown as Win).__fake.failAtSync = (window as unknown as Win).__fake.syncCount + 1));
    };
    // The failed request happened, and this action's own message says so.
    const expectFailure = async () => {
      await expect.poll(syncs).toBeGreaterThan(before);
      expect(await page.getByTestId("pane-error").innerText()).toContain("Excel での処理に失敗しました");
    };
    for (const name of ["「チェック結果」シートに出力", "セルに印を付ける", "印を消す"]) {
      await failNext();
      await page.getByRole("button", { name }).click();
      await expectFailure();
    }
    await failNext();
    await page.getByRole("button", { name: "評価を B に変更" }).click();
    await page.getByRole("button", { name: "変更する" }).click();
    await expectFailure();
    await failNext();
    await page.getByRole("button", { name: "無視…" }).first().click();
    await page.getByRole("textbox").fill("説明済み");
    await page.getByRole("button", { name: "無視する" }).click();
    await expectFailure();
    expect(errors).toEqual([]);
    await context.close();
  });

  it("sets entry rules on the open workbook and opens next year's table as a new workbook", async () => {
    const { context, page } = await excelPane(360, 900);
    await page.getByTestId("run-check").click();
    await page.getByTestId("check-summary").waitFor();
    await page.getByRole("button", { name: "年度をまたぐ作業" }).click();
    await page.getByTestId("guard-set").click();
    expect(await page.getByTestId("guard-message").innerText()).toBe("入力規則を設定しました。");
    type Sheet = { validations: Map<string, { type: string; prompt?: { title: string } }> };
    const rating = await page.evaluate(() => {
      const fake = (window as unknown as { __fake: { sheet(name: string): Sheet } }).__fake;
      const cell = fake.sheet("進捗管理表").validations.get("21,5");
      return cell ? { type: cell.type, title: cell.prompt?.title } : undefined;
    });
    expect(rating).toEqual({ type: "List", title: "計画進捗チェッカー" });
    await page.getByTestId("rollover").click();
    expect(await page.getByTestId("rollover-message").innerText()).toContain("令和3年度の表を新しいブックで開きました");
    const created = await page.evaluate(() => (window as unknown as { __created: string[] }).__created);
    expect(created).toHaveLength(1);
    expect(created[0]?.startsWith("UEsDB")).toBe(true); // a zip: an .xlsx
    await context.close();
  });
});
