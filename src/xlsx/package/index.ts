/**
 * Writing into the user's workbook without losing anything of it: our sheets grafted into the user's
 * package (graft.ts), a text written into one cell (cells.ts), the add-in's entry rules set and removed
 * (validation.ts). Each reads only the parts it edits, copies every other part as it is stored, and
 * refuses with a message in both languages (errors.ts) what it cannot write safely. Pure: Uint8Array in,
 * Uint8Array out, in a browser as in Node.
 */
export { graftSheets, type GraftOptions, type GraftResult } from "./graft";
export { patchCells, type CellEdit, type PatchOptions, type PatchResult, type Recalc } from "./cells";
export { setEntryRules, removeEntryRules, type EntryRulesResult } from "./validation";
export { PackageError, PACKAGE_ERRORS, type PackageCode } from "./errors";
