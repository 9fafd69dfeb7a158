/**
 * The words of letters to parents: dates in full ("Monday 14 September 2026"), school
 * abbreviations and need codes spelled out, sessions and results in plain sentences, and the tense
 * a date needs on the letter's day. Staff text is only ever matched and replaced by fixed words of
 * ours: it is never used as a pattern or a replacement.
 */
import { format, startOfDay } from 'date-fns';
import { measuredValue } from './review';
import { NEED_CODES } from './workbook';

/** "Monday 14 September 2026". */
export function fullDate(date: Date): string {
  return format(date, 'EEEE d MMMM yyyy');
}

/** Whether a date is before the letter's day (so the letter speaks of it in the past). */
export function isPast(date: Date, today: Date): boolean {
  return startOfDay(date).getTime() < startOfDay(today).getTime();
}

/** Common school abbreviations, spelled out for parents (whole words only). */
const PLAIN_WORDS: readonly [RegExp, string][] = [
  [/\b1:1\b/g, 'one-to-one'],
  [/\bTAs\b/g, 'teaching assistants'],
  [/\bTA\b/g, 'teaching assistant'],
  [/\bSENCos\b/g, 'special educational needs coordinators'],
  [/\bSENCo\b/gi, 'special educational needs coordinator'],
  [/\bSENDCo\b/gi, 'special educational needs coordinator'],
  [/\bEEF\b/g, 'Education Endowment Foundation'],
  [/\bEHCP\b/g, 'Education, Health and Care plan'],
  [/\bEHC plan\b/g, 'Education, Health and Care plan'],
  [/\bSALT\b/g, 'speech and language therapist'],
  [/\bSEND\b/g, 'special educational needs and disabilities'],
  [/\bSEN\b/g, 'special educational needs'],
  [/\bKS([1-5])\b/g, 'key stage $1'],
  [/\bLSA\b/g, 'learning support assistant'],
];

/** Need codes of three letters or more, spelled out where staff typed them in free text. */
const NEED_WORDS: readonly [RegExp, string][] = Object.entries(NEED_CODES)
  .filter(([code]) => code.length >= 3)
  .map(([code, words]) => [new RegExp(`\\b${code}\\b`, 'g'), lowerFirst(words)]);

export function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

