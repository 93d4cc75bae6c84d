import { isatty } from "node:tty";
import { run } from "./run";
import { oneLine, visible } from "./terminal";

declare const PACKAGE_VERSION: string | undefined;

const io = {
  out: (line: string) => process.stdout.write(`${line}\n`),
  // A message to standard error is one line, whatever a file name or a sheet name put in it.
  err: (line: string) => process.stderr.write(`plan-progress: ${oneLine(line)}\n`),
  // Asked of the descriptor: process.stderr, a stream, is made (some milliseconds) only when written to.
  ...(isatty(2) ? { progress: (line: string) => process.stderr.write(`${line}\n`) } : {}),
  version: typeof PACKAGE_VERSION === "string" ? PACKAGE_VERSION : "0.0.0",
};

// A reader that stops early (plan-progress check … | head) is not an error.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
  throw error;
});

run(process.argv.slice(2), io).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    // An internal error: one line, and the details only when asked for.
    process.stderr.write(`plan-progress: 内部エラー / internal error: ${oneLine(visible((error as Error).message))}\n`);
    if (process.env.PLAN_PROGRESS_DEBUG) process.stderr.write(`${(error as Error).stack ?? ""}\n`);
    process.exitCode = 2;
  },
);
