import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { strToU8, unzipSync, zipSync } from "fflate";
import { beforeAll, describe, expect, it } from "vitest";
import { applyMerge, previewMerge, readHistory, splitByDepartment, undoMerge, type MergePreview, type SplitResult } from "../../src/core/actions/roundtrip";
import { savePlanMeta } from "../../src/core/actions/settings";
import { runCheck } from "../../src/core/actions/check";
import type { ReturnedInput } from "../../src/core/roundtrip/merge";
import { isFormulaWithoutResult, type RawCell } from "../../src/core/workbook/cells";
import { ExcelWorkbookPort } from "../../src/excel/workbookPort";
import { departmentWorkbooks } from "../../src/xlsx/departmentWorkbook";
import { readXlsx } from "../../src/xlsx/reader";
import { readReturnedFile } from "../../src/xlsx/returnedFile";
import { XlsxWorkbookPort } from "../../src/xlsx/workbookPort";
import { fillWithExcelJs, hasLibreOffice, throughLibreOffice, type Fill } from "../support/answers";
import { fakeFromFile } from "../support/excelValues";

/**
 * The round trip on the Kodaira sample (docs/contracts/roundtrip.md): split by department; each
 * department fills its file as people do — in Excel (exceljs stands in), in LibreOffice, with mistakes;
 * one never answers; merge; the merged table equals the expected one cell for cell, every mistake is a
 * conflict and nothing is lost; the undo gives the master back exactly. The same answers through the
 * Excel fake give the same preview and the same table.
 */
const R2 = new Uint8Array(readFileSync(resolve(__dirname, "../../seeds/kodaira-r2.xlsx")));
const CREATED = "2021-04-30T00:00:00.000Z";
const TABLE = "進捗管理表";

/**
 * The table sheet's cells as the reader reads them from the saved file, every row as long as the
 * widest. A formula whose saved result is an empty text (整合性: PLAN.CHECK of Excel) reads as empty; the
 * file port's writer (exceljs) drops that empty result, which then reads as a formula without result:
 * both are an empty cell here.
 */
function tableCells(bytes: Uint8Array): RawCell[][] {
  const sheet = readXlsx(bytes).sheets.find((s) => s.name === TABLE);
  if (!sheet) throw new Error("no table sheet");
  const width = Math.max(...sheet.rows.map((r) => r?.length ?? 0));
  return Array.from(sheet.rows, (row) =>
    Array.from({ length: width }, (_, c) => {
      const cell = row?.[c];
      return cell === undefined || isFormulaWithoutResult(cell) ? null : cell;
    }),
  );
}

/** A returned file with parts the merge must leave unread: a macro project and an external link. */
function withMacroAndLink(bytes: Uint8Array): Uint8Array {
  const files = unzipSync(bytes);
  files["xl/vbaProject.bin"] = strToU8("not a real macro project");
  files["xl/externalLinks/externalLink1.xml"] = strToU8('<externalLink xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>');
  return zipSync(files);
}

const key = (n: { kind: string; department?: string; item?: string }) => `${n.kind} ${n.department ?? "-"} ${n.item ?? "-"}`;

let split: SplitResult;
let inputs: ReturnedInput[];
let masterRows: Map<string, { sheetRow: number; result: string; title: string }>;
const fileOf = (department: string) => {
  const file = split.files.find((f) => f.department === department);
  if (!file) throw new Error(`no file for ${department}`);
  return file;
};

