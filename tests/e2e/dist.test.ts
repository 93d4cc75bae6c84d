import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { checkScript, shippedScripts } from "../../scripts/check-bundles.mjs";
import { routeOfficeJs, type OfficeJs } from "../support/browser";
import { find, findAll, parseXml } from "../support/manifest";
import { DIST } from "../support/server";
import { servedBrowser } from "../support/session";
// @ts-expect-error: a plain .mjs script without types
import { measure } from "../../scripts/size.mjs";

const root = resolve(__dirname, "../..");

interface Size {
  initial: { file: string; gzip: number }[];
  lazy: { file: string; bytes: number }[];
  initialGzip: number;
  budget: number;
}

describe("the production build (dist/)", () => {
  it("rewrites every localhost URL of the manifest to the production location (the test build's https://plan-progress.test/addin/)", () => {
    const xml = readFileSync(join(DIST, "manifest.xml"), "utf8");
    expect(xml).not.toMatch(/localhost/);
    expect(xml).toContain("https://plan-progress.test/addin/taskpane.html");
    const manifest = parseXml(xml);
    const urls = findAll(manifest, "Url").map((u) => u.attributes.DefaultValue ?? "");
    expect(urls.length).toBeGreaterThan(2);
    for (const url of urls) expect(url).toMatch(/^https:\/\//);
    expect(find(manifest, "AppDomains", "AppDomain")?.text).toMatch(/^https:\/\/[^/]+$/);
  });

  it("lists exactly the six functions in functions.json and functions.ja.json, with the same ids and parameters", () => {
    type Meta = { functions: { id: string; name: string; description: string; parameters: { name: string; type: string; optional?: boolean; description: string }[] }[] };
    const en = JSON.parse(readFileSync(join(DIST, "functions.json"), "utf8")) as Meta;
    const ja = JSON.parse(readFileSync(join(DIST, "functions.ja.json"), "utf8")) as Meta;
    const shape = (m: Meta) => m.functions.map((f) => [f.id, f.name, f.parameters.map((p) => [p.name, p.type, p.optional ?? false])]);
    expect(en.functions.map((f) => f.id).sort()).toEqual(["ACHIEVEMENT", "CHECK", "FISCALYEAR", "METRICS", "QUANTITY", "RATING"]);
    expect(shape(ja)).toEqual(shape(en));
    for (const f of ja.functions) {
      expect(f.description, f.id).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
      for (const p of f.parameters) expect(p.description, `${f.id}.${p.name}`).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
    }
    expect(en.functions.find((f) => f.id === "METRICS")).toMatchObject({ result: { dimensionality: "matrix" } });
  });

  it("holds taskpane.html, functions.js, functions.json and functions.ja.json listing PLAN.FISCALYEAR", () => {
    const html = readFileSync(join(DIST, "taskpane.html"), "utf8");
    expect(html).toContain("https://appsforoffice.microsoft.com/lib/1/hosted/office.js");
    expect(html).toMatch(/src="?[^"\s>]*taskpane\.js/);
    expect(html).toMatch(/src="?[^"\s>]*functions\.js/);
    for (const file of ["functions.json", "functions.ja.json"]) {
      const metadata = JSON.parse(readFileSync(join(DIST, file), "utf8")) as { functions: { id: string; name: string }[] };
      expect(metadata.functions.map((f) => f.id)).toContain("FISCALYEAR");
    }
    const ja = JSON.parse(readFileSync(join(DIST, "functions.ja.json"), "utf8")) as { functions: { id: string; description: string }[] };
    expect(ja.functions.find((f) => f.id === "FISCALYEAR")?.description).toMatch(/年度/);
  });

  it("keeps the start-up scripts within 200 KB gzip, with exceljs only in a lazy chunk", () => {
    const size = measure(DIST) as Size;
    expect(size.initial.map((f) => f.file)).toEqual(expect.arrayContaining(["runtime.js", "taskpane.js", "functions.js"]));
    expect(size.initialGzip).toBeLessThanOrEqual(size.budget);
    expect(size.budget).toBe(200 * 1024);
    const initialText = size.initial.map((f) => readFileSync(join(DIST, f.file), "utf8")).join("\n");
    const lazyText = size.lazy.map((f) => readFileSync(join(DIST, f.file), "utf8")).join("\n");
    // exceljs carries its own zip library (JSZip): present in a lazy chunk, absent from what loads first.
    const marker = /JSZip/;
    expect(lazyText).toMatch(marker);
    expect(initialText).not.toMatch(marker);
  });

  it("prints the sizes with npm run size", () => {
    const out = spawnSync(process.execPath, [join(root, "scripts/size.mjs")], { encoding: "utf8" }).stdout;
    expect(out).toMatch(/合計 \/ total gzip: [\d.]+ KB \(上限 \/ budget 200\.0 KB\)/);
  });

  it("ships only scripts that Safari 14.1 (Excel on Mac's WebKit) parses and runs: every chunk, not only the start-up ones", () => {
    const files = shippedScripts(DIST);
    expect(files.length).toBeGreaterThan(5);
    for (const file of files) expect(checkScript(readFileSync(file, "utf8")), file).toEqual([]);
  });
});

