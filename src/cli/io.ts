import { jsonText } from "./terminal";

/** What a command writes to, and the exit codes of docs/contracts/cli.md. */
export interface CliIo {
  out: (line: string) => void;
  err: (line: string) => void;
  /** Progress for people (stderr when it is a terminal); absent otherwise. */
  progress?: (line: string) => void;
  version: string;
}

/** 0: ran, no error findings; 1: error findings; 2: could not run. */
export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE = 2;

/**
 * JSON written as each value is done, so that a run over hundreds of files holds one file's result at a
 * time, never all of them:
 * - "json": the --json form, byte for byte what jsonText gives for the whole run (one object for one
 *   value, an array for more): each value is written when the next one comes (only then is it known
 *   that an array is written and that a comma follows), the last at the end;
 * - "lines": JSON Lines (--json-lines, https://jsonlines.org/): one value per line, written at once.
 */
export class JsonOut {
  private held: string | undefined;
  private count = 0;

  constructor(
    private readonly io: CliIo,
    private readonly form: "json" | "lines",
  ) {}

  write(value: unknown): void {
    if (this.form === "lines") {
      this.io.out(jsonLine(value));
      return;
    }
    const text = jsonText(value);
    if (this.held !== undefined) {
      if (this.count === 1) this.io.out("[");
      this.io.out(`${indented(this.held)},`);
    }
    this.held = text;
    this.count += 1;
  }

  /** Writes what is held: the one value, or the last of the array and its end. */
  end(): void {
    if (this.held === undefined) return;
    if (this.count === 1) {
      this.io.out(this.held);
    } else {
      this.io.out(indented(this.held));
      this.io.out("]");
    }
    this.held = undefined;
  }
}

/** A value's JSON one level down in an array, as JSON.stringify(array, null, 2) writes it (JSON text holds no line break but between tokens). */
const indented = (text: string) => `  ${text.replace(/\n/g, "\n  ")}`;

/**
 * One value as one line of JSON: C0 and C1 controls, the bidirectional overrides and isolates (as
 * jsonText escapes them) and the Unicode line and paragraph separators (which some readers take for a
 * line end) written as \uXXXX.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const LINE_UNSAFE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u2028\u2029]/g;

export function jsonLine(value: unknown): string {
  return JSON.stringify(value).replace(LINE_UNSAFE, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
