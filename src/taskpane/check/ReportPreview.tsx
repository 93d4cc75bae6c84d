import { Button, Field, Radio, RadioGroup, Text, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { useLayoutEffect, useMemo, useRef, useState, type CSSProperties } from "react";
import type { Orientation, Paper } from "../../core/report/layout";
import { pageGeometry, printedPages, type PageGeometry } from "../../core/report/pages";
import type { ChartPlan, Merge, PlanCell, SheetPlan } from "../../core/report/plan";
import { BORDER_COLOR, REPORT_FONT, STYLES } from "../../core/report/style";
import { useMessages } from "../i18n";
import { fill } from "../messages";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, minWidth: 0 },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400 },
  magnified: { overflow: "auto", maxHeight: "70vh" },
  frame: { width: "100%", overflow: "hidden", backgroundColor: tokens.colorNeutralBackground3, padding: tokens.spacingHorizontalXS, boxSizing: "border-box" },
  nav: { display: "flex", alignItems: "center", justifyContent: "space-between", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  choice: { display: "flex", gap: tokens.spacingHorizontalL, flexWrap: "wrap" },
});

/** One box of the printed page, in printed points. */
interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** Where each thing of one printed page stands, in printed points (the page at its real size). */
interface PageDrawing {
  geometry: PageGeometry;
  cells: { cell: PlanCell; box: Box }[];
  chart?: { chart: ChartPlan; box: Box };
}

function drawPage(plan: SheetPlan, index: number): PageDrawing | undefined {
  const page = printedPages(plan)[index];
  if (!page) return undefined;
  const geometry = pageGeometry(plan);
  const scale = geometry.scale;
  const rows = [...page.repeated, ...Array.from({ length: page.last - page.first + 1 }, (_, k) => page.first + k)];
  const top = new Map<number, number>();
  let y = geometry.margins.top;
  for (const row of rows) {
    top.set(row, y);
    y += (plan.rowHeights[row] ?? 0) * scale;
  }
  const heightOf = (from: number, to: number) => rows.filter((r) => r >= from && r <= to).reduce((sum, r) => sum + (plan.rowHeights[r] ?? 0) * scale, 0);
  const widthOf = (from: number, to: number) => geometry.columnWidths.slice(from, to + 1).reduce((sum, w) => sum + w, 0);
  const merges = new Map<string, Merge>(plan.merges.map((m) => [`${m.top},${m.left}`, m]));
  const boxOf = (row: number, column: number, bottom = row, right = column): Box => ({
    left: geometry.columnLefts[column] ?? 0,
    top: top.get(row) ?? 0,
    width: widthOf(column, right),
    height: heightOf(row, bottom),
  });
  const cells = plan.cells
    .filter((cell) => top.has(cell.row))
    .map((cell) => {
      const merge = merges.get(`${cell.row},${cell.column}`);
      return { cell, box: boxOf(cell.row, cell.column, merge?.bottom, merge?.right) };
    });
  const chart = plan.chart && top.has(plan.chart.from.row) ? { chart: plan.chart, box: boxOf(plan.chart.from.row, plan.chart.from.column, plan.chart.to.row, plan.chart.to.column) } : undefined;
  return { geometry, cells, ...(chart ? { chart } : {}) };
}

const FONT_FAMILY = `"${REPORT_FONT}", "Yu Gothic", YuGothic, "Hiragino Sans", "Noto Sans CJK JP", "Noto Sans JP", sans-serif`;

/** A cell as it prints: its box, its style, its text wrapped inside and cut at its edges. */
function CellBox({ cell, box, scale, fill }: { cell: PlanCell; box: Box; scale: number; fill?: string }) {
  const style = STYLES[cell.style];
  const background = fill ?? style.fill;
  const css: CSSProperties = {
    position: "absolute",
    left: `${box.left}pt`,
    top: `${box.top}pt`,
    width: `${box.width}pt`,
    height: `${box.height}pt`,
    boxSizing: "border-box",
    overflow: "hidden",
    padding: `${1.5 * scale}pt ${2 * scale}pt`,
    paddingLeft: `${(2 + (style.indent ?? 0) * 7) * scale}pt`,
    fontSize: `${style.size * scale}pt`,
    lineHeight: 1.45,
    fontWeight: style.bold ? 700 : 400,
    textAlign: style.horizontal ?? "left",
    display: "flex",
    flexDirection: "column",
    justifyContent: style.vertical === "middle" ? "center" : "flex-start",
    whiteSpace: style.wrap ? "pre-wrap" : "pre",
    overflowWrap: "anywhere",
    lineBreak: "strict",
    ...(background ? { backgroundColor: background } : {}),
    ...(style.border ? { border: `${0.75 * scale}pt solid ${BORDER_COLOR}` } : {}),
    // Stacked (縦書き): one column of upright characters from the top, centred across the cell.
    ...(style.stacked ? { flexDirection: "row", justifyContent: "center", alignItems: "flex-start" } : {}),
  };
  return (
    <div style={css} data-cell={`${cell.row},${cell.column}`} data-style={cell.style}>
      {style.stacked ? <span style={{ writingMode: "vertical-rl", textOrientation: "upright" }}>{String(cell.value)}</span> : String(cell.value)}
    </div>
  );
}

