import { resolve } from "node:path";
import ExcelJS from "exceljs";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { routeOfficeJs, screenshot } from "../support/browser";
import { servedBrowser } from "../support/session";

/** Work across years in file mode: compare, next year's table, entry rules, findings per department. */
const browser = servedBrowser();
const R2 = resolve(__dirname, "../../seeds/kodaira-r2.xlsx");
const R3 = resolve(__dirname, "../../seeds/kodaira-r3.xlsx");

async function pane(width = 360) {
  const context = await browser.session().browser.newContext({ locale: "ja-JP", viewport: { width, height: 900 }, acceptDownloads: true });
  await routeOfficeJs(context, "local-copy");
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto(`${browser.server().url}/taskpane.html`, { waitUntil: "domcontentloaded" });
  return { page, errors, close: () => context.close() };
}

async function openAndCheck(page: Page, file: string) {
  await page.getByTestId("file-input").setInputFiles(file);
  await page.getByTestId("loaded").waitFor();
  await page.getByTestId("run-check").click();
  await page.getByTestId("check-summary").waitFor();
}

async function downloaded(page: Page, click: () => Promise<void>): Promise<{ name: string; workbook: ExcelJS.Workbook }> {
  const download = page.waitForEvent("download");
  await click();
  const file = await download;
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile((await file.path()) ?? "");
  return { name: file.suggestedFilename(), workbook };
}

describe("across years, in file mode", () => {
  it("compares this year's workbook with last year's, and writes the comparison as a sheet", async () => {
    const { page, errors, close } = await pane();
    await openAndCheck(page, R3);
    await page.getByRole("button", { name: "年度をまたぐ作業" }).click();
    await page.getByTestId("compare-input").setInputFiles(R2);
    await page.getByTestId("diff").waitFor();
    expect(await page.getByTestId("diff").innerText()).toContain("前年度との比較（令和2年度 → 令和3年度）");
    const codes = await page.getByTestId("diff").locator("li[data-code]").evaluateAll((items) => items.map((li) => `${li.getAttribute("data-code")} ${li.getAttribute("data-item")}`));
    expect(codes).toEqual([
      "RESULT_UNCHANGED_RATING_UP 8",
      "RATING_DOWN 12",
      "ITEM_REMOVED 42",
      "TARGET_CHANGED 9",
      "RATING_UP 37",
      "ITEM_RENUMBERED 42",
      "ITEM_ADDED 43",
    ]);
    expect(await page.getByTestId("diff-summary").innerText()).toBe("✖ エラー 1・▲ 警告 2・ℹ 情報 4");
    expect(await page.getByTestId("movement").innerText()).toContain("項目 7・上がった 1・下がった 0・変わらない 5・新しい項目 1");
    await page.getByTestId("diff").scrollIntoViewIfNeeded();
    await screenshot(page, "years-compare-360", false);
    const { workbook } = await downloaded(page, () => page.getByRole("button", { name: "比較結果をシートに出力" }).click());
    const sheet = workbook.getWorksheet("前年度との比較");
    expect(sheet?.getCell("A3").value).toBe("エラー");
    expect(errors).toEqual([]);
    await close();
  });

  it("makes next year's table as a download, with ratings and results empty and the year moved on", async () => {
    const { page, close } = await pane();
    await openAndCheck(page, R2);
    await page.getByRole("button", { name: "年度をまたぐ作業" }).click();
    const { name, workbook } = await downloaded(page, () => page.getByTestId("rollover").click());
    expect(name).toBe("kodaira-r2（令和3年度）.xlsx");
    const table = workbook.getWorksheet("進捗管理表");
    expect(table?.getCell("H1").value).toBe("令和3年度当初予定（目標値）");
    expect(table?.getCell("I1").value).toBe("取組実績（令和4年3月末実績値）");
    expect(table?.getCell("F22").value).toBeNull();
    expect(table?.getCell("D22").value).toBe("行政評価の実施");
    expect(await page.getByTestId("rollover-message").innerText()).toContain("令和3年度の表をダウンロードしました");
    await close();
  });

  it("sets the entry rules in the workbook, and removes them", async () => {
    const { page, close } = await pane();
    await openAndCheck(page, R2);
    await page.getByRole("button", { name: "年度をまたぐ作業" }).click();
    await page.getByTestId("guard-set").click();
    expect(await page.getByTestId("guard-message").innerText()).toBe("入力規則を設定しました。");
    const { workbook } = await downloaded(page, () => page.getByTestId("save-workbook").click());
    expect(workbook.getWorksheet("進捗管理表")?.getCell("F22").dataValidation).toMatchObject({ type: "list", formulae: ['"S,A,B,-"'] });
    await page.getByTestId("guard-clear").click();
    // The message of the setting stands until the clearing is done: wait for the new one.
    await expect.poll(() => page.getByTestId("guard-message").innerText()).toContain("解除しました");
    await close();
  });

  it("filters the findings by department, and writes one sheet per department", async () => {
    const { page, close } = await pane();
    await openAndCheck(page, R2);
    await page.getByTestId("department-filter").selectOption("政策課");
    const departments = await page.locator('[data-testid="finding"]').evaluateAll((cards) => cards.length);
    expect(departments).toBeGreaterThan(0);
    expect(await page.getByTestId("finding-position").innerText()).toMatch(/^1 \/ \d+ 件目$/);
    // Every card of the (open) list belongs to 政策課.
    for (const text of await page.locator('[data-testid="finding"]').allInnerTexts()) expect(text).toContain("担当: 政策課");
    await page.getByTestId("department-filter").selectOption("");
    const { workbook } = await downloaded(page, () => page.getByTestId("export-departments").click());
    const names = workbook.worksheets.map((s) => s.name);
    expect(names).toContain("チェック結果（政策課）");
    expect(names.filter((n) => n.startsWith("チェック結果（")).length).toBeGreaterThan(5);
    await close();
  });
});
