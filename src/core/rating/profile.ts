import { DEFAULT_SCALE, scaleProblems, type RatingScale } from "./scale";

/**
 * The rating profile: the thresholds the check applies, stored with the workbook so that a file alone
 * reproduces the same check in Excel, in file mode and in the CLI (docs/contracts/rating.md, "Rating profile").
 */
export type Direction = "higher" | "lower";

export interface RatingProfile {
  /**
   * Short pairs whose achievement is at or above this ratio give a warning instead of an error.
   * 1 (the default) is the seed's own practice: any short pair contradicts S or A.
   */
  toleranceFloor: number;
  /** A pair is exceeded when it beats its target by at least this share (0.1 = 10%). */
  sMargin: number;
  /**
   * Direction overrides: "6" applies to every target of item 6, "20:1" to the target marked ① of
   * item 20 (or its first target when none is marked), "4-1" to a sub-item.
   */
  directionOverrides: Readonly<Record<string, Direction>>;
  /** Direction for every target whose label contains the word: {"ごみ量": "lower"}. */
  labelDirections: Readonly<Record<string, Direction>>;
  /** The plan's rating scale and what each symbol means (rating/scale.ts); S/A/B by default. */
  scale: RatingScale;
}

export const DEFAULT_PROFILE: RatingProfile = Object.freeze({
  toleranceFloor: 1,
  sMargin: 0.1,
  directionOverrides: Object.freeze({}),
  labelDirections: Object.freeze({}),
  scale: DEFAULT_SCALE,
});

export class RatingProfileError extends Error {
  constructor(public readonly problems: readonly string[]) {
    super(`評価プロファイルが正しくありません / Invalid rating profile: ${problems.join("; ")}`);
    this.name = "RatingProfileError";
  }
}

const KEY = /^\d+(?:-\d+)?(?::\d+)?$/;

/**
 * Validates a profile read from a workbook or a settings form. Missing fields take their defaults;
 * a wrong value or an unknown field is an error that says what is wrong, never a silent default.
 */
export function parseRatingProfile(input: unknown): RatingProfile {
  if (input === undefined || input === null) return DEFAULT_PROFILE;
  if (typeof input !== "object" || Array.isArray(input)) {
    throw new RatingProfileError(["プロファイルはオブジェクトで指定してください / the profile must be an object"]);
  }
  const raw = input as Record<string, unknown>;
  const problems: string[] = [];
  for (const key of Object.keys(raw)) {
    if (!["toleranceFloor", "sMargin", "directionOverrides", "labelDirections", "scale"].includes(key)) {
      problems.push(`不明な項目 ${key} / unknown field ${key}`);
    }
  }
  const number = (key: "toleranceFloor" | "sMargin", low: number, high: number, lowInclusive: boolean): number => {
    const value = raw[key];
    if (value === undefined) return DEFAULT_PROFILE[key];
    const ok = typeof value === "number" && Number.isFinite(value) && (lowInclusive ? value >= low : value > low) && value <= high;
    if (!ok) {
      problems.push(
        `${key} は ${lowInclusive ? "" : "0 より大きく "}${low}${lowInclusive ? " 以上" : ""}〜${high} 以下の数で指定してください（指定値: ${JSON.stringify(value)}） / ${key} must be a number in ${lowInclusive ? "[" : "("}${low}, ${high}] (got ${JSON.stringify(value)})`,
      );
      return DEFAULT_PROFILE[key];
    }
    return value as number;
  };
  const toleranceFloor = number("toleranceFloor", 0, 1, false);
  const sMargin = number("sMargin", 0, 1, true);
  const overrides: Record<string, Direction> = {};
  const rawOverrides = raw.directionOverrides;
  if (rawOverrides !== undefined) {
    if (typeof rawOverrides !== "object" || rawOverrides === null || Array.isArray(rawOverrides)) {
      problems.push("directionOverrides はオブジェクトで指定してください / directionOverrides must be an object");
    } else {
      for (const [key, value] of Object.entries(rawOverrides)) {
        if (!KEY.test(key)) problems.push(`方向の指定先 ${key} は "12"・"4-1"・"20:1" の形で書いてください / override key ${key} must look like "12", "4-1" or "20:1"`);
        if (value !== "higher" && value !== "lower") problems.push(`${key} の方向は "higher" か "lower" です / direction of ${key} must be "higher" or "lower"`);
        else overrides[key] = value;
      }
    }
  }
  const labelDirections: Record<string, Direction> = {};
  const rawLabels = raw.labelDirections;
  if (rawLabels !== undefined) {
    if (typeof rawLabels !== "object" || rawLabels === null || Array.isArray(rawLabels)) {
      problems.push("labelDirections はオブジェクトで指定してください / labelDirections must be an object");
    } else {
      for (const [word, value] of Object.entries(rawLabels)) {
        if (!word.trim()) problems.push("方向を指定する語が空です / a label word is empty");
        else if (value !== "higher" && value !== "lower") problems.push(`「${word}」の方向は "higher" か "lower" です / direction of "${word}" must be "higher" or "lower"`);
        else labelDirections[word.trim()] = value;
      }
    }
  }
  let scale = DEFAULT_SCALE;
  if (raw.scale !== undefined) {
    const scaleIssues = scaleProblems(raw.scale);
    problems.push(...scaleIssues);
    if (scaleIssues.length === 0) {
      const symbols = (raw.scale as { symbols: { symbol: string; bands: RatingScale["symbols"][number]["bands"]; label?: unknown; minRate?: number; maxRate?: number }[] }).symbols;
      scale = {
        symbols: symbols.map((s) => ({
          symbol: s.symbol.trim(),
          bands: [...s.bands],
          label: typeof s.label === "string" ? s.label : "",
          ...(s.minRate === undefined ? {} : { minRate: s.minRate }),
          ...(s.maxRate === undefined ? {} : { maxRate: s.maxRate }),
        })),
      };
    }
  }
  if (problems.length > 0) throw new RatingProfileError(problems);
  return { toleranceFloor, sMargin, directionOverrides: overrides, labelDirections, scale };
}

/**
 * Whether a profile states a scale of its own. A profile read without one (no settings sheet, or one
 * that names no scale) holds DEFAULT_SCALE itself: the workbook's legend, or the symbols of its rating
 * column, then say the scale (docs/contracts/workbook.md, "Reading the scale").
 */
export function hasOwnScale(profile: Pick<RatingProfile, "scale"> | undefined): boolean {
  return profile !== undefined && profile.scale !== DEFAULT_SCALE;
}
