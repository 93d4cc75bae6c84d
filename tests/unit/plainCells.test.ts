// The worksheet's plain cells (parts.ts plainCell: <c r="B2" s="1" t="s"><v>3</v></c> read at once) and
// the shared strings' plain items (plainItem: <si><t>…</t></si>) are held to the scanner's reading of the
// same XML tag by tag (parseWorksheet(…, plain = false), parseSharedStrings(…, false)): the same cells,
// holes and lengths included, the same merges, the same strings and the same refusal, on every part of the
// repository's workbooks and on generated XML written every way a writer could.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseSharedStrings, parseWorksheet, type CellContext } from "../../src/xlsx/parts";
import { REPOSITORY_WORKBOOKS as FILES, xmlParts } from "../support/workbookFiles";

/** The reading as a value to compare: every row and cell index written out (a hole is not an undefined). */
function shape(read: () => ReturnType<typeof parseWorksheet>): unknown {
  try {
    const result = read();
    return {
      rows: result.rows.length,
      cells: Object.entries(result.rows).map(([r, cells]) => [r, cells.length, Object.entries(cells)]),
      merges: result.merges,
      hasTable: result.hasTable,
      usedRows: result.usedRows,
      usedColumns: result.usedColumns,
    };
  } catch (error) {
    return { error: (error as Error).message, cause: String((error as Error & { cause?: unknown }).cause ?? "") };
  }
}

const context = (over: Partial<CellContext> = {}): CellContext => ({
  strings: ["", "評価", "A", "  space  ", "_x000D_"],
  formats: [undefined, "0%", "yyyy/m/d"],
  date1904: false,
  fullCalcOnLoad: false,
  ...over,
  // Each reading its own budget: the budget is spent as cells are kept.
  budget: { ...(over.budget ?? { left: 1_000, limit: 1_000 }) },
});

function bothWays(xml: string, over: Partial<CellContext> = {}): [unknown, unknown] {
  return [shape(() => parseWorksheet("xl/worksheets/sheet1.xml", xml, context(over), true)), shape(() => parseWorksheet("xl/worksheets/sheet1.xml", xml, context(over), false))];
}

const sheet = (cells: string) => `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1">${cells}</row></sheetData></worksheet>`;

