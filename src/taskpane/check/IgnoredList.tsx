import { Button, Text, makeStyles, tokens } from "@fluentui/react-components";
import { RULES_BY_CODE } from "../../core/check/catalogue";
import type { IgnoredFinding } from "../../core/workbook/settings";
import { useLocale, useMessages } from "../i18n";
import { fill } from "../messages";

const useStyles = makeStyles({
  list: { listStyle: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  item: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "center", justifyContent: "space-between", flexWrap: "wrap" },
});

/** The findings set aside, each with its reason and a button that brings it back; all at once when several. */
export function IgnoredList({
  ignored,
  busy,
  onRestore,
  onRestoreAll,
}: {
  ignored: readonly IgnoredFinding[];
  busy: boolean;
  onRestore: (code: string, item: string) => void;
  onRestoreAll: () => void;
}) {
  const m = useMessages();
  const locale = useLocale();
  const styles = useStyles();
  if (ignored.length === 0) return <Text size={200}>{m.noIgnored}</Text>;
  return (
    <>
      <ul className={styles.list} data-testid="ignored-list">
        {ignored.map((entry) => (
          <li key={`${entry.code} ${entry.item}`} className={styles.item}>
            <Text size={200}>
              <strong>No.{entry.item}</strong> {RULES_BY_CODE.get(entry.code)?.title[locale] ?? entry.code} — {entry.reason}
            </Text>
            <Button size="small" disabled={busy} aria-label={fill(m.restoreLabel, { item: entry.item, code: entry.code })} onClick={() => onRestore(entry.code, entry.item)}>
              {m.restore}
            </Button>
          </li>
        ))}
      </ul>
      {ignored.length > 1 && (
        <Button size="small" onClick={onRestoreAll} disabled={busy}>
          {m.resetIgnored}
        </Button>
      )}
    </>
  );
}
