/**
 * A strict fake of the Excel JavaScript API subset the Office adapter uses. Like Excel:
 * - a property cannot be read before it was loaded and a sync happened (PropertyNotLoaded);
 * - queued operations (writes, adds, deletes) apply at sync, in the order they were queued;
 * - a 2D array must match its range (InvalidArgument at sync);
 * - strings written to a General cell are coerced as Excel does: "4-1" and "1/2" become dates,
 *   "0012" and "+81" numbers, "=x" a formula — unless the cell's number format is "@";
 * - sheet names follow Excel's rules (1–31 characters, none of []:*?/\, unique ignoring case);
 * - a response or request over 5 MB fails (RequestPayloadSizeLimitExceeded), as on the web.
 * Syncs are counted.
 */

type Value = string | number | boolean;

interface Cell {
  value: Value;
  formula?: string;
  error?: string;
  numberFormat: string;
}

export class FakeExcelError extends Error {
  constructor(
    public readonly code: string,
    message: string,
  ) {
    super(`${code}: ${message}`);
    this.name = "RichApi.Error";
  }
}

export const PAYLOAD_LIMIT_BYTES = 5 * 1024 * 1024;
const FORBIDDEN_NAME = /[[\]:*?/\\]/;

export class FakeSheet {
  cells = new Map<string, Cell>();
  visibility: "Visible" | "Hidden" | "VeryHidden" = "Visible";
  constructor(public name: string) {}

  key(r: number, c: number): string {
    return `${r},${c}`;
  }

  get(r: number, c: number): Cell | undefined {
    return this.cells.get(this.key(r, c));
  }

  /** Stores what Excel would store when a value is written to this cell. */
  write(r: number, c: number, input: unknown): void {
    const existing = this.get(r, c);
    const numberFormat = existing?.numberFormat ?? "General";
    const cell: Cell = { value: "", numberFormat };
    if (typeof input === "number" || typeof input === "boolean") cell.value = input;
    else if (input === null || input === undefined || input === "") cell.value = "";
    else cell.value = String(input);
    if (typeof cell.value === "string" && numberFormat !== "@") Object.assign(cell, coerce(cell.value));
    if (cell.value === "" && numberFormat === "General" && !cell.formula) this.cells.delete(this.key(r, c));
    else this.cells.set(this.key(r, c), cell);
  }

  setFormat(r: number, c: number, format: string): void {
    const cell = this.get(r, c) ?? { value: "", numberFormat: "General" };
    cell.numberFormat = format;
    this.cells.set(this.key(r, c), cell);
  }

  /** Used range over values (valuesOnly), as [rowIndex, columnIndex, rowCount, columnCount]. */
  usedRange(): [number, number, number, number] | undefined {
    let minR = Infinity, minC = Infinity, maxR = -1, maxC = -1;
    for (const [key, cell] of this.cells) {
      if (cell.value === "" && !cell.error) continue;
      const [r, c] = key.split(",").map(Number) as [number, number];
      minR = Math.min(minR, r); minC = Math.min(minC, c); maxR = Math.max(maxR, r); maxC = Math.max(maxC, c);
    }
    return maxR < 0 ? undefined : [minR, minC, maxR - minR + 1, maxC - minC + 1];
  }
}

/** Excel serial of a date (1900 date system). */
function serial(year: number, month: number, day: number): number {
  return Math.round((Date.UTC(year, month - 1, day) - Date.UTC(1899, 11, 30)) / 86_400_000);
}

/** What Excel makes of a string typed into a General cell. */
export function coerce(text: string): Partial<Cell> {
  if (text.startsWith("=")) return { formula: text, value: "#NAME?", error: "#NAME?" };
  if (/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(text.trim()) && text.trim() !== "-") return { value: Number(text) };
  if (/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(text)) return { value: Number(text.replace(/,/g, "")) };
  const dash = /^(\d{1,2})[-/](\d{1,2})$/.exec(text);
  if (dash) {
    const [a, b] = [Number(dash[1]), Number(dash[2])];
    if (a >= 1 && a <= 12 && b >= 1 && b <= 31) return { value: serial(new Date().getFullYear(), a, b), numberFormat: "m/d" };
  }
  return { value: text };
}

