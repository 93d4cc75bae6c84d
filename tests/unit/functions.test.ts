import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { checkTable } from "../../src/core/check/check";
import { evaluateTexts } from "../../src/core/rating/evaluate";
import { XlsxWorkbookPort } from "../../src/xlsx/workbookPort";
import type { TableRow } from "../../src/core/workbook/table";
import { CELL_MESSAGES } from "../../src/functions/messages";
import {
  EMPTY_CELL,
  ErrorCode,
  PLATFORMS,
  StubCustomFunctionsError,
  argumentsAs,
  callAsCell,
  installCustomFunctionsStub,
  shownInCell,
} from "./stubCustomFunctions";

installCustomFunctionsStub();
type Fn = (...args: unknown[]) => unknown;
let F: Record<"rating" | "check" | "achievement" | "quantity" | "metrics" | "fiscalYear", Fn>;

beforeAll(async () => {
  F = (await import("../../src/functions/functions")) as unknown as typeof F;
});

function errorOf(call: () => unknown): StubCustomFunctionsError {
  try {
    call();
  } catch (error) {
    if (error instanceof StubCustomFunctionsError) return error;
    throw error;
  }
  throw new Error("expected a CustomFunctions.Error");
}

describe("the functions agree with the check on every row of the sample", () => {
  let rows: TableRow[];
  let ratingFindings: Map<string, string>;
  let fiscalYear: number | undefined;

  beforeAll(async () => {
    const port = await XlsxWorkbookPort.load(readFileSync(resolve(__dirname, "../../seeds/kodaira-r2.xlsx")));
    const read = await port.read();
    rows = read.table.rows;
    const result = checkTable(read.table, read.settings ? { settings: read.settings.settings } : {});
    fiscalYear = result.fiscalYear;
    ratingFindings = new Map(
      result.findings
        .filter((f) => ["RATING_OVERSTATED", "RATING_UNDERSTATED", "RATING_S_CANDIDATE", "PARENT_CHILD_MISMATCH"].includes(f.code))
        .map((f) => [f.item ?? "", f.code]),
    );
  });

  it("PLAN.RATING is the engine's rating for the row's own texts (#N/A where they hold no numbers)", () => {
    expect(rows).toHaveLength(59);
    for (const row of rows) {
      const engine = evaluateTexts(row.plan, row.result, fiscalYear === undefined ? {} : { fiscalYear });
      if (engine.targets.length === 0 || engine.results.length === 0) {
        expect(errorOf(() => F.rating(row.plan, row.result)).code, row.item).toBe(ErrorCode.notAvailable);
      } else {
        expect(F.rating(row.plan, row.result), row.item).toBe(engine.expected);
      }
    }
  });

  it("PLAN.CHECK is empty exactly where the check has no rating finding, and names the same code", () => {
    for (const row of rows) {
      const answer = F.check(row.rating, row.plan, row.result) as string;
      const finding = ratingFindings.get(row.item);
      expect(answer === "", `${row.item}: ${answer}`).toBe(finding === undefined);
      if (finding) expect(answer.startsWith(`${finding}:`), row.item).toBe(true);
    }
    expect(F.check("A", rows.find((r) => r.item === "12")?.plan, rows.find((r) => r.item === "12")?.result)).toBe("RATING_OVERSTATED: 実績44.0% / 目標95% (46%)");
  });
});

