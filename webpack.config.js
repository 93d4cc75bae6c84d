// Two builds from one config, as in Microsoft's add-in templates:
//  - "web": taskpane.html with the task pane and the custom functions chunks (one shared runtime),
//    functions.json / functions.ja.json, the manifest and assets;
//  - "cli": the plan-progress command line for Node.
const path = require("path");
const webpack = require("webpack");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const { EsbuildPlugin } = require("esbuild-loader");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const FunctionsJapaneseMetadataPlugin = require("./scripts/webpack/functions-ja-plugin");
const { publicUrl } = require("./scripts/webpack/public-url");

const urlDev = "https://localhost:3000/";
// PORT overrides the port of package.json (config.dev_server_port) for file mode.
const port = Number(process.env.PORT || process.env.npm_package_config_dev_server_port || 3000);

async function httpsServer() {
  // Only the sideloading scripts ask for https; the CA install (sudo) stays out of build and tests.
  const devCerts = require("office-addin-dev-certs");
  const options = await devCerts.getHttpsServerOptions();
  return { type: "https", options: { ca: options.ca, key: options.key, cert: options.cert } };
}

function printWelcome(useHttps) {
  const scheme = useHttps ? "https" : "http";
  const lines = [
    "",
    "  計画進捗チェッカー / Plan Progress Checker",
    `  ファイルモード / file mode:  ${scheme}://localhost:${port}/taskpane.html`,
    "    ブラウザで開き、［サンプルを読み込む］で小平市の例を開けます。",
    "    Open it in a browser and click \"Load the sample\" to open the Kodaira example.",
    "  Excel へのサイドロード / sideloading into Excel:",
    "    Windows / Mac:  npm run start:desktop",
    "    Excel on the web:  npm run start:web -- --document <OneDrive/SharePoint workbook URL>",
    "    (README.md: 「Excel への読み込み」)",
    "",
  ];
  console.log(lines.join("\n"));
}

/** @returns {(request: string) => boolean} */
const isBareModule = (request) => !request.startsWith(".") && !path.isAbsolute(request);
const lazyFflate = path.resolve(__dirname, "scripts/webpack/lazy-fflate.js");

