import { parseArgs } from "node:util";
import { extractMetrics, type Metric } from "../core/metrics/extract";
import { CIRCLED_MARKERS } from "../core/text/markers";
import { EXIT_OK, EXIT_USAGE, type CliIo } from "./io";
import type { CliMessages } from "./messages";
import { jsonText } from "./terminal";

/** The JSON shape of docs/contracts/cli.md: values in base units, null where there is nothing. */
export function metricJson(metric: Metric) {
  return {
    marker: metric.marker ?? null,
    label: metric.label,
    value: metric.value,
    unit: metric.unit,
    op: metric.op,
    min: metric.min ?? null,
    max: metric.max ?? null,
    fiscalYear: metric.fiscalYear ?? null,
    notes: metric.notes,
  };
}

function formatValue(metric: Metric, m: CliMessages): string {
  if (metric.notANumber) return m.notANumber;
  const n = (x: number) => x.toLocaleString("ja-JP", { maximumFractionDigits: 10 });
  const unit = metric.unit ? ` ${metric.unit}${metric.unitKnown === false ? m.unknownUnit : ""}` : "";
  if (metric.op === "range") {
    const upper = metric.max === undefined ? "" : n(metric.max);
    return `${n(metric.min ?? metric.value)}〜${upper}${metric.maxExclusive ? m.rangeExclusive : ""}${unit}`;
  }
  return `${n(metric.value)}${unit}`;
}

export function metrics(args: string[], m: CliMessages, io: CliIo): number {
  const { positionals, values } = parseArgs({
    args,
    allowPositionals: true,
    options: { help: { type: "boolean", short: "h" }, lang: { type: "string" }, json: { type: "boolean" } },
  });
  if (values.help) {
    io.out(m.metricsUsage);
    return EXIT_OK;
  }
  const text = positionals.join(" ");
  if (!text.trim()) {
    io.err(m.missingText);
    return EXIT_USAGE;
  }
  const found = extractMetrics(text);
  if (values.json) {
    io.out(jsonText(found.map(metricJson)));
    return EXIT_OK;
  }
  if (found.length === 0) {
    io.out(m.noMetrics);
    return EXIT_OK;
  }
  for (const metric of found) {
    const marker = metric.marker === undefined ? "" : (CIRCLED_MARKERS[metric.marker - 1] ?? `(${metric.marker})`);
    const extra = [
      metric.fiscalYear === undefined ? "" : m.fiscalYearWord(metric.fiscalYear),
      metric.cumulative ? m.cumulativeWord : "",
      metric.notes.length ? ` — ${metric.notes.join(" / ")}` : "",
    ].join("");
    io.out(m.metricLine(marker, metric.label, formatValue(metric, m), m.opWords[metric.op] ?? "", extra));
  }
  return EXIT_OK;
}
