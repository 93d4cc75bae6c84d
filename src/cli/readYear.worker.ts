import { parentPort, workerData } from "node:worker_threads";
import { readYear, type YearOutcome } from "./readYear";

/** Reads last year's workbook beside this year's (src/cli/diff.ts): the outcome is posted as data. */
const { file } = workerData as { file: string };
void readYear(file).then(
  (outcome) => parentPort?.postMessage(outcome),
  (error: unknown) => parentPort?.postMessage({ kind: "crash", stage: "package", message: error instanceof Error ? error.message : String(error) } satisfies YearOutcome),
);
