import { describe, expect, it } from "vitest";
import type { RawCell } from "../../src/core/workbook/cells";
import { workbookMeta } from "../../src/core/workbook/planMeta";
import { DEFAULT_SETTINGS } from "../../src/core/workbook/settings";
import { readTable } from "../../src/core/workbook/table";

const body: RawCell[][] = [["取組項目", "目標", "実績", "評価"], ["a", "(件数 5件)", "(件数 5件)", "A"]];
const titleOf = (preamble: string[]): string => workbookMeta(readTable([{ name: "表", rows: [...preamble.map((line) => [line]), ...body] }]), DEFAULT_SETTINGS).meta.title;

describe("the plan's title read from the lines above the table", () => {
  it("is the line that names the plan (小平市 「…プラン 進捗状況(令和2年度末)」), without the period", () => {
    expect(titleOf(["小平市第3次行財政再構築プラン 進捗状況(令和2年度末)", "評価欄の評価の見方について"])).toBe("小平市第3次行財政再構築プラン");
    expect(titleOf(["第 5 次行政改革大綱(総括)H23~26", "第 5 次関市行政改革大綱 取組結果"])).toBe("第 5 次行政改革大綱(総括)H23~26");
  });

  it("is never a sentence that mentions a plan (佐渡市 部局長のコメント: 「…実行計画を策定し…推進する必要がある。」)", () => {
    const sado = [
      "市民環境部による自己評価",
      "今年度の取り組みに対する\n部局長のコメント(自己評価)",
      "佐渡市地球温暖化対策については、今後実行計画を策定し具体的な行動を示すことに併せ平成20年予定のトキの試験放鳥に向け、ドジョウの養殖やビオトープの整備拡大を推進する必要がある。",
    ];
    expect(titleOf(sado)).toBe("市民環境部による自己評価");
    expect(titleOf(sado.slice(2))).toBe("");
  });

  it("is what the settings say over anything the sheet shows", () => {
    const table = readTable([{ name: "表", rows: [["第 5 次行政改革大綱(総括)H23~26"], ...body] }]);
    expect(workbookMeta(table, { ...DEFAULT_SETTINGS, meta: { ...DEFAULT_SETTINGS.meta, title: "佐渡市行政改革大綱" } }).meta.title).toBe("佐渡市行政改革大綱");
  });
});
