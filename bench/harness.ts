/**
 * A small benchmark harness: runs a function for a while after a warm-up and reports the best of
 * several rounds (the least disturbed by the rest of the machine).
 */
export interface Measurement {
  name: string;
  /** Work items per round (cells, rows …). */
  items: number;
  /** Best time of one round in milliseconds. */
  bestMs: number;
  /** Items per second at the best round. */
  perSecond: number;
}

export function measure(name: string, items: number, round: () => void, { rounds = 15, warmup = 3 } = {}): Measurement {
  for (let i = 0; i < warmup; i += 1) round();
  let bestMs = Number.POSITIVE_INFINITY;
  for (let i = 0; i < rounds; i += 1) {
    const start = performance.now();
    round();
    bestMs = Math.min(bestMs, performance.now() - start);
  }
  return { name, items, bestMs, perSecond: (items / bestMs) * 1000 };
}

export interface Goal {
  measurement: Measurement;
  /** The goal, in items per second (higher is better), or in milliseconds (lower is better). */
  atLeastPerSecond?: number;
  atMostMs?: number;
}

const fmt = (n: number) => Math.round(n).toLocaleString("en-US");

/** Prints a table and returns whether every goal was reached. */
export function report(title: string, goals: Goal[]): boolean {
  console.log(`\n${title}`);
  let ok = true;
  for (const { measurement: m, atLeastPerSecond, atMostMs } of goals) {
    let verdict = "";
    if (atLeastPerSecond !== undefined) {
      const pass = m.perSecond >= atLeastPerSecond;
      ok &&= pass;
      verdict = `${pass ? "ok" : "MISSED"} (goal ≥ ${fmt(atLeastPerSecond)}/s)`;
    }
    if (atMostMs !== undefined) {
      const pass = m.bestMs <= atMostMs;
      ok &&= pass;
      verdict = `${pass ? "ok" : "MISSED"} (goal ≤ ${atMostMs} ms)`;
    }
    console.log(`  ${m.name.padEnd(48)} ${fmt(m.perSecond).padStart(12)}/s  ${m.bestMs.toFixed(2).padStart(9)} ms for ${fmt(m.items)}  ${verdict}`);
  }
  return ok;
}
