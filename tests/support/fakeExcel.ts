/**
 * A strict fake of the Excel JavaScript API subset the Office adapter uses. Each rule it models, and the
 * Microsoft documentation it comes from:
 *
 * - Proxies: a property cannot be read before it was loaded and a sync happened (PropertyNotLoaded).
 *   "You must call context.sync() before reading the properties" — learn.microsoft.com/javascript/api/excel
 *   (every load() overload), office/dev/add-ins/develop/application-specific-api-model.
 * - Commands queue and run at sync, in order. A batch is not a transaction: when a command fails, the
 *   commands before it stay applied and the rest are dropped — the example of OfficeExtension.Error
 *   traceMessages ("contains all trace messages that were executed before the error occurred"),
 *   learn.microsoft.com/javascript/api/office/officeextension.error. `failAtSync = n` makes the last
 *   command of sync n fail after the others ran.
 * - A 2D array must match its range (InvalidArgument) — Range.values, "The dimensions of the array must
 *   match the range".
 * - Strings written to a General cell are read as a user typing them: "4-1" and "2021/3/31" become dates
 *   (serial numbers with a date format), "0012" 12, "+81" the formula =+81 (81), "=x" a formula,
 *   "TRUE" a boolean, "50%" 0.5 formatted "0%", "1e3" 1000 — unless the cell is formatted "@" (text)
 *   — office/dev/add-ins/excel/excel-add-ins-ranges-set-get-values ("set values … as if typed"), and
 *   support.microsoft.com "Stop automatically changing numbers to dates" (format the cells as Text).
 * - Dates are serial numbers: 1 is 1900-01-01 (with Excel's 1900 leap-year bug), or 1904-01-02 in the
 *   1904 date system — WorksheetFunctions.date: "a number from 1900 or 1904 (depending on the
 *   workbook's date system)". `date1904` switches the fake's system.
 * - Sheet names: 1–31 characters, none of [ ] : * ? / \, not starting or ending with ', unique
 *   ignoring case — support.microsoft.com "Rename a worksheet".
 * - Payload: Excel on the web fails a request over 5 MB with RequestPayloadSizeLimitExceeded and a
 *   response over 5 MB with ResponsePayloadSizeLimitExceeded; "This error only occurs in Excel on the
 *   web" — office/dev/add-ins/excel/excel-add-ins-error-handling (error code table),
 *   concepts/resource-limits-and-performance-optimization#excel-add-ins. A request carries every command
 *   queued since the last sync, not the values alone: values and number formats by their JSON, and
 *   each hyperlink and format property set as a command of its own (its JSON and a command envelope of
 *   REQUEST_COMMAND_BYTES, the object path and the method the request names).
 * - Conditional formats: add() puts the new format "at the first/top priority"; a format's id is "the
 *   priority of the conditional format in the current ConditionalFormatCollection", so ids move when
 *   formats are added or removed, and getItem(id) of a removed one fails (ItemNotFound) —
 *   javascript/api/excel/excel.conditionalformatcollection, excel.conditionalformat#id.
 * - Protection: Excel protects locked cells only. Every cell is locked unless unlocked ("By default, all
 *   cells on a worksheet are locked … locking cells has no effect until you protect the worksheet" —
 *   support.microsoft.com "Lock or unlock specific areas of a protected worksheet"); on a protected sheet a
 *   value written to a locked cell is AccessDenied, to an unlocked cell it is written. Formatting cells and
 *   conditional formats need the protection's "Format cells" allowance ("Format cells: changing any of the
 *   options in the Format Cells or Conditional Formatting dialog boxes" — support.microsoft.com "Protect a
 *   worksheet"; WorksheetProtectionOptions.allowFormatCells); data validation and hyperlinks are refused on
 *   a protected sheet (not among the allowances; "Insert hyperlinks … even in unlocked cells"). A range's
 *   format.protection.locked is true, false, or null when its cells differ (excel.formatprotection#locked).
 *   Adding, deleting, renaming or hiding sheets of a workbook whose structure is protected is AccessDenied
 *   — excel.worksheetprotection, excel.workbookprotection.
 * - Cell-edit mode: "When `false`, if the user is in cell edit when the batch request is processed by the
 *   host, the batch automatically fails"; with `delayForCellEdit: true` it waits until the user leaves
 *   edit mode — Excel.RunOptions.delayForCellEdit (error InvalidOperationInCellEditMode, Excel.ErrorCodes).
 * - A workbook keeps at least one visible sheet: hiding or deleting the last visible one is
 *   InvalidOperation — support.microsoft.com "Hide or show worksheets" ("at least one sheet must remain
 *   visible").
 * - A cell holds at most 32,767 characters ("Total number of characters that a cell can contain: 32,767
 *   characters" — support.microsoft.com "Excel specifications and limits"): a longer text is refused
 *   (InvalidArgument).
 * - Merged cells: only the top-left cell holds the value; the others read as empty —
 *   excel.range#merge ("the value of the top-left cell is kept").
 * - Data validation: a range's `type` is "None" without a rule, the rule's type when every cell has the
 *   same, "Inconsistent" when they differ; setting a rule replaces the cells' rules; clear() removes them —
 *   excel.datavalidation (type, rule, prompt, clear). Stored per cell, as Excel does.
 * - A batch is not a snapshot: between two syncs the user (or a co-author) keeps editing, and a row
 *   inserted then shifts what the next request reads — "Excel JavaScript API coauthoring" and the
 *   run/sync model (each sync is a separate request). Tests change the sheet between syncs through
 *   `beforeSync`, and insert rows with `insertRow`.
 * Syncs, format operations and payloads are counted for the tests.
 */

