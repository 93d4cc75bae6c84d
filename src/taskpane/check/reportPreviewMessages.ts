import type { Locale } from "../messages";

/**
 * The print preview's words, in the shape of the pane's message tables (messages.ts), with {placeholders}
 * for `fill`: the same keys in Japanese and English.
 */
const ja = {
  previewHeading: "印刷プレビュー",
  previewPageOf: "{page} / {pages} ページ",
  previewPrevious: "前のページ",
  previewNext: "次のページ",
  previewSetup: "{paper} {orientation}・縮小 {scale}%",
  previewImage: "{page} ページ目の印刷イメージ",
  previewMagnify: "実際の大きさで見る",
  previewWhole: "ページ全体を見る",
  printPaper: "用紙",
  printOrientation: "向き",
  printLandscape: "横",
  printPortrait: "縦",
} as const;

export type PreviewMessages = Readonly<Record<keyof typeof ja, string>>;

const en: PreviewMessages = {
  previewHeading: "Print preview",
  previewPageOf: "Page {page} of {pages}",
  previewPrevious: "Previous page",
  previewNext: "Next page",
  previewSetup: "{paper} {orientation}, printed at {scale}%",
  previewImage: "What page {page} prints",
  previewMagnify: "View at printed size",
  previewWhole: "View the whole page",
  printPaper: "Paper",
  printOrientation: "Orientation",
  printLandscape: "Landscape",
  printPortrait: "Portrait",
};

export const PREVIEW_MESSAGES: Readonly<Record<Locale, PreviewMessages>> = { ja, en };
