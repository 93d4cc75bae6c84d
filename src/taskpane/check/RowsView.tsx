import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, makeStyles, tokens } from "@fluentui/react-components";
import { useEffect, useRef } from "react";
import type { TableRead, TableRow as Row } from "../../core/workbook/table";
import { useMessages } from "../i18n";
import { fill, type Messages } from "../messages";

const useStyles = makeStyles({
  box: {
    overflowY: "auto",
    height: "100%",
    minHeight: "12em",
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  highlight: { backgroundColor: tokens.colorPaletteYellowBackground2, outline: `${tokens.strokeWidthThick} solid ${tokens.colorPaletteYellowBorderActive}` },
  title: { whiteSpace: "normal", overflowWrap: "anywhere" },
  narrow: { width: "3.2em" },
  sub: { color: tokens.colorNeutralForeground3 },
});

/** What a row's 項目 shows: its title, or for a sub-item its parent's title and its number. */
function titleOf(row: Row, rows: readonly Row[], m: Messages): string {
  if (row.title || row.kind !== "sub") return row.title;
  const parent = rows.find((r) => r.kind === "item" && r.item === row.parent);
  return fill(m.subItemOf, { title: parent?.title ?? `No.${row.parent ?? ""}`, sub: row.sub ?? "" });
}

/**
 * File mode's view of the table, in its own scrolling box: the row of the current finding is brought
 * into view inside the box only (the page and the findings list stay where they are) and highlighted.
 */
export function RowsView({ table, highlight, shown = true }: { table: TableRead; highlight?: number; /** Hidden behind a tab: scrolled when shown. */ shown?: boolean }) {
  const m = useMessages();
  const styles = useStyles();
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const container = box.current;
    if (highlight === undefined || !container || !shown) return;
    const row = container.querySelector<HTMLElement>(`[data-row="${highlight}"]`);
    if (!row) return;
    // Scroll the box, never the window: scrollIntoView would move every scrolling ancestor.
    const top = row.getBoundingClientRect().top - container.getBoundingClientRect().top + container.scrollTop;
    container.scrollTop = Math.max(0, top - container.clientHeight / 2 + row.offsetHeight / 2);
  }, [highlight, shown]);
  return (
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
              <TableCell className={row.title ? styles.title : `${styles.title} ${styles.sub}`}>{titleOf(row, table.rows, m)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
