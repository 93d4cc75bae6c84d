/** A text the user reads, Japanese first and English second. */
export interface Localized {
  ja: string;
  en: string;
}
