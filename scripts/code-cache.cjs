// After the command line's build (npm run build, build:test): runs the built command once on the sample,
// in a process of its own, and keeps V8's code cache of what it compiled (bin/load.js) — each later run
// starts from that bytecode instead of parsing and compiling the same code again. Then runs it once more
// from the cache, and says whether V8 took it.
"use strict";
const { spawnSync } = require("child_process");
const fs = require("fs");
const path = require("path");
const zlib = require("zlib");

const root = path.join(__dirname, "..");
const entry = path.join(root, "dist", "cli", "plan-progress.js");
const loader = path.join(root, "bin", "load.js");
const sample = path.join(root, "seeds", "kodaira-r2.xlsx");

if (process.argv[2] === "--run" || process.argv[2] === "--verify") {
  // The warm-up (--run) or the run from the cache (--verify); the command's arguments follow.
  const produce = process.argv[2] === "--run";
  process.argv.splice(1, 2);
  const scripts = require(loader).load(entry, { produce });
  if (!produce) process.on("exit", () => process.stderr.write(`\n${JSON.stringify(scripts.map((s) => [path.basename(s.file), s.script.cachedDataRejected ?? null]))}\n`));
} else {
  const { buildOf, cacheFolder } = require(loader);
  const build = buildOf(fs.readFileSync(entry, "utf8"));
  if (build === undefined) {
    console.log("code cache: none (a development build)");
    process.exit(0);
  }
  if (typeof zlib.crc32 !== "function") {
    console.log(`code cache: none (Node ${process.version} has no zlib.crc32; 20.15 or later keeps one)`);
    process.exit(0);
  }
  // The flags of NODE_OPTIONS would be V8's when the cache is made, and V8 refuses a cache made under other
  // flags than a plain run's: the warm-up runs without them.
  const env = { ...process.env };
  delete env.NODE_OPTIONS;
  const run = (mode) => spawnSync(process.execPath, [__filename, mode, entry, "check", sample], { stdio: ["ignore", "ignore", "pipe"], encoding: "utf8", env });
  const warm = run("--run");
  // Exit code 1: the sample has error findings (docs/contracts/cli.md).
  if (warm.status !== 0 && warm.status !== 1) {
    process.stderr.write(`code cache: the warm-up run failed (exit ${warm.status}): ${warm.stderr}\n`);
    process.exit(1);
  }
  const folder = cacheFolder(path.dirname(entry), build);
  const files = fs.readdirSync(folder);
  const verify = run("--verify");
  const taken = JSON.parse(verify.stderr.trimEnd().split("\n").pop() ?? "[]");
  const refused = taken.filter(([, rejected]) => rejected !== false).map(([file]) => file);
  console.log(`code cache: ${files.length} files in ${path.relative(root, folder)}${refused.length > 0 ? `; NOT taken by V8 for ${refused.join(", ")}` : ", taken by V8"}`);
}
