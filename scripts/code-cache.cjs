// After the command line's build (npm run build, build:test): runs the built command once on the sample,
// in a process of its own, and keeps V8's code cache of what it compiled (bin/load.js) — each later run
// starts from that bytecode instead of parsing and compiling the same code again.
"use strict";
const { spawnSync } = require("child_process");
const fs = require("fs");
const path = require("path");

const root = path.join(__dirname, "..");
const entry = path.join(root, "dist", "cli", "plan-progress.js");

if (process.argv[2] === "--run") {
  // The warm-up itself: the command's arguments follow.
  process.argv.splice(1, 2);
  require(path.join(root, "bin", "load.js")).load(entry, { produce: true });
} else {
  const { buildOf, cacheFolder } = require(path.join(root, "bin", "load.js"));
  const build = buildOf(fs.readFileSync(entry, "utf8"));
  if (build === undefined) {
    console.log("code cache: none (a development build)");
    process.exit(0);
  }
  const sample = path.join(root, "seeds", "kodaira-r2.xlsx");
  const run = spawnSync(process.execPath, [__filename, "--run", entry, "check", sample], { stdio: ["ignore", "ignore", "pipe"], encoding: "utf8" });
  // Exit code 1: the sample has error findings (docs/contracts/cli.md).
  if (run.status !== 0 && run.status !== 1) {
    process.stderr.write(`code cache: the warm-up run failed (exit ${run.status}): ${run.stderr}\n`);
    process.exit(1);
  }
  const folder = cacheFolder(path.dirname(entry), build);
  const files = fs.readdirSync(folder);
  console.log(`code cache: ${files.length} files in ${path.relative(root, folder)}`);
}
