import { Button, Card, CardHeader, MessageBar, MessageBarBody, Select, Text, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { startTransition, useRef, useState, type ComponentType, type DragEvent } from "react";
import type { Progress } from "./engine/engine";
import { isCancelled } from "./engine/protocol";
import type { OpenedView } from "./engine/view";
import { WorkerEngine } from "./engine/workerEngine";
import { describeError } from "./errors";
import { useLocale, useMessages } from "./i18n";
import { XlsxPicker } from "./XlsxPicker";
import { ProgressView } from "./check/ProgressView";
import type { Locale, Messages } from "./messages";

/** The samples the pane offers: Kodaira's table, and a table in another city's own layout (seeds/README.md). */
const SAMPLES = [
  { file: "kodaira-r2.xlsx", label: "sampleKodaira" },
  { file: "sado-2006.xlsx", label: "sampleSado" },
] as const;

type LoadedView = ComponentType<{ fileName: string; engine: WorkerEngine; opened: OpenedView; onClose: () => void }>;

/**
 * The opened workbook's view (the check, the table's rows): downloaded beside the reader when a file is
 * opened, not with the pane's first scripts.
 */
async function loadedView(): Promise<LoadedView> {
  const { Loaded } = await import(/* webpackChunkName: "file-loaded" */ "./FileLoaded");
  return Loaded;
}

type State =
  | { status: "empty"; notice?: string }
  | { status: "loading"; progress?: Progress; cancel: () => void }
  | { status: "loaded"; fileName: string; engine: WorkerEngine; opened: OpenedView; Loaded: LoadedView }
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
      const [opened, Loaded] = await Promise.all([engine.call("open", [], { signal: abort.signal, onProgress }), loadedView()]);
      const loaded = engine;
      // A large table is drawn in slices: the page keeps painting meanwhile.
      startTransition(() => setState({ status: "loaded", fileName: name, engine: loaded, opened, Loaded }));
    } catch (error) {
      engine?.dispose();
      setState(isCancelled(error) ? { status: "empty", notice: m.cancelled } : { status: "error", text: openError(error, m, locale) });
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
      {state.status === "empty" && state.notice && (
        <MessageBar intent="info" data-testid="open-cancelled">
          <MessageBarBody>{state.notice}</MessageBarBody>
        </MessageBar>
      )}
      {state.status === "loading" && <ProgressView progress={state.progress} onCancel={state.cancel} testId="open-progress" />}
      {state.status === "loaded" ? (
        <state.Loaded key={state.fileName} fileName={state.fileName} engine={state.engine} opened={state.opened} onClose={() => setState({ status: "empty" })} />
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
