#!/usr/bin/env node
"use strict";
// The plan-progress command line. The code is built by `npm run build` (or build:test) into dist/cli, and
// loaded with the code cache the build kept (bin/load.js).
const fs = require("fs");
const path = require("path");

const built = path.join(__dirname, "..", "dist", "cli", "plan-progress.js");
if (!fs.existsSync(built)) {
  process.stderr.write(
    "plan-progress: まだビルドされていません。先に npm run build:test を実行してください。 / Not built yet: run npm run build:test first.\n",
  );
  process.exit(2);
}
require("./load").load(built);