function parseAddress(address: string): [number, number, number, number] {
  const m = /^(?:'?[^!]*'?!)?\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/i.exec(address);
  if (!m) throw new FakeExcelError("InvalidArgument", `bad address ${address}`);
  const col = (letters: string) => [...letters.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  const r1 = Number(m[2]) - 1;
  const c1 = col(m[1] as string);
  const r2 = m[4] ? Number(m[4]) - 1 : r1;
  const c2 = m[3] ? col(m[3]) : c1;
  return [r1, c1, r2 - r1 + 1, c2 - c1 + 1];
}

const utf8 = (text: string) => new TextEncoder().encode(text).length;

/** Excel's rules: 1–31 characters, none of []:*?/\, not starting or ending with ', unique ignoring case. */
function checkSheetName(name: string, others: readonly FakeSheet[]): void {
  if (name.length < 1 || name.length > 31 || FORBIDDEN_NAME.test(name) || /^'|'$/.test(name)) {
    throw new FakeExcelError("InvalidArgument", `invalid sheet name ${name}`);
  }
  if (others.some((s) => s.name.toLowerCase() === name.toLowerCase())) throw new FakeExcelError("ItemAlreadyExists", `a sheet named ${name} exists`);
}

export type CountedFormat = Record<string, unknown> & {
  font: Record<string, unknown>;
  fill: Record<string, unknown>;
  borders: { getItem(edge: string): Record<string, unknown> };
  autofitRows(): void;
};

type Op = () => void;

/** A proxy object: loaded properties are readable only after the sync that loaded them. */
class Proxy {
  protected loaded = new Map<string, unknown>();
  protected pendingLoads = new Set<string>();
  constructor(protected readonly fake: FakeExcel) {}

  protected read<T>(property: string): T {
    if (!this.loaded.has(property)) {
      throw new FakeExcelError("PropertyNotLoaded", `${property} was not loaded (call load("${property}") and context.sync() first)`);
    }
    return this.loaded.get(property) as T;
  }

  load(properties?: string | string[]): this {
    const list = Array.isArray(properties) ? properties : (properties ?? "").split(",");
    const names = list.map((p) => p.trim()).filter(Boolean);
    this.fake.queue(() => {
      for (const name of names) this.snapshot(name);
    });
    return this;
  }

  /** Fills one loaded property at sync time. */
  protected snapshot(_name: string): void {
    throw new FakeExcelError("NotImplemented", `load is not supported on ${this.constructor.name}`);
  }
}

export class FakeRange extends Proxy {
  constructor(
    fake: FakeExcel,
    private readonly sheetOf: () => FakeSheet | undefined,
    private readonly area: () => [number, number, number, number] | undefined,
  ) {
    super(fake);
  }

  private resolved(): { sheet: FakeSheet; area: [number, number, number, number] } | undefined {
    const sheet = this.sheetOf();
    const area = sheet ? this.area() : undefined;
    return sheet && area ? { sheet, area } : undefined;
  }

  get isNullObject(): boolean {
    return this.read<boolean>("isNullObject");
  }

  get values(): Value[][] {
    return this.read("values");
  }
  set values(values: Value[][]) {
    this.fake.requestBytes += utf8(JSON.stringify(values));
    this.fake.queue(() => {
      const { sheet, area } = this.must();
      this.checkShape(values, area, "values");
      values.forEach((row, r) => row.forEach((v, c) => sheet.write(area[0] + r, area[1] + c, v)));
    });
  }

  get valueTypes(): string[][] {
    return this.read("valueTypes");
  }

  get numberFormat(): string[][] {
    return this.read("numberFormat");
  }
  set numberFormat(formats: string[][]) {
    this.fake.queue(() => {
      const { sheet, area } = this.must();
      this.checkShape(formats, area, "numberFormat");
      formats.forEach((row, r) => row.forEach((f, c) => sheet.setFormat(area[0] + r, area[1] + c, f)));
    });
  }

  get rowIndex(): number { return this.read("rowIndex"); }
  get columnIndex(): number { return this.read("columnIndex"); }
  get rowCount(): number { return this.read("rowCount"); }
  get columnCount(): number { return this.read("columnCount"); }
  get address(): string { return this.read("address"); }

  /** Hyperlinks written, for assertions: "Sheet!r,c" → documentReference. */
  set hyperlink(link: { documentReference?: string; textToDisplay?: string }) {
    this.fake.queue(() => {
      const { sheet, area } = this.must();
      this.fake.hyperlinks.set(`${sheet.name}!${area[0]},${area[1]}`, link.documentReference ?? "");
      if (link.textToDisplay !== undefined) sheet.write(area[0], area[1], link.textToDisplay);
    });
  }

  /** Formatting: counted (the report's writer must not format cell by cell), otherwise ignored. */
  get format(): CountedFormat {
    return this.fake.countedFormat();
  }

  merge(_across?: boolean): void {
    this.fake.queue(() => {
      const { area } = this.must();
      this.fake.merges.push(area);
    });
  }

  get conditionalFormats(): FakeConditionalFormats {
    return new FakeConditionalFormats(this.fake, this.sheetOf, []);
  }

  select(): void {
    this.fake.queue(() => {
      const { sheet, area } = this.must();
      this.fake.selection = { sheet: sheet.name, row: area[0], column: area[1] };
    });
  }

  private must() {
    const resolved = this.resolved();
    if (!resolved) throw new FakeExcelError("ItemNotFound", "the range does not exist");
    return resolved;
  }

  private checkShape(data: unknown[][], area: [number, number, number, number], what: string) {
    if (data.length !== area[2] || data.some((row) => row.length !== area[3])) {
      throw new FakeExcelError("InvalidArgument", `${what} is ${data.length}×${data[0]?.length ?? 0}, the range is ${area[2]}×${area[3]}`);
    }
  }

  protected override snapshot(name: string): void {
    const resolved = this.resolved();
    this.loaded.set("isNullObject", resolved === undefined);
    if (!resolved) return;
    const { sheet, area } = resolved;
    const [r0, c0, rows, cols] = area;
    const grid = <T>(f: (cell: Cell | undefined) => T): T[][] =>
      Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => f(sheet.get(r0 + r, c0 + c))));
    switch (name) {
      case "values": {
        const values = grid((cell) => (cell?.error ?? cell?.value ?? "") as Value);
        this.fake.responseBytes += utf8(JSON.stringify(values));
        this.loaded.set(name, values);
        break;
      }
      case "valueTypes": {
        const types = grid((cell) =>
          cell === undefined || cell.value === "" ? "Empty" : cell.error ? "Error" : typeof cell.value === "number" ? "Double" : typeof cell.value === "boolean" ? "Boolean" : "String",
        );
        this.fake.responseBytes += utf8(JSON.stringify(types));
        this.loaded.set(name, types);
        break;
      }
      case "numberFormat":
        this.loaded.set(name, grid((cell) => cell?.numberFormat ?? "General"));
        break;
      case "formulas":
        this.loaded.set(name, grid((cell) => cell?.formula ?? cell?.value ?? ""));
        break;
      case "rowIndex": this.loaded.set(name, r0); break;
      case "columnIndex": this.loaded.set(name, c0); break;
      case "rowCount": this.loaded.set(name, rows); break;
      case "columnCount": this.loaded.set(name, cols); break;
      case "address": this.loaded.set(name, `${sheet.name}!${r0},${c0}:${rows}x${cols}`); break;
      default:
        throw new FakeExcelError("NotImplemented", `Range.${name}`);
    }
  }
}

