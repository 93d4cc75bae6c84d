import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, makeStyles, tokens } from "@fluentui/react-components";
import { useVirtualizer } from "@tanstack/react-virtual";
import { useEffect, useMemo, useRef } from "react";
import type { PaneRow, PaneTable } from "../engine/view";
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
    ":focus-visible": { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
  head: { position: "sticky", top: 0, zIndex: 1, backgroundColor: tokens.colorNeutralBackground1 },
  highlight: { backgroundColor: tokens.colorPaletteYellowBackground2, outline: `${tokens.strokeWidthThick} solid ${tokens.colorPaletteYellowBorderActive}` },
  title: { whiteSpace: "normal", overflowWrap: "anywhere" },
  narrow: { width: "3.2em" },
  sub: { color: tokens.colorNeutralForeground3 },
});

/** What a row's 項目 shows: its title, or for a sub-item its parent's title and its number. */
function titleOf(row: PaneRow, m: Messages): string {
  if (row.title || row.kind !== "sub") return row.title;
  return fill(m.subItemOf, { title: row.parentTitle ?? `No.${row.parent ?? ""}`, sub: row.sub ?? "" });
}

/** A row's height before it is measured (one line of the extra-small table). */
const ROW_ESTIMATE = 33;

/**
 * File mode's view of the table, in its own scrolling box (reachable with Tab, scrolled with the arrow
 * keys): the row of the current finding is brought into view inside the box only (the page and the
 * findings list stay where they are) and highlighted. Only the rows in view are drawn, and none while
 * the view is hidden behind its tab.
 */
export function RowsView({ table, highlight, shown = true }: { table: PaneTable; highlight?: number; /** Hidden behind a tab: nothing drawn; scrolled when shown. */ shown?: boolean }) {
  const m = useMessages();
  const styles = useStyles();
  const box = useRef<HTMLDivElement>(null);
  const rows = table.rows;
  const indexOf = useMemo(() => new Map(rows.map((row, i) => [row.sheetRow, i])), [rows]);
  // The virtualizer's functions are read at each render (this component is not memoized by the compiler).
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => box.current,
    estimateSize: () => ROW_ESTIMATE,
    overscan: 8,
    enabled: shown,
    // The sticky header row covers the top of the box.
    scrollPaddingStart: ROW_ESTIMATE,
    getItemKey: (i) => rows[i]?.sheetRow ?? i,
  });
  useEffect(() => {
    const index = highlight === undefined ? undefined : indexOf.get(highlight);
    if (index === undefined || !shown) return;
    // Scrolls the box, never the window.
    virtualizer.scrollToIndex(index, { align: "center" });
  }, [highlight, shown, indexOf, virtualizer]);
  const items = shown ? virtualizer.getVirtualItems() : [];
  const before = items[0]?.start ?? 0;
  const after = items.length > 0 ? virtualizer.getTotalSize() - (items.slice(-1)[0]?.end ?? 0) : 0;
  return (
    <div ref={box} className={styles.box} data-testid="rows-view" tabIndex={0} role="region" aria-label={m.rowsScrollLabel}>
      <Table size="extra-small" aria-label={m.rowsHeading} aria-rowcount={rows.length + 1}>
        <TableHeader className={styles.head}>
          <TableRow aria-rowindex={1}>
            <TableHeaderCell className={styles.narrow}>{m.location}</TableHeaderCell>
            <TableHeaderCell className={styles.narrow}>No.</TableHeaderCell>
            <TableHeaderCell className={styles.narrow}>{m.rowsRating}</TableHeaderCell>
            <TableHeaderCell>{m.rowsTitle}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {before > 0 && <tr aria-hidden="true" style={{ height: before }} />}
          {items.map((item) => {
            const row = rows[item.index] as PaneRow;
            return (
              <TableRow
                key={item.key}
                ref={virtualizer.measureElement}
                data-index={item.index}
                data-row={row.sheetRow}
                aria-rowindex={item.index + 2}
                aria-current={row.sheetRow === highlight ? "true" : undefined}
                className={row.sheetRow === highlight ? styles.highlight : undefined}
              >
                <TableCell>{row.sheetRow}</TableCell>
                <TableCell>{row.item}</TableCell>
                <TableCell>{row.rating}</TableCell>
                <TableCell className={row.title ? styles.title : `${styles.title} ${styles.sub}`}>{titleOf(row, m)}</TableCell>
              </TableRow>
            );
          })}
          {after > 0 && <tr aria-hidden="true" style={{ height: after }} />}
        </TableBody>
      </Table>
    </div>
  );
}
