import { Text, makeStyles, tokens } from "@fluentui/react-components";
import { useEffect, useMemo } from "react";
import { ExcelWorkbookPort } from "../excel/workbookPort";
import { LocalEngine } from "./engine/engine";
import { useMessages } from "./i18n";
import { CheckPane } from "./check/CheckPane";

const useStyles = makeStyles({ stack: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS } });

/**
 * Inside Excel: the check runs on the open workbook through the Office.js port, on the page where Office.js
 * must be called (LocalEngine, the same interface as file mode's worker); a finding selects its cell.
 */
export function ExcelHome() {
  const m = useMessages();
  const styles = useStyles();
  const engine = useMemo(() => new LocalEngine(new ExcelWorkbookPort()), []);
  useEffect(() => () => engine.dispose(), [engine]);
  return (
    <div className={styles.stack} data-testid="empty-state">
      <Text size={200}>{m.emptyBodyExcel}</Text>
      <CheckPane engine={engine} />
    </div>
  );
}
