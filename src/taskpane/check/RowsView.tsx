import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useEffect, useRef } from "react";
import type { TableRead } from "../../core/workbook/table";
import { useMessages } from "../i18n";

const useStyles = makeStyles({
  box: { maxHeight: "40vh", overflowY: "auto", border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium },
  highlight: { backgroundColor: tokens.colorPaletteYellowBackground2, outline: `${tokens.strokeWidthThick} solid ${tokens.colorPaletteYellowBorderActive}` },
  title: { maxWidth: "14em", whiteSpace: "nowrap", overflow: "hidden", textOverflow: "ellipsis" },
  narrow: { width: "4.5em" },
});

/** File mode's view of the table: the row of the current finding is scrolled to and highlighted. */
export function RowsView({ table, highlight }: { table: TableRead; highlight?: number }) {
  const m = useMessages();
  const styles = useStyles();
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (highlight === undefined) return;
    box.current?.querySelector(`[data-row="${highlight}"]`)?.scrollIntoView({ block: "center" });
  }, [highlight]);
  return (
    <section aria-label={m.rowsHeading}>
      <Text weight="semibold">{m.rowsHeading}</Text>
      <div ref={box} className={styles.box} data-testid="rows-view">
        <Table size="extra-small" aria-label={m.rowsHeading}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell className={styles.narrow}>{m.location}</TableHeaderCell>
              <TableHeaderCell className={styles.narrow}>No.</TableHeaderCell>
              <TableHeaderCell className={styles.narrow}>{m.rowsRating}</TableHeaderCell>
              <TableHeaderCell>{m.rowsTitle}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {table.rows.map((row) => (
              <TableRow
                key={row.sheetRow}
                data-row={row.sheetRow}
                aria-current={row.sheetRow === highlight ? "true" : undefined}
                className={row.sheetRow === highlight ? styles.highlight : undefined}
              >
                <TableCell>{row.sheetRow}</TableCell>
                <TableCell>{row.item}</TableCell>
                <TableCell>{row.rating}</TableCell>
                <TableCell className={styles.title} title={row.title}>
                  {row.title || row.department}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
    </section>
  );
}
