import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  MessageBar,
  MessageBarBody,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { describeProblem } from "../core/workbook/problemText";
import type { TableRead, TableSummary as Summary } from "../core/workbook/table";
import { fill } from "./messages";
import { useLocale, useMessages } from "./i18n";
import { Figures } from "./Figures";

const useStyles = makeStyles({
  stack: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  problems: { margin: 0, paddingLeft: "1.2em" },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400 },
  name: { overflowWrap: "anywhere" },
});

/** What was read from a workbook: where the table is, how many rows, items, sub-items, 分野, problems. */
/** Problems listed at most: a messy table of thousands of rows says the rest as a number. */
const SHOWN_PROBLEMS = 20;

export function TableSummary({ table, summary }: { table: Omit<TableRead, "rows">; summary: Summary }) {
  const m = useMessages();
  const locale = useLocale();
  const styles = useStyles();
  return (
    <section className={styles.stack} data-testid="table-summary" aria-labelledby="table-heading">
      <h2 id="table-heading" className={styles.heading}>
        {m.tableHeading}
      </h2>
      <Text size={200} data-testid="table-location">
        {m.tableSheet}: {table.sheet}
        {table.headerRow === undefined ? "" : ` ／ ${m.tableHeaderRow}: ${table.headerRow}`}
      </Text>
      <Figures
        compact
        testIdPrefix="count"
        items={[
          ["rows", m.tableRows, summary.rows],
          ["items", m.tableItems, summary.items],
          ["sub-items", m.tableSubItems, summary.subItems],
        ]}
      />
      {summary.categories.length > 0 && (
        <Accordion collapsible>
          <AccordionItem value="categories">
            <AccordionHeader as="h3" size="small">
              {m.categoriesHeading}
            </AccordionHeader>
            <AccordionPanel>
              <Table size="extra-small" aria-label={m.categoriesHeading} data-testid="categories">
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell>{m.byCategory}</TableHeaderCell>
                    <TableHeaderCell style={{ width: "4em", textAlign: "right" }}>{m.tableItems}</TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {summary.categories.map((c) => (
                    <TableRow key={c.name}>
                      <TableCell className={styles.name}>{c.name || "—"}</TableCell>
                      <TableCell style={{ textAlign: "right" }}>{c.items}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </AccordionPanel>
          </AccordionItem>
        </Accordion>
      )}
      {table.problems.length > 0 ? (
        <MessageBar intent="warning" data-testid="read-problems">
          <MessageBarBody>
            <Text weight="semibold">{m.problemsHeading}</Text>
            <ul className={styles.problems}>
              {table.problems.slice(0, SHOWN_PROBLEMS).map((problem, i) => (
                <li key={i}>{describeProblem(problem, locale)}</li>
              ))}
              {table.problems.length > SHOWN_PROBLEMS && <li>{fill(m.problemsMore, { n: table.problems.length - SHOWN_PROBLEMS })}</li>}
            </ul>
            {table.problems.some((p) => p.code === "COLUMNS_MISSING") && (
              <Text block data-testid="columns-advice">
                {m.columnsMissingAdvice}
              </Text>
            )}
          </MessageBarBody>
        </MessageBar>
      ) : (
        <Text size={200} data-testid="no-problems">
          {m.noProblems}
        </Text>
      )}
    </section>
  );
}
