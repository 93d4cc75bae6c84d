import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { build } from "esbuild";
import { describe, expect, it } from "vitest";
import { pageGeometry, printedPages } from "../../src/core/report/pages";
import { workbookReportPlan } from "../../src/core/report/plan";
import { DEFAULT_SETTINGS } from "../../src/core/workbook/settings";
import { XlsxWorkbookPort } from "../../src/xlsx/workbookPort";
import { screenshot } from "../support/browser";
import { servedBrowser } from "../support/session";

/**
 * The print preview (src/taskpane/check/ReportPreview.tsx) mounted on its own in Chromium at the task
 * pane's 360 px, with the paper choice beside it, over the sample's table: the component is bundled
 * for the browser and builds its plan there, as the pane will.
 */
const browser = servedBrowser();
const ROOT = resolve(__dirname, "../..");

async function harness(): Promise<{ html: string; script: string }> {
  const bundle = await build({
    stdin: {
      contents: `
        import { createRoot } from "react-dom/client";
        import { useMemo, useState } from "react";
        import { FluentProvider, webLightTheme } from "@fluentui/react-components";
        import { ReportPreview, ReportPrintChoice } from "./src/taskpane/check/ReportPreview";
        import { MessagesProvider } from "./src/taskpane/i18n";
        import { workbookReportPlan } from "./src/core/report/plan";
        const { table, settings } = window.__report;
        function Harness() {
          const [choice, setChoice] = useState({ paper: "A4", orientation: "landscape" });
          const plan = useMemo(() => workbookReportPlan(table, settings, choice), [choice]);
          return (
            <FluentProvider theme={webLightTheme}>
              <MessagesProvider locale="ja">
                <ReportPrintChoice {...choice} onChange={setChoice} />
                <ReportPreview plan={plan} />
              </MessagesProvider>
            </FluentProvider>
          );
        }
        createRoot(document.getElementById("root")).render(<Harness />);
      `,
      resolveDir: ROOT,
      loader: "tsx",
    },
    bundle: true,
    format: "iife",
    platform: "browser",
    jsx: "automatic",
    define: { "process.env.NODE_ENV": '"production"' },
    write: false,
  });
  const port = await XlsxWorkbookPort.load(readFileSync(resolve(ROOT, "seeds/kodaira-r2.xlsx")));
  const { table, settings } = await port.read();
  const data = JSON.stringify({ table, settings: settings?.settings ?? DEFAULT_SETTINGS }).replace(/</g, "\\u003c");
  return {
    html: `<!doctype html><html lang="ja"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"></head>
      <body style="margin:0;padding:8px"><div id="root"></div><script>window.__report = ${data};</script><script src="report-preview.js"></script></body></html>`,
    script: bundle.outputFiles[0]?.text ?? "",
  };
}

