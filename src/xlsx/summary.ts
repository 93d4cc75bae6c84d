import type { ReadProblem, TableRead, TableSummary } from "../core/workbook/table";
import { summarizeTable } from "../core/workbook/table";
import { XlsxWorkbookPort } from "./workbookPort";

export interface SheetSummary {
  name: string;
  /** Rows and columns that hold a value. */
  rows: number;
  columns: number;
  /** Hidden or very hidden sheets, such as the add-in's settings sheet. */
  hidden: boolean;
}

export interface WorkbookSummary {
  /** The workbook, in memory, behind the port file mode checks through. */
  port: XlsxWorkbookPort;
  sheets: SheetSummary[];
  table: TableRead;
  summary: TableSummary;
  problems: ReadProblem[];
}

/** Opens an .xlsx and reads its progress table: what file mode shows after opening a file. */
export async function summarizeWorkbook(data: ArrayBuffer | Uint8Array): Promise<WorkbookSummary> {
  const port = await XlsxWorkbookPort.load(data);
  const sheets = port.sheets().map((sheet) => ({ name: sheet.name, rows: sheet.usedRows, columns: sheet.usedColumns, hidden: sheet.hidden }));
  const table = (await port.read()).table;
  return { port, sheets, table, summary: summarizeTable(table), problems: table.problems };
}

