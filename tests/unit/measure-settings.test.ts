import {
  DEFAULT_MEASURES,
  DEFAULT_OUTCOME_SETTING_ROWS,
  MEASURE_SETTING,
  OUTCOME_BAND_SETTINGS,
  OUTCOME_LABEL_SETTINGS,
  measureNamed,
  measuresFrom,
  outcomeSettingsFrom,
  type SettingRowFacts,
} from '../../src/domain/measure-settings';
import { parseResult } from '../../src/domain/measures';
import {
  DEFAULT_OUTCOME_BANDS,
  DEFAULT_OUTCOME_SETTINGS,
  outcomeScore,
} from '../../src/domain/outcome';
import { DEFAULT_SETTINGS, MEASURE_KINDS } from '../../src/domain/workbook';

const row = (overrides: Partial<SettingRowFacts>): SettingRowFacts => ({
  setting: 'Measure',
  value: 'Spelling test',
  kind: 'Score out of',
  outOf: 10,
  better: 'Higher',
  ...overrides,
});

describe('the default measures', () => {
  it('are the twelve of issue 10, each a Measure row that reads back with no problems', () => {
    const read = measuresFrom(DEFAULT_MEASURES);
    expect(read.problems).toEqual([]);
    expect(read.measures.map((m) => m.name)).toEqual([
      'Spelling test',
      'Phonics check',
      'Mental maths',
      'Reading age',
      'Spelling age',
      'Standardised reading score',
      'Behaviour incidents a week',
      'Attendance',
      'Pupil self-rating',
      'Boxall strand',
      'Observation',
      'Parent or key-worker feedback',
    ]);
    expect(DEFAULT_MEASURES.every((m) => m.setting === MEASURE_SETTING && m.notes !== '')).toBe(
      true,
    );
  });

  it('spelling /10, phonics /40, mental maths /20; incidents fewer is better; Boxall 1 to 5', () => {
    const { measures } = measuresFrom(DEFAULT_MEASURES);
    const named = (name: string) => measureNamed(measures, name);
    expect(named('Spelling test')).toEqual({
      name: 'Spelling test',
      kind: 'Score out of',
      outOf: 10,
      better: 'Higher',
    });
    expect(named('Phonics check')?.outOf).toBe(40);
    expect(named('Mental maths')?.outOf).toBe(20);
    expect(named('Reading age')).toEqual({
      name: 'Reading age',
      kind: 'Age in months',
      better: 'Higher',
    });
    expect(named('Behaviour incidents a week')).toMatchObject({ kind: 'Count', better: 'Lower' });
    expect(named('Boxall strand')?.kind).toBe('Rating 1 to 5');
    expect(named('Observation')?.kind).toBe('Words only');
  });

  it('use every kind of measure', () => {
    expect(new Set(DEFAULT_MEASURES.map((m) => m.kind))).toEqual(new Set(MEASURE_KINDS));
  });

  it('the reading age row refuses "banana" for the baseline', () => {
    const reading = measureNamed(measuresFrom(DEFAULT_MEASURES).measures, ' reading AGE ')!;
    expect(parseResult(reading, 'banana', 'Baseline')).toEqual({
      ok: false,
      message:
        'Baseline: Reading age is years and months, like "7y 4m", "7:4" or 88 (months) — not "banana"',
    });
  });
});

describe('reading measures from the Settings tab', () => {
  it('takes Measure rows only, in order, with their cells as the sheet holds them', () => {
    const read = measuresFrom([
      { setting: 'Maximum weeks', value: 20, kind: '', outOf: '', better: '' },
      row({ value: 'Spelling test', outOf: '10' }),
      { setting: 'Term', value: 'Autumn', kind: '', outOf: '', better: '' },
      row({ setting: ' measure ', value: ' Times tables ', kind: 'score OUT OF', outOf: 12 }),
      row({ value: 'Lates a week', kind: 'Count', outOf: '', better: 'lower' }),
    ]);
    expect(read).toEqual({
      measures: [
        { name: 'Spelling test', kind: 'Score out of', outOf: 10, better: 'Higher' },
        { name: 'Times tables', kind: 'Score out of', outOf: 12, better: 'Higher' },
        { name: 'Lates a week', kind: 'Count', better: 'Lower' },
      ],
      problems: [],
    });
  });

  it('blank Better when is Higher; Out of is ignored for other kinds', () => {
    expect(
      measuresFrom([row({ value: 'Reading age', kind: 'Age in months', outOf: 10, better: '' })]),
    ).toEqual({
      measures: [{ name: 'Reading age', kind: 'Age in months', better: 'Higher' }],
      problems: [],
    });
  });

  it('reports, and leaves out, a row it cannot use', () => {
    const read = measuresFrom([
      row({ value: '' }),
      row({ value: 'Reading level', kind: 'Book band' }),
      row({ value: 'Fluency', kind: '' }),
      row({ value: 'Times tables', outOf: '' }),
      row({ value: 'Number bonds', outOf: 'ten' }),
      row({ value: 'Phonics', outOf: 0 }),
      row({ value: 'Incidents', kind: 'Count', better: 'Fewer' }),
      row({ value: 'Spelling test' }),
      row({ value: 'spelling test', outOf: 20 }),
    ]);
    expect(read.measures).toEqual([
      { name: 'Spelling test', kind: 'Score out of', outOf: 10, better: 'Higher' },
    ]);
    const kinds =
      'Score out of, Age in months, Standardised score, Count, Percentage, Rating 1 to 5, Words only';
    expect(read.problems).toEqual([
      'Settings: a Measure row has no name in Value, so it is left out.',
      `Settings: the measure "Reading level" has Kind "Book band", which is not one the add-on knows: choose one from the list (${kinds}); until then it is left out.`,
      `Settings: the measure "Fluency" has no Kind: choose one from the list (${kinds}); until then it is left out.`,
      'Settings: the measure "Times tables" is a score out of a number, but Out of is blank: enter the top score, like 10; until then it is left out.',
      'Settings: the measure "Number bonds" has Out of "ten": enter the top score as a whole number, like 10; until then it is left out.',
      'Settings: the measure "Phonics" has Out of "0": enter the top score as a whole number, like 10; until then it is left out.',
      'Settings: the measure "Incidents" has Better when "Fewer": choose Higher or Lower; until then it is left out.',
      'Settings: the measure "spelling test" is listed more than once: the first row is used.',
    ]);
  });

  it('finds a measure by name, ignoring case and spaces; blank finds none', () => {
    const { measures } = measuresFrom(DEFAULT_MEASURES);
    expect(measureNamed(measures, 'ATTENDANCE ')?.kind).toBe('Percentage');
    expect(measureNamed(measures, '')).toBeUndefined();
    expect(measureNamed(measures, 'Book band')).toBeUndefined();
  });
});

