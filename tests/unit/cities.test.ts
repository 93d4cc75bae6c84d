import { describe, expect, it } from "vitest";
import { checkTable } from "../../src/core/check/check";
import { bareRating, foldSymbol } from "../../src/core/rating/scale";
import { DEFAULT_SETTINGS } from "../../src/core/workbook/settings";
import { tableSheets, type TableRead } from "../../src/core/workbook/table";
import { settingsWithUnderstood } from "../../src/core/workbook/understood";
import { XlsxWorkbookPort } from "../../src/xlsx/workbookPort";
import { cities, cityWorkbook, columnIndex, isUnread, labelBands, type City, type LabelItem, type LabelSymbol } from "../support/cities";

/**
 * Every city of the corpus (tests/fixtures/cities/), built into an .xlsx from its table.json — values,
 * merged areas, number formats — and checked WITHOUT ANY SETUP: no settings sheet, no column mapping, no
 * scale, no year. Each sheet that holds a table is read and checked on its own, as `plan-progress check
 * --sheet` and the pane do. The rating findings must be the hand labels' contradictions exactly
 * (precision and recall 1), with no other error finding; the year and the scale must be the labels'.
 * Cells the copy of a fragment did not let the typist read (`unread`) are not known to be empty: what a
 * rule says of them says nothing of the reader, and is left aside.
 */

const RATING_CODES = new Set(["RATING_OVERSTATED", "RATING_UNDERSTATED"]);

interface SheetCheck {
  table: TableRead;
  findings: ReturnType<typeof checkTable>["findings"];
}

async function checkCity(city: City): Promise<Map<string, SheetCheck>> {
  const port = await XlsxWorkbookPort.load(await cityWorkbook(city.table));
  const out = new Map<string, SheetCheck>();
  for (const sheet of tableSheets(port.grids())) {
    const { table, settings } = await port.read({ sheet });
    const effective = settingsWithUnderstood(settings?.settings ?? DEFAULT_SETTINGS, table.understood);
    out.set(sheet, { table, findings: checkTable(table, { settings: effective }).findings });
  }
  return out;
}

const sheetOf = (city: City, item: LabelItem) => item.sheet ?? city.table.sheets[0]?.name ?? "";
const key = (sheet: string, row: number, column?: number) => `${sheet}!${row}${column === undefined ? "" : `:${column}`}`;

/** Where a rating finding points: its sheet, its row, and for a sideways table the item's column. */
function findingKeys(checks: Map<string, SheetCheck>, sideways: ReadonlySet<string>): string[] {
  const keys: string[] = [];
  for (const [sheet, { table, findings }] of checks) {
    for (const f of findings.filter((x) => RATING_CODES.has(x.code))) {
      const row = table.rows.find((r) => r.item === f.item);
      const column = sideways.has(sheet) ? row?.cells?.rating?.column : undefined;
      keys.push(`${key(sheet, f.row ?? 0, column)} ${f.code === "RATING_OVERSTATED" ? "overstated" : "understated"}`);
    }
  }
  return keys.sort();
}

describe.each(cities().map((city) => [city.slug, city] as const))("%s, as published", (_slug, city) => {
  it("is read without setup, and its rating findings are the labels' contradictions, with no other error", async () => {
    const checks = await checkCity(city);
    const labelled = new Set(city.labels.items.map((item) => sheetOf(city, item)));
    // Every labelled sheet holds a table the reader found.
    expect([...checks.keys()].sort()).toEqual(expect.arrayContaining([...labelled].sort()));
    const sideways = new Set(city.labels.items.filter((i) => i.col !== undefined).map((i) => sheetOf(city, i)));
    const expected = city.labels.items
      .filter((item) => item.contradiction !== null)
      .map((item) => `${key(sheetOf(city, item), item.row, item.col === undefined ? undefined : columnIndex(item.col))} ${item.contradiction}`)
      .sort();
    expect(findingKeys(checks, sideways)).toEqual(expected);
    const typed = (sheet: string) => city.table.sheets.find((s) => s.name === sheet);
    const errors = [...checks.entries()].flatMap(([sheet, c]) =>
      c.findings
        .filter((f) => f.severity === "error" && !RATING_CODES.has(f.code) && !isUnread(typed(sheet), f.row, f.column))
        .map((f) => `${sheet}!${f.row ?? "-"} ${f.code} ${f.message.ja}`),
    );
    expect(errors).toEqual([]);
  });

  it("understands the year evaluated and the rating scale of the labels", async () => {
    const checks = await checkCity(city);
    for (const sheet of new Set(city.labels.items.map((item) => sheetOf(city, item)))) {
      const understood = checks.get(sheet)?.table.understood;
      expect(understood?.year?.fiscalYear, `${sheet}: the year`).toBe(city.labels.fiscalYear);
      const scale: LabelSymbol[] = city.labels.scalesBySheet?.[sheet] ?? city.labels.scale;
      const used = new Set(city.labels.items.filter((i) => sheetOf(city, i) === sheet).map((i) => foldSymbol(bareRating(i.rating))));
      // A symbol whose band no legend gives (bandUnknown) is not held to one; "-" is no rating, not a symbol.
      for (const symbol of scale.filter((s) => used.has(foldSymbol(bareRating(s.symbol))) && !s.bandUnknown && !/^[-－―−]$/.test(s.symbol))) {
        const found = understood?.scale.symbols.find((s) => foldSymbol(s.symbol) === foldSymbol(bareRating(symbol.symbol)));
        expect(found, `${sheet}: symbol ${symbol.symbol}`).toBeDefined();
        expect([...(found?.bands ?? [])].sort(), `${sheet}: bands of ${symbol.symbol}`).toEqual(labelBands(symbol));
        if (symbol.minRate !== undefined && symbol.minRate > 0) expect(found?.minRate, `${sheet}: lowest rate of ${symbol.symbol}`).toBeCloseTo(symbol.minRate / 100, 6);
        if (symbol.maxRate !== undefined) expect(found?.maxRate, `${sheet}: rate where ${symbol.symbol} ends`).toBeCloseTo(symbol.maxRate / 100, 6);
      }
    }
  });
});
