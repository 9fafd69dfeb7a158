/**
 * Finding the same child twice: on the Pupils tab, or in an import from the school's MIS. The same
 * UPN, or the same first and last names and date of birth, is the same pupil.
 */
import type { Pupil } from './pupil';

/** A pupil already on the Pupils tab, as duplicate checks need it. */
export interface KnownPupil {
  /** The Pupil ID, or '' for a row someone typed without one. */
  id: string;
  /** The row on the Pupils tab (to name a pupil that has no ID). */
  row?: number;
  firstName: string;
  lastName: string;
  /** yyyy-mm-dd, or '' when the cell holds no date. */
  dateOfBirth: string;
  upn: string;
}

type PupilKeys = Pick<Pupil, 'firstName' | 'lastName' | 'dateOfBirth' | 'upn'>;

function squash(text: string): string {
  return text.trim().replace(/\s+/g, ' ').toLowerCase();
}

function nameKey(p: PupilKeys): string | undefined {
  if (!p.firstName.trim() || !p.lastName.trim() || !p.dateOfBirth) return undefined;
  return `${squash(p.firstName)}|${squash(p.lastName)}|${p.dateOfBirth}`;
}

function upnKey(p: PupilKeys): string | undefined {
  const upn = p.upn.replace(/\s+/g, '').toUpperCase();
  return upn === '' ? undefined : upn;
}

export interface DuplicateMatch<T> {
  match: T;
  /** 'upn' when the UPNs are the same, else 'name' (same names and date of birth). */
  by: 'upn' | 'name';
}

/**
 * Finds pupils that are the same child: the same UPN, or the same first and last names and date
 * of birth (ignoring case and extra spaces). Add each pupil with `add`; `find` looks one up.
 */
export class DuplicateIndex<T> {
  private readonly byUpn = new Map<string, T>();
  private readonly byName = new Map<string, T>();

  add(pupil: PupilKeys, value: T): void {
    const upn = upnKey(pupil);
    const name = nameKey(pupil);
    if (upn !== undefined && !this.byUpn.has(upn)) this.byUpn.set(upn, value);
    if (name !== undefined && !this.byName.has(name)) this.byName.set(name, value);
  }

  find(pupil: PupilKeys): DuplicateMatch<T> | undefined {
    const upn = upnKey(pupil);
    const byUpn = upn === undefined ? undefined : this.byUpn.get(upn);
    if (byUpn !== undefined) return { match: byUpn, by: 'upn' };
    const name = nameKey(pupil);
    const byName = name === undefined ? undefined : this.byName.get(name);
    if (byName !== undefined) return { match: byName, by: 'name' };
    return undefined;
  }
}

export function knownPupilIndex(known: readonly KnownPupil[]): DuplicateIndex<KnownPupil> {
  const index = new DuplicateIndex<KnownPupil>();
  for (const pupil of known) index.add(pupil, pupil);
  return index;
}

/** "Amelia Jones (PUP-1A2B3C4D)" */
export function knownPupilName(pupil: KnownPupil): string {
  const name = `${pupil.firstName} ${pupil.lastName}`.trim() || 'A pupil with no name';
  if (pupil.id) return `${name} (${pupil.id})`;
  return pupil.row ? `${name} (row ${pupil.row} of the Pupils tab)` : name;
}

/**
 * The message for a pupil form that matches another pupil on the tab: when adding, the pupil is
 * probably there already; when editing, the change would make two records of one child.
 */
export function duplicateMessage(found: DuplicateMatch<KnownPupil>, editing: boolean): string {
  const what =
    found.by === 'upn' ? 'the same UPN' : 'the same first name, last name and date of birth';
  return editing
    ? `Another pupil on the Pupils tab, ${knownPupilName(found.match)}, has ${what}. ` +
        'Check the details: one child should have one record.'
    : `This pupil is already on the Pupils tab: ${knownPupilName(found.match)} has ${what}. ` +
        'To change their details, choose them from "Pupil" at the top of this form.';
}
