import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { runCheck } from "../../src/core/actions/check";
import { fixRating } from "../../src/core/actions/fix";
import { applyMerge, exportCsv, exportStatus, previewMerge, readHistory, splitByDepartment, undoMerge } from "../../src/core/actions/roundtrip";
import { WorkbookError, type WorkbookPort } from "../../src/core/port";
import { ITEMS_HEADER, METRICS_HEADER } from "../../src/core/roundtrip/csv";
import { HISTORY_SHEET } from "../../src/core/roundtrip/history";
import { STATUS_SHEET } from "../../src/core/roundtrip/status";
import { ExcelWorkbookPort } from "../../src/excel/workbookPort";
import { departmentWorkbooks } from "../../src/xlsx/departmentWorkbook";
import { readReturnedFile } from "../../src/xlsx/returnedFile";
import { XlsxWorkbookPort } from "../../src/xlsx/workbookPort";
import { fillWithExcelJs, type Fill } from "../support/answers";
import { fakeFromFile } from "../support/excelValues";
import type { FakeExcel } from "../support/fakeExcel";

/**
 * The round trip's actions (src/core/actions/roundtrip.ts) through both ports, as tests/unit/actions.test.ts
 * runs the others: the Office.js port on the Excel fake and the file port on the bytes. What an action
 * leaves is read back through the same port.
 */
const R2 = new Uint8Array(readFileSync(resolve(__dirname, "../../seeds/kodaira-r2.xlsx")));
const CREATED = "2021-04-30T00:00:00.000Z";

interface Opened {
  port: WorkbookPort;
  fake?: FakeExcel;
}

const HOSTS: Record<"excel" | "file", () => Promise<Opened>> = {
  excel: async () => {
    const fake = await fakeFromFile(R2);
    return { port: new ExcelWorkbookPort(fake.run), fake };
  },
  file: async () => ({ port: await XlsxWorkbookPort.load(R2) }),
};

const refusal = (promise: Promise<unknown>) => promise.then(() => undefined, (error: unknown) => error as WorkbookError);

/** One department's form, filled. */
async function answer(port: WorkbookPort, department: string, fill: Fill) {
  const split = await splitByDepartment(port, departmentWorkbooks, { created: CREATED, departments: [department] });
  const file = split.files[0];
  if (!file) throw new Error(`no form for ${department}`);
  return readReturnedFile(file.name, await fillWithExcelJs(file.bytes, fill));
}

/** The text of a row's field as the port reads the table now. */
async function field(port: WorkbookPort, item: string, name: "ratingWritten" | "result"): Promise<string | undefined> {
  return (await port.read()).table.rows.find((r) => r.item === item)?.[name];
}

