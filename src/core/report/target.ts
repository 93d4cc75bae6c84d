/**
 * Which name the report is written under: the wanted one when free or made by the add-in earlier
 * (it is then replaced), else "name (2)", "name (3)" …: a user's sheet is never overwritten.
 */
export function reportSheetName(wanted: string, existing: readonly string[], generated: readonly string[]): string {
  const has = (name: string) => existing.some((n) => n.toLowerCase() === name.toLowerCase());
  const ours = (name: string) => generated.some((n) => n.toLowerCase() === name.toLowerCase());
  if (!has(wanted) || ours(wanted)) return wanted;
  for (let n = 2; ; n += 1) {
    const candidate = `${wanted} (${n})`;
    if (!has(candidate) || ours(candidate)) return candidate;
  }
}
