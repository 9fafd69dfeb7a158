/**
 * Letters to parents: the start, the mid-point and the end of an intervention, as plain blocks
 * (headings, paragraphs, lists, a small table) built from plain facts about ONE pupil, and the
 * placeholder engine for a school's own template Doc. Pure: src/services/docs.ts turns the blocks
 * into a Google Doc. Every value goes in as literal text: nothing typed by staff is ever read as a
 * placeholder, a pattern or markup.
 *
 * Plain English a parent reads quickly: the pupil's first name only, dates in full ("Monday 14
 * September 2026"), need codes and common school abbreviations spelled out, nothing about any other
 * pupil (the facts hold one pupil only).
 */
import { format } from 'date-fns';
import { measuredValue } from './review';
import { NEED_CODES } from './workbook';

// ---------------------------------------------------------------------------------------------
// Kinds

export type LetterKind = 'start' | 'mid-point' | 'end';
export const LETTER_KINDS: readonly LetterKind[] = ['start', 'mid-point', 'end'];

export const LETTER_KIND_INFO: Record<
  LetterKind,
  { label: string; column: string; templateSetting: string; reviewKind: string }
> = {
  start: {
    label: 'Start',
    column: 'Start letter',
    templateSetting: 'Start letter template',
    reviewKind: 'Baseline',
  },
  'mid-point': {
    label: 'Mid-point',
    column: 'Mid-point letter',
    templateSetting: 'Mid-point letter template',
    reviewKind: 'Mid-point',
  },
  end: {
    label: 'End',
    column: 'End letter',
    templateSetting: 'End letter template',
    reviewKind: 'End',
  },
};

export function isLetterKind(value: unknown): value is LetterKind {
  return typeof value === 'string' && (LETTER_KINDS as readonly string[]).includes(value);
}

// ---------------------------------------------------------------------------------------------
// Facts (one pupil, one intervention)

export interface LetterReviewFacts {
  status: string;
  dueDate?: Date;
  doneOn?: Date;
  result: string;
  resultDate?: Date;
  progress: string;
  judgement: string;
  furtherAction: string;
  /** What the parents told us at this review, if anything (never quoted back to them). */
  parentsView?: string;
}

export interface LetterFacts {
  /** The letter's date. */
  today: Date;
  schoolName: string;
  sencoName: string;
  pupil: { firstName: string; lastName: string; primaryNeed: string; secondaryNeed: string };
  intervention: {
    name: string;
    lead: string;
    supportedBy: string;
    summary: string;
    rationale: string;
    expectedOutcome: string;
    assessmentMethods: string;
    location: string;
    startDate?: Date;
    lengthWeeks?: number;
    sessionsPerWeek?: number;
    minutesPerSession?: number;
    /** Its Status (kept by the add-on) and the SENCo's decision (Continue, Change or Stop). */
    status?: string;
    decision?: string;
  };
  place: {
    startDate?: Date;
    parentsInformedHow: string;
    baseline: string;
    baselineMeasure: string;
    baselineDate?: Date;
    target: string;
    lessonMissed: string;
    actual: string;
    actualDate?: Date;
    furtherAction: string;
    /** Its Status, and whether the target was met (Yes, Partly, No) as the end review found. */
    status?: string;
    targetMet?: string;
  };
  midPoint?: LetterReviewFacts;
  end?: LetterReviewFacts;
}

/**
 * The review a letter talks about, of one kind for one pupil: the latest one done, else the next
 * one due; cancelled ones never.
 */
export function pickReview<T extends LetterReviewFacts>(reviews: readonly T[]): T | undefined {
  const live = reviews.filter((r) => r.status.trim().toLowerCase() !== 'cancelled');
  const time = (d?: Date): number => d?.getTime() ?? 0;
  const done = live
    .filter((r) => r.status.trim().toLowerCase() === 'done')
    .sort((a, b) => time(b.doneOn ?? b.resultDate) - time(a.doneOn ?? a.resultDate));
  if (done[0]) return done[0];
  return [...live].sort(
    (a, b) => (a.dueDate?.getTime() ?? Infinity) - (b.dueDate?.getTime() ?? Infinity),
  )[0];
}

