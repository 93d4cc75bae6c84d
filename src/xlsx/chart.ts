import { strToU8, strFromU8, unzipSync, zipSync, type Zippable } from "fflate";
import type { ChartPlan } from "../core/report/plan";
import { columnLetter } from "../core/workbook/cells";
import { parseRelationships, parseWorkbook, relsPathOf } from "./parts";

/**
 * A native chart added to a written .xlsx. exceljs writes no charts, so the report's summary chart (the
 * sheet plan's `chart`, src/core/report/plan.ts) is added to the file it wrote: a DrawingML bar chart
 * (ECMA-376 Part 1, 21.2) in a drawing anchored on the sheet, with the relationships and content types
 * that tie them. The chart reads the summary's cells (and carries their values, for programs that do
 * not recalculate); the text chart in the summary stays as the fallback where no chart is drawn.
 */
export interface BarChartSpec {
  sheet: string;
  chart: ChartPlan;
}

const xml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
const ref = (sheet: string, column: number, from: number, to = from) =>
  `'${sheet.replace(/'/g, "''")}'!$${columnLetter(column)}$${from + 1}${to === from ? "" : `:$${columnLetter(column)}$${to + 1}`}`;

function chartXml({ sheet, chart: spec }: BarChartSpec): string {
  const [first, last] = spec.categories.rows;
  const size = Math.round(spec.fontSize * 100);
  // Whole numbers on the axis, about ten steps at most.
  const longest = Math.max(0, ...spec.categories.texts.map((_, k) => spec.series.reduce((sum, s) => sum + (s.values[k] ?? 0), 0)));
  const step = Math.max(1, Math.ceil(longest / 10));
  const text = () => `<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="${size}"/></a:pPr><a:endParaRPr lang="ja-JP"/></a:p></c:txPr>`;
  const strCache = (texts: readonly string[]) =>
    `<c:strCache><c:ptCount val="${texts.length}"/>${texts.map((t, i) => `<c:pt idx="${i}"><c:v>${xml(t)}</c:v></c:pt>`).join("")}</c:strCache>`;
  const series = spec.series
    .map(
      (s, i) => `<c:ser><c:idx val="${i}"/><c:order val="${i}"/>
<c:tx><c:strRef><c:f>${xml(ref(sheet, s.column, spec.headerRow))}</c:f>${strCache([s.name])}</c:strRef></c:tx>
<c:spPr><a:solidFill><a:srgbClr val="${s.fill.replace("#", "")}"/></a:solidFill><a:ln w="6350"><a:solidFill><a:srgbClr val="404040"/></a:solidFill></a:ln></c:spPr>
<c:invertIfNegative val="0"/>
<c:cat><c:strRef><c:f>${xml(ref(sheet, spec.categories.column, first, last))}</c:f>${strCache(spec.categories.texts)}</c:strRef></c:cat>
<c:val><c:numRef><c:f>${xml(ref(sheet, s.column, first, last))}</c:f><c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="${s.values.length}"/>${s.values
        .map((v, k) => `<c:pt idx="${k}"><c:v>${v}</c:v></c:pt>`)
        .join("")}</c:numCache></c:numRef></c:val>
</c:ser>`,
    )
    .join("\n");
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
<c:roundedCorners val="0"/>
<c:chart>
<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="${size + 100}" b="1"/></a:pPr><a:r><a:rPr lang="ja-JP" sz="${size + 100}" b="1"/><a:t>${xml(spec.title)}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title>
<c:autoTitleDeleted val="0"/>
<c:plotArea><c:layout/>
<c:barChart><c:barDir val="bar"/><c:grouping val="stacked"/><c:varyColors val="0"/>
${series}
<c:gapWidth val="60"/><c:overlap val="100"/><c:axId val="50010"/><c:axId val="50020"/></c:barChart>
<c:catAx><c:axId val="50010"/><c:scaling><c:orientation val="maxMin"/></c:scaling><c:delete val="0"/><c:axPos val="l"/><c:numFmt formatCode="General" sourceLinked="0"/><c:tickLblPos val="nextTo"/>${text()}<c:crossAx val="50020"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>
<c:valAx><c:axId val="50020"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/><c:majorGridlines/><c:numFmt formatCode="General" sourceLinked="0"/><c:tickLblPos val="nextTo"/>${text()}<c:crossAx val="50010"/><c:crosses val="max"/><c:crossBetween val="between"/><c:majorUnit val="${step}"/></c:valAx>
</c:plotArea>
<c:legend><c:legendPos val="b"/><c:overlay val="0"/>${text()}</c:legend>
<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/>
</c:chart>
<c:spPr><a:solidFill><a:srgbClr val="FFFFFF"/></a:solidFill><a:ln w="6350"><a:solidFill><a:srgbClr val="808080"/></a:solidFill></a:ln></c:spPr>
</c:chartSpace>`;
}

function drawingXml({ chart: spec }: BarChartSpec): string {
  const anchor = (tag: string, [column, row]: [number, number]) =>
    `<xdr:${tag}><xdr:col>${column}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:${tag}>`;
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">
<xdr:twoCellAnchor editAs="oneCell">${anchor("from", [spec.from.column, spec.from.row])}${anchor("to", [spec.to.column + 1, spec.to.row + 1])}
<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="${xml(spec.title)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>
<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>
<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="rId1"/></a:graphicData></a:graphic>
</xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>
</xdr:wsDr>`;
}

