import { constants, inflateRaw, inflateRawSync, type ZlibOptions } from "node:zlib";
import type { AsyncInflater, Inflater } from "../xlsx/workbookPort";

/**
 * Node's zlib for the reader's inflation: native, several times faster than JavaScript on the large
 * sheets the command line is given. It stops at the declared size (maxOutputLength) as fflate does,
 * and inflates into one buffer of that size (one byte more, so that the end is seen without a second
 * one) instead of 16 KB chunks joined afterwards.
 */
export const nodeInflater: Inflater = (data, size) => inflateRawSync(data, options(size));

const options = (size: number): ZlibOptions => ({ maxOutputLength: Math.max(1, size), chunkSize: Math.max(constants.Z_MIN_CHUNK, size + 1) });

/** Parts this large are inflated in zlib's thread pool, side by side; smaller ones at once (handing them over costs more). */
const ASYNC_BYTES = 1024 * 1024;

/** nodeInflater in Node's thread pool for parts of `threshold` bytes or more (a large table's shared strings and sheet inflate side by side). */
export const pooledInflater =
  (threshold = ASYNC_BYTES): AsyncInflater =>
  (data, size) =>
    new Promise((resolve, reject) => {
      if (size < threshold) resolve(nodeInflater(data, size));
      else inflateRaw(data, options(size), (error, out) => (error ? reject(error) : resolve(out)));
    });

export const nodeInflaterAsync = pooledInflater();
