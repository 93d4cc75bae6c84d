import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import type { CliMessages } from "./messages";
import type { CliIo } from "./io";

/**
 * The INPUT and -o OUTPUT of a command that writes a new file: both given, never the same file, and
 * the input read. Returns the bytes, or undefined after saying in one line what is wrong.
 */
export async function readInputForOutput(
  input: string | undefined,
  output: string | undefined,
  messages: { missing: string; unreadable: (file: string) => string },
  m: CliMessages,
  io: CliIo,
): Promise<{ input: string; output: string; bytes: Buffer } | undefined> {
  const { missing, unreadable } = messages;
  if (!input || !output) {
    io.err(missing);
    return undefined;
  }
  if (resolve(input) === resolve(output)) {
    io.err(m.sameInputOutput);
    return undefined;
  }
  try {
    return { input, output, bytes: await readFile(input) };
  } catch {
    io.err(unreadable(input));
    return undefined;
  }
}