export class FakeWorksheet extends Proxy {
  constructor(
    fake: FakeExcel,
    readonly resolve: () => FakeSheet | undefined,
  ) {
    super(fake);
  }

  get name(): string {
    return this.read("name");
  }
  get isNullObject(): boolean { return this.read("isNullObject"); }
  get visibility(): string { return this.read("visibility"); }
  set visibility(value: string) {
    this.fake.queue(() => {
      const sheet = this.resolve();
      if (!sheet) throw new FakeExcelError("ItemNotFound", "worksheet");
      sheet.visibility = value as FakeSheet["visibility"];
    });
  }

  getRange(address?: string): FakeRange {
    const area: [number, number, number, number] = address ? parseAddress(address) : [0, 0, 1_048_576, 16_384];
    return new FakeRange(this.fake, this.resolve, () => area);
  }

  /** Several areas ("F22,H33"), for conditional formats and formats. */
  getRanges(addresses: string): { conditionalFormats: FakeConditionalFormats; format: CountedFormat } {
    const cells = addresses.split(",").map((a) => a.trim());
    for (const cell of cells) parseAddress(cell.split(":")[0] as string);
    return { conditionalFormats: new FakeConditionalFormats(this.fake, this.resolve, cells), format: this.fake.countedFormat() };
  }

