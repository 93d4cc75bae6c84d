// @ts-check
"use strict";
// Loads the built command line (dist/cli) with V8's code cache: the bytecode of the functions a check
// runs, kept by the build (scripts/code-cache.cjs), so that a run does not parse and compile them again
// (https://nodejs.org/api/vm.html#scriptcreatecacheddata). The files are loaded as Node loads CommonJS
// (the same wrapper, exports, require, module, __filename and __dirname); webpack's runtime in the entry
// asks for each command's chunk with require("./<chunk>.js"), which comes here too.
//
// A cache is used only by the build that made it (the entry's first line names the build), by the same
// V8 on the same architecture (the folder's name), only whole and unchanged (each file starts with the
// CRC-32 of what follows: V8 does not check its data, and damaged data can crash it) and only if V8
// accepts it (it checks its version, its flags and the source's length): otherwise the code is compiled
// as without a cache. Node older than 20.15 (no zlib.crc32) compiles without one.
const fs = require("fs");
const path = require("path");
const vm = require("vm");
const zlib = require("zlib");
const Module = require("module");

/** The cache's file: the CRC-32 of V8's data (4 bytes, big-endian), then the data. */
function cacheFile(data) {
  const header = Buffer.alloc(4);
  header.writeUInt32BE(zlib.crc32(data) >>> 0);
  return Buffer.concat([header, data]);
}

/** V8's data from a cache file, or undefined when the file is missing, cut short or changed. */
function cacheData(file) {
  let bytes;
  try {
    bytes = fs.readFileSync(file);
  } catch {
    return undefined;
  }
  if (bytes.length < 5) return undefined;
  const data = bytes.subarray(4);
  return zlib.crc32(data) >>> 0 === bytes.readUInt32BE(0) ? data : undefined;
}

/** The build's name, from the entry's first line (webpack's BannerPlugin: "/*! plan-progress build <hash> *\/"). */
function buildOf(source) {
  const match = /^\/\*! plan-progress build ([0-9a-f]+) \*\//.exec(source);
  return match ? match[1] : undefined;
}

/** Where the code cache of a build lives, for this V8 on this architecture. */
function cacheFolder(dist, build) {
  return path.join(dist, "code-cache", `${build}-${process.versions.v8}-${process.arch}`);
}

/**
 * Runs the entry (dist/cli/plan-progress.js). `produce`: compile without the cache, and write it when the
 * process ends (the build's warm-up run). Returns what was loaded, each file with its script.
 * @param {string} entry
 * @param {{ produce?: boolean }} [options]
 */
function load(entry, options = {}) {
  const dist = path.dirname(entry);
  const source = fs.readFileSync(entry, "utf8");
  const build = buildOf(source);
  /** @type {{ file: string, script: vm.Script }[]} */
  const scripts = [];
  /** @type {Map<string, { exports: unknown }>} */
  const modules = new Map();
  const folder = build === undefined || typeof zlib.crc32 !== "function" ? undefined : cacheFolder(dist, build);

  /** @param {string} file @param {string} text */
  function run(file, text) {
    const cachedData = folder !== undefined && !options.produce ? cacheData(path.join(folder, `${path.basename(file)}.cache`)) : undefined;
    const script = new vm.Script(Module.wrap(text), { filename: file, cachedData });
    scripts.push({ file, script });
    const module = { exports: {}, id: file, filename: file, loaded: false };
    modules.set(file, module);
    const outside = Module.createRequire(file);
    /** @param {string} request */
    const own = (request) => (request.startsWith("./") && path.dirname(path.join(dist, request)) === dist ? chunk(path.join(dist, request)) : outside(request));
    const wrapper = script.runInThisContext();
    wrapper.call(module.exports, module.exports, Object.assign(own, { resolve: outside.resolve, cache: outside.cache, main: require.main }), module, file, dist);
    module.loaded = true;
    return module.exports;
  }

  /** @param {string} file */
  function chunk(file) {
    const known = modules.get(file);
    return known ? known.exports : run(file, fs.readFileSync(file, "utf8"));
  }

  if (options.produce && folder !== undefined) {
    process.on("exit", () => {
      fs.mkdirSync(folder, { recursive: true });
      for (const { file, script } of scripts) fs.writeFileSync(path.join(folder, `${path.basename(file)}.cache`), cacheFile(script.createCachedData()));
    });
  }
  run(entry, source);
  return scripts;
}

module.exports = { load, buildOf, cacheFolder };
