/**
 * Letters to parents: choose an intervention, see its pupils with links to the letters already
 * made, make one pupil's starting, mid-point or end letter, or make one kind of letter for the
 * whole group (letters-group.ts), with progress shown and a summary of what failed and why.
 */
import type {
  LetterKind,
  LetterOptions,
  LetterPupil,
  LetterPupils,
  LetterResult,
} from '../../src/api/letters-contract';
import { h } from '../dom';
import { loadThen } from '../form-kit';
import { renderInterventionPicker } from '../intervention-picker';
import { callServer } from '../server';
import { groupSection } from './letters-group';
import {
  KINDS,
  KIND_IN_WORDS,
  KIND_LABELS,
  checkBox,
  linkLetter,
  pupilName,
  showLinks,
  unknownBox,
  type PupilRow,
} from './letters-parts';

const HEADING = 'Letters to parents';

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

/** Records a new letter on the row: its link, and the message (with unknown placeholders). */
function showResult(row: PupilRow, kind: LetterKind, result: LetterResult): void {
  row.status.replaceChildren();
  row.status.classList.remove('done');
  if (result.ok) {
    linkLetter(row, kind, result.url);
    row.status.classList.add('done');
    row.status.append(h('p', {}, result.message));
    if (result.unknownPlaceholders.length > 0) {
      row.status.append(unknownBox(result.unknownPlaceholders));
    }
    if ((result.warnings ?? []).length > 0) row.status.append(checkBox(result.warnings));
  } else {
    row.status.append(h('p', { class: 'error' }, result.message));
  }
}
