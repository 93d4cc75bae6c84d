import { describe, expect, it } from "vitest";
import { checkTable } from "../../src/core/check/check";
import { RULES } from "../../src/core/check/catalogue";
import { eachSentence, sentenceAt, sentenceHash } from "../../src/core/check/rules/textDuplicate";
import { foldText } from "../../src/core/text/fold";
import { FORMULA_WITHOUT_RESULT, type RawCell } from "../../src/core/workbook/cells";
import { DEFAULT_SETTINGS } from "../../src/core/workbook/settings";
import { readTable } from "../../src/core/workbook/table";
import { placeholders } from "../../src/core/text/localized";

const HEADER = ["分野", "No.", "枝番", "項目", "主な推進担当課", "評価", "実施内容", "令和2年度当初予定（目標値）", "取組実績（令和3年3月末実績値）", "備考"];
type Row = Partial<Record<"category" | "no" | "sub" | "title" | "department" | "rating" | "actions" | "plan" | "result" | "notes", RawCell>>;
const FIELDS = ["category", "no", "sub", "title", "department", "rating", "actions", "plan", "result", "notes"] as const;

/** A clean item: department, rating A, a target met exactly. */
const item = (no: number, extra: Row = {}): Row => ({
  category: "分野",
  no,
  title: `項目${no}`,
  department: "課",
  rating: "A",
  plan: `・実施する。 (第${no}項目の件数 10件)`,
  result: `・実施した。 (第${no}項目の件数 10件)`,
  ...extra,
});

/** Every message the checks of this file said, to hold them to their templates. */
const said: { ja: string; en: string }[] = [];

function check(rows: (Row | RawCell[])[], header: RawCell[] = HEADER) {
  const grid = [header, ...rows.map((r) => (Array.isArray(r) ? r : FIELDS.map((f) => r[f] ?? null)))];
  const result = checkTable(readTable([{ name: "表", rows: grid }]), { settings: DEFAULT_SETTINGS });
  said.push(...result.findings.map((f) => f.message));
  return result;
}
const codes = (rows: (Row | RawCell[])[], header?: RawCell[]) => check(rows, header).findings.map((f) => `${f.code} ${f.item ?? ""}`.trim());

