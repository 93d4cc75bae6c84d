import { Button, ProgressBar, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useEffect, useState } from "react";
import type { Progress } from "../engine/engine";
import { useMessages } from "../i18n";
import { fill, type Messages } from "../messages";

const useStyles = makeStyles({
  box: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS, padding: `${tokens.spacingVerticalXS} 0` },
  line: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "center", justifyContent: "space-between", flexWrap: "wrap" },
});

const count = (n: number | undefined) => (n ?? 0).toLocaleString("ja-JP");

/** A step in the words of the pane: 読み込み n / N 行, 点検中（N 行）… */
export function progressText(progress: Progress | undefined, m: Messages): string {
  switch (progress?.step) {
    case "open":
      return fill(m.progressOpen, { mb: ((progress.total ?? 0) / 1_048_576).toFixed(1) });
    case "reopen":
      return m.progressReopen;
    case "read":
      return m.progressRead;
    case "check":
      return progress.total ? fill(m.progressCheck, { total: count(progress.total) }) : m.progressCheckRows;
    case "receive":
      return fill(progress.unit === "rows" ? m.progressRows : m.progressItems, { done: count(progress.done), total: count(progress.total) });
    case "write":
      return m.progressWrite;
    case "compare":
      return m.progressCompare;
    default:
      return m.checking;
  }
}

/** Seconds since the work began, counted while it runs (the page stays free to paint them). */
function useElapsed(): number {
  const [seconds, setSeconds] = useState(0);
  useEffect(() => {
    const began = performance.now();
    const timer = setInterval(() => setSeconds(Math.floor((performance.now() - began) / 1000)), 1000);
    return () => clearInterval(timer);
  }, []);
  return seconds;
}

/**
 * What the engine is doing, while it does it: the step in words, a bar (filled when the step can be
 * counted), the seconds so far, and 中止. Spoken politely by screen readers as the step changes.
 */
export function ProgressView({ progress, onCancel, testId = "progress" }: { progress: Progress | undefined; onCancel?: () => void; testId?: string }) {
  const m = useMessages();
  const styles = useStyles();
  const seconds = useElapsed();
  const text = progressText(progress, m);
  const value = progress?.total && progress.done !== undefined ? Math.min(1, progress.done / progress.total) : undefined;
  return (
    <div className={styles.box} data-testid={testId} data-step={progress?.step ?? ""}>
      <div className={styles.line}>
        <Text size={200} aria-live="polite" data-testid={`${testId}-text`}>
          {text}
        </Text>
        <Text size={200}>{fill(m.progressElapsed, { s: seconds })}</Text>
        {onCancel && (
          <Button size="small" onClick={onCancel} data-testid="cancel-work">
            {m.cancelWork}
          </Button>
        )}
      </div>
      <ProgressBar aria-label={m.progressLabel} thickness="large" {...(value === undefined ? {} : { value })} />
    </div>
  );
}