const RELS_HEAD = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">`;
const DRAWING_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing";
const CHART_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart";
/** Elements a <drawing> must come before in a worksheet (CT_Worksheet's sequence). */
const AFTER_DRAWING = ["<legacyDrawing", "<legacyDrawingHF", "<drawingHF", "<picture", "<oleObjects", "<controls", "<webPublishItems", "<tableParts", "<extLst", "</worksheet>"];

/** The file with the chart added to its sheet (anchored over its cells); the bytes as they were when the sheet is not found. */
export function addBarChart(bytes: Uint8Array, spec: BarChartSpec): Uint8Array {
  const files: Zippable = unzipSync(bytes);
  const text = (name: string) => (files[name] ? strFromU8(files[name] as Uint8Array) : undefined);
  const workbookXml = text("xl/workbook.xml");
  const relsXml = text("xl/_rels/workbook.xml.rels");
  if (!workbookXml || !relsXml) return bytes;
  const sheet = parseWorkbook("xl/workbook.xml", workbookXml).sheets.find((s) => s.name === spec.sheet);
  const sheetPath = sheet ? parseRelationships("xl/_rels/workbook.xml.rels", relsXml, "xl/workbook.xml").get(sheet.relId)?.path : undefined;
  const sheetXml = sheetPath ? text(sheetPath) : undefined;
  if (!sheetPath || !sheetXml || sheetXml.includes("<drawing ")) return bytes;

  let n = 1;
  while (files[`xl/drawings/drawing${n}.xml`] || files[`xl/charts/chart${n}.xml`]) n += 1;
  const drawing = `xl/drawings/drawing${n}.xml`;
  const chart = `xl/charts/chart${n}.xml`;
  files[chart] = strToU8(chartXml(spec));
  files[drawing] = strToU8(drawingXml(spec));
  files[relsPathOf(drawing)] = strToU8(`${RELS_HEAD}<Relationship Id="rId1" Type="${CHART_TYPE}" Target="../charts/chart${n}.xml"/></Relationships>`);

  // The sheet's relationships: a new id for the drawing.
  const sheetRelsPath = relsPathOf(sheetPath);
  const sheetRels = text(sheetRelsPath) ?? `${RELS_HEAD}</Relationships>`;
  let id = 1;
  while (sheetRels.includes(`Id="rId${id}"`)) id += 1;
  files[sheetRelsPath] = strToU8(sheetRels.replace("</Relationships>", `<Relationship Id="rId${id}" Type="${DRAWING_TYPE}" Target="../drawings/drawing${n}.xml"/></Relationships>`));
  const at = Math.min(...AFTER_DRAWING.map((tag) => sheetXml.indexOf(tag)).filter((i) => i >= 0));
  const withR = sheetXml.includes('xmlns:r="') ? sheetXml : sheetXml.replace("<worksheet ", '<worksheet xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" ');
  const shift = withR.length - sheetXml.length;
  files[sheetPath] = strToU8(`${withR.slice(0, at + shift)}<drawing r:id="rId${id}"/>${withR.slice(at + shift)}`);

  const types = text("[Content_Types].xml") ?? "";
  files["[Content_Types].xml"] = strToU8(
    types.replace(
      "</Types>",
      `<Override PartName="/${drawing}" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/><Override PartName="/${chart}" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/></Types>`,
    ),
  );
  return zipSync(files);
}
