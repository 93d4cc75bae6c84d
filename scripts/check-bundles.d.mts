export interface PaneTarget {
  /** The oldest Safari (WKWebView: Excel on Mac) the pane runs in. */
  safari: string;
  /** The ECMAScript edition that Safari parses entire. */
  ecmaVersion: 2021 | 2022 | 2023 | 2024 | 2025;
  /** esbuild's target for the web build. */
  esbuild: string[];
}
export interface BuiltIn {
  method?: string;
  callback?: boolean;
  member?: [string, string];
  global?: string;
  safari: string;
  what: string;
}
export interface Problem {
  kind: "syntax" | "regexp" | "built-in";
  message: string;
  context: string;
}
export const PANE_TARGET: PaneTarget;
export const NEWER_BUILT_INS: BuiltIn[];
/** Every lookbehind in a script's text, with a little context around it. */
export function lookbehinds(text: string): string[];
/** The entries of NEWER_BUILT_INS the target lacks. */
export function lacking(target?: PaneTarget): BuiltIn[];
/** What in one script the target cannot run. */
export function checkScript(text: string, target?: PaneTarget): Problem[];
/** Every script the web build ships. */
export function shippedScripts(dir: string): string[];
