import type { Messages } from "./messages";

/** A failure as the pane shows it: the generic sentence, then what went wrong. */
export function describeError(error: unknown, m: Messages): string {
  const detail = error instanceof Error ? error.message : String(error);
  return `${m.errorGeneric} ${detail}`;
}
