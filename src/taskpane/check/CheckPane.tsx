import {
  Button,
  Field,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Select,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { NO_DEPARTMENT, departmentsOfFinding } from "../../core/check/export";
import type { Finding } from "../../core/check/types";
import type { CallOptions, PaneEngine } from "../engine/engine";
import { findingKey, type PaneRun } from "../engine/view";
import { describeError } from "../errors";
import { useLocale, useMessages } from "../i18n";
import { fill } from "../messages";
import { FindingDialogs, type FindingDialog } from "./FindingDialogs";
import { FindingsList, groupFindings } from "./FindingsList";
import { ProgressView } from "./ProgressView";
import { TableReading, type ReadingEditor } from "./TableReading";
import { CheckSections, type SaveSettings } from "./CheckSections";
import type { PrintChoice } from "./ReportSection";
import { CheckSummaryView } from "./Summary";
import { useCheck } from "./useCheck";
import { useFindingWalk } from "./useFindingWalk";

const useStyles = makeStyles({
  stack: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, minWidth: 0 },
  // The primary actions, what runs and what was done stay in view however long the findings are.
  sticky: {
    position: "sticky",
    top: 0,
    zIndex: 2,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    padding: `${tokens.spacingVerticalS} 0`,
    backgroundColor: tokens.colorNeutralBackground2,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  toolbar: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap", alignItems: "center" },
  row: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap", alignItems: "center" },
  // A long department's name wraps inside the pane rather than widening it.
  filter: { minWidth: 0, maxWidth: "100%" },
  select: { minWidth: 0, maxWidth: "100%", width: "100%" },
});

export interface CheckPaneProps {
  engine: PaneEngine;
  /** Rows of the table as opened (the check's progress names them). */
  rows?: number;
  /** Called after a check, with what was read (file mode shows the rows). */
  onChecked?: (run: PaneRun) => void;
  /** Called when a finding is walked to (file mode highlights its row). */
  onNavigate?: (finding: Finding) => void;
  /** Called to show a row asked for by a comparison's entry (file mode opens the row view there). */
  onShowRow?: (sheetRow: number) => void;
  /** File mode: the workbook with a sheet just written is handed to the user (a download). */
  onSheetWritten?: (kind: "findings" | "report", sheet: string, options: CallOptions) => Promise<void>;
  /** Moves the focus to the check button when the pane appears (after a file is opened). */
  autoFocus?: boolean;
  /** File mode: hands a new workbook (next year's table) to the user. */
  onFileMade?: (bytes: Uint8Array, suffix: string) => Promise<void>;
  /** File mode: 「変更したブックを保存」 in the toolbar while there are changes not saved; returns its notice. */
  save?: { unsaved: boolean; run: (options: CallOptions) => Promise<string> };
  /** Hidden behind a tab (a narrow file mode showing the rows): the findings are not drawn. */
  shown?: boolean;
}

/**
 * The one-click check: a toolbar that stays in view (check, previous, next, report, save) with what runs
 * and what was done, the result in a few lines, the findings to walk through, then what is edited less
 * often (ignored findings, years, the plan, the profile, the columns).
 */
export function CheckPane({ engine, rows, onChecked, onNavigate, onShowRow, onSheetWritten, onFileMade, save, autoFocus = false, shown = true }: CheckPaneProps) {
  const m = useMessages();
  const styles = useStyles();
  const locale = useLocale();
  const explain = useCallback((error: unknown) => describeError(error, m, locale), [m, locale]);
  const texts = useMemo(() => ({ changedWhileReading: m.changedWhileReading, cancelled: m.cancelled }), [m]);
  const { run, busy, progress, message, setMessage, check, act, cancel } = useCheck(engine, explain, texts, onChecked, rows);
  const [dialog, setDialog] = useState<FindingDialog>();
  const checkButton = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (autoFocus) checkButton.current?.focus();
  }, [autoFocus]);

  // The findings of one department only, when chosen: the walk, the groups and the export follow. A
  // department sharing an item (「市民課、政策課」) finds it too.
  const [department, setDepartment] = useState("");
  const findings = run?.result.findings;
  const departments = run?.departments ?? [];
  const chosen = department && departments.includes(department) ? department : "";
  const { flat, groups } = useMemo(() => {
    const all = findings ?? [];
    const kept = chosen ? all.filter((f) => departmentsOfFinding(f).includes(chosen)) : all;
    const grouped = groupFindings(kept);
    return { flat: grouped.flatMap((g) => g.findings), groups: grouped };
  }, [findings, chosen]);
  const go = useCallback(
    (finding: Finding) => {
      if (finding.row !== undefined) void engine.call("selectCell", [finding.sheet, finding.column ?? 0, finding.row]).catch(() => undefined);
      onNavigate?.(finding);
    },
    [engine, onNavigate],
  );
  const { current, goTo, onKeyDown, focusRequest, revealRequest } = useFindingWalk(flat, go, chosen, onNavigate);

  /** Saves a part of the settings (as the workbook holds them now), then checks again with them. */
  const saveSettings: SaveSettings = (save, notice) =>
    void act(
      async (options) => {
        await save(options);
        return notice;
      },
      { recheck: true },
    );
  /** After a sheet was written: file mode hands the workbook over (a download); the notice says which. */
  const written = async (kind: "findings" | "report", sheet: string, here: string, downloaded: string, options: CallOptions) => {
    if (!onSheetWritten) return fill(here, { sheet });
    await onSheetWritten(kind, sheet, options);
    return fill(downloaded, { sheet });
  };
  const fix = (finding: Finding) =>
    void act(
      async (options) => {
        const done = await engine.call("fix", [finding], options);
        return fill(engine.canSave ? m.fixedFile : m.fixed, { item: finding.item ?? "", from: done.from || "—", to: done.to, cell: done.cell });
      },
      { recheck: true },
    );
  const ignore = (finding: Finding, reason: string) =>
    void act(
      async (options) => {
        await engine.call("ignore", [{ code: finding.code, item: finding.item }, reason], options);
        return fill(m.ignoredDone, { item: finding.item ?? "", code: finding.code });
      },
      { recheck: true },
    );
  const exportAll = () =>
    act(async (options) => written("findings", (await engine.call("exportFindings", [], options)).sheet, m.exported, m.exportedDownloaded, options));
  const exportDepartments = () =>
    act(async (options) => {
      const { sheets } = await engine.call("exportByDepartment", [], options);
      const last = sheets[sheets.length - 1];
      if (last) await written("findings", last, "", "", options);
      return fill(m.departmentExported, { count: sheets.length });
    });
  // The paper and orientation of the report (「レポートの用紙と印刷プレビュー」); A4 landscape until chosen.
  const [print, setPrint] = useState<PrintChoice>({ paper: "A4", orientation: "landscape" });
  const report = () => act(async (options) => written("report", (await engine.call("report", [print], options)).sheet, m.reportDone, m.reportDownloaded, options), { testId: "report-message" });
  const mark = () =>
    act(async (options) => {
      await engine.call("mark", [chosen], options);
      return m.marksNote;
    });
  const unmark = () =>
    act(async (options) => {
      await engine.call("unmark", [], options);
      return undefined;
    });
  const closeDialog = () => {
    setDialog(undefined);
    // Back to the finding the dialog was about.
    setTimeout(() => document.getElementById(`finding-${current}`)?.focus(), 0);
  };

  const summary = run?.result.summary;
  const columnsMissing = run?.table.problems.some((p) => p.code === "COLUMNS_MISSING") ?? false;
  // The sections below the findings, opened by hand or from 「この表の読み方」 (each check opens 列の指定 when columns are missing).
  const [openSections, setOpenSections] = useState<string[]>([]);
  const [sectionsRun, setSectionsRun] = useState<PaneRun>();
  if (run !== sectionsRun) {
    // A new check: 列の指定 opens when columns are missing (state adjusted while rendering, not in an effect).
    setSectionsRun(run);
    if (columnsMissing && !openSections.includes("columns")) setOpenSections([...openSections, "columns"]);
  }
  const edit = (editor: ReadingEditor) => {
    setOpenSections((open) => (open.includes(editor) ? open : [...open, editor]));
    setTimeout(() => document.querySelector(`[data-section="${editor}"]`)?.scrollIntoView({ block: "start" }), 0);
  };
  const understood = run?.table.understood;
  const confirmScale = () => {
    if (!run || !understood) return;
    saveSettings((options) => engine.call("saveProfile", [{ ...run.settings.profile, scale: { symbols: understood.scale.symbols } }], options), m.readingConfirmed);
  };
  const currentFinding = flat[current];
  const fixOf = (finding: Finding) => run?.fixes[findingKey(finding)];
  const departmentName = (name: string) => (name === NO_DEPARTMENT ? m.noDepartment : name);
  return (
    <section className={styles.stack} aria-label={m.check}>
      <div className={styles.sticky} data-testid="sticky">
        <div className={styles.toolbar} role="toolbar" aria-label={m.toolbarLabel} data-testid="toolbar">
          <Button appearance="primary" ref={checkButton} onClick={() => void check()} disabledFocusable={busy} data-testid="run-check">
            {m.check}
          </Button>
          {flat.length > 0 && (
            <>
              <Button onClick={() => goTo(Math.max(0, current - 1))} disabledFocusable={current === 0} aria-keyshortcuts="ArrowUp">
                {m.previous}
              </Button>
              <Button onClick={() => goTo(Math.min(flat.length - 1, current + 1))} disabledFocusable={current >= flat.length - 1} aria-keyshortcuts="ArrowDown">
                {m.next}
              </Button>
              <Text size={200} aria-live="polite" data-testid="finding-position">
                {fill(m.currentFinding, { n: current + 1, total: flat.length })}
              </Text>
            </>
          )}
          <Button onClick={() => void report()} disabledFocusable={busy} data-testid="make-report" title={m.makeReportHint}>
            {m.makeReport}
          </Button>
          {save?.unsaved && (
            <Button appearance="primary" onClick={() => void act(save.run, { testId: "save-message" })} disabledFocusable={busy} data-testid="save-workbook">
              {m.saveWorkbook}
            </Button>
          )}
        </div>
        {busy && (
          <ProgressView
            progress={progress}
            onCancel={() => {
              cancel();
              // The cancel button goes with the work: the focus goes back to the check.
              checkButton.current?.focus();
            }}
          />
        )}
        {message && (
          <MessageBar intent={message.intent}>
            <MessageBarBody data-testid={message.testId ?? (message.intent === "error" ? "pane-error" : message.intent === "warning" ? "pane-warning" : "notice")}>
              {message.text}
            </MessageBarBody>
            <MessageBarActions>
              <Button size="small" appearance="transparent" onClick={() => setMessage(undefined)} aria-label={m.dismiss}>
                ×
              </Button>
            </MessageBarActions>
          </MessageBar>
        )}
      </div>
      {!run && <Text size={200}>{m.checkHint}</Text>}
      {run && summary && (
        <>
          {understood && <TableReading understood={understood} busy={busy} onEdit={edit} onConfirmScale={confirmScale} />}
          <CheckSummaryView summary={summary} />
          <div className={styles.row} role="group" aria-label={m.actionsHeading}>
            <Button size="small" onClick={() => void exportAll()} disabledFocusable={busy || flat.length === 0}>
              {m.exportFindings}
            </Button>
            <Button size="small" onClick={() => void exportDepartments()} disabledFocusable={busy || departments.length === 0} data-testid="export-departments">
              {m.departmentExport}
            </Button>
            {engine.can.marks && (
              <>
                <Button size="small" onClick={() => void mark()} disabledFocusable={busy || flat.length === 0}>
                  {m.markCells}
                </Button>
                <Button size="small" onClick={() => void unmark()} disabledFocusable={busy}>
                  {m.clearMarks}
                </Button>
              </>
            )}
          </div>
          {departments.length > 1 && (
            <Field label={m.departmentFilter} size="small" className={styles.filter}>
              <Select value={chosen} onChange={(_, data) => setDepartment(data.value)} data-testid="department-filter" className={styles.select}>
                <option value="">{m.departmentAll}</option>
                {departments.map((name) => (
                  <option key={name} value={name}>
                    {departmentName(name)}
                  </option>
                ))}
              </Select>
            </Field>
          )}
          {flat.length === 0 ? (
            <Text>{m.noFindings}</Text>
          ) : (
            <FindingsList
              groups={groups}
              current={current}
              focusRequest={focusRequest}
              revealRequest={revealRequest}
              shown={shown}
              onSelect={goTo}
              onKeyDown={onKeyDown}
              onIgnore={(finding) => setDialog({ kind: "ignore", finding })}
              canFix={(finding) => fixOf(finding) !== undefined && finding.column !== undefined}
              onFix={(finding) => {
                const planned = fixOf(finding);
                if (planned) setDialog({ kind: "fix", finding, from: planned.from, cell: planned.cell });
              }}
            />
          )}
          <CheckSections
            engine={engine}
            run={run}
            busy={busy}
            act={act}
            saveSettings={saveSettings}
            open={openSections}
            onOpen={setOpenSections}
            print={print}
            onPrint={setPrint}
            onGo={(finding) => {
              go(finding);
              if (finding.row !== undefined) onShowRow?.(finding.row);
            }}
            {...(onFileMade ? { onFileMade } : {})}
            {...(onSheetWritten ? { onSheetWritten } : {})}
          />
        </>
      )}
      <FindingDialogs dialog={dialog} onClose={closeDialog} onIgnore={ignore} onFix={fix} />
      {currentFinding && <span hidden data-testid="current-finding" data-item={currentFinding.item ?? ""} data-code={currentFinding.code} />}
    </section>
  );
}
