import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { applyMerge, exportCsv, previewMerge, readHistory, splitByDepartment, undoMerge } from "../../src/core/actions/roundtrip";
import { settingsOf } from "../../src/core/actions/settings";
import { mergeJson } from "../../src/cli/merge";
import type { WorkbookPort } from "../../src/core/port";
import { csvText } from "../../src/core/roundtrip/csv";
import { historySheet } from "../../src/core/roundtrip/history";
import { planMerge, type ReturnedFile, type ReturnedInput } from "../../src/core/roundtrip/merge";
import { rowDepartments } from "../../src/core/roundtrip/rows";
import { statusSheet } from "../../src/core/roundtrip/status";
import { workbookMeta } from "../../src/core/workbook/planMeta";
import { CELL_TEXT_LIMIT } from "../../src/core/workbook/settings";
import { ExcelWorkbookPort } from "../../src/excel/workbookPort";
import { departmentWorkbooks } from "../../src/xlsx/departmentWorkbook";
import { readReturnedFile } from "../../src/xlsx/returnedFile";
import { XlsxWorkbookPort } from "../../src/xlsx/workbookPort";
import { fillWithExcelJs, type Fill } from "../support/answers";
import { fakeFromFile } from "../support/excelValues";

/**
 * The round trip's defects an outside review found, each reproduced from files built here: a master
 * renumbered after the forms were sent, a table numbered by row order (no No. column), a rating off the
 * scale or typed in another width or case, an answer longer than a cell holds, earlier merges in the
 * status, one time zone, two answers saved at the same time, and the CSV's cell texts.
 */
const R2 = new Uint8Array(readFileSync(resolve(__dirname, "../../seeds/kodaira-r2.xlsx")));
const CREATED = "2021-04-30T00:00:00.000Z";
const TABLE = "進捗管理表";

/** The forms of some departments, made from a port as it is now. */
async function formsOf(port: WorkbookPort, departments: readonly string[], created = CREATED) {
  const split = await splitByDepartment(port, departmentWorkbooks, { created, departments });
  return new Map(split.files.map((f) => [f.department, f]));
}

/** One department's form from a port, filled as a person would, read back as the merge reads it. */
async function answer(port: WorkbookPort, department: string, fill: Fill, name = `${department}.xlsx`): Promise<ReturnedInput> {
  const form = (await formsOf(port, [department])).get(department);
  if (!form) throw new Error(`no form for ${department}`);
  return readReturnedFile(name, await fillWithExcelJs(form.bytes, fill));
}

