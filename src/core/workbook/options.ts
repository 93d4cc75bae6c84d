import { BANDS, PRESET_SCALES, bandsOfMeaning, bandsOfRates, completeRates, rateRangeOf, scaleProblems, type Band, type RatingScale, type ScaleSymbol } from "../rating/scale";
import { foldWidth } from "../text/fold";
import type { Localized } from "../text/localized";
import { FIELDS, type ColumnMap, type Field } from "./columns";
import { settingsFromRows, type PlanSettings } from "./settings";

/**
 * What a reviewer states instead of the workbook, for many files at once (`plan-progress check --scale
 * --columns --config`): a scale, a column mapping, the settings as the settings sheet holds them.
 * Each is read here, in the core, so that every shell reads them alike; a wrong one is said in the
 * user's words, never replaced by a default.
 */
export type Parsed<T> = { value: T } | { error: Localized };

/**
 * A scale as an option: a preset's name (「A/B/C/D/E」, 「S/A/B」), or each symbol with its bands or its
 * legend's words — 「A:ahead,B:on,C:behind」, 「A:ahead+on,B:on,C:on+behind」, 「A:80%以上,B:60%以上80%未満,C:60%未満」,
 * 「◎:予定以上,○:予定どおり,△:遅れ」.
 */
export function parseScaleOption(text: string): Parsed<RatingScale> {
  const folded = foldWidth(text).trim();
  const compact = folded.replace(/\s+/g, "");
  const preset = PRESET_SCALES.find((p) => p.id === compact || p.scale.symbols.map((s) => s.symbol).join(",") === compact);
  if (preset) return { value: preset.scale };
  const symbols: ScaleSymbol[] = [];
  const wrong: string[] = [];
  for (const part of folded.split(/[,、]/).map((p) => p.trim()).filter(Boolean)) {
    const m = /^(.+?)\s*[:：=]\s*(.+)$/.exec(part);
    if (!m) {
      wrong.push(part);
      continue;
    }
    const symbol = (m[1] ?? "").trim();
    const meaning = (m[2] ?? "").trim();
    const words = meaning.split(/[+/|・]/).map((w) => w.trim().toLowerCase());
    if (words.every((w) => (BANDS as readonly string[]).includes(w))) {
      symbols.push({ symbol, bands: words as Band[], label: "" });
      continue;
    }
    if (/^(?:none|なし|判定なし)$/i.test(meaning)) {
      symbols.push({ symbol, bands: [], label: "判定なし" });
      continue;
    }
    const range = rateRangeOf(meaning);
    if (range && (range.min !== undefined || range.max !== undefined)) {
      symbols.push({ symbol, bands: bandsOfRates(range.min, range.max), label: meaning, ...(range.min === undefined ? {} : { minRate: range.min }), ...(range.max === undefined ? {} : { maxRate: range.max }) });
      continue;
    }
    const bands = bandsOfMeaning(meaning);
    if (bands) symbols.push({ symbol, bands, label: meaning });
    else wrong.push(part);
  }
  const names = PRESET_SCALES.map((p) => p.id).join("、");
  if (wrong.length > 0 || symbols.length === 0) {
    return {
      error: {
        ja: `尺度「${wrong.join("」「") || text}」を読めません。${names} のどれか、または「A:ahead,B:on,C:behind」「A:80%以上,B:60%以上80%未満,C:60%未満」のように記号と意味（ahead・on・behind を + でつなぐ、凡例の語、達成率）を書いてください`,
        en: `Cannot read the scale "${wrong.join('", "') || text}". Give one of ${names.replace(/、/g, ", ")}, or each symbol with its meaning: A:ahead,B:on,C:behind (bands joined by +), a legend's words, or rates (A:80%以上,B:60%以上80%未満,C:60%未満)`,
      },
    };
  }
  const scale = { symbols: completeRates(symbols) };
  const problems = scaleProblems(scale);
  if (problems.length > 0) return { error: { ja: problems.map((p) => p.split(" / ")[0]).join("。"), en: problems.map((p) => p.split(" / ")[1] ?? p).join("; ") } };
  return { value: scale };
}

/** Role names an option may use: the fields, and their Japanese names. */
const ROLE_NAMES: Readonly<Record<string, Field>> = {
  ...Object.fromEntries(FIELDS.map((f) => [f, f])),
  分野: "category",
  番号: "no",
  "no.": "no",
  枝番: "sub",
  項目: "title",
  担当課: "department",
  評価: "rating",
  実施内容: "actions",
  目標: "plan",
  当初予定: "plan",
  計画: "plan",
  実績: "result",
  備考: "notes",
};

/** "C" → 2, "AA" → 26; undefined for anything else. */
function columnOf(letters: string): number | undefined {
  if (!/^[A-Z]{1,3}$/.test(letters)) return undefined;
  return [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
}

/** A column mapping as an option: 「rating=C,plan=A,result=B」 (or 評価=C,目標=A,実績=B). */
export function parseColumnsOption(text: string): Parsed<ColumnMap> {
  const map: ColumnMap = {};
  const wrong: string[] = [];
  for (const part of foldWidth(text).split(/[,、\s]+/).filter(Boolean)) {
    const [name = "", letters = ""] = part.split(/[=:：]/).map((s) => s.trim());
    const field = ROLE_NAMES[name.toLowerCase()] ?? ROLE_NAMES[name];
    const column = columnOf(letters.toUpperCase());
    if (!field || column === undefined) wrong.push(part);
    else map[field] = column;
  }
  if (wrong.length > 0 || Object.keys(map).length === 0) {
    return {
      error: {
        ja: `列の指定「${wrong.join("」「") || text}」を読めません。「rating=C,plan=A,result=B」（または 評価=C,目標=A,実績=B）のように、役割（${FIELDS.join("・")}）と列の英字を = でつないでください`,
        en: `Cannot read the columns "${wrong.join('", "') || text}". Join a role (${FIELDS.join(", ")}) and a column letter with =, e.g. rating=C,plan=A,result=B`,
      },
    };
  }
  return { value: map };
}

/**
 * The settings as a JSON object with the settings sheet's keys and values (docs/contracts/workbook.md,
 * "The settings sheet"): {"plan.fiscalYear": 2020, "profile": {"scale": …}, "columns": {"rating": 2}, …}.
 * Objects may be written as JSON or as the sheet's JSON text. Read by the settings sheet's own reader, so
 * that a file of settings and the sheet say the same things the same way.
 */
export function parseSettingsJson(text: string): Parsed<PlanSettings> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    return { error: { ja: `設定ファイルの JSON を読めません（${(error as Error).message}）`, en: `Cannot read the settings file's JSON (${(error as Error).message})` } };
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
    return { error: { ja: "設定ファイルは設定シートの項目名をキーにした JSON オブジェクトで書いてください", en: "The settings file must be a JSON object keyed by the settings sheet's keys" } };
  }
  const rows = Object.entries(parsed as Record<string, unknown>).map(([key, value]) => [key, typeof value === "string" ? value : typeof value === "number" ? value : JSON.stringify(value)] as [string, string | number]);
  const read = settingsFromRows(rows);
  if (read.problems.length > 0) {
    return { error: { ja: read.problems.map((p) => p.split(" / ")[0]).join("。"), en: read.problems.map((p) => p.split(" / ")[1] ?? p).join("; ") } };
  }
  return { value: read.settings };
}
