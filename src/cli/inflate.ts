import { inflateRawSync } from "node:zlib";
import type { Inflater } from "../xlsx/workbookPort";

/**
 * Node's zlib for the reader's inflation: native, several times faster than JavaScript on the large
 * sheets the command line is given. It stops at the declared size (maxOutputLength) as fflate does.
 */
export const nodeInflater: Inflater = (data, size) => inflateRawSync(data, { maxOutputLength: Math.max(1, size) });
