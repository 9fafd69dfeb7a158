/**
 * The lookups the good-practice rules make: for a pupil's place, the pupil's other places and an
 * intervention by its ID; for an intervention, the people on the Staff tab by name and its
 * Provision library entry. Checking every place of a school looks each up in maps built once
 * (practiceIndex), so the check grows with the school's size, not with its square; checking one
 * place scans the lists once instead (scanIndex), with no maps to build.
 */
import type {
  InterventionFacts,
  LibraryFacts,
  ParticipantFacts,
  StaffFacts,
} from './practice-facts';
import { staffByName, type StaffByName } from './staff-warnings';

export interface PracticeIndex {
  /** The pupil's places (Pupil IDs compared without surrounding spaces), in the lists' order. */
  placesOf(pupilId: string): readonly ParticipantFacts[];
  /** The first intervention with this ID (IDs compared exactly), if any. */
  intervention(id: string): InterventionFacts | undefined;
}

export interface PracticeLists {
  /** Every intervention. */
  interventions: readonly InterventionFacts[];
  /** Every participation. */
  participants: readonly ParticipantFacts[];
}

/** Maps of the lists, built once: for checking every place of a school. */
export function practiceIndex(lists: PracticeLists): PracticeIndex {
  const interventions = new Map<string, InterventionFacts>();
  for (const intervention of lists.interventions) {
    if (!interventions.has(intervention.id)) interventions.set(intervention.id, intervention);
  }
  const byPupil = new Map<string, ParticipantFacts[]>();
  for (const place of lists.participants) {
    const key = place.pupilId.trim();
    const places = byPupil.get(key);
    if (places === undefined) byPupil.set(key, [place]);
    else places.push(place);
  }
  return {
    placesOf: (pupilId) => byPupil.get(pupilId.trim()) ?? [],
    intervention: (id) => interventions.get(id),
  };
}

/** The same lookups by scanning the lists (each intervention found once): for one place. */
export function scanIndex(lists: PracticeLists): PracticeIndex {
  const found = new Map<string, InterventionFacts | undefined>();
  return {
    placesOf: (pupilId) => {
      const key = pupilId.trim();
      return lists.participants.filter((place) => place.pupilId.trim() === key);
    },
    intervention: (id) => {
      if (!found.has(id)) {
        const first = lists.interventions.find((i) => i.id === id);
        found.set(id, first);
      }
      return found.get(id);
    },
  };
}

export interface InterventionIndex {
  staff: StaffByName;
  /** The first entry whose Provision ID is this one (IDs compared without surrounding spaces). */
  libraryEntry(provisionId: string): LibraryFacts | undefined;
}

/** The Staff tab and Provision library looked up once, for checking any number of interventions. */
export function interventionIndex(lists: {
  staff: readonly StaffFacts[];
  library: readonly LibraryFacts[];
}): InterventionIndex {
  const library = new Map<string, LibraryFacts>();
  for (const entry of lists.library) {
    const id = entry.id.trim();
    if (id !== '' && !library.has(id)) library.set(id, entry);
  }
  return {
    staff: staffByName(lists.staff),
    libraryEntry: (provisionId) => library.get(provisionId.trim()),
  };
}
