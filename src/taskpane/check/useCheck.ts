import { startTransition, useCallback, useEffect, useRef, useState } from "react";
import type { CallOptions, PaneEngine, Progress } from "../engine/engine";
import { isCancelled } from "../engine/protocol";
import type { PaneRun } from "../engine/view";

export interface PaneMessage {
  intent: "success" | "error" | "warning" | "info";
  text: string;
  /** For the tests: which action the message is about, when it is not the generic one. */
  testId?: string;
}

/** An action of the pane: gets the cancel signal and the progress callback to hand to the engine. */
export type PaneAction = (options: CallOptions) => Promise<string | undefined>;

export interface ActOptions {
  /** Checks again after the action (it changed what the check reads). */
  recheck?: boolean;
  testId?: string;
}

/**
 * The check and every action on the workbook: one at a time (busy), with its progress and a cancel, each
 * failure shown as a message rather than an unhandled rejection, and a fresh check after an action that
 * changed what it reads.
 */
export function useCheck(
  engine: PaneEngine,
  describeError: (error: unknown) => string,
  texts: { changedWhileReading: string; cancelled: string },
  onChecked?: (run: PaneRun) => void,
  /** Rows of the table as opened (the check's progress counts them). */
  rows?: number,
) {
  const [run, setRun] = useState<PaneRun>();
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<Progress>();
  const [message, setMessage] = useState<PaneMessage>();
  // The ribbon may ask while an action runs: a ref, not state, decides.
  const running = useRef(false);
  const controller = useRef<AbortController | undefined>(undefined);

  /** Runs one call of the engine with a fresh cancel and the pane's progress. */
  const guarded = useCallback(async <T>(work: (options: CallOptions) => Promise<T>): Promise<T> => {
    const abort = new AbortController();
    controller.current = abort;
    running.current = true;
    setBusy(true);
    try {
      return await work({ signal: abort.signal, onProgress: setProgress });
    } finally {
      if (controller.current === abort) controller.current = undefined;
      running.current = false;
      setBusy(false);
      setProgress(undefined);
    }
  }, []);

  const runCheck = useCallback(async (): Promise<boolean> => {
    try {
      const result = await guarded((options) => engine.call("check", [rows], options));
      // A large result is drawn in slices: the page keeps painting (and answering) meanwhile.
      startTransition(() => {
        setRun(result);
        onChecked?.(result);
      });
      if (result.changedWhileReading) setMessage({ intent: "warning", text: texts.changedWhileReading });
      return true;
    } catch (error) {
      setMessage(isCancelled(error) ? { intent: "info", text: texts.cancelled, testId: "cancelled" } : { intent: "error", text: describeError(error) });
      return false;
    }
  }, [engine, guarded, onChecked, describeError, texts, rows]);

  const check = useCallback(async () => {
    if (running.current) return;
    setMessage(undefined);
    await runCheck();
  }, [runCheck]);

  /** Runs an action; its result (a notice) or its failure becomes the pane's message. */
  const act = useCallback(
    async (action: PaneAction, { recheck = false, testId }: ActOptions = {}) => {
      if (running.current) return;
      setMessage(undefined); // a new action: the last one's message no longer applies
      let notice: string | undefined;
      try {
        notice = await guarded(action);
      } catch (error) {
        setMessage(
          isCancelled(error)
            ? { intent: "info", text: texts.cancelled, testId: "cancelled" }
            : { intent: "error", text: describeError(error), ...(testId ? { testId } : {}) },
        );
        return;
      }
      if (recheck && !(await runCheck())) return; // a failed or cancelled re-check says so
      if (notice) setMessage({ intent: "success", text: notice, ...(testId ? { testId } : {}) });
    },
    [guarded, runCheck, describeError, texts],
  );

  /** Stops the running action at once (the engine ends its work where it can). */
  const cancel = useCallback(() => controller.current?.abort(), []);

  // The host's own command for a check (Excel's ribbon button).
  useEffect(() => engine.onCheckRequested(() => void check()), [engine, check]);
  // Leaving (closing the file) stops what runs.
  useEffect(() => () => controller.current?.abort(), []);

  return { run, busy, progress, message, setMessage, check, act, cancel };
}
