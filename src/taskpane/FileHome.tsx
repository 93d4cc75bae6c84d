import {
  Button,
  Card,
  CardHeader,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  MessageBar,
  MessageBarBody,
  Select,
  Spinner,
  Tab,
  TabList,
  Text,
  makeStyles,
  mergeClasses,
  tokens,
} from "@fluentui/react-components";
import { useEffect, useRef, useState, type DragEvent } from "react";
import { summarizeTable } from "../core/workbook/table";
import type { WorkbookSummary } from "../xlsx/summary";
import { describeError } from "./errors";
import { useLocale, useMessages } from "./i18n";
import { TableSummary } from "./TableSummary";
import { XlsxPicker } from "./XlsxPicker";
import { CheckPane } from "./check/CheckPane";
import { RowsView } from "./check/RowsView";
import type { Locale, Messages } from "./messages";

/** The samples the pane offers: Kodaira's table, and a table in another city's own layout (seeds/README.md). */
const SAMPLES = [
  { file: "kodaira-r2.xlsx", label: "sampleKodaira" },
  { file: "sado-2006.xlsx", label: "sampleSado" },
] as const;

type State =
  | { status: "empty" }
  | { status: "loading" }
  | { status: "loaded"; fileName: string; summary: WorkbookSummary }
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
  fileBar: {
    display: "flex",
    alignItems: "center",
    justifyContent: "space-between",
    gap: tokens.spacingHorizontalS,
    flexWrap: "wrap",
  },
  fileName: { margin: 0, fontSize: tokens.fontSizeBase400, overflowWrap: "anywhere" },
  // Wide: the findings on the left, the table's rows beside them, each scrolling on its own.
  split: { display: "grid", gridTemplateColumns: "minmax(340px, 520px) minmax(0, 1fr)", gap: tokens.spacingHorizontalL, alignItems: "start" },
  side: { position: "sticky", top: tokens.spacingVerticalS, height: "calc(100vh - 24px)", display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  narrowRows: { height: "60vh" },
  sideHeading: { margin: 0, fontSize: tokens.fontSizeBase400 },
});

/** Whether the pane is wide enough to show the rows beside the findings (a browser, not Excel's pane). */
function useWide(minWidth = 760): boolean {
  const query = `(min-width: ${minWidth}px)`;
  const [wide, setWide] = useState(() => globalThis.matchMedia?.(query).matches ?? false);
  useEffect(() => {
    const list = globalThis.matchMedia?.(query);
    if (!list) return;
    const change = () => setWide(list.matches);
    list.addEventListener("change", change);
    return () => list.removeEventListener("change", change);
  }, [query]);
  return wide;
}

/** Reads the workbook with the bounded reader, which is loaded only now: Excel never downloads it. */
async function summarize(data: ArrayBuffer): Promise<WorkbookSummary> {
  const { summarizeWorkbook } = await import(/* webpackChunkName: "xlsx" */ "../xlsx/summary");
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
  const [sample, setSample] = useState<string>(SAMPLES[0].file);
  const input = useRef<HTMLInputElement>(null);

  async function open(name: string, read: () => Promise<ArrayBuffer>) {
    setState({ status: "loading" });
    try {
      const summary = await summarize(await read());
      setState({ status: "loaded", fileName: name, summary });
    } catch (error) {
      setState({ status: "error", text: openError(error, m, locale) });
    }
  }

  function openFile(file: File | undefined) {
    if (file) void open(file.name, () => file.arrayBuffer());
  }

  function loadSample() {
    void open(sample, async () => {
      const response = await fetch(`samples/${sample}`);
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
        <Loaded fileName={state.fileName} summary={state.summary} onClose={() => setState({ status: "empty" })} />
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
            <Button onClick={loadSample} title={sample === SAMPLES[0].file ? m.loadSampleHint : m.sampleSado} data-testid="load-sample">
              {m.loadSample}
            </Button>
            <Select aria-label={m.sampleChoice} value={sample} onChange={(_, data) => setSample(data.value)} data-testid="sample-choice">
              {SAMPLES.map((s) => (
                <option key={s.file} value={s.file}>
                  {m[s.label]}
                </option>
              ))}
            </Select>
          </div>
          <Text size={200}>{dragging ? m.dropNow : m.dropHere}</Text>
        </Card>
      )}
    </div>
  );
}

