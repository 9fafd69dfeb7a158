/**
 * A Provision library entry's default dosage against the school's own bounds (the Settings tab's
 * minimum and maximum minutes per session, sessions per week and weeks). Every intervention that
 * starts from the entry takes these defaults, so an entry outside the bounds is warned about when
 * it is saved: saved anyway, since a school may mean it, but never silently.
 */
import { LIBRARY_LABELS } from './library';
import { PRACTICE_SETTING_NAMES, type PracticeSettings } from './warnings';

export interface LibraryDosage {
  minutesPerSession?: number;
  sessionsPerWeek?: number;
  lengthWeeks?: number;
}

type Bound = keyof PracticeSettings;

const CHECKS: readonly {
  field: keyof LibraryDosage;
  min: Bound;
  max: Bound;
}[] = [
  { field: 'minutesPerSession', min: 'minMinutes', max: 'maxMinutes' },
  { field: 'sessionsPerWeek', min: 'minSessions', max: 'maxSessions' },
  { field: 'lengthWeeks', min: 'minWeeks', max: 'maxWeeks' },
];

/**
 * "Default minutes per session: 60 is more than the Settings tab's Maximum minutes per session
 * (45). …": one warning for each default outside its bounds, naming the field and the bound.
 */
export function libraryDosageWarnings(entry: LibraryDosage, settings: PracticeSettings): string[] {
  const warnings: string[] = [];
  for (const { field, min, max } of CHECKS) {
    const value = entry[field];
    if (value === undefined || !Number.isFinite(value)) continue;
    const over = value > settings[max];
    const under = value < settings[min];
    if (!over && !under) continue;
    const bound = over ? max : min;
    warnings.push(
      `${LIBRARY_LABELS[field]}: ${value} is ${over ? 'more' : 'less'} than the Settings tab's ${PRACTICE_SETTING_NAMES[bound]} (${settings[bound]}), so every intervention started from this entry will be warned about. Change the default here, or the setting if your school means it.`,
    );
  }
  return warnings;
}
