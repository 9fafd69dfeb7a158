/**
 * The mid-point letter: where the pupil started, the halfway result and the target, what staff
 * judged, what happens next, and how to help at home. Made once the programme is over (a letter
 * printed late), it tells what was found and agreed at the halfway point, in the past.
 */
import { programmeOver, startDateOf, type LetterFacts } from './letters-facts';
import { helpAtHome } from './letters-help';
import {
  contactParagraph,
  h,
  nextStepsSentence,
  opening,
  p,
  signOff,
  type LetterBlock,
} from './letters-parts';
import { startingPoint } from './letters-why';
import {
  fullDate,
  isPast,
  judgementSentence,
  resultClause,
  resultValue,
  sentence,
} from './letters-words';

/** ", around Monday 14 December 2026" while the end is ahead; '' once it has passed. */
export function endAroundOf(facts: LetterFacts): string {
  const due = facts.end?.dueDate;
  return due && !isPast(due, facts.today) ? `, around ${fullDate(due)}` : '';
}

/** What was agreed at the halfway review, told after the end. */
function agreedSentence(action: string, name: string): string {
  switch (action.trim().toLowerCase()) {
    case 'change':
      return `At the halfway review we agreed to change the sessions to suit ${name} better.`;
    case 'stop':
      return `At the halfway review we agreed to stop these sessions for ${name} and make a different plan.`;
    case 'new plan':
      return `At the halfway review we agreed a new plan for ${name}.`;
    default:
      return `At the halfway review we agreed that ${name} would carry on with the sessions until the end.`;
  }
}

export function midPointLetter(facts: LetterFacts): LetterBlock[] {
  const name = facts.pupil.firstName;
  const what = facts.intervention.name.trim() || 'the extra support';
  const start = startDateOf(facts);
  const review = facts.midPoint;
  const endAround = endAroundOf(facts);
  const over = programmeOver(facts);
  const blocks = opening(facts, `How ${name} is getting on: halfway through ${what}`);
  blocks.push(
    p(
      `${name} started ${what}${start ? ` on ${fullDate(start)}` : ''}. ${
        over
          ? 'This letter tells you how it was going at the halfway point.'
          : 'We have now reached the halfway point, and this letter tells you how it is going.'
      }`,
    ),
  );

  blocks.push(h('Progress so far'));
  const baseline = startingPoint({ ...facts, place: { ...facts.place, target: '' } });
  const result = review?.result.trim() ?? '';
  if (baseline) blocks.push(p(baseline));
  else blocks.push(p(`We did not record a starting point for ${name} that we can compare with.`));
  if (result !== '') {
    const when = review?.resultDate ?? review?.doneOn;
    // A count reads best as one ("Ava had 3 behaviour incidents a week"); others as "the result".
    const counted = resultClause(name, result, facts.place.baselineMeasure);
    const said = counted.startsWith(`${name} had `) ? counted : `the result${resultValue(result)}`;
    blocks.push(
      p(sentence(`At the halfway review${when ? ` on ${fullDate(when)}` : ''}, ${said}`)),
    );
  } else {
    const due = review?.dueDate;
    const dueWords = due
      ? `: the review ${isPast(due, facts.today) ? 'was' : 'is'} due on ${fullDate(due)}`
      : '';
    blocks.push(
      p(
        `We do not have ${name}'s halfway result yet${dueWords}. We will let you know when we have it.`,
      ),
    );
  }
  if (facts.place.target.trim()) {
    blocks.push(p(`The target by the end is: ${sentence(facts.place.target)}`));
  }
  const judgement = judgementSentence(review?.judgement ?? '', name, false);
  if (judgement) blocks.push(p(over ? judgement.replace(' are ', ' were ') : judgement));
  if (review?.progress.trim()) {
    blocks.push(p(`Notes from the review: ${sentence(review.progress)}`));
  }

  blocks.push(h(over ? 'What happened next' : 'What happens next'));
  const action = review?.furtherAction ?? '';
  blocks.push(
    p(
      over
        ? agreedSentence(action, name)
        : nextStepsSentence(action, name, endAround, false) ||
            `${name} will carry on with the sessions, and we will check progress again at the end${endAround}.`,
    ),
  );

  blocks.push(h('How you can help at home'));
  for (const text of helpAtHome(facts)) blocks.push(p(text));
  blocks.push(p(contactParagraph(facts)));
  return [...blocks, ...signOff(facts)];
}