const browser = servedBrowser();

/** taskpane.html in a fresh context; with `frozen`, its clock stands still: no timer fires unless the test moves it. */
async function pane(officeJs: OfficeJs, { frozen = false } = {}) {
  const context = await browser.session().browser.newContext({ locale: "ja-JP", acceptDownloads: true });
  await routeOfficeJs(context, officeJs);
  if (frozen) {
    await context.clock.install({ time: 0 });
    await context.clock.pauseAt(1);
  }
  const page = await context.newPage();
  const requested: string[] = [];
  page.on("request", (request) => requested.push(new URL(request.url()).pathname));
  await page.goto(`${browser.server().url}/taskpane.html`, { waitUntil: "domcontentloaded" });
  return { context, page, requested };
}

describe("file mode on a network without Microsoft's CDN (the production build in Chromium)", () => {
  it("opens at once when office.js fails to load: no timer has to run, and no note about a slow Office", async () => {
    const { context, page } = await pane("unreachable", { frozen: true });
    await page.getByTestId("host-mode").waitFor();
    expect(await page.getByTestId("host-mode").getAttribute("data-host")).toBe("file");
    expect(await page.getByTestId("office-slow").count()).toBe(0);
    await page.getByTestId("load-sample").waitFor();
    await context.close();
  });

  it("still waits 1.5 s for an office.js that never answers, says it is waiting, then opens with the note", async () => {
    const { context, page } = await pane("hang", { frozen: true });
    await context.clock.runFor(1400);
    expect(await page.getByTestId("host-mode").count()).toBe(0);
    expect(await page.locator("#boot").innerText()).toContain("Office の応答を待っています");
    await context.clock.runFor(100);
    await page.getByTestId("office-slow").waitFor();
    expect(await page.getByTestId("host-mode").getAttribute("data-host")).toBe("file");
    await context.close();
  });

  it("inside Excel, downloads Excel's home apart, and says so in the pane when that download fails", async () => {
    const context = await browser.session().browser.newContext({ locale: "ja-JP" });
    await routeOfficeJs(context, "empty");
    await context.addInitScript(() => {
      (window as unknown as { Office: object }).Office = {
        HostType: { Excel: "Excel" },
        context: { displayLanguage: "ja-JP" },
        onReady: () => Promise.resolve({ host: "Excel", platform: "PC" }),
      };
    });
    await context.route("**/chunks/excel-home.*.js", (route) => route.abort("connectionreset"));
    const page = await context.newPage();
    await page.goto(`${browser.server().url}/taskpane.html?_host_Info=Excel$Win32$16.01$ja-JP$$$$0`);
    await page.getByTestId("home-failed").waitFor();
    expect(await page.getByTestId("host-mode").getAttribute("data-host")).toBe("excel");
    expect(await page.getByTestId("home-failed").innerText()).toBe("作業ウィンドウの画面を読み込めませんでした。ネットワークを確かめてから、作業ウィンドウを開き直してください。");
    await context.close();
  });

  it("downloads no writer (exceljs, the xlsx-write chunk) to open a workbook, and downloads it to write the report", async () => {
    const chunks = join(DIST, "chunks");
    const writers = readdirSync(chunks)
      .filter((f) => f.startsWith("xlsx-write.") || readFileSync(join(chunks, f), "utf8").includes("JSZip"))
      .map((f) => `/chunks/${f}`);
    expect(writers.length).toBeGreaterThan(0);
    const { context, page, requested } = await pane("unreachable");
    await page.getByTestId("load-sample").click();
    await page.getByTestId("loaded").waitFor();
    expect(requested.filter((p) => writers.includes(p))).toEqual([]);
    await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "レポート作成" }).click()]);
    expect(requested.filter((p) => writers.includes(p)).length).toBeGreaterThan(0);
    await context.close();
  });
});

