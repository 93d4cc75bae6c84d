import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { screenshot } from "../support/browser";
import { cities, cityWorkbook } from "../support/cities";
import { openPane, servedBrowser } from "../support/session";

const browser = servedBrowser();
const NARROW = { width: 360, height: 900 };

/** 佐渡市's departments as published (seeds/sado-2006.xlsx, built by npm run seed from the corpus). */
const sado = () => readFileSync(resolve(__dirname, "../../seeds/sado-2006.xlsx"));

describe("「この表の読み方」: what the reader understood, before the findings", () => {
  it("says the layout, the columns, the numbering, the year and a guessed scale at 360 px, and confirms the scale in one click", async () => {
    const { page, errors } = await openPane(browser, { locale: "ja-JP", officeJs: "local-copy", viewport: NARROW });
    await page.getByTestId("file-input").setInputFiles({ name: "sado-2006.xlsx", mimeType: "application/octet-stream", buffer: sado() });
    await page.getByTestId("loaded").waitFor();
    await page.getByTestId("run-check").click();
    const reading = page.getByTestId("table-reading");
    await reading.waitFor();
    expect(await reading.getAttribute("data-layout")).toBe("table");
    // One line says it all; 「詳しく」 every part.
    expect(await page.getByTestId("reading-summary").innerText()).toBe(
      "1行に1項目の表、評価: C列「自己評価」、2006年度（見出し）、尺度 A/B/C/D/E（評価の列の記号から推定（要確認））、番号は行の順",
    );
    await page.getByTestId("reading-details").click();
    expect(await page.getByTestId("reading-layout").innerText()).toContain("見出し 7行目、4か所で繰り返し");
    expect(await page.getByTestId("reading-columns").innerText()).toContain("評価: C列「自己評価」");
    expect(await page.getByTestId("reading-numbering").innerText()).toContain("上から順に番号を付けました");
    expect(await page.getByTestId("reading-year").innerText()).toContain("平成18年度（2006年度） — 見出し「平成18年度目標」から");
    expect(await page.getByTestId("reading-scale").innerText()).toContain("A=予定以上・予定どおり B=予定どおり C=予定どおり・遅れ D=遅れ E=遅れ");
    expect(await page.getByTestId("reading-sheets").innerText()).toContain("企画財政部、教育委員会");
    // The panel stands above the findings and fits the pane: nothing wider than 360 px.
    const box = await reading.boundingBox();
    const summary = await page.getByTestId("check-summary").boundingBox();
    expect(box && summary && box.y < summary.y).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(NARROW.width);
    await reading.scrollIntoViewIfNeeded();
    await screenshot(page, "reading-sado-360");

    // One click opens the editor of a part: the year in 「計画の情報」, which shows what was read.
    await page.getByTestId("reading-edit-year").click();
    const year = page.getByTestId("plan-fiscal-year");
    await year.waitFor();
    expect(await year.inputValue()).toBe("2006");
    await page.getByTestId("reading-edit-columns").click();
    await page.getByTestId("column-mapping").waitFor();
    expect(await page.getByTestId("column-rating").inputValue()).toBe("");

    // The scale was guessed from the symbols: confirming it keeps it in the settings sheet.
    const confirm = page.getByTestId("reading-confirm");
    expect(await confirm.innerText()).toContain("評価の列の記号から推定しました");
    await page.getByTestId("reading-confirm-scale").click();
    await expect.poll(async () => page.getByTestId("notice").innerText().catch(() => "")).toContain("評価の尺度を設定シートに保存しました");
    await expect.poll(async () => page.getByTestId("reading-scale").innerText()).toContain("設定シート");
    expect(await page.getByTestId("reading-confirm").count()).toBe(0);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("reads a sideways table with a legend by achievement rate (下田市), in English too", async () => {
    const shimoda = cities().find((c) => c.slug === "shimoda");
    expect(shimoda).toBeDefined();
    const { page, errors } = await openPane(browser, { locale: "en-US", officeJs: "local-copy", viewport: NARROW });
    await page.getByTestId("file-input").setInputFiles({ name: "shimoda.xlsx", mimeType: "application/octet-stream", buffer: Buffer.from(await cityWorkbook(shimoda!.table)) });
    await page.getByTestId("loaded").waitFor();
    await page.getByTestId("run-check").click();
    await page.getByTestId("table-reading").waitFor();
    expect(await page.getByTestId("table-reading").getAttribute("data-layout")).toBe("sideways");
    await page.getByTestId("reading-details").click();
    expect(await page.getByTestId("reading-columns").innerText()).toContain("rating: row 10「評価」");
    expect(await page.getByTestId("reading-year").innerText()).toContain("FY2015");
    expect(await page.getByTestId("reading-scale").innerText()).toContain("A=ahead/on plan (80% or more) B=behind (60% to under 80%)");
    expect(await page.getByTestId("reading-scale").innerText()).toContain("legend in row 12");
    expect(await page.getByTestId("reading-confirm").count()).toBe(0);
    await screenshot(page, "reading-shimoda-360-en");
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
