import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { CheckSummary } from "../../core/check/check";
import { useMessages } from "../i18n";

const useStyles = makeStyles({
  counts: { display: "grid", gridTemplateColumns: "repeat(4, 1fr)", gap: tokens.spacingHorizontalXS },
  count: { display: "flex", flexDirection: "column", padding: tokens.spacingVerticalXS, borderRadius: tokens.borderRadiusMedium, backgroundColor: tokens.colorNeutralBackground3 },
  number: { fontSize: tokens.fontSizeHero700, lineHeight: tokens.lineHeightHero700, fontWeight: tokens.fontWeightSemibold },
  num: { textAlign: "right", width: "3em" },
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
      <div className={styles.counts}>
        {counts.map(([id, label, value]) => (
          <div key={id} className={styles.count} data-testid={`summary-${id}`}>
            <span className={styles.number}>{value}</span>
            <Text size={200}>{label}</Text>
          </div>
        ))}
      </div>
      <Table size="extra-small" aria-label={m.byCategory} data-testid="summary-categories">
        <TableHeader>
          <TableRow>
            <TableHeaderCell>{m.byCategory}</TableHeaderCell>
            <TableHeaderCell className={styles.num}>✖</TableHeaderCell>
            <TableHeaderCell className={styles.num}>▲</TableHeaderCell>
            <TableHeaderCell className={styles.num}>ℹ</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {summary.categories.map((c) => (
            <TableRow key={c.name}>
              <TableCell>{c.name || "—"}</TableCell>
              <TableCell className={styles.num} aria-label={m.severityError}>{c.error}</TableCell>
              <TableCell className={styles.num} aria-label={m.severityWarning}>{c.warning}</TableCell>
              <TableCell className={styles.num} aria-label={m.severityInfo}>{c.info}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </section>
  );
}
