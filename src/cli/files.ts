import { randomBytes } from "node:crypto";
import { lstat, open, readFile, realpath, rename, stat, unlink } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import type { CliMessages } from "./messages";
import type { CliIo } from "./io";

/**
 * Reading the input and writing the output of the commands, so that the input is never overwritten
 * and a failed write never leaves a half file (docs/contracts/cli.md, "Files"):
 * - the output is compared with the input by what they are, not how they are named: the real path of
 *   each (symbolic links and linked folders resolved) and the device and inode (hard links);
 * - an existing output is replaced only with --force;
 * - the output is written to a temporary file in its own folder, then renamed over the name: a symbolic
 *   link at the output's name is replaced, never written through;
 * - "-o -" (standard output) is refused: a workbook is binary.
 */

export type ReadFailure = "missing" | "directory" | "unreadable";

/** Reads a file the user named; says why not in a word the caller turns into a message. */
export async function readUserFile(path: string): Promise<{ bytes: Buffer } | { failure: ReadFailure }> {
  try {
    const info = await stat(path);
    if (info.isDirectory()) return { failure: "directory" };
    return { bytes: await readFile(path) };
  } catch (error) {
    return { failure: (error as NodeJS.ErrnoException).code === "ENOENT" ? "missing" : "unreadable" };
  }
}

/** The message of a read failure. */
export function readFailureText(failure: ReadFailure, file: string, m: CliMessages): string {
  return failure === "directory" ? m.isDirectory(file) : failure === "missing" ? m.notFound(file) : m.cannotRead(file);
}

/** Whether two paths name the same file (same real path, or same device and inode). */
export async function sameFile(a: string, b: string): Promise<boolean> {
  const [realA, realB] = await Promise.all([realpathOrParent(a), realpathOrParent(b)]);
  if (realA === realB) return true;
  try {
    const [statA, statB] = await Promise.all([stat(a), stat(b)]);
    return statA.dev === statB.dev && statA.ino === statB.ino;
  } catch {
    return false; // one of them does not exist yet
  }
}

/** The real path of a file, or of its folder joined with its name when the file does not exist yet. */
async function realpathOrParent(path: string): Promise<string> {
  try {
    return await realpath(path);
  } catch {
    try {
      return join(await realpath(dirname(path)), basename(path));
    } catch {
      return path;
    }
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await lstat(path);
    return true;
  } catch {
    return false;
  }
}

export type WriteFailure = "stdout" | "exists" | "same" | "unwritable";

/** Checks an output before anything is computed: not stdout, not the input, not existing unless forced. */
export async function checkOutput(input: string, output: string, force: boolean): Promise<WriteFailure | undefined> {
  if (output === "-") return "stdout";
  if (await sameFile(input, output)) return "same";
  if (!force && (await exists(output))) return "exists";
  return undefined;
}

/** Writes the output through a temporary file in its folder and a rename; nothing is left on failure. */
export async function writeOutput(output: string, bytes: Uint8Array): Promise<boolean> {
  const temp = join(dirname(output), `.${basename(output)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`);
  try {
    const handle = await open(temp, "wx", 0o644);
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, output);
    return true;
  } catch {
    await unlink(temp).catch(() => undefined);
    return false;
  }
}

/** The message of an output refused or failed. */
export function writeFailureText(failure: WriteFailure, file: string, m: CliMessages): string {
  switch (failure) {
    case "stdout":
      return m.noStdout;
    case "same":
      return m.sameInputOutput;
    case "exists":
      return m.outputExists(file);
    default:
      return m.cannotWrite(file);
  }
}

/**
 * The INPUT and -o OUTPUT of a command that writes a new file: both given, the output checked (see
 * above), the input read. Returns the bytes, or undefined after saying in one line what is wrong.
 */
export async function readInputForOutput(
  input: string | undefined,
  output: string | undefined,
  options: { missing: string; force: boolean },
  m: CliMessages,
  io: CliIo,
): Promise<{ input: string; output: string; bytes: Buffer } | undefined> {
  if (!input || !output) {
    io.err(options.missing);
    return undefined;
  }
  const read = await readUserFile(input);
  if ("failure" in read) {
    io.err(readFailureText(read.failure, input, m));
    return undefined;
  }
  const refused = await checkOutput(input, output, options.force);
  if (refused) {
    io.err(writeFailureText(refused, output, m));
    return undefined;
  }
  return { input, output, bytes: read.bytes };
}

/** Writes the output of a command, saying in one line when it cannot. */
export async function writeCommandOutput(output: string, bytes: Uint8Array, m: CliMessages, io: CliIo): Promise<boolean> {
  if (await writeOutput(output, bytes)) return true;
  io.err(m.cannotWrite(output));
  return false;
}
