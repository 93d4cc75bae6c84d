import type { CellGuard, CellMark, CellWrite, PortCapabilities, RowGuard, SimpleSheet, WorkbookPort, WorkbookRead } from "../core/port";
import type { RawCell } from "../core/workbook/cells";
import type { SheetPlan } from "../core/report/plan";
import type { EntryGuard, GuardRange } from "../core/workbook/guard";
import type { PlanSettings, SettingsRead } from "../core/workbook/settings";
import type { ReadOptions } from "../core/workbook/table";
import { columnLetter } from "../core/workbook/cells";
import type { Batch } from "./cells";
import { onRibbonCheck } from "./commands";
import { toWorkbookError } from "./errors";
import { clearGuards, setGuards } from "./guards";
import { clearMarks, markCells } from "./marks";
import { readWorkbook } from "./read";
import { writeReportSheet } from "./report";
import { readSettings, writeSettings } from "./settings";
import { readSheet, writeCell, writeCells, writeSheet } from "./write";

export { MARK_FORMULA } from "./marks";

/** Excel.run, or a stand-in with the same shape (the tests' fake), with Excel.RunOptions. */
export type ExcelRun = <T>(options: { delayForCellEdit?: boolean }, batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

const officeRun: ExcelRun = (options, batch) => Excel.run(options, batch);

/**
 * The workbook port over Office.js: a facade over one module per concern — reading (read.ts), the
 * settings sheet (settings.ts), cells and sheets (write.ts), the report (report.ts), marks (marks.ts),
 * entry guards (guards.ts). Loads only what it reads, in as few syncs as it can.
 */
export class ExcelWorkbookPort implements WorkbookPort {
  readonly can: PortCapabilities = { marks: true, guards: true, openWorkbook: true };
  private readonly run: Batch;

  constructor(
    run: ExcelRun = officeRun,
    /** Excel.createWorkbook (ExcelApi 1.8), or the tests' stand-in. */
    private readonly createWorkbook: (base64: string) => Promise<void> = (base64) => Excel.createWorkbook(base64),
  ) {
    // Every batch waits while the user edits a cell (instead of failing), and every failure reaches the
    // pane as a WorkbookError it can explain.
    this.run = async (batch) => {
      try {
        return await run({ delayForCellEdit: true }, batch);
      } catch (error) {
        throw toWorkbookError(error);
      }
    };
  }

  read(options: ReadOptions = {}): Promise<WorkbookRead> {
    return readWorkbook(this.run, options);
  }

  readSettings(): Promise<SettingsRead | undefined> {
    return readSettings(this.run);
  }

  writeSettings(settings: PlanSettings): Promise<void> {
    return writeSettings(this.run, settings);
  }

  sheetNames(): Promise<string[]> {
    return this.run(async (context) => {
      const worksheets = context.workbook.worksheets;
      worksheets.load("items/name");
      await context.sync();
      return worksheets.items.map((s) => s.name);
    });
  }

  writeCell(sheet: string, column: number, sheetRow: number, text: string, guard: readonly CellGuard[] = []): Promise<void> {
    return writeCell(this.run, sheet, column, sheetRow, text, guard);
  }

  writeCells(sheet: string, cells: readonly CellWrite[], guards: readonly RowGuard[] = []): Promise<void> {
    return writeCells(this.run, sheet, cells, guards);
  }

  readSheet(name: string): Promise<RawCell[][] | undefined> {
    return readSheet(this.run, name);
  }

  writeSheet(name: string, sheet: SimpleSheet): Promise<void> {
    return writeSheet(this.run, name, sheet);
  }

  /** Writes the report sheet (src/excel/report.ts). */
  async writeReport(name: string, plan: SheetPlan): Promise<void> {
    await this.run((context) => writeReportSheet(context, plan, () => name));
  }

  markCells(sheet: string, marks: readonly CellMark[]): Promise<void> {
    return markCells(this.run, sheet, marks);
  }

  clearMarks(): Promise<void> {
    return clearMarks(this.run);
  }

  setGuards(guard: EntryGuard): Promise<{ set: GuardRange[]; skipped: GuardRange[] }> {
    return setGuards(this.run, guard);
  }

  clearGuards(ranges: readonly GuardRange[]): Promise<void> {
    return clearGuards(this.run, ranges);
  }

  /** Opens next year's table as a new workbook in Excel (ExcelApi 1.8's createWorkbook). */
  async openWorkbook(bytes: Uint8Array): Promise<void> {
    let binary = "";
    for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    try {
      await this.createWorkbook(btoa(binary));
    } catch (error) {
      throw toWorkbookError(error);
    }
  }

  /** The ribbon's 「整合性チェック」 button asks the pane for a check. */
  onCheckRequested(listener: () => void): () => void {
    return onRibbonCheck(listener);
  }

  selectCell(sheet: string, column: number, sheetRow: number): Promise<void> {
    return this.run(async (context) => {
      const ws = context.workbook.worksheets.getItem(sheet);
      ws.activate();
      ws.getRange(`${columnLetter(column)}${sheetRow}`).select();
      await context.sync();
    });
  }
}