beforeAll(async () => {
  if (!hasLibreOffice()) throw new Error("LibreOffice (soffice) is needed for the round trip: apt-get install libreoffice-calc");
  const master = await XlsxWorkbookPort.load(R2);
  split = await splitByDepartment(master, departmentWorkbooks, { deadline: "2021-05-14", contact: "行政経営課 内線 2345", created: CREATED });
  const { table } = await master.read();
  masterRows = new Map(table.rows.map((r) => [r.item, { sheetRow: r.sheetRow, result: r.result, title: r.title }]));
  const row8 = table.rows.find((r) => r.item === "8");
  if (!row8) throw new Error("no row 8");

  // Last year's form: the same plan, made when its table was the FY2019 one.
  const lastYear = await XlsxWorkbookPort.load(R2);
  await savePlanMeta(lastYear, { ...(await runCheck(lastYear)).meta.meta, fiscalYear: 2019 });
  const old = await splitByDepartment(await XlsxWorkbookPort.load(await lastYear.save()), departmentWorkbooks, { created: "2020-04-30T00:00:00.000Z" });
  const oldHoiku = old.files.find((f) => f.department === "保育課");
  if (!oldHoiku) throw new Error("no 保育課 form last year");

  const at = (day: number) => new Date(Date.UTC(2021, 4, day, 1, 0, 0));
  const excel: Record<string, [string, Fill]> = {
    "政策課.xlsx": [
      "政策課",
      {
        modified: at(12),
        edits: [
          { item: "12", field: "rating", value: "B" },
          { item: "9", field: "result", value: `${masterRows.get("9")?.result} 追記` },
          { item: "43", field: "result", value: "=以下のとおり実施した（会議 3回）" },
          { item: "13", field: "result", value: "政策課の回答" },
        ],
      },
    ],
    "財政課.xlsx": [
      "財政課",
      {
        modified: at(11),
        deleteRows: ["17"],
        edits: [
          { item: "20", field: "rating", value: "A" },
          { item: "25", field: "result", value: { formula: '"実績: "&"削減額 5千万円"', result: "実績: 削減額 5千万円" } },
        ],
      },
    ],
    "産業振興課（旧）.xlsx": ["産業振興課", { modified: at(10), edits: [{ item: "7", field: "rating", value: "B" }] }],
    "産業振興課.xlsx": [
      "産業振興課",
      {
        modified: at(12),
        edits: [
          { item: "7", field: "rating", value: "S" },
          { item: "22", field: "result", value: "・新たな支援策を実施した（利用件数 120件）" },
        ],
      },
    ],
    "職員課.xlsx": ["職員課", { modified: at(13), copyToNewWorkbook: true, edits: [{ item: "31", field: "rating", value: "B" }] }],
    "公共施設マネジメント課.xlsx": ["公共施設マネジメント課", { modified: at(12), edits: [{ item: "28", field: "rating", value: "B" }], swapRows: ["28", "36"] }],
    "高齢者支援課.xlsx": ["高齢者支援課", { modified: at(12), edits: [{ item: "24", field: "result", value: { error: "#N/A" } }] }],
  };
  const filled: Record<string, Uint8Array> = {};
  for (const [name, [department, fill]] of Object.entries(excel)) filled[name] = await fillWithExcelJs(fileOf(department).bytes, fill);
  // Two departments fill theirs and save in LibreOffice.
  const libre = throughLibreOffice({
    "市民課.xlsx": await fillWithExcelJs(fileOf("市民課").bytes, {
      edits: [
        { item: "13", field: "result", value: "市民課の回答" },
        { item: "35", field: "rating", value: "S" },
      ],
      insertRow: { before: "35", values: [row8.category, row8.noWritten, row8.subWritten, row8.title, row8.department, row8.ratingWritten, row8.actions, row8.plan, row8.result] },
    }),
    "行政経営課.xlsx": await fillWithExcelJs(fileOf("行政経営課").bytes, {
      unprotect: true,
      edits: [
        { item: "33", field: "title", value: "事務事業の見直し（改）" },
        { item: "34", field: "rating", value: "B" },
      ],
    }),
  });
  const lastYearFile = await fillWithExcelJs(oldHoiku.bytes, { edits: [{ item: "26", field: "rating", value: "B" }] });
  const untouched = split.files.filter(
    (f) => !["政策課", "財政課", "産業振興課", "職員課", "公共施設マネジメント課", "高齢者支援課", "市民課", "行政経営課", "保育課", "情報政策課", "下水道課"].includes(f.department),
  );
  inputs = [
    ...Object.entries(filled).map(([name, bytes]) => readReturnedFile(name, bytes)),
    ...Object.entries(libre).map(([name, bytes]) => readReturnedFile(name, bytes)),
    readReturnedFile("保育課（令和元年度）.xlsx", lastYearFile),
    readReturnedFile("下水道課.xlsx", withMacroAndLink(fileOf("下水道課").bytes)),
    readReturnedFile("返送メモ.xlsx", strToU8("これは Excel のファイルではありません")),
    ...untouched.map((f) => readReturnedFile(f.name, f.bytes)),
  ];
}, 240_000);

