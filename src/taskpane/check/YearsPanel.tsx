import { Badge, Button, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useRef, useState } from "react";
import type { Finding } from "../../core/check/types";
import { DIFF_RULES_BY_CODE } from "../../core/diff/catalogue";
import { fiscalYearLabel } from "../../core/fiscalYear";
import { columnLetter } from "../../core/workbook/cells";
import type { CallOptions, PaneEngine } from "../engine/engine";
import type { PaneComparison } from "../engine/view";
import { useLocale, useMessages } from "../i18n";
import { fill } from "../messages";
import { XlsxPicker } from "../XlsxPicker";
import type { ActOptions, PaneAction } from "./useCheck";

const useStyles = makeStyles({
  stack: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  row: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap", alignItems: "center" },
  list: { listStyle: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  item: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS, padding: tokens.spacingVerticalXS, borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}` },
  title: { overflowWrap: "anywhere" },
  heading: { margin: 0, fontSize: tokens.fontSizeBase300 },
});

const SEVERITY_COLOR = { error: "danger", warning: "warning", info: "informative" } as const;
/** Entries drawn at most: a comparison of two large tables is read in full in its sheet. */
const SHOWN_ENTRIES = 200;

export interface YearsPanelProps {
  engine: PaneEngine;
  busy: boolean;
  /** Runs an action through the pane (one at a time, its progress, message or failure shown). */
  act: (action: PaneAction, options?: ActOptions) => Promise<void>;
  /** Goes to an entry's row (selects its cell; file mode shows it in the row view). */
  onGo: (finding: Finding) => void;
  /** File mode: hands a new workbook to the user (a download). */
  onFileMade?: (bytes: Uint8Array, suffix: string) => Promise<void>;
  /** File mode: the workbook with a sheet just written is handed to the user. */
  onSheetWritten?: (kind: "findings" | "report", sheet: string, options: CallOptions) => Promise<void>;
}

/** Work across fiscal years: compare with last year's workbook, make next year's table, entry rules. */
export function YearsPanel({ engine, busy, act, onGo, onFileMade, onSheetWritten }: YearsPanelProps) {
  const m = useMessages();
  const locale = useLocale();
  const styles = useStyles();
  const input = useRef<HTMLInputElement>(null);
  const [diff, setDiff] = useState<PaneComparison>();

  const compare = (file: File) => {
    void act(
      async (options) => {
        setDiff(await engine.call("compare", [await file.arrayBuffer()], options));
        return undefined;
      },
      { testId: "compare-message" },
    );
  };
  const exportDiff = () =>
    act(async (options) => {
      if (!diff) return undefined;
      const { sheet } = await engine.call("exportComparison", [], options);
      if (!onSheetWritten) return fill(m.exported, { sheet });
      await onSheetWritten("findings", sheet, options);
      return fill(m.exportedDownloaded, { sheet });
    });
  const rollover = () =>
    act(
      async (options) => {
        const next = await engine.call("rollover", [], options);
        // Excel opens the new workbook; file mode hands it over as a download.
        if (!next.bytes) return fill(m.rolloverOpened, { year: next.year });
        await onFileMade?.(next.bytes, next.year || m.rolloverSuffix);
        return fill(m.rolloverDownloaded, { year: next.year });
      },
      { testId: "rollover-message" },
    );
  const guard = () =>
    act(
      async (options) => {
        const { skipped } = await engine.call("setGuards", [], options);
        return skipped.length > 0 ? fill(m.guardSkipped, { columns: skipped.map((g) => columnLetter(g.column)).join(", ") }) : m.guardDone;
      },
      { testId: "guard-message" },
    );
  const unguard = () =>
    act(
      async (options) => {
        await engine.call("clearGuards", [], options);
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
              <>
                <ul className={styles.list} aria-label={m.compareHeading}>
                  {diff.findings.slice(0, SHOWN_ENTRIES).map((f, i) => (
                    <li key={i} className={styles.item} data-code={f.code} data-item={f.item ?? ""}>
                      <div className={styles.row}>
                        <Badge appearance="filled" color={SEVERITY_COLOR[f.severity]} shape="rounded">
                          {DIFF_RULES_BY_CODE.get(f.code)?.title[locale] ?? f.code}
                        </Badge>
                        {f.item && <Text weight="semibold">No.{f.item}</Text>}
                        {f.title && (
                          <Text className={styles.title} data-testid="diff-title">
                            {f.title}
                          </Text>
                        )}
                      </div>
                      <Text size={200}>{f.message[locale]}</Text>
                      {f.row !== undefined && (
                        <div>
                          <Button
                            size="small"
                            appearance="secondary"
                            onClick={() => onGo(f)}
                            aria-label={fill(m.diffGoToLabel, { item: f.item ?? "", row: f.row })}
                            data-testid="diff-go"
                          >
                            {fill(m.diffGoTo, { row: f.row })}
                          </Button>
                        </div>
                      )}
                    </li>
                  ))}
                </ul>
                {diff.findings.length > SHOWN_ENTRIES && <Text size={200}>{fill(m.diffMore, { n: diff.findings.length - SHOWN_ENTRIES })}</Text>}
              </>
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
      {engine.can.guards && (
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
