import { describe, expect, it } from "vitest";
import { LAYOUT_SEARCH_ROWS, SheetScan, detectLayout, readLayout, type LayoutGrid } from "../../src/core/workbook/layout";
import { readTable, tableSheets } from "../../src/core/workbook/table";
import { XlsxWorkbookPort } from "../../src/xlsx/workbookPort";
import { cities, cityWorkbook } from "../support/cities";

/**
 * One read looks at a sheet's first rows once (layout.ts, SheetScan): the choice of the table's sheet
 * (its first rows, without merged areas) and the reading of the sheet (with them) share what does not
 * depend on the merged areas. Whatever is shared, every sheet of the corpus must read exactly as it
 * reads alone, with a scan of its own.
 */

async function corpusGrids(): Promise<{ slug: string; grid: LayoutGrid }[]> {
  const out: { slug: string; grid: LayoutGrid }[] = [];
  for (const city of cities()) {
    const port = await XlsxWorkbookPort.load(await cityWorkbook(city.table));
    for (const grid of port.grids()) out.push({ slug: city.slug, grid: grid as LayoutGrid });
  }
  return out;
}

const firstRowsOf = (grid: LayoutGrid): LayoutGrid => ({ name: grid.name, rows: grid.rows.slice(0, LAYOUT_SEARCH_ROWS) });

describe("a sheet's first rows scanned once per read", () => {
  it("read after the choice of the sheet, every sheet of the corpus reads as it reads alone", async () => {
    const grids = await corpusGrids();
    expect(grids.length).toBeGreaterThan(10);
    // Some sheets hold merged areas: those are where the choice (without merges) and the reading differ.
    expect(grids.some(({ grid }) => (grid.merges ?? []).length > 0)).toBe(true);
    for (const { slug, grid } of grids) {
      const alone = readLayout(grid);
      const scan = new SheetScan();
      const detected = detectLayout(firstRowsOf(grid), undefined, scan);
      expect(detected, `${slug} ${grid.name}`).toEqual(detectLayout(firstRowsOf(grid)));
      expect(readLayout(grid, {}, scan), `${slug} ${grid.name}`).toEqual(alone);
      // Read twice with the same scan (a workbook's symbols read again): the same again.
      expect(readLayout(grid, {}, scan), `${slug} ${grid.name}`).toEqual(alone);
    }
  });

  it("with a column mapping, the same", async () => {
    for (const { slug, grid } of await corpusGrids()) {
      const mapping = { rating: 1, plan: 2, result: 3 };
      const scan = new SheetScan();
      detectLayout(firstRowsOf(grid), mapping, scan);
      expect(readLayout(grid, { mapping }, scan), `${slug} ${grid.name}`).toEqual(readLayout(grid, { mapping }));
    }
  });

  it("readTable chooses and reads as the rule does sheet by sheet", async () => {
    for (const city of cities()) {
      const port = await XlsxWorkbookPort.load(await cityWorkbook(city.table));
      const grids = port.grids();
      const table = readTable(grids);
      const chosen = grids.find((g) => g.name === table.sheet) as LayoutGrid;
      expect(table.understood?.layout, city.slug).toBe(readLayout(chosen).understood.layout);
      expect(table.rows, city.slug).toEqual(readLayout(chosen).rows);
      expect(tableSheets(grids), city.slug).toEqual(grids.filter((g) => detectLayout(firstRowsOf(g))?.complete === true).map((g) => g.name));
    }
  });
});
