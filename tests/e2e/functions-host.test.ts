import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launch, routeOfficeJs, screenshot, type Session } from "../support/browser";
import { DIST, serveDist, type StaticServer } from "../support/server";

/**
 * The built taskpane.html in a stubbed Excel host: office.js is replaced by a stub whose
 * CustomFunctions.associate records what the functions chunk registers.
 */
interface Metadata {
  functions: { id: string; name: string; parameters: { name: string }[] }[];
}

/** One call per function id, with what it must answer. A new function must add its own line. */
const CALLS: Record<string, { args: unknown[]; expected: unknown }> = {
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

let server: StaticServer;
let session: Session;
const metadata = JSON.parse(readFileSync(join(DIST, "functions.json"), "utf8")) as Metadata;

beforeAll(async () => {
  server = await serveDist();
  session = await launch();
});

afterAll(async () => {
  await session?.close();
  await server?.close();
});

describe("taskpane.html in a stubbed Excel host", () => {
  it("registers every function of functions.json through CustomFunctions.associate, and each answers", async () => {
    const context = await session.browser.newContext({ locale: "ja-JP", viewport: { width: 420, height: 700 } });
    await routeOfficeJs(context, "empty");
    await context.addInitScript(STUB_HOST);
    const page = await context.newPage();
    await page.goto(`${server.url}/taskpane.html`);
    await page.getByTestId("host-mode").waitFor();
    expect(await page.getByTestId("host-mode").getAttribute("data-host")).toBe("excel");
    expect(await page.getByTestId("host-mode").innerText()).toContain("Excel に接続中");
    await screenshot(page, "excel-stub-ja");

    const registered = await page.evaluate(() => Object.keys((window as unknown as { __associated: object }).__associated));
    const ids = metadata.functions.map((f) => f.id);
    expect(ids).toContain("FISCALYEAR");
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

    const blank = await page.evaluate(() => {
      try {
        (window as unknown as { __associated: Record<string, (t: unknown) => unknown> }).__associated.FISCALYEAR?.("");
        return "no error";
      } catch (error) {
        return `${(error as { code: string }).code} ${(error as Error).message}`;
      }
    });
    expect(blank).toMatch(/^#N\/A 年度を表す文字列がありません/);
    await context.close();
  });

  it("registers nothing and raises nothing in a plain browser without CustomFunctions", async () => {
    const context = await session.browser.newContext({ locale: "ja-JP" });
    await routeOfficeJs(context, "unreachable");
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    await page.goto(`${server.url}/taskpane.html`);
    await page.getByTestId("host-mode").waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });
});
