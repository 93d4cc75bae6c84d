/**
 * State shared by every copy of the core in one page. A shared runtime page loads the task pane and
 * the custom functions as separate chunks, each with its own copy of these modules; anchoring the
 * caches on globalThis (plain ECMAScript) lets both use one. Nothing here changes a result: the
 * functions stay pure.
 */
export function sharedMap<K, V>(name: string): Map<K, V> {
  const key = Symbol.for(`plan-progress.${name}`);
  const holder = globalThis as unknown as Record<symbol, Map<K, V> | undefined>;
  let map = holder[key];
  if (!map) {
    map = new Map<K, V>();
    holder[key] = map;
  }
  return map;
}
