import { Button, Card, CardHeader, MessageBar, MessageBarBody, Spinner, Text, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { useRef, useState, type ComponentType, type DragEvent } from "react";
import type { WorkbookSummary } from "../xlsx/summary";
import { describeError } from "./errors";
import { useLocale, useMessages } from "./i18n";
import { XlsxPicker } from "./XlsxPicker";
import type { Locale, Messages } from "./messages";

const SAMPLE_URL = "samples/kodaira-r2.xlsx";

type LoadedView = ComponentType<{ fileName: string; summary: WorkbookSummary; onClose: () => void }>;

/**
 * The opened workbook's view (the check, the table's rows): downloaded beside the reader when a file is
 * opened, so that the empty pane, all that file mode shows at first, starts with the page's own scripts.
 */
async function loadedView(): Promise<LoadedView> {
  const { Loaded } = await import(/* webpackChunkName: "file-loaded" */ "./FileLoaded");
  return Loaded;
}

type State =
  | { status: "empty" }
  | { status: "loading" }
  | { status: "loaded"; fileName: string; summary: WorkbookSummary; Loaded: LoadedView }
  | { status: "error"; text: string };

const useStyles = makeStyles({
  stack: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  drop: {
    border: `${tokens.strokeWidthThick} dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusLarge,
  },
  dropActive: {
    border: `${tokens.strokeWidthThick} dashed ${tokens.colorBrandStroke1}`,
    backgroundColor: tokens.colorBrandBackground2,
  },
  actions: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
});

/** Reads the workbook with the bounded reader, which is loaded only now: Excel never downloads it. */
async function summarize(data: ArrayBuffer): Promise<WorkbookSummary> {
  const { summarizeWorkbook } = await import(/* webpackChunkName: "xlsx-read" */ "../xlsx/summary");
  return summarizeWorkbook(data);
}

/** Why a file did not open: the reader's own sentence (not .xlsx, encrypted, too large …) where it has one. */
function openError(error: unknown, m: Messages, locale: Locale): string {
  if (error instanceof Error && error.name === "SampleMissing") return m.errorSampleMissing;
  return describeError(error, m, locale);
}

export function FileHome() {
  const m = useMessages();
  const locale = useLocale();
  const styles = useStyles();
  const [state, setState] = useState<State>({ status: "empty" });
  const [dragging, setDragging] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  async function open(name: string, read: () => Promise<ArrayBuffer>) {
    setState({ status: "loading" });
    try {
      const [summary, Loaded] = await Promise.all([read().then(summarize), loadedView()]);
      setState({ status: "loaded", fileName: name, summary, Loaded });
    } catch (error) {
      setState({ status: "error", text: openError(error, m, locale) });
    }
  }

  function openFile(file: File | undefined) {
    if (file) void open(file.name, () => file.arrayBuffer());
  }

  function loadSample() {
    void open("kodaira-r2.xlsx", async () => {
      const response = await fetch(SAMPLE_URL);
      if (!response.ok) throw Object.assign(new Error("sample missing"), { name: "SampleMissing" });
      return response.arrayBuffer();
    });
  }

  const dropHandlers = {
    onDragOver: (event: DragEvent) => {
      event.preventDefault();
      setDragging(true);
    },
    onDragLeave: () => setDragging(false),
    onDrop: (event: DragEvent) => {
      event.preventDefault();
      setDragging(false);
      openFile(event.dataTransfer.files[0]);
    },
  };

  return (
    <div className={styles.stack} {...dropHandlers}>
      <XlsxPicker ref={input} label={m.openFileLabel} testId="file-input" onFile={openFile} />
      {state.status === "error" && (
        <MessageBar intent="error" data-testid="error">
          <MessageBarBody>{state.text}</MessageBarBody>
        </MessageBar>
      )}
      {state.status === "loading" && <Spinner label={m.loading} />}
      {state.status === "loaded" ? (
        <state.Loaded fileName={state.fileName} summary={state.summary} onClose={() => setState({ status: "empty" })} />
      ) : (
        <Card
          data-testid="empty-state"
          className={mergeClasses(styles.drop, dragging && styles.dropActive)}
          aria-label={m.dropHere}
        >
          <CardHeader header={<Text weight="semibold">{m.emptyTitle}</Text>} />
          <Text>{m.emptyBodyFile}</Text>
          <div className={styles.actions}>
            <Button appearance="primary" onClick={() => input.current?.click()}>
              {m.openFile}
            </Button>
            <Button onClick={loadSample} title={m.loadSampleHint} data-testid="load-sample">
              {m.loadSample}
            </Button>
          </div>
          <Text size={200}>{dragging ? m.dropNow : m.dropHere}</Text>
        </Card>
      )}
    </div>
  );
}
