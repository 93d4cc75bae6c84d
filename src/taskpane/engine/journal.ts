import type { WorkbookPort } from "../../core/port";
import type { JournalEntry } from "./protocol";

/** The port's writes (src/core/port.ts): every change an action makes to a workbook goes through one. */
export const WRITES = ["writeSettings", "writeCell", "writeCells", "writeSheet", "writeReport", "markCells", "clearMarks", "setGuards", "clearGuards"] as const;

type Write = (...args: unknown[]) => Promise<unknown>;

/**
 * The port, with each write made through it recorded once it succeeded (its name and arguments, plain
 * data that crosses to the page). Everything else goes to the port as it is.
 */
export function journaled<P extends WorkbookPort>(port: P, record: (entry: JournalEntry) => void): P {
  const writes = new Set<PropertyKey>(WRITES);
  return new Proxy(port, {
    get(target, key) {
      const value: unknown = Reflect.get(target, key, target);
      if (typeof value !== "function") return value;
      const method = value as Write;
      if (!writes.has(key)) return method.bind(target);
      return async (...args: unknown[]) => {
        const result = await method.apply(target, args);
        record({ method: String(key), args });
        return result;
      };
    },
  });
}

/** Makes the recorded writes again, in order, on a port of the same file: the workbook they made. */
export async function replay(port: WorkbookPort, journal: readonly JournalEntry[]): Promise<void> {
  for (const entry of journal) {
    if (!(WRITES as readonly string[]).includes(entry.method)) throw new Error(`not a write: ${entry.method}`);
    await ((port as unknown as Record<string, Write>)[entry.method] as Write).apply(port, entry.args);
  }
}
