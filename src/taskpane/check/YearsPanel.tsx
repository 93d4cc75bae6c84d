import { Badge, Button, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useRef, useState } from "react";
import { DIFF_RULES_BY_CODE } from "../../core/diff/diff";
import { diffSheet, runDiff } from "../../core/diff/run";
import { fiscalYearLabel } from "../../core/fiscalYear";
import type { WorkbookPort } from "../../core/port";
import { entryGuard } from "../../core/workbook/guard";
import { rolloverTable, rolloverYearLabel } from "../../core/workbook/rollover";
import { DEFAULT_SETTINGS } from "../../core/workbook/settings";
import { columnLetter } from "../../core/workbook/cells";
import { useLocale, useMessages } from "../i18n";
import { fill } from "../messages";
import { XlsxPicker } from "../XlsxPicker";

const useStyles = makeStyles({
  stack: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  row: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap", alignItems: "center" },
  list: { listStyle: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  item: { display: "flex", flexDirection: "column", padding: tokens.spacingVerticalXS, borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}` },
  heading: { margin: 0, fontSize: tokens.fontSizeBase300 },
});

const SEVERITY_COLOR = { error: "danger", warning: "warning", info: "informative" } as const;

type Diff = Awaited<ReturnType<typeof runDiff>>;

export interface YearsPanelProps {
  port: WorkbookPort;
  busy: boolean;
  /** Runs an action through the pane (one at a time, its message or failure shown). */
  act: (action: () => Promise<string | undefined>, options?: { testId?: string }) => Promise<void>;
  /** File mode: hands a new workbook to the user (a download). */
  onFileMade?: (bytes: Uint8Array, suffix: string) => Promise<void>;
  /** File mode: the workbook with a sheet just written is handed to the user. */
  onSheetWritten?: (kind: "findings" | "report", sheet: string) => Promise<void>;
  onChanged?: () => void;
}

/** Work across fiscal years: compare with last year's workbook, make next year's table, entry rules. */
export function YearsPanel({ port, busy, act, onFileMade, onSheetWritten, onChanged }: YearsPanelProps) {
  const m = useMessages();
  const locale = useLocale();
  const styles = useStyles();
  const input = useRef<HTMLInputElement>(null);
  const [diff, setDiff] = useState<Diff>();

  const compare = (file: File) => {
    void act(
      async () => {
        const { XlsxWorkbookPort } = await import(/* webpackChunkName: "xlsx-read" */ "../../xlsx/workbookPort");
        const last = await XlsxWorkbookPort.load(await file.arrayBuffer());
        setDiff(await runDiff(last, port));
        return undefined;
      },
      { testId: "compare-message" },
    );
  };
  const exportDiff = () =>
    act(async () => {
      if (!diff) return undefined;
      const name = await port.writeSheet(diffSheet(diff, diff.thisSheet));
      onChanged?.();
      if (onSheetWritten) {
        await onSheetWritten("findings", name);
        return fill(m.exportedDownloaded, { sheet: name });
      }
      return fill(m.exported, { sheet: name });
    });
  const rollover = () =>
    act(
      async () => {
        const { table, settings } = await port.read();
        const next = rolloverTable(table, settings?.settings ?? DEFAULT_SETTINGS);
        const { progressWorkbookBytes } = await import(/* webpackChunkName: "xlsx-write" */ "../../xlsx/progressWorkbook");
        const bytes = await progressWorkbookBytes(next.meta, next.rows, next.settings);
        const year = rolloverYearLabel(next);
        if (onFileMade) {
          await onFileMade(bytes, year || m.rolloverSuffix);
          return fill(m.rolloverDownloaded, { year });
        }
        await port.openWorkbook?.(bytes);
        return fill(m.rolloverOpened, { year });
      },
      { testId: "rollover-message" },
    );
  const guard = () =>
    act(
      async () => {
        const { table, settings } = await port.read();
        const rules = entryGuard(table, settings?.settings ?? DEFAULT_SETTINGS);
        if (!rules || !port.guardEntry) return m.guardNoTable;
        const { skipped } = await port.guardEntry(rules);
        onChanged?.();
        return skipped.length > 0 ? fill(m.guardSkipped, { columns: skipped.map((g) => columnLetter(g.column)).join(", ") }) : m.guardDone;
      },
      { testId: "guard-message" },
    );
  const unguard = () =>
    act(
      async () => {
        await port.clearGuards?.();
        onChanged?.();
        return m.guardCleared;
      },
      { testId: "guard-message" },
    );

  const years =
    diff?.lastFiscalYear !== undefined && diff.thisFiscalYear !== undefined ? `${fiscalYearLabel(diff.lastFiscalYear)} → ${fiscalYearLabel(diff.thisFiscalYear)}` : "";
  return (
    <div className={styles.stack} data-testid="years-panel">
      <section className={styles.stack} aria-labelledby="compare-heading">
        <h3 id="compare-heading" className={styles.heading}>
          {m.compareHeading}
        </h3>
        <Text size={200}>{m.compareHint}</Text>
        <XlsxPicker ref={input} label={m.compareChooseLabel} testId="compare-input" onFile={compare} />
        <div className={styles.row}>
          <Button size="small" onClick={() => input.current?.click()} disabled={busy}>
            {m.compareChoose}
          </Button>
          {diff && (
            <Button size="small" onClick={() => void exportDiff()} disabled={busy}>
              {m.compareExport}
            </Button>
          )}
        </div>
        {diff && (
          <div className={styles.stack} data-testid="diff">
            <Text weight="semibold">{fill(m.compareTitle, { years: years || "—" })}</Text>
            <Text size={200} data-testid="diff-summary">
              {fill(m.diffCounts, { e: diff.summary.error, w: diff.summary.warning, i: diff.summary.info })}
            </Text>
            {diff.findings.length === 0 ? (
              <Text>{m.compareNone}</Text>
            ) : (
              <ul className={styles.list} aria-label={m.compareHeading}>
                {diff.findings.map((f, i) => (
                  <li key={i} className={styles.item} data-code={f.code} data-item={f.item ?? ""}>
                    <div className={styles.row}>
                      <Badge appearance="filled" color={SEVERITY_COLOR[f.severity]} shape="rounded">
                        {DIFF_RULES_BY_CODE.get(f.code)?.title[locale] ?? f.code}
                      </Badge>
                      {f.item && <Text weight="semibold">No.{f.item}</Text>}
                    </div>
                    <Text size={200}>{f.message[locale]}</Text>
                  </li>
                ))}
              </ul>
            )}
            <Text weight="semibold">{m.movementHeading}</Text>
            <ul className={styles.list} aria-label={m.movementHeading} data-testid="movement">
              {diff.categories.map((c) => (
                <li key={c.name} className={styles.item}>
                  <Text weight="semibold">{c.name || "—"}</Text>
                  <Text size={200}>{fill(m.movementLine, { items: c.items, up: c.up, down: c.down, same: c.same, added: c.added })}</Text>
                </li>
              ))}
            </ul>
          </div>
        )}
      </section>
      <section className={styles.stack} aria-labelledby="rollover-heading">
        <h3 id="rollover-heading" className={styles.heading}>
          {m.rolloverHeading}
        </h3>
        <Text size={200}>{m.rolloverHint}</Text>
        <div>
          <Button size="small" onClick={() => void rollover()} disabled={busy} data-testid="rollover">
            {m.rolloverMake}
          </Button>
        </div>
      </section>
      {port.guardEntry && (
        <section className={styles.stack} aria-labelledby="guard-heading">
          <h3 id="guard-heading" className={styles.heading}>
            {m.guardHeading}
          </h3>
          <Text size={200}>{m.guardHint}</Text>
          <div className={styles.row}>
            <Button size="small" onClick={() => void guard()} disabled={busy} data-testid="guard-set">
              {m.guardSet}
            </Button>
            <Button size="small" onClick={() => void unguard()} disabled={busy} data-testid="guard-clear">
              {m.guardClear}
            </Button>
          </div>
        </section>
      )}
    </div>
  );
}
