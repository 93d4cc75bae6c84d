import { Text, makeStyles, tokens } from "@fluentui/react-components";

const useStyles = makeStyles({
  grid: { display: "grid", gap: tokens.spacingHorizontalXS },
  figure: {
    display: "flex",
    flexDirection: "column",
    padding: tokens.spacingVerticalXS,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground3,
  },
  number: { fontSize: tokens.fontSizeHero700, lineHeight: tokens.lineHeightHero700, fontWeight: tokens.fontWeightSemibold },
  compactNumber: { fontSize: tokens.fontSizeBase500, lineHeight: tokens.lineHeightBase500, fontWeight: tokens.fontWeightSemibold },
});

/** A row of large numbers with their labels (rows read, findings by severity …). */
export function Figures({
  items,
  testIdPrefix,
  compact = false,
}: {
  items: readonly (readonly [id: string, label: string, value: number])[];
  testIdPrefix: string;
  /** Smaller numbers, for a summary that must not push the findings down. */
  compact?: boolean;
}) {
  const styles = useStyles();
  return (
    <div className={styles.grid} style={{ gridTemplateColumns: `repeat(${items.length}, 1fr)` }}>
      {items.map(([id, label, value]) => (
        <div key={id} className={styles.figure} data-testid={`${testIdPrefix}-${id}`}>
          <span className={compact ? styles.compactNumber : styles.number}>{value}</span>
          <Text size={200}>{label}</Text>
        </div>
      ))}
    </div>
  );
}
