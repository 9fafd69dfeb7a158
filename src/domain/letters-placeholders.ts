/**
 * The placeholders a school's own template Doc may use ("{{pupil_first_name}}"), their values for
 * one pupil and one letter kind, and the engine that fills them. Every value goes in as literal
 * text: nothing typed by staff is ever read as a placeholder, a pattern or markup.
 */
import {
  startDateOf,
  withFirstName,
  type LetterFacts,
  type LetterKind,
  type LetterReviewFacts,
} from './letters-facts';
import { helpAtHome } from './letters-help';
import { endAroundOf } from './letters-mid-point';
import {
  contactParagraph,
  lessonMissedParagraph,
  nextStepsSentence,
  schoolOr,
  sessionSummary,
} from './letters-parts';
import { whyText } from './letters-why';
import {
  dateOr,
  fullDate,
  inPlainWords,
  isPast,
  judgementSentence,
  sessionsInWords,
  targetMet,
  weeksInWords,
} from './letters-words';

export const PLACEHOLDERS: Readonly<Record<string, string>> = {
  school_name: 'The school’s name (Settings tab, School name)',
  today: 'The date of the letter, e.g. Monday 14 September 2026',
  pupil_first_name: 'The pupil’s first name (letters use the first name only)',
  intervention_name: 'The name of the intervention',
  intervention_summary:
    'What happens in a session (the intervention’s summary, or a sentence saying whether it is for a group or one pupil)',
  rationale:
    'Why it was chosen for the pupil: what it works on, where they started, the target, and the evidence in plain words',
  lead_name: 'Who leads the sessions',
  supported_by: 'Who else helps (supported by)',
  senco_name: 'The SENCo’s name (the first SENCo on the Staff tab)',
  sessions: 'How often and how long, e.g. 4 sessions a week, 20 minutes each',
  weeks: 'How many weeks it runs, e.g. 12 weeks',
  start_date: 'The pupil’s start date, in full',
  location: 'Where it happens',
  expected_outcome: 'What the intervention aims to achieve (expected outcome)',
  target: 'The pupil’s own target',
  assessment: 'How progress is measured (assessment methods)',
  baseline: 'The pupil’s result at the start',
  baseline_date: 'When the starting result was measured, in full',
  measure: 'What the results measure (baseline measure)',
  lesson_missed: 'What the pupil misses during the sessions, in a sentence',
  mid_point_date: 'When the mid-point review is (done, or due), in full',
  end_date: 'When the end review is (done, or due), in full',
  review_date:
    'This letter’s review, in full: the mid-point review for the start and mid-point letters, the end review for the end letter',
  result: 'The result of this letter’s review (mid-point or end); “no result yet” when none',
  progress: 'Progress notes from this letter’s review',
  judgement: 'Whether it is working, in a sentence',
  target_met: 'Whether the target was reached, in a sentence (end letter)',
  next_steps: 'What happens next, in a sentence',
  help_at_home:
    'How parents can help at home: the Provision library entry’s “Help at home”, else advice for what the intervention works on',
  contact: 'Who to contact with questions, in a sentence',
};

export function placeholderList(): { name: string; description: string }[] {
  return Object.entries(PLACEHOLDERS).map(([name, description]) => ({ name, description }));
}

