import { Text, makeStyles, tokens } from "@fluentui/react-components";
import { useMemo } from "react";
import { ExcelWorkbookPort } from "../excel/workbookPort";
import { useMessages } from "./i18n";
import { CheckPane } from "./check/CheckPane";

const useStyles = makeStyles({ stack: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS } });

/** Inside Excel: the check runs on the open workbook through the Office.js port; a finding selects its cell. */
export function ExcelHome() {
  const m = useMessages();
  const styles = useStyles();
  const port = useMemo(() => new ExcelWorkbookPort(), []);
  return (
    <div className={styles.stack} data-testid="empty-state">
      <Text size={200}>{m.emptyBodyExcel}</Text>
      <CheckPane port={port} />
    </div>
  );
}
