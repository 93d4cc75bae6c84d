import { Badge, Button, Text, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import type { CSSProperties, KeyboardEvent, Ref } from "react";
import { yearsLines } from "../../core/check/helpers";
import type { Finding } from "../../core/check/types";
import { columnLetter } from "../../core/workbook/cells";
import { useLocale, useMessages } from "../i18n";
import { fill } from "../messages";

const useStyles = makeStyles({
  card: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    padding: tokens.spacingVerticalS,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
    cursor: "pointer",
    // A card walked to is scrolled into view below the sticky toolbar, not under it.
    scrollMarginTop: "9rem",
    scrollMarginBottom: tokens.spacingVerticalL,
    ":focus-visible": { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
  current: {
    border: `${tokens.strokeWidthThick} solid ${tokens.colorBrandStroke1}`,
    backgroundColor: tokens.colorBrandBackground2,
  },
  head: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "center", flexWrap: "wrap" },
  evidence: { margin: 0, paddingLeft: "1.2em", fontSize: tokens.fontSizeBase200 },
  actions: { display: "flex", gap: tokens.spacingHorizontalXS, flexWrap: "wrap" },
});

const SEVERITY_COLOR = { error: "danger", warning: "warning", info: "informative" } as const;
/** Shapes as well as colours: severity is never told by colour alone. */
const SEVERITY_MARK = { error: "✖", warning: "▲", info: "ℹ" } as const;

export interface FindingCardProps {
  finding: Finding;
  current: boolean;
  onSelect: () => void;
  onKeyDown: (event: KeyboardEvent<HTMLElement>) => void;
  onIgnore?: () => void;
  onFix?: () => void;
  id: string;
  /** A long list draws only the cards in view: where this one stands, and its place in the whole list. */
  style?: CSSProperties;
  listRef?: Ref<HTMLLIElement>;
  index?: number;
  setSize?: number;
}

export function FindingCard({ finding, current, onSelect, onKeyDown, onIgnore, onFix, id, style, listRef, index, setSize }: FindingCardProps) {
  const m = useMessages();
  const locale = useLocale();
  const styles = useStyles();
  const severity = { error: m.severityError, warning: m.severityWarning, info: m.severityInfo }[finding.severity];
  const cell = finding.row === undefined ? "" : `${finding.column === undefined ? "" : columnLetter(finding.column)}${finding.row}`;
  // Only the current card's buttons are in the tab order: Tab does not visit every 無視… of the list.
  const tab = current ? 0 : -1;
  return (
    <li
      id={id}
      ref={listRef}
      style={style}
      data-index={index}
      aria-setsize={setSize}
      aria-posinset={setSize === undefined || index === undefined ? undefined : index + 1}
      tabIndex={tab}
      aria-current={current ? "true" : undefined}
      aria-labelledby={`${id}-head`}
      aria-describedby={`${id}-message`}
      className={mergeClasses(styles.card, current && styles.current)}
      onClick={onSelect}
      onKeyDown={onKeyDown}
      data-testid="finding"
      data-code={finding.code}
      data-item={finding.item ?? ""}
    >
      <div className={styles.head} id={`${id}-head`}>
        <Badge appearance="filled" color={SEVERITY_COLOR[finding.severity]} shape="rounded">
          {SEVERITY_MARK[finding.severity]} {severity}
        </Badge>
        {finding.item && <Text weight="semibold">No.{finding.item}</Text>}
        {finding.title && <Text>{finding.title}</Text>}
        {cell && (
          <Text size={200}>
            {m.location} {cell}
          </Text>
        )}
      </div>
      {finding.department && (
        <Text size={200} data-testid="finding-department">
          {m.department}: {finding.department}
        </Text>
      )}
      <Text id={`${id}-message`}>{finding.message[locale]}</Text>
      {finding.evidence && finding.evidence.length > 0 && (
        <ul className={styles.evidence} aria-label={m.evidence}>
          {finding.evidence.map((e, i) => (
            <li key={i}>{e.text[locale]}</li>
          ))}
        </ul>
      )}
      {finding.years && finding.years.length > 0 && (
        <div data-testid="finding-years">
          <Text size={200}>{m.yearsTrend}</Text>
          <ul className={styles.evidence} aria-label={m.yearsTrend}>
            {yearsLines(finding.years).map((line, i) => (
              <li key={i}>{line[locale]}</li>
            ))}
          </ul>
        </div>
      )}
      {finding.suggested && finding.suggested !== "-" && (
        <Text size={200}>
          {m.suggested}: <strong>{finding.suggested}</strong>
        </Text>
      )}
      {(onFix || onIgnore) && (
        <div className={styles.actions}>
          {onFix && (
            <Button size="small" appearance="primary" tabIndex={tab} onClick={(e) => (e.stopPropagation(), onFix())}>
              {fill(m.fixTo, { rating: finding.suggested ?? "" })}
            </Button>
          )}
          {onIgnore && (
            <Button size="small" tabIndex={tab} onClick={(e) => (e.stopPropagation(), onIgnore())}>
              {m.ignore}
            </Button>
          )}
        </div>
      )}
    </li>
  );
}
