import { describe, expect, it } from "vitest";
import { routeOfficeJs, screenshot } from "../support/browser";
import { servedBrowser } from "../support/session";

const browser = servedBrowser();

describe("the consistency check in file mode", () => {
  it("checks the sample, and the keyboard walks to the item-12 finding, whose row is highlighted", async () => {
    const context = await browser.session().browser.newContext({ locale: "ja-JP", viewport: { width: 460, height: 1100 } });
    await routeOfficeJs(context, "local-copy");
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(`${browser.server().url}/taskpane.html`);
    await page.getByRole("button", { name: "サンプルを読み込む" }).click();
    await page.getByTestId("loaded").waitFor();

    const run = page.getByRole("button", { name: "整合性チェック" });
    await run.focus();
    await page.keyboard.press("Enter");
    await page.getByTestId("check-summary").waitFor();
    expect(await page.getByTestId("summary-error").innerText()).toMatch(/^1\s/);
    expect(await page.getByTestId("summary-warning").innerText()).toMatch(/^17\s/);
    expect(await page.getByTestId("summary-not-evaluable").innerText()).toMatch(/^27\s/);
    expect(await page.getByTestId("findings").innerText()).toContain("評価が数値より高い（1）");

    // Into the list with Tab, down three findings and back up to the first: item 12.
    const first = page.locator("#finding-0");
    await first.focus();
    for (let i = 0; i < 3; i += 1) await page.keyboard.press("ArrowDown");
    expect(await page.getByTestId("current-finding").getAttribute("data-item")).toBe("32");
    for (let i = 0; i < 3; i += 1) await page.keyboard.press("ArrowUp");
    const current = page.getByTestId("current-finding");
    expect(await current.getAttribute("data-item")).toBe("12");
    expect(await current.getAttribute("data-code")).toBe("RATING_OVERSTATED");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("finding-0");
    const card = await page.locator("#finding-0").innerText();
    expect(card).toContain("行政評価の実施");
    expect(card).toContain("実績44.0% / 目標95% (46%)");
    expect(card).toContain("推奨評価: B");
    // At this width the rows stand behind their tab, drawn only when shown.
    await page.getByRole("tab", { name: "表の行" }).click();
    expect(await page.locator('[data-row="22"]').getAttribute("aria-current")).toBe("true");
    await page.getByRole("tab", { name: "指摘" }).click();
    expect(await page.getByTestId("finding-position").innerText()).toMatch(/^1 \/ \d+ 件目$/);
    await page.getByTestId("check-summary").scrollIntoViewIfNeeded();
    await screenshot(page, "check-item12-ja", false);

    // The quick fix asks first, then the rating cell alone changes; the check no longer reports 12.
    await page.locator("#finding-0").getByRole("button", { name: "評価を B に変更" }).click();
    expect(await page.getByRole("dialog").innerText()).toContain("No.12 の評価を A から B に変更します");
    await page.getByTestId("confirm-fix").click();
    await page.getByTestId("save-workbook").waitFor();
    await expect.poll(() => page.getByTestId("summary-error").innerText()).toMatch(/^0\s/);
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe("the report in file mode", () => {
  it("downloads the workbook with the report sheet added", async () => {
    const ExcelJS = (await import("exceljs")).default;
    const context = await browser.session().browser.newContext({ locale: "ja-JP", acceptDownloads: true });
    await routeOfficeJs(context, "local-copy");
    const page = await context.newPage();
    await page.goto(`${browser.server().url}/taskpane.html`);
    await page.getByRole("button", { name: "サンプルを読み込む" }).click();
    await page.getByTestId("loaded").waitFor();
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "レポート作成" }).click()]);
    expect(download.suggestedFilename()).toBe("kodaira-r2（レポート）.xlsx");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile((await download.path()) as string);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(expect.arrayContaining(["進捗管理表", "進捗状況レポート"]));
    expect(workbook.getWorksheet("進捗状況レポート")?.getCell("A1").value).toBe("小平市第3次行財政再構築プラン の進捗状況（令和2年度末）");
    expect(await page.getByTestId("report-message").innerText()).toContain("「進捗状況レポート」シートを加えたブックをダウンロードしました");
    await context.close();
  });

  it("previews page 1 on the paper chosen in the pane, and makes the report on that paper", async () => {
    const ExcelJS = (await import("exceljs")).default;
    const context = await browser.session().browser.newContext({ locale: "ja-JP", acceptDownloads: true, viewport: { width: 360, height: 900 } });
    await routeOfficeJs(context, "local-copy");
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    await page.goto(`${browser.server().url}/taskpane.html`);
    await page.getByRole("button", { name: "サンプルを読み込む" }).click();
    await page.getByTestId("loaded").waitFor();
    await page.getByTestId("run-check").click();
    await page.getByTestId("check-summary").waitFor();
    await page.getByRole("button", { name: "レポートの用紙と印刷プレビュー" }).click();
    const preview = page.getByTestId("report-preview-page");
    await expect.poll(() => preview.getAttribute("data-paper")).toBe("A4 landscape");
    await page.getByTestId("report-print-choice").getByText("A3").click();
    await page.getByTestId("report-print-choice").getByText("縦").click();
    await expect.poll(() => preview.getAttribute("data-paper")).toBe("A3 portrait");
    expect(await page.getByTestId("report-preview-setup").innerText()).toMatch(/^A3 縦・縮小 \d+%$/);
    // The preview fits the pane's width: the page is drawn whole, nothing scrolls sideways.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await page.getByTestId("report-section").scrollIntoViewIfNeeded();
    await screenshot(page, "report-preview-pane-360", false);
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("make-report").click()]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile((await download.path()) as string);
    const setup = workbook.getWorksheet("進捗状況レポート")?.pageSetup;
    // ECMA-376 18.18.42 ST_PaperSize: 8 is A3.
    expect(setup?.paperSize).toBe(8);
    expect(setup?.orientation).toBe("portrait");
    expect(errors).toEqual([]);
    await context.close();
  });
});
