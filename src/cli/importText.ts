import { parseArgs } from "node:util";
import { importReportText, type ImportReading } from "../core/import/reportText";
import type { Band, RatingScale } from "../core/rating/scale";
import { DEFAULT_SETTINGS } from "../core/workbook/settings";
import { readInputForOutput, writeCommandOutput } from "./files";
import { EXIT_OK, EXIT_USAGE, type CliIo } from "./io";
import type { CliMessages } from "./messages";

/** What the import understood, said after the workbook is written (Japanese first, English with --lang en). */
const UNDERSTOOD = {
  ja: {
    layout: {
      table: "見出し行のある表",
      blocks: "項目見出しと目標・実績の行",
      form: "事業ごとの票（年度が列）",
      yearGrid: "年度が列の表（目標は上の一覧）",
      sideways: "項目が列の横向きの表",
    },
    band: { ahead: "予定以上", on: "予定どおり", behind: "遅れ" } as Record<Band, string>,
    scaleSource: { legend: "凡例から", symbols: "評価の記号から仮定", default: "既定" },
    line: (layout: string, year: string, scale: string) => `読み取り: ${layout}、評価年度 ${year}、評価の尺度 ${scale}`,
    year: (fy: number, source?: string) => `${fy}年度${source ? `（${source}）` : ""}`,
    yearUnknown: "不明（設定シートで指定してください）",
    rates: (rates: string) =>
      `凡例は達成率で評価を定めています（${rates}）。達成率の区切りはまだ設定に保存できないため、評価は「予定以上・予定どおり・遅れ」の意味だけで確かめます`,
  },
  en: {
    layout: {
      table: "a table with a header row",
      blocks: "item headings with target and result lines",
      form: "one form per item (years as columns)",
      yearGrid: "a grid of years (targets listed above it)",
      sideways: "a sideways table (items as columns)",
    },
    band: { ahead: "ahead", on: "on plan", behind: "behind" } as Record<Band, string>,
    scaleSource: { legend: "from the legend", symbols: "assumed from the symbols", default: "default" },
    line: (layout: string, year: string, scale: string) => `Read as: ${layout}; year evaluated ${year}; scale ${scale}`,
    year: (fy: number, source?: string) => `FY${fy}${source ? ` (${source})` : ""}`,
    yearUnknown: "unknown (set it on the settings sheet)",
    rates: (rates: string) =>
      `The legend defines ratings by achievement rates (${rates}). The rates cannot be stored in the settings yet: ratings are checked by their bands (ahead, on plan, behind) only`,
  },
};

function understood(reading: ImportReading, scale: RatingScale, lang: "ja" | "en"): string[] {
  const t = UNDERSTOOD[lang];
  const symbols = scale.symbols.map((s) => `${s.symbol}=${s.bands.map((b) => t.band[b]).join("/")}`).join(lang === "ja" ? "・" : ", ");
  const year = reading.fiscalYear === undefined ? t.yearUnknown : t.year(reading.fiscalYear, reading.yearSource);
  const lines = [t.line(t.layout[reading.layout], year, `${symbols}（${t.scaleSource[reading.scaleSource]}）`)];
  const rates = Object.entries(reading.rates);
  if (rates.length > 0) {
    lines.push(t.rates(rates.map(([symbol, r]) => `${symbol}: ${r.min ?? 0}%${r.max === undefined ? "〜" : `〜${r.max}%`}`).join(", ")));
  }
  return lines;
}

/**
 * plan-progress import-text REPORT.txt -o OUT.xlsx: a published report's text as a progress workbook —
 * Kodaira's pages, or a table copied from any city's web page or PDF (src/core/import/cityText.ts), with
 * the scale its ratings are on stored in the settings sheet and what was understood said on stdout.
 */
export async function importText(args: string[], m: CliMessages, io: CliIo): Promise<number> {
  const { positionals, values } = parseArgs({
    args,
    allowPositionals: true,
    options: { help: { type: "boolean", short: "h" }, lang: { type: "string" }, output: { type: "string", short: "o" }, force: { type: "boolean" } },
  });
  if (values.help) {
    io.out(m.importUsage);
    return EXIT_OK;
  }
  const files = await readInputForOutput(positionals[0], values.output, { missing: m.importMissingArgs, force: values.force === true }, m, io);
  if (!files) return EXIT_USAGE;
  const { input, output } = files;
  const report = importReportText(files.bytes.toString("utf8"));
  if (report.rows.length === 0) {
    io.err(m.noRows(input));
    return EXIT_USAGE;
  }
  const settings = { ...DEFAULT_SETTINGS, meta: report.meta, ...(report.profile ? { profile: report.profile } : {}) };
  // exceljs is loaded only by the commands that need it.
  const { progressWorkbookBytes } = await import("../xlsx/progressWorkbook");
  if (!(await writeCommandOutput(output, await progressWorkbookBytes(report.meta, report.rows, settings), m, io))) return EXIT_USAGE;
  const subs = report.rows.filter((r) => r.sub !== undefined).length;
  io.out(m.imported(output, report.rows.length - subs, subs));
  if (report.reading) for (const line of understood(report.reading, settings.profile.scale, values.lang === "en" ? "en" : "ja")) io.out(line);
  return EXIT_OK;
}