describe("a worksheet's plain cells, read at once", () => {
  it("read every worksheet of the repository's workbooks as the scanner does", () => {
    expect(FILES.length).toBeGreaterThan(15);
    let sheets = 0;
    for (const file of FILES) {
      const parts = xmlParts(file, (name) => /^xl\/(worksheets\/[^/]+\.xml|sharedStrings\.xml)$/.test(name));
      if (!parts) continue;
      const stringsXml = parts.get("xl/sharedStrings.xml");
      const strings = stringsXml === undefined ? [] : parseSharedStrings("xl/sharedStrings.xml", stringsXml);
      for (const [name, xml] of parts) {
        if (!name.startsWith("xl/worksheets/")) continue;
        const over = { strings, budget: { left: 2_000_000, limit: 2_000_000 } };
        const [plain, scanned] = [shape(() => parseWorksheet(name, xml, context(over), true)), shape(() => parseWorksheet(name, xml, context(over), false))];
        expect(plain, `${file} ${name}`).toEqual(scanned);
        sheets += 1;
      }
    }
    expect(sheets).toBeGreaterThan(20);
  });

  it("read the forms writers use, and leave every other form to the scanner, with the same result", () => {
    const forms = [
      '<c r="A1" s="1" t="s"><v>1</v></c>',
      '<c r="B1" t="s" s="2"><v>0</v></c>',
      '<c r="C1"><v>12.5</v></c>',
      '<c r="D1" s="1"><v> 0.25 </v></c>',
      '<c r="E1" s="2"><v>45000</v></c>',
      '<c r="F1" s="1"/>',
      '<c r="G1" s="1"></c>',
      '<c r="H1" t="b"><v>1</v></c>',
      '<c r="I1" t="e"><v>#N/A</v></c>',
      '<c r="J1" t="str"><v>text</v></c>',
      '<c r="K1" t="inlineStr"><is><t>inline</t></is></c>',
      '<c r="L1" t="d"><v>2024-04-01T00:00:00</v></c>',
      '<c r="M1" t="s"><v>007</v></c>',
      '<c r="N1" t="s"><v>99</v></c>',
      '<c r="O1" t="s"><v>1.0</v></c>',
      '<c r="P1" t="s"><v></v></c>',
      '<c r="Q1"><f>1+1</f><v>2</v></c>',
      '<c r="R1"><f>1+1</f></c>',
      '<c r="S1" t="str"><v>a &amp; b</v></c>',
      '<c r="T1" t="str"><v>a\r\nb</v></c>',
      '<c r="U1" t="str"><v>a\nb</v></c>',
      '<c r="V1" s="1" t="s" ><v>1</v></c>',
      '<c  r="W1"><v>1</v></c>',
      '<c r="X1"\ts="1"><v>1</v></c>',
      "<c r='Y1'><v>1</v></c>",
      '<c r="Z1" cm="1"><v>1</v></c>',
      '<c r="AA1" x14ac:foo="1"><v>1</v></c>',
      '<c r="AB1"><v>1</v ></c>',
      '<c r="AC1"><v>1</v></c >',
      '<c r="AD1"><v/></c>',
      '<c r="AE1"> <v>1</v></c>',
      '<c r="AF1"><v>1</v> </c>',
      '<c><v>3</v></c>',
      '<c r=""><v>4</v></c>',
      '<c r="a1"><v>5</v></c>',
      '<c r="A01"><v>6</v></c>',
      '<c r="A1.0"><v>7</v></c>',
      '<c r="A 1"><v>8</v></c>',
      '<c r="XFD1"><v>9</v></c>',
      '<c r="XFE1"><v>10</v></c>',
      '<c r="A1048576"><v>11</v></c>',
      '<c r="A1048577"><v>12</v></c>',
      '<c r="A0"><v>13</v></c>',
      '<c r="1"><v>14</v></c>',
      '<c r="AB"><v>15</v></c>',
      '<c r="A1" r="B1"><v>16</v></c>',
      '<c r="A1" s="1" s="2"><v>17</v></c>',
      '<c r="A1"s="1"><v>18</v></c>',
      '<c r="A1" s=""><v>19</v></c>',
      '<c r="A1" s="x"><v>20</v></c>',
      '<c r="A1" s="1e0"><v>21</v></c>',
      '<c r="A1" t=""><v>22</v></c>',
      '<c r="A1" t="n"><v>23</v></c>',
      '<c r="A1" t="s"><v>1234567890123456</v></c>',
      '<c r="A1" t="s"><v>4</v></c>',
      '<c r="A1"><v>1<v>2</v></v></c>',
      '<c r="A1"><v>1</v><v>2</v></c>',
      '<c r="A1"><v>1</c>',
      '<c r="A1"><v>1</v></c',
      '<c r="A1"',
      '<c r="A1" s="<"><v>1</v></c>',
      '<c r="A1" s="&amp;"><v>1</v></c>',
      '<c r="A1" s="1\n"><v>1</v></c>',
      '<c r="A1"><v>&#x41;</v></c>',
      '<c r="A1"><v>&bogus;</v></c>',
      '<x:c r="A1"><x:v>1</x:v></x:c>',
      '<cx r="A1"><v>1</v></cx>',
      '<c r="A2"><v>24</v></c><c r="A2" t="s"><v>0</v></c>',
      '<c r="A3" t="s"><v>1</v></c><c r="A3" t="s"><v>0</v></c>',
      '<c r="B5"><f>A1</f><v>0</v></c>',
      '<c r="B6" t="str"><f>A1</f><v></v></c>',
      '<c r="A1"><is><t>x</t></is><v>1</v></c>',
      '<c r="C2"><f>SUM(A1:A3)</f><v>0</v></c>',
      '<c r="C3" t="str"><f>_xldudf_PLAN_CHECK(F9,H9,I9)</f><v>RATING_OVERSTATED: 実績44.0%</v></c>',
      '<c r="C4" t="str"><f>A1</f><v></v></c>',
      '<c r="C5"><f></f><v>3</v></c>',
      '<c r="C6"><f/><v>3</v></c>',
      '<c r="C7"><f t="shared" ref="C7:C9" si="0">A1*2</f><v>2</v></c>',
      '<c r="C8"><f>A1&amp;B1</f><v>ab</v></c>',
      '<c r="C9"><f>A1\rB1</f><v>1</v></c>',
      `<c r="C10"><f>${"A1+".repeat(100)}1</f></c>`,
      '<c r="C11" t="b"><f>TRUE()</f><v>1</v></c>',
      '<c r="C12" t="e"><f>1/0</f><v>#DIV/0!</v></c>',
      '<c r="C13"><f>1</f><f>2</f><v>3</v></c>',
      '<c r="C14"><v>1</v><f>2</f></c>',
      '<c r="C15"><f>A1<v>1</v></f></c>',
      '<c r="C16" s="2"><f>DATE(2024,4,1)</f><v>45383</v></c>',
      '<c r="C17" t="str"><f>A1</f></c>',
      '<c r="D3"><v>1<c r="D4"><f>X</f><v>2</v></c></v></c>',
      '<c r="D5"><f>1<c r="D6"><f>Y</f><v>2</v></c></f></c>',
    ];
    const forms2 = fc.array(fc.constantFrom(...forms), { maxLength: 8 });
    fc.assert(
      fc.property(forms2, fc.boolean(), (cells, recalc) => {
        const [plain, scanned] = bothWays(sheet(cells.join("")), { fullCalcOnLoad: recalc });
        expect(plain).toEqual(scanned);
      }),
      { numRuns: 1000 },
    );
    for (const form of forms) {
      const [plain, scanned] = bothWays(sheet(form));
      expect(plain, form).toEqual(scanned);
    }
  });

  it("read rows one after another as the scanner does, whatever their start tags hold", () => {
    const rows = [
      '</row><row r="2">',
      '</row><row r="3" spans="1:11" ht="32" customHeight="1" x14ac:dyDescent="0.25">',
      "</row><row>",
      '</row><row r="x">',
      '</row><row r="">',
      '</row><row r=" 4">',
      '</row><row r="2" r="3">',
      '</row><row r="5"/>',
      '</row> <row r="6">',
      '</row><row r="7" >',
      '</row><row  r="8">',
      "</row><row r='9'>",
      '</row><row r="10"\tspans="1:3">',
      '</row><row r="1048576">',
      '</row><row r="1048577">',
      '</row><row r="0">',
      '</row><row r="&#51;">',
      '</row><row r="11" ht="<">',
      '</row><row r="12" a b="1">',
      '</row><row r="13" é="1">',
      '</row><x:row r="14">',
      "</row>",
      '</row><row ="1">',
      '</row><row r="15" =="1">',
    ];
    const cells = ['<c r="A1" t="s"><v>1</v></c>', '<c t="s"><v>2</v></c>', '<c r="B7"><v>3</v></c>', '<c r="C1" s="1"/>'];
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom(...rows), fc.constantFrom(...cells)), { maxLength: 12 }), (pieces) => {
        const [plain, scanned] = bothWays(sheet(pieces.join("")));
        expect(plain).toEqual(scanned);
        // Cells straight in <sheetData> (no row open): a </row> there is refused by both.
        const loose = `<worksheet><sheetData>${pieces.join("")}</sheetData></worksheet>`;
        const [plainLoose, scannedLoose] = [shape(() => parseWorksheet("s", loose, context(), true)), shape(() => parseWorksheet("s", loose, context(), false))];
        expect(plainLoose).toEqual(scannedLoose);
      }),
      { numRuns: 2000 },
    );
  });

  it("read cells built of random pieces as the scanner does (refusals included)", () => {
    const piece = fc.constantFrom("<c", " ", "  ", 'r="', "s=", "t=", '"', "A", "B", "1", "2", "0", "s", "str", ">", "/>", "</c>", "<v>", "</v>", "<f>", "</f>", "&amp;", "&", "<", "\r", "\n", "\t", "評", "_x000D_", "</row><row ", "</row>", "<row ", "=");
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (pieces) => {
        const [plain, scanned] = bothWays(sheet(pieces.join("")));
        expect(plain).toEqual(scanned);
      }),
      { numRuns: 5000 },
    );
  });

  it("keep the cell budget as the scanner does: the same refusal at the same count", () => {
    const cells = Array.from({ length: 12 }, (_, i) => (i % 3 === 0 ? `<c r="A${i + 1}" t="s"><v>0</v></c>` : `<c r="A${i + 1}" t="s"><v>1</v></c>`)).join("");
    for (const left of [0, 1, 5, 7, 8, 9, 20]) {
      const [plain, scanned] = bothWays(sheet(cells), { budget: { left, limit: left } });
      expect(plain, String(left)).toEqual(scanned);
    }
  });
});