function Loaded({ fileName, summary, onClose }: { fileName: string; summary: WorkbookSummary; onClose: () => void }) {
  const m = useMessages();
  const styles = useStyles();
  const wide = useWide();
  const [table, setTable] = useState(summary.table);
  const [highlight, setHighlight] = useState<number>();
  const [tab, setTab] = useState<"findings" | "rows">("findings");
  // Changes made through the port (a fixed rating, an ignore, a sheet) and not yet downloaded.
  const [dirty, setDirty] = useState(false);
  const [asking, setAsking] = useState(false);

  // Leaving the page (reload, closing the tab) asks first while changes are not saved.
  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      event.returnValue = "";
    };
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [dirty]);

  /** Hands a workbook to the user as a download named after the file opened. */
  function offer(bytes: Uint8Array, suffix: string) {
    const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" }));
    const link = document.createElement("a");
    link.href = url;
    link.download = `${fileName.replace(/\.xlsx$/i, "")}（${suffix}）.xlsx`;
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }

  async function download(suffix: string) {
    offer(await summary.port.save(), suffix);
    setDirty(false);
  }

  const close = () => (dirty ? setAsking(true) : onClose());
  const rows = <RowsView table={table} highlight={highlight} shown={wide || tab === "rows"} />;
  const tabs = useRef<HTMLDivElement>(null);
  const showTab = (value: "findings" | "rows") => {
    setTab(value);
    // The chosen view starts at the top of the window, under its tabs.
    requestAnimationFrame(() => tabs.current?.scrollIntoView({ block: "start" }));
  };
  const pane = (
    <div className={styles.stack}>
      <TableSummary table={table} summary={summarizeTable(table)} />
      <CheckPane
        port={summary.port}
        autoFocus
        onChecked={(run) => setTable(run.table)}
        onNavigate={(f) => setHighlight(f.row)}
        onChanged={() => setDirty(true)}
        onSheetWritten={(kind) => download(kind === "report" ? m.reportSuffix : m.exportSuffix)}
        onFileMade={async (bytes, suffix) => offer(bytes, suffix)}
      />
    </div>
  );
  return (
    <div className={styles.stack} data-testid="loaded">
      <div className={styles.fileBar}>
        <div>
          <Text size={200}>{m.loadedTitle}</Text>
          <h2 className={styles.fileName} data-testid="file-name">
            {fileName}
          </h2>
        </div>
        <div className={styles.actions}>
          {dirty && (
            <Button appearance="primary" onClick={() => void download(m.checkedSuffix)} data-testid="save-workbook">
              {m.saveWorkbook}
            </Button>
          )}
          <Button onClick={close} data-testid="close-file">
            {m.closeFile}
          </Button>
        </div>
      </div>
      {wide ? (
        <div className={styles.split} aria-label={m.workspaceLabel} role="region">
          {pane}
          <aside className={styles.side} aria-labelledby="rows-heading">
            <h2 id="rows-heading" className={styles.sideHeading}>
              {m.rowsHeading}
            </h2>
            {rows}
          </aside>
        </div>
      ) : (
        <div className={styles.stack}>
          <TabList ref={tabs} selectedValue={tab} onTabSelect={(_, data) => showTab(data.value as "findings" | "rows")} size="small" data-testid="view-tabs">
            <Tab value="findings">{m.findingsTab}</Tab>
            <Tab value="rows">{m.rowsTab}</Tab>
          </TabList>
          {/* Both stay mounted: switching keeps the walk and the row view's place. */}
          <div hidden={tab !== "findings"}>{pane}</div>
          <div hidden={tab !== "rows"} className={styles.narrowRows}>
            {rows}
          </div>
        </div>
      )}
      <Dialog open={asking} onOpenChange={(_, data) => setAsking(data.open)}>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>{m.unsavedTitle}</DialogTitle>
            <DialogContent>{m.unsavedBody}</DialogContent>
            <DialogActions>
              <Button
                appearance="primary"
                data-testid="save-and-close"
                onClick={() => {
                  void download(m.checkedSuffix).then(() => {
                    setAsking(false);
                    onClose();
                  });
                }}
              >
                {m.saveAndClose}
              </Button>
              <Button
                data-testid="close-without-saving"
                onClick={() => {
                  setAsking(false);
                  onClose();
                }}
              >
                {m.closeWithoutSaving}
              </Button>
              <Button onClick={() => setAsking(false)}>{m.cancel}</Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </div>
  );
}
