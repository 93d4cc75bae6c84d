import { Spinner, Text, makeStyles, tokens } from "@fluentui/react-components";
import { lazy, Suspense, useEffect, useState } from "react";
import type { Orientation, Paper } from "../../core/report/layout";
import type { SheetPlan } from "../../core/report/plan";
import type { PaneEngine } from "../engine/engine";
import { describeError } from "../errors";
import { useLocale, useMessages } from "../i18n";

// The preview draws the report's plan as it prints (src/core/report/pages.ts): loaded when the section is opened.
const preview = () => import(/* webpackChunkName: "report-preview" */ "./ReportPreview");
const ReportPreview = lazy(async () => ({ default: (await preview()).ReportPreview }));
const ReportPrintChoice = lazy(async () => ({ default: (await preview()).ReportPrintChoice }));

const useStyles = makeStyles({
  stack: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, minWidth: 0 },
});

export interface PrintChoice {
  paper: Paper;
  orientation: Orientation;
}

/**
 * 「レポートの用紙と印刷プレビュー」: the paper and orientation 「レポート作成」 uses, and page 1 as it will
 * print. The plan is made by the engine (nothing is written) when the section is open, again when the
 * choice or the table changes (`version`: each check).
 */
export function ReportSection({
  engine,
  open,
  busy,
  choice,
  onChoice,
  version,
}: {
  engine: PaneEngine;
  open: boolean;
  /** While an action runs the preview waits (it reads the table that action may change), then is made again. */
  busy: boolean;
  choice: PrintChoice;
  onChoice: (choice: PrintChoice) => void;
  version: unknown;
}) {
  const m = useMessages();
  const locale = useLocale();
  const styles = useStyles();
  const [{ plan, error }, setShown] = useState<{ plan?: SheetPlan; error?: string }>({});
  useEffect(() => {
    if (!open || busy) return undefined;
    let current = true;
    engine.call("reportPlan", [choice]).then(
      (made) => current && setShown({ plan: made }),
      (failure: unknown) => current && setShown({ error: describeError(failure, m, locale) }),
    );
    return () => {
      current = false;
    };
  }, [engine, open, busy, choice, version, m, locale]);
  return (
    <div className={styles.stack} data-testid="report-section">
      <Text size={200}>{m.printHint}</Text>
      <Suspense fallback={<Spinner size="tiny" label={m.loading} />}>
        <ReportPrintChoice paper={choice.paper} orientation={choice.orientation} onChange={onChoice} />
        {error ? <Text role="alert">{error}</Text> : plan ? <ReportPreview plan={plan} /> : <Spinner size="tiny" label={m.loading} />}
      </Suspense>
    </div>
  );
}
