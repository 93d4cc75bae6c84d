import { createReadStream, existsSync, readFileSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join, normalize } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
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

/**
 * The stand-in for Excel around the page. Besides recording what the functions chunk registers, it
 * calls a function as a cell would on each platform:
 * - an argument that refers to an empty cell ({ emptyCell: true } here) is null on Excel on the web
 *   and the number 0 on the desktop: "Empty cells are passed as zero in desktop and null in office
 *   web." (https://github.com/OfficeDev/office-js/issues/4702);
 * - a result must be a value Excel holds: a string, a number, a boolean or an error, also inside an
 *   array ("Custom functions can return dynamic arrays that include errors.",
 *   https://learn.microsoft.com/office/dev/add-ins/excel/custom-functions-errors), and never NaN or an
 *   infinity ("NaNs allow a program to continue past an invalid operation. Excel instead immediately
 *   generates an error such as #NUM! or #DIV/0!",
 *   https://learn.microsoft.com/office/troubleshoot/excel/floating-point-arithmetic-inaccurate-result):
 *   such a result is reported as "not an Excel value".
 */
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
  const shown = (value, inArray) => {
    if (value instanceof StubError) return { error: value.code, message: value.message };
    if (Array.isArray(value) && !inArray) return value.map((row) => row.map((cell) => shown(cell, true)));
    if (value === null && inArray) return 0;
    if (typeof value === "number" && !Number.isFinite(value)) return { notAnExcelValue: String(value) };
    if (["string", "number", "boolean"].includes(typeof value)) return value;
    return { notAnExcelValue: String(value) };
  };
  window.__cell = (id, platform, args) => {
    const passed = args.map((a) => (a && a.emptyCell ? (platform === "web" ? null : 0) : a));
    try {
      return shown(window.__associated[id](...passed), false);
    } catch (error) {
      return error instanceof StubError ? shown(error, false) : { threw: String(error) };
    }
  };
