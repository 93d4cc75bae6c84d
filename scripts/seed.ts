// npm run seed: builds the samples with the project's own code.
// - seeds/kodaira-r2.xlsx (+ kodaira-r2.rows.json): the Kodaira progress workbook, from the seed text
//   through the report-text importer;
// - seeds/arao-2009.xlsx: Arao's targets (arao-2009.tsv) in that city's own layout and rating scale.
// Running it twice gives the same cells.
import { readFileSync, writeFileSync } from "node:fs";
import type ExcelJS from "exceljs";
import { resolve } from "node:path";
import { importReportText } from "../src/core/import/reportText";
import { PRESET_SCALES } from "../src/core/rating/scale";
import { DEFAULT_SETTINGS, settingsToRows } from "../src/core/workbook/settings";
import { tableRow, type RowInput, type TableRow } from "../src/core/workbook/table";
import { buildProgressWorkbook, buildLayoutWorkbook } from "../src/xlsx/progressWorkbook";

const seeds = resolve(__dirname, "../seeds");

async function writeSample(workbook: ExcelJS.Workbook, file: string): Promise<void> {
  await workbook.xlsx.writeFile(resolve(seeds, file));
}

async function kodaira(): Promise<void> {
  const report = importReportText(readFileSync(resolve(seeds, "000_42fcd9900b63a6e5.txt"), "utf8"));
  await writeSample(buildProgressWorkbook(report.meta, report.rows), "kodaira-r2.xlsx");
  writeFileSync(resolve(seeds, "kodaira-r2.rows.json"), `${JSON.stringify({ meta: report.meta, rows: report.rows }, null, 2)}\n`);
  const subs = report.rows.filter((r) => r.sub !== undefined).length;
  console.log(`seeds/kodaira-r2.xlsx, seeds/kodaira-r2.rows.json: ${report.rows.length} rows (${report.rows.length - subs} items, ${subs} sub-items)`);
}

async function arao(): Promise<void> {
  const rows = readFileSync(resolve(seeds, "arao-2009.tsv"), "utf8")
    .split("\n")
    .filter((line) => line.trim() && !line.startsWith("#"))
    .map((line) => line.split("\t"))
    .map(([no, title, plan, result, rating]) => [Number(no), title ?? "", plan ?? "", result ?? "", rating ?? ""]);
  const scale = PRESET_SCALES.find((p) => p.id === "達成/概ね達成/未達成")?.scale;
  if (!scale) throw new Error("no 達成 scale");
  // The page rates on two words: 達成 (ahead or on plan) and 未達成 (behind).
  const twoWords = { symbols: scale.symbols.filter((s) => s.symbol !== "概ね達成") };
  const settings = settingsToRows({ ...DEFAULT_SETTINGS, profile: { ...DEFAULT_SETTINGS.profile, scale: twoWords } });
  const workbook = buildLayoutWorkbook({
    sheet: "数値目標",
    preamble: ["第三次荒尾市行政改革大綱 主な数値目標の成果（平成21年度）"],
    header: ["番号", "取組項目", "目標", "実績", "達成状況"],
    widths: [6, 30, 36, 40, 10],
    rows,
    settings,
  });
  await writeSample(workbook, "arao-2009.xlsx");
  console.log(`seeds/arao-2009.xlsx: ${rows.length} targets`);
}

/**
 * seeds/kodaira-r3.xlsx: a second year made from the first, with the changes listed in seeds/README.md
 * (「2年目のサンプル」) — each one a case the comparison must find.
 */
