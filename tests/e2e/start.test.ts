import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import { resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkScript } from "../../scripts/check-bundles.mjs";
// @ts-expect-error: a plain .mjs script without types
import { initialScripts } from "../../scripts/size.mjs";
import { launch, routeOfficeJs, screenshot, type Session } from "../support/browser";

// What a new user does: `npm start`, then the browser on http://localhost:<port>/.
const root = resolve(__dirname, "../..");
let server: ChildProcess | undefined;
let session: Session;
let port = 0;
let output = "";

async function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once("error", fail);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => done(typeof address === "object" && address ? address.port : 0));
    });
  });
}

beforeAll(async () => {
  port = await freePort();
  server = spawn("npm", ["start"], {
    cwd: root,
    env: { ...process.env, PORT: String(port) },
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  server.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  server.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const deadline = Date.now() + 55_000;
  while (!/compiled (successfully|with)/.test(output)) {
    if (Date.now() > deadline || server.exitCode !== null) throw new Error(`npm start did not come up:\n${output}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  session = await launch();
}, 60_000);

afterAll(async () => {
  await session?.close();
  if (server?.pid) process.kill(-server.pid, "SIGTERM");
});

describe("npm start", () => {
  it("prints how to open file mode and how to sideload", () => {
    expect(output).toContain(`http://localhost:${port}/taskpane.html`);
    expect(output).toContain("npm run start:desktop");
  });

  it("serves the Japanese task pane at the root URL, and the sample loads with one click", async () => {
    const context = await session.browser.newContext({ locale: "ja-JP", viewport: { width: 420, height: 800 } });
    await routeOfficeJs(context, "local-copy");
    const page = await context.newPage();
    await page.goto(`http://localhost:${port}/`);
    await page.getByTestId("host-mode").waitFor();
    expect(await page.getByRole("heading", { level: 1 }).innerText()).toBe("計画進捗チェッカー");
    await page.getByRole("button", { name: "サンプルを読み込む" }).click();
    await page.getByTestId("loaded").waitFor();
    expect(await page.getByTestId("table-location").innerText()).toContain("進捗管理表");
    await screenshot(page, "npm-start-sample-ja");
    await context.close();
  });

  it("serves scripts that Safari 14.1 runs too (the development build sideloaded into Excel on Mac)", async () => {
    const html = await (await fetch(`http://localhost:${port}/taskpane.html`)).text();
    const scripts = initialScripts(html) as string[];
    expect(scripts).toContain("taskpane.js");
    for (const script of scripts) {
      const text = await (await fetch(`http://localhost:${port}/${script}`)).text();
      expect(checkScript(text), script).toEqual([]);
    }
  });
});
