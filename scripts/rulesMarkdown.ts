import { RULES } from "../src/core/check/catalogue";

const SEVERITY = { error: "エラー / error", warning: "警告 / warning", info: "情報 / info" } as const;

/** The catalogue of finding codes as Markdown: code, severity, title and why it matters, both languages. */
export function rulesMarkdown(): string {
  const lines = [
    "# 指摘コード一覧 / Finding codes",
    "",
    "Generated from `src/core/check/rules/` by `npm run docs:rules`; a test keeps it in step. Codes are stable:",
    "they may be added, never renamed. One module per rule, each with its test (`tests/unit/rules.test.ts`).",
    "",
  ];
  for (const rule of RULES) {
    lines.push(`## ${rule.code}`, "", `- 重要度 / severity: ${SEVERITY[rule.severity]}`, `- ${rule.title.ja} / ${rule.title.en}`, "", rule.why.ja, "", rule.why.en, "");
  }
  return `${lines.join("\n")}`;
}