type Value = string | number | boolean;

interface Cell {
  value: Value;
  formula?: string;
  error?: string;
  numberFormat: string;
}

/** A chart as the fake records it: what was set on it. */
export interface FakeChart {
  type: string;
  seriesBy: string;
  title: { text: string };
  position: string[];
  setPosition(a: string, b: string): void;
  fills: string[];
  series: { getItemAt(i: number): { format: { fill: { setSolidColor(color: string): void } } } };
  axes: { categoryAxis: { reversePlotOrder: boolean; position: string } };
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
/** What one command adds to a request besides its own data: the object it acts on and the method. */
export const REQUEST_COMMAND_BYTES = 80;
const FORBIDDEN_NAME = /[[\]:*?/\\]/;
type Area = [row: number, column: number, rows: number, columns: number];

export class FakeSheet {
  cells = new Map<string, Cell>();
  /** Data validation by cell key. */
  validations = new Map<string, FakeValidation>();
  visibility: "Visible" | "Hidden" | "VeryHidden" = "Visible";
  protected = false;
  /** The protection allows formatting cells (WorksheetProtectionOptions.allowFormatCells). */
  allowFormatCells = false;
  /** Cells unlocked by the user (every other cell is locked); keys as key(r, c). */
  unlocked = new Set<string>();
  merges: Area[] = [];
  constructor(public name: string) {}

  key(r: number, c: number): string {
    return `${r},${c}`;
  }

  /** Inserts an empty row before 0-based row `at`, shifting the cells below down (Range.insert "Down"). */
  insertRow(at: number): void {
    const moved = new Map<string, Cell>();
    for (const [key, cell] of this.cells) {
      const [r, c] = key.split(",").map(Number) as [number, number];
      moved.set(this.key(r >= at ? r + 1 : r, c), cell);
    }
    this.cells = moved;
  }

  get(r: number, c: number): Cell | undefined {
    return this.cells.get(this.key(r, c));
  }

  /** Whether any cell of the area is locked. */
  lockedIn(area: Area): boolean {
    for (let r = 0; r < area[2]; r += 1) for (let c = 0; c < area[3]; c += 1) if (!this.unlocked.has(this.key(area[0] + r, area[1] + c))) return true;
    return false;
  }

  /** Locked state of an area as Excel reports it: true, false, or null when its cells differ. */
  lockState(area: Area): boolean | null {
    let locked = 0;
    const cells = area[2] * area[3];
    for (let r = 0; r < area[2]; r += 1) for (let c = 0; c < area[3]; c += 1) if (!this.unlocked.has(this.key(area[0] + r, area[1] + c))) locked += 1;
    return locked === cells ? true : locked === 0 ? false : null;
  }

  /** Stores what Excel would store when a value is written to this cell. */
  write(r: number, c: number, input: unknown, date1904 = false): void {
    if (typeof input === "string" && input.length > 32_767) throw new FakeExcelError("InvalidArgument", `a cell holds at most 32,767 characters (${input.length})`);
    const existing = this.get(r, c);
    const numberFormat = existing?.numberFormat ?? "General";
    const cell: Cell = { value: "", numberFormat };
    if (typeof input === "number" || typeof input === "boolean") cell.value = input;
    else if (input === null || input === undefined || input === "") cell.value = "";
    else cell.value = String(input);
    if (typeof cell.value === "string" && numberFormat !== "@") Object.assign(cell, coerce(cell.value, date1904));
    if (cell.value === "" && numberFormat === "General" && !cell.formula) this.cells.delete(this.key(r, c));
    else this.cells.set(this.key(r, c), cell);
  }

  setFormat(r: number, c: number, format: string): void {
    const cell = this.get(r, c) ?? { value: "", numberFormat: "General" };
    cell.numberFormat = format;
    this.cells.set(this.key(r, c), cell);
  }