describe("PLAN.RATING", () => {
  it("rates the spec's examples", () => {
    expect(F.rating("(参加団体数 12団体)", "(参加団体数 11団体)")).toBe("B");
    expect(F.rating("(市ホームページアクセス件数 370万件以上)", "(市ホームページアクセス件数 6,525,148件)")).toBe("S");
    expect(F.rating(95, 95)).toBe("A");
    expect(F.rating("(件数 10件)", "(件数 10%)")).toBe("-");
  });

  it("takes the optional tolerance and S margin as ratios or percentages, null when omitted", () => {
    expect(F.rating(100, 105, null, null)).toBe("A");
    expect(F.rating(100, 105, null, 0.04)).toBe("S");
    expect(F.rating(100, 105, null, 4)).toBe("S");
    expect(F.check("A", 100, 95, 0.9)).toBe("RATING_OVERSTATED: 実績95 / 目標100 (95%)");
    expect(errorOf(() => F.rating(100, 95, 150)).code).toBe(ErrorCode.invalidValue);
    expect(errorOf(() => F.rating(100, 95, null, -1)).code).toBe(ErrorCode.invalidValue);
  });

  it("raises #N/A with a Japanese message for blanks and texts without numbers, #VALUE! for other kinds", () => {
    const blank = errorOf(() => F.rating(null, null));
    expect(blank.code).toBe(ErrorCode.notAvailable);
    expect(blank.message).toMatch(/^目標値のセルが空です/);
    expect(errorOf(() => F.rating("(件数 5件)", "")).message).toMatch(/^実績値のセルが空です/);
    expect(errorOf(() => F.rating("(件数 5件)", "実施した。")).message).toMatch(/^実績値の数値が見つかりません/);
    expect(errorOf(() => F.rating("実施する。", "(件数 5件)")).code).toBe(ErrorCode.notAvailable);
    expect(errorOf(() => F.rating(true, 5)).code).toBe(ErrorCode.invalidValue);
  });
});

describe("PLAN.CHECK", () => {
  it("is empty for a sub-item, a blank rating or cells without numbers; #VALUE! for an invalid rating", () => {
    expect(F.check("-", "(件数 10件)", "(件数 5件)")).toBe("");
    expect(F.check(null, "(件数 10件)", "(件数 5件)")).toBe("");
    expect(F.check("A", "実施する。", "実施した。")).toBe("");
    expect(F.check("Ａ", "(件数 10件)", "(件数 5件)")).toMatch(/^RATING_OVERSTATED/);
    expect(errorOf(() => F.check("C", "(件数 10件)", "(件数 5件)")).code).toBe(ErrorCode.invalidValue);
  });

  it("reports B while met, and A while exceeded", () => {
    expect(F.check("B", "(件数 10件)", "(件数 10件)")).toMatch(/^RATING_UNDERSTATED: /);
    expect(F.check("A", "(件数 10件)", "(件数 20件)")).toMatch(/^RATING_S_CANDIDATE: /);
  });
});

