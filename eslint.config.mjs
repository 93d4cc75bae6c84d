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
    files: ["src/core/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", { patterns: NOT_IN_CORE }],
      "no-restricted-globals": ["error", "window", "document", "navigator", "Office", "Excel", "process", "require", "Buffer"],
    },
  },
  {
    files: ["**/*.{js,cjs}", "bin/*.js"],
    languageOptions: { sourceType: "commonjs", globals: { require: "readonly", module: "writable", __dirname: "readonly", process: "readonly", console: "readonly", URL: "readonly" } },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    files: ["scripts/**/*.mjs"],
    languageOptions: { globals: { process: "readonly", console: "readonly", Buffer: "readonly", URL: "readonly" } },
  },
);