describe("a shared strings part's plain items, read at once", () => {
  const strings = (xml: string, plain: boolean): unknown => {
    try {
      return parseSharedStrings("xl/sharedStrings.xml", xml, plain);
    } catch (error) {
      return { error: (error as Error).message };
    }
  };
  const sst = (items: string) => `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${items}</sst>`;

  it("read every shared strings part of the repository's workbooks as the scanner does", () => {
    let parts = 0;
    for (const file of FILES) {
      const xml = xmlParts(file, (name) => name === "xl/sharedStrings.xml")?.get("xl/sharedStrings.xml");
      if (xml === undefined) continue;
      expect(strings(xml, true), file).toEqual(strings(xml, false));
      parts += 1;
    }
    expect(parts).toBeGreaterThan(10);
  });

  it("read the items writers write, and leave every other item to the scanner, with the same result", () => {
    const items = [
      "<si><t>評価</t></si>",
      '<si><t xml:space="preserve"> 前後に空白 </t></si>',
      "<si><t></t></si>",
      "<si><t/></si>",
      "<si><t>a &amp; b</t></si>",
      "<si><t>a\r\nb</t></si>",
      "<si><t>a\nb</t></si>",
      "<si><t>_x000D_改行_x005F_x0041_</t></si>",
      "<si><r><t>太字</t></r><r><rPr><b/></rPr><t>と普通</t></r></si>",
      "<si><t>漢字</t><rPh sb=\"0\" eb=\"2\"><t>かんじ</t></rPh><phoneticPr fontId=\"1\"/></si>",
      "<si><t>x</t><t>y</t></si>",
      "<si> <t>x</t></si>",
      "<si><t>x</t> </si>",
      "<si><t >x</t></si>",
      "<si><t xml:space='preserve'>x</t></si>",
      "<si><t xml:space=\"default\">x</t></si>",
      "<si><t>x</si>",
      "<si><t>x</t></si",
      "<si><t>x<si><t>y</t></si></t></si>",
      "<si><r><si><t>y</t></si><t>z</t></r></si>",
      "<rPh><si><t>z</t></si></rPh>",
      "<x:si><x:t>prefixed</x:t></x:si>",
      "<si><t>&bogus;</t></si>",
      "<si><t>a]]>b</t></si>",
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...items), { maxLength: 8 }), (chosen) => {
        const xml = sst(chosen.join(""));
        expect(strings(xml, true)).toEqual(strings(xml, false));
      }),
      { numRuns: 1000 },
    );
    for (const item of items) expect(strings(sst(item), true), item).toEqual(strings(sst(item), false));
  });
});

