/**
 * How much room text takes in a spreadsheet column, one model for every writer (the report, the
 * progress workbook). A column's width counts characters of the default font: about 7 pixels at
 * 96 dpi (Calibri or Yu Gothic 11 pt). A full-width character takes one em of its font, a half-width
 * one about 0.6 em (wider fonts such as DejaVu Sans, which stand in where Calibri is missing, included).
 */
const PIXELS_PER_WIDTH_UNIT = 7;
const PIXELS_PER_POINT = 96 / 72;
/** Column padding Excel adds to a width: 5 pixels. */
const COLUMN_PADDING_PIXELS = 5;

const isFullWidth = (code: number): boolean => code > 0xff && !(code >= 0xff61 && code <= 0xff9f);

/** Width of a line of text in column-width units, at a font size in points. */
export function textWidth(text: string, fontSize: number): number {
  let ems = 0;
  for (const ch of text) ems += isFullWidth(ch.codePointAt(0) ?? 0) ? 1 : 0.6;
  return (ems * fontSize * PIXELS_PER_POINT) / PIXELS_PER_WIDTH_UNIT;
}

/** Lines a wrapped cell needs in a column of this width (line breaks kept, one unit of padding). */
export function wrappedLines(text: string, columnWidth: number, fontSize: number): number {
  const usable = Math.max(1, columnWidth - 1);
  return String(text)
    .split("\n")
    .reduce((sum, line) => sum + Math.max(1, Math.ceil(textWidth(line, fontSize) / usable)), 0);
}

/** Height in points of one line of text at a font size (the font's line spacing, about 1.35 em). */
export function lineHeight(fontSize: number): number {
  return Math.ceil(fontSize * 1.35 * 2) / 2;
}

/** A column width in characters as points (Office.js `format.columnWidth` takes points). */
export function columnWidthPoints(width: number): number {
  return ((width * PIXELS_PER_WIDTH_UNIT + COLUMN_PADDING_PIXELS) * 72) / 96;
}