  set name(value: string) {
    this.fake.queue(() => {
      const sheet = this.resolve();
      if (!sheet) throw new FakeExcelError("ItemNotFound", "worksheet");
      checkSheetName(value, this.fake.sheets.filter((s) => s !== sheet));
      sheet.name = value;
    });
  }

  readonly horizontalPageBreaks = {
    add: (address: string) => {
      this.fake.queue(() => {
        this.fake.pageBreaks.push(`${this.resolve()?.name}!${address}`);
      });
    },
  };

  get pageLayout() {
    const fake = this.fake;
    const record = (key: string, value: unknown) => fake.queue(() => fake.pageLayout.set(key, value));
    return new globalThis.Proxy(
      {
        setPrintTitleRows: (rows: string) => record("printTitleRows", rows),
        headersFooters: { defaultForAllPages: new globalThis.Proxy({}, { set: (_o, key, value) => (record(`footer.${String(key)}`, value), true) }) },
      } as Record<string, unknown>,
      { set: (obj, key, value) => (record(String(key), value), true), get: (obj, key) => obj[key as string] },
    );
  }

  readonly charts = {
    add: (type: string, _source: unknown, seriesBy: string) => {
      const chart = { type, seriesBy, title: { text: "" }, position: [] as string[], setPosition: (a: string, b: string) => (chart.position = [a, b]) };
      this.fake.queue(() => this.fake.charts.push(chart));
      return chart;
    },
  };

  getRangeByIndexes(row: number, column: number, rows: number, columns: number): FakeRange {
    return new FakeRange(this.fake, this.resolve, () => [row, column, rows, columns]);
  }

  getUsedRangeOrNullObject(_valuesOnly?: boolean): FakeRange {
    return new FakeRange(this.fake, this.resolve, () => this.resolve()?.usedRange());
  }

  activate(): void {
    this.fake.queue(() => {
      this.fake.active = this.resolve()?.name;
    });
  }

  delete(): void {
    this.fake.queue(() => {
      const sheet = this.resolve();
      if (!sheet) throw new FakeExcelError("ItemNotFound", "worksheet");
      this.fake.sheets = this.fake.sheets.filter((s) => s !== sheet);
    });
  }

  protected override snapshot(name: string): void {
    const sheet = this.resolve();
    this.loaded.set("isNullObject", sheet === undefined);
    if (!sheet) return;
    if (name === "name") this.loaded.set(name, sheet.name);
    else if (name === "visibility") this.loaded.set(name, sheet.visibility);
    else throw new FakeExcelError("NotImplemented", `Worksheet.${name}`);
  }
}

class FakeWorksheetCollection extends Proxy {
  get items(): FakeWorksheet[] { return this.read("items"); }

  getItem(name: string): FakeWorksheet {
    return new FakeWorksheet(this.fake, () => {
      const sheet = this.fake.sheet(name);
      if (!sheet) throw new FakeExcelError("ItemNotFound", `worksheet ${name}`);
      return sheet;
    });
  }

  getItemOrNullObject(name: string): FakeWorksheet {
    return new FakeWorksheet(this.fake, () => this.fake.sheet(name));
  }

  getFirst(visibleOnly?: boolean): FakeWorksheet {
    return new FakeWorksheet(this.fake, () => this.fake.sheets.find((s) => !visibleOnly || s.visibility === "Visible"));
  }

  getActiveWorksheet(): FakeWorksheet {
    return new FakeWorksheet(this.fake, () => this.fake.sheet(this.fake.active ?? "") ?? this.fake.sheets[0]);
  }

  add(name: string): FakeWorksheet {
    let created: FakeSheet | undefined;
    this.fake.queue(() => {
      checkSheetName(name, this.fake.sheets);
      created = new FakeSheet(name);
      this.fake.sheets.push(created);
    });
    return new FakeWorksheet(this.fake, () => created);
  }

