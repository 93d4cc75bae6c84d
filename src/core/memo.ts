/**
 * What a shell remembers between checks: the metrics read from each cell text and from each metrics
 * block (cells of different prose often share their block), the evaluation of each plan and results
 * pair (and of each pair of metric lists), the sentences of each text. One memo is created by the shell that owns the
 * session (the task pane per workbook, the command line per run, the custom functions per runtime) and
 * passed in; the core itself keeps no state. Without a memo every text is read afresh.
 */

/** Entries a memo keeps of each kind; a table with more texts is read without one (it would only fill and clear it). */
export const MEMO_LIMIT = 50_000;

/** Whether a table of this many rows is read with the memo (two texts a row: plan and results). */
export const fitsMemo = (rows: number): boolean => rows * 2 <= MEMO_LIMIT;

/** A kind of remembered thing, typed by its key and value: declared once, next to the code that fills it. */
export interface MemoKind<K, V> {
  readonly name: string;
  /** Phantom fields: they carry the types only. */
  readonly key?: K;
  readonly value?: V;
}

export function memoKind<K, V>(name: string): MemoKind<K, V> {
  return { name };
}

export class Memo {
  private readonly maps = new Map<string, Map<unknown, unknown>>();

  /** The map of one kind. */
  map<K, V>(kind: MemoKind<K, V>): Map<K, V> {
    let map = this.maps.get(kind.name);
    if (!map) {
      map = new Map();
      this.maps.set(kind.name, map);
    }
    return map as Map<K, V>;
  }

  /** The value remembered for a key, or the one made now (remembered; a full map is cleared first). */
  get<K, V>(kind: MemoKind<K, V>, key: K, make: (key: K) => V): V {
    const map = this.map(kind);
    const found = map.get(key);
    if (found !== undefined) return found;
    const made = make(key);
    if (map.size >= MEMO_LIMIT) map.clear();
    map.set(key, made);
    return made;
  }

  /** Entries remembered, all kinds together (a kind that keeps its own collection counts as one). */
  size(): number {
    let entries = 0;
    for (const map of this.maps.values()) entries += map.size;
    return entries;
  }

  /** Forgets everything (benchmarks of the cold path; a shell that bounds what it keeps). */
  clear(): void {
    this.maps.clear();
  }
}
