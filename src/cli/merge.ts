import { basename } from "node:path";
import { parseArgs } from "node:util";
import { applyMerge, previewMerge, type Applied, type MergePreview } from "../core/actions/roundtrip";
import { WorkbookError } from "../core/port";
import { historyTime } from "../core/roundtrip/history";
import type { ReturnedInput } from "../core/roundtrip/merge";
import type { MergeNote } from "../core/roundtrip/notes";
import { readFailureText, readInputForOutput, readUserFile, writeCommandOutput } from "./files";
import { nodeInflater } from "./inflate";
import { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, type CliIo } from "./io";
import type { CliLocale, CliMessages } from "./messages";
import { jsonText, oneLine } from "./terminal";

const noteJson = (n: MergeNote, locale: CliLocale) => ({
  kind: n.kind,
  file: n.file,
  department: n.department ?? null,
  item: n.item ?? null,
  column: n.header ?? null,
  cell: n.cell ?? null,
  before: n.before ?? null,
  after: n.after ?? null,
  message: n.message[locale],
});

/** The JSON of docs/contracts/cli.md (merge). */
export function mergeJson(preview: MergePreview, applied: Applied, output: string, locale: CliLocale) {
  const { plan } = preview;
  return {
    merge: { id: applied.id, output, cells: applied.cells, history: applied.history },
    files: plan.files.map((f) => ({ file: f.file, department: f.department ?? null, identified: f.identified ?? null, modified: f.modified ?? null, taken: f.taken })),
    changes: plan.changes.map((c) => ({ department: c.department, file: c.file, item: c.item, label: c.label ?? null, title: c.title, column: c.header, row: c.sheetRow, before: c.before, after: c.after })),
    conflicts: plan.conflicts.map((n) => noteJson(n, locale)),
    notices: plan.notices.map((n) => noteJson(n, locale)),
    status: preview.status.map((s) => ({ ...s, file: s.file ?? null, returnedAt: s.returnedAt ?? null })),
  };
}

function textLines(preview: MergePreview, m: CliMessages, locale: CliLocale): string[] {
  const { plan } = preview;
  const lines: string[] = [];
  const short = (text: string) => oneLine(text.length > 60 ? `${text.slice(0, 60)}…` : text);
  for (const file of plan.files.filter((f) => f.taken && f.department)) {
    const changes = plan.changes.filter((c) => c.file.split("、").includes(file.file));
    lines.push(m.mergeDepartment(oneLine(file.department ?? ""), oneLine(file.file)));
    for (const c of changes) {
      const say = c.label === undefined ? m.mergeChange : m.mergeChangeNamed;
      lines.push(say(oneLine(c.label ?? c.item), oneLine(c.header), short(c.before), short(c.after)));
    }
  }
  lines.push(m.mergeConflictsHeading(plan.conflicts.length));
  for (const n of plan.conflicts) lines.push(m.mergeNote(oneLine(n.file), oneLine(n.message[locale])));
  lines.push(m.mergeNoticesHeading(plan.notices.length));
  for (const n of plan.notices) lines.push(m.mergeNote(oneLine(n.file), oneLine(n.message[locale])));
  lines.push(m.statusHeading);
  for (const s of preview.status) {
    const answered = !s.file
      ? m.statusNotAnswered
      : s.mergedAt
        ? m.statusAnsweredEarlier(s.mergedAt)
        : s.returnedAt
          ? m.statusAnsweredSaved(historyTime(s.returnedAt))
          : m.statusAnswered("");
    lines.push(m.statusLine(oneLine(s.department), s.rows, answered, s.changed, s.conflicts, s.errors, s.warnings));
  }
  return lines;
}

/** plan-progress merge MASTER RETURNED… -o MERGED: the answers taken back into a new file; MASTER is never written. */
export async function merge(args: string[], m: CliMessages, io: CliIo, locale: CliLocale): Promise<number> {
  const { positionals, values } = parseArgs({
    args,
    allowPositionals: true,
    options: { help: { type: "boolean", short: "h" }, lang: { type: "string" }, output: { type: "string", short: "o" }, force: { type: "boolean" }, json: { type: "boolean" } },
  });
  if (values.help) {
    io.out(m.mergeUsage);
    return EXIT_OK;
  }
  const [master, ...returned] = positionals;
  if (returned.length === 0) {
    io.err(m.mergeMissingArgs);
    return EXIT_USAGE;
  }
  const files = await readInputForOutput(master, values.output, { missing: m.mergeMissingArgs, force: values.force === true }, m, io);
  if (!files) return EXIT_USAGE;
  const { readReturnedFile } = await import("../xlsx/workbookPort");
  const inputs: ReturnedInput[] = [];
  for (const path of returned) {
    const read = await readUserFile(path);
    const name = basename(path);
    // A returned file that cannot be read is a conflict of the merge, not the end of it.
    inputs.push("failure" in read ? { name, refused: { ja: readFailureText(read.failure, path, m, read.bytes), en: readFailureText(read.failure, path, m, read.bytes) } } : readReturnedFile(name, read.bytes, { inflate: nodeInflater }));
  }
  const { XlsxWorkbookPort } = await import("../xlsx/workbookPort");
  let preview: MergePreview;
  let applied: Applied;
  let saved: Uint8Array;
  try {
    const port = await XlsxWorkbookPort.load(files.bytes, { inflate: nodeInflater });
    preview = await previewMerge(port, inputs);
    applied = await applyMerge(port, preview);
    saved = await port.save();
  } catch (error) {
    if (!(error instanceof WorkbookError)) throw error;
    io.err(`${files.input}: ${error.text[locale]}`);
    return EXIT_USAGE;
  }
  if (!(await writeCommandOutput(files.output, saved, m, io))) return EXIT_USAGE;
  if (values.json) io.out(jsonText(mergeJson(preview, applied, files.output, locale)));
  else {
    for (const line of textLines(preview, m, locale)) io.out(line);
    io.out(applied.cells > 0 ? m.merged(oneLine(files.output), applied.cells, applied.id) : m.mergedNothing(oneLine(files.output)));
  }
  return preview.plan.conflicts.length > 0 ? EXIT_FINDINGS : EXIT_OK;
}
