import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";

/** Debian's Chromium; the browser tests fail (never skip) when it is missing. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const SCREENSHOTS = resolve(__dirname, "../../test-results");
const OFFICE_JS = dirname(require.resolve("@microsoft/office-js/package.json"));
const OFFICE_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/";

export interface Session {
  browser: Browser;
  close: () => Promise<void>;
}

/** Chromium headless; `extraArgs` adds switches (the benchmarks' precise memory figures). */
export async function launch(extraArgs: readonly string[] = []): Promise<Session> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium not found at ${CHROMIUM}: install Debian's chromium (bash .ci/run does)`);
  }
  // playwright-core gives every launch a fresh, temporary user-data dir of its own.
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      ...extraArgs,
    ],
  });
  return {
    browser,
    close: () => browser.close(),
  };
}

export type OfficeJs = "local-copy" | "unreachable" | "empty" | "hang";

/**
 * Answers the page's request for office.js from Microsoft's CDN without the network:
 * "local-copy" serves the npm package's files, "unreachable" fails the request as an offline
 * machine would, "empty" serves an empty script (for pages whose host is stubbed), "hang" never answers
 * (a slow or blocking proxy).
 */
export async function routeOfficeJs(context: BrowserContext, mode: OfficeJs): Promise<void> {
  await context.route(`${OFFICE_CDN}**`, async (route) => {
    if (mode === "unreachable") return route.abort("internetdisconnected");
    // A proxy that never answers: the request stays open for as long as the page lives.
    if (mode === "hang") return new Promise<void>(() => undefined);
    if (mode === "empty") return route.fulfill({ status: 200, contentType: "text/javascript", body: "" });
    const file = join(OFFICE_JS, "dist", new URL(route.request().url()).pathname.replace("/lib/1/hosted/", ""));
    if (!existsSync(file)) return route.fulfill({ status: 404, body: "" });
    return route.fulfill({ status: 200, contentType: "text/javascript", body: readFileSync(file) });
  });
}

export async function screenshot(page: Page, name: string, fullPage = true): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const path = join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path, fullPage });
  return path;
}
