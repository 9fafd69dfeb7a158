/**
 * What the Letters view's pupil rows and its group section share: the words for each kind of
 * letter, a pupil's row with links to their letters, and the boxes of things to check.
 */
import type { LetterKind, LetterPupil } from '../../src/api/letters-contract';
import { h } from '../dom';

export const KINDS: readonly LetterKind[] = ['start', 'mid-point', 'end'];

/** The button's words: "Starting letter", "Mid-point letter", "End letter". */
export const KIND_LABELS: Record<LetterKind, string> = {
  start: 'Starting letter',
  'mid-point': 'Mid-point letter',
  end: 'End letter',
};

/** The same in a sentence: "the starting letter". */
export const KIND_IN_WORDS: Record<LetterKind, string> = {
  start: 'starting letter',
  'mid-point': 'mid-point letter',
  end: 'end letter',
};

/** One pupil's row: their letters so far, and a button for each kind of letter. */
export interface PupilRow {
  pupil: LetterPupil;
  item: HTMLElement;
  links: HTMLElement;
  status: HTMLElement;
  buttons: HTMLButtonElement[];
}

/** The pupil's name without the year group: "Amy Brown (Year 3)" → "Amy Brown". */
export function pupilName(pupil: LetterPupil): string {
  return pupil.label.replace(/\s*\([^)]*\)\s*$/, '') || pupil.label;
}

/** The plain message for placeholders the add-on does not know. */
export function unknownPlaceholdersText(names: readonly string[]): string {
  const listed = names.map((n) => (n.startsWith('{{') ? n : `{{${n}}}`)).join(', ');
  return (
    `Your template has placeholders the add-on does not know: ${listed}. ` +
    'They were left in the letter: fix the template on the Settings tab.'
  );
}

export function showLinks(row: PupilRow): void {
  const name = pupilName(row.pupil);
  const items = KINDS.filter((kind) => row.pupil.links[kind]).map((kind) =>
    h(
      'li',
      {},
      h(
        'a',
        {
          href: row.pupil.links[kind],
          target: '_blank',
          rel: 'noopener',
          'aria-label': `Open the ${KIND_IN_WORDS[kind]} for ${name} (opens in a new tab)`,
        },
        `Open the ${KIND_IN_WORDS[kind]}`,
      ),
    ),
  );
  if (items.length === 0) {
    row.links.replaceChildren(h('li', { class: 'hint' }, 'No letters yet.'));
  } else {
    row.links.replaceChildren(...items);
  }
}

/** A new letter's link on the pupil's row. */
export function linkLetter(row: PupilRow, kind: LetterKind, url: string): void {
  row.pupil.links[kind] = url;
  showLinks(row);
}

/** What to check before sending (e.g. no school name on the Settings tab): made anyway. */
export function checkBox(warnings: readonly string[]): HTMLElement {
  return h(
    'div',
    { class: 'warnings' },
    h('p', { class: 'warnings-title' }, 'Check before sending'),
    h('ul', {}, ...warnings.map((w) => h('li', {}, w))),
  );
}

export function unknownBox(names: readonly string[]): HTMLElement {
  return h(
    'div',
    { class: 'warnings' },
    h('p', { class: 'warnings-title' }, 'Check your template'),
    h('p', {}, unknownPlaceholdersText(names)),
  );
}
