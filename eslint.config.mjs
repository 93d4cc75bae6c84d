import js from "@eslint/js";
import reactHooks from "eslint-plugin-react-hooks";
import tseslint from "typescript-eslint";

/** Modules the pure domain core must never import (spec: no Office, DOM or Node APIs). */
const NOT_IN_CORE = [
  { group: ["node:*", "fs", "path", "os", "child_process", "util", "zlib", "http", "https", "stream"], message: "src/core is pure: no Node modules." },
  { group: ["exceljs", "exceljs/*"], message: "src/core is pure: exceljs belongs in src/xlsx." },
  { group: ["react", "react-dom", "react-dom/*", "@fluentui/*"], message: "src/core is pure: UI belongs in src/taskpane." },
  { group: ["@microsoft/office-js", "office-*"], message: "src/core is pure: Office.js belongs in src/excel." },
  { group: ["**/taskpane/**", "**/excel/**", "**/xlsx/**", "**/cli/**", "**/functions/**"], message: "Dependencies point inward: core imports no shell." },
];

/**
 * Built-ins newer than the oldest engine the pane promises (Safari 14.1: Excel on Mac runs the pane in the
 * Mac's WebKit). TypeScript's ES2022 library types them, so the linter refuses them in src; the bundle check
 * (scripts/check-bundles.mjs) holds every shipped chunk, dependencies included, to the same list.
 */
const NEWER_THAN_SAFARI_14_1 = [
  { selector: "CallExpression > MemberExpression.callee[computed=false][property.name='at']", message: "Array/String .at() needs Safari 15.4: index with [length - 1] or .slice(-1)[0]." },
  { selector: "MemberExpression[computed=false][object.name='Object'][property.name='hasOwn']", message: "Object.hasOwn needs Safari 15.4: use Object.prototype.hasOwnProperty.call." },
  { selector: "Identifier[name='structuredClone']", message: "structuredClone needs Safari 15.4." },
  { selector: "Literal[regex.flags=/d/]", message: "The RegExp d flag (match indices) needs Safari 15." },
];

export default tseslint.config(
  { ignores: ["dist/", "node_modules/", "coverage/", "test-results/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.{ts,tsx}"],
    plugins: { "react-hooks": reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    files: ["src/**/*.{ts,tsx}"],
    rules: { "no-restricted-syntax": ["error", ...NEWER_THAN_SAFARI_14_1] },
  },
  {
    files: ["src/core/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", { patterns: NOT_IN_CORE }],
      "no-restricted-globals": ["error", "window", "document", "navigator", "Office", "Excel", "process", "require", "Buffer"],
    },
  },
  {
    files: ["**/*.{js,cjs}", "bin/*.js"],
    languageOptions: { sourceType: "commonjs", globals: { require: "readonly", module: "writable", __dirname: "readonly", __filename: "readonly", Buffer: "readonly", process: "readonly", console: "readonly", URL: "readonly" } },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    files: ["scripts/**/*.mjs"],
    languageOptions: { globals: { process: "readonly", console: "readonly", Buffer: "readonly", URL: "readonly" } },
  },
);
