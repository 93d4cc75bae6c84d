import { runCheck, type CheckRun } from "../../core/actions/check";
import { compareYears, exportComparison, type YearComparison } from "../../core/actions/compare";
import { exportFindings, exportFindingsByDepartment } from "../../core/actions/findings";
import { fixRating, type RatingFix } from "../../core/actions/fix";
import { clearEntryRules, setEntryRules } from "../../core/actions/guards";
import { ignoreFinding, restoreAllFindings, restoreFinding } from "../../core/actions/ignore";
import { clearMarks, markFindings } from "../../core/actions/marks";
import { makeReport, reportPlan, type MakeReportOptions } from "../../core/actions/report";
import type { SheetPlan } from "../../core/report/plan";
import { rollOver } from "../../core/actions/rollover";
import {
  applyMerge,
  exportCsv,
  exportStatus,
  previewMerge,
  readHistory,
  splitByDepartment,
  undoMerge,
  type Applied,
  type CsvExport,
  type DepartmentFile,
  type MergePreview,
  type SplitRequest,
  type Undone,
} from "../../core/actions/roundtrip";
import type { MergeRecord } from "../../core/roundtrip/history";
import { saveMapping, savePlanMeta, saveProfile } from "../../core/actions/settings";
import { inDepartment } from "../../core/check/export";
import type { Finding } from "../../core/check/types";
import type { Memo } from "../../core/memo";
import { WorkbookError, type WorkbookPort } from "../../core/port";
import type { RatingProfile } from "../../core/rating/profile";
import type { ColumnMap } from "../../core/workbook/columns";
import type { GuardRange } from "../../core/workbook/guard";
import type { PlanMeta } from "../../core/workbook/model";
import { openedView, paneComparison, paneRun, type OpenedView, type PaneComparison, type PaneRun } from "./view";

/** A step of a long action, in words a person understands (messages.ts says each). */
export type Step = "open" | "reopen" | "read" | "check" | "receive" | "write" | "compare";

export interface Progress {
  step: Step;
  /** Rows or findings done, of `total`, when they can be counted. */
  done?: number;
  total?: number;
  /** What is counted: rows of the table, or findings and rows together. */
  unit?: "rows" | "items";
}

/** What the actions keep between calls: the port, the memo, the last check and comparison (the engine's). */
export interface EngineContext {
  port: WorkbookPort;
  memo: Memo;
  run?: CheckRun;
  diff?: YearComparison;
  /** The round trip: the forms made last (Excel opens them one by one) and the merge previewed last. */
  forms?: DepartmentFile[];
  preview?: MergePreview;
  progress: (progress: Progress) => void;
}

/** The forms made, as the pane lists them (their bytes stay with the engine, or come as one zip). */
export interface SplitView {
  files: Omit<DepartmentFile, "bytes">[];
  /** Rows without a department, the secretariat's to fill: "No.12". */
  unassigned: string[];
  /** File mode: every form in one zip, for a download. */
  zip?: Uint8Array;
}

/** A merge previewed: what each file changes, the conflicts and notices, who has answered (the check after it stays in the engine). */
export type MergePreviewView = Pick<MergePreview, "plan" | "status">;

const needPreview = (context: EngineContext): MergePreview => {
  if (context.preview) return context.preview;
  throw new WorkbookError("NotPreviewed", { ja: "先に戻った調書を選んで、取り込む前の確認を表示してください。", en: "Choose the returned forms and preview the merge first." });
};

const needRun = (context: EngineContext): CheckRun => {
  if (context.run) return context.run;
  throw new WorkbookError("NotChecked", { ja: "先に整合性チェックを実行してください。", en: "Run the check first." });
};

/**
 * Every action of the pane, once, over the engine's context: each calls the core's action (src/core/actions)
 * and returns what the pane draws (a view without the texts it does not show). The same table runs in the
 * file mode's worker (engine.worker.ts) and on the page in Excel (LocalEngine): the pane cannot tell them apart.
 */
