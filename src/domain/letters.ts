/**
 * Letters to parents: the start, the mid-point and the end of an intervention, as plain blocks
 * built from plain facts about ONE pupil (letters-facts.ts), and the placeholder engine for a
 * school's own template Doc (letters-placeholders.ts). Pure: src/services/docs.ts turns the blocks
 * into a Google Doc.
 *
 * Plain English a parent reads quickly: the pupil's first name only, dates in full ("Monday 14
 * September 2026") in the tense the letter's day needs, need codes and school abbreviations
 * spelled out, nothing about any other pupil, and none of the provision map's internal notes.
 */
import { format } from 'date-fns';
import { endLetter } from './letters-end';
import {
  LETTER_KIND_INFO,
  withFirstName,
  type LetterFacts,
  type LetterKind,
} from './letters-facts';
import { midPointLetter } from './letters-mid-point';
import type { Letter } from './letters-parts';
import { startLetter } from './letters-start';

export {
  LETTER_KINDS,
  LETTER_KIND_INFO,
  isLetterKind,
  pickReview,
  type LetterFacts,
  type LetterKind,
  type LetterProvisionFacts,
  type LetterReviewFacts,
} from './letters-facts';
export { PARENTS_VIEW_THANKS } from './letters-end';
export type { Letter, LetterBlock } from './letters-parts';
export {
  PLACEHOLDERS,
  fillPlaceholders,
  findPlaceholders,
  placeholderList,
  placeholderSpans,
  placeholderValues,
  type PlaceholderSpan,
} from './letters-placeholders';
export {
  fullDate,
  inPlainWords,
  sessionsInWords,
  targetMet,
  type TargetMet,
} from './letters-words';

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