  protected override snapshot(name: string): void {
    if (!name.startsWith("items")) throw new FakeExcelError("NotImplemented", `WorksheetCollection.${name}`);
    const sub = name.split("/")[1];
    const current = (this.loaded.get("items") as FakeWorksheet[] | undefined) ?? [];
    const items = this.fake.sheets.map((sheet, i) => {
      const proxy = current[i] ?? new FakeWorksheet(this.fake, () => sheet);
      if (sub) (proxy as unknown as { snapshot(n: string): void }).snapshot(sub);
      return proxy;
    });
    this.loaded.set("items", items);
  }
}

export interface FakeConditionalFormat {
  id: string;
  sheet: string;
  cells: string[];
  formula?: string;
  fill?: string;
}

class FakeConditionalFormatProxy extends Proxy {
  readonly custom = { rule: { formula: "" }, format: { fill: { color: "" }, font: {} } };
  readonly cellValue = { rule: {} as Record<string, unknown>, format: { fill: { color: "" }, font: {} } };
  constructor(fake: FakeExcel, private readonly record: () => FakeConditionalFormat | undefined) {
    super(fake);
  }

  get id(): string {
    return this.read("id");
  }

  delete(): void {
    this.fake.queue(() => {
      const record = this.record();
      if (!record) throw new FakeExcelError("ItemNotFound", "conditional format");
      this.fake.conditionalFormats = this.fake.conditionalFormats.filter((c) => c !== record);
    });
  }

  protected override snapshot(name: string): void {
    if (name !== "id") throw new FakeExcelError("NotImplemented", `ConditionalFormat.${name}`);
    this.loaded.set("id", this.record()?.id);
  }
}

class FakeConditionalFormats {
  constructor(
    private readonly fake: FakeExcel,
    private readonly sheetOf: () => FakeSheet | undefined,
    private readonly cells: string[],
  ) {}

  add(_type: string): FakeConditionalFormatProxy {
    let record: FakeConditionalFormat | undefined;
    const proxy: FakeConditionalFormatProxy = new FakeConditionalFormatProxy(this.fake, () => record);
    this.fake.queue(() => {
      const sheet = this.sheetOf();
      if (!sheet) throw new FakeExcelError("ItemNotFound", "worksheet");
      const cellValue = proxy.cellValue.format.fill.color !== "";
      record = {
        id: `{cf-${this.fake.conditionalFormats.length + 1}-${Math.random().toString(36).slice(2, 8)}}`,
        sheet: sheet.name,
        cells: this.cells,
        formula: cellValue ? String(proxy.cellValue.rule.formula1 ?? "") : proxy.custom.rule.formula,
        fill: cellValue ? proxy.cellValue.format.fill.color : proxy.custom.format.fill.color,
      };
      this.fake.conditionalFormats.push(record);
    });
    return proxy;
  }

  getItem(id: string): FakeConditionalFormatProxy {
    return new FakeConditionalFormatProxy(this.fake, () => this.fake.conditionalFormats.find((c) => c.id === id));
  }
}

interface FakeTableDef {
  name: string;
  sheet: string;
}

class FakeTableCollection extends Proxy {
  get items(): { name: string; worksheet: { name: string } }[] { return this.read("items"); }

  protected override snapshot(name: string): void {
    if (!name.startsWith("items")) throw new FakeExcelError("NotImplemented", `TableCollection.${name}`);
    this.loaded.set("items", this.fake.tables.map((t) => ({ name: t.name, worksheet: { name: t.sheet } })));
  }
}

/** The fake Excel: sheets, tables, a selection, and the counters the tests assert on. */
export class FakeExcel {
  sheets: FakeSheet[] = [];
  tables: FakeTableDef[] = [];
  active?: string;
  selection?: { sheet: string; row: number; column: number };
  syncCount = 0;
  formatOps = 0;
  hyperlinks = new Map<string, string>();
  conditionalFormats: FakeConditionalFormat[] = [];
  merges: [number, number, number, number][] = [];
  pageBreaks: string[] = [];
  pageLayout = new Map<string, unknown>();
  charts: { type: string; seriesBy: string; title: { text: string }; position: string[] }[] = [];
  calculationMode = "Automatic";
  screenUpdatingSuspensions = 0;
  /** When set, the sync with this number fails (to test that a failed write leaves nothing behind). */
  failAtSync?: number;