describe('the outcome scale on the Settings tab', () => {
  const values = (extra: Record<string, unknown> = {}) => ({
    ...Object.fromEntries(DEFAULT_OUTCOME_SETTING_ROWS.map((s) => [s.setting, s.value])),
    ...extra,
  });

  it('writes five labels and four bands, each noting Tes Provision Map’s default scale', () => {
    expect(DEFAULT_OUTCOME_SETTING_ROWS.map((s) => [s.setting, s.value])).toEqual([
      ['Outcome −2 label', 'Significantly less than expected'],
      ['Outcome −1 label', 'Less than expected'],
      ['Outcome 0 label', 'As expected'],
      ['Outcome +1 label', 'More than expected'],
      ['Outcome +2 label', 'Significantly more than expected'],
      ['Outcome −1 if share of planned gain is above', 0],
      ['Outcome 0 if share of planned gain is at least', 0.8],
      ['Outcome +1 if share of planned gain is at least', 1.2],
      ['Outcome +2 if share of planned gain is at least', 1.5],
    ]);
    for (const s of DEFAULT_OUTCOME_SETTING_ROWS) expect(s.notes).toMatch(/Tes Provision Map/);
  });

  it('names no setting twice, and none that DEFAULT_SETTINGS has', () => {
    const names = [...DEFAULT_SETTINGS, ...DEFAULT_OUTCOME_SETTING_ROWS].map((s) => s.setting);
    expect(new Set(names).size).toBe(names.length);
  });

  it('reads back the defaults, and gives them when the settings are missing', () => {
    expect(outcomeSettingsFrom(values())).toEqual(DEFAULT_OUTCOME_SETTINGS);
    expect(outcomeSettingsFrom({})).toEqual(DEFAULT_OUTCOME_SETTINGS);
  });

  it('uses the school’s labels and bands, as numbers or as text', () => {
    const settings = outcomeSettingsFrom(
      values({
        [OUTCOME_LABEL_SETTINGS[0]]: ' On track ',
        [OUTCOME_BAND_SETTINGS.minusOneAbove]: '−0.25',
        [OUTCOME_BAND_SETTINGS.zeroFrom]: '0.7',
        [OUTCOME_BAND_SETTINGS.plusTwoFrom]: 2,
      }),
    );
    expect(settings.labels[0]).toBe('On track');
    expect(settings.bands).toEqual({
      minusOneAbove: -0.25,
      zeroFrom: 0.7,
      plusOneFrom: 1.2,
      plusTwoFrom: 2,
    });
    expect(outcomeScore(0.75, settings.bands)).toBe(0);
    expect(outcomeScore(-0.1, settings.bands)).toBe(-1);
  });

  it('finds a setting retyped with a hyphen for the minus sign, in any case', () => {
    const settings = outcomeSettingsFrom({ 'outcome -2 LABEL': 'Well below' });
    expect(settings.labels[-2]).toBe('Well below');
  });

  it('falls back to the default for a blank label or a band that is not a number', () => {
    const settings = outcomeSettingsFrom(
      values({ [OUTCOME_LABEL_SETTINGS[1]]: '  ', [OUTCOME_BAND_SETTINGS.plusOneFrom]: 'high' }),
    );
    expect(settings.labels[1]).toBe('More than expected');
    expect(settings.bands.plusOneFrom).toBe(1.2);
  });

  it('bands that do not rise all fall back: 0 from 1.3 would put it above +1 from 1.2', () => {
    const settings = outcomeSettingsFrom(values({ [OUTCOME_BAND_SETTINGS.zeroFrom]: 1.3 }));
    expect(settings.bands).toEqual(DEFAULT_OUTCOME_BANDS);
  });
});