describe("the plan-progress command (bin)", () => {
  const cli = (...args: string[]) =>
    spawnSync(process.execPath, [join(root, "bin/plan-progress.js"), ...args], { encoding: "utf8", cwd: root });

  it("prints the fiscal year", () => {
    const run = cli("fy", "令和3年3月末");
    expect(run.status).toBe(0);
    expect(run.stdout.trim()).toBe("2020");
  });

  it("prints the metrics of the ①②③ fiscal block as JSON, markers 1 to 3", () => {
    const run = cli("metrics", "(①経常収支比率80%台 ②財政調整基金35億円 ③公共施設整備基金25億円)", "--json");
    expect(run.status).toBe(0);
    const metrics = JSON.parse(run.stdout) as { marker: number; value: number }[];
    expect(metrics.map((m) => [m.marker, m.value])).toEqual([
      [1, 80],
      [2, 3_500_000_000],
      [3, 2_500_000_000],
    ]);
  });

  it("checks the sample: findings as JSON and exit 1; a file that is not .xlsx: one Japanese line and exit 2", () => {
    const run = cli("check", "seeds/kodaira-r2.xlsx", "--json");
    expect(run.status).toBe(1);
    const report = JSON.parse(run.stdout) as { findings: { code: string; item: string }[] };
    expect(report.findings[0]).toMatchObject({ code: "RATING_OVERSTATED", item: "12" });
    const bad = cli("check", "README.md");
    expect(bad.status).toBe(2);
    expect(bad.stdout).toBe("");
    expect(bad.stderr).toBe("plan-progress: README.md: .xlsx ファイルではありません。Excel ブック（.xlsx）を指定してください。\n");
  });

  it("compares two years the same whether last year's workbook is read in a worker thread or in turn, failures said in the same order", () => {
    const inWorker = (...args: string[]) =>
      spawnSync(process.execPath, [join(root, "bin/plan-progress.js"), ...args], { encoding: "utf8", cwd: root, env: { ...process.env, PLAN_PROGRESS_DIFF_WORKER_BYTES: "0" } });
    const inTurn = (...args: string[]) =>
      spawnSync(process.execPath, [join(root, "bin/plan-progress.js"), ...args], { encoding: "utf8", cwd: root, env: { ...process.env, PLAN_PROGRESS_DIFF_WORKER_BYTES: "1e12" } });
    const cases = [
      ["diff", "seeds/kodaira-r2.xlsx", "seeds/kodaira-r3.xlsx"],
      ["diff", "seeds/kodaira-r2.xlsx", "seeds/kodaira-r3.xlsx", "--json", "--lang", "en"],
      ["diff", "README.md", "seeds/kodaira-r3.xlsx"],
      ["diff", "seeds/kodaira-r2.xlsx", "README.md"],
      ["diff", "seeds/kodaira-r2.xlsx", "no-such.xlsx"],
      ["diff", "README.md", "no-such.xlsx"],
    ];
    for (const args of cases) {
      const a = inWorker(...args);
      const b = inTurn(...args);
      expect([a.status, a.stdout, a.stderr], args.join(" ")).toEqual([b.status, b.stdout, b.stderr]);
    }
    expect(inWorker(...(cases[0] as string[])).stdout).toContain("RATING_");
    expect(inWorker(...(cases[2] as string[])).stderr).toContain("README.md");
  });

  it("shows help in Japanese, and in English with --lang en", () => {
    expect(cli("--help").stdout).toContain("使い方: plan-progress");
    expect(cli("--help", "--lang", "en").stdout).toContain("Usage: plan-progress");
    expect(cli("fy", "--help").stdout).toContain("年度");
  });

  it("exits 2 with one Japanese line and no stack trace on a user error", () => {
    for (const run of [cli("fy", "なし"), cli("nope"), cli("fy", "--bogus")]) {
      expect(run.status).toBe(2);
      expect(run.stderr.trim().split("\n")).toHaveLength(1);
      expect(run.stderr).toMatch(/^plan-progress: /);
      expect(run.stderr).not.toMatch(/\bat .*\(.*:\d+:\d+\)/);
    }
  });
});

