// Holds every script the web build ships to the oldest engine the pane promises, and fails the build
// otherwise. Run by `npm run build` after webpack: node scripts/check-bundles.mjs dist
//
// Excel on Mac runs the task pane in WKWebView, the Mac's own WebKit (the installed Safari's engine):
// https://learn.microsoft.com/office/dev/add-ins/concepts/browsers-used-by-office-web-add-ins
// A script that engine cannot parse stops the whole pane, so each shipped chunk (not only the start-up
// ones: a chunk that fails to parse fails when it is first needed) is parsed here with acorn at the
// ECMAScript level that engine parses entire, and searched for what it still lacks:
//  - syntax newer than ECMAScript 2021 (class static blocks, private methods, `#x in o`, top-level await,
//    the RegExp d and v flags, …): acorn refuses to parse it;
//  - RegExp lookbehind, (?<= and (?<!: ECMAScript 2018, but Safari only from 16.4; searched in the whole
//    text (a pattern may be built from strings), and in every RegExp literal and new RegExp("…");
//  - the built-ins of NEWER_BUILT_INS that Safari 14.1 lacks, called or referenced where no guard
//    (typeof X, X ? … : …, if (X) …) protects the use. Other built-ins that degrade without throwing
//    (Error's `cause` option, newer Intl options) and DOM APIs beyond the listed globals are not searched.
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "acorn";

/**
 * The pane's oldest engine. Safari 14.1 (macOS 10.14.6 Mojave and later) parses ECMAScript 2021 entire
 * (logical assignment: Safari 14; numeric separators: 13) and has its built-ins (WeakRef, which Fluent UI's
 * tabster calls unguarded, and FinalizationRegistry: 14.1; Promise.any, AggregateError: 14); BigInt, which
 * src/core uses, came with 14. The web build compiles everything to `esbuild` (webpack.config.js).
 */
export const PANE_TARGET = { safari: "14.1", ecmaVersion: 2021, esbuild: ["es2021", "safari14.1"] };

/**
 * Built-ins newer than Safari 14.1 that a script may use, with the Safari that brought each (MDN's browser
 * compatibility data: https://github.com/mdn/browser-compat-data). `method`: a call o.name(…) (with
 * `callback`, only where the first argument may be a function: Array.prototype.findLast(predicate) is
 * never called with an object, as tabster's own focusable.findLast({ … }) is); `member`: Global.name;
 * `global`: a free identifier.
 */
export const NEWER_BUILT_INS = [
  { method: "at", safari: "15.4", what: "Array/String/TypedArray.prototype.at" },
  { method: "findLast", callback: true, safari: "15.4", what: "Array.prototype.findLast" },
  { method: "findLastIndex", callback: true, safari: "15.4", what: "Array.prototype.findLastIndex" },
  { member: ["Object", "hasOwn"], safari: "15.4", what: "Object.hasOwn" },
  { global: "structuredClone", safari: "15.4", what: "structuredClone" },
  { global: "reportError", safari: "15.4", what: "reportError" },
  { method: "toSorted", safari: "16", what: "Array.prototype.toSorted" },
  { method: "toReversed", safari: "16", what: "Array.prototype.toReversed" },
  { method: "toSpliced", safari: "16", what: "Array.prototype.toSpliced" },
  { method: "isWellFormed", safari: "16.4", what: "String.prototype.isWellFormed" },
  { method: "toWellFormed", safari: "16.4", what: "String.prototype.toWellFormed" },
  { member: ["Array", "fromAsync"], safari: "16.4", what: "Array.fromAsync" },
  { method: "symmetricDifference", safari: "17", what: "Set.prototype.symmetricDifference" },
  { method: "isSubsetOf", safari: "17", what: "Set.prototype.isSubsetOf" },
  { method: "isSupersetOf", safari: "17", what: "Set.prototype.isSupersetOf" },
  { method: "isDisjointFrom", safari: "17", what: "Set.prototype.isDisjointFrom" },
  { member: ["Object", "groupBy"], safari: "17.4", what: "Object.groupBy" },
  { member: ["Map", "groupBy"], safari: "17.4", what: "Map.groupBy" },
  { member: ["Promise", "withResolvers"], safari: "17.4", what: "Promise.withResolvers" },
  { member: ["Promise", "try"], safari: "18.2", what: "Promise.try" },
  { member: ["RegExp", "escape"], safari: "18.2", what: "RegExp.escape" },
  { member: ["Iterator", "from"], safari: "18.4", what: "Iterator.from" },
];

