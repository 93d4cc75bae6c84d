import { describe, expect, it } from "vitest";
import { FakeExcel, FakeExcelError, coerce, putGrid } from "../support/fakeExcel";

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
    expect(coerce("+81")).toEqual({ formula: "=+81", value: 81 });
    expect(coerce("-5")).toEqual({ formula: "=-5", value: -5 });
    expect(coerce("TRUE")).toEqual({ value: true });
    expect(coerce("false")).toEqual({ value: false });
    expect(coerce("50%")).toEqual({ value: 0.5, numberFormat: "0%" });
    expect(coerce("1e3")).toEqual({ value: 1000, numberFormat: "0.00E+00" });
    expect(coerce("2021/3/31")).toEqual({ value: 44286, numberFormat: "yyyy/m/d" });
    expect(coerce("2021/3/31", true)).toEqual({ value: 44286 - 1462, numberFormat: "yyyy/m/d" });
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
    ).rejects.toThrow(/ResponsePayloadSizeLimitExceeded/);
    // …and a request over 5 MB with the request's code.
    await expect(
      fake.run(async (context) => {
        context.workbook.worksheets.getItem("表").getRange("A1:A3000").values = Array.from({ length: 3000 }, () => ["い".repeat(700)]);
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

  it("is not transactional: the commands before a failing one stay applied", async () => {
    const fake = new FakeExcel(["表"]);
    fake.failAtSync = 1;
    await expect(
      fake.run(async (context) => {
        const sheet = context.workbook.worksheets.getItem("表");
        sheet.getRange("A1").values = [["first"]];
        context.workbook.worksheets.add("二");
        sheet.getRange("A2").values = [["last"]];
        await context.sync();
      }),
    ).rejects.toThrow(/GeneralException/);
    expect(fake.dump("表").values).toEqual([["first"]]);
    expect(fake.sheets.map((s) => s.name)).toEqual(["表", "二"]);
  });

  it("refuses writes to a protected sheet and sheet changes in a protected workbook (AccessDenied)", async () => {
    const fake = new FakeExcel(["表", "二"]);
    fake.sheet("表")!.protected = true;
    const write = (batch: (context: Excel.RequestContext) => void) =>
      fake.run(async (context) => {
        batch(context);
        await context.sync();
      });
    await expect(write((c) => (c.workbook.worksheets.getItem("表").getRange("A1").values = [["x"]]))).rejects.toThrow(/AccessDenied/);
    await expect(write((c) => (c.workbook.worksheets.getItem("二").getRange("A1").values = [["x"]]))).resolves.toBeUndefined();
    // Excel protects locked cells only: an unlocked cell takes a value, not a format; its lock is read back.
    const sheet = fake.sheet("表")!;
    sheet.unlocked.add(sheet.key(1, 0));
    await expect(write((c) => (c.workbook.worksheets.getItem("表").getRange("A2").values = [["y"]]))).resolves.toBeUndefined();
    await expect(write((c) => (c.workbook.worksheets.getItem("表").getRange("A2").numberFormat = [["@"]]))).rejects.toThrow(/AccessDenied/);
    await expect(write((c) => (c.workbook.worksheets.getItem("表").getRange("A2:A3").values = [["y"], ["z"]]))).rejects.toThrow(/AccessDenied/);
    const locks = await fake.run(async (context) => {
      const ranges = ["A1", "A2", "A1:A2"].map((a) => context.workbook.worksheets.getItem("表").getRange(a).format.protection.load("locked"));
      await context.sync();
      return ranges.map((r) => r.locked);
    });
    expect(locks).toEqual([true, false, null]);
    fake.workbookProtected = true;
    await expect(write((c) => c.workbook.worksheets.add("三"))).rejects.toThrow(/AccessDenied/);
    await expect(write((c) => c.workbook.worksheets.getItem("二").delete())).rejects.toThrow(/AccessDenied/);
  });

  it("fails a batch while a cell is being edited, unless it is run with delayForCellEdit", async () => {
    const fake = new FakeExcel(["表"]);
    fake.cellEditMode = true;
    const batch = async (context: Excel.RequestContext) => {
      context.workbook.worksheets.getItem("表").getRange("A1").values = [["x"]];
      await context.sync();
    };
    await expect(fake.run(batch)).rejects.toThrow(/InvalidOperationInCellEditMode/);
    await expect(fake.run({ delayForCellEdit: true }, batch)).resolves.toBeUndefined();
  });

  it("keeps the last visible sheet: it cannot be hidden or deleted", async () => {
    const fake = new FakeExcel(["表"]);
    await expect(
      fake.run(async (context) => {
        context.workbook.worksheets.getItem("表").visibility = "Hidden";
        await context.sync();
      }),
    ).rejects.toThrow(/InvalidOperation/);
    await expect(
      fake.run(async (context) => {
        context.workbook.worksheets.getItem("表").delete();
        await context.sync();
      }),
    ).rejects.toThrow(/InvalidOperation/);
  });

  it("gives conditional formats their priority as id, the newest first", async () => {
    const fake = new FakeExcel(["表"]);
    const ids = await fake.run(async (context) => {
      const formats = context.workbook.worksheets.getItem("表").getRanges("A1").conditionalFormats;
      const a = formats.add("Custom");
      a.custom.rule.formula = "=1";
      const b = formats.add("Custom");
      b.custom.rule.formula = "=2";
      a.load("id");
      b.load("id");
      await context.sync();
      return [a.id, b.id];
    });
    expect(ids).toEqual(["1", "0"]);
    expect(fake.conditionalFormats.map((c) => c.formula)).toEqual(["=2", "=1"]);
  });

  it("keeps only the top-left value of merged cells, and gives dates as serial numbers", async () => {
    const fake = new FakeExcel(["表"]);
    putGrid(fake, "表", [["分野", { date: "2021-03-31" }], ["分野", "x"]], { merges: [[0, 0, 2, 1]] });
    const values = await fake.run(async (context) => {
      const range = context.workbook.worksheets.getItem("表").getRange("A1:B2");
      range.load("values,numberFormat");
      await context.sync();
      return [range.values, range.numberFormat];
    });
    expect(values).toEqual([
      [["分野", 44286], ["", "x"]],
      [["@", "yyyy/m/d"], ["General", "@"]],
    ]);
  });

  it("tells a range's validation type: None, the rule's, or Inconsistent; a null object's isNullObject after a sync", async () => {
    const fake = new FakeExcel(["表"]);
    const types = await fake.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("表");
      sheet.getRange("A1:A2").dataValidation.rule = { list: { inCellDropDown: true, source: "S,A,B" } };
      const same = sheet.getRange("A1:A2");
      const mixed = sheet.getRange("A1:A3");
      const none = sheet.getRange("B1:B2");
      for (const range of [same, mixed, none]) range.dataValidation.load("type");
      const missing = context.workbook.worksheets.getItemOrNullObject("ない");
      await context.sync();
      return [same.dataValidation.type, mixed.dataValidation.type, none.dataValidation.type, missing.isNullObject];
    });
    expect(types).toEqual(["List", "Inconsistent", "None", true]);
  });
});
