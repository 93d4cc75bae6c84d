// @ts-check
"use strict";
// Loads the built command line (dist/cli) with V8's code cache: the bytecode of the functions a check
// runs, kept by the build (scripts/code-cache.cjs), so that a run does not parse and compile them again
// (https://nodejs.org/api/vm.html#scriptcreatecacheddata). The files are loaded as Node loads CommonJS
// (the same wrapper, exports, require, module, __filename and __dirname); webpack's runtime in the entry
// asks for each command's chunk with require("./<chunk>.js"), which comes here too.
//
// A cache is used only by the build that made it (the entry's first line names the build), by the same
// V8 on the same architecture (the folder's name), only for the file's own bytes and only whole and
// unchanged (each cache file starts with the CRC-32 of the source it was made from and of its data: V8
// compares no more than the source's length, and damaged data can crash it), and only if V8 accepts it
// (it checks its version and its flags): otherwise the code is compiled as without a cache. Node older
// than 20.15 (no zlib.crc32) compiles without one.
const fs = require("fs");
const path = require("path");
const vm = require("vm");
const zlib = require("zlib");
const Module = require("module");

/** The build's name, from the entry's first line (webpack's BannerPlugin: "/*! plan-progress build <hash> *\/"). */
function buildOf(source) {
  const match = /^\/\*! plan-progress build ([0-9a-f]+) \*\//.exec(source);
  return match ? match[1] : undefined;
}

/** Where the code cache of a build lives, for this V8 on this architecture. */
function cacheFolder(dist, build) {
  return path.join(dist, "code-cache", `${build}-${process.versions.v8}-${process.arch}`);
}

const crc = (/** @type {Uint8Array} */ bytes) => zlib.crc32(bytes) >>> 0;

/** A cache file: the CRC-32 of the source's bytes and of V8's data (4 bytes each, big-endian), then the data. */
function cacheFile(sourceBytes, data) {
  const header = Buffer.alloc(8);
  header.writeUInt32BE(crc(sourceBytes), 0);
  header.writeUInt32BE(crc(data), 4);
  return Buffer.concat([header, data]);
}

/** V8's data from a cache file, or undefined when it is missing, cut short, changed or made from other bytes. */
function cacheData(file, sourceBytes) {
  let bytes;
  try {
    bytes = fs.readFileSync(file);
  } catch {
    return undefined;
  }
  if (bytes.length < 9 || bytes.readUInt32BE(0) !== crc(sourceBytes)) return undefined;
  const data = bytes.subarray(8);
  return crc(data) === bytes.readUInt32BE(4) ? data : undefined;
}

/** The wrapper Node puts around a CommonJS file's text (its first part moves the columns of line 1). */
const [WRAPPER_START] = Module.wrapper;

/**
 * Runs the entry (dist/cli/plan-progress.js). `produce`: compile without the cache, and write it when the
 * process ends (the build's warm-up run). Returns what was loaded, each file with its script.
 * @param {string} entry
 * @param {{ produce?: boolean }} [options]
 */
function load(entry, options = {}) {
  const dist = path.dirname(entry);
  const entryBytes = fs.readFileSync(entry);
  const build = buildOf(entryBytes.toString("utf8", 0, 200));
  /** @type {{ file: string, script: vm.Script, bytes: Buffer }[]} */
  const scripts = [];
  /** @type {Map<string, { exports: unknown }>} */
  const modules = new Map();
  const folder = build === undefined || typeof zlib.crc32 !== "function" ? undefined : cacheFolder(dist, build);

  /** @param {string} file @param {Buffer} bytes */
  function run(file, bytes) {
    const cachedData = folder !== undefined && !options.produce ? cacheData(path.join(folder, `${path.basename(file)}.cache`), bytes) : undefined;
    const script = new vm.Script(Module.wrap(bytes.toString("utf8")), { filename: file, cachedData, columnOffset: -WRAPPER_START.length });
    scripts.push({ file, script, bytes });
    const module = { exports: {}, id: file, filename: file, loaded: false };
    modules.set(file, module);
    const outside = Module.createRequire(file);
    /** @param {string} request */
    const own = (request) => (request.startsWith("./") && path.dirname(path.join(dist, request)) === dist ? chunk(path.join(dist, request), request) : outside(request));
    try {
      const wrapper = script.runInThisContext();
      wrapper.call(module.exports, module.exports, Object.assign(own, { resolve: outside.resolve, cache: outside.cache, main: require.main }), module, file, dist);
    } catch (error) {
      // As Node: a file that failed while loading is loaded again when asked for again.
      modules.delete(file);
      throw error;
    }
    module.loaded = true;
    return module.exports;
  }

  /** @param {string} file @param {string} request */
  function chunk(file, request) {
    const known = modules.get(file);
    if (known) return known.exports;
    let bytes;
    try {
      bytes = fs.readFileSync(file);
    } catch (error) {
      // As Node's require says it.
      throw Object.assign(new Error(`Cannot find module '${request}'`), { code: "MODULE_NOT_FOUND", cause: error });
    }
    return run(file, bytes);
  }

  if (options.produce && folder !== undefined) {
    process.on("exit", () => {
      fs.mkdirSync(folder, { recursive: true });
      for (const { file, script, bytes } of scripts) fs.writeFileSync(path.join(folder, `${path.basename(file)}.cache`), cacheFile(bytes, script.createCachedData()));
    });
  }
  run(entry, entryBytes);
  return scripts;
}

module.exports = { load, buildOf, cacheFolder };
