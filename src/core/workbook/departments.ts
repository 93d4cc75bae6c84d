/**
 * The departments one cell of 主な推進担当課 names. A department that shares an item is written in the
 * same cell as the others (「市民課、政策課」, 「財政課，会計課」, one per line); each of them is
 * responsible for the item. Separators: 、，, ／/ ；; and line breaks. 「・」 is not one: it joins the
 * words of one name (市民協働・男女参画推進課). Each name is trimmed; empty parts are dropped; a name
 * written twice counts once.
 */
const SEPARATORS = /[、，,／/；;\r\n]+/;

export function departmentsIn(cell: string): string[] {
  const names = cell
    .split(SEPARATORS)
    .map((part) => part.replace(/^[\s\u3000]+|[\s\u3000]+$/g, ""))
    .filter((part) => part.length > 0);
  return [...new Set(names)];
}