export function upperFirst(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Free text typed by staff, with school abbreviations and need codes spelled out. */
export function inPlainWords(text: string): string {
  let out = text.trim();
  for (const [pattern, words] of [...PLAIN_WORDS, ...NEED_WORDS]) out = out.replace(pattern, words);
  return out;
}

/** A sentence from staff text: trimmed, spelled out, ending with a full stop. */
export function sentence(text: string): string {
  const plain = upperFirst(inPlainWords(text));
  if (plain === '') return '';
  return /[.!?]["”’)]*$/.test(plain) ? plain : `${plain}.`;
}

/** "4 sessions a week, 20 minutes each"; '' when unknown. */
export function sessionsInWords(sessionsPerWeek?: number, minutesPerSession?: number): string {
  const sessions =
    sessionsPerWeek === undefined
      ? ''
      : sessionsPerWeek === 1
        ? 'one session a week'
        : `${sessionsPerWeek} sessions a week`;
  const minutes =
    minutesPerSession === undefined
      ? ''
      : `${minutesPerSession} minutes ${sessionsPerWeek === 1 ? 'long' : 'each'}`;
  return [sessions, minutes].filter(Boolean).join(', ');
}

export function weeksInWords(weeks?: number): string {
  if (weeks === undefined) return '';
  return weeks === 1 ? '1 week' : `${weeks} weeks`;
}

export function dateOr(date: Date | undefined, fallback: string): string {
  return date ? fullDate(date) : fallback;
}

/** A measure's name inside a sentence: "Weekly spelling test" → "weekly spelling test". */
function measureInSentence(measure: string): string {
  const plain = inPlainWords(measure);
  const first = plain.split(/\s+/)[0] ?? '';
  // An acronym or a name spelled with capitals inside ("SATs", "McBride") keeps its capitals.
  return /^[A-Z][a-z'’-]*$/.test(first) ? lowerFirst(plain) : plain;
}

/** Measures named for what they are ("reading age"): "Amy's reading age was …". */
const MEASURE_IS_A_QUALITY = /\b(age|score|rating|level|attendance|punctuality)$/i;
/** Measures that count things: "the number of behaviour incidents a week was …". */
const MEASURE_COUNTS = /\b(incidents?|absences?|refusals?|exclusions?|detentions?)\b/i;
/** Measures that are a thing done: "Amy's result in the phonics check was …". */
const MEASURE_IS_A_TASK =
  /\b(test|check|probe|assessment|screening|screener|quiz|observation|profile|survey|questionnaire|task|strand|record)$/i;

/** Whether a result is a figure ("4/10", "8y 2m", "92%") rather than words ("Retells 1 of 3 …"). */
export function isFigure(result: string): boolean {
  return /^[\d.£-]/.test(result.trim());
}

/** " was 6/10" for a figure, ": Retells 2 of 3 parts" for words (never "was Retells …"). */
export function resultValue(result: string): string {
  const value = inPlainWords(result);
  return isFigure(result) ? ` was ${value}` : `: ${value}`;
}

/**
 * "Amy's result in the weekly spelling test was 4/10": a result with what measured it, in words.
 * A result that already says what was measured ("14/40 on the phonics check") is not told twice;
 * a result in words is given after a colon, as written.
 */
export function resultClause(name: string, result: string, measure: string): string {
  const value = inPlainWords(result);
  const typed = measure.trim();
  const firstWord = typed.split(/\s+/)[0]?.toLowerCase() ?? '';
  const figure = isFigure(result);
  if (typed === '' || result.toLowerCase().includes(firstWord)) {
    return figure ? `${name}'s result was ${value}` : `staff noted: ${value}`;
  }
  const words = measureInSentence(typed).replace(/^pupil\s+/i, '');
  const article = MEASURE_IS_A_TASK.test(words) ? 'the ' : '';
  if (!figure) return `${article}${words} found: ${value}`;
  if (MEASURE_COUNTS.test(words)) {
    return /^\d+$/.test(value)
      ? `${name} had ${value} ${words}`
      : `the number of ${words} was ${value}`;
  }
  if (MEASURE_IS_A_QUALITY.test(words)) return `${name}'s ${words} was ${value}`;
  return `${name}'s result in ${article}${words} was ${value}`;
}

const JUDGEMENT_WORDS: Record<string, (name: string) => string> = {
  working: (name) => `Staff judged that the sessions are working well for ${name}.`,
  'partly working': (name) =>
    `Staff judged that the sessions are partly working: ${name} is making some progress.`,
  'not working': (name) =>
    `Staff judged that the sessions are not working as well as we hoped for ${name}.`,
};

const END_JUDGEMENT_WORDS: Record<string, (name: string) => string> = {
  working: (name) => `Staff judged that the sessions worked well for ${name}.`,
  'partly working': (name) =>
    `Staff judged that the sessions partly worked: ${name} made some progress.`,
  'not working': () => 'Staff judged that the sessions did not work as well as we hoped.',
};

export function judgementSentence(judgement: string, name: string, end: boolean): string {
  const words = (end ? END_JUDGEMENT_WORDS : JUDGEMENT_WORDS)[judgement.trim().toLowerCase()];
  return words ? words(name) : '';
}

export type TargetMet = 'met' | 'not met' | 'unknown';

const LOWER_IS_BETTER =
  /fewer|less than|under|below|no more than|at most|incident|error|mistake|absen|late|exclusion|detention|refusal/i;
const RELATIVE_TARGET = /\b(up|down|increase|decrease|gain|improve|rise|fall|reduce)\w*\b|\bby\b/i;

/**
 * Whether a result reached a target, when both are a simple number measured the same way ("8/10 or
 * better" and "9/10"); 'unknown' when they cannot be compared (words, reading ages, "up by 5").
 */
export function targetMet(result: string, target: string, measure = ''): TargetMet {
  if (result.trim() === '' || target.trim() === '') return 'unknown';
  if (RELATIVE_TARGET.test(target)) return 'unknown';
  const got = measuredValue(result);
  const want = measuredValue(target);
  if (!got || !want) return 'unknown';
  const scale = got.outOf !== undefined && want.outOf !== undefined && got.outOf !== want.outOf;
  const g = scale ? got.value / (got.outOf ?? 1) : got.value;
  const w = scale ? want.value / (want.outOf ?? 1) : want.value;
  const strict = /fewer than|less than|under|below|more than/i.test(target);
  const lower = LOWER_IS_BETTER.test(`${target} ${measure}`);
  const met = lower ? (strict ? g < w : g <= w) : strict ? g > w : g >= w;
  return met ? 'met' : 'not met';
}
