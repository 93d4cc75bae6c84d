import { Accordion, AccordionHeader, AccordionItem, AccordionPanel, Button, MessageBar, MessageBarBody, ProgressBar, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useCallback, useMemo, useState } from "react";
import { findingsSheet } from "../../core/check/export";
import type { CheckRun } from "../../core/check/run";
import type { Finding } from "../../core/check/types";
import { updateSettings, type WorkbookPort } from "../../core/port";
import { columnLetter } from "../../core/workbook/cells";
import type { PlanSettings } from "../../core/workbook/settings";
import { describeError } from "../errors";
import { useLocale, useMessages } from "../i18n";
import { fill } from "../messages";
import { FindingDialogs, type FindingDialog } from "./FindingDialogs";
import { FindingsList, groupFindings } from "./FindingsList";
import { ColumnMapping } from "./ColumnMapping";
import { PlanForm } from "./PlanForm";
import { ProfileForm } from "./ProfileForm";
import { CheckSummaryView } from "./Summary";
import { useCheck } from "./useCheck";
import { useFindingWalk } from "./useFindingWalk";

const useStyles = makeStyles({
  stack: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  toolbar: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap", alignItems: "center" },
});

export interface CheckPaneProps {
  port: WorkbookPort;
  /** Called after a check, with what was read (file mode shows the rows). */
  onChecked?: (run: CheckRun) => void;
  /** Called when a finding is walked to (file mode highlights its row). */
  onNavigate?: (finding: Finding) => void;
  /** File mode: save the changed workbook (after a quick fix, ignore or export). */
  onSave?: () => void;
}

/** The one-click check: summary, findings to walk through, ignore, quick fix, export, marks, profile. */
export function CheckPane({ port, onChecked, onNavigate, onSave }: CheckPaneProps) {
  const m = useMessages();
  const styles = useStyles();
  const locale = useLocale();
  const explain = useCallback((error: unknown) => describeError(error, m, locale), [m, locale]);
  const { run, busy, message, check, act } = useCheck(port, explain, onChecked, m.changedWhileReading);
  const [dialog, setDialog] = useState<FindingDialog>();
  const [changed, setChanged] = useState(false);

  const groups = useMemo(() => groupFindings(run?.result.findings ?? []), [run]);
  const flat = useMemo(() => groups.flatMap(([, findings]) => findings), [groups]);
  const go = useCallback(
    (finding: Finding) => {
      if (finding.row !== undefined) void port.selectCell(finding.sheet, finding.column ?? 0, finding.row).catch(() => undefined);
      onNavigate?.(finding);
    },
    [port, onNavigate],
  );
  const { current, goTo, onKeyDown } = useFindingWalk(flat, go);

  /**
   * Changes the settings as the workbook holds them now (not as the last check read them, so that an
   * ignore written meanwhile is kept), then checks again with them.
   */
  const saveSettings = (change: (current: PlanSettings) => PlanSettings, notice?: string) =>
    act(
      async () => {
        await updateSettings(port, change);
        setChanged(true);
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
        setChanged(true);
        return undefined;
      },
      { recheck: true },
    );
  };
  const exportFindings = () =>
    act(async () => {
      if (!run) return undefined;
      const name = await port.writeSheet(findingsSheet(run.result, run.table.sheet));
      setChanged(true);
      return fill(m.exported, { sheet: name });
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

  const summary = run?.result.summary;
  const columnsMissing = run?.table.problems.some((p) => p.code === "COLUMNS_MISSING") ?? false;
  const currentFinding = flat[current];
  return (
    <section className={styles.stack} aria-label={m.check}>
      <Text size={200}>{m.checkHint}</Text>
      <div className={styles.toolbar}>
        <Button appearance="primary" onClick={() => void check()} disabled={busy} data-testid="run-check">
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
      </div>
      {busy && <ProgressBar aria-label={m.checking} thickness="large" />}
      {message && (
        <MessageBar intent={message.intent} data-testid={message.intent === "error" ? "pane-error" : message.intent === "warning" ? "pane-warning" : "notice"}>
          <MessageBarBody>{message.text}</MessageBarBody>
        </MessageBar>
      )}
      {run && summary && (
        <>
          <CheckSummaryView summary={summary} />
          <div className={styles.toolbar}>
            <Button onClick={() => void exportFindings()} disabled={busy || flat.length === 0}>
              {m.exportFindings}
            </Button>
            {port.markCells && (
              <Button onClick={() => void markCells()} disabled={busy || flat.length === 0}>
                {m.markCells}
              </Button>
            )}
            {port.clearMarks && (
              <Button onClick={() => void clearMarks()} disabled={busy}>
                {m.clearMarks}
              </Button>
            )}
            {summary.ignored > 0 && (
              <Button onClick={() => void saveSettings((current) => ({ ...current, ignored: [] }))} disabled={busy}>
                {m.resetIgnored}（{m.ignoredCount} {summary.ignored}）
              </Button>
            )}
            {onSave && changed && (
              <Button onClick={onSave} data-testid="save-workbook">
                {m.saveWorkbook}
              </Button>
            )}
          </div>
          <Text weight="semibold">{m.findingsHeading}</Text>
          {flat.length === 0 ? (
            <Text>{m.noFindings}</Text>
          ) : (
            <FindingsList
              // A new check opens its groups afresh.
              key={groups.map(([code, findings]) => `${code}:${findings.length}`).join()}
              groups={groups}
              flat={flat}
              current={current}
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
            <AccordionItem value="plan">
              <AccordionHeader>{m.planHeading}</AccordionHeader>
              <AccordionPanel>
                <PlanForm
                  key={JSON.stringify(run.meta.meta)}
                  meta={run.meta.meta}
                  busy={busy}
                  onSave={(meta) => void saveSettings((current) => ({ ...current, meta }), m.planSaved)}
                />
              </AccordionPanel>
            </AccordionItem>
            <AccordionItem value="profile">
              <AccordionHeader>{m.settingsHeading}</AccordionHeader>
              <AccordionPanel>
                <ProfileForm
                  key={JSON.stringify(run.settings.profile)}
                  profile={run.settings.profile}
                  busy={busy}
                  onSave={(profile) => void saveSettings((current) => ({ ...current, profile }), m.settingsSaved)}
                />
              </AccordionPanel>
            </AccordionItem>
            <AccordionItem value="columns">
              <AccordionHeader>{m.columnsHeading}</AccordionHeader>
              <AccordionPanel>
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
              </AccordionPanel>
            </AccordionItem>
          </Accordion>
        </>
      )}
      <FindingDialogs dialog={dialog} onClose={() => setDialog(undefined)} onIgnore={ignore} onFix={fix} />
      {currentFinding && <span hidden data-testid="current-finding" data-item={currentFinding.item ?? ""} data-code={currentFinding.code} />}
    </section>
  );
}