module.exports = async (env, options) => {
  const dev = options.mode === "development";
  // Where the add-in is published (ADDIN_PUBLIC_URL, or --env publicUrl=… as the test build gives it):
  // required by a production build; every localhost URL of the manifest is rewritten to it.
  const urlProd = dev ? urlDev : publicUrl((env && env.publicUrl) || process.env.ADDIN_PUBLIC_URL);
  const useHttps = Boolean(env && env.https);

  const tsLoader = { loader: "ts-loader", options: { transpileOnly: true, configFile: "tsconfig.json" } };
  const tsRule = { test: /\.tsx?$/, exclude: /node_modules/, use: tsLoader };

  // The pane's oldest engine (scripts/check-bundles.mjs, PANE_TARGET): Excel on Mac runs the pane in the Mac's
  // own WebKit, so every script of the web build, the dependencies' included (Fluent UI's tabster carries class
  // static blocks), is compiled down to what Safari 14.1 parses; check-bundles then holds every emitted chunk to it.
  const { PANE_TARGET } = await import("./scripts/check-bundles.mjs");
  const lower = { loader: "esbuild-loader", options: { loader: "js", target: PANE_TARGET.esbuild } };
  const webRules = [
    // Our TypeScript as the CLI gets it (ts-loader), then lowered as the dependencies are.
    { test: /\.tsx?$/, exclude: /node_modules/, use: [lower, tsLoader] },
    { test: /\.[cm]?js$/, include: /node_modules/, use: lower },
  ];

  const web = {
    name: "web",
    // webpack's own runtime code written for the same engine.
    target: ["web", `es${PANE_TARGET.ecmaVersion}`],
    devtool: dev ? "source-map" : false,
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      functions: "./src/functions/register.ts",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].js",
      chunkFilename: "chunks/[name].[contenthash:8].js",
      clean: { keep: /^cli[\\/]/ },
      publicPath: "auto",
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js"],
      // exceljs without its polyfills: the task pane runs in Edge WebView2, Safari and modern browsers.
      alias: { exceljs$: path.resolve(__dirname, "node_modules/exceljs/dist/exceljs.bare.min.js") },
    },
    module: { rules: webRules },
    optimization: {
      // One webpack runtime for the two entries the page loads (the pane and the custom functions), so that
      // the modules they share (src/core) are downloaded and evaluated once. functions.js is never loaded on
      // its own: with the shared runtime the manifest requires, Excel loads taskpane.html, which loads both.
      runtimeChunk: "single",
      splitChunks: { chunks: "all" },
    },
    performance: { hints: false },
    plugins: [
      new CustomFunctionsMetadataPlugin({ input: "./src/functions/functions.ts", output: "functions.json" }),
      new FunctionsJapaneseMetadataPlugin({
        source: "functions.json",
        output: "functions.ja.json",
        translations: path.resolve(__dirname, "src/functions/functions.ja.translations.json"),
      }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["taskpane", "functions"],
        scriptLoading: "defer",
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          { from: "src/help.html", to: "help.html" },
          { from: "seeds/kodaira-r2.xlsx", to: "samples/kodaira-r2.xlsx", noErrorOnMissing: true },
          { from: "seeds/sado-2006.xlsx", to: "samples/sado-2006.xlsx", noErrorOnMissing: true },
          // Host configurations carrying the one cross-origin rule (hosting/cors.js).
          { from: "hosting/_headers", to: "_headers", toType: "file" },
          { from: "hosting/staticwebapp.config.json", to: "staticwebapp.config.json" },
          { from: "hosting/web.config", to: "web.config" },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform(content) {
              if (dev) return content;
              // Page URLs first, then the bare origin (AppDomain).
              return content
                .toString()
                .replace(new RegExp(urlDev, "g"), urlProd)
                .replace(new RegExp(urlDev.replace(/\/$/, ""), "g"), new URL(urlProd).origin);
            },
          },
        ],
      }),
    ],
    devServer: {
      port,
      // The shared runtime page must not reload itself: a reload unregisters the custom functions.
      hot: false,
      liveReload: false,
      webSocketServer: false,
      client: false,
      static: false,
      // The production hosts' rule, not more: cross-origin reads of functions.json and functions.ja.json only.
      headers: (req) => require("./hosting/cors").corsHeaders(req.method, req.url),
      server: useHttps ? await httpsServer() : "http",
      onListening: () => printWelcome(useHttps),
      historyApiFallback: { index: "/taskpane.html" },
    },
  };

  const cli = {
    name: "cli",
    target: "node20",
    devtool: false,
    entry: { "plan-progress": "./src/cli/main.ts" },
    output: {
      path: path.resolve(__dirname, "dist/cli"),
      filename: "[name].js",
      library: { type: "commonjs2" },
      clean: true,
    },
    // fflate is loaded when first called (scripts/webpack/lazy-fflate.js): a check inflates with zlib.
    resolve: { extensions: [".ts", ".js"], alias: { fflate$: lazyFflate } },
    externalsPresets: { node: true },
    externals: [
      ({ request, contextInfo }, callback) =>
        request && isBareModule(request) && !(request === "fflate" && contextInfo.issuer !== lazyFflate)
          ? callback(null, `commonjs ${request}`)
          : callback(),
    ],
    module: { rules: [tsRule], parser: { javascript: { exportsPresence: "error" } } },
    // Each command's chunk holds all the code it runs (none split out into chunks shared between commands):
    // a check loads one file besides the entry, not a dozen.
    // Production code without comments and white space (names kept, for stack traces): less to read and
    // to parse at each start, and only ASCII outside regular expressions. The entry's first line names the
    // build (bin/load.js keeps V8's code cache per build: scripts/code-cache.cjs).
    optimization: {
      minimize: !dev,
      minimizer: [new EsbuildPlugin({ target: "node20", minifyWhitespace: true, minifySyntax: true, legalComments: "none" })],
      splitChunks: false,
    },
    performance: { hints: false },
    plugins: [
      new webpack.DefinePlugin({ PACKAGE_VERSION: JSON.stringify(require("./package.json").version) }),
      ...(dev
        ? []
        : [
            new webpack.BannerPlugin({
              banner: ({ hash }) => `plan-progress build ${hash}`,
              include: /^plan-progress\.js$/,
              // After the minimizer, which would drop the comment.
              stage: webpack.Compilation.PROCESS_ASSETS_STAGE_DEV_TOOLING,
            }),
          ]),
    ],
  };

  // The dev server serves only the web build.
  return env && env.WEBPACK_SERVE ? web : [web, cli];
};
