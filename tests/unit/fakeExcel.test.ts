import { describe, expect, it } from "vitest";
import { FakeExcel, FakeExcelError, coerce } from "../support/fakeExcel";

/** The fake's own behaviour, pinned: the Office adapter's tests are only as good as it is. */
describe("the fake Excel", () => {
  it("refuses to read a property before load and sync, and counts syncs", async () => {
    const fake = new FakeExcel(["表"]);
    fake.setValues("表", [["a", 1]]);
    await fake.run(async (context) => {
      const range = context.workbook.worksheets.getItem("表").getRange("A1:B1");
      expect(() => range.values).toThrow(/PropertyNotLoaded/);
      range.load("values");
      expect(() => range.values).toThrow(/PropertyNotLoaded/);
      await context.sync();
      expect(range.values).toEqual([["a", 1]]);
      expect(() => range.numberFormat).toThrow(/PropertyNotLoaded/);
    });
    expect(fake.syncCount).toBe(1);
  });

  it("applies queued writes at sync, in order", async () => {
    const fake = new FakeExcel(["表"]);
    await fake.run(async (context) => {
      const range = context.workbook.worksheets.getItem("表").getRange("A1:B1");
      range.values = [["x", "y"]];
      expect(fake.dump("表").values).toEqual([]);
      await context.sync();
      expect(fake.dump("表").values).toEqual([["x", "y"]]);
    });
  });

  it("rejects a 2D array that does not match its range", async () => {
    const fake = new FakeExcel(["表"]);
    await expect(
      fake.run(async (context) => {
        context.workbook.worksheets.getItem("表").getRange("A1:C1").values = [["a", "b"]];
        await context.sync();
      }),
    ).rejects.toThrow(/InvalidArgument/);
  });

  it("coerces strings written to General cells as Excel does, and keeps them under '@'", async () => {
    expect(coerce("0012")).toEqual({ value: 12 });
    expect(coerce("+81")).toEqual({ value: 81 });
    expect(coerce("=SUM(A1)")).toMatchObject({ formula: "=SUM(A1)", error: "#NAME?" });
    expect(typeof coerce("4-1").value).toBe("number");
    expect(typeof coerce("1/2").value).toBe("number");
    expect(coerce("-")).toEqual({ value: "-" });
    expect(coerce("12団体")).toEqual({ value: "12団体" });

    const fake = new FakeExcel(["表"]);
    await fake.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("表");
      sheet.getRange("A1:C1").values = [["4-1", "0012", "=x"]];
      const text = sheet.getRange("A2:C2");
      text.numberFormat = [["@", "@", "@"]];
      text.values = [["4-1", "0012", "=x"]];
      await context.sync();
    });
    const [general, asText] = fake.dump("表").values;
    expect(general?.map((v) => typeof v)).toEqual(["number", "number", "string"]);
    expect(general?.[2]).toBe("#NAME?");
    expect(asText).toEqual(["4-1", "0012", "=x"]);
  });

  it("follows Excel's rules for sheet names", async () => {
    const fake = new FakeExcel(["表"]);
    for (const bad of ["a".repeat(32), "a/b", "x[1]", "表", "表".toLowerCase(), ""]) {
      await expect(
        fake.run(async (context) => {
          context.workbook.worksheets.add(bad);
          await context.sync();
        }),
        bad,
      ).rejects.toBeInstanceOf(FakeExcelError);
    }
    await fake.run(async (context) => {
      context.workbook.worksheets.add("進捗状況レポート");
      await context.sync();
    });
    expect(fake.sheets.map((s) => s.name)).toEqual(["表", "進捗状況レポート"]);
  });

  it("fails a response over 5 MB, as Excel on the web does", async () => {
    const fake = new FakeExcel(["表"]);
    fake.setValues("表", Array.from({ length: 3000 }, () => ["あ".repeat(700)]));
    await expect(
      fake.run(async (context) => {
        context.workbook.worksheets.getItem("表").getRange("A1:A3000").load("values");
        await context.sync();
      }),
    ).rejects.toThrow(/RequestPayloadSizeLimitExceeded/);
  });

  it("answers null objects for missing sheets and used ranges", async () => {
    const fake = new FakeExcel(["表"]);
    await fake.run(async (context) => {
      const missing = context.workbook.worksheets.getItemOrNullObject("なし");
      missing.load("name");
      const empty = context.workbook.worksheets.getItem("表").getUsedRangeOrNullObject(true);
      empty.load("rowCount");
      await context.sync();
      expect(missing.isNullObject).toBe(true);
      expect(empty.isNullObject).toBe(true);
    });
  });
});