/** The changes every correct answer makes: item, column header, value after. */
function expectedChanges(): [string, string, string][] {
  return [
    ["7", "評価", "S"],
    ["9", "取組実績（令和3年3月末実績値）", `${masterRows.get("9")?.result} 追記`],
    ["12", "評価", "B"],
    ["20", "評価", "A"],
    ["22", "取組実績（令和3年3月末実績値）", "・新たな支援策を実施した（利用件数 120件）"],
    ["25", "取組実績（令和3年3月末実績値）", "実績: 削減額 5千万円"],
    ["31", "評価", "B"],
    ["34", "評価", "B"],
    ["35", "評価", "S"],
    ["43", "取組実績（令和3年3月末実績値）", "=以下のとおり実施した（会議 3回）"],
  ];
}

const EXPECTED_CONFLICTS = [
  "answeredDifferently 市民課 13",
  "answeredDifferently 政策課 13",
  "errorValue 高齢者支援課 24",
  "fileRefused - -",
  "lockedChanged 行政経営課 33",
  "otherDepartmentRow 市民課 8",
  "otherYear 保育課 -",
  "rowDeleted 財政課 17",
  "rowMoved 公共施設マネジメント課 28",
  "superseded 産業振興課 -",
];

const EXPECTED_NOTICES = [
  "formulaValue 財政課 25",
  "ignoredContent 下水道課 -",
  "newerTaken 産業振興課 -",
  "noIdentity 職員課 -",
  "textLikeFormula 政策課 43",
];

function checkPreview(preview: MergePreview): void {
  const { plan } = preview;
  expect(plan.changes.map((c) => [c.item, c.header, c.after])).toEqual(expectedChanges());
  expect(plan.conflicts.map(key).sort()).toEqual(EXPECTED_CONFLICTS);
  expect(plan.notices.map(key).sort()).toEqual(EXPECTED_NOTICES);
  // The newer of the two answers of 産業振興課 is the one taken.
  expect(plan.files.filter((f) => f.department === "産業振興課").map((f) => [f.file, f.taken])).toEqual([
    ["産業振興課（旧）.xlsx", false],
    ["産業振興課.xlsx", true],
  ]);
}