`;

/** One call per function id with every parameter given (the empty-cell test blanks each in turn). */
const FULL_CALLS: Record<string, unknown[]> = {
  RATING: ["(参加団体数 12団体)", "(参加団体数 11団体)", 0.9, 0.2, "S,A,B"],
  CHECK: ["A", "(参加団体数 12団体)", "(参加団体数 11団体)", 0.9, 0.2, "S,A,B"],
  ACHIEVEMENT: [FISCAL_BLOCK, "(①経常収支比率91.0% ②財政調整基金28.4億円 ③公共施設整備基金18.1億円)", 2],
  QUANTITY: [FISCAL_BLOCK, 2],
  METRICS: [FISCAL_BLOCK],
  FISCALYEAR: [44286, true],
};

/** A registered function called as a cell on "web" or "desktop" would call it (STUB_HOST's __cell). */
const cellAnswer = (page: Page, id: string, platform: "web" | "desktop", args: unknown[]) =>
  page.evaluate(({ id, platform, args }) => (window as unknown as { __cell: (...a: unknown[]) => unknown }).__cell(id, platform, args), { id, platform, args });

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
    expect(await raised("RATING", [null, null])).toMatch(/^#N\/A 目標値のセルが空です/);
    expect(await raised("CHECK", ["C", "(件数 1件)", "(件数 1件)"])).toMatch(/^#VALUE! 評価は尺度の記号/);

    // Each parameter of each registered function in turn an empty cell: desktop Excel (0)
    // gets the answer Excel on the web (null) gets.
    let compared = 0;
    for (const fn of metadata.functions) {
      const full = FULL_CALLS[fn.id];
      expect(full?.length, `a call of ${fn.id} with every parameter`).toBe(fn.parameters.length);
      for (let i = 0; i < fn.parameters.length; i++) {
        const args = (full ?? []).map((a, j) => (j === i ? { emptyCell: true } : a));
        const web = await cellAnswer(page, fn.id, "web", args);
        const desktop = await cellAnswer(page, fn.id, "desktop", args);
        expect(desktop, `${fn.id} with ${fn.parameters[i]?.name} an empty cell`).toEqual(web);
        expect(JSON.stringify(web), `${fn.id} with ${fn.parameters[i]?.name} an empty cell`).not.toMatch(/notAnExcelValue|threw/);
        compared += 1;
      }
    }
    expect(compared).toBe(19);
    // A filled-down =PLAN.CHECK(F5,H5,I5) on a row not yet rated or without results: empty, on both.
    for (const platform of ["web", "desktop"] as const) {
      expect(await cellAnswer(page, "CHECK", platform, [{ emptyCell: true }, "(件数 10件)", { emptyCell: true }])).toBe("");
      expect(await cellAnswer(page, "CHECK", platform, ["A", 100, { emptyCell: true }])).toBe("");
    }
    // METRICS hands Excel no NaN: a value too long to be a number is #VALUE! in its own cell.
    expect(await cellAnswer(page, "METRICS", "desktop", [`(件数 ${"9".repeat(400)}件)`])).toEqual([
      ["", "件数", { error: "#VALUE!", message: "桁が多すぎて数値として読めません / Too many digits to read as a number" }, "件", "eq"],
    ]);
    await context.close();
  });

  it("registers nothing and raises nothing in a plain browser without CustomFunctions", async () => {
    const { page, errors } = await openPane(browser, { locale: "ja-JP", officeJs: "unreachable" });
    expect(errors).toEqual([]);
    await page.context().close();
  });
});

/** A host's header rules as the `_headers` file of Netlify and Cloudflare Pages writes them. */
function headerRules(text: string): Map<string, Record<string, string>> {
  const rules = new Map<string, Record<string, string>>();
  let current: Record<string, string> | undefined;
  for (const line of text.split("\n")) {
    if (line.trim() === "" || line.trim().startsWith("#")) continue;
    if (!/^\s/.test(line)) {
      current = {};
      rules.set(line.trim(), current);
    } else if (current) {
      const at = line.indexOf(":");
      current[line.slice(0, at).trim()] = line.slice(at + 1).trim();
    }
  }
  return rules;
}

/** dist/ served as a static host serves it, with the header rules of its `_headers` on GET. */
async function serveWithRules(rules: Map<string, Record<string, string>>): Promise<{ url: string; close: () => Promise<void> }> {
  const types: Record<string, string> = { ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".json": "application/json; charset=utf-8" };
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? "/", "http://x").pathname;
    const file = join(DIST, normalize(decodeURIComponent(path)).replace(/^([/\\])+/, ""));
    if (!file.startsWith(DIST) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end("not found");
      return;
    }
    const extra = req.method === "GET" ? (rules.get(path) ?? {}) : {};
    res.writeHead(200, { "Content-Type": types[extname(file)] ?? "application/octet-stream", ...extra });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => new Promise((done) => server.close(() => done())) };
}

/**
 * Excel on the web reads functions.json from its own origin ("enable CORS so that Office can access
 * the functions.json file", https://learn.microsoft.com/office/dev/add-ins/publish/publish-add-in-vs-code;
 * without it: "has been blocked by CORS policy: No 'Access-Control-Allow-Origin' header is present on
 * the requested resource", https://github.com/OfficeDev/Excel-Custom-Functions/issues/212). Chromium
 * enforces the same policy: a page of another origin reads what the host allows, and no more.
 */
describe("dist/ on a host with the shipped headers (dist/_headers)", () => {
  let hosted: { url: string; close: () => Promise<void> } | undefined;
  beforeAll(async () => {
    hosted = await serveWithRules(headerRules(readFileSync(join(DIST, "_headers"), "utf8")));
  });
  afterAll(async () => {
    await hosted?.close();
  });

  it("sends Access-Control-Allow-Origin on functions.json and functions.ja.json only", async () => {
    const host = hosted?.url ?? "";
    for (const file of ["functions.json", "functions.ja.json"]) {
      expect((await fetch(`${host}/${file}`)).headers.get("access-control-allow-origin"), file).toBe("*");
    }
    for (const file of ["taskpane.html", "taskpane.js", "functions.js", "manifest.xml", "samples/kodaira-r2.xlsx"]) {
      const response = await fetch(`${host}/${file}`);
      expect(response.status, file).toBe(200);
      expect(response.headers.get("access-control-allow-origin"), file).toBeNull();
    }
  });

  it("lets a page of another origin read the functions' metadata, as Excel on the web does, and not the pane", async () => {
    const host = hosted?.url ?? "";
    const plain = browser.server().url;
    const context = await browser.session().browser.newContext();
    const page = await context.newPage();
    const read = (url: string) =>
      page.evaluate(async (url) => {
        try {
          const response = await fetch(url);
          const text = await response.text();
          return url.endsWith(".json") ? `${response.status}: ${(JSON.parse(text) as { functions: unknown[] }).functions.length} functions` : `${response.status}`;
        } catch (error) {
          return `blocked: ${(error as Error).name}`;
        }
      }, url);
    // A page of another origin (another port): the plain host, which sends no such header.
    await page.goto(`${plain}/functions.json`);
    expect(await read(`${host}/functions.json`)).toBe("200: 6 functions");
    expect(await read(`${host}/functions.ja.json`)).toBe("200: 6 functions");
    expect(await read(`${host}/taskpane.html`)).toBe("blocked: TypeError");
    expect(await read(`${host}/functions.js`)).toBe("blocked: TypeError");
    // A host without the rule: what Excel on the web meets there, and the functions show #NAME?.
    await page.goto(`${host}/functions.json`);
    expect(await read(`${plain}/functions.json`)).toBe("blocked: TypeError");
    await context.close();
  });
});
