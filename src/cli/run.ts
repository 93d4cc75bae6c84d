import { parseArgs } from "node:util";
import { parseFiscalYear } from "../core/fiscalYear";
import { CLI_MESSAGES, type CliLocale, type CliMessages } from "./messages";

/** Exit codes of spec/cli.md: 0 ran without error findings, 1 error findings, 2 could not run. */
export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE = 2;

export interface CliIo {
  out: (line: string) => void;
  err: (line: string) => void;
  version: string;
}

type Command = (args: string[], m: CliMessages, io: CliIo) => Promise<number> | number;

function fy(args: string[], m: CliMessages, io: CliIo): number {
  const { positionals, values } = parseArgs({
    args,
    allowPositionals: true,
    options: { help: { type: "boolean", short: "h" }, lang: { type: "string" } },
  });
  if (values.help) {
    io.out(m.fyUsage);
    return EXIT_OK;
  }
  const text = positionals.join(" ").trim();
  if (!text) {
    io.err(m.missingText);
    return EXIT_USAGE;
  }
  const year = parseFiscalYear(text);
  if (year === undefined) {
    io.err(m.fyNotFound(text));
    return EXIT_USAGE;
  }
  io.out(String(year));
  return EXIT_OK;
}

const COMMANDS: Readonly<Record<string, Command>> = { fy };

/** Reads --lang wherever it stands, before the command parses its own options. */
function localeOf(argv: string[]): CliLocale {
  const index = argv.findIndex((a) => a === "--lang" || a.startsWith("--lang="));
  if (index < 0) return "ja";
  const value = argv[index]?.includes("=") ? argv[index]?.split("=")[1] : argv[index + 1];
  return value === "en" ? "en" : "ja";
}

export async function run(argv: string[], io: CliIo): Promise<number> {
  const m = CLI_MESSAGES[localeOf(argv)];
  const [name, ...rest] = argv;
  if (name === undefined || name === "-h" || name === "--help" || name === "help") {
    io.out(m.usage);
    return name === undefined ? EXIT_USAGE : EXIT_OK;
  }
  if (name === "-v" || name === "--version") {
    io.out(io.version);
    return EXIT_OK;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.err(m.unknownCommand(name));
    return EXIT_USAGE;
  }
  try {
    return await command(rest, m, io);
  } catch (error) {
    // parseArgs reports unknown or malformed options; a user error never shows a stack trace.
    const code = (error as { code?: string }).code;
    if (typeof code === "string" && code.startsWith("ERR_PARSE_ARGS")) {
      io.err(m.badOption((error as Error).message));
      return EXIT_USAGE;
    }
    throw error;
  }
}
