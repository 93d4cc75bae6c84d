import { describe, expect, it } from "vitest";
import { comparable, matchItems, titleSimilarity } from "../../src/core/diff/match";
import { tableRow, type TableRow } from "../../src/core/workbook/table";

const row = (sheetRow: number, no: number, title: string): TableRow =>
  tableRow({ sheetRow, category: "分野", no, title, department: "課", ratingWritten: "A", actions: "", plan: "", result: "", notes: "", noWritten: String(no), subWritten: "", errors: [] });

/**
 * The matching as docs/contracts/diff.md states it, every title compared with every other (no index,
 * no bound): what matchItems must decide whatever it skips to go faster.
 */
function reference(last: readonly TableRow[], current: readonly TableRow[]) {
  const compared = (rows: readonly TableRow[]) => rows.filter((r) => r.kind === "item" && r.repostOf === undefined && r.title !== "");
  const left = compared(last);
  const taken = new Set<TableRow>();
  const firstLeft = (fits: (r: TableRow) => boolean) => left.find((r) => !taken.has(r) && fits(r));
  const matches: string[] = [];
  const unmatched: TableRow[] = [];
  for (const r of compared(current)) {
    const found = firstLeft((l) => comparable(l.title) === comparable(r.title));
    if (found) {
      taken.add(found);
      matches.push(`${found.sheetRow}->${r.sheetRow} title 1`);
    } else unmatched.push(r);
  }
  const rest: TableRow[] = [];
  for (const r of unmatched) {
    const sameNo = firstLeft((l) => l.no === r.no);
    const similarity = sameNo ? titleSimilarity(sameNo.title, r.title) : 0;
    if (sameNo && similarity >= 0.4) {
      taken.add(sameNo);
      matches.push(`${sameNo.sheetRow}->${r.sheetRow} number ${similarity}`);
    } else rest.push(r);
  }
  const added: number[] = [];
  for (const r of rest) {
    let best: { row: TableRow; similarity: number } | undefined;
    for (const l of left) {
      if (taken.has(l)) continue;
      const similarity = titleSimilarity(l.title, r.title);
      if (similarity >= 0.6 && (!best || similarity > best.similarity)) best = { row: l, similarity };
    }
    if (best) {
      taken.add(best.row);
      matches.push(`${best.row.sheetRow}->${r.sheetRow} similar ${best.similarity}`);
    } else added.push(r.sheetRow);
  }
  return { matches, added, removed: left.filter((l) => !taken.has(l)).map((l) => l.sheetRow) };
}

describe("matching two years' items", () => {
  it("decides as the exhaustive comparison does, titles long and short, alike and not, with surrogate pairs", () => {
    let seed = 11;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)] as T;
    const words = ["窓口", "サービス", "の", "向上", "電子", "申請", "推進", "・", "（", "）", "行政評価", "ｂ", "𠮷野", "x", "公共施設マネジメント", "見直し"];
    const title = () => Array.from({ length: 1 + Math.floor(random() * 7) }, () => pick(words)).join("");
    let similar = 0;
    for (let round = 0; round < 300; round += 1) {
      const n = 3 + Math.floor(random() * 40);
      const last = Array.from({ length: n }, (_, i) => row(i + 2, 1 + Math.floor(random() * n), title()));
      const current = Array.from({ length: n }, (_, i) =>
        row(i + 2, 1 + Math.floor(random() * n), random() < 0.4 ? `${pick(last).title}${random() < 0.5 ? title() : ""}` : title()),
      );
      const { matches, added, removed } = matchItems(last, current);
      const found = { matches: matches.map((m) => `${m.last.sheetRow}->${m.this.sheetRow} ${m.by} ${m.similarity}`), added: added.map((r) => r.sheetRow), removed: removed.map((r) => r.sheetRow) };
      expect(found).toEqual(reference(last, current));
      similar += matches.filter((m) => m.by === "similar").length;
    }
    // The comparison of titles alike was reached often, not only the indexes.
    expect(similar).toBeGreaterThan(100);
  });
});
