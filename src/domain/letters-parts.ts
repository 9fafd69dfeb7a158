/**
 * The pieces every letter to parents shares: its blocks (headings, paragraphs, lists, a small
 * table), the heading and sign-off, who runs the sessions, what the pupil misses, what happens
 * next, and whom to ask. Sentences use the pupil's first name once and then read on without it.
 */
import type { LetterFacts, LetterKind } from './letters-facts';
import { parentSummary } from './letters-guard';
import { fullDate, inPlainWords, sentence } from './letters-words';

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

export const p = (text: string): LetterBlock => ({ type: 'paragraph', text });
export const h = (text: string): LetterBlock => ({ type: 'heading', text });

/** The school's name for a sentence: "the school" when Settings has none (never a gap). */
export function schoolOr(facts: LetterFacts): string {
  return facts.schoolName.trim() || 'the school';
}

/** The school's name as a title (none when blank), the date, the greeting and the heading. */
export function opening(facts: LetterFacts, title: string): LetterBlock[] {
  const blocks: LetterBlock[] = [];
  if (facts.schoolName.trim() !== '') blocks.push({ type: 'title', text: facts.schoolName.trim() });
  blocks.push(p(fullDate(facts.today)));
  blocks.push(p(`Dear parent or carer of ${facts.pupil.firstName},`));
  blocks.push(h(title));
  return blocks;
}

export function signOff(facts: LetterFacts): LetterBlock[] {
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

export function whoRunsIt(facts: LetterFacts): string {
  const { lead, supportedBy } = facts.intervention;
  const who = inPlainWords(lead) || 'a member of our staff';
  const helped = inPlainWords(supportedBy);
  return helped ? `${who}, supported by ${helped}` : who;
}

/**
 * "What happens in a session": the intervention's Summary without any internal notes, else a
 * plain sentence from whether it is for a group or one pupil; '' when neither says anything.
 */
export function sessionSummary(facts: LetterFacts): string {
  const summary = parentSummary(facts.intervention.summary);
  if (summary !== '') return `What happens in a session: ${sentence(summary)}`;
  const name = facts.pupil.firstName;
  switch ((facts.intervention.delivery ?? '').trim().toLowerCase()) {
    case 'group':
      return `In each session, ${name} works in a small group with an adult.`;
    case 'individual':
      return `In each session, ${name} works one-to-one with an adult.`;
    default:
      return '';
  }
}

export function lessonMissedParagraph(facts: LetterFacts): string {
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
    return `The sessions take place at break or lunchtime, so ${name} does not miss any lessons. We make sure there is still time to eat, rest and play.`;
  }
  if (low === 'before or after school') {
    return `The sessions take place before or after school, so ${name} does not miss any lessons.`;
  }
  const when =
    low === 'assembly' || low === 'registration' ? `during ${low}` : `during ${lesson} lessons`;
  const amount = weekly ? ` (about ${weekly} minutes a week)` : '';
  return `The sessions take place ${when}, so ${name} misses some of this time${amount}. The class teacher makes sure nothing important is missed.`;
}

export function contactParagraph(facts: LetterFacts): string {
  const lead = facts.intervention.lead.trim();
  const senco = facts.sencoName.trim();
  const people = [
    lead,
    senco && senco !== lead ? `${senco}, our special educational needs coordinator (SENCo)` : '',
  ].filter(Boolean);
  const who = people.length > 0 ? people.join(' or ') : 'your child’s class teacher';
  return `If you have any questions, please contact ${who}${people.length > 1 ? ',' : ''} through the school office. We are always happy to talk.`;
}

export function nextStepsSentence(
  action: string,
  name: string,
  endAround: string,
  end: boolean,
): string {
  switch (action.trim().toLowerCase()) {
    case 'continue':
      return end
        ? `${name} will carry on with this kind of support for a while longer, and we will keep checking progress.`
        : `${name} will carry on with the sessions as planned until the end${endAround}.`;
    case 'change':
      return `We will change the sessions to suit ${name} better. We will explain the changes and would welcome your ideas.`;
    case 'stop':
      return end
        ? `The sessions have now ended for ${name}, and this support is not needed at the moment.`
        : `We will stop these sessions for ${name} and agree a different plan. We would like to talk to you about it.`;
    case 'new plan':
      return `We will agree a new plan for ${name}, and we would like to talk to you about it.`;
    default:
      return '';
  }
}

/** What the SENCo decided, in words a parent reads (the reasons stay in the provision map). */
export function decisionSentence(decision: string, what: string, name: string): string {
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
