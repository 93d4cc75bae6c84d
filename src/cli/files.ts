import { isAscii, isUtf8, transcode } from "node:buffer";
import { closeSync, constants, fstatSync, openSync, readSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import type { CliMessages } from "./messages";
import type { CliIo } from "./io";

/**
 * Reading the input and writing the output of the commands, so that the input is never overwritten
 * and a failed write never leaves a half file (docs/contracts/cli.md, "Files"):
 * - the output is compared with the input by what they are, not how they are named: the real path of
 *   each (symbolic links and linked folders resolved) and the device and inode (hard links);
 * - an existing output is replaced only with --force;
 * - the output is written to a temporary file in its own folder, then published under its name: with a
 *   link that fails when the name exists (two runs writing the same new output: one of them says the
 *   output exists), or with --force renamed over the name; a symbolic link at the output's name is
 *   replaced, never written through;
 * - "-o -" (standard output) is refused: a workbook is binary;
 * - only regular files are read (a device such as /dev/zero or a named pipe never ends), and never more
 *   than the reader reads of a workbook, whatever size the file says it has or grows to.
 */

/**
 * The most any input is read: the reader's own bound on a workbook file (ZipLimits.fileBytes,
 * src/xlsx/zip.ts; tests/unit/cliFiles.test.ts holds the two equal).
 */
export const INPUT_LIMIT_BYTES = 512 * 1024 * 1024;

export type ReadFailure = "missing" | "directory" | "unreadable" | "notRegular" | "tooLarge";

/**
 * node:fs/promises, loaded by the commands that write: Node compiles it on first use (some milliseconds
 * of a check's start, which reads with node:fs alone).
 */
const fsPromises = () => import("node:fs/promises");

/**
 * Reads a file the user named; says why not in a word the caller turns into a message. The file is
 * opened without waiting (a named pipe with no writer would hang an open), and only a regular file is
 * read, to its end or to `limit` bytes: the size it states is not trusted (it may grow while read).
 */
export async function readUserFile(path: string, limit = INPUT_LIMIT_BYTES): Promise<{ bytes: Buffer } | { failure: ReadFailure; bytes?: number }> {
  // Read with node:fs's synchronous calls: the files are read one after another anyway.
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { failure: code === "ENOENT" || code === "ENOTDIR" ? "missing" : code === "EISDIR" ? "directory" : "unreadable" };
  }
  try {
    const info = fstatSync(fd);
    if (info.isDirectory()) return { failure: "directory" };
    if (!info.isFile()) return { failure: "notRegular" };
    if (info.size > limit) return { failure: "tooLarge", bytes: info.size };
    let buffer = Buffer.allocUnsafe(Math.min(limit, info.size) + 1);
    let length = 0;
    for (;;) {
      if (length === buffer.length) {
        if (length > limit) return { failure: "tooLarge", bytes: length };
        const grown = Buffer.allocUnsafe(Math.min(limit + 1, Math.max(buffer.length * 2, 64 * 1024)));
        buffer.copy(grown, 0, 0, length);
        buffer = grown;
      }
      const bytesRead = readSync(fd, buffer, length, buffer.length - length, null);
      if (bytesRead === 0) break;
      length += bytesRead;
    }
    if (length > limit) return { failure: "tooLarge", bytes: length };
    return { bytes: buffer.subarray(0, length) };
  } catch {
    return { failure: "unreadable" };
  } finally {
    closeSync(fd);
  }
}

const utf8Decoder = new TextDecoder("utf-8");

/**
 * The reader's UTF-8 decoding with Node's buffer functions (src/xlsx/reader.ts, Utf8Decoder): the same
 * text as TextDecoder, several times sooner on a large part. A sheet's XML is mostly ASCII and is copied
 * as such (latin1 is ASCII there); text in Japanese is transcoded to UTF-16 by ICU and taken as it is,
 * where TextDecoder decodes it character by character. Bytes that are not valid UTF-8 go to TextDecoder,
 * which says what replaces them. tests/unit/speedReader.test.ts holds the two equal.
 */
