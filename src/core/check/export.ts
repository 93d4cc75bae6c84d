import { yearsLines } from "./helpers";
import { columnLetter } from "../workbook/cells";
import type { SimpleSheet } from "../port";
import type { CheckResult } from "./check";
import type { Finding } from "./types";
import { RULES_BY_CODE } from "./catalogue";
import { departmentsIn } from "../workbook/departments";

export const FINDINGS_SHEET = "チェック結果";

const SEVERITY_JA = { error: "エラー", warning: "警告", info: "情報" } as const;

/** The findings as a sheet: one row each, the cell address a link to the table's cell. */
export function findingsSheet(result: CheckResult, sheet: string, options: { name?: string; title?: string; findings?: readonly Finding[] } = {}): SimpleSheet {
  const findings = options.findings ?? result.findings;
  return {
    name: options.name ?? FINDINGS_SHEET,
    title: options.title ?? "チェック結果（計画進捗チェッカーが作成）",
    columns: [
      { header: "重要度", width: 8 },
      { header: "項目", width: 6 },
      { header: "セル", width: 8 },
      { header: "コード", width: 22 },
      { header: "内容", width: 30 },
      { header: "メッセージ", width: 60 },
      { header: "根拠", width: 60 },
      { header: "推奨評価", width: 8 },
    ],
    rows: findings.map((f) => {
      const address = f.row === undefined ? "" : `${f.column === undefined ? "A" : columnLetter(f.column)}${f.row}`;
      return {
        values: [
          SEVERITY_JA[f.severity],
          f.item ?? "",
          address,
          f.code,
          RULES_BY_CODE.get(f.code)?.title.ja ?? "",
          f.message.ja,
          [...(f.evidence ?? []).map((e) => e.text.ja), ...yearsLines(f.years ?? []).map((line) => `推移 ${line.ja}`)].join("\n"),
          f.suggested ?? "",
        ],
        ...(address ? { link: { column: 2, sheet, address } } : {}),
      };
    }),
  };
}

/** Findings whose row names no department. */
export const NO_DEPARTMENT = "（担当課なし）";

/**
 * The departments a finding belongs to: every department its row names (a shared item belongs to each,
 * split by the one rule of core/workbook/departments.ts), or NO_DEPARTMENT.
 */
export function departmentsOfFinding(finding: Finding): string[] {
  const names = departmentsIn(finding.department ?? "");
  return names.length > 0 ? names : [NO_DEPARTMENT];
}

/** The departments of the findings, in the order they first appear; findings without one last. */
export function departmentsOf(findings: readonly Finding[]): string[] {
  const names = [...new Set(findings.flatMap(departmentsOfFinding))];
  return [...names.filter((n) => n !== NO_DEPARTMENT), ...names.filter((n) => n === NO_DEPARTMENT)];
}

/** Whether a finding belongs to this department, as the pane's filter and the sheets choose them. */
export const inDepartment = (finding: Finding, department: string): boolean => departmentsOfFinding(finding).includes(department);

/** A sheet name from a department: Excel's forbidden characters dropped, 31 characters at most. */
function sheetNameOf(department: string): string {
  const clean = department.replace(/[[\]:*?/\\]/g, "").replace(/^'+|'+$/g, "");
  return `${FINDINGS_SHEET}（${clean}）`.slice(0, 31);
}

/** One findings sheet per department (主な推進担当課), so that each 課 gets its own list. */
export function departmentSheets(result: CheckResult, sheet: string): SimpleSheet[] {
  return departmentsOf(result.findings).map((department) =>
    findingsSheet(result, sheet, {
      name: sheetNameOf(department),
      title: `チェック結果 ${department}（計画進捗チェッカーが作成）`,
      findings: result.findings.filter((f) => inDepartment(f, department)),
    }),
  );
}
