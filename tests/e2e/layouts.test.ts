import { describe, expect, it } from "vitest";
import { screenshot } from "../support/browser";
import { openPane, servedBrowser } from "../support/session";

const browser = servedBrowser();

/** A table in a layout the reader cannot place by itself: its columns are chosen in the pane. */
async function oddWorkbook(): Promise<Buffer> {
  const ExcelJS = (await import("exceljs")).default;
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet("表").addRows([
    ["管理", "事柄", "ねらい", "結び", "判じ"],
    [1, "窓口のオンライン化", "電子申請 120件", "電子申請 98件", "A"],
    [2, "ごみの減量", "ごみ量 480g/人日以下", "ごみ量 470g/人日", "A"],
  ]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describe("workbooks in other layouts, in the pane", () => {
  it("chooses the columns by hand when the headers are unknown, keeps the choice, and checks with it", async () => {
    const { page, errors } = await openPane(browser, { locale: "ja-JP", officeJs: "local-copy", viewport: { width: 420, height: 1200 } });
    await page.getByTestId("file-input").setInputFiles({ name: "other.xlsx", mimeType: "application/octet-stream", buffer: await oddWorkbook() });
    await page.getByTestId("loaded").waitFor();
    expect(await page.getByTestId("read-problems").innerText()).toContain("見つかった見出し: 管理、事柄、ねらい、結び、判じ");
    await page.getByTestId("run-check").click();
    await page.getByTestId("check-summary").waitFor();
    // The 列の指定 panel is open after COLUMNS_MISSING; each role lists the header row's columns.
    const mapping = page.getByTestId("column-mapping");
    await mapping.waitFor();
    await page.getByTestId("column-no").selectOption({ label: "A: 管理" });
    await page.getByTestId("column-title").selectOption({ label: "B: 事柄" });
    await page.getByTestId("column-plan").selectOption({ label: "C: ねらい" });
    await page.getByTestId("column-result").selectOption({ label: "D: 結び" });
    await page.getByTestId("column-rating").selectOption({ label: "E: 判じ" });
    await screenshot(page, "layouts-mapping-ja", false);
    await mapping.getByRole("button", { name: "列の指定を保存して再チェック" }).click();
    await expect.poll(async () => page.getByTestId("findings").innerText()).toContain("評価が数値より高い");
    const findings = await page.getByTestId("findings").innerText();
    expect(findings).toContain("窓口のオンライン化");
    expect(findings).toContain("評価する年度がわからない");
    expect(await page.getByTestId("notice").innerText()).toContain("列の指定を保存しました");
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("sets the year evaluated in 「計画の情報」, with a Japanese message for a year it cannot read", async () => {
    const { page, errors } = await openPane(browser, { locale: "ja-JP", officeJs: "local-copy", viewport: { width: 420, height: 1200 } });
    await page.getByRole("button", { name: "サンプルを読み込む" }).click();
    await page.getByTestId("loaded").waitFor();
    await page.getByTestId("run-check").click();
    await page.getByTestId("check-summary").waitFor();
    await page.getByRole("button", { name: "計画の情報" }).click();
    const year = page.getByTestId("plan-fiscal-year");
    expect(await year.inputValue()).toBe("2020");
    await year.fill("来年");
    await page.getByRole("button", { name: "計画の情報を保存して再チェック" }).click();
    await expect.poll(() => page.getByTestId("plan-form").innerText()).toContain("年度を読み取れません（入力: 来年）");
    expect(await year.getAttribute("aria-invalid")).toBe("true");
    await year.fill("令和4年度");
    await page.getByRole("button", { name: "計画の情報を保存して再チェック" }).click();
    await expect.poll(async () => (await page.getByTestId("notice").innerText().catch(() => ""))).toContain("計画の情報を保存しました");
    // Item 6's target for the end of FY2022 is now the current year's: compared, and short.
    await expect.poll(async () => page.getByTestId("findings").innerText()).toContain("市民一人当たりごみ量");
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