describe("the report's print preview, at 360 px", () => {
  it("draws page 1 to scale, turns to the table's pages with the workbook's columns, and follows the paper chosen", async () => {
    const { html, script } = await harness();
    const context = await browser.session().browser.newContext({ locale: "ja-JP", viewport: { width: 360, height: 900 } });
    const base = browser.server().url;
    await context.route(`${base}/report-preview.html`, (route) => route.fulfill({ status: 200, contentType: "text/html; charset=utf-8", body: html }));
    await context.route(`${base}/report-preview.js`, (route) => route.fulfill({ status: 200, contentType: "text/javascript; charset=utf-8", body: script }));
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(`${base}/report-preview.html`);
    const drawn = page.getByTestId("report-preview-page");
    await drawn.waitFor();

    // The plan the browser draws, built here the same way, for its geometry.
    const port = await XlsxWorkbookPort.load(readFileSync(resolve(ROOT, "seeds/kodaira-r2.xlsx")));
    const { table, settings } = await port.read();
    const plan = workbookReportPlan(table, settings?.settings ?? DEFAULT_SETTINGS);
    const geometry = pageGeometry(plan);

    // Page 1, A4 landscape, inside the pane's width: no sideways scrolling.
    const box = await drawn.boundingBox();
    expect(box!.width).toBeGreaterThan(300);
    expect(box!.width).toBeLessThanOrEqual(360);
    expect(box!.height / box!.width).toBeCloseTo(595.3 / 841.9, 2);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    expect(await page.getByTestId("report-preview-page-number").innerText()).toBe(`1 / ${printedPages(plan).length} ページ`);
    expect(await page.getByTestId("report-preview-setup").innerText()).toBe("A4 横・縮小 89%");
    const cellText = (row: number, column: number) => page.locator(`[data-cell="${row},${column}"]`).innerText();
    expect(await cellText(0, 0)).toBe("小平市第3次行財政再構築プラン の進捗状況（令和2年度末）");
    expect(await page.getByTestId("report-preview-chart").locator("[data-bar]").count()).toBe(5);
    // Text is cut at its cell's edges, as a printed cell cuts it.
    const overflow = await page.locator("[data-cell]").evaluateAll((cells) => [...new Set(cells.map((c) => getComputedStyle(c).overflow))]);
    expect(overflow).toEqual(["hidden"]);
    await screenshot(page, "report-preview-360", false);

    // Page 2: the table, under the workbook's headings; columns where the printed page has them.
    await page.getByRole("button", { name: "次のページ" }).click();
    await expect.poll(() => page.getByTestId("report-preview-page-number").innerText()).toMatch(/^2 \//);
    const header = plan.print.titleRows[0];
    const headers = await page.locator(`[data-cell^="${header},"]`).allInnerTexts();
    expect(headers).toEqual(["項目", "主な推進担当課", "評価", "実施内容", "令和2年度当初予定（目標値）", "取組実績（令和3年3月末実績値）"]);
    const pageBox = (await drawn.boundingBox())!;
    for (const column of [2, 4, 6]) {
      const cell = (await page.locator(`[data-cell="${header},${column}"]`).boundingBox())!;
      expect((cell.x - pageBox.x) / pageBox.width, `column ${column}`).toBeCloseTo((geometry.columnLefts[column] ?? 0) / geometry.width, 2);
      expect(cell.width / pageBox.width, `column ${column}`).toBeCloseTo((geometry.columnWidths[column] ?? 0) / geometry.width, 2);
    }
    // In the browser's own fonts the rows planned for the narrowest reading hold their text.
    const cut = await page.locator('[data-style="text"]').evaluateAll((cells) => cells.filter((c) => c.scrollHeight > c.clientHeight + 1).length);
    expect(cut).toBe(0);
    await screenshot(page, "report-preview-360-page2", false);

    // At its printed size the page is read in its frame, which scrolls; the pane itself does not.
    await page.getByRole("button", { name: "実際の大きさで見る" }).click();
    await expect.poll(async () => (await drawn.boundingBox())?.width ?? 0).toBeCloseTo((841.9 * 96) / 72, 0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    const frameScroll = await page.getByTestId("report-preview-frame").evaluate((frame) => frame.scrollWidth > frame.clientWidth);
    expect(frameScroll).toBe(true);
    await screenshot(page, "report-preview-360-printed-size", false);
    await page.getByRole("button", { name: "ページ全体を見る" }).click();
    await expect.poll(async () => (await drawn.boundingBox())?.width ?? 0).toBeLessThanOrEqual(360);

    // Portrait: the page stands up, and the pages are counted again.
    await page.getByRole("radio", { name: "縦" }).check();
    await expect.poll(() => drawn.getAttribute("data-paper")).toBe("A4 portrait");
    const tall = (await drawn.boundingBox())!;
    expect(tall.height / tall.width).toBeCloseTo(841.9 / 595.3, 2);
    expect(await page.getByTestId("report-preview-setup").innerText()).toBe("A4 縦・縮小 89%");
    expect(errors).toEqual([]);
    await context.close();
  });
});
