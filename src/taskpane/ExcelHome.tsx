import { Card, CardHeader, Text } from "@fluentui/react-components";
import { useMemo } from "react";
import { ExcelWorkbookPort } from "../excel/workbookPort";
import { useMessages } from "./i18n";
import { CheckPane } from "./check/CheckPane";
import { ReportButton } from "./ReportButton";

/** Inside Excel: the check runs on the open workbook through the Office.js port. */
export function ExcelHome() {
  const m = useMessages();
  const port = useMemo(() => new ExcelWorkbookPort(), []);
  return (
    <Card data-testid="empty-state">
      <CardHeader header={<Text weight="semibold">{m.emptyTitle}</Text>} />
      <Text>{m.emptyBodyExcel}</Text>
      <CheckPane port={port} />
      <ReportButton port={port} />
    </Card>
  );
}