async function kodairaSecondYear(): Promise<void> {
  const report = importReportText(readFileSync(resolve(seeds, "000_42fcd9900b63a6e5.txt"), "utf8"));
  const byItem = (item: string) => {
    const row = report.rows.find((r) => r.item === item);
    if (!row) throw new Error(`no item ${item}`);
    return row;
  };
  const edit = (item: string, change: Partial<RowInput>) => {
    const row = byItem(item);
    return tableRow({ ...row, ratingWritten: row.ratingWritten, ...change });
  };
  const changed = new Map<string, TableRow>([
    // 1. Item 12: A → B, its indicator still short of the target.
    ["12", edit("12", { ratingWritten: "B", result: byItem("12").result.replace("44.0%(109指標のうち48指標)", "52.3%(109指標のうち57指標)") })],
    // 2. Item 8: A → S while the results are last year's, word for word.
    ["8", edit("8", { ratingWritten: "S" })],
    // 3. Item 37: B → A, with new results.
    ["37", edit("37", { ratingWritten: "A", result: "・事業企画委員会を全館で開催した。 (公民館:事業企画委員会の設置数11館、実施回数全館合計41回)" })],
    // 4. Item 9: the target raised from 1件以上 to 3件以上.
    ["9", edit("9", { plan: byItem("9").plan.replace("策定件数 1件以上", "策定件数 3件以上") })],
    // 5. Item 13: its title extended (the same No.).
    ["13", edit("13", { title: "市政に関する世論調査の実施と活用" })],
  ]);
  const rows: TableRow[] = [];
  for (const row of report.rows) {
    // 6. Item 42 ended; 7. item 43 is now No. 42.
    if (row.item === "42") continue;
    if (row.no === 43) {
      rows.push(tableRow({ ...row, no: 42, noWritten: "42", ratingWritten: row.ratingWritten }));
      continue;
    }
    rows.push(changed.get(row.item) ?? row);
  }
  // 8. A new item at the end of its 分野.
  rows.push(
    tableRow({
      sheetRow: 0,
      category: "執行体制の再構築",
      no: 43,
      title: "オープンデータの推進",
      department: "情報政策課",
      ratingWritten: "A",
      actions: "・オープンデータの公開",
      plan: "・市が保有するデータを公開する。 (公開データセット数 30件以上)",
      result: "・公開データを拡充した。 (公開データセット数 34件)",
      notes: "",
      noWritten: "43",
      subWritten: "",
      errors: [],
    }),
  );
  const renumbered = rows.map((row, i) => ({ ...row, sheetRow: i + 2 }));
  const meta = { ...report.meta, fiscalYear: 2021, evaluationDate: "令和4年3月末" };
  await writeSample(buildProgressWorkbook(meta, renumbered), "kodaira-r3.xlsx");
  console.log(`seeds/kodaira-r3.xlsx: ${renumbered.length} rows, the second year`);
}

/**
 * seeds/sado-2006.xlsx: 佐渡市's 平成18年度 self-assessment as published, three departments' pages a sheet
 * each (tests/fixtures/cities/sado: cells, number formats and merges as typed from the city's pages). No
 * settings sheet: the layout, the year and the scale are for the reader to understand (seeds/README.md).
 */
async function sado(): Promise<void> {
  const { default: ExcelJS } = await import("exceljs");
  const fixture = JSON.parse(readFileSync(resolve(__dirname, "../tests/fixtures/cities/sado/table.json"), "utf8")) as {
    sheets: { name: string; rows: (string | number | null)[][]; merges?: string[]; formats?: Record<string, string> }[];
  };
  const workbook = new ExcelJS.Workbook();
  // A fixed date: running the seed twice gives the same file contents.
  workbook.created = workbook.modified = new Date(Date.UTC(2007, 8, 19));
  for (const sheet of fixture.sheets) {
    const ws = workbook.addWorksheet(sheet.name);
    ws.columns = [{ width: 44 }, { width: 36 }, { width: 10 }];
    sheet.rows.forEach((row, r) =>
      row.forEach((value, c) => {
        if (value === null) return;
        const cell = ws.getCell(r + 1, c + 1);
        cell.value = value;
        cell.alignment = { vertical: "top", wrapText: true };
      }),
    );
    for (const [address, format] of Object.entries(sheet.formats ?? {})) ws.getCell(address).numFmt = format;
    for (const range of sheet.merges ?? []) ws.mergeCells(range);
  }
  await workbook.xlsx.writeFile(resolve(seeds, "sado-2006.xlsx"));
  console.log(`seeds/sado-2006.xlsx: ${fixture.sheets.length} sheets (${fixture.sheets.map((s) => s.name).join(", ")})`);
}

async function main(): Promise<void> {
  await kodaira();
  await kodairaSecondYear();
  await arao();
  await sado();
}

void main();
