/**
 * The lifecycle of an intervention and of each pupil's place in it, kept by the add-on (the
 * Status columns are written by it, never typed): "if an intervention isn't working, it shouldn't
 * be happening", so the sheet must say what is happening.
 *
 * - A place is Planned until the pupil starts (the consent gate), Started while they take part,
 *   Finished once their End review is recorded, Stopped when the SENCo stops the intervention, and
 *   Removed when taken out of it.
 * - An intervention is Planned until a pupil starts, Running while any pupil is started, Finished
 *   when every pupil who started has finished (their End review recorded), and Stopped when the
 *   SENCo stops it, which nothing but the SENCo undoes.
 */
import type { InterventionStatus } from './dates';

export type PlaceStatus = 'Planned' | 'Started' | 'Finished' | 'Stopped' | 'Removed';

const norm = (status: string): string => status.trim().toLowerCase();

/** A place whose End review has just been recorded is Finished; anything else is unchanged. */
export function placeStatusAfterReview(current: string, reviewKind: string): string {
  if (norm(reviewKind) !== 'end') return current;
  return norm(current) === 'started' ? 'Finished' : current;
}

/** The intervention's Status, from its own and its places' statuses. */
export function interventionStatus(
  current: string,
  placeStatuses: readonly string[],
): InterventionStatus {
  if (norm(current) === 'stopped') return 'Stopped';
  const places = placeStatuses.map(norm);
  if (places.includes('started')) return 'Running';
  // Pupils who took part and are all done: finished (a place stopped early counts as done).
  if (places.some((s) => s === 'finished')) return 'Finished';
  if (places.some((s) => s === 'stopped')) return 'Stopped';
  return 'Planned';
}

/** Places and interventions the reminders leave alone: nothing more to review there. */
export function isClosedStatus(status: string): boolean {
  return ['finished', 'stopped', 'removed'].includes(norm(status));
}
