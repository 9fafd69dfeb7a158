/**
 * The end letter: where the pupil started and is now against the target, whether it was reached,
 * what the school decided and what comes next, and how to keep it going at home.
 */
import { startDateOf, type LetterFacts } from './letters-facts';
import { helpAtHome } from './letters-help';
import {
  contactParagraph,
  decisionSentence,
  h,
  nextStepsSentence,
  opening,
  p,
  signOff,
  type LetterBlock,
} from './letters-parts';
import {
  fullDate,
  inPlainWords,
  isPast,
  judgementSentence,
  sentence,
  targetMet,
  weeksInWords,
} from './letters-words';

/** The End letter's thanks when the parents gave their view at a review. */
export const PARENTS_VIEW_THANKS =
  'Thank you for telling us what you think; we have taken it into account.';

export function endLetter(facts: LetterFacts): LetterBlock[] {
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
    const dueWords = due
      ? `: the final review ${isPast(due, facts.today) ? 'was' : 'is'} due on ${fullDate(due)}`
      : '';
    blocks.push(
      p(
        `We do not have ${name}'s final result yet${dueWords}. We will write to you again when we have it.`,
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
    if (met === 'met') blocks.push(p(`${name} reached the target. Well done!`));
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
    if (review?.progress.trim()) {
      blocks.push(p(`Notes from the review: ${sentence(review.progress)}`));
    }
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
