/**
 * The start letter: what the intervention is, why it was chosen for this pupil, who runs it and
 * when, what it aims for, how progress is measured, what the pupil misses, how to help at home,
 * and the reply slip (or a note that blanket consent was given). Made after the start date (a
 * letter printed late), it speaks of the start in the past.
 */
import { programmeOver, startDateOf, type LetterFacts } from './letters-facts';
import { helpAtHome } from './letters-help';
import {
  contactParagraph,
  h,
  lessonMissedParagraph,
  opening,
  p,
  sessionSummary,
  signOff,
  whoRunsIt,
  type LetterBlock,
} from './letters-parts';
import { findOutMore, whyWeChoseIt } from './letters-why';
import {
  dateOr,
  fullDate,
  inPlainWords,
  isPast,
  sentence,
  sessionsInWords,
  upperFirst,
  weeksInWords,
} from './letters-words';

/** " (around Monday 2 November 2026)" ahead, " (on Monday 2 November 2026)" once it has passed. */
function when(date: Date | undefined, today: Date): string {
  if (!date) return '';
  return isPast(date, today) ? ` (on ${fullDate(date)})` : ` (around ${fullDate(date)})`;
}

/** The three checks, each in the tense the letter's day gives it. */
function measuringParagraph(facts: LetterFacts, started: boolean): string {
  const name = facts.pupil.firstName;
  const method = sentence(facts.intervention.assessmentMethods);
  const today = facts.today;
  const midDate = facts.midPoint?.dueDate;
  const endDate = facts.end?.dueDate;
  const mid = `halfway through${when(midDate, today)}`;
  const end = `at the end${when(endDate, today)}`;
  const midPast = started && midDate !== undefined && isPast(midDate, today);
  const endPast = midPast && endDate !== undefined && isPast(endDate, today);
  const same = 'measuring the same way each time so that we can see the progress made.';
  const checks = !started
    ? `We will check where ${name} is at the start, again ${mid}, and ${end}, ${same}`
    : endPast
      ? `We checked where ${name} was at the start, ${mid} and ${end}, ${same}`
      : midPast
        ? `We checked where ${name} was at the start and again ${mid}, and will check again ${end}, ${same}`
        : `We checked where ${name} was at the start, and will check again ${mid} and ${end}, ${same}`;
  return [method ? `We measure progress like this: ${method}` : '', checks]
    .filter(Boolean)
    .join(' ');
}

export function startLetter(facts: LetterFacts): LetterBlock[] {
  const name = facts.pupil.firstName;
  const i = facts.intervention;
  const what = i.name.trim() || 'a small programme of extra support';
  const start = startDateOf(facts);
  const started = start !== undefined && isPast(start, facts.today);
  const blocks = opening(facts, `Extra support for ${name}: ${what}`);
  blocks.push(
    p(
      started
        ? `We are writing to tell you about ${what}, which ${name} started on ${fullDate(start)}. This letter explains what it is, why we chose it for ${name}, and how you can help.`
        : `We are writing to let you know that ${name} will be taking part in ${what}${start ? `, starting on ${fullDate(start)}` : ''}. This letter explains what it is, why we chose it for ${name}, and how you can help.`,
    ),
  );
  const session = sessionSummary(facts);
  if (session) blocks.push(p(session));

  blocks.push(h(`Why we chose it for ${name}`));
  const why = whyWeChoseIt(facts);
  for (const text of why.paragraphs) blocks.push(p(text));
  if (why.link) blocks.push(p(findOutMore(why.link)));

  blocks.push(h('Who, when and where'));
  blocks.push({
    type: 'table',
    rows: [
      ['Who runs it', whoRunsIt(facts)],
      [
        'How often',
        upperFirst(sessionsInWords(i.sessionsPerWeek, i.minutesPerSession)) || 'To be confirmed',
      ],
      ['For how long', weeksInWords(i.lengthWeeks) || 'To be confirmed'],
      [started ? 'Started on' : 'Starting on', dateOr(start, 'To be confirmed')],
      ['Where', inPlainWords(i.location) || 'In school'],
    ],
  });

  // The pupil's own target is in "Why we chose it"; this is what the programme aims for.
  if (i.expectedOutcome.trim()) {
    blocks.push(h('What we hope it will achieve'));
    blocks.push(p(sentence(i.expectedOutcome)));
  } else if (!facts.place.target.trim()) {
    blocks.push(h('What we hope it will achieve'));
    blocks.push(p(`We will agree a clear target for ${name} and let you know what it is.`));
  }

  blocks.push(h('How we will measure progress'));
  blocks.push(p(measuringParagraph(facts, started)));

  blocks.push(h(`What ${name} might miss`));
  blocks.push(p(lessonMissedParagraph(facts)));

  blocks.push(h('How you can help at home'));
  for (const text of helpAtHome(facts)) blocks.push(p(text));

  blocks.push(h('Please let us know'));
  if (programmeOver(facts)) {
    // Printed once it is over (a copy for the records): nothing left to agree to.
    blocks.push(
      p(`If you would like to talk about ${what} and how it went for ${name}, please tell us.`),
    );
  } else if (facts.place.parentsInformedHow.trim().toLowerCase() === 'blanket consent') {
    blocks.push(
      p(
        `You have already given your consent for ${name} to have extra support of this kind, so you do not need to reply. If you would rather ${name} did not take part, or you would like to talk about it, please tell us.`,
      ),
    );
  } else {
    // Once it has started, the slip asks about carrying on rather than about starting.
    const takePart = started ? 'carry on with' : 'take part in';
    blocks.push(
      p(
        `Please fill in the slip below and return it to the school office, or tell the class teacher, to let us know that you are happy for ${name} to ${started ? 'carry on' : 'take part'}, or that you would like to talk about it${started ? '' : ' first'}.`,
      ),
    );
    blocks.push({
      type: 'table',
      rows: [
        [`I am happy for ${name} to ${takePart} ${what}`, 'Yes / No'],
        [
          started ? 'I would like to talk about it' : 'I would like to talk about it first',
          'Yes / No',
        ],
        ['Name of parent or carer', ''],
        ['Signed', ''],
        ['Date', ''],
      ],
    });
  }
  blocks.push(p(contactParagraph(facts)));
  return [...blocks, ...signOff(facts)];
}
