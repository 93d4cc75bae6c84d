// Prints what Excel downloads to open the task pane: the scripts taskpane.html loads at start-up,
// gzipped, against the 250 KB budget. Lazy chunks (exceljs among them) are listed apart.
// Usage: npm run size   (after npm run build)
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

export const BUDGET_BYTES = 250 * 1024;
const dist = join(dirname(fileURLToPath(import.meta.url)), "..", "dist");

/** Scripts referenced by taskpane.html from dist/ (office.js comes from Microsoft's CDN). */
export function initialScripts(html) {
  return [...html.matchAll(/<script[^>]*\bsrc=(?:"([^"]+)"|'([^']+)'|([^\s>]+))/g)]
    .map((m) => m[1] ?? m[2] ?? m[3])
    .filter((src) => !/^https?:/.test(src))
    .map((src) => src.replace(/^\.?\//, ""));
}

export function measure(distDir = dist) {
  const htmlPath = join(distDir, "taskpane.html");
  if (!existsSync(htmlPath)) throw new Error("dist/taskpane.html is missing: run npm run build first");
  const html = readFileSync(htmlPath, "utf8");
  const initial = initialScripts(html).map((file) => {
    const bytes = readFileSync(join(distDir, file));
    return { file, bytes: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
  });
  const chunkDir = join(distDir, "chunks");
  const lazy = existsSync(chunkDir)
    ? readdirSync(chunkDir)
        .filter((f) => f.endsWith(".js"))
        .map((f) => {
          const bytes = readFileSync(join(chunkDir, f));
          return { file: `chunks/${f}`, bytes: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
        })
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
