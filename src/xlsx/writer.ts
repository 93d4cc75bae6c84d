/**
 * Everything the file port writes with, loaded the first time something is written: opening and checking a
 * file never downloads it (file mode's first download stays small).
 */
export { ownPackage, ownSheetName, type OwnSheet } from "./ownSheets";
export { graftSheets, patchCells, removeEntryRules, setEntryRules } from "./package";
