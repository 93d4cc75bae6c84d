import { DEFAULT_SCALE } from "../rating/scale";
import type { GuardRange } from "./model";
import type { PlanSettings } from "./settings";
import type { TableRead } from "./table";

/**
 * Entry guards for Excel (docs/contracts/workbook.md, "Entry guards"): a drop-down of the profile's
 * rating symbols on the 評価 column, and on the plan and results columns a message that says how the
 * numbers are read. The add-in recognises its own by their title and removes only those; a column that
 * already has a rule of the user's is left alone.
 */
export const GUARD_TITLE = "計画進捗チェッカー";

/** Rows below the table that get the guards too: where next items are typed. */
const SPARE_ROWS = 50;

export interface EntryGuard {
  ranges: GuardRange[];
  /** The symbols the rating cells accept (the profile's scale and "-"). */
  symbols: string[];
  ratingPrompt: string;
  ratingError: string;
  textPrompt: string;
}

export type { GuardRange };

export function entryGuard(table: TableRead, settings: PlanSettings): EntryGuard | undefined {
  const { rating, plan, result } = table.columns;
  if (rating === undefined || table.headerRow === undefined) return undefined;
  const first = table.headerRow + 1;
  const last = Math.max(first, (table.rows[table.rows.length - 1]?.sheetRow ?? first) + SPARE_ROWS);
  const symbols = [...(settings.profile.scale ?? DEFAULT_SCALE).symbols.map((s) => s.symbol), "-"];
  const range = (column: number, kind: GuardRange["kind"]): GuardRange => ({ sheet: table.sheet, column, first, last, kind });
  return {
    ranges: [range(rating, "rating"), ...[plan, result].filter((c): c is number => c !== undefined).map((c) => range(c, "text"))],
    symbols,
    ratingPrompt: `評価は ${symbols.join("・")} から選びます（- は評価しない枝番など）。`,
    ratingError: `評価は ${symbols.join("・")} のいずれかを入力してください。`,
    textPrompt: "目標値・実績値は、文末の（ ）に「ラベル 数値単位」で書くと点検できます。例: (参加団体数 12団体)。①②③ で複数書けます。",
  };
}
