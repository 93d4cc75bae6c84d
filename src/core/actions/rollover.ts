import type { WorkbookPort } from "../port";
import { rolloverTable, rolloverYearLabel, type Rollover } from "../workbook/rollover";
import { settingsOf } from "./settings";
import { requireTable } from "./sheets";

/** Builds a workbook file from next year's table (the file adapter's progress workbook). */
export type WorkbookMaker = (rollover: Rollover) => Promise<Uint8Array>;

export interface RolledOver {
  rollover: Rollover;
  /** 令和3年度, or "" when the year is unknown. */
  year: string;
  /** Next year's workbook as .xlsx bytes: the shell opens it (Excel), downloads it (file mode) or writes it (CLI). */
  bytes: Uint8Array;
}

/** Next year's table (docs/contracts/workbook.md, "Next year"); a workbook without a table is refused. */
export async function rollOver(port: WorkbookPort, make: WorkbookMaker): Promise<RolledOver> {
  const read = await port.read();
  const table = requireTable(read, { ja: "来年度の表", en: "next year's table" });
  const rollover = rolloverTable(table, settingsOf(read));
  return { rollover, year: rolloverYearLabel(rollover), bytes: await make(rollover) };
}
