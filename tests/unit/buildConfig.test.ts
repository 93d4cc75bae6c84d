import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { find, parseXml, type XmlElement } from "../support/manifest";

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

  it("names no cross-origin header itself: the development server takes the hosts' rule from hosting/cors.js", () => {
    const config = readFileSync(resolve(__dirname, "../../webpack.config.js"), "utf8");
    expect(config).not.toMatch(/Access-Control-Allow-Origin/);
    const devServer = config.slice(config.indexOf("devServer: {"), config.indexOf("devServer: {") + 800);
    expect(devServer).toMatch(/headers: \(req\) => require\("\.\/hosting\/cors"\)\.corsHeaders\(req\.method, req\.url\)/);
    // The tests' own server (the stand-in for a static host without the rule) sends none.
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

/**
 * Excel on the web reads functions.json (functions.ja.json in Japanese) from its own origin, so the
 * host must send Access-Control-Allow-Origin on them: "enable CORS so that Office can access the
 * functions.json file" (https://learn.microsoft.com/office/dev/add-ins/publish/publish-add-in-vs-code);
 * without it the functions show #NAME? (https://github.com/OfficeDev/Excel-Custom-Functions/issues/212).
 * One rule (hosting/cors.js): those two files, GET, "*"; nothing else readable from another origin.
 */
describe("cross-origin reads of the functions' metadata", () => {
  const hosting = resolve(__dirname, "../../hosting");
  const { CORS_PATHS, CORS_HEADERS, corsHeaders } = load("../../hosting/cors.js") as {
    CORS_PATHS: string[];
    CORS_HEADERS: Record<string, string>;
    corsHeaders: (method: string, url: string) => Record<string, string>;
  };
  /** One rule as a host states it: the path, the methods it is limited to ("*" for any), its headers. */
  interface Rule {
    path: string;
    methods: string;
    headers: Record<string, string>;
  }
  const expected: Rule[] = CORS_PATHS.map((path) => ({ path, methods: "GET", headers: { "Access-Control-Allow-Origin": "*" } }));

  it("is the two metadata files, \"*\", for GET", () => {
    expect(CORS_PATHS).toEqual(["/functions.json", "/functions.ja.json"]);
    expect(CORS_HEADERS).toEqual({ "Access-Control-Allow-Origin": "*" });
    expect(corsHeaders("GET", "/functions.json")).toEqual({ "Access-Control-Allow-Origin": "*" });
    expect(corsHeaders("GET", "/functions.ja.json?v=2")).toEqual({ "Access-Control-Allow-Origin": "*" });
    for (const [method, url] of [["GET", "/taskpane.html"], ["GET", "/functions.js"], ["GET", "/manifest.xml"], ["GET", "/samples/kodaira-r2.xlsx"], ["POST", "/functions.json"], ["OPTIONS", "/functions.json"], ["GET", "/x/functions.json"]]) {
      expect(corsHeaders(method as string, url as string), `${method} ${url}`).toEqual({});
    }
  });

  it("is what the development server sends", async () => {
    const config = load("../../webpack.config.js") as (env: object, options: { mode: string }) => Promise<{ devServer: { headers: (req: object) => object } }>;
    const { devServer } = await config({ WEBPACK_SERVE: true }, { mode: "development" });
    expect(devServer.headers({ method: "GET", url: "/functions.json" })).toEqual({ "Access-Control-Allow-Origin": "*" });
    expect(devServer.headers({ method: "GET", url: "/functions.ja.json" })).toEqual({ "Access-Control-Allow-Origin": "*" });
    expect(devServer.headers({ method: "GET", url: "/taskpane.html" })).toEqual({});
    expect(devServer.headers({ method: "POST", url: "/functions.json" })).toEqual({});
  });

  it("is what the Netlify / Cloudflare Pages _headers file states", () => {
    const rules: Rule[] = [];
    for (const line of readFileSync(resolve(hosting, "_headers"), "utf8").split("\n")) {
      if (line.trim() === "" || line.trim().startsWith("#")) continue;
      if (!/^\s/.test(line)) rules.push({ path: line.trim(), methods: "GET", headers: {} });
      else {
        const [name, ...value] = line.trim().split(":");
        const rule = rules.at(-1);
        if (!rule || !name) throw new Error(`a header before any path: ${line}`);
        rule.headers[name.trim()] = value.join(":").trim();
      }
    }
    // A static host answers GET (and HEAD) of a file; the file cannot narrow the methods further.
    expect(rules).toEqual(expected);
  });

  it("is what the Azure Static Web Apps staticwebapp.config.json states", () => {
    const config = JSON.parse(readFileSync(resolve(hosting, "staticwebapp.config.json"), "utf8")) as {
      routes: { route: string; methods?: string[]; headers?: Record<string, string> }[];
      globalHeaders?: Record<string, string>;
    };
    expect(config.globalHeaders).toBeUndefined();
    expect(config.routes.map((r) => ({ path: r.route, methods: (r.methods ?? ["*"]).join(","), headers: r.headers ?? {} }))).toEqual(expected);
  });

  it("is what the IIS web.config states", () => {
    const root = parseXml(readFileSync(resolve(hosting, "web.config"), "utf8"));
    expect(root.name).toBe("configuration");
    const rules: Rule[] = root.children
      .filter((c) => c.name === "location")
      .map((location) => {
        const server = location.children.find((c) => c.name === "system.webServer");
        const headers = Object.fromEntries(
          (find(server as XmlElement, "httpProtocol", "customHeaders")?.children ?? []).map((h) => [h.attributes.name ?? "", h.attributes.value ?? ""]),
        );
        const verbs = find(server as XmlElement, "security", "requestFiltering", "verbs");
        const allowed = verbs?.attributes.allowUnlisted === "false" ? (verbs.children.filter((v) => v.attributes.allowed === "true").map((v) => v.attributes.verb).join(",")) : "*";
        return { path: `/${location.attributes.path}`, methods: allowed, headers };
      });
    expect(rules).toEqual(expected);
    // No header for the whole site.
    expect(find(root, "system.webServer", "httpProtocol")).toBeUndefined();
  });

  it("is what the nginx snippet states", () => {
    const conf = readFileSync(resolve(hosting, "nginx.conf"), "utf8").replace(/#.*$/gm, "");
    const rules: Rule[] = [...conf.matchAll(/location\s*=\s*(\S+)\s*\{([\s\S]*?)\n\}/g)].map(([, path, body]) => ({
      path: path ?? "",
      methods: /limit_except\s+GET\s*\{\s*deny all;\s*\}/.test(body ?? "") ? "GET" : "*",
      headers: Object.fromEntries([...(body ?? "").matchAll(/add_header\s+(\S+)\s+"([^"]*)"/g)].map(([, name, value]) => [name, value])),
    }));
    expect(rules).toEqual(expected);
    expect(conf.match(/add_header/g)).toHaveLength(2);
  });

  it("ships those configurations in dist/: the production build copies them", async () => {
    const config = load("../../webpack.config.js") as (env: object, options: { mode: string }) => Promise<{ name: string; plugins: object[] }[]>;
    const [web] = await config({ publicUrl: "https://plan-progress.test/addin/" }, { mode: "production" });
    const copy = web?.plugins.find((p) => p.constructor.name === "CopyPlugin") as { patterns: { from: string; to: string; toType?: string }[] } | undefined;
    const copied = new Map((copy?.patterns ?? []).map((p) => [p.from, p.to]));
    expect(copied.get("hosting/_headers")).toBe("_headers");
    // A name without an extension is a folder to copy-webpack-plugin unless told otherwise.
    expect(copy?.patterns.find((p) => p.from === "hosting/_headers")?.toType).toBe("file");
    expect(copied.get("hosting/staticwebapp.config.json")).toBe("staticwebapp.config.json");
    expect(copied.get("hosting/web.config")).toBe("web.config");
  });
});
