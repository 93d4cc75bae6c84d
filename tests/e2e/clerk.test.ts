import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import ExcelJS from "exceljs";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { routeOfficeJs, screenshot } from "../support/browser";
import { servedBrowser } from "../support/session";

/**
 * File mode as a clerk uses it: at the task pane's width (360 px) and at a desktop browser's (1280 px).
 * One test per point of the walk that found the pane hard to use.
 */
const browser = servedBrowser();
const SAMPLE = resolve(__dirname, "../../seeds/kodaira-r2.xlsx");

async function pane(width: number, options: { locale?: string; officeJs?: "local-copy" | "hang"; downloads?: boolean } = {}) {
  const context = await browser.session().browser.newContext({
    locale: options.locale ?? "ja-JP",
    viewport: { width, height: 800 },
    acceptDownloads: options.downloads ?? false,
  });
  await routeOfficeJs(context, options.officeJs ?? "local-copy");
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) errors.push(message.text());
  });
  // Not waiting for "load": an office.js that never answers would hold it back, and the pane must not.
  await page.goto(`${browser.server().url}/taskpane.html`, { waitUntil: "domcontentloaded" });
  return { page, errors, close: () => context.close() };
}

async function openFile(page: Page, name: string, bytes: Buffer | Uint8Array) {
  await page.getByTestId("file-input").setInputFiles({ name, mimeType: "application/octet-stream", buffer: Buffer.from(bytes) });
  await page.getByTestId("loaded").waitFor();
}

async function openSampleAndCheck(page: Page) {
  await openFile(page, "kodaira-r2.xlsx", readFileSync(SAMPLE));
  await page.getByTestId("run-check").click();
  await page.getByTestId("check-summary").waitFor();
}

/** Whether an element lies inside the viewport (vertically). */
async function inView(page: Page, selector: string): Promise<boolean> {
  return page.evaluate((sel) => {
    const box = document.querySelector(sel)?.getBoundingClientRect();
    return box !== undefined && box.top >= 0 && box.bottom <= window.innerHeight + 1;
  }, selector);
}

