/**
 * The Settings tab's measures and outcome scale: the rows "Set up provision map" writes (pre-filled,
 * for the school to edit) and how the add-on reads them back. A measure row the add-on cannot use
 * is reported to the SENCo, never silently guessed at.
 */
import { MEASURE_KINDS, BETTER_WHEN } from './workbook';
import type { BetterWhen, Measure, MeasureKind } from './measures';
import {
  DEFAULT_OUTCOME_BANDS,
  DEFAULT_OUTCOME_LABELS,
  OUTCOME_SCORES,
  outcomeScoreText,
  type OutcomeBands,
  type OutcomeLabels,
  type OutcomeScore,
  type OutcomeSettings,
} from './outcome';

// ---------------------------------------------------------------------------------------------
// Measures

/** The Setting column's text on a measure row. */
export const MEASURE_SETTING = 'Measure';

/** A Settings row for a measure: Value is its name; Kind, Out of and Better when their columns. */
export interface MeasureSettingRow {
  setting: string;
  value: string;
  notes: string;
  kind: MeasureKind;
  outOf: number | '';
  better: BetterWhen;
}

const AGE_NOTE =
  'Typed as "7y 4m", "7:4" or months (88); shows the ratio gain (Brooks, "What works for children and young people with literacy difficulties")';

function measureRow(
  value: string,
  kind: MeasureKind,
  notes: string,
  extra: { outOf?: number; better?: BetterWhen } = {},
): MeasureSettingRow {
  return {
    setting: MEASURE_SETTING,
    value,
    notes,
    kind,
    outOf: extra.outOf ?? '',
    better: extra.better ?? 'Higher',
  };
}

/** The measures of issue 10 (DOMAIN.md, "Ways progress is measured"), for the school to edit. */
export const DEFAULT_MEASURES: readonly MeasureSettingRow[] = [
  measureRow('Spelling test', 'Score out of', 'A weekly test of 10 words; change Out of to fit', {
    outOf: 10,
  }),
  // The Year 1 phonics screening check has 40 words.
  measureRow('Phonics check', 'Score out of', 'Words read correctly out of 40', { outOf: 40 }),
  measureRow('Mental maths', 'Score out of', 'Change Out of to match your test', { outOf: 20 }),
  measureRow('Reading age', 'Age in months', AGE_NOTE),
  measureRow('Spelling age', 'Age in months', AGE_NOTE),
  measureRow(
    'Standardised reading score',
    'Standardised score',
    'Mean 100, SD 15: the change shows as an effect size and the EEF Toolkit’s months of progress',
  ),
  measureRow('Behaviour incidents a week', 'Count', 'Fewer is better', { better: 'Lower' }),
  measureRow('Attendance', 'Percentage', 'Sessions attended, as a percentage'),
  measureRow('Pupil self-rating', 'Rating 1 to 5', 'The pupil’s own view, e.g. on a mood board'),
  // The Boxall Profile's strand scores have scales and norms of their own, which the add-on does
  // not hold; a 1 to 5 rating (as issue 10 lists it) keeps the strand comparable start to end. A
  // school recording raw strand scores changes the row to 'Score out of' with that strand's top.
  measureRow(
    'Boxall strand',
    'Rating 1 to 5',
    'Trained staff only: a 1 to 5 rating of one Boxall Profile strand; for raw strand scores, choose Score out of and the strand’s top score',
  ),
  measureRow(
    'Observation',
    'Words only',
    'Structured or unstructured time; the reviewer scores it',
  ),
  measureRow(
    'Parent or key-worker feedback',
    'Words only',
    'In their words; the reviewer scores it',
  ),
];

/** One Settings row as the store reads it: each cell as it is (text, a number, blank). */
export interface SettingRowFacts {
  setting: unknown;
  value: unknown;
  kind: unknown;
  outOf: unknown;
  better: unknown;
}

export interface MeasuresRead {
  measures: Measure[];
  /** One sentence per row that could not be used, for the SENCo. */
  problems: string[];
}

function cellText(value: unknown): string {
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return '';
}

function fromList<T extends string>(list: readonly T[], text: string): T | undefined {
  return list.find((item) => item.toLowerCase() === text.toLowerCase());
}

/** The measures on the Settings tab ('Measure' rows), in sheet order; the first of a name wins. */
export function measuresFrom(rows: readonly SettingRowFacts[]): MeasuresRead {
  const measures: Measure[] = [];
  const problems: string[] = [];
  const leftOut = 'until then it is left out';
  for (const row of rows) {
    if (cellText(row.setting).toLowerCase() !== MEASURE_SETTING.toLowerCase()) continue;
    const name = cellText(row.value);
    if (name === '') {
      problems.push('Settings: a Measure row has no name in Value, so it is left out.');
      continue;
    }
    const measure = `Settings: the measure "${name}"`;
    const kindText = cellText(row.kind);
    const kind = fromList(MEASURE_KINDS, kindText);
    if (kind === undefined) {
      problems.push(
        kindText === ''
          ? `${measure} has no Kind: choose one from the list (${MEASURE_KINDS.join(', ')}); ${leftOut}.`
          : `${measure} has Kind "${kindText}", which is not one the add-on knows: choose one from the list (${MEASURE_KINDS.join(', ')}); ${leftOut}.`,
      );
      continue;
    }
    const betterText = cellText(row.better);
    // Blank is the usual case (more is better); anything else must say which way.
    const better = betterText === '' ? 'Higher' : fromList(BETTER_WHEN, betterText);
    if (better === undefined) {
      problems.push(
        `${measure} has Better when "${betterText}": choose Higher or Lower; ${leftOut}.`,
      );
      continue;
    }
    let outOf: number | undefined;
    if (kind === 'Score out of') {
      const outOfText = cellText(row.outOf);
      outOf = /^\d{1,4}$/.test(outOfText) && Number(outOfText) > 0 ? Number(outOfText) : undefined;
      if (outOf === undefined) {
        problems.push(
          outOfText === ''
            ? `${measure} is a score out of a number, but Out of is blank: enter the top score, like 10; ${leftOut}.`
            : `${measure} has Out of "${outOfText}": enter the top score as a whole number, like 10; ${leftOut}.`,
        );
        continue;
      }
    }
    if (measures.some((m) => m.name.toLowerCase() === name.toLowerCase())) {
      problems.push(`${measure} is listed more than once: the first row is used.`);
      continue;
    }
    measures.push(outOf === undefined ? { name, kind, better } : { name, kind, outOf, better });
  }
  return { measures, problems };
}