describe("the command line's code cache (bin/load.js, made by scripts/code-cache.cjs)", () => {
  const entry = join(root, "dist/cli/plan-progress.js");
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the loader is a plain CommonJS file of bin/
  const { buildOf, cacheFolder } = require("../../bin/load.js") as { buildOf: (source: string) => string | undefined; cacheFolder: (dist: string, build: string) => string };

  /** Runs the command through the loader from `dist` (a copy, say) and reports, on stderr's last line, what V8 said of each cache. */
  function throughLoader(dist: string, args: string[]) {
    const dir = mkdtempSync(join(tmpdir(), "plan-progress-load-"));
    const driver = join(dir, "driver.cjs");
    writeFileSync(
      driver,
      `const scripts = require(${JSON.stringify(join(root, "bin/load.js"))}).load(${JSON.stringify(join(dist, "plan-progress.js"))});
process.on("exit", () => process.stderr.write("\\n" + JSON.stringify(scripts.map((s) => [require("path").basename(s.file), s.script.cachedDataRejected ?? null])) + "\\n"));`,
    );
    try {
      const run = spawnSync(process.execPath, [driver, ...args], { encoding: "utf8", cwd: root });
      const lines = run.stderr.trimEnd().split("\n");
      return { status: run.status, stdout: run.stdout, stderr: lines.slice(0, -1).join("\n").trimEnd(), caches: JSON.parse(lines[lines.length - 1] ?? "[]") as [string, boolean | null][] };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  /** The same command without the loader: the entry required as Node requires it, nothing cached. */
  const plain = (args: string[]) => spawnSync(process.execPath, [entry, ...args], { encoding: "utf8", cwd: root });

  const COMMANDS = [
    ["check", "seeds/kodaira-r2.xlsx"],
    ["check", "seeds/kodaira-r2.xlsx", "--json", "--lang", "en"],
    ["check", "seeds/sado-2006.xlsx", "--explain"],
    ["check", "README.md"],
    ["diff", "seeds/kodaira-r2.xlsx", "seeds/kodaira-r3.xlsx"],
    ["fy", "令和3年3月末"],
    ["metrics", "職員数 1,234人（達成率 95%）"],
    ["--help"],
  ];

  it("is made by the build for this build and this V8, and V8 takes it for the files a check runs", () => {
    const build = buildOf(readFileSync(entry, "utf8"));
    expect(build).toMatch(/^[0-9a-f]{16,}$/);
    const folder = cacheFolder(join(root, "dist/cli"), build as string);
    expect(folder).toContain(process.versions.v8);
    expect(readdirSync(folder).sort()).toEqual(expect.arrayContaining(["plan-progress.js.cache"]));
    const run = throughLoader(join(root, "dist/cli"), ["check", "seeds/kodaira-r2.xlsx"]);
    expect(run.status).toBe(1);
    // The entry and the check's chunks, each from its cache (false: not rejected).
    expect(run.caches.length).toBeGreaterThanOrEqual(2);
    expect(run.caches.every(([, rejected]) => rejected === false), JSON.stringify(run.caches)).toBe(true);
  });

  it("runs a file edited after the build (the same length, the same build's name) as it now is, never as cached", () => {
    const copy = mkdtempSync(join(tmpdir(), "plan-progress-dist-"));
    try {
      cpSync(join(root, "dist/cli"), copy, { recursive: true });
      const { version } = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { version: string };
      const edited = version.replace(/\d/g, "9");
      const source = readFileSync(join(copy, "plan-progress.js"), "utf8");
      expect(source).toContain(`version:"${version}"`);
      writeFileSync(join(copy, "plan-progress.js"), source.replace(`version:"${version}"`, `version:"${edited}"`));
      const run = throughLoader(copy, ["--version"]);
      expect(run.stdout.trim()).toBe(edited);
      // The entry's cache, made from other bytes, was not handed to V8.
      expect(run.caches.find(([file]) => file === "plan-progress.js")?.[1]).toBeNull();
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  });

  it("changes nothing a command writes: the same output and exit code with the cache, without it, and with a damaged or another build's cache", () => {
    const copy = mkdtempSync(join(tmpdir(), "plan-progress-dist-"));
    const other = mkdtempSync(join(tmpdir(), "plan-progress-dist-"));
    try {
      // A copy whose every cache file is damaged (not handed to V8, which could crash on it), and one of
      // another build (not looked for).
      cpSync(join(root, "dist/cli"), copy, { recursive: true });
      const build = buildOf(readFileSync(entry, "utf8")) as string;
      const folder = cacheFolder(copy, build);
      for (const name of readdirSync(folder)) {
        const bytes = readFileSync(join(folder, name));
        bytes.fill(7, 64, Math.min(bytes.length, 4096));
        writeFileSync(join(folder, name), bytes);
      }
      cpSync(join(root, "dist/cli"), other, { recursive: true });
      writeFileSync(join(other, "plan-progress.js"), readFileSync(entry, "utf8").replace(build, "0".repeat(build.length)));
      for (const args of COMMANDS) {
        const expected = plain(args);
        for (const [name, dist, caches] of [
          ["cached", join(root, "dist/cli"), (c: boolean | null) => c === false],
          ["damaged", copy, (c: boolean | null) => c === null],
          ["another build", other, (c: boolean | null) => c === null],
        ] as const) {
          const run = throughLoader(dist, args);
          expect([run.status, run.stdout, run.stderr], `${name}: ${args.join(" ")}`).toEqual([expected.status, expected.stdout, expected.stderr.trimEnd()]);
          if (args[0] === "check" && args[1] !== "README.md") expect(run.caches.filter(([file]) => file === "plan-progress.js").every(([, c]) => caches(c)), `${name}: ${JSON.stringify(run.caches)}`).toBe(true);
        }
      }
    } finally {
      rmSync(copy, { recursive: true, force: true });
      rmSync(other, { recursive: true, force: true });
    }
  });
});
