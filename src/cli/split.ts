import { mkdir, stat } from "node:fs/promises";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { splitByDepartment, type SplitResult } from "../core/actions/roundtrip";
import { WorkbookError } from "../core/port";
import { FILLABLE_FIELDS, type FillableField } from "../core/roundtrip/identity";
import { deadlineLabel } from "../core/roundtrip/split";
import { checkOutput, readFailureText, readUserFile, writeCommandOutput, writeFailureText } from "./files";
import { nodeInflater } from "./inflate";
import { EXIT_OK, EXIT_USAGE, type CliIo } from "./io";
import type { CliLocale, CliMessages } from "./messages";
import { oneLine } from "./terminal";

/** The columns a department fills, by field name or by the header a person knows. */
const COLUMN_NAMES: Readonly<Record<string, FillableField>> = {
  評価: "rating",
  取組実績: "result",
  実績: "result",
  実施内容: "actions",
  目標: "plan",
  当初予定: "plan",
  備考: "notes",
  ...Object.fromEntries(FILLABLE_FIELDS.map((f) => [f, f])),
};

/** "評価,取組実績,備考" → the fields, or undefined when one is unknown. */
export function fillableColumns(text: string): FillableField[] | undefined {
  const fields = text
    .split(/[,、，]/)
    .map((s) => s.trim())
    .filter(Boolean)
    .map((name) => COLUMN_NAMES[name]);
  return fields.length > 0 && fields.every((f): f is FillableField => f !== undefined) ? [...new Set(fields)] : undefined;
}

/** plan-progress split MASTER -o DIR: one form per department in DIR; MASTER is never written. */
export async function split(args: string[], m: CliMessages, io: CliIo, locale: CliLocale): Promise<number> {
  const { positionals, values } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      help: { type: "boolean", short: "h" },
      lang: { type: "string" },
      output: { type: "string", short: "o" },
      force: { type: "boolean" },
      deadline: { type: "string" },
      columns: { type: "string" },
      contact: { type: "string" },
      password: { type: "string" },
    },
  });
  if (values.help) {
    io.out(m.splitUsage);
    return EXIT_OK;
  }
  const input = positionals[0];
  const dir = values.output;
  if (!input || !dir) {
    io.err(m.splitMissingArgs);
    return EXIT_USAGE;
  }
  if (values.deadline !== undefined && !deadlineLabel(values.deadline)) {
    io.err(m.badDeadline(values.deadline));
    return EXIT_USAGE;
  }
  const filled = values.columns === undefined ? undefined : fillableColumns(values.columns);
  if (values.columns !== undefined && !filled) {
    io.err(m.badColumns(values.columns));
    return EXIT_USAGE;
  }
  const read = await readUserFile(input);
  if ("failure" in read) {
    io.err(readFailureText(read.failure, input, m, read.bytes));
    return EXIT_USAGE;
  }
  try {
    await mkdir(dir, { recursive: true });
    if (!(await stat(dir)).isDirectory()) throw new Error("not a folder");
  } catch {
    io.err(m.notAFolder(dir));
    return EXIT_USAGE;
  }
  const { XlsxWorkbookPort, departmentWorkbooks } = await import("../xlsx/workbookPort");
  let result: SplitResult;
  try {
    const port = await XlsxWorkbookPort.load(read.bytes, { inflate: nodeInflater });
    if (io.progress) io.progress(m.reading(input));
    result = await splitByDepartment(port, departmentWorkbooks, {
      ...(filled ? { filled } : {}),
      ...(values.deadline ? { deadline: values.deadline } : {}),
      ...(values.contact ? { contact: values.contact } : {}),
      ...(values.password ? { password: values.password } : {}),
    });
  } catch (error) {
    if (!(error instanceof WorkbookError)) throw error;
    io.err(`${input}: ${error.text[locale]}`);
    return EXIT_USAGE;
  }
  // Every output is checked before any is written: an existing file (without --force) stops the run.
  const outputs = result.files.map((f) => ({ ...f, path: join(dir, f.name) }));
  for (const file of outputs) {
    const refused = await checkOutput(input, file.path, values.force === true);
    if (refused) {
      io.err(writeFailureText(refused, file.path, m));
      return EXIT_USAGE;
    }
  }
  for (const file of outputs) {
    if (!(await writeCommandOutput(file.path, file.bytes, m, io, { replace: values.force === true }))) return EXIT_USAGE;
    io.out(m.splitFile(oneLine(file.path), oneLine(file.department), file.rows));
  }
  io.out(m.splitDone(outputs.length, dir));
  if (result.plan.unassigned.length > 0) io.out(m.splitUnassigned(result.plan.unassigned.map((r) => `No.${oneLine(r.item || String(r.sheetRow))}`).join(" ")));
  return EXIT_OK;
}