  /** Used range over values (valuesOnly), as [rowIndex, columnIndex, rowCount, columnCount]. */
  /** The smallest area holding every value, within `within` when given (Range.getUsedRange). */
  usedRange(within?: Area): Area | undefined {
    let minR = Infinity, minC = Infinity, maxR = -1, maxC = -1;
    for (const [key, cell] of this.cells) {
      if (cell.value === "" && !cell.error) continue;
      const [r, c] = key.split(",").map(Number) as [number, number];
      if (within && (r < within[0] || r >= within[0] + within[2] || c < within[1] || c >= within[1] + within[3])) continue;
      minR = Math.min(minR, r); minC = Math.min(minC, c); maxR = Math.max(maxR, r); maxC = Math.max(maxC, c);
    }
    return maxR < 0 ? undefined : [minR, minC, maxR - minR + 1, maxC - minC + 1];
  }
}

/** Excel serial of a date: 1900 system (day 60 is the fictitious 1900-02-29), or 1904. */
export function serial(year: number, month: number, day: number, date1904 = false): number {
  const days = Math.round((Date.UTC(year, month - 1, day) - Date.UTC(1899, 11, 30)) / 86_400_000);
  return date1904 ? days - 1462 : days;
}

/** What Excel makes of a string typed into a General cell. */
export function coerce(text: string, date1904 = false): Partial<Cell> {
  const trimmed = text.trim();
  if (text.startsWith("=")) return { formula: text, value: "#NAME?", error: "#NAME?" };
  if (/^[+-]\d+(\.\d+)?$/.test(trimmed)) return { formula: `=${trimmed}`, value: Number(trimmed) };
  if (/^\d+(\.\d*)?$|^\.\d+$/.test(trimmed)) return { value: Number(trimmed) };
  if (/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(trimmed)) return { value: Number(trimmed.replace(/,/g, "")) };
  if (/^\d+(\.\d+)?e[+-]?\d+$/i.test(trimmed)) return { value: Number(trimmed), numberFormat: "0.00E+00" };
  if (/^\d+(\.\d+)?%$/.test(trimmed)) return { value: Number(trimmed.slice(0, -1)) / 100, numberFormat: "0%" };
  if (/^(true|false)$/i.test(trimmed)) return { value: trimmed.toLowerCase() === "true" };
  const full = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/.exec(trimmed);
  if (full) return { value: serial(Number(full[1]), Number(full[2]), Number(full[3]), date1904), numberFormat: "yyyy/m/d" };
  const dash = /^(\d{1,2})[-/](\d{1,2})$/.exec(trimmed);
  if (dash) {
    const [a, b] = [Number(dash[1]), Number(dash[2])];
    if (a >= 1 && a <= 12 && b >= 1 && b <= 31) return { value: serial(new Date().getFullYear(), a, b, date1904), numberFormat: "m/d" };
  }
  return { value: text };
}

function parseAddress(address: string): Area {
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
    private readonly area: () => Area | undefined,
  ) {
    super(fake);
  }