// ---------------------------------------------------------------------------------------------
// Words

/** "Monday 14 September 2026". */
export function fullDate(date: Date): string {
  return format(date, 'EEEE d MMMM yyyy');
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

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

function upperFirst(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * Free text typed by staff, with school abbreviations and need codes spelled out. The replacements
 * are fixed words of ours: staff text is never used as a pattern or a replacement.
 */
export function inPlainWords(text: string): string {
  let out = text.trim();
  for (const [pattern, words] of [...PLAIN_WORDS, ...NEED_WORDS]) out = out.replace(pattern, words);
  return out;
}

/** A sentence from staff text: trimmed, spelled out, ending with a full stop. */
function sentence(text: string): string {
  const plain = upperFirst(inPlainWords(text));
  if (plain === '') return '';
  return /[.!?)"”’]$/.test(plain) ? plain : `${plain}.`;
}

/** The area of need of a code, in words ("speech, language and communication needs"). */
export function needWords(code: string): string {
  const key = code.trim().toUpperCase();
  const words = (NEED_CODES as Record<string, string>)[key];
  return words === undefined ? '' : lowerFirst(words);
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

function weeksInWords(weeks?: number): string {
  if (weeks === undefined) return '';
  return weeks === 1 ? '1 week' : `${weeks} weeks`;
}

function dateOr(date: Date | undefined, fallback: string): string {
  return date ? fullDate(date) : fallback;
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

function judgementSentence(judgement: string, name: string, end: boolean): string {
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

// ---------------------------------------------------------------------------------------------
// Blocks

export type LetterBlock =
  | { type: 'title'; text: string }
  | { type: 'heading'; text: string }
  | { type: 'paragraph'; text: string }
  | { type: 'list'; items: string[] }
  | { type: 'table'; rows: string[][] };

export interface Letter {
  kind: LetterKind;
  blocks: LetterBlock[];
}

const p = (text: string): LetterBlock => ({ type: 'paragraph', text });
const h = (text: string): LetterBlock => ({ type: 'heading', text });

function startDateOf(facts: LetterFacts): Date | undefined {
  return facts.place.startDate ?? facts.intervention.startDate;
}

/** Help at home, one short paragraph per area of need (primary, then secondary). */
const HELP_AT_HOME: Record<string, (name: string) => string> = {
  learning: (name) =>
    `Little and often works best: ten minutes of reading together, word games, or counting and measuring in everyday life (shopping, cooking) help ${name} practise without pressure. Praise effort rather than getting everything right.`,
  SLCN: (name) =>
    `Talk together about everyday things, give ${name} time to answer, and say back what ${name} says using the right words rather than correcting. Sharing stories and talking about new words helps too.`,
  ASD: (name) =>
    `Clear routines help: tell ${name} about changes in advance, use short and direct words, and allow some quiet time after school.`,
  SEMH: (name) =>
    `Notice and name feelings together ("you seem cross"), keep calm routines at bedtime and in the morning, and praise the times ${name} manages a hard moment well.`,
  HI: (name) =>
    `Face ${name} when you speak, turn down background noise such as the television, and check that ${name} has heard instructions.`,
  VI: (name) =>
    `Good lighting and larger print help, as does describing what is around ${name}. Please keep following any advice from ${name}'s vision specialist.`,
  MSI: (name) =>
    `Keep to familiar routines, face ${name} when you speak and use touch and objects to help explain. Please keep following any advice from ${name}'s specialist teacher.`,
  PD: (name) =>
    `Activities that build strength and control, such as drawing, playdough, building bricks or playing catch, all help. Please keep following any advice from ${name}'s therapist.`,
};

function helpKey(code: string): string | undefined {
  const key = code.trim().toUpperCase();
  if (['SPLD', 'MLD', 'SLD', 'PMLD', 'DS'].includes(key)) return 'learning';
  return key in HELP_AT_HOME ? key : undefined;
}

function helpAtHome(facts: LetterFacts): string[] {
  const name = facts.pupil.firstName;
  const paragraphs: string[] = [];
  const seen = new Set<string>();
  for (const code of [facts.pupil.primaryNeed, facts.pupil.secondaryNeed]) {
    const key = helpKey(code);
    const words = needWords(code);
    if (!key || seen.has(key) || words === '') continue;
    seen.add(key);
    paragraphs.push(`For ${words}: ${(HELP_AT_HOME[key] as (n: string) => string)(name)}`);
  }
  paragraphs.push(
    `Above all, ask ${name} about the sessions, praise the effort ${name} puts in, and tell us about anything at home that might help us, or that worries you.`,
  );
  return paragraphs;
}

function whoRunsIt(facts: LetterFacts): string {
  const { lead, supportedBy } = facts.intervention;
  const who = inPlainWords(lead) || 'a member of our staff';
  const helped = inPlainWords(supportedBy);
  return helped ? `${who}, supported by ${helped}` : who;
}

function lessonMissedParagraph(facts: LetterFacts): string {
  const name = facts.pupil.firstName;
  const lesson = facts.place.lessonMissed.trim();
  const weekly =
    facts.intervention.sessionsPerWeek !== undefined &&
    facts.intervention.minutesPerSession !== undefined
      ? facts.intervention.sessionsPerWeek * facts.intervention.minutesPerSession
      : undefined;
  const low = lesson.toLowerCase();
  if (lesson === '') {
    return `We plan the sessions so that ${name} misses as little class learning as possible. Please ask us if you would like to know which lessons the sessions are taken from.`;
  }
  if (low === 'break or lunchtime') {
    return `The sessions take place at break or lunchtime, so ${name} will not miss any lessons. We make sure ${name} still has time to eat, rest and play.`;
  }
  if (low === 'before or after school') {
    return `The sessions take place before or after school, so ${name} will not miss any lessons.`;
  }
  const when =
    low === 'assembly' || low === 'registration' ? `during ${low}` : `during ${lesson} lessons`;
  const amount = weekly ? ` (about ${weekly} minutes a week)` : '';
  return `The sessions take place ${when}, so ${name} will miss some of this time${amount}. ${name}'s teacher will make sure ${name} catches up on anything important.`;
}

function contactParagraph(facts: LetterFacts): string {
  const lead = facts.intervention.lead.trim();
  const senco = facts.sencoName.trim();
  const people = [
    lead,
    senco && senco !== lead ? `${senco}, our special educational needs coordinator (SENCo)` : '',
  ].filter(Boolean);
  const who = people.length > 0 ? people.join(' or ') : 'your child’s class teacher';
  return `If you have any questions, please contact ${who}${people.length > 1 ? ',' : ''} through the school office. We are always happy to talk.`;
}

function opening(facts: LetterFacts, title: string): LetterBlock[] {
  const blocks: LetterBlock[] = [];
  if (facts.schoolName.trim() !== '') blocks.push({ type: 'title', text: facts.schoolName.trim() });
  blocks.push(p(fullDate(facts.today)));
  blocks.push(p(`Dear parent or carer of ${facts.pupil.firstName},`));
  blocks.push(h(title));
  return blocks;
}

function signOff(facts: LetterFacts): LetterBlock[] {
  const lead = facts.intervention.lead.trim();
  const senco = facts.sencoName.trim();
  const blocks: LetterBlock[] = [p('Yours sincerely,')];
  if (lead && lead === senco) {
    blocks.push(p(`${lead}, special educational needs coordinator, who leads the sessions`));
  } else if (lead) blocks.push(p(`${lead}, who leads the sessions`));
  if (senco && senco !== lead) blocks.push(p(`${senco}, special educational needs coordinator`));
  if (!lead && !senco) blocks.push(p(facts.schoolName.trim() || 'The school'));
  return blocks;
}

/** "Amy's result was 12/40 (Phonics check score), measured on Monday 7 September 2026." */
function baselineSentence(facts: LetterFacts): string {
  const { baseline, baselineMeasure, baselineDate } = facts.place;
  if (baseline.trim() === '') return '';
  // "14/40 on the phonics check" already says what was measured: name the measure only when the
  // result does not (so the letter never reads "result on Phonics check was 14/40 on the phonics check").
  const measureWord = baselineMeasure.trim().split(/\s+/)[0]?.toLowerCase() ?? '';
  const named = measureWord !== '' && baseline.toLowerCase().includes(measureWord);
  const measure = baselineMeasure.trim() && !named ? ` on ${inPlainWords(baselineMeasure)}` : '';
  const when = baselineDate ? `, measured on ${fullDate(baselineDate)}` : '';
  return `When ${facts.pupil.firstName} started, ${facts.pupil.firstName}'s result${measure} was ${inPlainWords(baseline)}${when}.`;
}

function startLetter(facts: LetterFacts): LetterBlock[] {
  const name = facts.pupil.firstName;
  const i = facts.intervention;
  const what = i.name.trim() || 'a small programme of extra support';
  const start = startDateOf(facts);
  const blocks = opening(facts, `Extra support for ${name}: ${what}`);
  blocks.push(
    p(
      `We are writing to let you know that ${name} will be taking part in ${what}${start ? `, starting on ${fullDate(start)}` : ''}. This letter explains what it is, why we chose it for ${name}, and how you can help.`,
    ),
  );
  if (i.summary.trim()) blocks.push(p(`What happens in a session: ${sentence(i.summary)}`));

  blocks.push(h(`Why we chose it for ${name}`));
  blocks.push(
    p(
      sentence(i.rationale) ||
        `We chose it because we believe it is the right support for ${name} at the moment.`,
    ),
  );

  blocks.push(h('Who, when and where'));
  blocks.push({
    type: 'table',
    rows: [
      ['Who runs it', whoRunsIt(facts)],
      ['How often', sessionsInWords(i.sessionsPerWeek, i.minutesPerSession) || 'To be confirmed'],
      ['For how long', weeksInWords(i.lengthWeeks) || 'To be confirmed'],
      ['Starting on', dateOr(start, 'To be confirmed')],
      ['Where', inPlainWords(i.location) || 'In school'],
    ],
  });

  blocks.push(h('What we hope it will achieve'));
  if (i.expectedOutcome.trim()) blocks.push(p(sentence(i.expectedOutcome)));
  if (facts.place.target.trim()) {
    blocks.push(p(`${name}'s own target: ${sentence(facts.place.target)}`));
  }
  if (!i.expectedOutcome.trim() && !facts.place.target.trim()) {
    blocks.push(p(`We will agree a clear target for ${name} and let you know what it is.`));
  }

  blocks.push(h('How we will measure progress'));
  const method = sentence(i.assessmentMethods);
  const mid = facts.midPoint?.dueDate;
  const end = facts.end?.dueDate;
  blocks.push(
    p(
      [
        method ? `We will measure progress like this: ${method}` : '',
        `We check where ${name} is at the start, again halfway through${mid ? ` (around ${fullDate(mid)})` : ''}, and at the end${end ? ` (around ${fullDate(end)})` : ''}, measuring the same way each time so that we can see the progress ${name} makes.`,
      ]
        .filter(Boolean)
        .join(' '),
    ),
  );
  const baseline = baselineSentence(facts);
  if (baseline) blocks.push(p(baseline));

  blocks.push(h(`What ${name} might miss`));
  blocks.push(p(lessonMissedParagraph(facts)));

  blocks.push(h('How you can help at home'));
  for (const text of helpAtHome(facts)) blocks.push(p(text));

  blocks.push(h('Please let us know'));
  if (facts.place.parentsInformedHow.trim().toLowerCase() === 'blanket consent') {
    blocks.push(
      p(
        `You have already given your consent for ${name} to have extra support of this kind, so you do not need to reply. If you would rather ${name} did not take part, or you would like to talk about it, please tell us.`,
      ),
    );
  } else {
    blocks.push(
      p(
        `Please fill in the slip below and return it to the school office, or tell ${name}'s class teacher, to let us know that you are happy for ${name} to take part, or that you would like to talk about it first.`,
      ),
    );
    blocks.push({
      type: 'table',
      rows: [
        [`I am happy for ${name} to take part in ${what}`, 'Yes / No'],
        ['I would like to talk about it first', 'Yes / No'],
        ['Name of parent or carer', ''],
        ['Signed', ''],
        ['Date', ''],
      ],
    });
  }
  blocks.push(p(contactParagraph(facts)));
  return [...blocks, ...signOff(facts)];
}

function nextStepsSentence(action: string, name: string, endAround: string, end: boolean): string {
  switch (action.trim().toLowerCase()) {
    case 'continue':
      return end
        ? `${name} will carry on with this kind of support for a while longer, and we will keep checking progress.`
        : `${name} will carry on with the sessions as planned until the end${endAround}.`;
    case 'change':
      return `We will change the sessions to suit ${name} better. We will explain the changes and would welcome your ideas.`;
    case 'stop':
      return end
        ? `The sessions have now ended for ${name}, and ${name} does not need this support at the moment.`
        : `We will stop these sessions for ${name} and agree a different plan. We would like to talk to you about it.`;
    case 'new plan':
      return `We will agree a new plan for ${name}, and we would like to talk to you about it.`;
    default:
      return '';
  }
}

function midPointLetter(facts: LetterFacts): LetterBlock[] {
  const name = facts.pupil.firstName;
  const what = facts.intervention.name.trim() || 'the extra support';
  const start = startDateOf(facts);
  const review = facts.midPoint;
  const endDue = facts.end?.dueDate;
  const endAround = endDue ? `, around ${fullDate(endDue)}` : '';
  const blocks = opening(facts, `How ${name} is getting on: halfway through ${what}`);
  blocks.push(
    p(
      `${name} started ${what}${start ? ` on ${fullDate(start)}` : ''}. We have now reached the halfway point, and this letter tells you how it is going.`,
    ),
  );

  blocks.push(h('Progress so far'));
  const baseline = baselineSentence(facts);
  const result = review?.result.trim() ?? '';
  if (baseline) blocks.push(p(baseline));
  else blocks.push(p(`We did not record a starting point for ${name} that we can compare with.`));
  if (result !== '') {
    const when = review?.resultDate ?? review?.doneOn;
    blocks.push(
      p(
        `At the halfway review${when ? ` on ${fullDate(when)}` : ''}, ${name}'s result was ${inPlainWords(result)}.`,
      ),
    );
  } else {
    const due = review?.dueDate;
    blocks.push(
      p(
        `We do not have ${name}'s halfway result yet${due ? `: the review is due on ${fullDate(due)}` : ''}. We will let you know when we have it.`,
      ),
    );
  }
  if (facts.place.target.trim()) {
    blocks.push(p(`The target by the end is: ${sentence(facts.place.target)}`));
  }
  const judgement = judgementSentence(review?.judgement ?? '', name, false);
  if (judgement) blocks.push(p(judgement));
  if (review?.progress.trim())
    blocks.push(p(`Notes from the review: ${sentence(review.progress)}`));

  blocks.push(h('What happens next'));
  blocks.push(
    p(
      nextStepsSentence(review?.furtherAction ?? '', name, endAround, false) ||
        `${name} will carry on with the sessions, and we will check progress again at the end${endAround}.`,
    ),
  );

  blocks.push(h('How you can help at home'));
  for (const text of helpAtHome(facts)) blocks.push(p(text));
  blocks.push(p(contactParagraph(facts)));
  return [...blocks, ...signOff(facts)];
}

/** The End letter's thanks when the parents gave their view at a review. */
export const PARENTS_VIEW_THANKS =
  'Thank you for telling us what you think; we have taken it into account.';

function endLetter(facts: LetterFacts): LetterBlock[] {
  const name = facts.pupil.firstName;
  const what = facts.intervention.name.trim() || 'the extra support';
  const start = startDateOf(facts);
  const review = facts.end;
  const result = review?.result.trim() || facts.place.actual.trim();
  const resultDate = review?.result.trim()
    ? (review.resultDate ?? review.doneOn)
    : facts.place.actualDate;
  const target = facts.place.target.trim();
  const blocks = opening(facts, `${name}'s results from ${what}`);
  const weeks = weeksInWords(facts.intervention.lengthWeeks);
  const stopped = [facts.place.status, facts.intervention.status].some(
    (s) => (s ?? '').trim().toLowerCase() === 'stopped',
  );
  blocks.push(
    p(
      stopped
        ? `${what} has now stopped for ${name}${start ? `; it started on ${fullDate(start)}` : ''}. This letter tells you how it went and what happens next.`
        : `${name} has now finished ${what}${start ? `, which started on ${fullDate(start)}` : ''}${weeks ? ` and ran for ${weeks}` : ''}. This letter tells you how it went and what happens next.`,
    ),
  );

  blocks.push(h('Results'));
  const baseline = facts.place.baseline.trim();
  blocks.push({
    type: 'table',
    rows: [
      [
        'Where it started',
        baseline
          ? `${inPlainWords(baseline)}${facts.place.baselineDate ? ` (${fullDate(facts.place.baselineDate)})` : ''}`
          : 'Not recorded',
      ],
      [
        'Where it is now',
        result
          ? `${inPlainWords(result)}${resultDate ? ` (${fullDate(resultDate)})` : ''}`
          : 'No result yet',
      ],
      ['The target', target ? inPlainWords(target) : 'Not recorded'],
    ],
  });
  if (facts.place.baselineMeasure.trim()) {
    blocks.push(
      p(`Each result was measured the same way: ${sentence(facts.place.baselineMeasure)}`),
    );
  }
  if (result === '' && stopped) {
    blocks.push(p(`${what} stopped before its final review, so there is no final result.`));
  } else if (result === '') {
    const due = review?.dueDate;
    blocks.push(
      p(
        `We do not have ${name}'s final result yet${due ? `: the final review is due on ${fullDate(due)}` : ''}. We will write to you again when we have it.`,
      ),
    );
  } else {
    // The end review's own finding first; the words of the result and target otherwise.
    const recorded = (facts.place.targetMet ?? '').trim().toLowerCase();
    const met =
      recorded === 'yes'
        ? 'met'
        : recorded === 'no'
          ? 'not met'
          : recorded === 'partly'
            ? 'partly'
            : targetMet(result, target, facts.place.baselineMeasure);
    if (met === 'met') blocks.push(p(`${name} reached the target. Well done, ${name}!`));
    if (met === 'partly') {
      blocks.push(
        p(`${name} made progress towards the target, but has not reached all of it yet.`),
      );
    }
    if (met === 'not met') blocks.push(p(`${name} has not reached the target yet.`));
    const judgement = judgementSentence(review?.judgement ?? '', name, true);
    if (judgement) blocks.push(p(judgement));
    if (met === 'unknown' && !judgement) {
      blocks.push(p(`We will talk to you about whether ${name} reached the target.`));
    }
    if (review?.progress.trim())
      blocks.push(p(`Notes from the review: ${sentence(review.progress)}`));
  }

  if ([facts.end, facts.midPoint].some((r) => (r?.parentsView ?? '').trim() !== '')) {
    blocks.push(p(PARENTS_VIEW_THANKS));
  }

  blocks.push(h('Next steps'));
  const decided = decisionSentence(facts.intervention.decision ?? '', what, name);
  if (decided) blocks.push(p(decided));
  const action = review?.furtherAction.trim() || facts.place.furtherAction.trim();
  const next = nextStepsSentence(action, name, '', true);
  if (next || !decided) {
    blocks.push(
      p(next || `We will let you know the next steps for ${name} once the final review is done.`),
    );
  }

  blocks.push(h('Keeping it going at home'));
  for (const text of helpAtHome(facts)) blocks.push(p(text));
  blocks.push(p(contactParagraph(facts)));
  return [...blocks, ...signOff(facts)];
}

/** The built-in letter of a kind. */
export function buildLetter(facts: LetterFacts, kind: LetterKind): Letter {
  const safe = withFirstName(facts);
  const blocks =
    kind === 'start'
      ? startLetter(safe)
      : kind === 'mid-point'
        ? midPointLetter(safe)
        : endLetter(safe);
  return { kind, blocks };
}

function withFirstName(facts: LetterFacts): LetterFacts {
  const first = facts.pupil.firstName.trim() || 'your child';
  return { ...facts, pupil: { ...facts.pupil, firstName: first } };
}

/** The letter's text, one block a line (tables as "cell: cell"), for tests and previews. */
export function letterText(letter: Letter): string {
  return letter.blocks
    .map((block) => {
      switch (block.type) {
        case 'list':
          return block.items.map((item) => `• ${item}`).join('\n');
        case 'table':
          return block.rows.map((row) => row.join(': ')).join('\n');
        default:
          return block.text;
      }
    })
    .join('\n');
}

/** "Amy Brown – Phonics catch-up – Start letter – 2026-09-14": so a person finds it in Drive. */
export function letterDocName(facts: LetterFacts, kind: LetterKind): string {
  const pupil = `${facts.pupil.firstName} ${facts.pupil.lastName}`.trim() || 'Pupil';
  const what = facts.intervention.name.trim() || 'Intervention';
  return `${pupil} – ${what} – ${LETTER_KIND_INFO[kind].label} letter – ${format(facts.today, 'yyyy-MM-dd')}`;
}

/** "SEND letters 2026-27": the school year (from August) of the letter's date. */
export function lettersFolderName(today: Date): string {
  const first = today.getMonth() >= 7 ? today.getFullYear() : today.getFullYear() - 1;
  return `SEND letters ${first}-${String((first + 1) % 100).padStart(2, '0')}`;
}

// ---------------------------------------------------------------------------------------------
// Placeholders in a school's own template

export const PLACEHOLDERS: Readonly<Record<string, string>> = {
  school_name: 'The school’s name (Settings tab, School name)',
  today: 'The date of the letter, e.g. Monday 14 September 2026',
  pupil_first_name: 'The pupil’s first name (letters use the first name only)',
  intervention_name: 'The name of the intervention',
  intervention_summary: 'What happens in a session (the intervention’s summary)',
  rationale: 'Why it was chosen (rationale and evidence)',
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
  help_at_home: 'How parents can help at home, for the pupil’s areas of need',
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
  const endAround = end?.dueDate ? `, around ${fullDate(end.dueDate)}` : '';
  const action =
    kind === 'start'
      ? ''
      : review?.furtherAction.trim() || (kind === 'end' ? f.place.furtherAction.trim() : '');
  return {
    school_name: f.schoolName.trim(),
    today: fullDate(f.today),
    pupil_first_name: name,
    intervention_name: i.name.trim(),
    intervention_summary: inPlainWords(i.summary),
    rationale: inPlainWords(i.rationale),
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
        ? `${name} will start the sessions${start ? ` on ${fullDate(start)}` : ''}.`
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

/** What the SENCo decided, in words a parent reads (the reasons stay in the provision map). */
function decisionSentence(decision: string, what: string, name: string): string {
  switch (decision.trim().toLowerCase()) {
    case 'stop':
      return `The school has decided to stop ${what} for now, and will plan what comes next for ${name}.`;
    case 'change':
      return `The school has decided to change how ${what} is run for ${name}, and will tell you what is changing.`;
    case 'continue':
      return `The school has decided to carry on with ${what}.`;
    default:
      return '';
  }
}
