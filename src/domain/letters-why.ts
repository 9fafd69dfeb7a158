/**
 * "Why we chose it for Amy": first the pupil's own place (what the intervention works on, where
 * the pupil started and the target, in plain words), then the school's own reasons, then one plain
 * sentence about the evidence, never the provision map's "Evidence (strong): …" wording, and a web
 * address only on a "Find out more" line of its own.
 */
import type { LetterFacts } from './letters-facts';
import { rationaleParts } from './letters-guard';
import { FOCUS_WORDS, focusOf } from './letters-help';
import { normaliseStrength } from './library';
import { fullDate, resultClause, sentence } from './letters-words';

const EVIDENCE_SENTENCE: Readonly<Record<string, (name: string) => string>> = {
  strong: () => 'Research has found that this kind of support works well for many children.',
  moderate: () => 'Research suggests that this kind of support helps many children.',
  limited: () => 'There is some research suggesting that this kind of support can help.',
  'not yet evaluated': (name) =>
    `This kind of support has not yet been studied in research, so we will check carefully how well it works for ${name}.`,
};

/** "strong", "moderate", "limited", "not yet evaluated", or '' when unknown. */
function strengthKey(text: string): string {
  const key = (normaliseStrength(text).split(' (')[0] ?? '').trim().toLowerCase();
  return key in EVIDENCE_SENTENCE ? key : '';
}

/** The pupil's starting result and target: "At the start (…), Amy's result in … was 4/10." */
export function startingPoint(facts: LetterFacts): string {
  const name = facts.pupil.firstName;
  const { baseline, baselineMeasure, baselineDate, target } = facts.place;
  const parts: string[] = [];
  if (baseline.trim() !== '') {
    const when = baselineDate ? ` (${fullDate(baselineDate)})` : '';
    parts.push(`At the start${when}, ${resultClause(name, baseline, baselineMeasure)}.`);
  }
  if (target.trim() !== '') parts.push(`The target for the end: ${sentence(target)}`);
  return parts.join(' ');
}

export interface Why {
  paragraphs: string[];
  /** A web page about the evidence, for a "Find out more" line ('' when none). */
  link: string;
}

/** The "Why we chose it" section's paragraphs, and its link. */
export function whyWeChoseIt(facts: LetterFacts, { withStart = true } = {}): Why {
  const name = facts.pupil.firstName;
  const provision = facts.provision;
  const focus = focusOf(facts);
  const rationale = rationaleParts(facts.intervention.rationale, provision?.evidenceNote ?? '');
  const paragraphs: string[] = [];

  const place = [
    focus
      ? `It works on ${FOCUS_WORDS[focus]}, and we chose it because ${name} needs some extra help with this at the moment.`
      : '',
    withStart ? startingPoint(facts) : '',
  ]
    .filter(Boolean)
    .join(' ');
  if (place) paragraphs.push(place);

  if (rationale.ownWords) paragraphs.push(sentence(rationale.ownWords));

  const strength =
    strengthKey(provision?.evidenceStrength ?? '') || strengthKey(rationale.strength);
  const libraryLink = (provision?.evidenceLink ?? '').trim();
  const link = /^https?:\/\//i.test(libraryLink) ? libraryLink : (rationale.links[0] ?? '');
  const noted = (provision?.evidenceNote ?? '').trim() !== '' || link !== '';
  const evidence = strength
    ? (EVIDENCE_SENTENCE[strength] as (n: string) => string)(name)
    : noted
      ? 'It is based on published research into what helps children.'
      : '';
  if (evidence) paragraphs.push(evidence);

  if (paragraphs.length === 0) {
    paragraphs.push(
      `We chose it because we believe it is the right support for ${name} at the moment.`,
    );
  }
  return { paragraphs, link };
}

/** "Find out more about the research: https://…". */
export function findOutMore(link: string): string {
  return link ? `Find out more about the research: ${link}` : '';
}

/** The why, as one text (a template's {{rationale}}). */
export function whyText(facts: LetterFacts): string {
  const why = whyWeChoseIt(facts);
  return [...why.paragraphs, findOutMore(why.link)].filter(Boolean).join(' ');
}
