/**
 * Letters to parents: choose an intervention, see its pupils with links to the letters already
 * made, make one pupil's starting, mid-point or end letter, or make one kind of letter for the
 * whole group, one pupil at a time, with progress shown and a summary of what failed and why.
 */
import type {
  LetterKind,
  LetterOptions,
  LetterPupil,
  LetterPupils,
  LetterResult,
} from '../../src/api/letters-contract';
import { h } from '../dom';
import { loadThen, selectControl } from '../form-kit';
import { renderInterventionPicker } from '../intervention-picker';
import { callServer } from '../server';

const HEADING = 'Letters to parents';

const KINDS: readonly LetterKind[] = ['start', 'mid-point', 'end'];

/** The button's words: "Starting letter", "Mid-point letter", "End letter". */
export const KIND_LABELS: Record<LetterKind, string> = {
  start: 'Starting letter',
  'mid-point': 'Mid-point letter',
  end: 'End letter',
};

/** The same in a sentence: "the starting letter". */
const KIND_IN_WORDS: Record<LetterKind, string> = {
  start: 'starting letter',
  'mid-point': 'mid-point letter',
  end: 'end letter',
};

/** "Make 1 letter", "Make 15 letters". */
export function makeLabel(count: number): string {
  return count === 1 ? 'Make 1 letter' : `Make ${count} letters`;
}

/** "Making letter 3 of 15…". */
export function progressText(done: number, total: number): string {
  return `Making letter ${done} of ${total}…`;
}

/** The plain message for placeholders the add-on does not know. */
export function unknownPlaceholdersText(names: readonly string[]): string {
  const listed = names.map((n) => (n.startsWith('{{') ? n : `{{${n}}}`)).join(', ');
  return (
    `Your template has placeholders the add-on does not know: ${listed}. ` +
    'They were left in the letter: fix the template on the Settings tab.'
  );
}

/** The pupil's name without the year group: "Amy Brown (Year 3)" → "Amy Brown". */
export function pupilName(pupil: LetterPupil): string {
  return pupil.label.replace(/\s*\([^)]*\)\s*$/, '') || pupil.label;
}

/** The group's summary: "Made all 15 letters.", "Made 14 of 15 letters.", "Made both letters.". */
export function summaryText(made: number, total: number): string {
  const noun = total === 1 ? 'letter' : 'letters';
  if (made === total) {
    if (total === 1) return 'Made the letter.';
    return total === 2 ? 'Made both letters.' : `Made all ${total} letters.`;
  }
  if (made === 0)
    return total === 1 ? 'The letter was not made.' : `None of the ${total} letters were made.`;
  return `Made ${made} of ${total} ${noun}.`;
}

/** The intervention shown last, so coming back shows it again. */
const memory = { chosen: '' };

export function render(root: HTMLElement): void {
  loadThen(
    root,
    HEADING,
    () => callServer('getLetterOptions'),
    (options) => renderChooser(root, options),
  );
}

function placeholderHelp(options: LetterOptions): HTMLElement {
  const details = h(
    'details',
    { class: 'letter-help' },
    h('summary', {}, 'Using your own template'),
    h(
      'p',
      {},
      'The add-on uses a plain built-in letter. To use your school’s own letter instead, write it ' +
        'as a Google Doc and put its link on the Settings tab, next to "Start letter template", ' +
        '"Mid-point letter template" or "End letter template". Where the letter should show a ' +
        'detail, type one of these, with the double curly brackets:',
    ),
  );
  if (options.placeholders.length > 0) {
    details.append(
      h(
        'dl',
        { class: 'placeholders' },
        ...options.placeholders.flatMap((p) => [
          h('dt', {}, h('code', {}, p.name.startsWith('{{') ? p.name : `{{${p.name}}}`)),
          h('dd', {}, p.description),
        ]),
      ),
    );
  }
  return details;
}

function renderChooser(root: HTMLElement, options: LetterOptions): void {
  renderInterventionPicker(root, {
    heading: HEADING,
    choices: options.interventions.map((i) => ({ value: i.id, label: i.label })),
    hint: 'Its pupils and their letters are listed below.',
    detailsId: 'intervention-letters',
    intro: [
      h(
        'p',
        { class: 'intro' },
        'Each letter is a new Google Doc in your Drive, in a folder for this school year. Making a ' +
          'letter again makes a new version and keeps the old one.',
      ),
    ],
    after: [placeholderHelp(options)],
    withStatus: false,
    memory,
    load: (id) => callServer('getLetterPupils', id),
    render: (data, { details }) => renderPupils(details, data),
  });
}

