import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  ProgressBar,
  Text,
  Textarea,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from "react";
import { CHECK_EVENT } from "../../excel/commands";
import { RULES_BY_CODE } from "../../core/check/catalogue";
import { findingsSheet } from "../../core/check/export";
import { runCheck, type CheckRun } from "../../core/check/run";
import type { Finding } from "../../core/check/types";
import { parseRatingProfile, RatingProfileError } from "../../core/rating/profile";
import { columnLetter } from "../../core/workbook/cells";
import type { WorkbookPort } from "../../core/workbook/port";
import type { PlanSettings } from "../../core/workbook/settings";
import { useLocale, useMessages } from "../i18n";
import { fill } from "../messages";
import { CheckSummaryView } from "./Summary";
import { FindingCard } from "./FindingCard";

const useStyles = makeStyles({
  stack: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  toolbar: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap", alignItems: "center" },
  list: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
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

type Dialogs = { kind: "ignore"; finding: Finding } | { kind: "fix"; finding: Finding } | undefined;

function overridesText(settings: PlanSettings): string {
  return Object.entries(settings.profile.directionOverrides)
    .map(([key, direction]) => `${key}=${direction}`)
    .join(", ");
}

function parseOverrides(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of text.split(/[,、\s]+/).filter(Boolean)) {
    const [key = "", value = ""] = part.split("=");
    out[key.trim()] = value.trim();
  }
  return out;
}

export function CheckPane({ port, onChecked, onNavigate, onSave }: CheckPaneProps) {
  const m = useMessages();
  const locale = useLocale();
  const styles = useStyles();
  const [run, setRun] = useState<CheckRun>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [notice, setNotice] = useState<string>();
  const [current, setCurrent] = useState(0);
  const [dialog, setDialog] = useState<Dialogs>();
  const [reason, setReason] = useState("");
  const [changed, setChanged] = useState(false);
  const [profileForm, setProfileForm] = useState<{ tolerance: string; margin: string; overrides: string }>();
  const listRef = useRef<HTMLDivElement>(null);

  const check = useCallback(async () => {
    setBusy(true);
    setError(undefined);
    try {
      const result = await runCheck(port);
      setRun(result);
      setCurrent(0);
      setProfileForm({
        tolerance: String(Math.round(result.settings.profile.toleranceFloor * 100)),
        margin: String(Math.round(result.settings.profile.sMargin * 100)),
        overrides: overridesText(result.settings),
      });
      onChecked?.(result);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  }, [port, onChecked]);

  // The ribbon's 「整合性チェック」 button asks for a check.
  useEffect(() => {
    const listener = () => void check();
    globalThis.addEventListener(CHECK_EVENT, listener);
    return () => globalThis.removeEventListener(CHECK_EVENT, listener);
  }, [check]);

  /** Findings grouped by rule, in the order of their first (most severe, earliest) finding. */
  const groups = useMemo(() => {
    const byCode = new Map<string, Finding[]>();
    for (const f of run?.result.findings ?? []) byCode.set(f.code, [...(byCode.get(f.code) ?? []), f]);
    return [...byCode.entries()];
  }, [run]);
  const flat = useMemo(() => groups.flatMap(([, findings]) => findings), [groups]);

  const goTo = useCallback(
    (index: number, focus = true) => {
      const finding = flat[index];
      if (!finding) return;
      setCurrent(index);
      if (finding.row !== undefined) void port.selectCell(finding.sheet, finding.column ?? 0, finding.row).catch(() => undefined);
      onNavigate?.(finding);
      if (focus) document.getElementById(`finding-${index}`)?.focus();
    },
    [flat, port, onNavigate],
  );

  const onKeyDown = (index: number) => (event: KeyboardEvent<HTMLDivElement>) => {
    const moves: Record<string, number> = { ArrowDown: index + 1, ArrowUp: index - 1, Home: 0, End: flat.length - 1 };
    if (event.key in moves) {
      event.preventDefault();
      goTo(Math.max(0, Math.min(flat.length - 1, moves[event.key] ?? index)));
    } else if (event.key === "Enter" || event.key === " ") {
      event.preventDefault();
      goTo(index);
    }
  };

  async function saveSettings(settings: PlanSettings, message?: string) {
    setBusy(true);
    try {
      await port.writeSettings(settings);
      setChanged(true);
      if (message) setNotice(message);
    } finally {
      setBusy(false);
    }
    await check();
  }

  async function confirmIgnore(finding: Finding) {
    if (!run) return;
    setDialog(undefined);
    const ignored = [...run.settings.ignored, { code: finding.code, item: finding.item ?? "", reason: reason.trim() }];
    setReason("");
    await saveSettings({ ...run.settings, ignored });
  }

  async function confirmFix(finding: Finding) {
    setDialog(undefined);
    if (finding.row === undefined || finding.column === undefined) return;
    await port.writeCell(finding.sheet, finding.column, finding.row, "B");
    setChanged(true);
    await check();
  }

  async function exportFindings() {
    if (!run) return;
    const name = await port.writeSheet(findingsSheet(run.result, run.table.sheet));
    setChanged(true);
    setNotice(fill(m.exported, { sheet: name }));
  }

  async function saveProfile() {
    if (!run || !profileForm) return;
    try {
      const profile = parseRatingProfile({
        toleranceFloor: Number(profileForm.tolerance) / 100,
        sMargin: Number(profileForm.margin) / 100,
        directionOverrides: parseOverrides(profileForm.overrides),
      });
      await saveSettings({ ...run.settings, profile }, m.settingsSaved);
    } catch (e) {
      setError(e instanceof RatingProfileError ? e.problems.join(" ／ ") : String(e));
    }
  }

  const summary = run?.result.summary;
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
      {error && (
        <MessageBar intent="error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      {notice && (
        <MessageBar intent="success" data-testid="notice">
          <MessageBarBody>{notice}</MessageBarBody>
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
              <Button
                onClick={() =>
                  void port.markCells?.(
                    run.table.sheet,
                    flat.filter((f) => f.row !== undefined).map((f) => ({ column: f.column ?? 0, sheetRow: f.row ?? 0, severity: f.severity })),
                  ).then(() => setNotice(m.marksNote))
                }
                disabled={busy || flat.length === 0}
              >
                {m.markCells}
              </Button>
            )}
            {port.clearMarks && (
              <Button onClick={() => void port.clearMarks?.().then(() => setNotice(undefined))} disabled={busy}>
                {m.clearMarks}
              </Button>
            )}
            {summary.ignored > 0 && (
              <Button onClick={() => void saveSettings({ ...run.settings, ignored: [] })} disabled={busy}>
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
            <div
              ref={listRef}
              role="listbox"
              aria-label={m.findingsHeading}
              aria-activedescendant={`finding-${current}`}
              className={styles.list}
              data-testid="findings"
            >
              <Accordion multiple collapsible defaultOpenItems={groups.map(([code]) => code)}>
                {groups.map(([code, findings]) => {
                  const rule = RULES_BY_CODE.get(code);
                  return (
                    <AccordionItem key={code} value={code}>
                      <AccordionHeader>
                        {rule?.title[locale] ?? code}（{findings.length}）<Text size={200}>&nbsp;{code}</Text>
                      </AccordionHeader>
                      <AccordionPanel>
                        <Text size={200}>{rule?.why[locale]}</Text>
                        <div className={styles.list}>
                          {findings.map((finding) => {
                            const index = flat.indexOf(finding);
                            return (
                              <FindingCard
                                key={index}
                                id={`finding-${index}`}
                                finding={finding}
                                current={index === current}
                                onSelect={() => goTo(index)}
                                onKeyDown={onKeyDown(index)}
                                onIgnore={finding.item ? () => setDialog({ kind: "ignore", finding }) : undefined}
                                onFix={
                                  finding.code === "RATING_OVERSTATED" && finding.suggested === "B" && finding.column !== undefined
                                    ? () => setDialog({ kind: "fix", finding })
                                    : undefined
                                }
                              />
                            );
                          })}
                        </div>
                      </AccordionPanel>
                    </AccordionItem>
                  );
                })}
              </Accordion>
            </div>
          )}
          {profileForm && (
            <Accordion collapsible>
              <AccordionItem value="profile">
                <AccordionHeader>{m.settingsHeading}</AccordionHeader>
                <AccordionPanel>
                  <div className={styles.form}>
                    <Field label={m.toleranceFloor}>
                      <Input type="number" value={profileForm.tolerance} onChange={(_, d) => setProfileForm({ ...profileForm, tolerance: d.value })} />
                    </Field>
                    <Field label={m.sMargin}>
                      <Input type="number" value={profileForm.margin} onChange={(_, d) => setProfileForm({ ...profileForm, margin: d.value })} />
                    </Field>
                    <Field label={m.overrides}>
                      <Input value={profileForm.overrides} onChange={(_, d) => setProfileForm({ ...profileForm, overrides: d.value })} />
                    </Field>
                    <div>
                      <Button onClick={() => void saveProfile()} disabled={busy}>
                        {m.saveSettings}
                      </Button>
                    </div>
                  </div>
                </AccordionPanel>
              </AccordionItem>
            </Accordion>
          )}
        </>
      )}
      <Dialog open={dialog !== undefined} onOpenChange={(_, d) => !d.open && setDialog(undefined)}>
        <DialogSurface>
          {dialog?.kind === "ignore" && (
            <DialogBody>
              <DialogTitle>{m.ignoreTitle}</DialogTitle>
              <DialogContent>
                <Text block>{dialog.finding.message[locale]}</Text>
                <Field label={m.ignoreReason} required>
                  <Textarea value={reason} onChange={(_, d) => setReason(d.value)} />
                </Field>
              </DialogContent>
              <DialogActions>
                <Button appearance="primary" disabled={!reason.trim()} onClick={() => void confirmIgnore(dialog.finding)}>
                  {m.ignoreConfirm}
                </Button>
                <Button onClick={() => setDialog(undefined)}>{m.cancel}</Button>
              </DialogActions>
            </DialogBody>
          )}
          {dialog?.kind === "fix" && (
            <DialogBody>
              <DialogTitle>{m.fixTitle}</DialogTitle>
              <DialogContent>
                {fill(m.fixBody, {
                  item: dialog.finding.item ?? "",
                  from: run?.table.rows.find((r) => r.sheetRow === dialog.finding.row)?.rating ?? "",
                  cell: `${columnLetter(dialog.finding.column ?? 0)}${dialog.finding.row ?? ""}`,
                })}
              </DialogContent>
              <DialogActions>
                <Button appearance="primary" onClick={() => void confirmFix(dialog.finding)} data-testid="confirm-fix">
                  {m.fixConfirm}
                </Button>
                <Button onClick={() => setDialog(undefined)}>{m.cancel}</Button>
              </DialogActions>
            </DialogBody>
          )}
        </DialogSurface>
      </Dialog>
      {currentFinding && <span hidden data-testid="current-finding" data-item={currentFinding.item ?? ""} data-code={currentFinding.code} />}
    </section>
  );
}