/** Every lookbehind in a script's text, with a little context around it. */
export function lookbehinds(text) {
  return [...text.matchAll(/\(\?<[=!]/g)].map((m) => text.slice(Math.max(0, m.index - 30), m.index + 30));
}

const newer = (version, than = PANE_TARGET.safari) => {
  const [a = 0, b = 0] = version.split(".").map(Number);
  const [c = 0, d = 0] = than.split(".").map(Number);
  return a > c || (a === c && b > d);
};

/** The entries of NEWER_BUILT_INS the target lacks. */
export function lacking(target = PANE_TARGET) {
  return NEWER_BUILT_INS.filter((b) => newer(b.safari, target.safari));
}

function children(node) {
  const out = [];
  for (const key of Object.keys(node)) {
    const value = node[key];
    for (const v of Array.isArray(value) ? value : [value]) if (v && typeof v.type === "string") out.push(v);
  }
  return out;
}

/** Names an expression mentions (identifiers, property names, string literals): what a guard tests. */
function mentions(node, names = new Set()) {
  if (!node) return names;
  if (node.type === "Identifier") names.add(node.name);
  if (node.type === "Literal" && typeof node.value === "string") names.add(node.value);
  if (node.type === "MemberExpression" && !node.computed) names.add(node.property.name);
  for (const child of children(node)) mentions(child, names);
  return names;
}

/** Whether a use of `name` sits in the branch of a test that mentions it (a feature test). */
function guarded(name, ancestors) {
  for (let i = ancestors.length - 1; i > 0; i -= 1) {
    const parent = ancestors[i - 1];
    const node = ancestors[i];
    const test =
      parent.type === "ConditionalExpression" || parent.type === "IfStatement"
        ? parent.test !== node && parent.test
        : parent.type === "LogicalExpression" && parent.right === node
          ? parent.left
          : undefined;
    if (test && mentions(test).has(name)) return true;
    if (parent.type === "UnaryExpression" && parent.operator === "typeof") return true;
  }
  return false;
}

/** Names a script declares itself (a polyfill, or a local that happens to share a built-in's name). */
function declared(ast) {
  const names = new Set();
  const bind = (p) => {
    if (!p) return;
    if (p.type === "Identifier") names.add(p.name);
    else if (p.type === "ObjectPattern") p.properties.forEach((q) => bind(q.type === "RestElement" ? q.argument : q.value));
    else if (p.type === "ArrayPattern") p.elements.forEach(bind);
    else if (p.type === "AssignmentPattern") bind(p.left);
    else if (p.type === "RestElement") bind(p.argument);
  };
  const visit = (node) => {
    if (node.type === "VariableDeclarator") bind(node.id);
    if (/Function/.test(node.type)) {
      bind(node.id);
      node.params.forEach(bind);
    }
    if (node.type === "ClassDeclaration" || node.type === "ClassExpression") bind(node.id);
    if (node.type === "CatchClause") bind(node.param);
    for (const child of children(node)) visit(child);
  };
  visit(ast);
  return names;
}

const context = (text, start, end = start) => text.slice(Math.max(0, start - 40), end + 40).replace(/\s+/g, " ");

/** A RegExp source and flags as the target parses them, or why not. */
function regexpProblem(pattern, flags, target) {
  if (/\(\?<[=!]/.test(pattern)) return `RegExp lookbehind (Safari 16.4): /${pattern}/`;
  try {
    // As a literal: bare slashes escaped, line breaks written as escapes (a literal holds neither).
    const source = pattern
      .replace(/(\\.)|\//g, (m, escaped) => escaped ?? "\\/")
      .replace(/[\n\r\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
    parse(`/${source}/${flags}`, { ecmaVersion: target.ecmaVersion });
    return undefined;
  } catch (error) {
    return `RegExp newer than ECMAScript ${target.ecmaVersion}: /${pattern}/${flags} (${error.message})`;
  }
}

const stringValue = (node) =>
  node?.type === "Literal" && typeof node.value === "string"
    ? node.value
    : node?.type === "TemplateLiteral" && node.expressions.length === 0
      ? node.quasis[0].value.cooked
      : undefined;

/**
 * What in one script the target cannot run: [{ kind: "syntax" | "regexp" | "built-in", message, context }].
 */
export function checkScript(text, target = PANE_TARGET) {
  const problems = [];
  try {
    parse(text, { ecmaVersion: target.ecmaVersion, sourceType: "script" });
  } catch (error) {
    const at = error.pos ?? 0;
    problems.push({ kind: "syntax", message: `syntax newer than ECMAScript ${target.ecmaVersion}: ${error.message}`, context: context(text, at) });
  }
  for (const found of lookbehinds(text)) problems.push({ kind: "regexp", message: "RegExp lookbehind (Safari 16.4)", context: found });

  let ast;
  try {
    ast = parse(text, { ecmaVersion: "latest", sourceType: "script" });
  } catch {
    try {
      ast = parse(text, { ecmaVersion: "latest", sourceType: "module" });
    } catch (error) {
      problems.push({ kind: "syntax", message: `not JavaScript: ${error.message}`, context: context(text, error.pos ?? 0) });
      return problems;
    }
  }
  const missing = lacking(target);
  const methods = new Map(missing.filter((b) => b.method).map((b) => [b.method, b]));
  const members = missing.filter((b) => b.member);
  const own = declared(ast);
  const globals = new Map(missing.filter((b) => b.global && !own.has(b.global)).map((b) => [b.global, b]));
  const report = (builtIn, node) =>
    problems.push({ kind: "built-in", message: `${builtIn.what} (Safari ${builtIn.safari})`, context: context(text, node.start, node.end) });

  const ancestors = [];
  const visit = (node) => {
    ancestors.push(node);
    const parent = ancestors[ancestors.length - 2];
    if (node.type === "Literal" && node.regex) {
      const problem = regexpProblem(node.regex.pattern, node.regex.flags, target);
      if (problem && !/lookbehind/.test(problem)) problems.push({ kind: "regexp", message: problem, context: context(text, node.start, node.end) });
    }
    if ((node.type === "NewExpression" || node.type === "CallExpression") && node.callee.type === "Identifier" && node.callee.name === "RegExp") {
      const pattern = stringValue(node.arguments[0]);
      const flags = node.arguments[1] === undefined ? "" : stringValue(node.arguments[1]);
      const problem = pattern !== undefined && flags !== undefined ? regexpProblem(pattern, flags, target) : undefined;
      if (problem && !/lookbehind/.test(problem)) problems.push({ kind: "regexp", message: problem, context: context(text, node.start, node.end) });
    }
    if (node.type === "CallExpression" && node.callee.type === "MemberExpression" && !node.callee.computed) {
      const builtIn = methods.get(node.callee.property.name);
      const first = node.arguments[0];
      const notCallback = builtIn?.callback && first && ["ObjectExpression", "Literal", "TemplateLiteral", "ArrayExpression"].includes(first.type);
      if (builtIn && !notCallback && !guarded(builtIn.method, ancestors)) report(builtIn, node);
    }
    if (node.type === "MemberExpression" && !node.computed && node.object.type === "Identifier") {
      const builtIn = members.find((b) => b.member[0] === node.object.name && b.member[1] === node.property.name);
      if (builtIn && !own.has(node.object.name) && !guarded(builtIn.member[1], ancestors)) report(builtIn, node);
    }
    if (node.type === "Identifier" && globals.has(node.name)) {
      const isName =
        (parent?.type === "MemberExpression" && parent.property === node && !parent.computed) ||
        (parent?.type === "Property" && parent.key === node && !parent.computed) ||
        ((parent?.type === "MethodDefinition" || parent?.type === "PropertyDefinition") && parent.key === node);
      if (!isName && !guarded(node.name, ancestors)) report(globals.get(node.name), node);
    }
    for (const child of children(node)) visit(child);
    ancestors.pop();
  };
  visit(ast);
  return problems;
}

/** Every script the web build ships (dist/cli, the command line for Node, is not shipped to a browser). */
export function shippedScripts(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === "cli" ? [] : shippedScripts(path);
    return /\.[cm]?js$/.test(name) ? [path] : [];
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dist = resolve(process.argv[2] ?? "dist");
  const files = shippedScripts(dist);
  const found = files.flatMap((file) =>
    checkScript(readFileSync(file, "utf8")).map((p) => `${relative(process.cwd(), file)}: ${p.message}\n    …${p.context}…`),
  );
  if (files.length === 0) {
    console.error(`check-bundles: no scripts in ${dist}`);
    process.exit(1);
  }
  if (found.length > 0) {
    console.error(`Shipped scripts that Safari ${PANE_TARGET.safari} (Excel on Mac) cannot run:\n${found.join("\n")}`);
    process.exit(1);
  }
  console.log(
    `check-bundles: ${files.length} shipped scripts parse as ECMAScript ${PANE_TARGET.ecmaVersion} (Safari ${PANE_TARGET.safari}), ` +
      `with no lookbehind and none of ${lacking().length} newer built-ins`,
  );
}
