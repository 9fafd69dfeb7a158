/**
 * Who is reminded about an intervention's reviews: its Lead and each name in 'Supported by',
 * matched to the Staff tab as the cost figures match them (staff-names.ts: a trailing "(role)",
 * case, extra spaces and accents do not count, so "Sam Okonjo-Reed (TA)" is Sam Okonjo-Reed).
 * A name that matches nobody, or a person with no email address, is reported, not emailed.
 * The SENCo is the first Staff row with Role 'SENCo' and an email.
 */
import type { InterventionRef, StaffRef } from './reminder-model';
import { splitStaffNames, staffNameKey } from './staff-names';

export interface Recipients {
  /** People to email, one each however many times they are named. */
  people: StaffRef[];
  /** Names of matched people who have no email address. */
  noEmail: string[];
  /** Names as typed that match nobody on the Staff tab. */
  notOnStaffList: string[];
}

export type StaffDirectory = (name: string) => StaffRef | undefined;

/** Looks a typed name up on the Staff tab (the first row of that name, when two share one). */
export function staffDirectory(staff: readonly StaffRef[]): StaffDirectory {
  const byName = new Map<string, StaffRef>();
  for (const person of staff) {
    const key = staffNameKey(person.name);
    if (key !== '' && !byName.has(key)) byName.set(key, person);
  }
  return (name) => byName.get(staffNameKey(name));
}

/** The Lead and every 'Supported by' name of an intervention, as typed. */
export function namesOn(intervention: InterventionRef): string[] {
  return [intervention.lead.trim(), ...splitStaffNames(intervention.supportedBy)].filter(
    (name) => name !== '',
  );
}

export function recipientsOf(intervention: InterventionRef, find: StaffDirectory): Recipients {
  const people = new Map<string, StaffRef>();
  const noEmail = new Set<string>();
  const notOnStaffList = new Set<string>();
  for (const name of namesOn(intervention)) {
    const person = find(name);
    if (!person) notOnStaffList.add(name);
    else if (person.email.trim() === '') noEmail.add(person.name.trim());
    else people.set(person.email.trim().toLowerCase(), person);
  }
  return {
    people: [...people.values()],
    noEmail: [...noEmail],
    notOnStaffList: [...notOnStaffList],
  };
}

/** The digest key of a member of staff: 'staff:STF-0002' (their email when the row has no ID). */
export function staffKey(person: StaffRef): string {
  return `staff:${person.id || person.email.trim().toLowerCase()}`;
}

export function findSenco(staff: readonly StaffRef[]): StaffRef | undefined {
  return staff.find((s) => s.role.trim().toLowerCase() === 'senco' && s.email.trim() !== '');
}