/** Every placeholder's value for one pupil and one letter kind: plain text, never markup. */
export function placeholderValues(facts: LetterFacts, kind: LetterKind): Record<string, string> {
  const f = withFirstName(facts);
  const name = f.pupil.firstName;
  const i = f.intervention;
  const start = startDateOf(f);
  const mid = f.midPoint;
  const end = f.end;
  const review = kind === 'end' ? end : mid;
  const reviewWhen = (r?: LetterReviewFacts): Date | undefined =>
    r?.status.trim().toLowerCase() === 'done'
      ? (r.doneOn ?? r.resultDate ?? r.dueDate)
      : r?.dueDate;
  const result =
    kind === 'start' ? '' : review?.result.trim() || (kind === 'end' ? f.place.actual.trim() : '');
  const met = targetMet(result, f.place.target, f.place.baselineMeasure);
  const endAround = endAroundOf(f);
  const action =
    kind === 'start'
      ? ''
      : review?.furtherAction.trim() || (kind === 'end' ? f.place.furtherAction.trim() : '');
  const startNext = start
    ? isPast(start, f.today)
      ? `${name} started the sessions on ${fullDate(start)}.`
      : `${name} will start the sessions on ${fullDate(start)}.`
    : `${name} will start the sessions soon.`;
  return {
    school_name: schoolOr(f),
    today: fullDate(f.today),
    pupil_first_name: name,
    intervention_name: i.name.trim(),
    intervention_summary: sessionSummary(f).replace(/^What happens in a session: /, ''),
    rationale: whyText(f),
    lead_name: i.lead.trim(),
    supported_by: inPlainWords(i.supportedBy),
    senco_name: f.sencoName.trim(),
    sessions: sessionsInWords(i.sessionsPerWeek, i.minutesPerSession),
    weeks: weeksInWords(i.lengthWeeks),
    start_date: dateOr(start, 'to be confirmed'),
    location: inPlainWords(i.location),
    expected_outcome: inPlainWords(i.expectedOutcome),
    target: inPlainWords(f.place.target),
    assessment: inPlainWords(i.assessmentMethods),
    baseline: inPlainWords(f.place.baseline) || 'not recorded',
    baseline_date: dateOr(f.place.baselineDate, 'not recorded'),
    measure: inPlainWords(f.place.baselineMeasure),
    lesson_missed: lessonMissedParagraph(f),
    mid_point_date: dateOr(reviewWhen(mid), 'to be confirmed'),
    end_date: dateOr(reviewWhen(end), 'to be confirmed'),
    review_date: dateOr(reviewWhen(kind === 'end' ? end : mid), 'to be confirmed'),
    result: kind === 'start' ? 'no result yet' : inPlainWords(result) || 'no result yet',
    progress: kind === 'start' ? '' : inPlainWords(review?.progress ?? ''),
    judgement:
      kind === 'start' ? '' : judgementSentence(review?.judgement ?? '', name, kind === 'end'),
    target_met:
      result === ''
        ? `We do not have ${name}'s result yet.`
        : met === 'met'
          ? `${name} reached the target.`
          : met === 'not met'
            ? `${name} has not reached the target yet.`
            : `We will talk to you about whether ${name} reached the target.`,
    next_steps:
      kind === 'start'
        ? startNext
        : nextStepsSentence(action, name, endAround, kind === 'end') ||
          (kind === 'end'
            ? `We will let you know the next steps for ${name} once the final review is done.`
            : `${name} will carry on with the sessions, and we will check progress again at the end${endAround}.`),
    help_at_home: helpAtHome(f).join(' '),
    contact: contactParagraph(f),
  };
}

export interface PlaceholderSpan {
  /** The name as typed, lower-cased: "pupil_first_name". */
  name: string;
  /** Offsets in the text: [start, end) of the whole "{{ ... }}". */
  start: number;
  end: number;
}

const PLACEHOLDER = /\{\{\s*([A-Za-z][A-Za-z0-9_]*)\s*\}\}/g;

/** Where the placeholders are in a text, in order (repeats included). */
export function placeholderSpans(text: string): PlaceholderSpan[] {
  return [...text.matchAll(PLACEHOLDER)].map((m) => ({
    name: (m[1] ?? '').toLowerCase(),
    start: m.index ?? 0,
    end: (m.index ?? 0) + m[0].length,
  }));
}

/** The placeholder names in a text, each once, in order of first appearance. */
export function findPlaceholders(text: string): string[] {
  return [...new Set(placeholderSpans(text).map((s) => s.name))];
}

/**
 * Fills every known placeholder with its value as LITERAL text (a value that looks like a
 * placeholder, markup or "$&" comes out as typed: it is never read again); unknown ones are left
 * as typed and reported, each once.
 */
export function fillPlaceholders(
  text: string,
  values: Readonly<Record<string, string>>,
): { text: string; unknown: string[] } {
  const unknown: string[] = [];
  let out = '';
  let at = 0;
  for (const span of placeholderSpans(text)) {
    const value = Object.prototype.hasOwnProperty.call(values, span.name)
      ? values[span.name]
      : undefined;
    if (value === undefined) {
      if (!unknown.includes(span.name)) unknown.push(span.name);
      continue;
    }
    out += text.slice(at, span.start) + value;
    at = span.end;
  }
  return { text: out + text.slice(at), unknown };
}
