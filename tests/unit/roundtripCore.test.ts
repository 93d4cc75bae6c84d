import { describe, expect, it } from "vitest";
import { typedAsOtherThanText } from "../../src/core/port";
import { csvText, itemsCsv } from "../../src/core/roundtrip/csv";
import { fingerprint, fnv1a64, utf8Bytes } from "../../src/core/roundtrip/hash";
import { historyFromRows, historySheet, historySheetName, mergesOf, type HistoryEntry } from "../../src/core/roundtrip/history";
import { FORM_FORMAT, identityFromRows, identityRows, type FormIdentity } from "../../src/core/roundtrip/identity";
import { rowDepartments, titleLikeness } from "../../src/core/roundtrip/rows";
import { deadlineLabel, safeFileName } from "../../src/core/roundtrip/split";
import { departmentsIn } from "../../src/core/workbook/departments";
import { readTable } from "../../src/core/workbook/table";

describe("the round trip's rules in the core", () => {
  it("fingerprints with FNV-1a 64 (the published vectors), over UTF-8 as TextEncoder writes it", () => {
    expect(fnv1a64([])).toBe("cbf29ce484222325");
    expect(fnv1a64(utf8Bytes("a"))).toBe("af63dc4c8601ec8c");
    expect(fnv1a64(utf8Bytes("foobar"))).toBe("85944171f73967e8");
    for (const text of ["評価", "😀", "a\u0000b", "\ud800x", "取組実績（令和3年3月末実績値）"]) expect(utf8Bytes(text)).toEqual([...new TextEncoder().encode(text)]);
    expect(fingerprint(["ab", "c"])).not.toBe(fingerprint(["a", "bc"]));
  });

  it("gives a shared item to each department it names, and none to 「-」 or an empty cell", () => {
    expect(departmentsIn("市民課、政策課")).toEqual(["市民課", "政策課"]);
    expect(departmentsIn("財政課，会計課\n公共施設マネジメント課")).toEqual(["財政課", "会計課", "公共施設マネジメント課"]);
    expect(departmentsIn("市民協働・男女参画推進課、政策課")).toEqual(["市民協働・男女参画推進課", "政策課"]);
    expect(rowDepartments({ department: "-" })).toEqual([]);
    expect(rowDepartments({ department: " " })).toEqual([]);
    expect(rowDepartments({ department: "－" })).toEqual([]);
  });

  it("writes the identity as rows of text and reads it back; anything else is no identity", () => {
    const identity: FormIdentity = {
      format: FORM_FORMAT,
      master: "0123456789abcdef",
      plan: "小平市第3次行財政再構築プラン",
      fiscalYear: 2020,
      department: "政策課",
      created: "2021-04-30T00:00:00.000Z",
      deadline: "2021-05-14",
      sheet: "調書",
      headerRow: 3,
      columns: { no: 1, rating: 5, result: 8 },
      filled: ["rating", "result"],
      rows: [{ formRow: 4, key: "13", masterRow: 25, role: "own", locked: "aaaa", sent: ["bbbb", "cccc"] }],
    };
    expect(identityFromRows(identityRows(identity))).toEqual(identity);
    expect(identityFromRows([["key", "value"], ["format", "other/1"]])).toBeUndefined();
    const damaged = identityRows(identity).map((r) => [...r]);
    (damaged.at(-1) as string[])[3] = "mine";
    expect(identityFromRows(damaged)).toBeUndefined();
  });

  it("keeps the history exactly (a text ending with a line feed, a text like a formula), and reads merges and undos from it", () => {
    const entry = (action: HistoryEntry["action"], merge: string, after: string): HistoryEntry => ({
      at: "2021-05-15T01:00:00.000Z",
      action,
      merge,
      department: "政策課、市民課",
      file: "a.xlsx",
      item: "13",
      column: "取組実績",
      cell: "I25",
      before: "前の文\n",
      after,
    });
    const entries = [entry("merge", "m1", "=1+1"), entry("fix", "", "B"), entry("merge", "m2", "x"), entry("undo", "m1", "前の文\n")];
    const sheet = historySheet(entries);
    const rows = [[sheet.title], sheet.columns.map((c) => c.header), ...sheet.rows.map((r) => r.values)];
    const read = historyFromRows(rows);
    expect(read.map((e) => [e.action, e.merge, e.before, e.after])).toEqual(entries.map((e) => [e.action, e.merge, e.before, e.after]));
    expect(read[0]?.at).toBe("2021-05-15 10:00:00");
    // Written again, the times stay as they are.
    expect(historyFromRows([[""], sheet.columns.map((c) => c.header), ...historySheet(read).rows.map((r) => r.values)])[0]?.at).toBe("2021-05-15 10:00:00");
    expect(mergesOf(read).map((m) => [m.id, m.undone, m.departments])).toEqual([
      ["m2", false, ["政策課", "市民課"]],
      ["m1", true, ["政策課", "市民課"]],
    ]);
    expect(historySheetName(["進捗状況レポート", "取込履歴 (2)"])).toBe("取込履歴 (2)");
  });

  it("writes CSV with a byte-order mark, CR LF, fields quoted as RFC 4180 says, and no text that Excel would run", () => {
    const text = csvText(["a", "b"], [["x,y", 'say "hi"'], ["line\nfeed", "=HYPERLINK(1)"], ["-", "-5"], [12.5, "+81"], ["@SUM", "-x"]]);
    expect(text).toBe('\uFEFFa,b\r\n"x,y","say ""hi"""\r\n"line\nfeed",\'=HYPERLINK(1)\r\n-,-5\r\n12.5,\'+81\r\n\'@SUM,\'-x\r\n');
  });

  it("lists one CSV row per item and sub-item with the counts of findings", () => {
    const table = readTable([
      {
        name: "表",
        rows: [
          ["分野", "No.", "枝番", "項目", "主な推進担当課", "評価", "当初予定", "取組実績"],
          ["A", "1", null, "一", "政策課", "A", "計画", "実績"],
          ["A", "1", "1", null, "市民課", "-", "計画", "実績"],
        ],
      },
    ]);
    const csv = itemsCsv(table, [{ code: "X", severity: "error", sheet: "表", row: 2, message: { ja: "", en: "" } }]);
    expect(csv.split("\r\n").slice(1, 3)).toEqual(["A,1,,一,政策課,A,計画,実績,1,0,0", "A,1,1,,市民課,-,計画,実績,0,0,0"]);
  });

  it("writes as text what a host would read as something else, and only that", () => {
    for (const text of ["=1+1", "+81", "-x", "@a", "12", "-3.5", "1,000", "50%", "1e3", "2021/3/31", "4-1", "10:30", "TRUE"]) expect(typedAsOtherThanText(text), text).toBe(true);
    for (const text of ["A", "-", "・実施した", "12件", "令和3年", "S"]) expect(typedAsOtherThanText(text), text).toBe(false);
  });

  it("says a deadline as a person reads it, and refuses what is no date", () => {
    expect(deadlineLabel("2021-05-14")).toBe("令和3年5月14日（金）");
    expect(deadlineLabel("2019-05-01")).toBe("令和元年5月1日（水）");
    expect(deadlineLabel("2021-02-30")).toBeUndefined();
    expect(deadlineLabel("5/14")).toBeUndefined();
    expect(safeFileName('令和2年度_進捗調書_a/b:c*"d')).toBe("令和2年度_進捗調書_abcd");
  });

  it("finds titles alike across widths and small edits, and tells different ones apart", () => {
    expect(titleLikeness("行政評価の実施", "行政評価の実施")).toBe(1);
    expect(titleLikeness("市政に関する世論調査の実施", "市政に関する世論調査の実施と活用")).toBeGreaterThan(0.8);
    expect(titleLikeness("ＩＣＴの活用", "ICTの活用")).toBe(1);
    expect(titleLikeness("行政評価の実施", "広域連携の推進")).toBeLessThan(0.3);
  });
});
