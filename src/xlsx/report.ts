import type ExcelJS from "exceljs";
import type { SheetPlan } from "../core/report/plan";
import { BORDER_COLOR, REPORT_FONT, STYLES, type CellStyle, type StyleName } from "../core/report/style";
import { columnLetter } from "../core/workbook/cells";

type Style = Partial<Pick<ExcelJS.Cell, "font" | "alignment" | "fill" | "border">>;

const argb = (hex: string) => `FF${hex.replace("#", "").toUpperCase()}`;
const solid = (hex: string): ExcelJS.Fill => ({ type: "pattern", pattern: "solid", fgColor: { argb: argb(hex) } });
const thin: Partial<ExcelJS.Border> = { style: "thin", color: { argb: argb(BORDER_COLOR) } };

/** A style of the plan (src/core/report/style.ts) as exceljs writes it. */
function translate(style: CellStyle): Style {
  return {
    font: { name: REPORT_FONT, size: style.size, ...(style.bold ? { bold: true } : {}) },
    alignment: {
      vertical: style.vertical,
      ...(style.horizontal ? { horizontal: style.horizontal } : {}),
      ...(style.wrap ? { wrapText: true } : {}),
      ...(style.indent ? { indent: style.indent } : {}),
      ...(style.stacked ? { textRotation: "vertical" as const } : {}),
    },
    ...(style.fill ? { fill: solid(style.fill) } : {}),
    ...(style.border ? { border: { top: thin, bottom: thin, left: thin, right: thin } } : {}),
  };
}

const XLSX_STYLES = Object.fromEntries(Object.entries(STYLES).map(([name, style]) => [name, translate(style)])) as Record<StyleName, Style>;

/** Renders a sheet plan into an exceljs worksheet: text as text, merges, heights, print setup. */
export function renderPlan(sheet: ExcelJS.Worksheet, plan: SheetPlan): void {
  sheet.columns = plan.columns.map((c) => ({ width: c.width }));
  const ratingFills = new Map(plan.ratingFills.map((f) => [f.symbol, f.fill]));
  for (const cell of plan.cells) {
    const target = sheet.getCell(cell.row + 1, cell.column + 1);
    if (typeof cell.value === "string") target.numFmt = "@";
    target.value = cell.value;
    Object.assign(target, XLSX_STYLES[cell.style]);
    const ratingFill = cell.style === "rating" && typeof cell.value === "string" ? ratingFills.get(cell.value) : undefined;
    if (ratingFill) target.fill = solid(ratingFill);
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
