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
import type { CheckRun } from "../../core/actions/check";
import { exportFindings, exportFindingsByDepartment } from "../../core/actions/findings";
import { fixRating, ratingFixOf } from "../../core/actions/fix";
import { ignoreFinding, restoreAllFindings, restoreFinding } from "../../core/actions/ignore";
import { clearMarks, markFindings } from "../../core/actions/marks";
import { makeReport } from "../../core/actions/report";
import { saveMapping, savePlanMeta, saveProfile } from "../../core/actions/settings";
import { departmentOf, departmentsOf } from "../../core/check/export";
import type { Finding } from "../../core/check/types";
import type { WorkbookPort } from "../../core/port";
import { describeError } from "../errors";
import { useLocale, useMessages } from "../i18n";
import { fill } from "../messages";
import { FindingDialogs, type FindingDialog } from "./FindingDialogs";
import { FindingsList, groupFindings } from "./FindingsList";
import { ColumnMapping } from "./ColumnMapping";
import { IgnoredList } from "./IgnoredList";
import { PlanForm } from "./PlanForm";
import { ProfileForm } from "./ProfileForm";
import { RoundTripPanel } from "./RoundTripPanel";
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

  /** Saves a part of the settings (as the workbook holds them now), then checks again with them. */
  const saveSettings = (save: () => Promise<unknown>, notice?: string) =>
    void act(
      async () => {
        await save();
        onChanged?.();
        return notice;
      },
      { recheck: true },
    );
  /** After a sheet was written: file mode hands the workbook over (a download); the notice says which. */
  const written = async (kind: "findings" | "report", sheet: string, here: string, downloaded: string) => {
    onChanged?.();
    if (!onSheetWritten) return fill(here, { sheet });
    await onSheetWritten(kind, sheet);
    return fill(downloaded, { sheet });
  };
  const fix = (finding: Finding) => {
    if (!run) return;
    void act(
      async () => {
        await fixRating(port, run.table, finding);
        onChanged?.();
        return undefined;
      },
      { recheck: true },
    );
  };
  const exportAll = () =>
    act(async () => (run ? written("findings", (await exportFindings(port, run)).sheet, m.exported, m.exportedDownloaded) : undefined));
  const exportDepartments = () =>
    act(async () => {
      if (!run) return undefined;
      const { sheets } = await exportFindingsByDepartment(port, run);
      const last = sheets.at(-1);
      if (last) await written("findings", last, "", "");
      return fill(m.departmentExported, { count: sheets.length });
    });
  const report = () =>
    act(async () => written("report", (await makeReport(port)).sheet, m.reportDone, m.reportDownloaded), { testId: "report-message" });
  const mark = () =>
    act(async () => {
      if (!run) return undefined;
      await markFindings(port, run.table.sheet, flat);
      return m.marksNote;
    });
  const unmark = () =>
    act(async () => {
      await clearMarks(port);
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
  const fixOf = (finding: Finding) => (run ? ratingFixOf(run.table, finding) : undefined);
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
        <Button onClick={() => void report()} disabled={busy} data-testid="make-report" title={m.makeReportHint}>
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
            <Button size="small" onClick={() => void exportAll()} disabled={busy || flat.length === 0}>
              {m.exportFindings}
            </Button>
            <Button size="small" onClick={() => void exportDepartments()} disabled={busy || departments.length === 0} data-testid="export-departments">
              {m.departmentExport}
            </Button>
            {port.can.marks && (
              <>
                <Button size="small" onClick={() => void mark()} disabled={busy || flat.length === 0}>
                  {m.markCells}
                </Button>
                <Button size="small" onClick={() => void unmark()} disabled={busy}>
                  {m.clearMarks}
                </Button>
              </>
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
              onFix={(finding) => {
                const planned = fixOf(finding);
                if (planned) setDialog({ kind: "fix", finding, from: planned.from, cell: planned.cell });
              }}
            />
          )}
          <Accordion collapsible multiple defaultOpenItems={columnsMissing ? ["columns"] : []}>
            <AccordionItem value="ignored" data-testid="ignored-section">
              <AccordionHeader as="h2" size="small">
                {fill(m.ignoredHeading, { n: ignored.length })}
              </AccordionHeader>
              <AccordionPanel>
                <IgnoredList
                  ignored={ignored}
                  busy={busy}
                  onRestore={(code, item) => saveSettings(() => restoreFinding(port, code, item), m.restored)}
                  onRestoreAll={() => saveSettings(() => restoreAllFindings(port))}
                />
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
            <RoundTripPanel port={port} busy={busy} act={act} {...(onChanged ? { onChanged } : {})} />
            <Section value="plan" heading={m.planHeading}>
              <PlanForm
                key={JSON.stringify(run.meta.meta)}
                meta={run.meta.meta}
                busy={busy}
                onSave={(meta) => saveSettings(() => savePlanMeta(port, meta), m.planSaved)}
              />
            </Section>
            <Section value="profile" heading={m.settingsHeading}>
              <ProfileForm
                key={JSON.stringify(run.settings.profile)}
                profile={run.settings.profile}
                busy={busy}
                onSave={(profile) => saveSettings(() => saveProfile(port, profile), m.settingsSaved)}
              />
            </Section>
            <Section value="columns" heading={m.columnsHeading}>
              <ColumnMapping
                key={JSON.stringify(run.settings.mapping ?? {})}
                table={run.table}
                mapping={run.settings.mapping ?? {}}
                busy={busy}
                onSave={(mapping) => saveSettings(() => saveMapping(port, mapping), m.columnsSaved)}
              />
            </Section>
          </Accordion>
        </>
      )}
      <FindingDialogs dialog={dialog} onClose={closeDialog} onIgnore={(finding, reason) => saveSettings(() => ignoreFinding(port, finding, reason))} onFix={fix} />
      {currentFinding && <span hidden data-testid="current-finding" data-item={currentFinding.item ?? ""} data-code={currentFinding.code} />}
    </section>
  );
}
