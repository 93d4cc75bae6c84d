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
  Text,
  makeStyles,
  mergeClasses,
  tokens,
} from "@fluentui/react-components";
import { startTransition, useCallback, useEffect, useRef, useState, type DragEvent } from "react";
import type { CallOptions, Progress } from "./engine/engine";
import { isCancelled } from "./engine/protocol";
import type { OpenedView, PaneRun } from "./engine/view";
import { WorkerEngine } from "./engine/workerEngine";
import { describeError } from "./errors";
import { useLocale, useMessages } from "./i18n";
import { TableSummary } from "./TableSummary";
import { ViewTabs } from "./ViewTabs";
import { XlsxPicker } from "./XlsxPicker";
import { CheckPane } from "./check/CheckPane";
import { ProgressView } from "./check/ProgressView";
import { RowsView } from "./check/RowsView";
import { fill, type Locale, type Messages } from "./messages";

const SAMPLE_URL = "samples/kodaira-r2.xlsx";

type State =
  | { status: "empty"; notice?: string }
  | { status: "loading"; progress?: Progress; cancel: () => void }
  | { status: "loaded"; fileName: string; engine: WorkerEngine; opened: OpenedView }
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

  /**
   * Opens a workbook in a worker (the engine reads it off the page's thread): the page shows each step
   * and can cancel; the engine is ended when the file is closed.
   */
  async function open(name: string, read: () => Promise<ArrayBuffer>) {
    const abort = new AbortController();
    setState({ status: "loading", cancel: () => abort.abort() });
    let engine: WorkerEngine | undefined;
    try {
      engine = new WorkerEngine(await read());
      const onProgress = (progress: Progress) => setState((s) => (s.status === "loading" ? { ...s, progress } : s));
      const opened = await engine.call("open", [], { signal: abort.signal, onProgress });
      const loaded = engine;
      // A large table is drawn in slices: the page keeps painting meanwhile.
      startTransition(() => setState({ status: "loaded", fileName: name, engine: loaded, opened }));
    } catch (error) {
      engine?.dispose();
      setState(isCancelled(error) ? { status: "empty", notice: m.cancelled } : { status: "error", text: openError(error, m, locale) });
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
      {state.status === "empty" && state.notice && (
        <MessageBar intent="info" data-testid="open-cancelled">
          <MessageBarBody>{state.notice}</MessageBarBody>
        </MessageBar>
      )}
      {state.status === "loading" && <ProgressView progress={state.progress} onCancel={state.cancel} testId="open-progress" />}
      {state.status === "loaded" ? (
        <Loaded key={state.fileName} fileName={state.fileName} engine={state.engine} opened={state.opened} onClose={() => setState({ status: "empty" })} />
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

function Loaded({ fileName, engine, opened, onClose }: { fileName: string; engine: WorkerEngine; opened: OpenedView; onClose: () => void }) {
  const m = useMessages();
  const styles = useStyles();
  const wide = useWide();
  const [table, setTable] = useState(opened.table);
  const [tableSummary, setTableSummary] = useState(opened.summary);
  const [highlight, setHighlight] = useState<number>();
  const [tab, setTab] = useState<"findings" | "rows">("findings");
  // Changes made through the engine (a fixed rating, an ignore, a sheet) and not yet saved with 「変更したブックを保存」.
  const [dirty, setDirty] = useState(false);
  const [asking, setAsking] = useState(false);

  useEffect(() => engine.onWrite(() => setDirty(true)), [engine]);
  // Closing the file ends its engine (the worker and what it holds).
  useEffect(() => () => engine.dispose(), [engine]);

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

  /** Hands a workbook to the user as a download named after the file opened; returns the name. */
  function offer(bytes: Uint8Array, suffix: string): string {
    const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" }));
    const link = document.createElement("a");
    link.href = url;
    link.download = `${fileName.replace(/\.xlsx$/i, "")}（${suffix}）.xlsx`;
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
    return link.download;
  }

  /** The workbook as it is now, downloaded. A report or an export downloaded so is not the save: the changes stay unsaved. */
  const download = async (suffix: string, options: CallOptions = {}) => offer(await engine.call("save", [], options), suffix);
  const save = {
    unsaved: dirty,
    run: async (options: CallOptions) => {
      const name = await download(m.checkedSuffix, options);
      setDirty(false);
      return fill(m.saved, { file: name });
    },
  };

  const close = () => (dirty ? setAsking(true) : onClose());
  const tabs = useRef<HTMLDivElement>(null);
  const showTab = (value: "findings" | "rows") => {
    setTab(value);
    // The chosen view starts at the top of the window, under its tabs.
    requestAnimationFrame(() => tabs.current?.scrollIntoView({ block: "start" }));
  };
  const onChecked = useCallback((run: PaneRun) => {
    setTable(run.table);
    setTableSummary(run.tableSummary);
  }, []);
  const onNavigate = useCallback((finding: { row?: number }) => setHighlight(finding.row), []);
  const rows = <RowsView table={table} highlight={highlight} shown={wide || tab === "rows"} />;
  const pane = (
    <div className={styles.stack}>
      <TableSummary table={table} summary={tableSummary} />
      <CheckPane
        engine={engine}
        rows={tableSummary.rows}
        autoFocus
        shown={wide || tab === "findings"}
        save={save}
        onChecked={onChecked}
        onNavigate={onNavigate}
        onShowRow={(row) => {
          setHighlight(row);
          if (!wide) showTab("rows");
        }}
        onSheetWritten={async (kind, _sheet, options) => void (await download(kind === "report" ? m.reportSuffix : m.exportSuffix, options))}
        onFileMade={async (bytes, suffix) => void offer(bytes, suffix)}
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
          <ViewTabs
            listRef={tabs}
            selected={tab}
            onSelect={showTab}
            testId="view-tabs"
            tabs={[
              { value: "findings", label: m.findingsTab, panel: "view-findings" },
              { value: "rows", label: m.rowsTab, panel: "view-rows" },
            ]}
          />
          {/* Both stay mounted: switching keeps the walk and the row view's place; the hidden one draws nothing. */}
          <div hidden={tab !== "findings"} role="tabpanel" id="view-findings" aria-labelledby="view-findings-tab">
            {pane}
          </div>
          <div hidden={tab !== "rows"} role="tabpanel" id="view-rows" aria-labelledby="view-rows-tab" className={styles.narrowRows}>
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
                  void save.run({}).then(() => {
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
