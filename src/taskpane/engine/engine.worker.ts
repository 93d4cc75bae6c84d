/// <reference lib="webworker" />
// File mode's engine, off the page's thread: it holds the workbook (the file port over its bytes) and runs
// the pane's actions on it (actions.ts), sending progress and its results in chunks. The page talks to it
// through WorkerEngine (workerEngine.ts) only.
import { Memo } from "../../core/memo";
import { XlsxWorkbookPort, streamInflater } from "../../xlsx/workbookPort";
import { runAction, type EngineContext, type Progress } from "./actions";
import { journaled, replay } from "./journal";
import { CHUNK_ITEMS, STREAM_PATHS, arrayAt, sendError, withoutArray, type FromWorker, type JournalEntry, type ToWorker } from "./protocol";

declare const self: DedicatedWorkerGlobalScope;

const post = (message: FromWorker, transfer: Transferable[] = []) => self.postMessage(message, transfer);

let bytes: ArrayBuffer | undefined;
let journal: JournalEntry[] = [];
let context: EngineContext | undefined;
let current = 0;
// One call at a time, in the order they came: a call waits for the one before.
let queue: Promise<void> = Promise.resolve();

const progress = (p: Progress) => post({ type: "progress", id: current, progress: p });

/** The port, read from the bytes the first time; a fresh worker replays the writes made before. */
async function ready(): Promise<EngineContext> {
  if (context) return context;
  if (!bytes) throw new Error("no workbook");
  progress({ step: journal.length > 0 ? "reopen" : "open", total: bytes.byteLength });
  // The browser's own inflation where it has it (a large workbook opens several times faster), else fflate.
  const inflateAsync = streamInflater();
  const port = await XlsxWorkbookPort.load(bytes, inflateAsync ? { inflateAsync } : {});
  await replay(port, journal);
  journal = [];
  // Each write made from now on is sent to the page, which keeps them for a fresh worker.
  context = { port: journaled(port, (entry) => post({ type: "journal", entry })), memo: new Memo(), progress };
  return context;
}

async function call(id: number, name: Parameters<typeof runAction>[1], args: unknown[]): Promise<void> {
  current = id;
  try {
    const value: unknown = await runAction(await ready(), name, args as never);
    const streamed = STREAM_PATHS.flatMap((path) => {
      const list = arrayAt(value, path);
      return list && list.length > CHUNK_ITEMS[path] ? [{ path, list }] : [];
    });
    const head = streamed.reduce((v, { path }) => withoutArray(v, path), value);
    post({ type: "result", id, value: head, streamed: streamed.map(({ path, list }) => ({ path, total: list.length })) }, value instanceof Uint8Array ? [value.buffer] : []);
    for (const { path, list } of streamed) {
      for (let at = 0; at < list.length; at += CHUNK_ITEMS[path]) post({ type: "chunk", id, path, items: list.slice(at, at + CHUNK_ITEMS[path]) });
    }
    post({ type: "done", id });
  } catch (error) {
    post({ type: "error", id, error: sendError(error) });
  }
}

self.onmessage = (event: MessageEvent<ToWorker>) => {
  const message = event.data;
  if (message.type === "init") {
    bytes = message.bytes;
    journal = message.journal;
    return;
  }
  queue = queue.then(() => call(message.id, message.name, message.args));
};
