import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { routeOfficeJs, screenshot } from "../support/browser";
import { DIST } from "../support/server";
import { openPane, servedBrowser } from "../support/session";

/**
 * The built taskpane.html in a stubbed Excel host: office.js is replaced by a stub whose
 * CustomFunctions.associate records what the functions chunk registers.
 */
interface Metadata {
  functions: { id: string; name: string; parameters: { name: string }[] }[];
}

/** One call per function id, with what it must answer. A new function must add its own line. */
const FISCAL_BLOCK = "(①経常収支比率80%台 ②財政調整基金35億円 ③公共施設整備基金25億円)";
const CALLS: Record<string, { args: unknown[]; expected: unknown }> = {
  RATING: { args: ["(参加団体数 12団体)", "(参加団体数 11団体)"], expected: "B" },
  CHECK: { args: ["A", "(施策 95%)", "(施策 44.0%)"], expected: "RATING_OVERSTATED: 実績44.0% / 目標95% (46%)" },
  ACHIEVEMENT: { args: ["(参加団体数 12団体)", "(参加団体数 11団体)"], expected: 0.916667 },
  QUANTITY: { args: ["370万件以上"], expected: 3_700_000 },
  METRICS: {
    args: [FISCAL_BLOCK],
    expected: [
      [1, "経常収支比率", 80, "%", "range"],
      [2, "財政調整基金", 3_500_000_000, "円", "eq"],
      [3, "公共施設整備基金", 2_500_000_000, "円", "eq"],
    ],
  },
  FISCALYEAR: { args: ["令和3年3月末"], expected: 2020 },
};

const STUB_HOST = `
  window.__associated = {};
  class StubError extends Error {
    constructor(code, message) { super(message); this.code = code; }
  }
  window.CustomFunctions = {
    associate: (id, fn) => { window.__associated[id] = fn; },
    Error: StubError,
    ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A", invalidNumber: "#NUM!" },
  };
  window.Office = {
    HostType: { Excel: "Excel" },
    context: { displayLanguage: "ja-JP" },
    onReady: () => Promise.resolve({ host: "Excel", platform: "PC" }),
  };
`;

const metadata = JSON.parse(readFileSync(join(DIST, "functions.json"), "utf8")) as Metadata;
const browser = servedBrowser();

describe("taskpane.html in a stubbed Excel host", () => {
  it("registers every function of functions.json through CustomFunctions.associate, and each answers", async () => {
    const context = await browser.session().browser.newContext({ locale: "ja-JP", viewport: { width: 420, height: 700 } });
    await routeOfficeJs(context, "empty");
    await context.addInitScript(STUB_HOST);
    const page = await context.newPage();
    await page.goto(`${browser.server().url}/taskpane.html`);
    await page.getByTestId("host-mode").waitFor();
    expect(await page.getByTestId("host-mode").getAttribute("data-host")).toBe("excel");
    expect(await page.getByTestId("host-mode").innerText()).toContain("Excel に接続中");
    await screenshot(page, "excel-stub-ja");

    const registered = await page.evaluate(() => Object.keys((window as unknown as { __associated: object }).__associated));
    const ids = metadata.functions.map((f) => f.id);
    expect([...ids].sort()).toEqual(["ACHIEVEMENT", "CHECK", "FISCALYEAR", "METRICS", "QUANTITY", "RATING"]);
    expect(registered.sort()).toEqual([...ids].sort());

    for (const id of ids) {
      const call = CALLS[id];
      expect(call, `no sample call for ${id}`).toBeDefined();
      const answer = await page.evaluate(
        ({ id, args }) => (window as unknown as { __associated: Record<string, (...a: unknown[]) => unknown> }).__associated[id]?.(...args),
        { id, args: call?.args ?? [] },
      );
      expect(answer, id).toEqual(call?.expected);
    }

    const raised = (id: string, args: unknown[]) =>
      page.evaluate(
        ({ id, args }) => {
          try {
            (window as unknown as { __associated: Record<string, (...a: unknown[]) => unknown> }).__associated[id]?.(...args);
            return "no error";
          } catch (error) {
            return `${(error as { code: string }).code} ${(error as Error).message}`;
          }
        },
        { id, args },
      );
    expect(await raised("FISCALYEAR", [""])).toMatch(/^#N\/A 年度を表す文字列がありません/);
    expect(await raised("RATING", [null, null])).toMatch(/^#N\/A 目標値の数値が見つかりません/);
    expect(await raised("CHECK", ["C", "(件数 1件)", "(件数 1件)"])).toMatch(/^#VALUE! 評価は尺度の記号/);
    await context.close();
  });

  it("registers nothing and raises nothing in a plain browser without CustomFunctions", async () => {
    const { page, errors } = await openPane(browser, { locale: "ja-JP", officeJs: "unreachable" });
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
