import { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, type CliIo } from "./io";
import { CLI_MESSAGES, type CliLocale, type CliMessages } from "./messages";
import { visible } from "./terminal";

/** Exit codes of docs/contracts/cli.md: 0 ran without error findings, 1 error findings, 2 could not run. */
export { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE };
export type { CliIo };

type Command = (args: string[], m: CliMessages, io: CliIo, locale: CliLocale) => Promise<number> | number;

/** A command whose module is loaded when it runs: a run loads (parses, compiles) only its own command's code. */
const lazy =
  (load: () => Promise<Command>): Command =>
  async (...args) =>
    (await load())(...args);

const COMMANDS: Readonly<Record<string, Command>> = {
  check: lazy(async () => (await import("./check")).check),
  diff: lazy(async () => (await import("./diff")).diff),
  report: lazy(async () => (await import("./report")).report),
  rollover: lazy(async () => (await import("./rollover")).rollover),
  fy: lazy(async () => (await import("./fy")).fy),
  metrics: lazy(async () => (await import("./metrics")).metrics),
  "import-text": lazy(async () => (await import("./importText")).importText),
  split: lazy(async () => (await import("./split")).split),
  merge: lazy(async () => (await import("./merge")).merge),
  export: lazy(async () => (await import("./export")).exportCommand),
};

/** Reads --lang wherever it stands, before the command parses its own options. */
function localeOf(argv: string[]): CliLocale {
  const index = argv.findIndex((a) => a === "--lang" || a.startsWith("--lang="));
  if (index < 0) return "ja";
  const value = argv[index]?.includes("=") ? argv[index]?.split("=")[1] : argv[index + 1];
  return value === "en" ? "en" : "ja";
}

export async function run(argv: string[], rawIo: CliIo): Promise<number> {
  // Every line is made safe for a terminal: text from cells never reaches it as control characters.
  const io: CliIo = {
    ...rawIo,
    out: (line) => rawIo.out(visible(line)),
    err: (line) => rawIo.err(visible(line)),
    ...(rawIo.progress ? { progress: (line: string) => rawIo.progress?.(visible(line)) } : {}),
  };
  const locale = localeOf(argv);
  const m = CLI_MESSAGES[locale];
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
    return await command(rest, m, io, locale);
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
