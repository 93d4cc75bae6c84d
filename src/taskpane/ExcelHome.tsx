import { Button, Card, CardHeader, MessageBar, MessageBarBody, Spinner, Text } from "@fluentui/react-components";
import { useState } from "react";
import { ExcelWorkbookPort } from "../excel/workbookPort";
import { summarizeTable, type TableRead, type TableSummary as Summary } from "../core/workbook/table";
import { useMessages } from "./i18n";
import { TableSummary } from "./TableSummary";

type State = { status: "idle" } | { status: "reading" } | { status: "read"; table: TableRead; summary: Summary } | { status: "error"; message: string };

/** Inside Excel: reads the progress table of the open workbook through the Office.js port. */
export function ExcelHome() {
  const m = useMessages();
  const [state, setState] = useState<State>({ status: "idle" });

  async function read() {
    setState({ status: "reading" });
    try {
      const table = await new ExcelWorkbookPort().readTable();
      setState({ status: "read", table, summary: summarizeTable(table) });
    } catch (error) {
      setState({ status: "error", message: error instanceof Error ? error.message : String(error) });
    }
  }

  return (
    <Card data-testid="empty-state">
      <CardHeader header={<Text weight="semibold">{m.emptyTitle}</Text>} />
      <Text>{m.emptyBodyExcel}</Text>
      <div>
        <Button appearance="primary" onClick={() => void read()} disabled={state.status === "reading"}>
          {m.readTable}
        </Button>
      </div>
      {state.status === "reading" && <Spinner label={m.loading} />}
      {state.status === "error" && (
        <MessageBar intent="error">
          <MessageBarBody>
            {m.errorGeneric} {state.message}
          </MessageBarBody>
        </MessageBar>
      )}
      {state.status === "read" && <TableSummary table={state.table} summary={state.summary} />}
    </Card>
  );
}