/** For every rule: a minimal workbook that triggers it, and one that must not. */
const CASES: Record<string, { triggers: () => string[]; clean: () => string[]; expected: string }> = {
  COLUMNS_MISSING: {
    triggers: () => codes([[1, "x"]], ["No.", "項目"]),
    clean: () => codes([item(1)]),
    expected: "COLUMNS_MISSING",
  },
  // A slip among S/A/B ("Z" is on no known scale; a "C" would make the table's scale S/A/B/C).
  RATING_INVALID: { triggers: () => codes([item(1, { rating: "Z" }), item(2)]), clean: () => codes([item(1)]), expected: "RATING_INVALID 1" },
  RATING_MISSING: { triggers: () => codes([item(1, { rating: "" })]), clean: () => codes([item(1), { no: 1, sub: 1, department: "課", rating: "-" }]), expected: "RATING_MISSING 1" },
  RATING_NORMALISED: { triggers: () => codes([item(1, { rating: "Ａ" })]), clean: () => codes([item(1)]), expected: "RATING_NORMALISED 1" },
  RATING_OVERSTATED: {
    triggers: () => codes([item(1, { plan: "(参加団体数 12団体)", result: "(参加団体数 11団体)" })]),
    clean: () => codes([item(1, { rating: "B", plan: "(参加団体数 12団体)", result: "(参加団体数 11団体)" })]),
    expected: "RATING_OVERSTATED 1",
  },
  RATING_UNDERSTATED: { triggers: () => codes([item(1, { rating: "B" })]), clean: () => codes([item(1)]), expected: "RATING_UNDERSTATED 1" },
  RATING_S_CANDIDATE: {
    triggers: () => codes([item(1, { result: "(第1項目の件数 20件)" })]),
    clean: () => codes([item(1, { rating: "S", result: "(第1項目の件数 20件)" })]),
    expected: "RATING_S_CANDIDATE 1",
  },
  PARENT_CHILD_MISMATCH: {
    triggers: () => codes([item(2, { plan: "-", result: "-" }), { no: 2, sub: 1, department: "課", rating: "-", plan: "(件数 10件)", result: "(件数 5件)" }]),
    clean: () => codes([item(2, { rating: "B", plan: "-", result: "-" }), { no: 2, sub: 1, department: "課", rating: "-", plan: "(件数 10件)", result: "(件数 5件)" }]),
    expected: "PARENT_CHILD_MISMATCH 2",
  },
  RESULT_MISSING: { triggers: () => codes([item(1, { result: "" })]), clean: () => codes([item(1)]), expected: "RESULT_MISSING 1" },
  PLAN_MISSING: { triggers: () => codes([item(1, { plan: "" })]), clean: () => codes([item(1)]), expected: "PLAN_MISSING 1" },
  TARGET_INTERIM: {
    triggers: () => codes([item(1, { plan: "(ごみ量 480g/人日(令和4年度末))", result: "(ごみ量 494.3g/人日)" })]),
    clean: () => codes([item(1, { plan: "(ごみ量 480g/人日(令和2年度末))", result: "(ごみ量 470g/人日)" })]),
    expected: "TARGET_INTERIM 1",
  },
  UNIT_MISMATCH: { triggers: () => codes([item(1, { result: "(第1項目の件数 10%)" })]), clean: () => codes([item(1)]), expected: "UNIT_MISMATCH 1" },
  NUMBER_DUPLICATE: { triggers: () => codes([item(1), item(2), item(2, { title: "別" })]), clean: () => codes([item(1), item(2)]), expected: "NUMBER_DUPLICATE 2" },
  NUMBER_GAP: { triggers: () => codes([item(1), item(3)]), clean: () => codes([item(1), item(2)]), expected: "NUMBER_GAP 3" },
  SUB_NUMBER_INVALID: {
    triggers: () => codes([item(1), { no: 1, sub: 2, department: "課", rating: "-" }]),
    clean: () => codes([item(1), { no: 1, sub: 1, department: "課", rating: "-" }, { no: 1, sub: 2, department: "課", rating: "-" }]),
    expected: "SUB_NUMBER_INVALID 1-2",
  },
  REPOST_TARGET_MISSING: {
    triggers: () => codes([item(1), item(2, { actions: "【No.9の再掲】", plan: "【No.9の再掲】", result: "【No.9の再掲】" })]),
    clean: () => codes([item(1), item(2, { title: "項目1", actions: "【No.1の再掲】", plan: "【No.1の再掲】", result: "【No.1の再掲】" })]),
    expected: "REPOST_TARGET_MISSING 2",
  },
  REPOST_MISMATCH: {
    triggers: () => codes([item(1), item(2, { title: "違う名前", actions: "【No.1の再掲】", plan: "【No.1の再掲】", result: "【No.1の再掲】" })]),
    clean: () => codes([item(1), item(2, { title: "項目1", actions: "【No.1の再掲】", plan: "【No.1の再掲】", result: "【No.1の再掲】" })]),
    expected: "REPOST_MISMATCH 2",
  },
  DEPARTMENT_MISSING: {
    triggers: () => codes([item(1, { department: "" })]),
    clean: () => codes([item(1, { department: "-", plan: "-", result: "-", rating: "A" }), { no: 1, sub: 1, department: "課", rating: "-", plan: "(件数 1件)", result: "(件数 1件)" }]),
    expected: "DEPARTMENT_MISSING 1",
  },
  TEXT_DUPLICATE: {
    triggers: () => codes([item(1, { plan: "・図書館協議会の提言を踏まえて今後の図書館の方針を策定する。 (第1項目の件数 10件)" }), item(2, { plan: "・図書館協議会の提言を踏まえて今後の図書館の方針を策定する。 (第2項目の件数 10件)" })]),
    clean: () => codes([item(1, { plan: "・図書館協議会の提言を踏まえて今後の図書館の方針を策定する。 (第1項目の件数 10件)" }), item(2)]),
    expected: "TEXT_DUPLICATE 2",
  },
  BLANK_ROW: { triggers: () => codes([item(1), [], item(2)]), clean: () => codes([item(1), item(2), [], []]), expected: "BLANK_ROW" },
  CELL_ERROR: { triggers: () => codes([item(1, { notes: { error: "#N/A" } })]), clean: () => codes([item(1, { notes: "メモ" })]), expected: "CELL_ERROR 1" },
  NOT_EVALUABLE: { triggers: () => codes([item(1, { plan: "・実施する。", result: "・実施した。" })]), clean: () => codes([item(1)]), expected: "NOT_EVALUABLE 1" },
  VALUE_UNREADABLE: {
    triggers: () => codes([item(1, { result: `(第1項目の件数 ${"9".repeat(400)}件)` })]),
    clean: () => codes([item(1)]),
    expected: "VALUE_UNREADABLE 1",
  },
  FISCAL_YEAR_UNKNOWN: {
    // Headers without a year, no settings, no title: nothing says which year is evaluated.
    triggers: () => codes([[1, "項目1", "課", "A", "(ごみ量 480g/人日(令和4年度末))", "(ごみ量 494.3g/人日)"]], ["No.", "項目", "担当課", "評価", "当初予定（目標値）", "取組実績（実績値）"]),
    clean: () => codes([item(1)]),
    expected: "FISCAL_YEAR_UNKNOWN",
  },
  FORMULA_RESULT_MISSING: {
    triggers: () => codes([item(1, { rating: { error: FORMULA_WITHOUT_RESULT, formula: 'IF(K2>=1,"A","B")' } }), item(2, { rating: { error: FORMULA_WITHOUT_RESULT, formula: 'IF(K3>=1,"A","B")' } })]),
    clean: () => codes([item(1), item(2, { notes: { error: "#N/A" } })]),
    expected: "FORMULA_RESULT_MISSING",
  },
  NUMBER_INVALID: { triggers: () => codes([item(1), item(2, { no: "二番" })]), clean: () => codes([item(1), item(2, { no: "No.2" })]), expected: "NUMBER_INVALID" },
  TABLE_SHEET_HIDDEN: {
    // The only table is on a hidden sheet (an old copy beside a visible one is never read: tests/unit/table.test.ts).
    triggers: () =>
      checkTable(readTable([{ name: "メモ", rows: [["覚え書き"]] }, { name: "表", hidden: true, rows: [HEADER, FIELDS.map((f) => item(1)[f] ?? null)] }])).findings.map((f) => f.code),
    clean: () => codes([item(1)]),
    expected: "TABLE_SHEET_HIDDEN",
  },
};