describe.each(Object.keys(HOSTS) as (keyof typeof HOSTS)[])("the round trip's actions, through the %s port", (host) => {
  const open = HOSTS[host];

  it("split: the same files from both hosts, and nothing written to the master", async () => {
    const { port } = await open();
    const names = await port.sheetNames();
    const split = await splitByDepartment(port, departmentWorkbooks, { created: CREATED, deadline: "2021-05-14", filled: ["rating", "result", "notes"] });
    expect(await port.sheetNames()).toEqual(names);
    const form = split.plan.forms.find((f) => f.department === "政策課");
    expect(form?.columns.filter((c) => c.fill).map((c) => c.field)).toEqual(["rating", "result", "notes"]);
    expect(form?.title).toContain("令和3年5月14日（金）");
    const read = readReturnedFile("x.xlsx", split.files.find((f) => f.department === "政策課")?.bytes ?? new Uint8Array());
    expect("sheets" in read && read.sheets.map((s) => [s.name, s.hidden])).toEqual([
      ["記入のしかた", false],
      ["調書", false],
      ["計画進捗チェッカー調書ID", true],
    ]);
  });

  it("merge: previewed, applied through the port after the history is written, and undone", async () => {
    const { port } = await open();
    const returned = await answer(port, "政策課", { edits: [{ item: "12", field: "rating", value: "B" }, { item: "43", field: "result", value: "=1+1" }, { item: "9", field: "result", value: "4-1" }] });
    const preview = await previewMerge(port, [returned]);
    expect(preview.plan.changes.map((c) => [c.item, c.after])).toEqual([
      ["9", "4-1"],
      ["12", "B"],
      ["43", "=1+1"],
    ]);
    const applied = await applyMerge(port, preview);
    // Texts stay texts in both hosts: a formula-like answer and a date-like one are written as text.
    expect(await field(port, "43", "result")).toBe("=1+1");
    expect(await field(port, "9", "result")).toBe("4-1");
    expect(await field(port, "12", "ratingWritten")).toBe("B");
    expect(await port.sheetNames()).toContain(HISTORY_SHEET);
    const history = await readHistory(port);
    expect(history.entries.map((e) => [e.action, e.item, e.after])).toEqual([
      ["merge", "9", "4-1"],
      ["merge", "12", "B"],
      ["merge", "43", "=1+1"],
    ]);
    expect(await undoMerge(port, applied.id)).toMatchObject({ restored: 3, kept: [] });
    expect(await field(port, "12", "ratingWritten")).toBe("A");
    expect((await refusal(undoMerge(port, applied.id)))?.code).toBe("NothingToUndo");
  });

  it("merge: refused when the table changed after the preview, with nothing written (not even the history)", async () => {
    const { port } = await open();
    const returned = await answer(port, "政策課", { edits: [{ item: "12", field: "rating", value: "B" }] });
    const preview = await previewMerge(port, [returned]);
    const run = await runCheck(port);
    const finding = run.result.findings.find((f) => f.item === "12" && f.suggested);
    if (!finding) throw new Error("No.12 has a finding with a suggestion");
    await fixRating(port, run.table, { ...finding, suggested: "S" });
    const names = await port.sheetNames();
    const before = (await readHistory(port)).entries.length;
    expect((await refusal(applyMerge(port, preview)))?.code).toBe("RowMoved");
    expect(await field(port, "12", "ratingWritten")).toBe("S");
    expect(await port.sheetNames()).toEqual(names);
    expect((await readHistory(port)).entries).toHaveLength(before);
  });

  it("merge: a cell the table changed after the form was sent is never overwritten; one changed in the table only is kept", async () => {
    const { port } = await open();
    const returned = await answer(port, "政策課", { edits: [{ item: "12", field: "rating", value: "B" }] });
    // The section fixes No.12 and No.9 in the table after sending the form.
    const run = await runCheck(port);
    const twelve = run.result.findings.find((f) => f.item === "12" && f.suggested);
    if (!twelve) throw new Error("No.12 has a finding with a suggestion");
    await fixRating(port, run.table, { ...twelve, suggested: "S" });
    const preview = await previewMerge(port, [returned]);
    expect(preview.plan.changes).toEqual([]);
    expect(preview.plan.conflicts.map((c) => [c.kind, c.item, c.before, c.after])).toEqual([["changedInBoth", "12", "S", "B"]]);
  });

  it("the quick fix is recorded in the history too", async () => {
    const { port } = await open();
    const run = await runCheck(port);
    const finding = run.result.findings.find((f) => f.code === "RATING_OVERSTATED" && f.suggested && f.suggested !== "-");
    if (!finding) throw new Error("the sample has an overstated rating");
    const fix = await fixRating(port, run.table, finding);
    const { entries } = await readHistory(port);
    expect(entries).toEqual([expect.objectContaining({ action: "fix", item: finding.item, column: "評価", cell: fix.cell, before: fix.from, after: fix.to })]);
  });

  it("undo: a cell changed again since the merge is left as it is, and said", async () => {
    const { port } = await open();
    const returned = await answer(port, "政策課", { edits: [{ item: "12", field: "rating", value: "B" }, { item: "9", field: "rating", value: "S" }] });
    const applied = await applyMerge(port, await previewMerge(port, [returned]));
    const run = await runCheck(port);
    const nine = run.table.rows.find((r) => r.item === "9");
    if (!nine || run.table.columns.rating === undefined) throw new Error("No.9");
    await port.writeCells(run.table.sheet, [{ column: run.table.columns.rating, sheetRow: nine.sheetRow, text: "B" }]);
    const undone = await undoMerge(port, applied.id);
    expect(undone.restored).toBe(1);
    expect(undone.kept).toEqual([expect.objectContaining({ item: "9", now: "B", merged: "S" })]);
    expect(await field(port, "12", "ratingWritten")).toBe("A");
  });

  it("writeCells: a guard that fails writes nothing", async () => {
    const { port } = await open();
    const { table } = await port.read();
    const rating = table.columns.rating ?? 0;
    const error = await refusal(
      port.writeCells(table.sheet, [{ column: rating, sheetRow: 2, text: "S" }, { column: rating, sheetRow: 3, text: "S" }], [{ sheetRow: 3, column: table.columns.title ?? 0, expected: "別の項目" }]),
    );
    expect(error?.code).toBe("RowMoved");
    expect((await port.read()).table.rows.slice(0, 2).map((r) => r.ratingWritten)).toEqual(["B", "B"]);
  });

  it("status: exported as a sheet of the add-in", async () => {
    const { port } = await open();
    const preview = await previewMerge(port, [await answer(port, "市民課", { edits: [{ item: "35", field: "rating", value: "S" }] })]);
    const { sheet } = await exportStatus(port, preview.status);
    expect(sheet).toBe(STATUS_SHEET);
    const rows = (await port.readSheet(sheet)) ?? [];
    expect(rows[1]?.slice(0, 3)).toEqual(["担当課", "行数", "回答"]);
    expect(rows.find((r) => r?.[0] === "市民課")?.slice(0, 3)).toEqual(["市民課", "2", "あり"]);
    expect(rows.find((r) => r?.[0] === "政策課")?.slice(0, 3)).toEqual(["政策課", "8", "未回答"]);
  });

  it("CSV: one row per item and sub-item and the metrics, UTF-8 with BOM, the same from both hosts", async () => {
    const { port } = await open();
    const csv = await exportCsv(port);
    expect(csv.items.startsWith("\uFEFF")).toBe(true);
    const lines = csv.items.slice(1).split("\r\n");
    expect(lines[0]).toBe(ITEMS_HEADER.join(","));
    expect(csv.rows).toBe(59);
    expect(csv.metrics.slice(1).split("\r\n")[0]).toBe(METRICS_HEADER.join(","));
    const other = await exportCsv(await XlsxWorkbookPort.load(R2));
    expect(csv).toEqual(other);
  });
});

describe("the Excel port's writeCells", () => {
  it("refuses a locked cell of a protected sheet before writing anything", async () => {
    const fake = await fakeFromFile(R2);
    const port = new ExcelWorkbookPort(fake.run);
    const { table } = await port.read();
    const sheet = fake.sheet(table.sheet);
    if (!sheet) throw new Error("no table sheet");
    sheet.protected = true;
    sheet.unlocked.add(sheet.key(1, table.columns.rating ?? 0));
    const rating = table.columns.rating ?? 0;
    const error = await refusal(port.writeCells(table.sheet, [{ column: rating, sheetRow: 2, text: "S" }, { column: rating, sheetRow: 3, text: "S" }]));
    expect(error?.code).toBe("CellLocked");
    expect((await port.read()).table.rows.slice(0, 2).map((r) => r.ratingWritten)).toEqual(["B", "B"]);
  });
});
