import ExcelJS from "exceljs";
import type { SheetPlan, StyleName } from "../core/report/plan";
import { reportSheetName } from "../core/report/target";
import { columnLetter } from "../core/workbook/cells";
import type { XlsxWorkbookPort } from "./workbookPort";
import { DEFAULT_SETTINGS } from "../core/workbook/settings";

type Style = Partial<Pick<ExcelJS.Cell, "font" | "alignment" | "fill" | "border">>;

const thin: Partial<ExcelJS.Border> = { style: "thin", color: { argb: "FF808080" } };
const box: Partial<ExcelJS.Borders> = { top: thin, bottom: thin, left: thin, right: thin };
const FONT = "游ゴシック";
const fill = (argb: string): ExcelJS.Fill => ({ type: "pattern", pattern: "solid", fgColor: { argb } });

/** The named styles of the plan, for exceljs. Ratings are told apart by their fill in greyscale too. */
export const XLSX_STYLES: Record<StyleName, Style> = {
  title: { font: { name: FONT, size: 16, bold: true }, alignment: { horizontal: "center", vertical: "middle" } },
  heading: { font: { name: FONT, size: 11, bold: true }, alignment: { vertical: "middle" } },
  legend: { font: { name: FONT, size: 10 }, alignment: { vertical: "middle", indent: 1 } },
  note: { font: { name: FONT, size: 10 }, alignment: { vertical: "middle", indent: 1 } },
  summaryHeader: { font: { name: FONT, size: 10, bold: true }, alignment: { horizontal: "center", vertical: "middle", wrapText: true }, fill: fill("FFE8EEF7"), border: box },
  summaryLabel: { font: { name: FONT, size: 10 }, alignment: { vertical: "middle", wrapText: true }, border: box },
  summaryNumber: { font: { name: FONT, size: 10 }, alignment: { horizontal: "center", vertical: "middle" }, border: box },
  summaryTotal: { font: { name: FONT, size: 10, bold: true }, alignment: { horizontal: "center", vertical: "middle" }, border: box },
  chart: { font: { name: FONT, size: 10 }, alignment: { vertical: "middle", wrapText: true }, border: box },
  header: { font: { name: FONT, size: 10, bold: true }, alignment: { horizontal: "center", vertical: "middle", wrapText: true }, fill: fill("FFE8EEF7"), border: box },
  // Top-aligned: a section spans pages, and its 分野 must show where it starts.
  category: { font: { name: FONT, size: 10, bold: true }, alignment: { horizontal: "center", vertical: "top", wrapText: true, textRotation: "vertical" }, border: box },
  item: { font: { name: FONT, size: 9 }, alignment: { vertical: "top", wrapText: true }, border: box },
  department: { font: { name: FONT, size: 9 }, alignment: { vertical: "top", wrapText: true }, border: box },
  rating: { font: { name: FONT, size: 11, bold: true }, alignment: { horizontal: "center", vertical: "middle" }, border: box },
  text: { font: { name: FONT, size: 9 }, alignment: { vertical: "top", wrapText: true }, border: box },
};

/** Fills of the rating cells: S darkest, B light grey, A white. */
export const RATING_FILL: Record<string, string> = { S: "FFBDD7EE", B: "FFE4E4E4" };

/** Renders a sheet plan into an exceljs worksheet: text as text, merges, heights, print setup. */
export function renderPlan(sheet: ExcelJS.Worksheet, plan: SheetPlan): void {
  sheet.columns = plan.columns.map((c) => ({ width: c.width }));
  for (const cell of plan.cells) {
    const target = sheet.getCell(cell.row + 1, cell.column + 1);
    if (typeof cell.value === "string") target.numFmt = "@";
    target.value = cell.value;
    Object.assign(target, XLSX_STYLES[cell.style]);
    if (cell.style === "rating" && typeof cell.value === "string" && RATING_FILL[cell.value]) {
      target.fill = fill(RATING_FILL[cell.value] as string);
    }
  }
  for (const m of plan.merges) {
    if (m.top === m.bottom && m.left === m.right) continue;
    sheet.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
  }
  plan.rowHeights.forEach((height, r) => {
    sheet.getRow(r + 1).height = height;
  });
  for (const row of plan.pageBreaks) sheet.getRow(row).addPageBreak();
  const last = columnLetter(plan.columns.length - 1);
  sheet.pageSetup = {
    // OOXML paper sizes: 9 = A4, 8 = A3 (exceljs names only A4).
    paperSize: (plan.print.paper === "A3" ? 8 : 9) as unknown as ExcelJS.PaperSize,
    orientation: plan.print.orientation,
    scale: plan.print.scale,
    fitToPage: false,
    horizontalCentered: true,
    printTitlesRow: `${plan.print.titleRows[0] + 1}:${plan.print.titleRows[1] + 1}`,
    printArea: `A1:${last}${plan.rowHeights.length}`,
    margins: plan.print.margins,
  };
  sheet.headerFooter = { oddFooter: `&C${plan.print.footer.replace("{page}", "&P")}` };
}

/**
 * Adds the report sheet to the workbook behind the port: built aside and added when complete, an
 * earlier report replaced only if the add-in made it (recorded in the settings sheet).
 */
export async function writeReport(port: XlsxWorkbookPort, plan: SheetPlan): Promise<string> {
  const workbook = port.workbook;
  const settings = (await port.readSettings())?.settings ?? DEFAULT_SETTINGS;
  const generated = settings.generated ?? [];
  const name = reportSheetName(plan.name, workbook.worksheets.map((s) => s.name), generated);
  const old = workbook.getWorksheet(name);
  if (old) workbook.removeWorksheet(old.id);
  const sheet = workbook.addWorksheet(name);
  try {
    renderPlan(sheet, plan);
  } catch (error) {
    workbook.removeWorksheet(sheet.id);
    throw error;
  }
  await port.writeSettings({ ...settings, generated: [...new Set([...generated, name])] });
  return name;
}