describe("the rule catalogue", () => {
  it("has every code of the spec's minimum catalogue, each with texts in both languages", () => {
    const spec = ["COLUMNS_MISSING", "RATING_INVALID", "RATING_MISSING", "RATING_NORMALISED", "RATING_OVERSTATED", "RATING_UNDERSTATED", "RATING_S_CANDIDATE", "PARENT_CHILD_MISMATCH", "RESULT_MISSING", "PLAN_MISSING", "TARGET_INTERIM", "UNIT_MISMATCH", "NUMBER_DUPLICATE", "NUMBER_GAP", "SUB_NUMBER_INVALID", "REPOST_TARGET_MISSING", "REPOST_MISMATCH", "DEPARTMENT_MISSING", "TEXT_DUPLICATE", "BLANK_ROW", "CELL_ERROR", "NOT_EVALUABLE"];
    const codes = RULES.map((r) => r.code);
    expect(codes).toEqual(expect.arrayContaining(spec));
    expect(new Set(codes).size).toBe(codes.length);
    for (const rule of RULES) {
      for (const text of [rule.title.ja, rule.title.en, rule.why.ja, rule.why.en]) expect(text.length, rule.code).toBeGreaterThan(3);
    }
    expect(Object.keys(CASES).sort()).toEqual([...codes].sort());
  });

  it("says every message of every rule in Japanese and in English, with the same placeholders (as ESLint's meta.messages)", () => {
    let messages = 0;
    for (const rule of RULES) {
      const entries = Object.entries(rule.messages as Record<string, { ja: string; en: string }>);
      expect(entries.length, rule.code).toBeGreaterThan(0);
      for (const [id, text] of entries) {
        expect(text.ja.trim(), `${rule.code}.${id} ja`).not.toBe("");
        expect(text.en.trim(), `${rule.code}.${id} en`).not.toBe("");
        // Japanese text in the Japanese message, none in the English one (values are filled in apart).
        expect(text.ja, `${rule.code}.${id} ja`).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
        expect(text.en.replace(/\{\w+\}/g, ""), `${rule.code}.${id} en`).not.toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
        expect(placeholders(text.en).sort(), `${rule.code}.${id}`).toEqual(placeholders(text.ja).sort());
        messages += 1;
      }
    }
    expect(messages).toBeGreaterThan(RULES.length);
  });

  it("fills every placeholder of the messages its minimal workbooks trigger", () => {
    for (const c of Object.values(CASES)) c.triggers();
    const filled = said;
    expect(filled.length).toBeGreaterThan(20);
    for (const message of filled) {
      expect(message.ja).not.toMatch(/\{\w+\}/);
      expect(message.en).not.toMatch(/\{\w+\}/);
    }
  });

  for (const rule of RULES) {
    it(`${rule.code}: triggered by its minimal workbook, silent on the clean one`, () => {
      const cases = CASES[rule.code];
      expect(cases, `no test cases for ${rule.code}`).toBeDefined();
      expect(cases?.triggers()).toContain(cases?.expected);
      expect(cases?.clean().filter((f) => f.startsWith(`${rule.code}`))).toEqual([]);
    });
  }
});