  private resolved(): { sheet: FakeSheet; area: Area } | undefined {
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
      const { sheet, area } = this.valuesWritable();
      this.checkShape(values, area, "values");
      values.forEach((row, r) => row.forEach((v, c) => sheet.write(area[0] + r, area[1] + c, v, this.fake.date1904)));
    });
  }

  get valueTypes(): string[][] {
    return this.read("valueTypes");
  }

  get numberFormat(): string[][] {
    return this.read("numberFormat");
  }
  set numberFormat(formats: string[][]) {
    this.fake.requestBytes += utf8(JSON.stringify(formats));
    this.fake.queue(() => {
      const { sheet, area } = this.writable();
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
    this.fake.requestBytes += REQUEST_COMMAND_BYTES + utf8(JSON.stringify(link));
    this.fake.hyperlinkCount += 1;
    this.fake.queue(() => {
      const { sheet, area } = this.writable();
      if (sheet.protected) throw new FakeExcelError("AccessDenied", `the sheet ${sheet.name} is protected`);
      this.fake.hyperlinks.set(`${sheet.name}!${area[0]},${area[1]}`, link.documentReference ?? "");
      if (link.textToDisplay !== undefined) sheet.write(area[0], area[1], link.textToDisplay, this.fake.date1904);
    });
  }

  /** Range.dataValidation (ExcelApi 1.8), per cell. */
  get dataValidation(): FakeDataValidation {
    // One object per range, as in Office.js: what was loaded on it is read from it.
    this.validation ??= new FakeDataValidation(this.fake, () => this.resolved());
    return this.validation;
  }
  private validation?: FakeDataValidation;

  /** Formatting: counted (the report's writer must not format cell by cell) and recorded per range. */
  get format(): CountedFormat {
    if (!this.formatProxy) {
      // Reading the lock is no format write: defined beside the counted properties, not through them.
      this.formatProxy = Object.defineProperty(this.fake.countedFormat(() => this.writable()), "protection", { value: new FakeFormatProtection(this.fake, () => this.must()) });
    }
    return this.formatProxy;
  }
  private formatProxy?: CountedFormat;

  merge(_across?: boolean): void {
    this.fake.queue(() => {
      const { sheet, area } = this.writable();
      sheet.merges.push(area);
      this.fake.merges.push(area);
      // Only the top-left cell keeps its value.
      for (let r = 0; r < area[2]; r += 1) for (let c = 0; c < area[3]; c += 1) if (r || c) sheet.write(area[0] + r, area[1] + c, "");
    });
  }

  get conditionalFormats(): FakeConditionalFormats {
    return new FakeConditionalFormats(this.fake, this.sheetOf, this.resolved() ? [] : []);
  }

  /** Range.getUsedRangeOrNullObject (ExcelApi 1.4): the used part of this range, or a null object. */
  getUsedRangeOrNullObject(_valuesOnly?: boolean): FakeRange {
    return new FakeRange(this.fake, this.sheetOf, () => {
      const resolved = this.resolved();
      return resolved ? resolved.sheet.usedRange(resolved.area) : undefined;
    });
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

  /** A range whose values may be written: on a protected sheet, only unlocked cells. */
  private valuesWritable() {
    const resolved = this.must();
    if (resolved.sheet.protected && resolved.sheet.lockedIn(resolved.area)) throw new FakeExcelError("AccessDenied", `the cells are locked and the sheet ${resolved.sheet.name} is protected`);
    return resolved;
  }

  /** A range that may be formatted (number formats, fonts, merges, links): a protected sheet must allow formatting cells. */
  private writable() {
    const resolved = this.must();
    if (resolved.sheet.protected && !resolved.sheet.allowFormatCells) throw new FakeExcelError("AccessDenied", `the sheet ${resolved.sheet.name} is protected`);
    return resolved;
  }

  private checkShape(data: unknown[][], area: Area, what: string) {
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
      case "numberFormat": {
        const formats = grid((cell) => cell?.numberFormat ?? "General");
        this.fake.responseBytes += utf8(JSON.stringify(formats));
        this.loaded.set(name, formats);
        break;
      }
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

/** A cell's data validation, as the fake stores it. */
export interface FakeValidation {
  type: string;
  rule: unknown;
  prompt?: { showPrompt: boolean; title: string; message: string };
  errorAlert?: unknown;
}

const RULE_TYPES: Readonly<Record<string, string>> = { list: "List", textLength: "TextLength", wholeNumber: "WholeNumber", decimal: "Decimal", date: "Date", time: "Time", custom: "Custom" };

class FakeDataValidation extends Proxy {
  constructor(
    fake: FakeExcel,
    private readonly target: () => { sheet: FakeSheet; area: Area } | undefined,
  ) {
    super(fake);
  }
  private cells(): { sheet: FakeSheet; keys: string[] } {
    const resolved = this.target();
    if (!resolved) throw new FakeExcelError("ItemNotFound", "the range does not exist");
    const { sheet, area } = resolved;
    const keys: string[] = [];
    for (let r = 0; r < area[2]; r += 1) for (let c = 0; c < area[3]; c += 1) keys.push(sheet.key(area[0] + r, area[1] + c));
    return { sheet, keys };
  }
  get type(): string {
    return this.read("type");
  }
  get prompt(): FakeValidation["prompt"] | null {
    return this.read("prompt");
  }
  set rule(rule: Record<string, unknown>) {
    this.fake.queue(() => {
      const { sheet, keys } = this.cells();
      if (sheet.protected) throw new FakeExcelError("AccessDenied", `the sheet ${sheet.name} is protected`);
      const type = RULE_TYPES[Object.keys(rule)[0] ?? ""] ?? "Custom";
      for (const key of keys) sheet.validations.set(key, { type, rule });
    });
  }
  set prompt(prompt: NonNullable<FakeValidation["prompt"]>) {
    this.fake.queue(() => {
      const { sheet, keys } = this.cells();
      for (const key of keys) {
        const current = sheet.validations.get(key);
        if (current) current.prompt = prompt;
      }
    });
  }
  set errorAlert(alert: unknown) {
    this.fake.queue(() => {
      const { sheet, keys } = this.cells();
      for (const key of keys) {
        const current = sheet.validations.get(key);
        if (current) current.errorAlert = alert;
      }
    });
  }
  clear(): void {
    this.fake.queue(() => {
      const { sheet, keys } = this.cells();
      if (sheet.protected) throw new FakeExcelError("AccessDenied", `the sheet ${sheet.name} is protected`);
      for (const key of keys) sheet.validations.delete(key);
    });
  }
  protected override snapshot(name: string): void {
    const { sheet, keys } = this.cells();
    const all = keys.map((key) => sheet.validations.get(key));
    if (name === "type") {
      const types = new Set(all.map((v) => v?.type ?? "None"));
      this.loaded.set(name, types.size === 1 ? [...types][0] : "Inconsistent");
    } else if (name === "prompt") {
      const prompts = new Set(all.map((v) => JSON.stringify(v?.prompt ?? null)));
      this.loaded.set(name, prompts.size === 1 ? (all[0]?.prompt ?? null) : null);
    } else {
      throw new FakeExcelError("NotImplemented", `DataValidation.${name}`);
    }
  }
}

/** Range.format.protection (ExcelApi 1.2): whether the range's cells are locked. */
class FakeFormatProtection extends Proxy {
  constructor(fake: FakeExcel, private readonly target: () => { sheet: FakeSheet; area: Area }) {
    super(fake);
  }
  get locked(): boolean | null {
    return this.read("locked");
  }
  protected override snapshot(name: string): void {
    if (name !== "locked") throw new FakeExcelError("NotImplemented", `FormatProtection.${name}`);
    const { sheet, area } = this.target();
    this.loaded.set(name, sheet.lockState(area));
  }
}

class FakeProtection extends Proxy {
  constructor(
    fake: FakeExcel,
    private readonly isProtected: () => boolean,
    private readonly allowsFormatting: () => boolean = () => false,
  ) {
    super(fake);
  }
  get protected(): boolean {
    return this.read("protected");
  }
  /** WorksheetProtection.options (ExcelApi 1.2): the allowances of a protected sheet. */
  get options(): { allowFormatCells: boolean } {
    return this.read("options");
  }
  protected override snapshot(name: string): void {
    if (name === "protected") this.loaded.set(name, this.isProtected());
    else if (name === "options") this.loaded.set(name, { allowFormatCells: this.allowsFormatting() });
    else throw new FakeExcelError("NotImplemented", `Protection.${name}`);
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
      const sheet = this.must();
      this.fake.guardStructure();
      if (value !== "Visible" && this.fake.sheets.filter((s) => s.visibility === "Visible" && s !== sheet).length === 0) {
        throw new FakeExcelError("InvalidOperation", "a workbook must keep at least one visible sheet");
      }
      sheet.visibility = value as FakeSheet["visibility"];
    });
  }

  private protectionProxy?: FakeProtection;
  get protection(): FakeProtection {
    this.protectionProxy ??= new FakeProtection(
      this.fake,
      () => this.resolve()?.protected === true,
      () => this.resolve()?.allowFormatCells === true,
    );
    return this.protectionProxy;
  }

  private must(): FakeSheet {
    const sheet = this.resolve();
    if (!sheet) throw new FakeExcelError("ItemNotFound", "worksheet");
    return sheet;
  }

  getRange(address?: string): FakeRange {
    const area: Area = address ? parseAddress(address) : [0, 0, 1_048_576, 16_384];
    return new FakeRange(this.fake, this.resolve, () => area);
  }

  /** Several areas ("F22,H33"), for conditional formats and formats. */
  getRanges(addresses: string): { conditionalFormats: FakeConditionalFormats; format: CountedFormat } {
    const cells = addresses.split(",").map((a) => a.trim());
    const areas = cells.map((cell) => parseAddress(cell));
    return {
      conditionalFormats: new FakeConditionalFormats(this.fake, this.resolve, cells),
      format: this.fake.countedFormat(() => ({ sheet: this.must(), area: areas[0] as Area }), areas),
    };
  }

  set name(value: string) {
    this.fake.queue(() => {
      const sheet = this.must();
      this.fake.guardStructure();
      checkSheetName(value, this.fake.sheets.filter((s) => s !== sheet));
      this.fake.renameSheet(sheet.name, value);
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
        setPrintArea: (area: string) => record("printArea", area),
        headersFooters: { defaultForAllPages: new globalThis.Proxy({}, { set: (_o, key, value) => (record(`footer.${String(key)}`, value), true) }) },
      } as Record<string, unknown>,
      { set: (obj, key, value) => (record(String(key), value), true), get: (obj, key) => obj[key as string] },
    );
  }

  readonly charts = {
    add: (type: string, _source: unknown, seriesBy: string) => {
      const chart: FakeChart = {
        type,
        seriesBy,
        title: { text: "" },
        position: [],
        setPosition: (a: string, b: string) => (chart.position = [a, b]),
        // ChartSeries.format.fill.setSolidColor (ExcelApi 1.1): the fill of each series, by index.
        fills: [],
        series: { getItemAt: (i: number) => ({ format: { fill: { setSolidColor: (color: string) => void (chart.fills[i] = color) } } }) },
        // ChartAxis.reversePlotOrder (ExcelApi 1.7) and position (1.8).
        axes: { categoryAxis: { reversePlotOrder: false, position: "Automatic" } },
      };
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
      const sheet = this.must();
      this.fake.guardStructure();
      if (this.fake.sheets.filter((s) => s.visibility === "Visible" && s !== sheet).length === 0) {
        throw new FakeExcelError("InvalidOperation", "a workbook must keep at least one visible sheet");
      }
      this.fake.sheets = this.fake.sheets.filter((s) => s !== sheet);
      this.fake.conditionalFormats = this.fake.conditionalFormats.filter((c) => c.sheet !== sheet.name);
    });
  }

  knowNullAtSync(): void {
    this.fake.queue(() => this.loaded.set("isNullObject", this.resolve() === undefined));
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

  /** Its isNullObject is known after the next sync, loaded or not ("*OrNullObject methods and properties"). */
  getItemOrNullObject(name: string): FakeWorksheet {
    const sheet = new FakeWorksheet(this.fake, () => this.fake.sheet(name));
    sheet.knowNullAtSync();
    return sheet;
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
      this.fake.guardStructure();
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

/** A conditional format as the fake stores it; its place in `conditionalFormats` of its sheet is its priority. */
export interface FakeConditionalFormat {
  sheet: string;
  type: "Custom" | "CellValue";
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
  get type(): string {
    return this.read("type");
  }
  get customOrNullObject(): { isNullObject: boolean; rule: { formula: string }; format: { fill: { color: string } } } {
    return this.read("customOrNullObject");
  }

  delete(): void {
    this.fake.queue(() => {
      const record = this.record();
      if (!record) throw new FakeExcelError("ItemNotFound", "conditional format");
      this.fake.conditionalFormats = this.fake.conditionalFormats.filter((c) => c !== record);
    });
  }

  protected override snapshot(name: string): void {
    const record = this.record();
    const root = name.split("/")[0] ?? name;
    if (root === "id") this.loaded.set("id", record ? this.fake.priorityOf(record) : undefined);
    else if (root === "type") this.loaded.set("type", record?.type);
    else if (root === "customOrNullObject") {
      this.loaded.set("customOrNullObject", {
        isNullObject: record?.type !== "Custom",
        rule: { formula: record?.type === "Custom" ? (record.formula ?? "") : "" },
        format: { fill: { color: record?.type === "Custom" ? (record.fill ?? "") : "" } },
      });
    } else throw new FakeExcelError("NotImplemented", `ConditionalFormat.${name}`);
  }
}

class FakeConditionalFormats extends Proxy {
  private readonly itemProxies = new Map<FakeConditionalFormat, FakeConditionalFormatProxy>();
  constructor(
    fake: FakeExcel,
    private readonly sheetOf: () => FakeSheet | undefined,
    private readonly cells: string[],
  ) {
    super(fake);
  }

  get items(): FakeConditionalFormatProxy[] {
    return this.read("items");
  }

  add(type: "Custom" | "CellValue"): FakeConditionalFormatProxy {
    let record: FakeConditionalFormat | undefined;
    const proxy: FakeConditionalFormatProxy = new FakeConditionalFormatProxy(this.fake, () => record);
    this.fake.queue(() => {
      const sheet = this.sheetOf();
      if (!sheet) throw new FakeExcelError("ItemNotFound", "worksheet");
      if (sheet.protected && !sheet.allowFormatCells) throw new FakeExcelError("AccessDenied", `the sheet ${sheet.name} is protected`);
      const custom = type === "Custom";
      record = {
        sheet: sheet.name,
        type,
        cells: this.cells,
        formula: custom ? proxy.custom.rule.formula : String(proxy.cellValue.rule.formula1 ?? ""),
        fill: custom ? proxy.custom.format.fill.color : proxy.cellValue.format.fill.color,
      };
      // "Adds a new conditional format to the collection at the first/top priority."
      this.fake.conditionalFormats.unshift(record);
    });
    return proxy;
  }

  /** The format at this priority now (ids are priorities): a removed one fails at sync. */
  getItem(id: string): FakeConditionalFormatProxy {
    const sheetName = () => this.sheetOf()?.name;
    return new FakeConditionalFormatProxy(this.fake, () => {
      const found = this.fake.conditionalFormats.filter((c) => c.sheet === sheetName())[Number(id)];
      if (!found) throw new FakeExcelError("ItemNotFound", `conditional format ${id}`);
      return found;
    });
  }

  protected override snapshot(name: string): void {
    if (!name.startsWith("items")) throw new FakeExcelError("NotImplemented", `ConditionalFormatCollection.${name}`);
    const sheet = this.sheetOf();
    if (!sheet) throw new FakeExcelError("ItemNotFound", "worksheet");
    const sub = name.slice("items/".length);
    const items = this.fake.conditionalFormats
      .filter((c) => c.sheet === sheet.name)
      .map((record) => {
        // One proxy per format across the paths loaded ("items/type,items/customOrNullObject/…").
        const proxy = this.itemProxies.get(record) ?? new FakeConditionalFormatProxy(this.fake, () => record);
        this.itemProxies.set(record, proxy);
        (proxy as unknown as { snapshot(n: string): void }).snapshot(sub || "id");
        return proxy;
      });
    this.loaded.set("items", items);
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

class FakeFunctionResult extends Proxy {
  constructor(fake: FakeExcel, private readonly compute: () => number) {
    super(fake);
  }
  get value(): number {
    return this.read("value");
  }
  protected override snapshot(name: string): void {
    if (name !== "value") throw new FakeExcelError("NotImplemented", `FunctionResult.${name}`);
    this.loaded.set("value", this.compute());
  }
}

/** A format property written, for assertions (column widths in points, text orientation …). */
export interface FormatWrite {
  sheet: string;
  area: Area;
  property: string;
  value: unknown;
}

/** The fake Excel: sheets, tables, a selection, and the counters the tests assert on. */
export class FakeExcel {
  sheets: FakeSheet[] = [];
  tables: FakeTableDef[] = [];
  active?: string;
  selection?: { sheet: string; row: number; column: number };
  syncCount = 0;
  formatOps = 0;
  formatWrites: FormatWrite[] = [];
  hyperlinks = new Map<string, string>();
  /** Every sheet's conditional formats, each sheet's in priority order (first = top). */
  conditionalFormats: FakeConditionalFormat[] = [];
  merges: Area[] = [];
  pageBreaks: string[] = [];
  pageLayout = new Map<string, unknown>();
  charts: FakeChart[] = [];
  calculationMode = "Automatic";
  calculationSuspensions = 0;
  screenUpdatingSuspensions = 0;
  /** The workbook's structure is protected: no sheet may be added, deleted, renamed or hidden. */
  workbookProtected = false;
  /** The user is editing a cell: a batch fails unless run with delayForCellEdit. */
  cellEditMode = false;
  /** The workbook uses the 1904 date system. */
  date1904 = false;
  /** When set, the last command of this sync fails after the others ran (batches are not transactions). */
  failAtSync?: number;
  /** Runs of Excel.run and their options, for assertions. */
  runs: { delayForCellEdit?: boolean }[] = [];
  responseBytes = 0;
  requestBytes = 0;
  /** Hyperlinks set, over the whole run (for assertions). */
  hyperlinkCount = 0;
  /** The largest request sent, in bytes (for assertions). */
  largestRequest = 0;
  private pending: Op[] = [];
  private delayForCellEdit = false;

  constructor(sheetNames: string[] = ["Sheet1"]) {
    this.sheets = sheetNames.map((name) => new FakeSheet(name));
  }

  sheet(name: string): FakeSheet | undefined {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }

  queue(op: Op): void {
    this.pending.push(op);
  }

  /** Renames a sheet as a user would; its conditional formats go with it. */
  renameSheet(from: string, to: string): void {
    const sheet = this.sheet(from);
    if (!sheet) throw new FakeExcelError("ItemNotFound", `worksheet ${from}`);
    for (const format of this.conditionalFormats) if (format.sheet === sheet.name) format.sheet = to;
    // A cell's hyperlink stays with the cell.
    for (const [key, link] of [...this.hyperlinks]) {
      if (!key.startsWith(`${from}!`)) continue;
      this.hyperlinks.delete(key);
      this.hyperlinks.set(`${to}!${key.slice(from.length + 1)}`, link);
    }
    sheet.name = to;
  }

  guardStructure(): void {
    if (this.workbookProtected) throw new FakeExcelError("AccessDenied", "the workbook's structure is protected");
  }

  /** The priority (id) of a conditional format among its sheet's. */
  priorityOf(record: FakeConditionalFormat): string {
    return String(this.conditionalFormats.filter((c) => c.sheet === record.sheet).indexOf(record));
  }

  /** A user's own conditional format, as one made in Excel's UI. */
  addUserConditionalFormat(sheet: string, cells: string[], fill: string, formula = "=A1>0"): FakeConditionalFormat {
    const record: FakeConditionalFormat = { sheet, type: "Custom", cells, formula, fill };
    this.conditionalFormats.unshift(record);
    return record;
  }

  /** A format object whose every property set is counted as one format operation and recorded. */
  countedFormat(target?: () => { sheet: FakeSheet; area: Area }, areas?: Area[]): CountedFormat {
    const record = (property: string, value: unknown) => {
      this.formatOps += 1;
      this.requestBytes += REQUEST_COMMAND_BYTES + utf8(JSON.stringify(value ?? null));
      if (!target) return;
      this.queue(() => {
        const { sheet, area } = target();
        if (sheet.protected && !sheet.allowFormatCells) throw new FakeExcelError("AccessDenied", `the sheet ${sheet.name} is protected`);
        for (const a of areas ?? [area]) this.formatWrites.push({ sheet: sheet.name, area: a, property, value });
      });
    };
    const watch = <T extends object>(obj: T, prefix: string): T =>
      new globalThis.Proxy(obj, {
        set: (o, key, value) => {
          record(`${prefix}${String(key)}`, value);
          (o as Record<string | symbol, unknown>)[key] = value;
          return true;
        },
      });
    return watch(
      {
        font: watch({}, "font."),
        fill: watch({}, "fill."),
        borders: { getItem: (edge: string) => watch({}, `border.${edge}.`) },
        autofitRows: () => record("autofitRows", true),
      },
      "",
    ) as CountedFormat;
  }

  /** Puts values straight into a sheet, as a user typing would (coerced unless formatted "@"). */
  setValues(sheetName: string, rows: unknown[][], startRow = 0): void {
    const sheet = this.sheet(sheetName) ?? (this.sheets.push(new FakeSheet(sheetName)), this.sheet(sheetName) as FakeSheet);
    rows.forEach((row, r) => row.forEach((v, c) => sheet.write(startRow + r, c, v, this.date1904)));
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

  /** Called before each sync with its number: the user editing while a batch runs. */
  beforeSync?: (sync: number) => void;

  private async sync(): Promise<void> {
    this.syncCount += 1;
    this.beforeSync?.(this.syncCount);
    const ops = this.pending;
    this.pending = [];
    this.responseBytes = 0;
    const requested = this.requestBytes;
    this.requestBytes = 0;
    this.largestRequest = Math.max(this.largestRequest, requested);
    if (this.cellEditMode && !this.delayForCellEdit) {
      throw new FakeExcelError("InvalidOperationInCellEditMode", "the user is editing a cell");
    }
    if (requested > PAYLOAD_LIMIT_BYTES) throw new FakeExcelError("RequestPayloadSizeLimitExceeded", `request of ${requested} bytes`);
    const failing = this.failAtSync === this.syncCount;
    // Not a transaction: each command runs in turn, and those before a failing one stay applied.
    for (const [i, op] of ops.entries()) {
      if (failing && i === ops.length - 1) throw new FakeExcelError("GeneralException", "the sync failed (as the test asked)");
      op();
    }
    if (failing) throw new FakeExcelError("GeneralException", "the sync failed (as the test asked)");
    if (this.responseBytes > PAYLOAD_LIMIT_BYTES) {
      throw new FakeExcelError("ResponsePayloadSizeLimitExceeded", `response of ${this.responseBytes} bytes`);
    }
  }

  /**
   * Excel.run over the fake, with Office.js's own overloads: `run(batch)` and `run(options, batch)`
   * (Excel.RunOptions' delayForCellEdit), so the page can use it as `Excel.run` itself.
   */
  run = async <T>(
    first: ((context: Excel.RequestContext) => Promise<T>) | { delayForCellEdit?: boolean },
    second?: (context: Excel.RequestContext) => Promise<T>,
  ): Promise<T> => {
    const [options, batch] = typeof first === "function" ? [{}, first] : [first, second];
    if (typeof batch !== "function") throw new TypeError("Excel.run needs a batch function");
    this.runs.push(options);
    this.delayForCellEdit = options.delayForCellEdit === true;
    this.pending = [];
    this.requestBytes = 0;
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
      suspendApiCalculationUntilNextSync() {
        fake.calculationSuspensions += 1;
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
        protection: new FakeProtection(this, () => this.workbookProtected),
        functions: {
          date: (year: number, month: number, day: number) => new FakeFunctionResult(this, () => serial(year, month, day, this.date1904)),
        },
      },
      sync: () => this.sync(),
    };
    const result = await batch(context as unknown as Excel.RequestContext);
    if (this.pending.length > 0) await this.sync(); // Excel.run syncs what is left queued
    return result;
  };
}

/**
 * A sheet of the fake from a grid as Excel's own `range.values` give it: numbers, strings, booleans,
 * error strings ("#N/A", typed Error), and dates as serial numbers with a date format. Strings are
 * stored as text ("@"), numbers and booleans as they are, so nothing is coerced.
 */
export function putGrid(
  fake: FakeExcel,
  sheetName: string,
  rows: readonly (readonly unknown[])[],
  options: { merges?: readonly Area[]; formats?: readonly (readonly (string | undefined)[])[] } = {},
): void {
  const sheet = fake.sheet(sheetName) ?? (fake.sheets.push(new FakeSheet(sheetName)), fake.sheet(sheetName) as FakeSheet);
  rows.forEach((row, r) =>
    row.forEach((value, c) => {
      if (value === null || value === undefined || value === "") return;
      const format = options.formats?.[r]?.[c];
      if (format && typeof value === "number") {
        // A number with its format, as Excel holds it (a date is a serial with a date format).
        sheet.setFormat(r, c, format);
        sheet.write(r, c, value);
        return;
      }
      if (typeof value === "object" && value !== null && "date" in value) {
        const [y, m, d] = String((value as { date: string }).date).split("-").map(Number);
        sheet.setFormat(r, c, "yyyy/m/d");
        sheet.write(r, c, serial(y ?? 1900, m ?? 1, d ?? 1, fake.date1904));
        return;
      }
      if (typeof value === "object" && value !== null && "error" in value) {
        sheet.cells.set(sheet.key(r, c), { value: String((value as { error: string }).error), error: String((value as { error: string }).error), numberFormat: "General" });
        return;
      }
      if (typeof value === "string") sheet.setFormat(r, c, "@");
      sheet.write(r, c, typeof value === "object" ? String(value) : value);
    }),
  );
  for (const area of options.merges ?? []) {
    sheet.merges.push(area);
    for (let r = 0; r < area[2]; r += 1) for (let c = 0; c < area[3]; c += 1) if (r || c) sheet.cells.delete(sheet.key(area[0] + r, area[1] + c));
  }
}
