import { libraryDosageWarnings } from '../../src/domain/library-dosage';
import { validateLibraryEntry } from '../../src/domain/library';
import { DEFAULT_PRACTICE_SETTINGS, practiceSettingsFrom } from '../../src/domain/warnings';

const eef = DEFAULT_PRACTICE_SETTINGS;

describe("a library entry's default dosage against the school's bounds", () => {
  it('says nothing while every default is within the bounds, or left blank', () => {
    expect(
      libraryDosageWarnings({ minutesPerSession: 20, sessionsPerWeek: 3, lengthWeeks: 12 }, eef),
    ).toEqual([]);
    expect(libraryDosageWarnings({}, eef)).toEqual([]);
    expect(
      libraryDosageWarnings({ minutesPerSession: 15, sessionsPerWeek: 5, lengthWeeks: 20 }, eef),
    ).toEqual([]);
  });

  it('names each field outside, its value and the bound it breaks', () => {
    expect(
      libraryDosageWarnings({ minutesPerSession: 60, sessionsPerWeek: 1, lengthWeeks: 30 }, eef),
    ).toEqual([
      "Default minutes per session: 60 is more than the Settings tab's Maximum minutes per session (45), so every intervention started from this entry will be warned about. Change the default here, or the setting if your school means it.",
      "Default sessions per week: 1 is less than the Settings tab's Minimum sessions per week (3), so every intervention started from this entry will be warned about. Change the default here, or the setting if your school means it.",
      "Default length in weeks: 30 is more than the Settings tab's Maximum weeks (20), so every intervention started from this entry will be warned about. Change the default here, or the setting if your school means it.",
    ]);
  });

  it("uses the school's own bounds from the Settings tab", () => {
    const school = practiceSettingsFrom({
      'Minimum minutes per session': 20,
      'Maximum minutes per session': 50,
    });
    expect(libraryDosageWarnings({ minutesPerSession: 50 }, school)).toEqual([]);
    expect(libraryDosageWarnings({ minutesPerSession: 10 }, school)).toEqual([
      expect.stringContaining(
        "10 is less than the Settings tab's Minimum minutes per session (20)",
      ),
    ]);
  });

  it('checks what the library form validated, as the server saves it', () => {
    const checked = validateLibraryEntry({
      name: 'Emotional literacy support',
      areaOfNeed: 'SEMH',
      evidenceStrength: 'Limited',
      minutesPerSession: '40',
      sessionsPerWeek: '1',
      lengthWeeks: '8',
    });
    if (!checked.ok) throw new Error(JSON.stringify(checked.errors));
    expect(libraryDosageWarnings(checked.value, eef).map((w) => w.split(':')[0])).toEqual([
      'Default sessions per week',
    ]);
  });
});
