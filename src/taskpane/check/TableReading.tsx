import { Button, MessageBar, MessageBarActions, MessageBarBody, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useState } from "react";
import { roleText, scaleSourceText, scaleText, understoodSummary, yearText, type Understood } from "../../core/workbook/understood";
import { useLocale, useMessages } from "../i18n";
import { fill, type Messages } from "../messages";

const useStyles = makeStyles({
  section: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  top: { display: "flex", alignItems: "baseline", justifyContent: "space-between", gap: tokens.spacingHorizontalS },
  heading: { margin: 0, fontSize: tokens.fontSizeBase300 },
  list: { listStyle: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  line: { overflowWrap: "anywhere", lineHeight: tokens.lineHeightBase300 },
  label: { fontWeight: tokens.fontWeightSemibold, marginRight: tokens.spacingHorizontalXS },
  edits: { display: "flex", flexWrap: "wrap", alignItems: "baseline", columnGap: tokens.spacingHorizontalXS },
  edit: { minWidth: "auto", height: "auto", padding: `0 ${tokens.spacingHorizontalXS}`, verticalAlign: "baseline" },
});

/** Which editor a line of the panel opens: the columns, the plan's year, the profile's scale. */
export type ReadingEditor = "columns" | "plan" | "profile";

const LAYOUT_KEY: Readonly<Record<Understood["layout"], keyof Messages>> = {
  table: "readingLayoutTable",
  yearGrid: "readingLayoutYearGrid",
  twoRows: "readingLayoutTwoRows",
  sideways: "readingLayoutSideways",
  blocks: "readingLayoutBlocks",
};

const NUMBERING_KEY: Readonly<Record<Understood["numbering"], keyof Messages>> = {
  column: "readingNumberingColumn",
  order: "readingNumberingOrder",
  headings: "readingNumberingHeadings",
};

export interface TableReadingProps {
  understood: Understood;
  busy: boolean;
  /** Opens the editor of that part (the pane's 列の指定 / 計画の情報 / 評価プロファイル sections). */
  onEdit: (editor: ReadingEditor) => void;
  /** Keeps the scale as understood in the settings sheet (the user confirms a guessed scale). */
  onConfirmScale: () => void;
}

/**
 * 「この表の読み方」: what the reader understood of the table, before the findings — in one line (the
 * layout, the rating's column, the year, the scale, each with where it came from), every part on demand
 * (each role's column and header, the numbering, the scale's bands and rates, the legend's row), and one
 * click to the editor of the columns, the year or the scale. A scale guessed from the symbols alone is put
 * to the user to confirm.
 */
export function TableReading({ understood, busy, onEdit, onConfirmScale }: TableReadingProps) {
  const m = useMessages();
  const locale = useLocale();
  const styles = useStyles();
  const [open, setOpen] = useState(false);
  const paren = (text: string) => (locale === "ja" ? `（${text}）` : ` (${text})`);
  const header =
    understood.headerRow === undefined
      ? ""
      : paren(
          `${fill(m.readingHeaderRow, { rows: `${understood.headerRow}${understood.headerRows === 2 ? `–${understood.headerRow + 1}` : ""}` })}${
            understood.parts && understood.parts > 1 ? fill(m.readingParts, { n: understood.parts }) : ""
          }`,
        );
  const change = (editor: ReadingEditor, label: string, testId: string) => (
    <Button size="small" appearance="transparent" className={styles.edit} disabled={busy} onClick={() => onEdit(editor)} data-testid={testId}>
      {label}
    </Button>
  );
  return (
    <section className={styles.section} aria-labelledby="reading-heading" data-testid="table-reading" data-layout={understood.layout}>
      <div className={styles.top}>
        <h2 id="reading-heading" className={styles.heading}>
          {m.readingHeading}
        </h2>
        <Button size="small" appearance="transparent" className={styles.edit} aria-expanded={open} onClick={() => setOpen(!open)} data-testid="reading-details">
          {open ? m.readingLess : m.readingMore}
        </Button>
      </div>
      <Text size={200} className={styles.line} data-testid="reading-summary">
        {understoodSummary(understood, locale)}
      </Text>
      {open && (
        <ul className={styles.list}>
          <li className={styles.line} data-testid="reading-layout">
            <Text size={200} className={styles.label}>
              {m.readingLayoutLabel}
            </Text>
            <Text size={200}>
              {m[LAYOUT_KEY[understood.layout]]}
              {header}
            </Text>
          </li>
          <li className={styles.line} data-testid="reading-columns">
            <Text size={200} className={styles.label}>
              {m.readingColumnsLabel}
            </Text>
            <Text size={200}>{understood.roles.map((r) => roleText(r, locale)).join(locale === "ja" ? "、" : "; ")}</Text>
            {understood.ratingInResults && <Text size={200}> {m.readingRatingInResults}</Text>}
          </li>
          <li className={styles.line} data-testid="reading-numbering">
            <Text size={200} className={styles.label}>
              {m.readingNumberingLabel}
            </Text>
            <Text size={200}>{m[NUMBERING_KEY[understood.numbering]]}</Text>
          </li>
          <li className={styles.line} data-testid="reading-year">
            <Text size={200}>{yearText(understood.year, locale)}</Text>
          </li>
          <li className={styles.line} data-testid="reading-scale">
            <Text size={200} className={styles.label}>
              {m.readingScaleLabel}
            </Text>
            <Text size={200}>
              {scaleText(understood.scale, locale)} — {scaleSourceText(understood.scale, locale)}
              {understood.scale.legend ? paren(fill(m.readingLegendRow, { row: understood.scale.legend.row })) : ""}
            </Text>
          </li>
          {understood.otherSheets.length > 0 && (
            <li className={styles.line} data-testid="reading-sheets">
              <Text size={200}>{fill(m.readingOtherSheets, { sheets: understood.otherSheets.join(locale === "ja" ? "、" : ", ") })}</Text>
            </li>
          )}
        </ul>
      )}
      <div className={styles.edits}>
        <Text size={200}>{m.readingChange}</Text>
        {change("columns", m.readingChangeColumns, "reading-edit-columns")}
        {change("plan", m.readingChangeYear, "reading-edit-year")}
        {change("profile", m.readingChangeScale, "reading-edit-scale")}
      </div>
      {understood.scale.confirm && (
        <MessageBar intent="warning" data-testid="reading-confirm">
          <MessageBarBody>{understood.scale.source === "unknown" ? m.readingScaleUnknown : m.readingConfirmHint}</MessageBarBody>
          <MessageBarActions>
            {understood.scale.source !== "unknown" && (
              <Button size="small" appearance="primary" disabled={busy} onClick={onConfirmScale} data-testid="reading-confirm-scale">
                {m.readingConfirm}
              </Button>
            )}
          </MessageBarActions>
        </MessageBar>
      )}
    </section>
  );
}
