"use strict";
// fflate for the command line's build, loaded the first time one of its functions is called. The command
// line inflates with Node's zlib (src/cli/inflate.ts), so a check never needs fflate; only writing (a zip of
// department forms, a sheet's package) does. Without this, the modules that import fflate for their writers
// would have Node load and compile all of it (about 90 KB) at every start. webpack.config.js sends the
// build's imports of "fflate" here; this module's own require stays an external of the build.
// Every function src/ imports from fflate is listed: an import of another one fails the build
// (webpack.config.js, exportsPresence), so that it is added here.
let fflate;
const load = () => (fflate ??= require("fflate"));

exports.deflateSync = (...args) => load().deflateSync(...args);
exports.inflateSync = (...args) => load().inflateSync(...args);
exports.strFromU8 = (...args) => load().strFromU8(...args);
exports.strToU8 = (...args) => load().strToU8(...args);
exports.unzipSync = (...args) => load().unzipSync(...args);
exports.zipSync = (...args) => load().zipSync(...args);
