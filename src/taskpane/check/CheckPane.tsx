import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Button,
  Field,
  MessageBar,
  MessageBarBody,
  ProgressBar,
  Select,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import { RULES_BY_CODE } from "../../core/check/catalogue";
import { departmentOf, departmentSheets, departmentsOf, findingsSheet } from "../../core/check/export";
import type { CheckRun } from "../../core/check/run";
import type { Finding } from "../../core/check/types";
import { WorkbookError, updateSettings, type WorkbookPort } from "../../core/port";
import { workbookReportPlan } from "../../core/report/plan";
import { columnLetter } from "../../core/workbook/cells";
import { describeProblem } from "../../core/workbook/problemText";
import { DEFAULT_SETTINGS, type PlanSettings } from "../../core/workbook/settings";
import { describeError } from "../errors";
import { useLocale, useMessages } from "../i18n";
import { MESSAGES, fill } from "../messages";
import { FindingDialogs, type FindingDialog } from "./FindingDialogs";
import { FindingsList, groupFindings } from "./FindingsList";
import { ColumnMapping } from "./ColumnMapping";
import { PlanForm } from "./PlanForm";
import { ProfileForm } from "./ProfileForm";
import { CheckSummaryView } from "./Summary";
import { useCheck } from "./useCheck";
import { useFindingWalk } from "./useFindingWalk";
import { YearsPanel } from "./YearsPanel";

