import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, makeStyles, tokens } from "@fluentui/react-components";
import { Figures } from "../Figures";
import type { CheckSummary } from "../../core/check/check";
import { useMessages } from "../i18n";

const useStyles = makeStyles({
  num: { textAlign: "right", width: "3em" },
  wide: { textAlign: "right", width: "5em" },
  table: { marginTop: tokens.spacingVerticalS },
});

export function CheckSummaryView({ summary }: { summary: CheckSummary }) {
  const m = useMessages();
  const styles = useStyles();
  const counts = [
    ["error", `✖ ${m.severityError}`, summary.error],
    ["warning", `▲ ${m.severityWarning}`, summary.warning],
    ["info", `ℹ ${m.severityInfo}`, summary.info - summary.notEvaluable],
    ["not-evaluable", m.notEvaluable, summary.notEvaluable],
  ] as const;
  return (
    <section aria-label={m.findingsHeading} data-testid="check-summary">
      <Figures items={counts} testIdPrefix="summary" />
      <Table size="extra-small" aria-label={m.byCategory} data-testid="summary-categories" className={styles.table}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell>{m.byCategory}</TableHeaderCell>
            <TableHeaderCell className={styles.num}>✖</TableHeaderCell>
            <TableHeaderCell className={styles.num}>▲</TableHeaderCell>
            <TableHeaderCell className={styles.num}>ℹ</TableHeaderCell>
            <TableHeaderCell className={styles.wide}>{m.notEvaluable}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {summary.categories.map((c) => (
            <TableRow key={c.name}>
              <TableCell>{c.name || "—"}</TableCell>
              <TableCell className={styles.num} aria-label={m.severityError}>{c.error}</TableCell>
              <TableCell className={styles.num} aria-label={m.severityWarning}>{c.warning}</TableCell>
              <TableCell className={styles.num} aria-label={m.severityInfo}>{c.info - c.notEvaluable}</TableCell>
              <TableCell className={styles.wide} aria-label={m.notEvaluable}>{c.notEvaluable}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </section>
  );
}
