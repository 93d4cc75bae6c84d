// Fails the build when a shipped bundle contains a regular-expression lookbehind, (?<= or (?<!:
// WebKit before Safari 16.4 (the task pane on older Macs) cannot parse such a script at all, and the
// whole pane would not start. Run by `npm run build` after webpack.
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** Every lookbehind in a script's text, with a little context around it. */
export function lookbehinds(text) {
  return [...text.matchAll(/\(\?<[=!]/g)].map((m) => text.slice(Math.max(0, m.index - 30), m.index + 30));
}

function scripts(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === "cli" ? [] : scripts(path);
    return name.endsWith(".js") ? [path] : [];
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dist = resolve(process.argv[2] ?? "dist");
  const found = scripts(dist).flatMap((file) => lookbehinds(readFileSync(file, "utf8")).map((context) => `${relative(process.cwd(), file)}: …${context}…`));
  if (found.length > 0) {
    console.error(`Lookbehind in shipped bundles (older Safari cannot parse them):\n${found.join("\n")}`);
    process.exit(1);
  }
  console.log(`check-bundles: no lookbehind in ${scripts(dist).length} shipped scripts`);
}