const useStyles = makeStyles({
  stack: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  // The primary actions stay in view however long the findings are.
  toolbar: {
    position: "sticky",
    top: 0,
    zIndex: 2,
    display: "flex",
    gap: tokens.spacingHorizontalS,
    flexWrap: "wrap",
    alignItems: "center",
    padding: `${tokens.spacingVerticalS} 0`,
    backgroundColor: tokens.colorNeutralBackground2,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  row: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap", alignItems: "center" },
  ignored: { listStyle: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  ignoredItem: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "center", justifyContent: "space-between", flexWrap: "wrap" },
});

/** One of the pane's sections behind a heading that opens it (an accordion item, heading level 2). */
function Section({ value, heading, children }: { value: string; heading: string; children: ReactNode }) {
  return (
    <AccordionItem value={value}>
      <AccordionHeader as="h2" size="small">
        {heading}
      </AccordionHeader>
      <AccordionPanel>{children}</AccordionPanel>
    </AccordionItem>
  );
}

export interface CheckPaneProps {
  port: WorkbookPort;
  /** Called after a check, with what was read (file mode shows the rows). */
  onChecked?: (run: CheckRun) => void;
  /** Called when a finding is walked to (file mode highlights its row). */
  onNavigate?: (finding: Finding) => void;
  /** Called after anything was written to the workbook (file mode then has changes to save). */
  onChanged?: () => void;
  /** File mode: the workbook with a sheet just written is handed to the user (a download). */
  onSheetWritten?: (kind: "findings" | "report", sheet: string) => Promise<void>;
  /** Moves the focus to the check button when the pane appears (after a file is opened). */
  autoFocus?: boolean;
  /** File mode: hands a new workbook (next year's table) to the user. */
  onFileMade?: (bytes: Uint8Array, suffix: string) => Promise<void>;
}

/**
 * The one-click check: a toolbar that stays in view (check, previous, next, report), the result in a few
 * lines, the findings to walk through, then what is edited less often (ignored findings, the plan, the
 * profile, the columns).
 */
export function CheckPane({ port, onChecked, onNavigate, onChanged, onSheetWritten, onFileMade, autoFocus = false }: CheckPaneProps) {
  const m = useMessages();
  const styles = useStyles();
  const locale = useLocale();
  const explain = useCallback((error: unknown) => describeError(error, m, locale), [m, locale]);
  const { run, busy, message, check, act } = useCheck(port, explain, onChecked, m.changedWhileReading);
  const [dialog, setDialog] = useState<FindingDialog>();
  const checkButton = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (autoFocus) checkButton.current?.focus();
  }, [autoFocus]);

  // The findings of one department only, when chosen: the walk, the groups and the export follow.
  const [department, setDepartment] = useState("");
  const departments = useMemo(() => departmentsOf(run?.result.findings ?? []), [run]);
  const shown = useMemo(
    () => (run?.result.findings ?? []).filter((f) => !department || departmentOf(f) === department),
    [run, department],
  );
  const groups = useMemo(() => groupFindings(shown), [shown]);
  const flat = useMemo(() => groups.flatMap(([, findings]) => findings), [groups]);
  const go = useCallback(
    (finding: Finding) => {
      if (finding.row !== undefined) void port.selectCell(finding.sheet, finding.column ?? 0, finding.row).catch(() => undefined);
      onNavigate?.(finding);
    },
    [port, onNavigate],
  );
  const { current, goTo, onKeyDown, focusRequest } = useFindingWalk(flat, go);

  /**
   * Changes the settings as the workbook holds them now (not as the last check read them, so that an
   * ignore written meanwhile is kept), then checks again with them.
   */
  const saveSettings = (change: (current: PlanSettings) => PlanSettings, notice?: string) =>
    act(
      async () => {
        await updateSettings(port, change);
        onChanged?.();
        return notice;
      },
      { recheck: true },
    );

  const ignore = (finding: Finding, reason: string) => {
    const entry = { code: finding.code, item: finding.item ?? "", reason };
    void saveSettings((current) => ({
      ...current,
      ignored: [...current.ignored.filter((i) => i.code !== entry.code || i.item !== entry.item), entry],
    }));
  };
  const restore = (code: string, item: string) =>
    void saveSettings((current) => ({ ...current, ignored: current.ignored.filter((i) => i.code !== code || i.item !== item) }), m.restored);
  const fix = (finding: Finding) => {
    const { row, column, suggested } = finding;
    if (row === undefined || column === undefined || !suggested || !run) return;
    // The row must still be the one checked: its No. and title are read again before the write.
    const checked = run.table.rows.find((r) => r.sheetRow === row);
    const guard = checked
      ? [
          ...(run.table.columns.no === undefined ? [] : [{ column: run.table.columns.no, expected: checked.noWritten }]),
          ...(run.table.columns.title === undefined ? [] : [{ column: run.table.columns.title, expected: checked.title }]),
        ]
      : [];
    void act(
      async () => {
        await port.writeCell(finding.sheet, column, row, suggested, guard);
        onChanged?.();
        return undefined;
      },
      { recheck: true },
    );
  };
  const exportFindings = () =>
    act(async () => {
      if (!run) return undefined;
      const name = await port.writeSheet(findingsSheet(run.result, run.table.sheet));
      onChanged?.();
      if (onSheetWritten) {
        await onSheetWritten("findings", name);
        return fill(m.exportedDownloaded, { sheet: name });
      }
      return fill(m.exported, { sheet: name });
    });
  const makeReport = () =>
    act(
      async () => {
        const { table, settings } = await port.read();
        // A workbook without a progress table gets no (empty) report: the reading problem says why.
        const missing = table.problems.find((p) => p.code === "COLUMNS_MISSING");
        if (missing) {
          throw new WorkbookError("NoTable", {
            ja: fill(MESSAGES.ja.reportRefused, { problem: describeProblem(missing, "ja") }),
            en: fill(MESSAGES.en.reportRefused, { problem: describeProblem(missing, "en") }),
          });
        }
        const sheet = await port.writeReport(workbookReportPlan(table, settings?.settings ?? DEFAULT_SETTINGS));
        onChanged?.();
        if (onSheetWritten) {
          await onSheetWritten("report", sheet);
          return fill(m.reportDownloaded, { sheet });
        }
        return fill(m.reportDone, { sheet });
      },
      { testId: "report-message" },
    );
  const exportDepartments = () =>
    act(async () => {
      if (!run) return undefined;
      const sheets = departmentSheets(run.result, run.table.sheet);
      let last = "";
      for (const sheet of sheets) last = await port.writeSheet(sheet);
      onChanged?.();
      if (onSheetWritten && last) await onSheetWritten("findings", last);
      return fill(m.departmentExported, { count: sheets.length });
    });
  const markCells = () =>
    act(async () => {
      if (!run || !port.markCells) return undefined;
      await port.markCells(
        run.table.sheet,
        flat.filter((f) => f.row !== undefined).map((f) => ({ column: f.column ?? 0, sheetRow: f.row ?? 0, severity: f.severity })),
      );
      return m.marksNote;
    });
  const clearMarks = () =>
    act(async () => {
      await port.clearMarks?.();
      return undefined;
    });
  const closeDialog = () => {
    setDialog(undefined);
    // Back to the finding the dialog was about.
    setTimeout(() => document.getElementById(`finding-${current}`)?.focus(), 0);
  };

  const summary = run?.result.summary;
  const columnsMissing = run?.table.problems.some((p) => p.code === "COLUMNS_MISSING") ?? false;
  const currentFinding = flat[current];
  const ignored = run?.settings.ignored ?? [];
  return (
    <section className={styles.stack} aria-label={m.check}>
      <div className={styles.toolbar} role="toolbar" aria-label={m.toolbarLabel} data-testid="toolbar">
        <Button appearance="primary" ref={checkButton} onClick={() => void check()} disabled={busy} data-testid="run-check">
          {m.check}
        </Button>
        {flat.length > 0 && (
          <>
            <Button onClick={() => goTo(Math.max(0, current - 1))} disabled={current === 0} aria-keyshortcuts="ArrowUp">
              {m.previous}
            </Button>
            <Button onClick={() => goTo(Math.min(flat.length - 1, current + 1))} disabled={current >= flat.length - 1} aria-keyshortcuts="ArrowDown">
              {m.next}
            </Button>
            <Text size={200} aria-live="polite" data-testid="finding-position">
              {fill(m.currentFinding, { n: current + 1, total: flat.length })}
            </Text>
          </>
        )}
        <Button onClick={() => void makeReport()} disabled={busy} data-testid="make-report" title={m.makeReportHint}>
          {m.makeReport}
        </Button>
      </div>
      {!run && <Text size={200}>{m.checkHint}</Text>}
      {busy && <ProgressBar aria-label={m.checking} thickness="large" />}
      {message && (
        <MessageBar
          intent={message.intent}
          data-testid={message.testId ?? (message.intent === "error" ? "pane-error" : message.intent === "warning" ? "pane-warning" : "notice")}
        >
          <MessageBarBody>{message.text}</MessageBarBody>
        </MessageBar>
      )}
      {run && summary && (
        <>
          <CheckSummaryView summary={summary} />
          <div className={styles.row} role="group" aria-label={m.actionsHeading}>
            <Button size="small" onClick={() => void exportFindings()} disabled={busy || flat.length === 0}>
              {m.exportFindings}
            </Button>
            <Button size="small" onClick={() => void exportDepartments()} disabled={busy || departments.length === 0} data-testid="export-departments">
              {m.departmentExport}
            </Button>
            {port.markCells && (
              <Button size="small" onClick={() => void markCells()} disabled={busy || flat.length === 0}>
                {m.markCells}
              </Button>
            )}
            {port.clearMarks && (
              <Button size="small" onClick={() => void clearMarks()} disabled={busy}>
                {m.clearMarks}
              </Button>
            )}
          </div>
          {departments.length > 1 && (
            <Field label={m.departmentFilter} orientation="horizontal" size="small">
              <Select value={department} onChange={(_, data) => setDepartment(data.value)} data-testid="department-filter">
                <option value="">{m.departmentAll}</option>
                {departments.map((name) => (
                  <option key={name} value={name}>
                    {name}
                  </option>
                ))}
              </Select>
            </Field>
          )}
          {flat.length === 0 ? (
            <Text>{m.noFindings}</Text>
          ) : (
            <FindingsList
              // A new check (or another department) opens its groups afresh.
              key={`${department}|${groups.map(([code, findings]) => `${code}:${findings.length}`).join()}`}
              groups={groups}
              flat={flat}
              current={current}
              focusRequest={focusRequest}
              onSelect={goTo}
              onKeyDown={onKeyDown}
              onIgnore={(finding) => setDialog({ kind: "ignore", finding })}
              onFix={(finding) =>
                setDialog({
                  kind: "fix",
                  finding,
                  from: run.table.rows.find((r) => r.sheetRow === finding.row)?.rating ?? "",
                  cell: `${columnLetter(finding.column ?? 0)}${finding.row ?? ""}`,
                })
              }
            />
          )}
          <Accordion collapsible multiple defaultOpenItems={columnsMissing ? ["columns"] : []}>
            <AccordionItem value="ignored" data-testid="ignored-section">
              <AccordionHeader as="h2" size="small">
                {fill(m.ignoredHeading, { n: ignored.length })}
              </AccordionHeader>
              <AccordionPanel>
                {ignored.length === 0 ? (
                  <Text size={200}>{m.noIgnored}</Text>
                ) : (
                  <ul className={styles.ignored} data-testid="ignored-list">
                    {ignored.map((entry) => (
                      <li key={`${entry.code} ${entry.item}`} className={styles.ignoredItem}>
                        <Text size={200}>
                          <strong>No.{entry.item}</strong> {RULES_BY_CODE.get(entry.code)?.title[locale] ?? entry.code} — {entry.reason}
                        </Text>
                        <Button size="small" disabled={busy} aria-label={fill(m.restoreLabel, { item: entry.item, code: entry.code })} onClick={() => restore(entry.code, entry.item)}>
                          {m.restore}
                        </Button>
                      </li>
                    ))}
                  </ul>
                )}
                {ignored.length > 1 && (
                  <Button size="small" onClick={() => void saveSettings((current) => ({ ...current, ignored: [] }))} disabled={busy}>
                    {m.resetIgnored}
                  </Button>
                )}
              </AccordionPanel>
            </AccordionItem>
            <Section value="years" heading={m.yearsHeading}>
              <YearsPanel
                port={port}
                busy={busy}
                act={(action, options) => act(action, options)}
                {...(onFileMade ? { onFileMade } : {})}
                {...(onSheetWritten ? { onSheetWritten } : {})}
                {...(onChanged ? { onChanged } : {})}
              />
            </Section>
            <Section value="plan" heading={m.planHeading}>
              <PlanForm
                key={JSON.stringify(run.meta.meta)}
                meta={run.meta.meta}
                busy={busy}
                onSave={(meta) => void saveSettings((current) => ({ ...current, meta }), m.planSaved)}
              />
            </Section>
            <Section value="profile" heading={m.settingsHeading}>
              <ProfileForm
                key={JSON.stringify(run.settings.profile)}
                profile={run.settings.profile}
                busy={busy}
                onSave={(profile) => void saveSettings((current) => ({ ...current, profile }), m.settingsSaved)}
              />
            </Section>
            <Section value="columns" heading={m.columnsHeading}>
              <ColumnMapping
                key={JSON.stringify(run.settings.mapping ?? {})}
                table={run.table}
                mapping={run.settings.mapping ?? {}}
                busy={busy}
                onSave={(mapping) =>
                  void saveSettings((current) => {
                    const { mapping: _old, ...rest } = current;
                    return Object.keys(mapping).length > 0 ? { ...rest, mapping } : rest;
                  }, m.columnsSaved)
                }
              />
            </Section>
          </Accordion>
        </>
      )}
      <FindingDialogs dialog={dialog} onClose={closeDialog} onIgnore={ignore} onFix={fix} />
      {currentFinding && <span hidden data-testid="current-finding" data-item={currentFinding.item ?? ""} data-code={currentFinding.code} />}
    </section>
  );
}
