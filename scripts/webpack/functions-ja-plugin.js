// Writes functions.ja.json: the generated functions.json with Japanese descriptions and parameter
// help from a translation table keyed by function id. Ids, names and parameter names stay English
// so that =PLAN.FISCALYEAR(...) works in every locale. A function or parameter missing from the
// table fails the build, so the two files can never drift apart silently.
const fs = require("fs");
const { sources, WebpackError, Compilation } = require("webpack");

const pluginName = "FunctionsJapaneseMetadataPlugin";

function translate(metadata, table) {
  const problems = [];
  const functions = metadata.functions.map((fn) => {
    const entry = table[fn.id];
    if (!entry) {
      problems.push(`no Japanese text for function ${fn.id}`);
      return fn;
    }
    const parameters = (fn.parameters || []).map((p) => {
      const help = entry.parameters && entry.parameters[p.name];
      if (help === undefined) problems.push(`no Japanese text for ${fn.id}(${p.name})`);
      return { ...p, description: help === undefined ? p.description : help };
    });
    return { ...fn, description: entry.description, parameters };
  });
  return { metadata: { ...metadata, functions }, problems };
}

class FunctionsJapaneseMetadataPlugin {
  constructor(options) {
    this.options = options;
  }

  apply(compiler) {
    compiler.hooks.thisCompilation.tap(pluginName, (compilation) => {
      compilation.fileDependencies.add(this.options.translations);
      compilation.hooks.processAssets.tap(
        { name: pluginName, stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL },
        () => {
          const source = compilation.getAsset(this.options.source);
          if (!source) return; // the metadata plugin reported its own error
          const metadata = JSON.parse(source.source.source().toString());
          const table = JSON.parse(fs.readFileSync(this.options.translations, "utf8"));
          const { metadata: ja, problems } = translate(metadata, table);
          for (const problem of problems) compilation.errors.push(new WebpackError(`${pluginName}: ${problem}`));
          compilation.emitAsset(this.options.output, new sources.RawSource(JSON.stringify(ja, null, 2)));
        },
      );
    });
  }
}

FunctionsJapaneseMetadataPlugin.translate = translate;
module.exports = FunctionsJapaneseMetadataPlugin;
