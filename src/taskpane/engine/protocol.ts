import { WorkbookError } from "../../core/port";
import type { ActionName, Progress } from "./actions";

/** A write through the port, as the worker made it: replayed on a fresh worker after a cancel. */
export interface JournalEntry {
  method: string;
  args: unknown[];
}

/** What the page sends the worker. */
export type ToWorker =
  /** The file's bytes, and the writes made to it so far (none the first time). */
  | { type: "init"; bytes: ArrayBuffer; journal: JournalEntry[] }
  | { type: "call"; id: number; name: ActionName; args: unknown[] };

/** A failure as it crosses to the page: a WorkbookError keeps its code and both sentences. */
export interface SentError {
  name: string;
  message: string;
  code?: string;
  text?: { ja: string; en: string };
}

/** What the worker sends the page. */
export type FromWorker =
  | { type: "progress"; id: number; progress: Progress }
  /** A result; its long lists (`streamed`) follow in chunks, each delivered as a message of its own. */
  | { type: "result"; id: number; value: unknown; streamed: { path: StreamPath; total: number }[] }
  | { type: "chunk"; id: number; path: StreamPath; items: unknown[] }
  | { type: "done"; id: number }
  | { type: "error"; id: number; error: SentError }
  | { type: "journal"; entry: JournalEntry };

/** The long lists of a result, sent apart so that no message takes the page long to receive. */
export type StreamPath = "table.rows" | "result.findings";
export const STREAM_PATHS: readonly StreamPath[] = ["table.rows", "result.findings"];
/** Items per chunk: a chunk of findings (messages in two languages, evidence) is about half a megabyte. */
export const CHUNK_ITEMS: Record<StreamPath, number> = { "table.rows": 2500, "result.findings": 1500 };

/** The array at a path of a result, when it holds one. */
export function arrayAt(value: unknown, path: StreamPath): unknown[] | undefined {
  const [outer, inner] = path.split(".") as [string, string];
  const holder = (value as Record<string, unknown> | null)?.[outer] as Record<string, unknown> | undefined;
  const list = holder?.[inner];
  return Array.isArray(list) ? list : undefined;
}

/** The result with an empty array at the path (the items follow in chunks). */
export function withoutArray(value: unknown, path: StreamPath): unknown {
  const [outer, inner] = path.split(".") as [string, string];
  const record = value as Record<string, Record<string, unknown>>;
  return { ...record, [outer]: { ...record[outer], [inner]: [] } };
}

export function sendError(error: unknown): SentError {
  if (error instanceof WorkbookError) return { name: error.name, message: error.message, code: error.code, text: { ...error.text } };
  if (error instanceof Error) return { name: error.name, message: error.message };
  return { name: "Error", message: String(error) };
}

/** The failure again, on the page: a WorkbookError (describeError says its sentence) or an Error. */
export function receivedError(sent: SentError): Error {
  if (sent.text) {
    const error = new WorkbookError(sent.code ?? "Unknown", sent.text);
    error.name = sent.name;
    return error;
  }
  return Object.assign(new Error(sent.message), { name: sent.name });
}

/** The failure of a call the person cancelled. */
export function cancelled(): Error {
  return Object.assign(new Error("cancelled"), { name: "AbortError" });
}

export const isCancelled = (error: unknown): boolean => (error as { name?: string } | null)?.name === "AbortError";
