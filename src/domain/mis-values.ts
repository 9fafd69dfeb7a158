/**
 * Values as an MIS export writes them, cleaned up into what the Pupils tab holds: dates in UK
 * order, year groups ("Y5", "NC Year 5"), SEN provision codes (K, E, N) and need codes or words.
 */
import { readDate } from './typed-date';
import { NEED_CODE_LIST, NEED_CODES, type NeedCode } from './workbook';
import type { SenStatus, YearGroup } from './pupil';

/**
 * A date as an MIS or spreadsheet writes it, in UK order: 14/3/2016, 14/03/2016, 14-03-2016,
 * 14.03.2016, 2016-03-14, 14 March 2016 or 14-Mar-2016 (a time after it is ignored).
 * Returns yyyy-mm-dd, or undefined when it is not a real date in one of those forms.
 */
export function parseDateText(text: string): string | undefined {
  const read = readDate(text);
  return read.kind === 'date' ? read.iso : undefined;
}

/** "5", "05", "Y5", "Yr 5", "Year 5", "NC Year 5" → "Year 5"; "R", "Rec", "Reception", "YR" → "Reception". */
export function normaliseYearGroup(text: string): YearGroup | undefined {
  const value = text.trim().toLowerCase().replace(/\s+/g, ' ');
  if (
    ['r', 'rec', 'reception', 'yr', 'y r', 'year r', 'year reception', 'fs2', 'f2'].includes(value)
  ) {
    return 'Reception';
  }
  const m = /^(?:(?:nc )?(?:year|yr|y))? ?0?(\d{1,2})$/.exec(value);
  if (!m) return undefined;
  const year = Number(m[1]);
  return year >= 1 && year <= 13 ? (`Year ${year}` as YearGroup) : undefined;
}

/** MIS SEN provision codes and words: K → SEN support, E → EHC plan, N (no SEN) → blank. */
export function normaliseSenStatus(text: string): SenStatus | '' | undefined {
  const value = text
    .trim()
    .toLowerCase()
    .replace(/[^a-z ]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (['', 'n', 'no', 'none', 'no sen', 'not sen', 'not on sen register'].includes(value))
    return '';
  if (['k', 'sen support', 'support', 'k sen support', 'sen support k'].includes(value)) {
    return 'SEN support';
  }
  if (
    [
      'e',
      'ehc plan',
      'ehcp',
      'ehc',
      'e ehc plan',
      'ehc plan e',
      'education health and care plan',
    ].includes(value)
  ) {
    return 'EHC plan';
  }
  return undefined;
}

/** Needs other words schools use for a census code. */
const NEED_ALIASES: Record<string, NeedCode> = { ASC: 'ASD' };

function wordsKey(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z]+/g, ' ')
    .trim();
}

/** "SEMH", "semh", "SEMH - Social, emotional…" or the words alone → "SEMH"; blank → ''. */
export function normaliseNeed(text: string): NeedCode | '' | undefined {
  const value = text.trim();
  if (value === '') return '';
  const asCode = (candidate: string): NeedCode | undefined => {
    const upper = candidate.toUpperCase();
    if (NEED_CODE_LIST.includes(upper as NeedCode)) return upper as NeedCode;
    return NEED_ALIASES[upper];
  };
  const whole = asCode(value);
  if (whole) return whole;
  const prefix = /^([A-Za-z]{2,4})\s*[-–—:(]/.exec(value);
  const fromPrefix = prefix ? asCode(prefix[1]!) : undefined;
  if (fromPrefix) return fromPrefix;
  const words = wordsKey(value);
  return NEED_CODE_LIST.find((code) => wordsKey(NEED_CODES[code]) === words);
}