async function workbookBytes(build: (workbook: ExcelJS.Workbook) => void): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  build(workbook);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describe("file mode as a clerk uses it", () => {
  it("keeps the chosen finding in view, and brings the row view to its row inside its own box (360 and 1280 px)", async () => {
    for (const width of [360, 1280]) {
      const { page, errors, close } = await pane(width);
      await openSampleAndCheck(page);
      await page.locator("#finding-0").click();
      await page.keyboard.press("ArrowDown");
      await page.keyboard.press("ArrowUp");
      expect(await inView(page, "#finding-0"), `${width}`).toBe(true);
      // The window moved at most a screen, never to the rows thousands of pixels away.
      expect(await page.evaluate(() => window.scrollY)).toBeLessThan(800);
      if (width >= 760) {
        // Beside the findings: the row is highlighted and scrolled to inside the box.
        expect(await inView(page, '[data-row="22"]')).toBe(true);
        expect(await page.getByTestId("rows-view").evaluate((box) => box.scrollTop)).toBeGreaterThan(0);
      } else {
        // Behind the 表の行 tab: there, the row is in view and highlighted, and the walk is kept.
        await page.getByRole("tab", { name: "表の行" }).click();
        expect(await inView(page, '[data-row="22"]')).toBe(true);
        expect(await page.locator('[data-row="22"]').getAttribute("aria-current")).toBe("true");
        await page.getByRole("tab", { name: "指摘" }).click();
        await expect.poll(() => page.getByTestId("current-finding").getAttribute("data-item")).toBe("12");
      }
      await screenshot(page, `clerk-finding-${width}`, false);
      expect(errors).toEqual([]);
      await close();
    }
  });

  it("keeps check, previous, next and report in a toolbar that stays in view; groups closed but the errors'; the summary short", async () => {
    const { page, close } = await pane(360);
    await openSampleAndCheck(page);
    // The pane was 11,000 px tall with every finding open.
    expect(await page.evaluate(() => document.body.scrollHeight)).toBeLessThan(3000);
    const open = await page.locator('[data-testid^="group-"] [aria-expanded="true"]').count();
    expect(open).toBe(1);
    expect(await page.getByTestId("group-RATING_OVERSTATED").locator('[aria-expanded="true"]').count()).toBe(1);
    expect(await page.getByTestId("check-summary").evaluate((s) => s.getBoundingClientRect().height)).toBeLessThan(200);
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    for (const name of ["整合性チェック", "次へ", "レポート作成"]) {
      const box = await page.getByTestId("toolbar").getByRole("button", { name }).boundingBox();
      expect(box && box.y >= 0 && box.y + box.height <= 800, name).toBe(true);
    }
    await screenshot(page, "clerk-toolbar-360", false);
    await close();
  });

  it("validates the profile field by field, next to the field, in the percent typed", async () => {
    const { page, close } = await pane(360);
    await openSampleAndCheck(page);
    await page.getByRole("button", { name: "評価プロファイル" }).click();
    await page.getByTestId("profile-tolerance").fill("0");
    await page.getByTestId("profile-margin").fill("百");
    await page.getByRole("button", { name: "設定を保存して再チェック" }).click();
    const tolerance = page.getByTestId("profile-tolerance");
    // The form is validated as the click is handled: wait for it to say so, not for a fixed time.
    await expect.poll(() => tolerance.getAttribute("aria-invalid")).toBe("true");
    await expect.poll(() => page.getByTestId("profile-margin").getAttribute("aria-invalid")).toBe("true");
    // The message sits under its own field (Fluent Field), says the unit and repeats what was typed.
    const field = page.getByTestId("profile-form").locator("div", { has: tolerance }).first();
    const describedBy = await tolerance.getAttribute("aria-describedby");
    const message = await page.locator(`#${describedBy?.split(" ")[0] ?? "none"}`).innerText();
    expect(message).toContain("許容下限は 0 より大きく 100 以下の数（%）");
    expect(message).toContain("入力: 0");
    expect(message).not.toMatch(/toleranceFloor|0\.\d/);
    expect(await field.isVisible()).toBe(true);
    await screenshot(page, "clerk-profile-360", false);
    await close();
  });

  it("takes the plan's name and year from a workbook without settings, and lets the user change them", async () => {
    const bytes = await workbookBytes((workbook) => {
      const sheet = workbook.addWorksheet("進捗");
      sheet.addRow(["第2次行政改革大綱 実施計画の進捗状況（令和4年度）"]);
      sheet.addRow([]);
      sheet.addRow(["分野", "No.", "項目", "担当課", "評価", "実施内容", "目標（令和4年度）", "実績（令和5年3月末）"]);
      sheet.addRow(["事務の効率化", 1, "電子申請の拡大", "DX推進課", "A", "", "(手続数 50件)", "(手続数 52件)"]);
    });
    const { page, close } = await pane(1280, { downloads: true });
    await openFile(page, "taiko.xlsx", bytes);
    await page.getByTestId("run-check").click();
    await page.getByTestId("check-summary").waitFor();
    await page.getByRole("button", { name: "計画の情報" }).click();
    expect(await page.getByTestId("plan-title").inputValue()).toBe("第2次行政改革大綱 実施計画");
    expect(await page.getByTestId("plan-fiscal-year").inputValue()).toMatch(/令和4年度|2022/);
    const download = page.waitForEvent("download");
    await page.getByTestId("make-report").click();
    const file = await (await download).path();
    const report = new ExcelJS.Workbook();
    await report.xlsx.readFile(file ?? "");
    const texts = (report.getWorksheet("進捗状況レポート")?.getSheetValues() ?? []).flat().map(String).join(" ");
    expect(texts).toContain("第2次行政改革大綱 実施計画");
    expect(texts).toMatch(/令和4年度/);
    await close();
  });

  it("refuses a report for a workbook that holds no plan table, naming the headers it found", async () => {
    const bytes = await workbookBytes((workbook) => workbook.addWorksheet("名簿").addRows([["氏名", "住所", "電話"], ["山田", "小平市", "042"]]));
    const { page, close } = await pane(360, { downloads: true });
    await openFile(page, "meibo.xlsx", bytes);
    let downloaded = false;
    page.on("download", () => (downloaded = true));
    await page.getByTestId("make-report").click();
    const message = await page.getByTestId("report-message").innerText();
    expect(message).toContain("表を読み取れないため、レポートを作れません");
    expect(message).toContain("見つかった見出し: 氏名、住所、電話");
    expect(downloaded).toBe(false);
    await close();
  });

  it("downloads the workbook when the findings are exported in file mode", async () => {
    const { page, close } = await pane(1280, { downloads: true });
    await openSampleAndCheck(page);
    const download = page.waitForEvent("download");
    await page.getByRole("button", { name: "「チェック結果」シートに出力" }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe("kodaira-r2（チェック結果）.xlsx");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile((await file.path()) ?? "");
    expect(workbook.worksheets.map((s) => s.name)).toContain("チェック結果");
    expect(await page.getByTestId("notice").innerText()).toContain("ダウンロードしました");
    await close();
  });

  it("asks before closing or leaving with changes not saved", async () => {
    const { page, close } = await pane(360, { downloads: true });
    await openSampleAndCheck(page);
    await page.locator("#finding-0").getByRole("button", { name: "評価を B に変更" }).click();
    await page.getByTestId("confirm-fix").click();
    await page.getByTestId("save-workbook").waitFor();
    await page.getByTestId("close-file").click();
    expect(await page.getByRole("dialog").innerText()).toContain("保存していない変更があります");
    await page.getByRole("button", { name: "キャンセル" }).click();
    expect(await page.getByTestId("loaded").isVisible()).toBe(true);
    // Leaving the page asks too (beforeunload).
    let asked = "";
    page.on("dialog", (dialog) => {
      asked = dialog.type();
      void dialog.dismiss();
    });
    await page.close({ runBeforeUnload: true });
    await expect.poll(() => asked).toBe("beforeunload");
    await close();
  });

  it("closes without asking once the changes are downloaded, and with 保存せずに閉じる", async () => {
    const { page, close } = await pane(360, { downloads: true });
    await openSampleAndCheck(page);
    await page.locator("#finding-0").getByRole("button", { name: "評価を B に変更" }).click();
    await page.getByTestId("confirm-fix").click();
    const download = page.waitForEvent("download");
    await page.getByTestId("save-workbook").click();
    await download;
    await page.getByTestId("close-file").click();
    await page.getByTestId("empty-state").waitFor();
    // A second change, closed without saving on purpose.
    await openSampleAndCheck(page);
    await page.locator("#finding-0").getByRole("button", { name: "評価を B に変更" }).click();
    await page.getByTestId("confirm-fix").click();
    await page.getByTestId("save-workbook").waitFor();
    await page.getByTestId("close-file").click();
    await page.getByTestId("close-without-saving").click();
    await page.getByTestId("empty-state").waitFor();
    await close();
  });

  it("lists the ignored findings with their reasons, each restorable on its own", async () => {
    const { page, close } = await pane(360);
    await openSampleAndCheck(page);
    await page.locator("#finding-0").getByRole("button", { name: "無視…" }).click();
    await page.getByRole("textbox").fill("説明を実績欄に追記済み");
    await page.getByRole("button", { name: "無視する" }).click();
    await expect.poll(() => page.getByTestId("summary-error").innerText()).toMatch(/^0\s/);
    await page.getByRole("button", { name: /無視した指摘（1）/ }).click();
    const list = page.getByTestId("ignored-list");
    expect(await list.innerText()).toContain("No.12");
    expect(await list.innerText()).toContain("説明を実績欄に追記済み");
    await screenshot(page, "clerk-ignored-360", false);
    await list.getByRole("button", { name: "No.12 の RATING_OVERSTATED の無視を解除" }).click();
    await expect.poll(() => page.getByTestId("summary-error").innerText()).toMatch(/^1\s/);
    expect(await page.getByRole("button", { name: /無視した指摘（0）/ }).count()).toBe(1);
    await close();
  });

  it("switches between 日本語 and English, and remembers the choice", async () => {
    const { page, close } = await pane(360);
    await page.getByTestId("language-switch").getByRole("button", { name: "English" }).click();
    await expect.poll(() => page.getByRole("heading", { level: 1 }).innerText()).toBe("Plan Progress Checker");
    await expect.poll(() => page.getAttribute("html", "lang")).toBe("en");
    await page.reload();
    await page.getByTestId("host-mode").waitFor();
    expect(await page.getByRole("heading", { level: 1 }).innerText()).toBe("Plan Progress Checker");
    await page.getByTestId("language-switch").getByRole("button", { name: "日本語" }).click();
    await expect.poll(() => page.getByRole("heading", { level: 1 }).innerText()).toBe("計画進捗チェッカー");
    await close();
  });

  it("opens in file mode with a note when office.js does not answer, saying first that it waits", async () => {
    const { page, close } = await pane(360, { officeJs: "hang" });
    // The page appears at once and says what it waits for …
    await expect.poll(() => page.locator("#boot").innerText().catch(() => "")).toContain("Office の応答を待っています");
    // … then file mode, with the reason.
    await page.getByTestId("office-slow").waitFor();
    expect(await page.getByTestId("host-mode").getAttribute("data-host")).toBe("file");
    await page.getByRole("button", { name: "サンプルを読み込む" }).click();
    await page.getByTestId("loaded").waitFor();
    await close();
  });

  it("is a list of cards with headings, one card in the tab order, numbers in the 分野 figures' names, and sensible focus", async () => {
    const { page, close } = await pane(360);
    await openFile(page, "kodaira-r2.xlsx", readFileSync(SAMPLE));
    // After the file opens, the focus is on the check.
    expect(await page.evaluate(() => document.activeElement?.getAttribute("data-testid"))).toBe("run-check");
    await page.keyboard.press("Enter");
    await page.getByTestId("check-summary").waitFor();
    await page.getByRole("button", { name: "分野別" }).click();
    const snapshot = await page.locator("main").ariaSnapshot();
    expect(snapshot).toContain('heading "点検結果" [level=2]');
    expect(snapshot).toContain('heading "指摘" [level=2]');
    expect(snapshot).toMatch(/heading "評価が数値より高い（1）.*" \[level=3\]/);
    expect(snapshot).toMatch(/list "評価が数値より高い":\s*\n\s*- listitem/);
    expect(snapshot).toContain("地域協力の推進");
    expect(snapshot).toMatch(/エラー 0・警告 1・情報 1・評価不能 3/);
    expect(snapshot).not.toContain("listbox");
    // Tab from the current card reaches its own buttons, then leaves the list: no 無視… of other cards.
    await page.locator("#finding-0").focus();
    const visited: string[] = [];
    for (let i = 0; i < 4; i += 1) {
      await page.keyboard.press("Tab");
      visited.push(await page.evaluate(() => `${document.activeElement?.textContent ?? ""}|${document.activeElement?.closest("li[id^=finding-]")?.id ?? ""}`));
    }
    expect(visited[0]).toBe("評価を B に変更|finding-0");
    expect(visited[1]).toBe("無視…|finding-0");
    expect(visited.slice(2).some((v) => v.endsWith("|finding-1") || v.startsWith("無視…"))).toBe(false);
    // Closing a dialog gives the focus back to the finding it was about.
    await page.locator("#finding-0").getByRole("button", { name: "無視…" }).click();
    await page.getByRole("button", { name: "キャンセル" }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("finding-0");
    await close();
  });

  it("shows whole titles at 360 px, the 分野 names on one line, and sub-items under their parent's title", async () => {
    const { page, close } = await pane(360);
    await openSampleAndCheck(page);
    await page.getByRole("tab", { name: "表の行" }).click();
    const title = page.locator('[data-row="22"] td').nth(3);
    expect(await title.innerText()).toBe("行政評価の実施");
    expect(await title.evaluate((cell) => cell.scrollWidth <= cell.clientWidth + 1)).toBe(true);
    // Sub-item 2-2 (row 5) shows its parent's title and its number, not the department (the view drawing
    // only the rows in view: scrolled to the top first).
    await page.getByTestId("rows-view").evaluate((box) => box.scrollTo(0, 0));
    await expect.poll(() => page.locator('[data-row="5"] td').nth(3).innerText()).toBe("協働事業の推進（枝番 2）");
    await screenshot(page, "clerk-rows-360", false);
    await page.getByRole("tab", { name: "指摘" }).click();
    await page.getByRole("button", { name: "分野別" }).click();
    const names = page.getByTestId("summary-categories").locator("li > span:first-child");
    for (const name of await names.all()) {
      const lines = await name.evaluate((el) => Math.round(el.getBoundingClientRect().height / parseFloat(getComputedStyle(el).lineHeight)));
      expect(lines, await name.innerText()).toBeLessThanOrEqual(2);
    }
    expect(await page.getByTestId("summary-categories").innerText()).toContain("情報の共有と双方向のコミュニケーション");
    await screenshot(page, "clerk-summary-360", false);
    await close();
  });
});
