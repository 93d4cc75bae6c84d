import { Accordion, AccordionHeader, AccordionItem, AccordionPanel, Text, makeStyles, tokens } from "@fluentui/react-components";
import { Figures } from "../Figures";
import type { CheckSummary } from "../../core/check/check";
import { useMessages } from "../i18n";
import { fill } from "../messages";

const useStyles = makeStyles({
  categories: { listStyle: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  category: { display: "flex", flexDirection: "column", paddingBottom: tokens.spacingVerticalXXS, borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}` },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400 },
});

/**
 * The result in a few lines: counts by severity (評価不能 apart), and by 分野 behind one click. Each 分野
 * says its counts in words, so that a narrow pane does not break its name every four characters and a
 * screen reader hears the numbers with what they count.
 */
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
    <section aria-labelledby="summary-heading" data-testid="check-summary">
      <h2 id="summary-heading" className={styles.heading}>
        {m.summaryHeading}
      </h2>
      <div aria-live="polite">
        <Figures items={counts} testIdPrefix="summary" compact />
      </div>
      <Accordion collapsible>
        <AccordionItem value="categories">
          <AccordionHeader as="h3" size="small">
            {m.byCategory}
          </AccordionHeader>
          <AccordionPanel>
            <ul className={styles.categories} data-testid="summary-categories" aria-label={m.byCategory}>
              {summary.categories.map((c) => (
                <li key={c.name} className={styles.category}>
                  <Text weight="semibold">{c.name || "—"}</Text>
                  <Text size={200}>
                    {fill(m.categoryCounts, { error: c.error, warning: c.warning, info: c.info - c.notEvaluable, ne: c.notEvaluable })}
                  </Text>
                </li>
              ))}
            </ul>
          </AccordionPanel>
        </AccordionItem>
      </Accordion>
    </section>
  );
}