/** The measure with this name (as chosen in a form), ignoring case and spaces at the ends. */
export function measureNamed(measures: readonly Measure[], name: string): Measure | undefined {
  const key = name.trim().toLowerCase();
  return key === '' ? undefined : measures.find((m) => m.name.toLowerCase() === key);
}

// ---------------------------------------------------------------------------------------------
// The outcome scale: labels and bands

type BandKey = keyof OutcomeBands;

/** Each outcome setting's name on the Settings tab. */
export const OUTCOME_LABEL_SETTINGS: Readonly<Record<OutcomeScore, string>> = {
  [-2]: 'Outcome −2 label',
  [-1]: 'Outcome −1 label',
  0: 'Outcome 0 label',
  1: 'Outcome +1 label',
  2: 'Outcome +2 label',
};

export const OUTCOME_BAND_SETTINGS: Readonly<Record<BandKey, string>> = {
  minusOneAbove: 'Outcome −1 if share of planned gain is above',
  zeroFrom: 'Outcome 0 if share of planned gain is at least',
  plusOneFrom: 'Outcome +1 if share of planned gain is at least',
  plusTwoFrom: 'Outcome +2 if share of planned gain is at least',
};

const BAND_KEYS = ['minusOneAbove', 'zeroFrom', 'plusOneFrom', 'plusTwoFrom'] as const;

const SHARE_NOTE =
  'Share of the planned gain achieved, (result − baseline) ÷ (target − baseline): 1 means the target was reached exactly';

/** The outcome settings "Set up provision map" writes, in the shape of DEFAULT_SETTINGS. */
export const DEFAULT_OUTCOME_SETTING_ROWS: readonly {
  setting: string;
  value: string | number;
  notes: string;
}[] = [
  ...OUTCOME_SCORES.map((score) => ({
    setting: OUTCOME_LABEL_SETTINGS[score],
    value: DEFAULT_OUTCOME_LABELS[score],
    notes: `The words for an outcome score of ${outcomeScoreText(score)}: Tes Provision Map's default scale`,
  })),
  ...BAND_KEYS.map((key) => ({
    setting: OUTCOME_BAND_SETTINGS[key],
    value: DEFAULT_OUTCOME_BANDS[key],
    notes: `${SHARE_NOTE}. Default bands onto Tes Provision Map's default −2 to +2 scale`,
  })),
];

/** Setting names as staff may retype them: any dash for the minus sign, any case. */
function settingKey(name: string): string {
  return name
    .trim()
    .replace(/[-‐‑–—]/g, '−')
    .replace(/\s+/g, ' ')
    .toLowerCase();
}

function settingNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value !== 'string') return undefined;
  const text = value.trim().replace(/^[−–]/, '-');
  return /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : undefined;
}

/**
 * The outcome scale from the Settings tab's name → value map. A missing or blank label, or a band
 * that is not a number, falls back to its default; bands that do not rise (−1 < 0 < +1 < +2) all
 * fall back, since they would give scores out of order.
 */
export function outcomeSettingsFrom(values: Readonly<Record<string, unknown>>): OutcomeSettings {
  const byKey = new Map(Object.entries(values).map(([name, value]) => [settingKey(name), value]));
  const read = (name: string) => byKey.get(settingKey(name));

  const label = (score: OutcomeScore): string => {
    const text = read(OUTCOME_LABEL_SETTINGS[score]);
    const typed = typeof text === 'string' ? text.trim() : '';
    return typed === '' ? DEFAULT_OUTCOME_LABELS[score] : typed;
  };
  const labels: OutcomeLabels = {
    [-2]: label(-2),
    [-1]: label(-1),
    0: label(0),
    1: label(1),
    2: label(2),
  };
  const band = (key: BandKey): number =>
    settingNumber(read(OUTCOME_BAND_SETTINGS[key])) ?? DEFAULT_OUTCOME_BANDS[key];
  const bands: OutcomeBands = {
    minusOneAbove: band('minusOneAbove'),
    zeroFrom: band('zeroFrom'),
    plusOneFrom: band('plusOneFrom'),
    plusTwoFrom: band('plusTwoFrom'),
  };
  const rising =
    bands.minusOneAbove < bands.zeroFrom &&
    bands.zeroFrom < bands.plusOneFrom &&
    bands.plusOneFrom < bands.plusTwoFrom;
  return { labels, bands: rising ? bands : { ...DEFAULT_OUTCOME_BANDS } };
}
