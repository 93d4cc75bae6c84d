import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useCallback, useEffect, useRef, useState } from "react";
import type { CallOptions } from "./engine/engine";
import type { OpenedView, PaneRun } from "./engine/view";
import type { WorkerEngine } from "./engine/workerEngine";
import { useMessages } from "./i18n";
import { TableSummary } from "./TableSummary";
import { ViewTabs } from "./ViewTabs";
import { CheckPane } from "./check/CheckPane";
import { RowsView } from "./check/RowsView";
import { fill } from "./messages";

/**
 * The opened workbook's view in file mode (the check, the table's rows): a chunk of its own, downloaded
 * beside the reader when a file is opened, so that the pane's first download stays small.
 */
const useStyles = makeStyles({
  stack: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
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

/** The workbook's extension, kept for the downloads: a macro-enabled workbook stays one. */
const extensionOf = (fileName: string): string => (/\.xlsm$/i.test(fileName) ? ".xlsm" : ".xlsx");
const MEDIA_TYPE: Record<string, string> = {
  ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  ".xlsm": "application/vnd.ms-excel.sheet.macroEnabled.12",
};

export function Loaded({ fileName, engine, opened, onClose }: { fileName: string; engine: WorkerEngine; opened: OpenedView; onClose: () => void }) {
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
    const extension = extensionOf(fileName);
    const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: MEDIA_TYPE[extension] }));
    const link = document.createElement("a");
    link.href = url;
    link.download = `${fileName.replace(/\.xls[xm]$/i, "")}（${suffix}）${extension}`;
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
