// npm run seed: builds the samples with the project's own code.
// - seeds/kodaira-r2.xlsx (+ kodaira-r2.rows.json): the Kodaira progress workbook, from the seed text
//   through the report-text importer;
// - seeds/arao-2009.xlsx: Arao's targets (arao-2009.tsv) in that city's own layout and rating scale.
// Running it twice gives the same cells.
import { readFileSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { importReportText } from "../src/core/import/reportText";
import { PRESET_SCALES } from "../src/core/rating/scale";
import { DEFAULT_SETTINGS, settingsToRows } from "../src/core/workbook/settings";
import { buildProgressWorkbook, buildLayoutWorkbook } from "../src/xlsx/progressWorkbook";

const seeds = resolve(__dirname, "../seeds");

async function kodaira(): Promise<void> {
  const report = importReportText(readFileSync(resolve(seeds, "000_42fcd9900b63a6e5.txt"), "utf8"));
  await buildProgressWorkbook(report.meta, report.rows).xlsx.writeFile(resolve(seeds, "kodaira-r2.xlsx"));
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
  await workbook.xlsx.writeFile(resolve(seeds, "arao-2009.xlsx"));
  console.log(`seeds/arao-2009.xlsx: ${rows.length} targets`);
}

async function main(): Promise<void> {
  await kodaira();
  await arao();
}

void main();
