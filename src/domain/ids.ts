/** Stable record IDs: a tab prefix and eight characters, unique within the tab. */
export function newRecordId(
  prefix: string,
  existing: ReadonlySet<string>,
  uuid: () => string,
): string {
  for (let attempt = 0; attempt < 20; attempt += 1) {
    const id = `${prefix}-${uuid().replace(/-/g, '').slice(0, 8).toUpperCase()}`;
    if (!existing.has(id)) return id;
  }
  throw new Error(`Could not make a new unique ${prefix} ID: please try again.`);
}
