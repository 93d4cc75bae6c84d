// Prints what a browser downloads to open the task pane: the scripts taskpane.html loads at start-up
// (its script tags, and any script it preloads), gzipped, against the 200 KB budget. Lazy chunks
// (Excel's home, the reader, the writer with exceljs) are listed apart. `npm run bench` measures the
// same in Chromium, with what file mode downloads before it is interactive.
// Usage: npm run size   (after npm run build)
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

export const BUDGET_BYTES = 200 * 1024;
const dist = join(dirname(fileURLToPath(import.meta.url)), "..", "dist");

const attribute = (tag, name) => {
  const m = new RegExp(`\\b${name}=(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, "i").exec(tag);
  return m ? (m[1] ?? m[2] ?? m[3]) : undefined;
};

/** Scripts taskpane.html loads from dist/ at start-up: script tags and script preloads (office.js comes from Microsoft's CDN). */
export function initialScripts(html) {
  const scripts = [...html.matchAll(/<script\b[^>]*>/gi)].map((m) => attribute(m[0], "src"));
  const preloads = [...html.matchAll(/<link\b[^>]*>/gi)]
    .map((m) => m[0])
    .filter((tag) => {
      const rel = (attribute(tag, "rel") ?? "").toLowerCase();
      return rel === "modulepreload" || (rel === "preload" && attribute(tag, "as") === "script");
    })
    .map((tag) => attribute(tag, "href"));
  return [...new Set([...scripts, ...preloads].filter((src) => src !== undefined && !/^(https?:)?\/\//.test(src)).map((src) => src.replace(/^\.?\//, "")))];
}

const sized = (distDir, file) => {
  const bytes = readFileSync(join(distDir, file));
  return { file, bytes: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
};

export function measure(distDir = dist) {
  const htmlPath = join(distDir, "taskpane.html");
  if (!existsSync(htmlPath)) throw new Error("dist/taskpane.html is missing: run npm run build first");
  const initial = initialScripts(readFileSync(htmlPath, "utf8")).map((file) => sized(distDir, file));
  const chunkDir = join(distDir, "chunks");
  const lazy = existsSync(chunkDir)
    ? readdirSync(chunkDir)
        .filter((f) => f.endsWith(".js"))
        .map((f) => sized(distDir, `chunks/${f}`))
    : [];
  const initialGzip = initial.reduce((sum, f) => sum + f.gzip, 0);
  return { initial, lazy, initialGzip, budget: BUDGET_BYTES };
}

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const result = measure();
  console.log("初期読み込み / initial (taskpane.html):");
  for (const f of result.initial) console.log(`  ${f.file.padEnd(36)} ${kb(f.bytes).padStart(10)}  gzip ${kb(f.gzip)}`);
  console.log(`  合計 / total gzip: ${kb(result.initialGzip)} (上限 / budget ${kb(result.budget)})`);
  console.log("遅延読み込み / lazy chunks:");
  for (const f of result.lazy) console.log(`  ${f.file.padEnd(36)} ${kb(f.bytes).padStart(10)}  gzip ${kb(f.gzip)}`);
  if (result.initialGzip > result.budget) {
    console.error("初期読み込みが上限を超えています / initial scripts exceed the budget");
    process.exitCode = 1;
  }
}
