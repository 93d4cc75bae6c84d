import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { WorkbookError } from "../../src/core/port";
import { runAction, type EngineContext } from "../../src/taskpane/engine/actions";
import { LocalEngine } from "../../src/taskpane/engine/engine";
import { journaled, replay } from "../../src/taskpane/engine/journal";
import { arrayAt, isCancelled, receivedError, sendError, withoutArray, type JournalEntry } from "../../src/taskpane/engine/protocol";
import { findingKey } from "../../src/taskpane/engine/view";
import { Memo } from "../../src/core/memo";
import { XlsxWorkbookPort } from "../../src/xlsx/workbookPort";

/**
 * The pane's engine without a browser: the actions as the worker and the page run them, over the file
 * port on the sample; the journal a cancelled worker is rebuilt from; failures as they cross to the page.
 */
const R2 = readFileSync(resolve(__dirname, "../../seeds/kodaira-r2.xlsx"));

async function cellOf(bytes: Uint8Array, sheet: string, cell: string): Promise<unknown> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return workbook.getWorksheet(sheet)?.getCell(cell).value;
}

describe("the pane's engine", () => {
  it("opens and checks, handing the pane the table without the texts it does not draw", async () => {
    const engine = new LocalEngine(await XlsxWorkbookPort.load(R2));
    const steps: string[] = [];
    const opened = await engine.call("open", [], { onProgress: (p) => steps.push(p.step) });
    expect(opened.summary).toMatchObject({ rows: 59, items: 43, subItems: 16 });
    const sub = opened.table.rows.find((r) => r.sheetRow === 5);
    expect(sub).toMatchObject({ kind: "sub", parent: "2", parentTitle: "協働事業の推進" });
    expect(Object.keys(sub ?? {})).not.toContain("plan");
    const run = await engine.call("check", [59], { onProgress: (p) => steps.push(`${p.step} ${p.total ?? ""}`) });
    expect(steps).toEqual(["read", "check 59"]);
    expect(run.result.findings).toHaveLength(48);
    const overstated = run.result.findings.find((f) => f.code === "RATING_OVERSTATED");
    expect(overstated && run.fixes[findingKey(overstated)]).toEqual({ sheet: "進捗管理表", cell: "F22", from: "A", to: "B" });
    expect(run.departments).toContain("政策課");
    expect(run.departments).not.toContain("市民課、政策課");
  });

  it("fixes a rating through the engine and saves the workbook with it", async () => {
    const engine = new LocalEngine(await XlsxWorkbookPort.load(R2));
    const run = await engine.call("check", []);
    const finding = run.result.findings.find((f) => f.code === "RATING_OVERSTATED");
    if (!finding) throw new Error("the sample's overstated rating is missing");
    expect(await engine.call("fix", [finding])).toMatchObject({ cell: "F22", from: "A", to: "B" });
    const after = await engine.call("check", []);
    expect(after.result.findings.some((f) => f.code === "RATING_OVERSTATED")).toBe(false);
    expect(await cellOf(await engine.call("save", []), "進捗管理表", "F22")).toBe("B");
  });

  it("answers a cancelled call at once, as cancelled", async () => {
    const engine = new LocalEngine(await XlsxWorkbookPort.load(R2));
    const abort = new AbortController();
    const checking = engine.call("check", [], { signal: abort.signal });
    abort.abort();
    await expect(checking).rejects.toSatisfy(isCancelled);
  });

  it("refuses what needs a check before one", async () => {
    const engine = new LocalEngine(await XlsxWorkbookPort.load(R2));
    await expect(engine.call("exportFindings", [])).rejects.toThrow(WorkbookError);
  });

  it("rebuilds the workbook a cancelled worker held: the writes recorded, made again on the file", async () => {
    const journal: JournalEntry[] = [];
    const port = await XlsxWorkbookPort.load(R2);
    const context: EngineContext = { port: journaled(port, (entry) => journal.push(structuredClone(entry))), memo: new Memo(), progress: () => undefined };
    const run = await runAction(context, "check", []);
    const finding = run.result.findings.find((f) => f.code === "RATING_OVERSTATED");
    if (!finding) throw new Error("the sample's overstated rating is missing");
    await runAction(context, "fix", [finding]);
    await runAction(context, "ignore", [{ code: "RESULT_MISSING", item: "23" }, "確認済み"]);
    await runAction(context, "report", []);
    // The fix is recorded in the history sheet (and that sheet as the add-in's); the report records its
    // sheet as the add-in's: a write of the settings after each sheet.
    expect(journal.map((e) => e.method)).toEqual(["writeCell", "writeSheet", "writeSettings", "writeSettings", "writeReport", "writeSettings"]);

    const fresh = await XlsxWorkbookPort.load(R2);
    await replay(fresh, journal);
    const rebuilt = await fresh.save();
    expect(await cellOf(rebuilt, "進捗管理表", "F22")).toBe("B");
    expect((await fresh.readSettings())?.settings.ignored).toEqual([{ code: "RESULT_MISSING", item: "23", reason: "確認済み" }]);
    expect(await fresh.sheetNames()).toEqual(await port.sheetNames());
    expect(await fresh.sheetNames()).toContain("取込履歴");
    await expect(replay(fresh, [{ method: "read", args: [] }])).rejects.toThrow(/not a write/);
  });

  it("keeps a failure's code and both sentences as it crosses to the page", () => {
    const sent = sendError(new WorkbookError("RowMoved", { ja: "行が動きました", en: "Rows moved" }));
    const back = receivedError(structuredClone(sent));
    expect(back).toBeInstanceOf(WorkbookError);
    expect(back).toMatchObject({ code: "RowMoved", text: { ja: "行が動きました", en: "Rows moved" } });
    expect(receivedError(sendError(new TypeError("boom")))).toMatchObject({ name: "TypeError", message: "boom" });
  });

  it("sends a result's long lists apart, and puts them back where they were", () => {
    const value = { table: { sheet: "S", rows: [1, 2, 3] }, result: { findings: ["a"] } };
    const head = withoutArray(value, "table.rows");
    expect(arrayAt(head, "table.rows")).toEqual([]);
    expect(arrayAt(head, "result.findings")).toEqual(["a"]);
    expect(arrayAt(value, "table.rows")).toEqual([1, 2, 3]);
  });
});
