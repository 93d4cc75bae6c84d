/** A text the user reads, Japanese first and English second. */
export interface Localized {
  ja: string;
  en: string;
}

/** The values of a message: a text, a number, or a text per language (a list joined as each language joins it). */
export type MessageData = Readonly<Record<string, string | number | Localized | undefined>>;

const PLACEHOLDER = /\{(\w+)\}/g;

/** The names of a template's placeholders, in order. */
export function placeholders(template: string): string[] {
  return [...template.matchAll(PLACEHOLDER)].map((m) => m[1] ?? "");
}

/**
 * A message from its template in both languages ({name} stands for a value of the data, as ESLint's
 * meta.messages). A placeholder without a value is kept as written, so that a test finds it.
 */
export function fillMessage(template: Localized, data: MessageData = {}): Localized {
  const fill = (text: string, locale: keyof Localized) =>
    text.includes("{")
      ? text.replace(PLACEHOLDER, (whole, name: string) => {
          const value = data[name];
          if (value === undefined) return whole;
          return typeof value === "object" ? value[locale] : String(value);
        })
      : text;
  return { ja: fill(template.ja, "ja"), en: fill(template.en, "en") };
}
