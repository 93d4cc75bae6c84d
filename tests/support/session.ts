import { afterAll, beforeAll } from "vitest";
import type { Page } from "playwright-core";
import { launch, routeOfficeJs, type OfficeJs, type Session } from "./browser";
import { serveDist, type StaticServer } from "./server";

/** dist/ served on loopback and one Chromium for the tests of a file; both closed after them. */
export function servedBrowser(): { server: () => StaticServer; session: () => Session } {
  let server: StaticServer | undefined;
  let session: Session | undefined;
  beforeAll(async () => {
    server = await serveDist();
    session = await launch();
  });
  afterAll(async () => {
    await session?.close();
    await server?.close();
  });
  const must = <T>(value: T | undefined, what: string): T => {
    if (!value) throw new Error(`${what} is not ready`);
    return value;
  };
  return { server: () => must(server, "the server"), session: () => must(session, "Chromium") };
}

/** Opens taskpane.html in a new context and waits for the pane; page errors are collected. */
export async function openPane(
  served: ReturnType<typeof servedBrowser>,
  options: { locale: string; officeJs: OfficeJs; viewport?: { width: number; height: number } },
): Promise<{ page: Page; errors: string[] }> {
  const context = await served.session().browser.newContext({ locale: options.locale, ...(options.viewport ? { viewport: options.viewport } : {}) });
  await routeOfficeJs(context, options.officeJs);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  // Anything the page's Content-Security-Policy refused is an error of the page too.
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) errors.push(message.text());
  });
  await page.goto(`${served.server().url}/taskpane.html`);
  await page.getByTestId("host-mode").waitFor();
  return { page, errors };
}
