import type { WorkbookRead } from "../core/port";
import { WorkbookError } from "../core/workbook/error";
import { nodeUtf8, readUserFile, type ReadFailure } from "./files";
import { nodeInflater } from "./inflate";

/**
 * One year's workbook read for the comparison, as data a worker can post: each way it can end, in the
 * order the diff reports them (the file, then its package, then its table). An error that is not the
 * workbook's is kept as its text and thrown where it is reported (an internal error, as before).
 */
export type YearOutcome =
  | { kind: "read"; read: WorkbookRead }
  | { kind: "unreadable"; failure: ReadFailure; bytes?: number }
  | { kind: "package"; code: string; text: WorkbookError["text"] }
  | { kind: "table"; code: string; text: WorkbookError["text"] }
  | { kind: "crash"; stage: "package" | "table"; message: string };

export async function readYear(file: string): Promise<YearOutcome> {
  const read = await readUserFile(file);
  if ("failure" in read) return { kind: "unreadable", failure: read.failure, ...(read.bytes === undefined ? {} : { bytes: read.bytes }) };
  const { XlsxWorkbookPort } = await import("../xlsx/workbookPort");
  let port: Awaited<ReturnType<typeof XlsxWorkbookPort.load>>;
  try {
    // Inflated on the reading's own thread: a large pair is read by two threads side by side (diff.ts), and
    // zlib's pool would only add threads competing for the same cores (measured: 0.1 s slower).
    port = await XlsxWorkbookPort.load(read.bytes, { inflate: nodeInflater, utf8: nodeUtf8 });
  } catch (error) {
    if (error instanceof WorkbookError) return { kind: "package", code: error.code, text: error.text };
    return { kind: "crash", stage: "package", message: messageOf(error) };
  }
  try {
    return { kind: "read", read: await port.read() };
  } catch (error) {
    if (error instanceof WorkbookError) return { kind: "table", code: error.code, text: error.text };
    return { kind: "crash", stage: "table", message: messageOf(error) };
  }
}

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));
