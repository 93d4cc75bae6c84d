import { columnLetter } from "../workbook/cells";
import type { SimpleSheet } from "../port";
import type { CheckResult } from "./check";
import { RULES_BY_CODE } from "./catalogue";

export const FINDINGS_SHEET = "チェック結果";

const SEVERITY_JA = { error: "エラー", warning: "警告", info: "情報" } as const;

/** The findings as a sheet: one row each, the cell address a link to the table's cell. */
export function findingsSheet(result: CheckResult, sheet: string): SimpleSheet {
  return {
    name: FINDINGS_SHEET,
    title: "チェック結果（計画進捗チェッカーが作成）",
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
    rows: result.findings.map((f) => {
      const address = f.row === undefined ? "" : `${f.column === undefined ? "A" : columnLetter(f.column)}${f.row}`;
      return {
        values: [
          SEVERITY_JA[f.severity],
          f.item ?? "",
          address,
          f.code,
          RULES_BY_CODE.get(f.code)?.title.ja ?? "",
          f.message.ja,
          (f.evidence ?? []).map((e) => e.text.ja).join("\n"),
          f.suggested ?? "",
        ],
        ...(address ? { link: { column: 2, sheet, address } } : {}),
      };
    }),
  };
}
