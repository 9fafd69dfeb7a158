/**
 * The bounds the good-practice warnings use, from the Settings tab (the EEF figures by default),
 * so a school that changes them sees its own numbers in the messages.
 */
import { DEFAULT_SETTINGS } from './workbook';

export interface PracticeSettings {
  minMinutes: number;
  maxMinutes: number;
  minSessions: number;
  maxSessions: number;
  minWeeks: number;
  maxWeeks: number;
  newInterventionWindowWeeks: number;
  lessonTimeThresholdMinutes: number;
}

export type PracticeSettingKey = keyof PracticeSettings;

/** Each setting's name on the Settings tab (as in DEFAULT_SETTINGS). */
export const PRACTICE_SETTING_NAMES: Readonly<Record<PracticeSettingKey, string>> = {
  minMinutes: 'Minimum minutes per session',
  maxMinutes: 'Maximum minutes per session',
  minSessions: 'Minimum sessions per week',
  maxSessions: 'Maximum sessions per week',
  minWeeks: 'Minimum weeks',
  maxWeeks: 'Maximum weeks',
  newInterventionWindowWeeks: 'New interventions window (weeks)',
  lessonTimeThresholdMinutes: 'Lesson time lost threshold (minutes a week)',
};

const BOUND_PAIRS = [
  ['minMinutes', 'maxMinutes'],
  ['minSessions', 'maxSessions'],
  ['minWeeks', 'maxWeeks'],
] as const satisfies readonly (readonly [PracticeSettingKey, PracticeSettingKey])[];

/** A setting as a cell holds it (a number or numeric text), when it is 0 or more. */
function settingNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) && value >= 0 ? value : undefined;
  if (typeof value === 'string' && /^\d+(\.\d+)?$/.test(value.trim())) return Number(value.trim());
  return undefined;
}

function buildSettings(read: (key: PracticeSettingKey) => number): PracticeSettings {
  return {
    minMinutes: read('minMinutes'),
    maxMinutes: read('maxMinutes'),
    minSessions: read('minSessions'),
    maxSessions: read('maxSessions'),
    minWeeks: read('minWeeks'),
    maxWeeks: read('maxWeeks'),
    newInterventionWindowWeeks: read('newInterventionWindowWeeks'),
    lessonTimeThresholdMinutes: read('lessonTimeThresholdMinutes'),
  };
}

/** The settings written on first set-up (the EEF figures). */
export const DEFAULT_PRACTICE_SETTINGS: Readonly<PracticeSettings> = buildSettings((key) => {
  const name = PRACTICE_SETTING_NAMES[key];
  const value = settingNumber(DEFAULT_SETTINGS.find((entry) => entry.setting === name)?.value);
  if (value === undefined) throw new Error(`DEFAULT_SETTINGS has no number for '${name}'`);
  return value;
});

/**
 * The practice settings from the Settings tab's name → value map. A missing or nonsensical value
 * (blank, text, negative) falls back to its default, and so does a minimum above its maximum (both
 * of that pair), since such bounds would warn about every intervention.
 */
export function practiceSettingsFrom(values: Readonly<Record<string, unknown>>): PracticeSettings {
  const settings = buildSettings(
    (key) => settingNumber(values[PRACTICE_SETTING_NAMES[key]]) ?? DEFAULT_PRACTICE_SETTINGS[key],
  );
  for (const [min, max] of BOUND_PAIRS) {
    if (settings[min] > settings[max]) {
      settings[min] = DEFAULT_PRACTICE_SETTINGS[min];
      settings[max] = DEFAULT_PRACTICE_SETTINGS[max];
    }
  }
  return settings;
}

/** Whether a pair of bounds is still the EEF's (the defaults), so a message can say so. */
export function isEefGuidance(
  settings: PracticeSettings,
  pair: readonly [PracticeSettingKey, PracticeSettingKey],
): boolean {
  return pair.every((key) => settings[key] === DEFAULT_PRACTICE_SETTINGS[key]);
}