export const ACTIONS = {
  /** The table as opened, before any check. */
  async open(context: EngineContext): Promise<OpenedView> {
    context.progress({ step: "read" });
    const { table } = await context.port.read();
    return openedView(table);
  },
  async check(context: EngineContext, rows?: number): Promise<PaneRun> {
    context.progress({ step: "check", ...(rows ? { total: rows } : {}) });
    context.run = await runCheck(context.port, { memo: context.memo });
    return paneRun(context.run);
  },
  /** The quick fix of a finding of the last check (the finding as the pane holds it). */
  fix(context: EngineContext, finding: Finding): Promise<RatingFix> {
    return fixRating(context.port, needRun(context).table, finding);
  },
  async ignore(context: EngineContext, finding: Pick<Finding, "code" | "item">, reason: string): Promise<void> {
    await ignoreFinding(context.port, finding, reason);
  },
  async restore(context: EngineContext, code: string, item: string): Promise<void> {
    await restoreFinding(context.port, code, item);
  },
  async restoreAll(context: EngineContext): Promise<void> {
    await restoreAllFindings(context.port);
  },
  async savePlanMeta(context: EngineContext, meta: PlanMeta): Promise<void> {
    await savePlanMeta(context.port, meta);
  },
  async saveProfile(context: EngineContext, profile: RatingProfile): Promise<void> {
    await saveProfile(context.port, profile);
  },
  async saveMapping(context: EngineContext, mapping: ColumnMap): Promise<void> {
    await saveMapping(context.port, mapping);
  },
  exportFindings(context: EngineContext): Promise<{ sheet: string }> {
    context.progress({ step: "write" });
    return exportFindings(context.port, needRun(context));
  },
  exportByDepartment(context: EngineContext): Promise<{ sheets: string[] }> {
    context.progress({ step: "write" });
    return exportFindingsByDepartment(context.port, needRun(context));
  },
  /** The report on the paper and in the orientation chosen (A4 landscape when none is). */
  report(context: EngineContext, options: Pick<MakeReportOptions, "paper" | "orientation"> = {}): Promise<{ sheet: string }> {
    context.progress({ step: "write" });
    return makeReport(context.port, options);
  },
  /** The report's plan for the print preview: nothing is written. */
  reportPlan(context: EngineContext, options: Pick<MakeReportOptions, "paper" | "orientation"> = {}): Promise<SheetPlan> {
    return reportPlan(context.port, options);
  },
  /** Marks the cells of the findings shown (one department's, or all). */
  mark(context: EngineContext, department: string): Promise<{ cells: number }> {
    const run = needRun(context);
    const findings = department ? run.result.findings.filter((f) => inDepartment(f, department)) : run.result.findings;
    return markFindings(context.port, run.table.sheet, findings);
  },
  unmark(context: EngineContext): Promise<void> {
    return clearMarks(context.port);
  },
  /** Compares this workbook with last year's (its bytes); the comparison is kept for its export. */
  async compare(context: EngineContext, lastYear: ArrayBuffer): Promise<PaneComparison> {
    context.progress({ step: "compare" });
    const { XlsxWorkbookPort } = await import(/* webpackChunkName: "xlsx-read" */ "../../xlsx/workbookPort");
    const last = await XlsxWorkbookPort.load(lastYear);
    context.diff = await compareYears(last, context.port, context.memo);
    return paneComparison(context.diff);
  },
  exportComparison(context: EngineContext): Promise<{ sheet: string }> {
    if (!context.diff) throw new WorkbookError("NotCompared", { ja: "先に前年度のブックと比較してください。", en: "Compare with last year's workbook first." });
    return exportComparison(context.port, context.diff);
  },
  /** Next year's table: opened in the host when it can (Excel), else its bytes for a download. */
  async rollover(context: EngineContext): Promise<{ year: string; bytes?: Uint8Array }> {
    context.progress({ step: "write" });
    const { rolloverWorkbookBytes } = await import(/* webpackChunkName: "xlsx-write" */ "../../xlsx/progressWorkbook");
    const next = await rollOver(context.port, rolloverWorkbookBytes);
    if (context.port.can.openWorkbook) {
      await context.port.openWorkbook(next.bytes);
      return { year: next.year };
    }
    return { year: next.year, bytes: next.bytes };
  },
  setGuards(context: EngineContext): Promise<{ set: GuardRange[]; skipped: GuardRange[] }> {
    return setEntryRules(context.port);
  },
  clearGuards(context: EngineContext): Promise<void> {
    return clearEntryRules(context.port);
  },
  async selectCell(context: EngineContext, sheet: string, column: number, sheetRow: number): Promise<void> {
    await context.port.selectCell(sheet, column, sheetRow);
  },
  /** 「課ごとの調書を作る」: one form per department; Excel opens them one by one, a file's come as one zip. */
  async split(context: EngineContext, request: SplitRequest): Promise<SplitView> {
    context.progress({ step: "write" });
    const { departmentWorkbooks, filesZip } = await import(/* webpackChunkName: "xlsx-read" */ "../../xlsx/workbookPort");
    const result = await splitByDepartment(context.port, departmentWorkbooks, request);
    const unassigned = result.plan.unassigned.map((r) => `No.${r.item || r.sheetRow}`);
    const files = result.files.map(({ bytes: _bytes, ...file }) => file);
    if (context.port.can.openWorkbook) {
      context.forms = result.files;
      return { files, unassigned };
    }
    return { files, unassigned, zip: filesZip(result.files) };
  },
  /** Excel: opens one department's form (made by the last split) as a new workbook. */
  async openForm(context: EngineContext, department: string): Promise<void> {
    const form = context.forms?.find((f) => f.department === department);
    if (!form) throw new WorkbookError("NotSplit", { ja: "先に課ごとの調書を作ってください。", en: "Make the department forms first." });
    await context.port.openWorkbook(form.bytes);
  },
  /** 「調書を取り込む」, first step: the returned files read and the merge previewed; the preview is kept for 「取り込む」. */
  async previewMerge(context: EngineContext, files: readonly { name: string; bytes: Uint8Array }[]): Promise<MergePreviewView> {
    context.progress({ step: "read" });
    const { readReturnedFile } = await import(/* webpackChunkName: "xlsx-read" */ "../../xlsx/workbookPort");
    context.preview = await previewMerge(
      context.port,
      files.map((f) => readReturnedFile(f.name, f.bytes)),
    );
    return { plan: context.preview.plan, status: context.preview.status };
  },
  /** 「取り込む」: the preview's changes made, after what the cells held is recorded; the history as it is then. */
  async applyMerge(context: EngineContext): Promise<Applied & { merges: MergeRecord[] }> {
    context.progress({ step: "write" });
    const applied = await applyMerge(context.port, needPreview(context));
    context.preview = undefined;
    return { ...applied, merges: (await readHistory(context.port)).merges };
  },
  exportStatus(context: EngineContext): Promise<{ sheet: string }> {
    context.progress({ step: "write" });
    return exportStatus(context.port, needPreview(context).status);
  },
  async history(context: EngineContext): Promise<MergeRecord[]> {
    return (await readHistory(context.port)).merges;
  },
  async undoMerge(context: EngineContext, id: string): Promise<Undone & { merges: MergeRecord[] }> {
    context.progress({ step: "write" });
    const undone = await undoMerge(context.port, id);
    return { ...undone, merges: (await readHistory(context.port)).merges };
  },
  exportCsv(context: EngineContext): Promise<CsvExport> {
    return exportCsv(context.port, context.memo);
  },
  /** File mode: the workbook with every change, as .xlsx bytes. */
  async save(context: EngineContext): Promise<Uint8Array> {
    const port = context.port as WorkbookPort & { save?: () => Promise<Uint8Array> };
    if (!port.save) throw new WorkbookError("Unsupported", { ja: "このブックはここでは保存できません。", en: "This workbook cannot be saved here." });
    context.progress({ step: "write" });
    return port.save();
  },
} as const;

type Actions = typeof ACTIONS;
export type ActionName = keyof Actions;
type Rest<F> = F extends (context: EngineContext, ...args: infer A) => unknown ? A : never;
export type ActionArgs<N extends ActionName> = Rest<Actions[N]>;
export type ActionResult<N extends ActionName> = Awaited<ReturnType<Actions[N]>>;

/** Runs one action of the table by its name (the worker and the local engine alike). */
export function runAction<N extends ActionName>(context: EngineContext, name: N, args: ActionArgs<N>): Promise<ActionResult<N>> {
  const action = ACTIONS[name] as (context: EngineContext, ...args: ActionArgs<N>) => Promise<ActionResult<N>>;
  return action(context, ...args);
}