export const nodeUtf8 = (bytes: Uint8Array): string => {
  const whole = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // TextDecoder drops a leading byte-order mark.
  const body = whole[0] === 0xef && whole[1] === 0xbb && whole[2] === 0xbf ? whole.subarray(3) : whole;
  if (isAscii(body)) return body.toString("latin1");
  if (isUtf8(body)) return transcode(body, "utf8", "utf16le").toString("utf16le");
  return utf8Decoder.decode(bytes);
};

const MB = (bytes: number) => `${Math.round(bytes / 1024 / 1024).toLocaleString("en-US")} MB`;

/** The message of a read failure. */
export function readFailureText(failure: ReadFailure, file: string, m: CliMessages, bytes?: number): string {
  switch (failure) {
    case "directory":
      return m.isDirectory(file);
    case "missing":
      return m.notFound(file);
    case "notRegular":
      return m.notRegularFile(file);
    case "tooLarge":
      return m.fileTooLarge(file, bytes === undefined ? undefined : MB(bytes), MB(INPUT_LIMIT_BYTES));
    default:
      return m.cannotRead(file);
  }
}

/** Whether two paths name the same file (same real path, or same device and inode). */
export async function sameFile(a: string, b: string): Promise<boolean> {
  const [realA, realB] = await Promise.all([realpathOrParent(a), realpathOrParent(b)]);
  if (realA === realB) return true;
  const { stat } = await fsPromises();
  try {
    const [statA, statB] = await Promise.all([stat(a), stat(b)]);
    return statA.dev === statB.dev && statA.ino === statB.ino;
  } catch {
    return false; // one of them does not exist yet
  }
}

/** The real path of a file, or of its folder joined with its name when the file does not exist yet. */
async function realpathOrParent(path: string): Promise<string> {
  const { realpath } = await fsPromises();
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
  const { lstat } = await fsPromises();
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

/** The outputs this run may replace: those checked with --force (checkOutput). */
const replaceable = new Set<string>();

export type WriteResult = "written" | "exists" | "failed";

/** Filesystems without hard links (FAT on a memory stick, some network shares) say so with these. */
const NO_LINKS = new Set(["EPERM", "ENOTSUP", "EOPNOTSUPP", "ENOSYS", "EXDEV", "EMLINK"]);

/**
 * Writes the output through a temporary file in its folder, then publishes it: renamed over the name
 * when it may be replaced (--force), else linked to the name, which fails when the name exists ("exists":
 * another run, or anyone, made it since it was checked). Where the filesystem has no hard links, an
 * exclusive copy does the same. Nothing is left on failure but what was there.
 */
export async function writeOutput(output: string, bytes: Uint8Array, options: { replace?: boolean } = {}): Promise<WriteResult> {
  const replace = options.replace ?? replaceable.has(output);
  // node:crypto is loaded only by a command that writes (a check never does).
  const { randomBytes } = await import("node:crypto");
  const { copyFile, link, open, rename, unlink } = await fsPromises();
  const temp = join(dirname(output), `.${basename(output)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`);
  try {
    const handle = await open(temp, "wx", 0o644);
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    if (replace) {
      await rename(temp, output);
      return "written";
    }
    try {
      await link(temp, output);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? "";
      if (code === "EEXIST") return "exists";
      if (!NO_LINKS.has(code)) throw error;
      await copyFile(temp, output, constants.COPYFILE_EXCL);
    }
    return "written";
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EEXIST" ? "exists" : "failed";
  } finally {
    await unlink(temp).catch(() => undefined);
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
    io.err(readFailureText(read.failure, input, m, read.bytes));
    return undefined;
  }
  const refused = await checkOutput(input, output, options.force);
  if (refused) {
    io.err(writeFailureText(refused, output, m));
    return undefined;
  }
  if (options.force) replaceable.add(output);
  return { input, output, bytes: read.bytes };
}

/**
 * Writes the output of a command, saying in one line when it cannot; it replaces an existing output
 * only when the command was given --force (readInputForOutput), or when `replace` says so.
 */
export async function writeCommandOutput(output: string, bytes: Uint8Array, m: CliMessages, io: CliIo, options: { replace?: boolean } = {}): Promise<boolean> {
  const result = await writeOutput(output, bytes, options);
  if (result === "written") return true;
  io.err(result === "exists" ? m.outputExists(output) : m.cannotWrite(output));
  return false;
}