describe("the plain reading against the scanner's, on richer generated XML", () => {
  it("reads text between the elements, stray tags and odd row attributes as the scanner does", () => {
    for (const xml of [
      sheet('<c r="A1"><v>1</v></c>Xc /><c><v>2</v></c>'),
      sheet('<c r="A1"><v>1</v></c>Xc r="B1"><v>2</v></c>'),
      sheet('<c r="A1"><v>1</v></c></row><row r="2">.c /><c><v>5</v></c>'),
      sheet('<c r="A1"><v>1</v></c></row><row r="2" constructor="x"><c r="A2"><v>2</v></c>'),
      sheet('<c r="A1"><v>1</v></c></row><row r="2" __proto__="x"><c r="A2"><v>2</v></c>'),
      sheet('<c r="A1" constructor="1"><v>1</v></c>'),
    ]) {
      const [plain, scanned] = bothWays(xml);
      expect(plain, xml).toEqual(scanned);
    }
  });

  const attr = fc.constantFrom(' r="A1"', ' r="B2"', ' r="C"', ' r="1"', ' r="a10"', ' r="A01"', ' s="1"', ' s="2"', ' s=""', ' t="s"', ' t="str"', ' t="inlineStr"', ' t="b"', ' t="e"', ' t="n"', ' t="d"', ' cm="1"');
  const value = fc.constantFrom("", "1", "0", "007", " 2 ", "1e3", "-0", "x", "評", "#N/A", "2024-04-01", "true", "99999999999999999", "&amp;", "&#49;", "a\r\nb", "a\nb", "😀", "_x000D_");
  const text = fc.constantFrom("", " ", "\n", "x", "c ", "Xc ", "Xc />", '.c r="Z9"/>', "&amp;", "&#32;", "\r\n", "]]>", ">", "評");
  const cell = fc.tuple(fc.array(attr, { maxLength: 3 }), fc.option(value), fc.option(value), fc.constantFrom("/>", ">", " >"), fc.boolean()).map(([attrs, f, v, close, prefixed]) => {
    const n = prefixed ? "x:" : "";
    if (close === "/>") return `<${n}c${attrs.join("")}/>`;
    return `<${n}c${attrs.join("")}${close}${f === null ? "" : `<${n}f>${f}</${n}f>`}${v === null ? "" : `<${n}v>${v}</${n}v>`}</${n}c>`;
  });
  const rowStart = fc.constantFrom('</row><row r="2">', '</row><row r="5" spans="1:3">', "</row><row >", '</row><row r="x">', '</row><row r="3" constructor="1">', '</row><row r="4"/>', "</row>", '<row r="9">', '</row><row r="1048577">');
  const misc = fc.constantFrom("<!-- c -->", "<?pi x?>", "<![CDATA[c ]]>", "<v>1</v>", "<f>1</f>", "<is><t>i</t></is>", "<rPh><t>p</t></rPh>", "</c>", "<c>", "<x>", "</x>", '<mergeCell ref="A1:B2"/>', "<tablePart/>", '<c r="A1"><is><t>q</t></is></c>');
  const piece = fc.oneof({ weight: 5, arbitrary: cell }, { weight: 2, arbitrary: rowStart }, { weight: 3, arbitrary: text }, { weight: 2, arbitrary: misc });

  it("reads worksheets of cells, rows, text, comments, instructions, CDATA and prefixes as the scanner does", () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 14 }), fc.integer({ min: 0, max: 6 }), fc.boolean(), (pieces, left, recalc) => {
        const [plain, scanned] = bothWays(sheet(pieces.join("")), { budget: { left, limit: left }, fullCalcOnLoad: recalc });
        expect(plain).toEqual(scanned);
      }),
      { numRuns: 3000 },
    );
  });

  it("reads shared strings of items, runs, furigana and stray tags as the scanner does", () => {
    const item = fc.constantFrom("<si><t>a</t></si>", '<si><t xml:space="preserve"> b </t></si>', "<si><t></t></si>", "<si>", "</si>", "<t>", "</t>", "<rPh>", "</rPh>", "<si><t>c &amp; d</t></si>", "x", " ", "<!-- -->", "<r><t>e</t></r>", "<phoneticPr/>", "<phoneticPr>", "</phoneticPr>", "<si><t>_x0041_</t></si>");
    const read = (xml: string, plain: boolean) => {
      try {
        return parseSharedStrings("xl/sharedStrings.xml", xml, plain);
      } catch (error) {
        return (error as Error).message;
      }
    };
    fc.assert(
      fc.property(fc.array(item, { maxLength: 14 }), (items) => {
        const xml = `<sst>${items.join("")}</sst>`;
        expect(read(xml, true)).toEqual(read(xml, false));
      }),
      { numRuns: 3000 },
    );
  });
});