/** One pupil's row: their letters so far, and a button for each kind of letter. */
interface PupilRow {
  pupil: LetterPupil;
  item: HTMLElement;
  links: HTMLElement;
  status: HTMLElement;
  buttons: HTMLButtonElement[];
}

function renderPupils(details: HTMLElement, data: LetterPupils): void {
  if (data.pupils.length === 0) {
    details.replaceChildren(
      h('h2', {}, 'No pupils in it yet'),
      h(
        'p',
        {},
        'Add pupils first: in the add-on menu, choose "Pupils in an intervention…". Then come back here.',
      ),
    );
    return;
  }
  let busy = false;
  const rows: PupilRow[] = [];
  const list = h('ul', { class: 'letter-pupils' });
  const setBusy = (on: boolean): void => {
    busy = on;
    for (const row of rows) for (const button of row.buttons) button.disabled = on;
  };

  for (const [index, pupil] of data.pupils.entries()) {
    const name = pupilName(pupil);
    const headingId = `letter-pupil-${index}`;
    const links = h('ul', { class: 'letter-links' });
    const status = h('div', { class: 'status', role: 'status', 'aria-live': 'polite' });
    const buttons = KINDS.map((kind) => {
      const button = h(
        'button',
        { type: 'button', class: 'secondary', 'aria-label': `${KIND_LABELS[kind]} for ${name}` },
        KIND_LABELS[kind],
      );
      button.addEventListener('click', () => {
        if (busy) return;
        setBusy(true);
        status.classList.remove('done');
        status.replaceChildren(h('p', {}, `Making the ${KIND_IN_WORDS[kind]}…`));
        generate(pupil, kind)
          .then((result) => {
            showResult(row, kind, result);
          })
          .finally(() => {
            setBusy(false);
            if (document.activeElement === document.body) button.focus();
          });
      });
      return button;
    });
    const item = h(
      'li',
      { 'aria-labelledby': headingId },
      h('h3', { id: headingId }, pupil.label),
      links,
      h(
        'div',
        { class: 'letter-buttons', role: 'group', 'aria-label': `Make a letter for ${name}` },
        h('p', { class: 'hint' }, 'Make a letter:'),
        ...buttons,
      ),
      status,
    );
    const row: PupilRow = { pupil, item, links, status, buttons };
    rows.push(row);
    showLinks(row);
    list.append(item);
  }

  const group = groupSection(rows, setBusy, () => busy);
  const count = data.pupils.length;
  details.replaceChildren(
    h(
      'section',
      { 'aria-labelledby': 'letter-pupils-heading' },
      h(
        'h2',
        { id: 'letter-pupils-heading' },
        count === 1 ? '1 pupil in it' : `${count} pupils in it`,
      ),
      list,
    ),
    group,
  );
}

/** A server call that never rejects: a failure becomes a result with a message. */
function generate(pupil: LetterPupil, kind: LetterKind): Promise<LetterResult> {
  return callServer('generateLetter', { participantId: pupil.participantId, kind }).catch(
    (error: unknown) => ({
      ok: false as const,
      participantId: pupil.participantId,
      message: (error as Error).message,
    }),
  );
}

