/**
 * Excel on the web refuses requests and responses over 5 MB; reads and writes are cut into row chunks
 * that stay under this estimate, each its own sync.
 */
export const PAYLOAD_BUDGET_BYTES = 4 * 1024 * 1024;
