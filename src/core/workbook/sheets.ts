import type { PlanSettings } from "./settings";

/**
 * Which sheets are the add-in's own. One rule for every sheet it writes (the report, the findings):
 * a sheet is the add-in's when the settings sheet lists it among the sheets it made. Only those may be
 * replaced; a user's sheet of the wanted name is kept, and the new one gets "name (2)", "name (3)" ….
 */
export function sheetNameFor(wanted: string, existing: readonly string[], generated: readonly string[]): string {
  const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();
  const free = (name: string) => !existing.some((n) => same(n, name)) || generated.some((n) => same(n, name));
  if (free(wanted)) return wanted;
  for (let n = 2; ; n += 1) {
    const suffix = ` (${n})`;
    // Excel allows 31 characters in a sheet name: the suffix stays whole.
    const candidate = `${wanted.slice(0, 31 - suffix.length)}${suffix}`;
    if (free(candidate)) return candidate;
  }
}

/** The settings with a sheet recorded as the add-in's own. */
export function withGeneratedSheet(settings: PlanSettings, name: string): PlanSettings {
  const generated = settings.generated ?? [];
  return generated.includes(name) ? settings : { ...settings, generated: [...generated, name] };
}
