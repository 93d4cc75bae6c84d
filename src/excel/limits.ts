/**
 * Excel on the web refuses requests and responses over 5 MB; reads and writes are cut into row chunks
 * that stay under this estimate, each its own sync.
 */
export const PAYLOAD_BUDGET_BYTES = 4 * 1024 * 1024;

/** Bytes of a string in UTF-8, as a request or response carries it. */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : 3;
  }
  return bytes;
}
