// npm run bench: every benchmark of the project, with its goal. Exits 1 when a goal is missed.
import { checkBench } from "./check.bench";
import { cliBench } from "./cli.bench";
import { coreOk } from "./core.bench";
import { functionsBench } from "./functions.bench";
import { paneBench } from "./pane.bench";
import { paneLargeBench } from "./paneLarge.bench";
import { reportBench } from "./report.bench";

async function main(): Promise<void> {
  const results = [coreOk, await functionsBench(), await checkBench(), await reportBench(), await paneBench(), await paneLargeBench(), await cliBench()];
  if (results.some((ok) => !ok)) {
    console.error("\nA goal was missed.");
    process.exitCode = 1;
  }
}

void main();
