/**
 * Writing into the user's workbook without losing anything of it: our sheets grafted into the user's
 * package (graft.ts), a text written into one cell (cells.ts), the add-in's entry rules set and removed
 * (validation.ts). Each reads only the parts it edits, copies every other part as it is stored, and
 * refuses with a message in both languages (errors.ts) what it cannot write safely. Pure: Uint8Array in,
 * Uint8Array out, in a browser as in Node.
 */
export { graftSheets } from "./graft";
export { patchCells } from "./cells";
export { setEntryRules, removeEntryRules } from "./validation";
export { PackageError } from "./errors";
