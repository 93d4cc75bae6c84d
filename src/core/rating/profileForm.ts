import type { Localized } from "../text/localized";
import { foldWidth } from "../text/fold";
import { type Direction, type RatingProfile } from "./profile";
import { PRESET_SCALES, type RatingScale } from "./scale";

/**
 * The rating profile as a person edits it: percentages as typed ("90", "１０") and direction overrides
 * written "6=lower, 20:1=少ない". Validated field by field, each problem in the unit the user typed.
 */
export interface ProfileForm {
  /** 許容下限 in %, 1–100. */
  tolerance: string;
  /** S の目安 in %, 0–100. */
  margin: string;
  /** "6=lower, 20:1=少ない, ごみ量=lower": item numbers, or words of labels. */
  overrides: string;
  /** The id of a preset scale (rating/scale.ts), or "" to keep the profile's own. */
  scale: string;
}

export type ProfileFormErrors = Partial<Record<keyof ProfileForm, Localized>>;

const percent = (ratio: number) => String(Math.round(ratio * 1000) / 10);

export function profileToForm(profile: RatingProfile): ProfileForm {
  const symbols = (scale: RatingScale) => JSON.stringify(scale.symbols.map((s) => [s.symbol, s.bands]));
  return {
    tolerance: percent(profile.toleranceFloor),
    margin: percent(profile.sMargin),
    overrides: [...Object.entries(profile.directionOverrides), ...Object.entries(profile.labelDirections)]
      .map(([key, direction]) => `${key}=${direction}`)
      .join(", "),
    scale: PRESET_SCALES.find((p) => symbols(p.scale) === symbols(profile.scale))?.id ?? "",
  };
}

const DIRECTION_WORDS: Readonly<Record<string, Direction>> = {
  higher: "higher",
  lower: "lower",
  多い: "higher",
  少ない: "lower",
  高い: "higher",
  低い: "lower",
};
const OVERRIDE_KEY = /^\d+(?:-\d+)?(?::\d+)?$/;

function readPercent(text: string, low: number, lowInclusive: boolean): number | undefined {
  const folded = foldWidth(text).trim().replace(/%$/, "").trim();
  if (!/^\d+(?:\.\d+)?$/.test(folded)) return undefined;
  const value = Number(folded);
  return (lowInclusive ? value >= low : value > low) && value <= 100 ? value : undefined;
}

/** The profile a form describes, or the problems of each field (the profile is then undefined). */
export function profileFromForm(form: ProfileForm, base: RatingProfile): { profile?: RatingProfile; errors: ProfileFormErrors } {
  const errors: ProfileFormErrors = {};
  const tolerance = readPercent(form.tolerance, 0, false);
  if (tolerance === undefined) {
    errors.tolerance = {
      ja: `許容下限は 0 より大きく 100 以下の数（%）で入力してください（入力: ${form.tolerance || "空欄"}）`,
      en: `Enter the tolerance floor as a percentage above 0 and up to 100 (entered: ${form.tolerance || "nothing"})`,
    };
  }
  const margin = readPercent(form.margin, 0, true);
  if (margin === undefined) {
    errors.margin = {
      ja: `S の目安は 0 以上 100 以下の数（%）で入力してください（入力: ${form.margin || "空欄"}）`,
      en: `Enter the S margin as a percentage from 0 to 100 (entered: ${form.margin || "nothing"})`,
    };
  }
  const overrides: Record<string, Direction> = {};
  const labelDirections: Record<string, Direction> = {};
  const wrong: string[] = [];
  for (const part of foldWidth(form.overrides).split(/[,、\s]+/).filter(Boolean)) {
    const [key = "", word = ""] = part.split("=").map((s) => s.trim());
    const direction = DIRECTION_WORDS[word.toLowerCase()];
    if (!key || !direction) wrong.push(part);
    else if (OVERRIDE_KEY.test(key)) overrides[key] = direction;
    else labelDirections[key] = direction;
  }
  if (wrong.length > 0) {
    errors.overrides = {
      ja: `「${wrong.join("」「")}」を読めません。「6=lower」「20:1=少ない」「ごみ量=少ない」のように、項目番号（枝番は 4-1、①は 20:1）か項目名の語と、higher・lower（多い・少ない）を = でつないでください`,
      en: `Cannot read "${wrong.join('", "')}". Join an item number (4-1 for a sub-item, 20:1 for ①) or a word of the label with higher or lower by =, e.g. 6=lower, ごみ量=lower`,
    };
  }
  if (tolerance === undefined || margin === undefined || wrong.length > 0) return { errors };
  const scale = PRESET_SCALES.find((p) => p.id === form.scale)?.scale ?? base.scale;
  return { profile: { ...base, toleranceFloor: tolerance / 100, sMargin: margin / 100, directionOverrides: overrides, labelDirections, scale }, errors };
}