describe("PLAN.ACHIEVEMENT, PLAN.QUANTITY, PLAN.METRICS, PLAN.FISCALYEAR", () => {
  const fiscalPlan = "(①経常収支比率80%台 ②財政調整基金35億円 ③公共施設整備基金25億円)";
  const fiscalResult = "(①経常収支比率91.0%(速報値) ②財政調整基金28.4億円 ③公共施設整備基金18.1億円)";

  it("ACHIEVEMENT: the worst pair, or the marked one, direction-aware", () => {
    expect(F.achievement("(施策 95%)", "(施策 44.0%)")).toBeCloseTo(0.463, 3);
    expect(F.achievement(fiscalPlan, fiscalResult)).toBeCloseTo(0.724, 3);
    expect(F.achievement(fiscalPlan, fiscalResult, 1)).toBeCloseTo(0.989, 3);
    expect(errorOf(() => F.achievement(fiscalPlan, fiscalResult, 4)).code).toBe(ErrorCode.notAvailable);
    expect(errorOf(() => F.achievement(fiscalPlan, fiscalResult, 1.5)).code).toBe(ErrorCode.invalidValue);
  });

  it("QUANTITY (not VALUE, a built-in's name): base units, by index", () => {
    expect("value" in F).toBe(false);
    expect(F.quantity("370万件以上")).toBe(3_700_000);
    expect(F.quantity("28.4億円")).toBe(2_840_000_000);
    expect(F.quantity(fiscalPlan, 2)).toBe(3_500_000_000);
    expect(errorOf(() => F.quantity(fiscalPlan, 9)).code).toBe(ErrorCode.notAvailable);
    expect(errorOf(() => F.quantity(fiscalPlan, -1)).code).toBe(ErrorCode.invalidValue);
    expect(errorOf(() => F.quantity(fiscalPlan, 1.5)).code).toBe(ErrorCode.invalidValue);
    expect(errorOf(() => F.quantity("")).code).toBe(ErrorCode.notAvailable);
  });

  it("METRICS: one row per metric, marker, label, value, unit, op", () => {
    expect(F.metrics(fiscalPlan)).toEqual([
      [1, "経常収支比率", 80, "%", "range"],
      [2, "財政調整基金", 3_500_000_000, "円", "eq"],
      [3, "公共施設整備基金", 2_500_000_000, "円", "eq"],
    ]);
    expect(errorOf(() => F.metrics("数値なし")).code).toBe(ErrorCode.notAvailable);
  });

  it("METRICS: a value too long to be a number is #VALUE! in its own cell, never NaN (Excel holds no NaN)", () => {
    const huge = `(件数 ${"9".repeat(400)}件 ②職員数 12人)`;
    expect(callAsCell(F.metrics, [huge])).toEqual([
      ["", "件数", { error: ErrorCode.invalidValue, message: CELL_MESSAGES.notANumber }, "件", "eq"],
      [2, "職員数", 12, "人", "eq"],
    ]);
    // QUANTITY of the same value raises the same error, with the same message.
    expect(callAsCell(F.quantity, [huge])).toEqual({ error: ErrorCode.invalidValue, message: CELL_MESSAGES.notANumber });
    // What the stand-in refuses, as Excel has no such value.
    expect(() => shownInCell([[1, Number.NaN]])).toThrow(/no value of Excel's/);
  });

  it("FISCALYEAR: Japanese dates and periods", () => {
    expect(F.fiscalYear("令和3年3月末")).toBe(2020);
    expect(F.fiscalYear("平成32年度")).toBe(2020);
    expect(F.fiscalYear(2024)).toBe(2024);
    // A date cell arrives as its serial number: 2021-03-31 is 44286 (1900 system), 42824 in 1904's.
    expect(F.fiscalYear(44286)).toBe(2020);
    expect(F.fiscalYear(44287)).toBe(2021);
    expect(F.fiscalYear(44286 - 1462, true)).toBe(2020);
    expect(errorOf(() => F.fiscalYear("")).message).toMatch(/^年度を表す文字列がありません/);
    expect(errorOf(() => F.fiscalYear("参加団体数 12団体")).code).toBe(ErrorCode.notAvailable);
    expect(errorOf(() => F.fiscalYear(true)).code).toBe(ErrorCode.invalidValue);
  });

  it("never lets an unexpected exception escape on odd inputs", () => {
    const odd = [null, undefined, "", " ", 0, -1, 1e308, Number.NaN, "①②③", "(()", "△", [[1]], {}, true];
    for (const fn of Object.values(F)) {
      for (const a of odd) {
        for (const b of odd.slice(0, 6)) {
          try {
            fn(a, b);
          } catch (error) {
            expect(error, `${fn.name}(${String(a)}, ${String(b)})`).toBeInstanceOf(StubCustomFunctionsError);
          }
        }
      }
    }
  });
});

describe("rating scales in the functions", () => {
  it("PLAN.RATING and PLAN.CHECK take a scale written best first", () => {
    expect(F.rating("(件数 10件)", "(件数 5件)", null, null, "◎○△×")).toBe("△");
    expect(F.rating("(件数 10件)", "(件数 10件)", null, null, "達成,未達成")).toBe("達成");
    expect(F.check("達成", "(件数 10件)", "(件数 5件)", null, null, "達成,未達成")).toMatch(/^RATING_OVERSTATED/);
    expect(F.check("未達成", "(件数 10件)", "(件数 5件)", null, null, "達成,未達成")).toBe("");
    expect(errorOf(() => F.rating("(件数 10件)", "(件数 5件)", null, null, "A")).code).toBe(ErrorCode.invalidValue);
  });
});

/**
 * Empty cells. Excel on the web passes a reference to an empty cell as null, desktop Excel
 * as the number 0 (argumentsAs, with its source): every call below is made as both would make it.
 */
describe("an empty cell gets one answer on every platform", () => {
  const plan = "(参加団体数 12団体)";
  const result = "(参加団体数 11団体)";
  const fiscalPlan = "(①経常収支比率80%台 ②財政調整基金35億円 ③公共施設整備基金25億円)";
  const fiscalResult = "(①経常収支比率91.0%(速報値) ②財政調整基金28.4億円 ③公共施設整備基金18.1億円)";
  /** One complete call per function, every parameter given; each parameter in turn becomes an empty cell. */
  const FULL: Record<keyof typeof F, unknown[]> = {
    rating: [plan, result, 0.9, 0.2, "S,A,B"],
    check: ["A", plan, result, 0.9, 0.2, "S,A,B"],
    achievement: [fiscalPlan, fiscalResult, 2],
    quantity: [fiscalPlan, 2],
    metrics: [fiscalPlan],
    fiscalYear: [44286, true],
  };

  it("for every parameter of every function", () => {
    let compared = 0;
    for (const [name, args] of Object.entries(FULL) as [keyof typeof F, unknown[]][]) {
      for (let i = 0; i < args.length; i++) {
        const call = args.map((a, j) => (j === i ? EMPTY_CELL : a));
        const [web, desktop] = PLATFORMS.map((platform) => callAsCell(F[name], argumentsAs(platform, call)));
        expect(desktop, `${name} with argument ${i + 1} an empty cell`).toEqual(web);
        compared += 1;
      }
    }
    expect(compared).toBe(19);
  });

  it.each(PLATFORMS)("on %s, as the web's null always did: an optional argument in an empty cell is the default", (platform) => {
    const as = (...args: unknown[]) => argumentsAs(platform, args);
    expect(callAsCell(F.rating, as(plan, result, EMPTY_CELL, EMPTY_CELL, EMPTY_CELL))).toBe(F.rating(plan, result));
    expect(callAsCell(F.achievement, as(fiscalPlan, fiscalResult, EMPTY_CELL))).toBe(F.achievement(fiscalPlan, fiscalResult));
    expect(callAsCell(F.quantity, as(fiscalPlan, EMPTY_CELL))).toBe(80);
    expect(callAsCell(F.fiscalYear, as(44286, EMPTY_CELL))).toBe(2020);
  });

  it.each(PLATFORMS)("on %s: PLAN.CHECK is empty for a row not yet rated, and never claims a finding for empty results", (platform) => {
    const as = (...args: unknown[]) => argumentsAs(platform, args);
    expect(callAsCell(F.check, as(EMPTY_CELL, plan, result))).toBe("");
    expect(callAsCell(F.check, as(EMPTY_CELL, EMPTY_CELL, EMPTY_CELL))).toBe("");
    expect(callAsCell(F.check, as("A", plan, EMPTY_CELL))).toBe("");
    expect(callAsCell(F.check, as("A", 100, EMPTY_CELL))).toBe("");
    expect(callAsCell(F.check, as("A", EMPTY_CELL, result))).toBe("");
  });

  it.each(PLATFORMS)("on %s: PLAN.RATING, ACHIEVEMENT, QUANTITY, METRICS and FISCALYEAR say the cell is empty (#N/A)", (platform) => {
    const as = (...args: unknown[]) => argumentsAs(platform, args);
    const notAvailable = (message: string) => ({ error: ErrorCode.notAvailable, message });
    expect(callAsCell(F.rating, as(plan, EMPTY_CELL))).toEqual(notAvailable(CELL_MESSAGES.actualEmpty));
    expect(callAsCell(F.rating, as(100, EMPTY_CELL))).toEqual(notAvailable(CELL_MESSAGES.actualEmpty));
    expect(callAsCell(F.rating, as(EMPTY_CELL, result))).toEqual(notAvailable(CELL_MESSAGES.targetEmpty));
    expect(callAsCell(F.achievement, as(plan, EMPTY_CELL))).toEqual(notAvailable(CELL_MESSAGES.actualEmpty));
    expect(callAsCell(F.quantity, as(EMPTY_CELL))).toEqual(notAvailable(CELL_MESSAGES.textEmpty));
    expect(callAsCell(F.metrics, as(EMPTY_CELL))).toEqual(notAvailable(CELL_MESSAGES.textEmpty));
    expect(callAsCell(F.fiscalYear, as(EMPTY_CELL))).toEqual(notAvailable(CELL_MESSAGES.fiscalYearEmpty));
  });

  it("on every row of the sample, with its empty cells passed as each platform passes them", async () => {
    const port = await XlsxWorkbookPort.load(readFileSync(resolve(__dirname, "../../seeds/kodaira-r2.xlsx")));
    const rows = (await port.read()).table.rows;
    const cell = (text: string) => (text.trim() === "" ? EMPTY_CELL : text);
    const empties = rows.filter((r) => r.result.trim() === "" || r.ratingWritten.trim() === "");
    expect(empties.length).toBeGreaterThan(5);
    for (const row of rows) {
      const args = [cell(row.ratingWritten), cell(row.plan), cell(row.result)];
      const [web, desktop] = PLATFORMS.map((platform) => callAsCell(F.check, argumentsAs(platform, args)));
      expect(desktop, `PLAN.CHECK on item ${row.item}`).toEqual(web);
      // The text the cell holds, as the check reads it: an empty cell is "" there.
      expect(web, `PLAN.CHECK on item ${row.item}`).toEqual(F.check(row.ratingWritten, row.plan, row.result));
      const [webRating, desktopRating] = PLATFORMS.map((platform) => callAsCell(F.rating, argumentsAs(platform, args.slice(1))));
      expect(desktopRating, `PLAN.RATING on item ${row.item}`).toEqual(webRating);
    }
  });
});

describe("the number 0 as an empty cell loses no value a function takes", () => {
  it("a rating is text: any other number is #VALUE!, as before", () => {
    expect(errorOf(() => F.check(1, "(件数 10件)", "(件数 5件)")).code).toBe(ErrorCode.invalidValue);
    expect(F.check(0, "(件数 10件)", "(件数 5件)")).toBe("");
  });

  it("a zero target or result is written with its unit or as text, and is read as zero", () => {
    expect(F.rating("(件数 10件)", "(件数 0件)")).toBe("B");
    expect(F.check("A", "(件数 10件)", "(件数 0件)")).toMatch(/^RATING_OVERSTATED: 実績0件 \/ 目標10件/);
    expect(F.rating(100, "0")).toBe("B");
    expect(F.quantity("0件")).toBe(0);
  });

  it("a zero S margin is written \"0%\" (text); 0 for the tolerance was never valid", () => {
    expect(F.rating(100, 101)).toBe("A");
    expect(F.rating(100, 101, null, "0%")).toBe("S");
    expect(F.rating(100, 101, null, "10%")).toBe("A");
    expect(F.rating(100, 105, null, "4")).toBe("S");
    expect(errorOf(() => F.rating(100, 101, "0%")).code).toBe(ErrorCode.invalidValue);
    expect(errorOf(() => F.rating(100, 101, null, "多め")).code).toBe(ErrorCode.invalidValue);
    expect(errorOf(() => F.rating(100, 101, null, "150%")).code).toBe(ErrorCode.invalidValue);
  });

  it("①②③ markers and indexes count from 1; a fiscal year or date is never 0", () => {
    expect(errorOf(() => F.achievement("(①件数 10件)", "(①件数 5件)", 4)).code).toBe(ErrorCode.notAvailable);
    expect(F.achievement("(①件数 10件)", "(①件数 5件)", 0)).toBe(0.5);
    expect(errorOf(() => F.fiscalYear(0)).message).toBe(CELL_MESSAGES.fiscalYearEmpty);
  });

  it("messages are Japanese first, English after a slash", () => {
    for (const [key, message] of Object.entries(CELL_MESSAGES)) {
      const [ja, en] = message.split(" / ");
      expect(ja, key).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
      expect(en, key).toMatch(/^[A-Z]/);
    }
  });
});
