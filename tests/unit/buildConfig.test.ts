import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";

// The build's own files are CommonJS, as Microsoft's templates write them.
const load = createRequire(__filename);

/** The production build's promises that are not about the code: where it is published, what the page allows. */
describe("the production build's settings", () => {
  it("refuses to build without ADDIN_PUBLIC_URL, or with one that is not https or lacks the trailing slash", async () => {
    const { publicUrl } = load("../../scripts/webpack/public-url.js") as { publicUrl: (value?: string) => string };
    expect(() => publicUrl(undefined)).toThrow(/ADDIN_PUBLIC_URL が設定されていません/);
    expect(() => publicUrl("https://example.jp/plan-progress")).toThrow(/must end with a slash/);
    expect(() => publicUrl("http://example.jp/")).toThrow(/must be https/);
    expect(() => publicUrl("not a url/")).toThrow(/not a URL/);
    expect(publicUrl("https://example.jp/plan-progress/")).toBe("https://example.jp/plan-progress/");
  });

  it("makes webpack's production configuration fail without it, and the development one run without it", async () => {
    const saved = process.env.ADDIN_PUBLIC_URL;
    delete process.env.ADDIN_PUBLIC_URL;
    try {
      const config = load("../../webpack.config.js") as (env: object, options: { mode: string }) => Promise<unknown>;
      await expect(config({}, { mode: "production" })).rejects.toThrow(/ADDIN_PUBLIC_URL/);
      await expect(config({ publicUrl: "https://plan-progress.test/addin/" }, { mode: "production" })).resolves.toBeTruthy();
      await expect(config({}, { mode: "development" })).resolves.toBeTruthy();
    } finally {
      if (saved !== undefined) process.env.ADDIN_PUBLIC_URL = saved;
    }
  });

  it("sends Access-Control-Allow-Origin only from the development server", () => {
    const config = readFileSync(resolve(__dirname, "../../webpack.config.js"), "utf8");
    const allowAll = [...config.matchAll(/Access-Control-Allow-Origin/g)];
    expect(allowAll).toHaveLength(1);
    const devServer = config.slice(config.indexOf("devServer: {"), config.indexOf("devServer: {") + 800);
    expect(devServer).toContain('"Access-Control-Allow-Origin": "*"');
    // The tests' own server (the stand-in for a static host) sends none.
    expect(readFileSync(resolve(__dirname, "../support/server.ts"), "utf8")).not.toMatch(/Access-Control-Allow-Origin/);
  });

  it("gives the page a Content-Security-Policy: its own origin and office.js's, nothing else", () => {
    const html = readFileSync(resolve(__dirname, "../../src/taskpane/taskpane.html"), "utf8");
    const policy = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1] ?? "";
    const directives = new Map(policy.split(";").map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name, values]));
    expect(directives.get("default-src")).toEqual(["'self'"]);
    expect(directives.get("script-src")).toEqual(["'self'", "https://appsforoffice.microsoft.com"]);
    expect(directives.get("object-src")).toEqual(["'none'"]);
    const origins = policy.match(/https?:\/\/[^\s;]+/g) ?? [];
    expect(new Set(origins)).toEqual(new Set(["https://appsforoffice.microsoft.com"]));
  });
});