describe("the engine", () => {
  it("says once that formula results were not saved, and nothing else of those cells", () => {
    const formula = (r: number): RawCell => ({ error: FORMULA_WITHOUT_RESULT, formula: `IF(K${r}>=1,"A","B")` });
    const found = codes([item(1, { rating: formula(2) }), item(2, { rating: formula(3) }), item(3, { rating: "" })]);
    expect(found).toEqual(["FORMULA_RESULT_MISSING", "RATING_MISSING 3"]);
  });

  it("orders findings by severity, then row", () => {
    const { findings } = check([item(1, { department: "" }), item(2, { rating: "Z" }), item(3, { plan: "(件数 12件)", result: "(件数 11件)" })]);
    expect(findings.map((f) => [f.severity, f.row])).toEqual([
      ["error", 3],
      ["error", 4],
      ["warning", 2],
    ]);
  });

  it("makes a short pair within the profile's tolerance a warning, not an error", () => {
    const rows = [HEADER, ["分野", 1, null, "x", "課", "A", "", "(件数 100件)", "(件数 95件)", ""]];
    const strict = checkTable(readTable([{ name: "表", rows }]));
    const lenient = checkTable(readTable([{ name: "表", rows }]), { settings: { ...DEFAULT_SETTINGS, profile: { ...DEFAULT_SETTINGS.profile, toleranceFloor: 0.9 } } });
    expect(strict.findings.find((f) => f.code === "RATING_OVERSTATED")?.severity).toBe("error");
    expect(lenient.findings.find((f) => f.code === "RATING_OVERSTATED")?.severity).toBe("warning");
  });

  it("leaves out ignored findings and counts them", () => {
    const rows = [HEADER, ["分野", 1, null, "x", "", "A", "", "(件数 1件)", "(件数 1件)", ""]];
    const result = checkTable(readTable([{ name: "表", rows }]), { settings: { ...DEFAULT_SETTINGS, ignored: [{ code: "DEPARTMENT_MISSING", item: "1", reason: "兼務" }] } });
    expect(result.findings.map((f) => f.code)).not.toContain("DEPARTMENT_MISSING");
    expect(result.ignored.map((f) => [f.code, f.reason])).toEqual([["DEPARTMENT_MISSING", "兼務"]]);
    expect(result.summary.ignored).toBe(1);
  });

  it("checks nothing else when required columns are missing", () => {
    expect(codes([[1, "x"]], ["No.", "項目"])).toEqual(["COLUMNS_MISSING"]);
  });
});

