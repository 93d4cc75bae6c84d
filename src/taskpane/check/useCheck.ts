import { useCallback, useEffect, useRef, useState } from "react";
import { runCheck, type CheckRun } from "../../core/actions/check";
import { Memo } from "../../core/memo";
import type { WorkbookPort } from "../../core/port";

export interface PaneMessage {
  intent: "success" | "error" | "warning";
  text: string;
  /** For the tests: which action the message is about, when it is not the generic one. */
  testId?: string;
}

/**
 * The check and every action on the workbook: one at a time (busy), each failure shown as a message
 * rather than an unhandled rejection, and a fresh check after an action that changed what it reads.
 */
export function useCheck(
  port: WorkbookPort,
  describeError: (error: unknown) => string,
  onChecked?: (run: CheckRun) => void,
  /** Said when the workbook changed while it was read (the result may be off). */
  changedWhileReading = "",
) {
  const [run, setRun] = useState<CheckRun>();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<PaneMessage>();
  // The ribbon may ask while an action runs: a ref, not state, decides.
  const running = useRef(false);
  // What the checks of this pane remember between them (a re-check finds its texts read).
  const [memo] = useState(() => new Memo());

  const check = useCallback(async () => {
    if (running.current) return;
    running.current = true;
    setBusy(true);
    setMessage(undefined);
    try {
      const result = await runCheck(port, { memo });
      setRun(result);
      onChecked?.(result);
      if (result.changedWhileReading) setMessage({ intent: "warning", text: changedWhileReading });
    } catch (error) {
      setMessage({ intent: "error", text: describeError(error) });
    } finally {
      running.current = false;
      setBusy(false);
    }
  }, [port, memo, onChecked, describeError, changedWhileReading]);

  /** Runs an action; its result (a notice) or its failure becomes the pane's message. */
  const act = useCallback(
    async (action: () => Promise<string | undefined>, { recheck = false, testId }: { recheck?: boolean; testId?: string } = {}) => {
      if (running.current) return;
      running.current = true;
      setBusy(true);
      setMessage(undefined); // a new action: the last one's message no longer applies
      let notice: string | undefined;
      try {
        notice = await action();
      } catch (error) {
        setMessage({ intent: "error", text: describeError(error), ...(testId ? { testId } : {}) });
        return;
      } finally {
        running.current = false;
        setBusy(false);
      }
      if (recheck) await check();
      // A failed re-check keeps its error; otherwise the action's notice shows.
      setMessage((current) => (current?.intent === "error" ? current : notice ? { intent: "success", text: notice, ...(testId ? { testId } : {}) } : current));
    },
    [check, describeError],
  );

  // The host's own command for a check (Excel's ribbon button).
  useEffect(() => port.onCheckRequested(() => void check()), [port, check]);

  return { run, busy, message, setMessage, check, act };
}