describe("the round trip with the departments, on the Kodaira sample", () => {
  it("splits the table into one file per department named in 主な推進担当課, shared items in each", () => {
    const departments = split.files.map((f) => f.department);
    expect(departments).toContain("市民課");
    expect(departments).toContain("政策課");
    expect(new Set(departments).size).toBe(departments.length);
    expect(fileOf("政策課").rows).toBe(8);
    expect(fileOf("市民課").rows).toBe(2);
    // Items without a department (No.1) and the parents of sub-items (「-」) are the section's.
    expect(split.plan.unassigned.map((r) => r.item)).toEqual(["1", "2", "4", "30", "38"]);
    // Every row with a department is sent to each of its departments.
    const sent = split.plan.forms.reduce((n, f) => n + f.rows.filter((r) => r.role === "own").length, 0);
    expect(sent).toBe(split.plan.forms.flatMap((f) => f.identity.rows.filter((r) => r.role === "own")).length);
  });

  it("previews every answer: the changes, every mistake as a conflict, and who has not answered", async () => {
    const preview = await previewMerge(await XlsxWorkbookPort.load(R2), inputs, { created: "2021-05-15T00:00:00.000Z" });
    checkPreview(preview);
    const status = new Map(preview.status.map((s) => [s.department, s]));
    expect(status.get("情報政策課")).toMatchObject({ rows: 1, changed: 0, conflicts: 0 });
    expect(status.get("情報政策課")?.file).toBeUndefined();
    expect(status.get("保育課")?.file).toBeUndefined();
    expect(status.get("保育課")?.conflicts).toBe(1);
    expect(status.get("政策課")).toMatchObject({ file: "政策課.xlsx", changed: 3, conflicts: 1 });
    expect(status.get("産業振興課")?.returnedAt).toBe("2021-05-12T01:00:00.000Z");
    // The check after the merge: No.12, overstated before, is corrected to B by 政策課; No.7, now rated S
    // by 産業振興課 where its numbers say A, is overstated: 産業振興課 must correct.
    expect(preview.after.findings.filter((f) => f.item === "12")).toEqual([]);
    expect(preview.after.findings.filter((f) => f.item === "7").map((f) => [f.code, f.suggested])).toEqual([["RATING_OVERSTATED", "A"]]);
    expect(status.get("産業振興課")?.warnings).toBeGreaterThan(0);
  });

  it("applies the merge: the table equals the expected one cell for cell, the history records each change, and the undo restores it exactly", async () => {
    const port = await XlsxWorkbookPort.load(R2);
    const preview = await previewMerge(port, inputs);
    const applied = await applyMerge(port, preview, { at: "2021-05-15T01:00:00.000Z" });
    expect(applied.cells).toBe(10);
    const merged = await port.save();
    const original = tableCells(R2);
    const expected = original.map((row) => [...row]);
    const header = original[0]?.map((c) => String(c ?? "")) ?? [];
    for (const [item, column, after] of expectedChanges()) {
      const at = masterRows.get(item);
      (expected[(at?.sheetRow ?? 0) - 1] as RawCell[])[header.indexOf(column)] = after;
    }
    expect(tableCells(merged)).toEqual(expected);

    const history = await readHistory(port);
    // One row per cell changed, and one per department whose answer was taken with nothing to change.
    expect(history.entries.filter((e) => e.cell !== "")).toHaveLength(10);
    const unchanged = history.entries.filter((e) => e.cell === "");
    expect(unchanged.every((e) => e.column === "（変更なし）" && e.merge === applied.id)).toBe(true);
    const untouched = split.files.map((f) => f.department).filter((d) => !["政策課", "財政課", "産業振興課", "職員課", "公共施設マネジメント課", "高齢者支援課", "市民課", "行政経営課", "保育課", "情報政策課", "下水道課"].includes(d));
    expect(untouched.length).toBeGreaterThan(0);
    // The untouched forms, 下水道課's (its macro and link ignored), and two whose answers are all conflicts:
    // they answered, and a later merge's status says so.
    expect(unchanged.map((e) => e.department).sort()).toEqual([...untouched, "下水道課", "公共施設マネジメント課", "高齢者支援課"].sort());
    expect(history.entries[0]).toMatchObject({ action: "merge", merge: applied.id, department: "産業振興課", item: "7", column: "評価", before: "A", after: "S", cell: "F17" });
    expect(history.merges).toEqual([expect.objectContaining({ id: applied.id, cells: 10, undone: false })]);

    // The undo, later, from the saved file: its history is in it.
    const later = await XlsxWorkbookPort.load(merged);
    const result = await undoMerge(later, applied.id, { at: "2021-05-16T01:00:00.000Z" });
    expect(result).toMatchObject({ restored: 10, kept: [] });
    expect(tableCells(await later.save())).toEqual(original);
    expect((await readHistory(later)).merges[0]?.undone).toBe(true);
    expect((await readHistory(later)).entries.filter((e) => e.action === "undo")).toHaveLength(10);
  });

  it("gives the same preview and the same table through the Excel port (the fake), and undoes there too", async () => {
    const fake = await fakeFromFile(R2);
    const port = new ExcelWorkbookPort(fake.run);
    const preview = await previewMerge(port, inputs);
    checkPreview(preview);
    const applied = await applyMerge(port, preview);
    const after = await port.read();
    for (const [item, column, value] of expectedChanges()) {
      const row = after.table.rows.find((r) => r.item === item);
      const field = column === "評価" ? row?.ratingWritten : row?.result;
      expect(field, `No.${item}`).toBe(value);
    }
    const before = await (await XlsxWorkbookPort.load(R2)).read();
    expect((await undoMerge(port, applied.id)).restored).toBe(10);
    expect((await port.read()).table.rows).toEqual(before.table.rows);
  });
});
