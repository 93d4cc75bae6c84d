import { Card, CardHeader, Text } from "@fluentui/react-components";
import { useMessages } from "./i18n";

/** What the pane shows inside Excel until a workbook has been checked. */
export function ExcelHome() {
  const m = useMessages();
  return (
    <Card data-testid="empty-state">
      <CardHeader header={<Text weight="semibold">{m.emptyTitle}</Text>} />
      <Text>{m.emptyBodyExcel}</Text>
    </Card>
  );
}