describe("docs/rules.md", () => {
  it("documents every code with its why-it-matters line, as generated from the rules", async () => {
    const { readFileSync } = await import("node:fs");
    const { resolve } = await import("node:path");
    const { rulesMarkdown } = await import("../../scripts/rulesMarkdown");
    expect(readFileSync(resolve(__dirname, "../../docs/rules.md"), "utf8")).toBe(rulesMarkdown());
  });
});

describe("TEXT_DUPLICATE's sentences", () => {
  /** The first definition: folded, split by a regular expression, then each part cleaned. */
  const reference = (text: string) =>
    foldText(text)
      .split(/[。\n]|\s+・|^・/)
      .map((part) => part.replace(/\s+/g, "").replace(/^・+/, ""))
      .filter((s) => s.length >= 20 && !(s.startsWith("(") && s.endsWith(")")));
  /** The sentences the scan finds, each with its hash checked: a sentence's own, wherever it stands. */
  const scanned = (text: string) => {
    const found: string[] = [];
    eachSentence(text, (hash, start, end) => {
      const sentence = sentenceAt(text, start, end);
      expect(hash, sentence).toBe(sentenceHash(sentence));
      found.push(sentence);
    });
    return found;
  };

  it("are found by the one-pass scan exactly as the definition cuts them", async () => {
    const fc = (await import("fast-check")).default;
    // Words of sentences (so that parts near 20 characters are common), every separator and every kind
    // of white space.
    const words = ["市民協働事業", "推進する", "aB1", "(", ")", "・", "（", "）", "１", "2", "ー", "−", "‐", "―", "ｰ", "﹣", "〜", "～", "∼", "ＡＢ", "％"];
    const breaks = ["。", "\n", " ", "\t", "\r", "\u00a0", "\u1680", "\u2003", "\u2028", "\u202f", "\u205f", "\ufeff", "\u3000", "\u000b"];
    let compared = 0;
    fc.assert(
      fc.property(
        fc.array(fc.oneof({ arbitrary: fc.constantFrom(...words), weight: 8 }, { arbitrary: fc.constantFrom(...breaks), weight: 2 }), { minLength: 30, maxLength: 80 }),
        (chars) => {
          const text = chars.join("");
          const found = scanned(text);
          expect(found).toEqual(reference(text));
          compared += found.length;
        },
      ),
      { numRuns: 5000 },
    );
    // Not vacuous: most runs hold sentences long enough to count.
    expect(compared).toBeGreaterThan(3000);
    for (const text of [
      "・市民との協働による事業の推進を図るため、計画を策定する。(第1項目の件数 10件)\n ・ 市民との協働による事業の推進を図るため、計画を策定する",
      // A dash folds by its neighbours in the text, before white space goes: "1 ー" keeps its ー.
      "第１ ーー２期の市民協働事業の推進を図るための計画。第1-2期の市民協働事業の推進を図るための計画",
    ]) {
      expect(scanned(text)).toEqual(reference(text));
    }
  });

  it("are compared by their text when their hashes meet", () => {
    // Two sentences with one hash (found by a search over random word sequences).
    const [one, other] = ["施設協働検討年度検討年度年度市民事業事業施設", "実施実績推進施設実施実績実績計画市民実施目標"] as const;
    expect(scanned(one)).toEqual([one]);
    expect(sentenceHash(one)).toBe(sentenceHash(other));
    const codesOf = (texts: string[]) => codes(texts.map((plan, i) => item(i + 1, { plan: `${plan}。 (第${i + 1}項目の件数 10件)` }))).filter((c) => c.startsWith("TEXT_DUPLICATE"));
    expect(codesOf([one, other])).toEqual([]);
    expect(codesOf([one, other, other, one])).toEqual(["TEXT_DUPLICATE 3", "TEXT_DUPLICATE 4"]);
    const quoted = check([one, other, other].map((plan, i) => item(i + 1, { plan: `${plan}。` }))).findings.find((f) => f.code === "TEXT_DUPLICATE");
    expect(quoted?.message.ja).toBe(`No. 2 の当初予定と同じ文があります:「${other}」`);
  });
});
