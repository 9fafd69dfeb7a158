/**
 * Stable record IDs: a tab prefix and twelve random characters, unique within the tab. Saves read
 * only the rows they need, so the check below sees those alone: twelve characters (16^12 values)
 * make a clash with an unread row unlikely even over 100,000 rows (about 1 in 50,000).
 */
export function newRecordId(
  prefix: string,
  existing: ReadonlySet<string>,
  uuid: () => string,
): string {
  for (let attempt = 0; attempt < 20; attempt += 1) {
    const id = `${prefix}-${uuid().replace(/-/g, '').slice(0, 12).toUpperCase()}`;
    if (!existing.has(id)) return id;
  }
  throw new Error(`Could not make a new unique ${prefix} ID: please try again.`);
}
