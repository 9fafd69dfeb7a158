/**
 * The people an intervention names in "Lead" and "Supported by": each should be on the Staff tab
 * (or reminders and costs leave them out), and each should be trained in the programme. Names are
 * matched as reminders and costs match them (staff-names.ts): ignoring a trailing "(role)", case,
 * extra spaces and accents.
 */
import { listOf } from './text';
import { splitStaffNames, staffNameKey } from './staff-names';
import {
  words,
  type InterventionFacts,
  type LibraryFacts,
  type StaffFacts,
  type Warning,
} from './practice-facts';
import { isTrainedIn } from './training';

type Part = 'lead' | 'supporting';

export interface Named {
  /** As typed in Lead or Supported by. */
  typed: string;
  part: Part;
  person: StaffFacts | undefined;
}

/** The Staff tab by name key (staffNameKey), the first row of each name winning. */
export type StaffByName = ReadonlyMap<string, StaffFacts>;

export function staffByName(staff: readonly StaffFacts[]): StaffByName {
  const byKey = new Map<string, StaffFacts>();
  for (const person of staff) {
    const key = staffNameKey(person.name);
    if (key !== '' && !byKey.has(key)) byKey.set(key, person);
  }
  return byKey;
}

/** The lead (one name) and each supporter, once each (the lead first), with their Staff row. */
export function namedPeople(intervention: InterventionFacts, staff: StaffByName): Named[] {
  const seen = new Set<string>();
  const named: Named[] = [];
  const add = (typed: string, part: Part) => {
    const key = staffNameKey(typed);
    if (key === '' || seen.has(key)) return;
    seen.add(key);
    named.push({ typed: typed.trim(), part, person: staff.get(key) });
  };
  add(intervention.lead, 'lead');
  for (const name of splitStaffNames(intervention.supportedBy)) add(name, 'supporting');
  return named;
}

/** The lead's Role on the Staff tab, '' when they are not on it or it is blank. */
export function leadRole(named: readonly Named[]): string {
  const lead = named.find((n) => n.part === 'lead');
  return lead?.person?.role?.trim() ?? '';
}

/**
 * Names in Lead or Supported by that match nobody on the Staff tab, in one warning naming each as
 * typed: they get no reminders and their time is not costed.
 */
export function unknownStaffWarnings(named: readonly Named[]): Warning[] {
  const unknown = named.filter((n) => n.person === undefined);
  if (unknown.length === 0) return [];
  const one = unknown.length === 1;
  const who = listOf(unknown.map((n) => `"${n.typed}" (${n.part})`));
  return [
    {
      kind: 'unknown-staff',
      message:
        `${who} ${one ? 'is' : 'are'} not on the Staff tab, so they get no reminders about this intervention's reviews and their time is left out of its cost: ` +
        'add them with the Staff form, or correct the spelling in Lead or Supported by. ' +
        'Someone from outside the school who should not be on the Staff tab can stay as typed.',
    },
  ];
}

/** What a library entry's "Training needed" says when none is. */
const NO_TRAINING_NEEDED = new Set(['', 'none', 'no']);

/**
 * The lead and supporters found on the Staff tab whose "Trained in" does not cover the programme
 * (training.ts), unless its library entry says no training is needed.
 */
export function trainingWarnings(
  intervention: InterventionFacts,
  entry: LibraryFacts | undefined,
  named: readonly Named[],
): Warning[] {
  if (entry !== undefined && NO_TRAINING_NEEDED.has(words(entry.trainingNeeded))) return [];
  const programme = {
    names: [intervention.name, entry?.name ?? ''],
    codes: [intervention.code, entry?.id ?? ''],
  };
  const label = [intervention.name, entry?.name ?? '', intervention.code]
    .map((p) => p.trim())
    .find((p) => p !== '');
  if (label === undefined) return [];

  return named.flatMap(({ part, person }): Warning[] => {
    if (person === undefined || isTrainedIn(person.trainedIn, programme)) return [];
    const name = person.name.trim();
    // Someone from outside the school brings their own qualification: the school records it.
    const external = (person.role ?? '').trim().toLowerCase() === 'external';
    return [
      {
        kind: 'staff-not-trained',
        message: external
          ? `${name} (${part}) has no recorded training or qualification in ${label}: record it in "Trained in" on the Staff tab.`
          : `${name} (${part}) has no recorded training in ${label}: record it on the Staff tab, or arrange training.`,
      },
    ];
  });
}