/** A workbook of one sheet holding these rows (exceljs: as another program writes one). */
async function workbookOf(name: string, rows: (string | number | null)[][]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(name);
  rows.forEach((row, r) => row.forEach((value, c) => value !== null && (sheet.getCell(r + 1, c + 1).value = value)));
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** A form changed by hand in exceljs (the sheet 「調書」; protection removed when rows are deleted). */
async function editForm(bytes: Uint8Array, edit: (sheet: ExcelJS.Worksheet) => void, modified?: Date): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheet = workbook.getWorksheet("調書");
  if (!sheet) throw new Error("no form sheet");
  edit(sheet);
  if (modified) workbook.modified = modified;
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** The form's row whose 項目 (or any cell) holds this text. */
function rowWith(sheet: ExcelJS.Worksheet, text: string): ExcelJS.Row {
  for (let r = 4; r <= sheet.rowCount; r += 1) {
    const row = sheet.getRow(r);
    for (let c = 1; c <= sheet.columnCount; c += 1) if (String(row.getCell(c).value ?? "") === text) return row;
  }
  throw new Error(`no row with ${text}`);
}

/** The form's column whose header (row 3) is this text, 1-based. */
function columnOf(sheet: ExcelJS.Worksheet, header: string): number {
  const row = sheet.getRow(3);
  for (let c = 1; c <= sheet.columnCount; c += 1) if (String(row.getCell(c).value ?? "") === header) return c;
  throw new Error(`no column ${header}`);
}

/**
 * The Kodaira master after the section inserted a new No.8 (秘書広報課) above the old No.8 and renumbered
 * every item below it: the old No.8 is now No.9, 政策課's old No.9 is now No.10.
 */
async function renumberedMaster(): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(R2 as unknown as ArrayBuffer);
  const sheet = workbook.getWorksheet(TABLE);
  if (!sheet) throw new Error("no table sheet");
  const at = 18; // the old No.8
  expect(String(sheet.getCell(at, 2).value)).toBe("8");
  sheet.spliceRows(at, 0, ["情報の共有と双方向のコミュニケーション", "8", null, "SNSによる情報発信の充実", "秘書広報課", "A", "・SNSの運用", "・発信回数 100回", "・発信回数 120回（発信回数 120回）"]);
  for (let r = at + 1; r <= sheet.rowCount; r += 1) {
    const cell = sheet.getCell(r, 2);
    const no = Number(String(cell.value ?? ""));
    if (Number.isInteger(no) && no >= 8) cell.value = String(no + 1);
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** A year grid numbered by row order (集中改革プラン 結果一覧): no No. column, 達成状況 in words. */
const YEAR_GRID: (string | number | null)[][] = [
  ["「集中改革プラン」結果一覧（平成19年度分）"],
  ["改革項目", "所管課", "平成18年度目標", "平成18年度実績", "平成19年度目標", "平成19年度実績", "達成状況"],
  ["職員定数の削減", "人事課", "職員数 480人", "職員数 482人", "職員数 470人", "職員数 468人", "目標達成"],
  ["時間外勤務の縮減", "人事課", "時間外勤務時間 60,000時間", "62,000時間", "時間外勤務時間 55,000時間", "58,300時間", "目標達成"],
  ["物件費の削減", "財政課", "削減額 △10百万円", "△12百万円", "削減額 △15百万円", "△9百万円", "目標達成"],
  ["ごみ収集業務の民間委託", "環境課", "委託地区 2地区", "2地区", "委託地区 4地区", "4地区", "未達成"],
  ["市税収納率の向上", "納税課", "収納率 95.0%", "95.2%", "収納率 95.5%", "95.8%", "目標達成"],
  ["補助金の見直し", "財政課", "削減額 △20百万円", "△18百万円", "削減額 △25百万円", "△31百万円", "未達成"],
  ["使用料の見直し", "財政課", "見直し件数 10件", "10件", "見直し件数 12件", "8件", "未達成"],
];

const kinds = (notes: readonly { kind: string; item?: string }[]) => notes.map((n) => `${n.kind} ${n.item ?? "-"}`).sort();

describe("a master renumbered after the forms were sent", () => {
  it("takes an answer into the row the item has now, never into another department's row, and does not blame the department", async () => {
    const original = await XlsxWorkbookPort.load(R2);
    const nine = (await original.read()).table.rows.find((r) => r.item === "9");
    expect(nine?.department).toBe("政策課");
    const returned = await answer(original, "政策課", { deleteRows: ["11"], edits: [{ item: "9", field: "rating", value: "B" }] });
    const master = await XlsxWorkbookPort.load(await renumberedMaster());
    const { table } = await master.read();
    expect(table.rows.find((r) => r.item === "9")?.department).toBe("秘書広報課");
    const preview = await previewMerge(master, [returned]);
    expect(preview.plan.changes.map((c) => [c.item, c.title, c.header, c.before, c.after])).toEqual([["10", nine?.title, "評価", "A", "B"]]);
    for (const change of preview.plan.changes) expect(rowDepartments(table.rows.find((r) => r.sheetRow === change.sheetRow) ?? { department: "" })).toContain("政策課");
    // The master's renumbering is no edit of the department's: one notice naming the new numbers; the row
    // the department deleted is named by its number now.
    expect(kinds(preview.plan.conflicts)).toEqual(["rowDeleted 12"]);
    expect(kinds(preview.plan.notices)).toEqual(["renumbered -"]);
    const renumbered = preview.plan.notices[0];
    expect(renumbered?.message.ja).toContain("No.9 → No.10、No.11 → No.12");
    expect(renumbered?.message.ja).not.toContain("保護を解除");
    // Applied, the answer lands on the item's row and nowhere else.
    await applyMerge(master, preview);
    const after = (await master.read()).table;
    expect(after.rows.find((r) => r.item === "10")?.ratingWritten).toBe("B");
    expect(after.rows.find((r) => r.item === "9")?.ratingWritten).toBe("A");
  });

  it("says a conflict, and writes nothing, when the item sent is no longer the department's or no longer in the table", async () => {
    const original = await XlsxWorkbookPort.load(R2);
    const returned = await answer(original, "政策課", { edits: [{ item: "9", field: "rating", value: "B" }] });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(R2 as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet(TABLE);
    if (!sheet) throw new Error("no table sheet");
    // The section gives No.9 to 秘書広報課 and swaps the numbers of No.8 and No.9.
    sheet.getCell(19, 5).value = "秘書広報課";
    sheet.getCell(18, 2).value = "9";
    sheet.getCell(19, 2).value = "8";
    const master = await XlsxWorkbookPort.load(new Uint8Array(await workbook.xlsx.writeBuffer()));
    const preview = await previewMerge(master, [returned]);
    expect(preview.plan.changes).toEqual([]);
    expect(kinds(preview.plan.conflicts)).toEqual(["otherDepartmentRow 8"]);
    expect(preview.plan.conflicts.every((n) => !n.message.ja.includes("保護を解除"))).toBe(true);
  });

  it("does not blame the department for a locked cell the section changed in the table after sending", async () => {
    const original = await XlsxWorkbookPort.load(R2);
    const returned = await answer(original, "政策課", { edits: [{ item: "12", field: "rating", value: "B" }] });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(R2 as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet(TABLE);
    if (!sheet) throw new Error("no table sheet");
    sheet.getCell(22, 4).value = "行政評価の実施と公表";
    const master = await XlsxWorkbookPort.load(new Uint8Array(await workbook.xlsx.writeBuffer()));
    const preview = await previewMerge(master, [returned]);
    expect(preview.plan.changes.map((c) => [c.item, c.after])).toEqual([["12", "B"]]);
    expect(preview.plan.conflicts).toEqual([]);
    expect(kinds(preview.plan.notices)).toEqual(["masterRowChanged 12"]);
  });
});

describe("a master that lost a row after the forms were sent", () => {
  const rows = (deleted: boolean): (string | number | null)[][] => [
    ["行財政改革 進捗管理表"],
    ["No.", "取組項目", "担当課", "評価", "目標", "実績"],
    ...[
      ["情報公開の推進", "政策課", "A", "公開件数 100件", "公開件数 100件"],
      ["情報公開の推進（第2期）", "政策課", "A", "公開件数 200件", "公開件数 210件"],
      ["補助金の見直し", "財政課", "A", "見直し件数 10件", "見直し件数 10件"],
    ]
      .slice(deleted ? 1 : 0)
      .map((row, i) => [String(i + 1), ...row]),
  ];

  it("takes an answer into the row sent even when a row like it lost its own, and says the lost one is gone", async () => {
    const sent = await XlsxWorkbookPort.load(await workbookOf("進捗", rows(false)));
    const form = (await formsOf(sent, ["政策課"])).get("政策課");
    if (!form) throw new Error("no form for 政策課");
    const filled = await editForm(form.bytes, (sheet) => {
      rowWith(sheet, "情報公開の推進").getCell(columnOf(sheet, "評価")).value = "B";
      rowWith(sheet, "情報公開の推進（第2期）").getCell(columnOf(sheet, "評価")).value = "S";
    });
    const returned = readReturnedFile("政策課.xlsx", filled);
    const master = await XlsxWorkbookPort.load(await workbookOf("進捗", rows(true)));
    const preview = await previewMerge(master, [returned]);
    // 「情報公開の推進（第2期）」 is now No.1: its own answer goes there, not the answer of the item deleted.
    expect(preview.plan.changes.map((c) => [c.item, c.title, c.after])).toEqual([["1", "情報公開の推進（第2期）", "S"]]);
    expect(kinds(preview.plan.conflicts)).toEqual(["itemGone 1"]);
  });
});

describe("a table numbered by row order (no No. column)", () => {
  async function yearGrid(rows = YEAR_GRID) {
    return XlsxWorkbookPort.load(await workbookOf("結果一覧", rows));
  }

  it("matches the returned rows to the rows sent, and takes their answers", async () => {
    const port = await yearGrid();
    const form = (await formsOf(port, ["財政課"])).get("財政課");
    if (!form) throw new Error("no form for 財政課");
    const filled = await editForm(form.bytes, (sheet) => {
      rowWith(sheet, "使用料の見直し").getCell(columnOf(sheet, "達成状況")).value = "目標達成";
      rowWith(sheet, "物件費の削減").getCell(columnOf(sheet, "平成19年度実績")).value = "△16百万円";
    });
    const preview = await previewMerge(port, [readReturnedFile("財政課.xlsx", filled)]);
    expect(preview.plan.conflicts).toEqual([]);
    expect(preview.plan.changes.map((c) => [c.title, c.header, c.before, c.after])).toEqual([
      ["物件費の削減", "平成19年度実績", "△9百万円", "△16百万円"],
      ["使用料の見直し", "達成状況", "未達成", "目標達成"],
    ]);
    // No one sees the row-order numbers: a change names its row by its title, in the JSON too.
    expect(preview.plan.changes.map((c) => c.label)).toEqual(["「物件費の削減」", "「使用料の見直し」"]);
    expect(mergeJson(preview, await applyMerge(port, preview), "merged.xlsx", "ja").changes.map((c) => c.label)).toEqual(["「物件費の削減」", "「使用料の見直し」"]);
    expect(preview.status.find((s) => s.department === "財政課")?.file).toBe("財政課.xlsx");
  });

  it("matches a form copied into another workbook (no identity) by the titles of the department's rows", async () => {
    const port = await yearGrid();
    const form = (await formsOf(port, ["財政課"])).get("財政課");
    if (!form) throw new Error("no form for 財政課");
    const filled = await editForm(form.bytes, (sheet) => {
      rowWith(sheet, "使用料の見直し").getCell(columnOf(sheet, "達成状況")).value = "目標達成";
    });
    const copied = await fillWithExcelJs(filled, { copyToNewWorkbook: true });
    const preview = await previewMerge(port, [readReturnedFile("財政課.xlsx", copied)]);
    expect(preview.plan.files[0]?.identified).toBe("likeness");
    expect(preview.plan.conflicts).toEqual([]);
    expect(preview.plan.changes.map((c) => [c.title, c.header, c.after])).toEqual([["使用料の見直し", "達成状況", "目標達成"]]);
  });

  it("tells a deleted row from the others, and finds the rows when the table gained a row above them", async () => {
    const port = await yearGrid();
    const form = (await formsOf(port, ["財政課"])).get("財政課");
    if (!form) throw new Error("no form for 財政課");
    const filled = await editForm(form.bytes, (sheet) => {
      sheet.unprotect();
      rowWith(sheet, "使用料の見直し").getCell(columnOf(sheet, "達成状況")).value = "目標達成";
      sheet.spliceRows(rowWith(sheet, "補助金の見直し").number, 1);
    });
    const withRow = [...YEAR_GRID.slice(0, 3), ["公用車の削減", "管財課", "台数 50台", "50台", "台数 45台", "45台", "目標達成"], ...YEAR_GRID.slice(3)];
    for (const master of [port, await yearGrid(withRow)]) {
      const preview = await previewMerge(master, [readReturnedFile("財政課.xlsx", filled)]);
      expect(preview.plan.conflicts.map((c) => [c.kind, c.message.ja.includes("補助金の見直し")])).toEqual([["rowDeleted", true]]);
      expect(preview.plan.changes.map((c) => [c.title, c.after])).toEqual([["使用料の見直し", "目標達成"]]);
    }
  });
});

describe("ratings as the departments type them", () => {
  it("takes no rating off the plan's scale (C on S/A/B): a conflict at preview time", async () => {
    const port = await XlsxWorkbookPort.load(R2);
    const returned = await answer(port, "政策課", {
      edits: [
        { item: "9", field: "rating", value: "C" },
        { item: "12", field: "rating", value: "B" },
      ],
    });
    const preview = await previewMerge(port, [returned]);
    expect(preview.plan.changes.map((c) => [c.item, c.after])).toEqual([["12", "B"]]);
    expect(kinds(preview.plan.conflicts)).toEqual(["ratingNotOnScale 9"]);
    expect(preview.plan.conflicts[0]?.message.ja).toContain("S・A・B");
  });

  it("folds a rating typed in another width or case to the scale's symbol, and says so", async () => {
    const port = await XlsxWorkbookPort.load(R2);
    const returned = await answer(port, "政策課", {
      edits: [
        { item: "9", field: "rating", value: "Ｓ" },
        { item: "12", field: "rating", value: "b" },
        { item: "43", field: "rating", value: "ａ" },
      ],
    });
    const preview = await previewMerge(port, [returned]);
    // No.43 was A: 「ａ」 is no change once folded.
    expect(preview.plan.changes.map((c) => [c.item, c.after])).toEqual([
      ["9", "S"],
      ["12", "B"],
    ]);
    expect(kinds(preview.plan.notices)).toEqual(["ratingFolded 12", "ratingFolded 9"]);
    expect(preview.plan.notices.find((n) => n.item === "12")?.message.ja).toContain("「b」 を「B」");
  });
});

describe("an answer longer than a cell holds", () => {
  it.each(["excel", "file"] as const)("is a conflict for that cell; the other answers are merged (%s port)", async (host) => {
    const port: WorkbookPort = host === "excel" ? new ExcelWorkbookPort((await fakeFromFile(R2)).run) : await XlsxWorkbookPort.load(R2);
    const long = "実績".repeat(20_000);
    expect(long.length).toBeGreaterThan(CELL_TEXT_LIMIT);
    const citizens = await answer(port, "市民課", { edits: [{ item: "35", field: "result", value: long }] });
    const policy = await answer(port, "政策課", { edits: [{ item: "12", field: "rating", value: "B" }] });
    const preview = await previewMerge(port, [citizens, policy]);
    expect(kinds(preview.plan.conflicts)).toEqual(["tooLong 35"]);
    expect(preview.plan.conflicts[0]?.message.ja).toContain("40,000");
    expect(preview.plan.changes.map((c) => [c.item, c.after])).toEqual([["12", "B"]]);
    expect((await applyMerge(port, preview)).cells).toBe(1);
    const rows = (await port.read()).table.rows;
    expect(rows.find((r) => r.item === "12")?.ratingWritten).toBe("B");
    expect(rows.find((r) => r.item === "35")?.result.length).toBeLessThan(CELL_TEXT_LIMIT);
  });
});

describe("the status after earlier merges", () => {
  it("counts a department answered in an earlier merge (when, from 取込履歴), and no longer once that merge is undone", async () => {
    const port = await XlsxWorkbookPort.load(R2);
    const forms = await formsOf(port, ["政策課", "市民課", "財政課"]);
    const read = (department: string, fill: Fill) => fillWithExcelJs(forms.get(department)?.bytes ?? new Uint8Array(), fill).then((bytes) => readReturnedFile(`${department}.xlsx`, bytes));
    // First batch: 政策課 changes a rating; 財政課 sends its form back unchanged.
    const first = await previewMerge(port, [await read("政策課", { edits: [{ item: "12", field: "rating", value: "B" }] }), await read("財政課", {})]);
    const applied = await applyMerge(port, first, { at: "2021-05-15T01:00:00.000Z" });
    expect(applied.cells).toBe(1);
    const { merges } = await readHistory(port);
    expect(merges.map((m) => [m.id, m.cells, m.departments])).toEqual([[applied.id, 1, ["政策課", "財政課"]]]);
    // Second batch: 市民課 only.
    const second = await previewMerge(port, [await read("市民課", { edits: [{ item: "35", field: "rating", value: "S" }] })]);
    const status = new Map(second.status.map((s) => [s.department, s]));
    expect(status.get("市民課")).toMatchObject({ file: "市民課.xlsx" });
    expect(status.get("政策課")).toMatchObject({ file: "政策課.xlsx", mergedAt: "2021-05-15 10:00:00", merge: applied.id });
    expect(status.get("財政課")).toMatchObject({ file: "財政課.xlsx", mergedAt: "2021-05-15 10:00:00" });
    expect(status.get("情報政策課")?.file).toBeUndefined();
    const sheet = statusSheet(second.status);
    expect(sheet.rows.find((r) => r.values[0] === "政策課")?.values.slice(2, 6)).toEqual(["あり（取込済）", "政策課.xlsx", "", "2021-05-15 10:00:00"]);
    // Undone, the earlier merge no longer answers for them.
    await undoMerge(port, applied.id);
    const third = await previewMerge(port, []);
    expect(third.status.find((s) => s.department === "政策課")?.file).toBeUndefined();
    expect(third.status.find((s) => s.department === "財政課")?.file).toBeUndefined();
  });
});

/** A returned file as the merge sees it, for the core's rules on times (only its name and time matter). */
const timed = (file: ReturnedInput, modified: string | undefined): ReturnedInput => {
  const { modified: _m, ...rest } = file as ReturnedFile;
  return modified === undefined ? rest : { ...rest, modified };
};

describe("times", () => {
  it("says every time in Japan time, and says so: notes, the merge's id, the status, the history", async () => {
    const port = await XlsxWorkbookPort.load(R2);
    const older = await answer(port, "政策課", { edits: [{ item: "12", field: "rating", value: "B" }] }, "政策課（旧）.xlsx");
    const newer = await answer(port, "政策課", { edits: [{ item: "12", field: "rating", value: "S" }] });
    const read = await port.read();
    const state = { table: read.table, meta: workbookMeta(read.table, settingsOf(read)).meta };
    const plan = planMerge(state, [timed(older, "2021-05-12T23:30:00.000Z"), timed(newer, "2021-05-13T23:30:00.000Z")], { created: "2021-05-14T23:30:00.000Z" });
    expect(plan.id).toMatch(/^20210515-083000-[0-9a-f]{4}$/);
    const superseded = plan.conflicts.find((n) => n.kind === "superseded");
    expect(superseded?.message.ja).toContain("2021-05-14 08:30 日本時間");
    expect(superseded?.message.en).toContain("2021-05-14 08:30 JST");
    expect(plan.notices.find((n) => n.kind === "newerTaken")?.message.ja).toContain("2021-05-14 08:30 日本時間");
    const preview = await previewMerge(port, [timed(older, "2021-05-12T23:30:00.000Z"), timed(newer, "2021-05-13T23:30:00.000Z")]);
    const sheet = statusSheet(preview.status);
    expect(sheet.columns.map((c) => c.header)).toContain("保存日時（日本時間）");
    expect(sheet.rows.find((r) => r.values[0] === "政策課")?.values[4]).toBe("2021-05-14 08:30:00");
    expect(historySheet([]).title).toContain("日本時間");
  });
});

describe("two answers saved at the same time", () => {
  it("says the times are equal and that the one given later is taken", async () => {
    const port = await XlsxWorkbookPort.load(R2);
    const first = await answer(port, "政策課", { edits: [{ item: "12", field: "rating", value: "B" }] }, "政策課-1.xlsx");
    const second = await answer(port, "政策課", { edits: [{ item: "12", field: "rating", value: "S" }] }, "政策課-2.xlsx");
    const same = "2021-05-13T01:00:00.000Z";
    const preview = await previewMerge(port, [timed(first, same), timed(second, same)]);
    expect(preview.plan.changes.map((c) => [c.item, c.after])).toEqual([["12", "S"]]);
    const superseded = preview.plan.conflicts.find((n) => n.kind === "superseded");
    expect(superseded?.file).toBe("政策課-1.xlsx");
    expect(superseded?.message.ja).toContain("保存日時が同じ");
    expect(superseded?.message.ja).toContain("後に指定した「政策課-2.xlsx」");
    expect(superseded?.message.ja).not.toContain("新しい");
    const taken = preview.plan.notices.find((n) => n.kind === "newerTaken");
    expect(taken?.message.ja).toContain("保存日時が同じ");
    expect(taken?.message.ja).not.toContain("新しい");
  });

  it("does not present the form's own creation time (kept by the program that saved it) as when it was answered", async () => {
    const port = await XlsxWorkbookPort.load(R2);
    const form = (await formsOf(port, ["政策課"], "2021-04-30T09:15:42.123Z")).get("政策課");
    if (!form) throw new Error("no form");
    // Saved by a program that keeps dcterms:modified as it was (openpyxl, LibreOffice): the form's own time.
    const kept = readReturnedFile("政策課.xlsx", await editForm(form.bytes, (sheet) => (rowWith(sheet, "行政評価の実施").getCell(6).value = "B"), new Date("2021-04-30T09:15:42.000Z")));
    expect((kept as ReturnedFile).modified).toBe("2021-04-30T09:15:42.000Z");
    const preview = await previewMerge(port, [kept]);
    expect(preview.plan.files[0]?.modified).toBeUndefined();
    const status = preview.status.find((s) => s.department === "政策課");
    expect(status?.file).toBe("政策課.xlsx");
    expect(status?.returnedAt).toBeUndefined();
    // Two such answers: neither time tells which is newer, and the message says so.
    const again = readReturnedFile("政策課-2.xlsx", await editForm(form.bytes, (sheet) => (rowWith(sheet, "行政評価の実施").getCell(6).value = "S"), new Date("2021-04-30T09:15:42.000Z")));
    const two = await previewMerge(port, [kept, again]);
    expect(two.plan.conflicts.find((n) => n.kind === "superseded")?.message.ja).toContain("保存日時からはどちらが新しいかわかりません");
  });
});

describe("CSV", () => {
  it("writes the plan and results cells' own text, not the text the reader composed from an indicator column", async () => {
    const port = await XlsxWorkbookPort.load(
      await workbookOf("達成状況", [
        ["行財政改革推進プラン 改革プログラム事業 達成状況（平成28年度）"],
        ["事業番号", "改革プログラム事業名", "所管", "取組指標", "目標値（平成28年度）", "実績値（平成28年度）", "達成状況"],
        ["1", "市民との協働の推進", "市民協働推進課", "協働事業数", "120件", "135件", "目標を上回って達成"],
        ["2", "情報公開の推進", "行政透明推進課", "オープンデータ公開数", "200件", "150件", "目標をおおむね達成"],
      ]),
    );
    const { table } = await port.read();
    // The reader composes the indicator and the value for the check.
    expect(table.rows[0]?.plan).toContain("協働事業数");
    const csv = await exportCsv(port);
    const lines = csv.items.slice(1).split("\r\n");
    expect(lines[1]?.split(",").slice(6, 8)).toEqual(["120件", "135件"]);
    expect(csv.metrics).toContain("協働事業数,120,件");
    expect(csvText(["a"], [["x"]])).toBe("\uFEFFa\r\nx\r\n");
  });
});