/** The summary's chart as a sketch: a bar per 分野, stacked by symbol, with its fills and legend. */
function ChartSketch({ chart, box, scale }: { chart: ChartPlan; box: Box; scale: number }) {
  const size = chart.fontSize * scale;
  const title = size * 1.6;
  const legend = size * 1.8;
  const labels = box.width * 0.34;
  const plot = { left: labels + size, top: title + size * 0.5, width: box.width - labels - size * 2, height: box.height - title - legend - size };
  const totals = chart.categories.texts.map((_, k) => chart.series.reduce((sum, s) => sum + (s.values[k] ?? 0), 0));
  const most = Math.max(1, ...totals);
  const band = plot.height / Math.max(1, chart.categories.texts.length);
  return (
    <svg
      data-testid="report-preview-chart"
      style={{ position: "absolute", left: `${box.left}pt`, top: `${box.top}pt`, width: `${box.width}pt`, height: `${box.height}pt` }}
      viewBox={`0 0 ${box.width} ${box.height}`}
      fontFamily={FONT_FAMILY}
    >
      <rect x={0.4} y={0.4} width={box.width - 0.8} height={box.height - 0.8} fill="#FFFFFF" stroke="#808080" strokeWidth={0.75 * scale} />
      <text x={box.width / 2} y={title} fontSize={size * 1.1} fontWeight={700} textAnchor="middle">
        {chart.title}
      </text>
      {chart.categories.texts.map((name, k) => {
        let x = plot.left;
        const y = plot.top + k * band + band * 0.2;
        return (
          <g key={`${k}-${name}`} data-bar={k}>
            <text x={plot.left - size * 0.4} y={y + band * 0.45} fontSize={size} textAnchor="end">
              {name}
            </text>
            {chart.series.map((s) => {
              const width = ((s.values[k] ?? 0) / most) * plot.width;
              const rect = <rect key={s.name} x={x} y={y} width={width} height={band * 0.6} fill={s.fill} stroke="#404040" strokeWidth={0.5 * scale} />;
              x += width;
              return rect;
            })}
          </g>
        );
      })}
      {chart.series.map((s, i) => {
        const x = plot.left + (i * plot.width) / Math.max(1, chart.series.length);
        const y = box.height - legend * 0.6;
        return (
          <g key={s.name}>
            <rect x={x} y={y - size * 0.7} width={size * 0.7} height={size * 0.7} fill={s.fill} stroke="#404040" strokeWidth={0.5 * scale} />
            <text x={x + size} y={y} fontSize={size}>
              {s.name}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

/**
 * What one page of the report prints, to scale: the paper, the columns at the print scale between the
 * margins, the rows the page holds (the header repeated), each cell's text wrapped in its box and cut at
 * its edges, the chart and the footer. Page 1 first; the clerk turns the pages before making the report.
 */
export function ReportPreview({ plan, page = 0 }: { plan: SheetPlan; page?: number }) {
  const m = useMessages();
  const styles = useStyles();
  const pages = useMemo(() => printedPages(plan).length, [plan]);
  const [chosen, setIndex] = useState(page);
  // A plan with fewer pages (another paper) shows its last.
  const index = Math.min(chosen, Math.max(0, pages - 1));
  const drawing = useMemo(() => drawPage(plan, index), [plan, index]);
  const frame = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(0);
  const [magnified, setMagnified] = useState(false);
  useLayoutEffect(() => {
    const element = frame.current;
    if (!element) return undefined;
    const measure = () => setWidth(element.clientWidth - 2 * Number.parseFloat(getComputedStyle(element).paddingLeft || "0"));
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  if (!drawing) return null;
  const { geometry } = drawing;
  const pointsToPixels = 96 / 72;
  // The whole page in the pane's width; magnified, the page at its printed size, scrolled in its frame.
  const zoom = magnified ? 1 : width > 0 ? width / (geometry.width * pointsToPixels) : 0;
  const fills = new Map(plan.ratingFills.map((f) => [f.symbol, f.fill]));
  const footer = plan.print.footer.replace("{page}", String(index + 1));
  return (
    <section className={styles.root} aria-labelledby="report-preview-heading" data-testid="report-preview">
      <h3 id="report-preview-heading" className={styles.heading}>
        {m.previewHeading}
      </h3>
      <Text size={200} data-testid="report-preview-setup">
        {fill(m.previewSetup, {
          paper: plan.print.paper,
          orientation: plan.print.orientation === "landscape" ? m.printLandscape : m.printPortrait,
          scale: plan.print.scale,
        })}
      </Text>
      <div ref={frame} className={mergeClasses(styles.frame, magnified && styles.magnified)} data-testid="report-preview-frame">
        <div style={{ height: `${geometry.height * pointsToPixels * zoom}px`, width: magnified ? `${geometry.width * pointsToPixels}px` : undefined, position: "relative" }}>
          <div
            role="img"
            aria-label={fill(m.previewImage, { page: index + 1 })}
            data-testid="report-preview-page"
            data-paper={`${plan.print.paper} ${plan.print.orientation}`}
            style={{
              position: "absolute",
              left: 0,
              top: 0,
              width: `${geometry.width}pt`,
              height: `${geometry.height}pt`,
              transform: `scale(${zoom})`,
              transformOrigin: "0 0",
              backgroundColor: "#FFFFFF",
              boxShadow: tokens.shadow4,
              fontFamily: FONT_FAMILY,
              color: "#000000",
              overflow: "hidden",
            }}
          >
            <div aria-hidden="true">
              {/* The printable area, faintly: where the margins are. */}
              <div
                data-testid="report-preview-margins"
                style={{
                  position: "absolute",
                  left: `${geometry.margins.left}pt`,
                  top: `${geometry.margins.top}pt`,
                  width: `${geometry.width - geometry.margins.left - geometry.margins.right}pt`,
                  height: `${geometry.height - geometry.margins.top - geometry.margins.bottom}pt`,
                  outline: "0.5pt dashed #C8C8C8",
                }}
              />
              {drawing.cells.map(({ cell, box }) => (
                <CellBox key={`${cell.row},${cell.column}`} cell={cell} box={box} scale={geometry.scale} fill={cell.style === "rating" ? fills.get(String(cell.value)) : undefined} />
              ))}
              {drawing.chart ? <ChartSketch chart={drawing.chart.chart} box={drawing.chart.box} scale={geometry.scale} /> : null}
              <div
                style={{
                  position: "absolute",
                  left: 0,
                  width: `${geometry.width}pt`,
                  top: `${geometry.height - plan.print.margins.footer * 72 - 12 * geometry.scale}pt`,
                  fontSize: `${10 * geometry.scale}pt`,
                  textAlign: "center",
                }}
              >
                {footer}
              </div>
            </div>
          </div>
        </div>
      </div>
      <div className={styles.nav}>
        <Button size="small" disabled={index === 0} onClick={() => setIndex(index - 1)}>
          {m.previewPrevious}
        </Button>
        <Text size={200} aria-live="polite" data-testid="report-preview-page-number">
          {fill(m.previewPageOf, { page: index + 1, pages })}
        </Text>
        <Button size="small" disabled={index >= pages - 1} onClick={() => setIndex(index + 1)}>
          {m.previewNext}
        </Button>
      </div>
      <div>
        <Button size="small" appearance="subtle" aria-pressed={magnified} onClick={() => setMagnified(!magnified)}>
          {magnified ? m.previewWhole : m.previewMagnify}
        </Button>
      </div>
    </section>
  );
}

/** The paper and its orientation, as the clerk chooses them before making the report. */
export function ReportPrintChoice({
  paper,
  orientation,
  onChange,
}: {
  paper: Paper;
  orientation: Orientation;
  onChange: (choice: { paper: Paper; orientation: Orientation }) => void;
}) {
  const m = useMessages();
  const styles = useStyles();
  return (
    <div className={styles.choice} data-testid="report-print-choice">
      <Field label={m.printPaper}>
        <RadioGroup layout="horizontal" value={paper} onChange={(_, data) => onChange({ paper: data.value === "A3" ? "A3" : "A4", orientation })}>
          <Radio value="A4" label="A4" />
          <Radio value="A3" label="A3" />
        </RadioGroup>
      </Field>
      <Field label={m.printOrientation}>
        <RadioGroup layout="horizontal" value={orientation} onChange={(_, data) => onChange({ paper, orientation: data.value === "portrait" ? "portrait" : "landscape" })}>
          <Radio value="landscape" label={m.printLandscape} />
          <Radio value="portrait" label={m.printPortrait} />
        </RadioGroup>
      </Field>
    </div>
  );
}
