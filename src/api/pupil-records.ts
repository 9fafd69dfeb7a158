/**
 * Helpers the participants and pupil profile endpoints share: pupils by ID with their names, in
 * the order staff look for them. Not an endpoint module: src/main.ts does not export it.
 */
import type { Row, Table } from '../store/table';
import type { PupilChoice } from './participants-contract';

export interface PupilRecord {
  id: string;
  first: string;
  last: string;
  name: string;
  yearGroup: string;
}

export function pupilName(row: Row): string {
  return `${row.text('First name')} ${row.text('Last name')}`.trim() || row.id;
}

export function pupilIndex(pupils: Table): Map<string, PupilRecord> {
  const byId = new Map<string, PupilRecord>();
  for (const row of pupils.records()) {
    if (row.id === '' || byId.has(row.id)) continue;
    byId.set(row.id, {
      id: row.id,
      first: row.text('First name'),
      last: row.text('Last name'),
      name: pupilName(row),
      yearGroup: row.text('Year group'),
    });
  }
  return byId;
}

export function nameOf(pupils: Map<string, PupilRecord>, id: string): string {
  return pupils.get(id)?.name ?? (id || 'This pupil');
}

/** By last name, then first name (pupils missing from the Pupils tab last). */
export function byPupil(pupils: Map<string, PupilRecord>, a: string, b: string): number {
  const pa = pupils.get(a);
  const pb = pupils.get(b);
  if (!pa || !pb) return Number(!pa) - Number(!pb) || a.localeCompare(b);
  return pa.last.localeCompare(pb.last) || pa.first.localeCompare(pb.first) || a.localeCompare(b);
}

export function pupilChoice(pupil: PupilRecord): PupilChoice {
  return { id: pupil.id, name: pupil.name, yearGroup: pupil.yearGroup };
}
