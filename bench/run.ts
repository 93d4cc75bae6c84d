// npm run bench: every benchmark of the project, with its goal. Exits 1 when a goal is missed.
import { coreOk } from "./core.bench";

const results = [coreOk];
if (results.some((ok) => !ok)) {
  console.error("\nA goal was missed.");
  process.exitCode = 1;
}
