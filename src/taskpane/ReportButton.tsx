import { Button, MessageBar, MessageBarBody, ProgressBar, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useState } from "react";
import { workbookReportPlan } from "../core/report/plan";
import type { WorkbookPort } from "../core/port";
import { DEFAULT_SETTINGS } from "../core/workbook/settings";
import { describeError } from "./errors";
import { useLocale, useMessages } from "./i18n";
import { fill } from "./messages";

const useStyles = makeStyles({ stack: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS } });

/**
 * 「レポート作成」: reads the table, builds the report plan and has the port write it. In file mode
 * `onWritten` then downloads the workbook.
 */
export function ReportButton({ port, onWritten }: { port: WorkbookPort; onWritten?: (sheet: string) => Promise<void> }) {
  const m = useMessages();
  const locale = useLocale();
  const styles = useStyles();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ intent: "success" | "error"; text: string }>();

  async function make() {
    setBusy(true);
    setMessage(undefined);
    try {
      const { table, settings } = await port.read();
      const plan = workbookReportPlan(table, settings?.settings ?? DEFAULT_SETTINGS);
      const sheet = await port.writeReport(plan);
      if (onWritten) {
        await onWritten(sheet);
        setMessage({ intent: "success", text: fill(m.reportDownloaded, { sheet }) });
      } else {
        setMessage({ intent: "success", text: fill(m.reportDone, { sheet }) });
      }
    } catch (error) {
      setMessage({ intent: "error", text: describeError(error, m, locale) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className={styles.stack} aria-label={m.makeReport}>
      <Text size={200}>{m.makeReportHint}</Text>
      <div>
        <Button onClick={() => void make()} disabled={busy} data-testid="make-report">
          {m.makeReport}
        </Button>
      </div>
      {busy && <ProgressBar aria-label={m.makingReport} />}
      {message && (
        <MessageBar intent={message.intent} data-testid="report-message">
          <MessageBarBody>{message.text}</MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}
