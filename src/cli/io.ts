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