function showLinks(row: PupilRow): void {
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

/** Records a new letter on the row: its link, and the message (with unknown placeholders). */
function showResult(
  row: PupilRow,
  kind: LetterKind,
  result: LetterResult,
  { quiet = false } = {},
): void {
  row.status.replaceChildren();
  row.status.classList.remove('done');
  if (result.ok) {
    row.pupil.links[kind] = result.url;
    showLinks(row);
    // For the whole group, the summary says it all: no message on every row.
    if (quiet) return;
    row.status.classList.add('done');
    row.status.append(h('p', {}, result.message));
    if (result.unknownPlaceholders.length > 0) {
      row.status.append(unknownBox(result.unknownPlaceholders));
    }
    if ((result.warnings ?? []).length > 0) row.status.append(checkBox(result.warnings));
  } else if (!quiet) {
    row.status.append(h('p', { class: 'error' }, result.message));
  }
}

/** What to check before sending (e.g. no school name on the Settings tab): made anyway. */
function checkBox(warnings: readonly string[]): HTMLElement {
  return h(
    'div',
    { class: 'warnings' },
    h('p', { class: 'warnings-title' }, 'Check before sending'),
    h('ul', {}, ...warnings.map((w) => h('li', {}, w))),
  );
}

function unknownBox(names: readonly string[]): HTMLElement {
  return h(
    'div',
    { class: 'warnings' },
    h('p', { class: 'warnings-title' }, 'Check your template'),
    h('p', {}, unknownPlaceholdersText(names)),
  );
}

/** "Letters for the whole group": one kind of letter for every pupil, one at a time. */
function groupSection(
  rows: PupilRow[],
  setBusy: (on: boolean) => void,
  isBusy: () => boolean,
): HTMLElement {
  const total = rows.length;
  const kind = selectControl(
    { id: 'group-kind', name: 'group-kind', 'aria-describedby': 'group-kind-hint' },
    undefined,
    KINDS.map((k) => ({ value: k, label: KIND_LABELS[k] })),
  );
  const make = h('button', { type: 'button', class: 'primary' }, makeLabel(total));
  const progressLine = h('p', {});
  const progress = h('progress', { max: String(total), value: '0', 'aria-label': 'Letters made' });
  const live = h('div', { class: 'status', role: 'status', 'aria-live': 'polite' });
  const progressBox = h('div', { class: 'letter-progress', hidden: true }, progress);

  make.addEventListener('click', () => {
    if (isBusy()) return;
    const letterKind = kind.value as LetterKind;
    setBusy(true);
    make.disabled = true;
    kind.disabled = true;
    live.classList.remove('done');
    progressBox.hidden = false;
    progress.value = 0;
    const failed: { name: string; message: string }[] = [];
    const unknown = new Set<string>();
    const toCheck = new Set<string>();
    let made = 0;

    const next = (index: number): Promise<void> => {
      const row = rows[index];
      if (!row) return Promise.resolve();
      progressLine.textContent = progressText(index + 1, total);
      live.replaceChildren(progressLine);
      if (index === 0) live.scrollIntoView({ block: 'nearest' });
      return generate(row.pupil, letterKind).then((result) => {
        progress.value = index + 1;
        showResult(row, letterKind, result, { quiet: true });
        if (result.ok) {
          made += 1;
          for (const name of result.unknownPlaceholders) unknown.add(name);
          for (const warning of result.warnings ?? []) toCheck.add(warning);
        } else {
          failed.push({ name: row.pupil.label, message: result.message });
        }
        return next(index + 1);
      });
    };

    void next(0).finally(() => {
      live.classList.toggle('done', failed.length === 0);
      live.replaceChildren(h('p', {}, summaryText(made, total)));
      if (failed.length > 0) {
        live.append(
          h(
            'div',
            { class: 'notice' },
            h(
              'p',
              {},
              failed.length === 1
                ? '1 letter was not made:'
                : `${failed.length} letters were not made:`,
            ),
            h('ul', {}, ...failed.map((f) => h('li', {}, `${f.name}: ${f.message}`))),
          ),
        );
      }
      if (unknown.size > 0) live.append(unknownBox([...unknown]));
      if (toCheck.size > 0) live.append(checkBox([...toCheck]));
      live.scrollIntoView({ block: 'nearest' });
      setBusy(false);
      make.disabled = false;
      kind.disabled = false;
      if (document.activeElement === document.body) make.focus();
    });
  });

  return h(
    'section',
    { class: 'letter-group', 'aria-labelledby': 'letter-group-heading' },
    h('h2', { id: 'letter-group-heading' }, 'Letters for the whole group'),
    h(
      'div',
      { class: 'field' },
      h('label', { for: 'group-kind' }, 'Letter'),
      h(
        'p',
        { class: 'hint', id: 'group-kind-hint' },
        total === 1
          ? 'One letter for the pupil above.'
          : `One letter for each of the ${total} pupils above, made one at a time.`,
      ),
      kind,
    ),
    h('div', { class: 'actions' }, make),
    progressBox,
    live,
  );
}
