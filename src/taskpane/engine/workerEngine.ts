import type { PortCapabilities } from "../../core/port";
import type { ActionArgs, ActionName, ActionResult, Progress } from "./actions";
import type { CallOptions, PaneEngine } from "./engine";
import { cancelled, receivedError, type FromWorker, type JournalEntry, type StreamPath, type ToWorker } from "./protocol";

interface Pending {
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
  onProgress: ((progress: Progress) => void) | undefined;
  value?: unknown;
  /** The long lists of the result being received, and how many items are still to come. */
  lists: Map<StreamPath, unknown[]>;
  expected: number;
}

/** The file port's capabilities (src/xlsx/workbookPort.ts): no marks, entry rules, no opening of workbooks. */
const FILE_CAN: PortCapabilities = { marks: false, guards: true, openWorkbook: false };

/**
 * File mode's engine: a worker (engine.worker.ts) holds the workbook and runs the actions. A cancel ends
 * the worker at once; the next call starts a fresh one from the file's bytes and the writes made so far
 * (the journal the worker sent), so nothing done before the cancel is lost.
 */
export class WorkerEngine implements PaneEngine {
  readonly can = FILE_CAN;
  readonly canSave = true;
  private worker: Worker | undefined;
  private readonly journal: JournalEntry[] = [];
  private readonly pending = new Map<number, Pending>();
  private next = 1;

  private readonly writeListeners = new Set<() => void>();

  /** `bytes` stays with the page: a copy goes to each worker. */
  constructor(private readonly bytes: ArrayBuffer) {}

  /** Hears of each change made to the workbook (a write through the port); returns the unsubscribe. */
  onWrite(listener: () => void): () => void {
    this.writeListeners.add(listener);
    return () => this.writeListeners.delete(listener);
  }

  private spawn(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(/* webpackChunkName: "engine" */ new URL("./engine.worker.ts", import.meta.url), { name: "plan-progress-engine" });
    worker.onmessage = (event: MessageEvent<FromWorker>) => this.receive(event.data);
    worker.onerror = (event) => {
      event.preventDefault();
      this.stop(new Error(event.message || "worker failed"));
    };
    const copy = this.bytes.slice(0);
    worker.postMessage({ type: "init", bytes: copy, journal: [...this.journal] } satisfies ToWorker, [copy]);
    this.worker = worker;
    return worker;
  }

  /** Ends the worker and fails every call waiting on it. */
  private stop(reason: Error): void {
    this.worker?.terminate();
    this.worker = undefined;
    const waiting = [...this.pending.values()];
    this.pending.clear();
    for (const call of waiting) call.reject(reason);
  }

  private receive(message: FromWorker): void {
    if (message.type === "journal") {
      this.journal.push(message.entry);
      for (const listener of this.writeListeners) listener();
      return;
    }
    const call = this.pending.get(message.id);
    if (!call) return;
    switch (message.type) {
      case "progress":
        call.onProgress?.(message.progress);
        break;
      case "result": {
        call.value = message.value;
        for (const { path, total } of message.streamed) {
          const [outer, inner] = path.split(".") as [string, string];
          const list: unknown[] = [];
          ((call.value as Record<string, Record<string, unknown>>)[outer] as Record<string, unknown>)[inner] = list;
          call.lists.set(path, list);
          call.expected += total;
        }
        break;
      }
      case "chunk": {
        const list = call.lists.get(message.path);
        for (const item of message.items) list?.push(item);
        let done = 0;
        for (const received of call.lists.values()) done += received.length;
        const unit = call.lists.size === 1 && call.lists.has("table.rows") ? "rows" : "items";
        call.onProgress?.({ step: "receive", done, total: call.expected, unit });
        break;
      }
      case "done":
        this.pending.delete(message.id);
        call.resolve(call.value);
        break;
      case "error":
        this.pending.delete(message.id);
        call.reject(receivedError(message.error));
        break;
    }
  }

  call<N extends ActionName>(name: N, args: ActionArgs<N>, options: CallOptions = {}): Promise<ActionResult<N>> {
    if (options.signal?.aborted) return Promise.reject(cancelled());
    const id = this.next++;
    const worker = this.spawn();
    return new Promise<ActionResult<N>>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject, onProgress: options.onProgress, lists: new Map(), expected: 0 });
      options.signal?.addEventListener("abort", () => this.pending.has(id) && this.stop(cancelled()), { once: true });
      worker.postMessage({ type: "call", id, name, args: args as unknown[] } satisfies ToWorker);
    });
  }

  onCheckRequested(): () => void {
    return () => undefined;
  }

  dispose(): void {
    this.stop(cancelled());
  }
}
