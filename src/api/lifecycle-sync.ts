/**
 * Keeps the Status columns true (domain/lifecycle.ts): called by every save that changes a place
 * or a review, and by the daily run for the whole workbook. Changes go out with the operation's
 * own writes, audited like any other.
 */
import { interventionStatus, placeStatusAfterReview } from '../domain/lifecycle';
import type { Row, Table } from '../store/table';

/** Sets each intervention's Status from its places (only `ids`, when given); returns how many changed. */
export function syncInterventionStatuses(
  interventions: Table,
  participants: Table,
  ids?: ReadonlySet<string>,
): number {
  const statuses = new Map<string, string[]>();
  for (const place of participants.records()) {
    const id = place.text('Intervention ID');
    statuses.set(id, [...(statuses.get(id) ?? []), place.text('Status')]);
  }
  let changed = 0;
  for (const row of interventions.records()) {
    if (row.id === '' || (ids && !ids.has(row.id))) continue;
    const next = interventionStatus(row.text('Status'), statuses.get(row.id) ?? []);
    if (next !== row.text('Status')) {
      row.set({ Status: next });
      changed += 1;
    }
  }
  return changed;
}

/** A place whose End review was just recorded is Finished. */
export function finishPlaceAfterReview(place: Row, reviewKind: string): boolean {
  const next = placeStatusAfterReview(place.text('Status'), reviewKind);
  if (next === place.text('Status')) return false;
  place.set({ Status: next });
  return true;
}
