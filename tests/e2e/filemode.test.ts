import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { screenshot, type OfficeJs } from "../support/browser";
import { openPane as openTaskpane, servedBrowser } from "../support/session";
import { encryptedWorkbook } from "../support/hostile";

const browser = servedBrowser();

async function openPane(locale: string, officeJs: OfficeJs): Promise<Page> {
  const { page, errors } = await openTaskpane(browser, { locale, officeJs, viewport: { width: 420, height: 900 } });
  expect(errors).toEqual([]);
  return page;
}

describe("file mode in Chromium", () => {
  it("renders the Japanese pane, says it runs outside Excel, and loads the sample", async () => {
    const page = await openPane("ja-JP", "local-copy");
    expect(await page.getAttribute("html", "lang")).toBe("ja");
    await expect.poll(() => page.getByTestId("host-mode").getAttribute("data-host")).toBe("file");
    expect(await page.getByTestId("host-mode").innerText()).toContain("ファイルモード（Excel の外）");
    expect(await page.getByRole("heading", { level: 1 }).innerText()).toBe("計画進捗チェッカー");
    expect(await page.getByTestId("empty-state").innerText()).toContain("進捗管理表を開いてください");
    await screenshot(page, "filemode-empty-ja");

    await page.getByRole("button", { name: "サンプルを読み込む" }).click();
    await page.getByTestId("loaded").waitFor();
    expect(await page.getByTestId("file-name").innerText()).toBe("kodaira-r2.xlsx");
    expect(await page.getByTestId("table-location").innerText()).toContain("シート: 進捗管理表");
    expect(await page.getByTestId("count-rows").innerText()).toMatch(/^59\s+行数$/);
    expect(await page.getByTestId("count-items").innerText()).toMatch(/^43\s+項目$/);
    expect(await page.getByTestId("count-sub-items").innerText()).toMatch(/^16\s+枝番$/);
    await page.getByRole("button", { name: "分野ごとの項目数" }).click();
    const categories = await page.getByTestId("categories").innerText();
    for (const name of ["地域協力の推進", "情報の共有と双方向のコミュニケーション", "PDCAサイクルの構築", "財政基盤の強化", "執行体制の再構築"]) {
      expect(categories).toContain(name);
    }
    expect(await page.getByTestId("no-problems").innerText()).toBe("問題なく読み取りました。");
    await screenshot(page, "filemode-sample-ja");
    await page.context().close();
  });

  it("works when office.js cannot be reached (an offline machine)", async () => {
    const page = await openPane("ja-JP", "unreachable");
    expect(await page.getByTestId("host-mode").getAttribute("data-host")).toBe("file");
    await page.getByRole("button", { name: "サンプルを読み込む" }).click();
    await page.getByTestId("loaded").waitFor();
    await page.context().close();
  });

  it("speaks English when the browser's language is not Japanese", async () => {
    const page = await openPane("en-US", "local-copy");
    expect(await page.getAttribute("html", "lang")).toBe("en");
    expect(await page.getByTestId("host-mode").innerText()).toContain("File mode (outside Excel)");
    await page.context().close();
  });

  it("opens a file chosen with the button and explains a file that is not .xlsx", async () => {
    const page = await openPane("ja-JP", "local-copy");
    await page.getByTestId("file-input").setInputFiles({
      name: "memo.xlsx",
      mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      buffer: Buffer.from("これは Excel ブックではありません"),
    });
    const error = await page.getByTestId("error").innerText();
    expect(error).toContain(".xlsx ファイルではありません");
    // A password-protected workbook says so, in the reader's own words.
    await page.getByTestId("file-input").setInputFiles({ name: "secret.xlsx", mimeType: "application/octet-stream", buffer: Buffer.from(encryptedWorkbook()) });
    await expect.poll(() => page.getByTestId("error").innerText()).toContain("パスワードで保護（暗号化）されています");
    await page.context().close();
  });

  it("opens a workbook dropped on the pane", async () => {
    const page = await openPane("ja-JP", "local-copy");
    const bytes = await page.evaluate(async () => {
      const response = await fetch("samples/kodaira-r2.xlsx");
      return Array.from(new Uint8Array(await response.arrayBuffer()));
    });
    const transfer = await page.evaluateHandle((data) => {
      const dt = new DataTransfer();
      dt.items.add(new File([new Uint8Array(data)], "dropped.xlsx"));
      return dt;
    }, bytes);
    await page.getByTestId("empty-state").dispatchEvent("drop", { dataTransfer: transfer });
    await page.getByTestId("loaded").waitFor();
    expect(await page.getByTestId("file-name").innerText()).toBe("dropped.xlsx");
    await page.context().close();
  });
});

describe("reading problems in file mode", () => {
  it("names the missing columns of a workbook that is not a progress table", async () => {
    const ExcelJS = (await import("exceljs")).default;
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("名簿").addRows([["No.", "氏名", "担当課"], [1, "山田", "政策課"]]);
    const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
    const page = await openPane("ja-JP", "local-copy");
    await page.getByTestId("file-input").setInputFiles({ name: "名簿.xlsx", mimeType: "application/octet-stream", buffer });
    await page.getByTestId("loaded").waitFor();
    const problems = await page.getByTestId("read-problems").innerText();
    expect(problems).toContain("必要な列が見つかりません");
    expect(problems).toContain("評価");
    expect(problems).toContain("見つかった見出し: No.、氏名、担当課");
    await screenshot(page, "filemode-problems-ja");
    await page.context().close();
  });
});
