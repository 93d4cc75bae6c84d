import { run } from "../../src/cli/run";

/** Runs the command line in this process (src/cli/run.ts), its standard output and error collected. */
export async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await run(argv, { out: (l) => out.push(l), err: (l) => err.push(l), version: "9.9.9" });
  return { code, out: out.join("\n"), err: err.join("\n") };
}