  /** A format object whose every property set is counted as one format operation. */
  countedFormat(): CountedFormat {
    const count = () => {
      this.formatOps += 1;
    };
    const watch = <T extends object>(target: T): T =>
      new globalThis.Proxy(target, {
        set: (obj, key, value) => {
          count();
          (obj as Record<string | symbol, unknown>)[key] = value;
          return true;
        },
      });
    return watch({
      font: watch({}),
      fill: watch({}),
      borders: { getItem: () => watch({}) },
      autofitRows: () => count(),
    }) as CountedFormat;
  }
  responseBytes = 0;
  requestBytes = 0;
  private pending: Op[] = [];

  constructor(sheetNames: string[] = ["Sheet1"]) {
    this.sheets = sheetNames.map((name) => new FakeSheet(name));
  }

  sheet(name: string): FakeSheet | undefined {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }

  queue(op: Op): void {
    this.pending.push(op);
  }

  /** Puts values straight into a sheet, as a user typing would (coerced unless formatted "@"). */
  setValues(sheetName: string, rows: unknown[][], startRow = 0): void {
    const sheet = this.sheet(sheetName) ?? (this.sheets.push(new FakeSheet(sheetName)), this.sheet(sheetName) as FakeSheet);
    rows.forEach((row, r) => row.forEach((v, c) => sheet.write(startRow + r, c, v)));
  }

  /** The stored values of a sheet as a 2D array (for assertions). */
  dump(sheetName: string): { values: Value[][]; formats: string[][] } {
    const sheet = this.sheet(sheetName);
    const used = sheet?.usedRange();
    if (!sheet || !used) return { values: [], formats: [] };
    const rows = used[0] + used[2];
    const cols = used[1] + used[3];
    const values = Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => sheet.get(r, c)?.error ?? sheet.get(r, c)?.value ?? ""));
    const formats = Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => sheet.get(r, c)?.numberFormat ?? "General"));
    return { values, formats };
  }

  private async sync(): Promise<void> {
    this.syncCount += 1;
    if (this.failAtSync === this.syncCount) {
      this.pending = [];
      throw new FakeExcelError("GeneralException", "the sync failed (as the test asked)");
    }
    this.responseBytes = 0;
    const ops = this.pending;
    this.pending = [];
    const requested = this.requestBytes;
    this.requestBytes = 0;
    if (requested > PAYLOAD_LIMIT_BYTES) throw new FakeExcelError("RequestPayloadSizeLimitExceeded", `request of ${requested} bytes`);
    for (const op of ops) op();
    if (this.responseBytes > PAYLOAD_LIMIT_BYTES) {
      throw new FakeExcelError("RequestPayloadSizeLimitExceeded", `response of ${this.responseBytes} bytes`);
    }
  }

  /** Excel.run over the fake. */
  run = async <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> => {
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- the application object's accessors need the fake
    const fake = this;
    const application = {
      loaded: false,
      load() {
        fake.queue(() => {
          application.loaded = true;
        });
      },
      get calculationMode(): string {
        if (!application.loaded) throw new FakeExcelError("PropertyNotLoaded", "calculationMode");
        return fake.calculationMode;
      },
      set calculationMode(mode: string) {
        fake.queue(() => {
          fake.calculationMode = mode;
        });
      },
      suspendScreenUpdatingUntilNextSync() {
        fake.screenUpdatingSuspensions += 1;
      },
    };
    const context = {
      workbook: {
        worksheets: new FakeWorksheetCollection(this),
        tables: new FakeTableCollection(this),
        application,
      },
      sync: () => this.sync(),
    };
    const result = await batch(context as unknown as Excel.RequestContext);
    if (this.pending.length > 0) await this.sync(); // Excel.run syncs what is left queued
    return result;
  };
}

/** Writes a grid into a sheet of the fake as text cells ("@"), the way the importer formats its table. */
export function putGrid(fake: FakeExcel, sheetName: string, rows: readonly (readonly unknown[])[]): void {
  const sheet = fake.sheet(sheetName) ?? (fake.sheets.push(new FakeSheet(sheetName)), fake.sheet(sheetName) as FakeSheet);
  rows.forEach((row, r) =>
    row.forEach((value, c) => {
      if (typeof value === "string") sheet.setFormat(r, c, "@");
      sheet.write(r, c, value === null || value === undefined ? "" : typeof value === "object" ? String(value) : value);
    }),
  );
}
