import ExcelJS from "exceljs";
import { cellText } from "./cells";

export interface SheetSummary {
  name: string;
  rows: number;
  columns: number;
  /** Hidden or very hidden sheets, such as the add-in's settings sheet. */
  hidden: boolean;
}

export interface WorkbookSummary {
  sheets: SheetSummary[];
  /** The first rows of the first visible sheet, as displayed text. */
  preview: string[][];
}

/** Raised when the bytes are not an .xlsx workbook (a zip with a workbook part). */
export class NotXlsxError extends Error {
  constructor(cause: unknown) {
    super("not an xlsx workbook", { cause });
    this.name = "NotXlsxError";
  }
}

export async function loadWorkbook(data: ArrayBuffer | Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(data as ArrayBuffer);
  } catch (error) {
    throw new NotXlsxError(error);
  }
  return workbook;
}

export async function summarizeWorkbook(data: ArrayBuffer | Uint8Array, previewRows = 6): Promise<WorkbookSummary> {
  const workbook = await loadWorkbook(data);
  const sheets = workbook.worksheets.map((sheet) => ({
    name: sheet.name,
    rows: sheet.actualRowCount,
    columns: sheet.actualColumnCount,
    hidden: sheet.state !== "visible",
  }));
  const first = workbook.worksheets.find((sheet) => sheet.state === "visible");
  const preview: string[][] = [];
  if (first) {
    const width = first.actualColumnCount;
    first.eachRow((row) => {
      if (preview.length >= previewRows) return;
      const texts: string[] = [];
      for (let c = 1; c <= width; c += 1) texts.push(cellText(row.getCell(c).value));
      preview.push(texts);
    });
  }
  return { sheets, preview };
}
