/**
 * The kanji of Japanese numerals, one table for every reader (quantities, fiscal years): digits,
 * the small units that multiply within a group (十 百 千) and the large ones that close a group
 * (万 億 兆), as powers of ten.
 */
export const KANJI_DIGIT: Readonly<Record<string, number>> = {
  〇: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};
export const SMALL_UNIT: Readonly<Record<string, number>> = { 十: 1, 百: 2, 千: 3 };
export const BIG_UNIT: Readonly<Record<string, number>> = { 万: 4, 億: 8, 兆: 12 };

export const isKanjiDigit = (ch: string | undefined): boolean => ch !== undefined && ch in KANJI_DIGIT;
export const isAsciiDigit = (ch: string | undefined): boolean => ch !== undefined && ch >= "0" && ch <= "9";
