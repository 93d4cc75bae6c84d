import { Memo } from "../../core/memo";
import type { PortCapabilities, WorkbookPort } from "../../core/port";
import { runAction, type ActionArgs, type ActionName, type ActionResult, type EngineContext, type Progress } from "./actions";
import { cancelled } from "./protocol";

export type { ActionName, Progress };

export interface CallOptions {
  /** Aborting stops waiting at once; the engine stops the work where it can (the worker is ended). */
  signal?: AbortSignal;
  onProgress?: (progress: Progress) => void;
}

/**
 * The one interface the pane talks to: every action by name, as an async call with progress and a
 * cancel. File mode's engine runs them in a worker (WorkerEngine); in Excel, LocalEngine runs them on the
 * page, where Office.js must be called, and yields between steps so that frames are painted.
 */
export interface PaneEngine {
  readonly can: PortCapabilities;
  /** The workbook is a file in memory that the pane offers to save (file mode). */
  readonly canSave: boolean;
  call<N extends ActionName>(name: N, args: ActionArgs<N>, options?: CallOptions): Promise<ActionResult<N>>;
  /** The host's own command asking for a check (Excel's ribbon button); returns the unsubscribe. */
  onCheckRequested(listener: () => void): () => void;
  /** Ends the engine's work and frees what it holds (closing a file). */
  dispose(): void;
}

/** Lets the browser paint a frame (the progress just set) before the next step runs. */
export function nextFrame(): Promise<void> {
  return new Promise((done) => {
    if (typeof requestAnimationFrame === "function") requestAnimationFrame(() => setTimeout(done, 0));
    else setTimeout(done, 0);
  });
}

/** Settles with the promise, or rejects at once when the signal aborts (the work itself is left to end). */
export function abortable<T>(promise: Promise<T>, signal?: AbortSignal): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted) return Promise.reject(cancelled());
  return new Promise<T>((resolve, reject) => {
    const abort = () => reject(cancelled());
    signal.addEventListener("abort", abort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener("abort", abort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener("abort", abort);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}

/**
 * The actions on the page, over a port that must stay there (Office.js). Each call first lets a frame be
 * painted; a cancelled call is answered at once and its result dropped.
 */
export class LocalEngine implements PaneEngine {
  readonly canSave: boolean;
  private readonly context: EngineContext;
  private onProgress: ((progress: Progress) => void) | undefined;

  constructor(private readonly port: WorkbookPort) {
    this.canSave = typeof (port as { save?: unknown }).save === "function";
    this.context = { port, memo: new Memo(), progress: (progress) => this.onProgress?.(progress) };
  }

  get can(): PortCapabilities {
    return this.port.can;
  }

  async call<N extends ActionName>(name: N, args: ActionArgs<N>, options: CallOptions = {}): Promise<ActionResult<N>> {
    this.onProgress = options.onProgress;
    try {
      await nextFrame();
      if (options.signal?.aborted) throw cancelled();
      return await abortable(runAction(this.context, name, args), options.signal);
    } finally {
      this.onProgress = undefined;
    }
  }

  onCheckRequested(listener: () => void): () => void {
    return this.port.onCheckRequested(listener);
  }

  dispose(): void {
    this.context.run = undefined;
    this.context.diff = undefined;
  }
}
