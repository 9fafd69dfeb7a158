/**
 * Pupils in an intervention: choose an intervention, see its pupils, add several at once, and open
 * one pupil's record (parents informed, baseline, target, lesson missed, status) to change it or
 * remove them. The consent gate is shown before saving: a note next to Status while parents
 * informed is missing, and the shared schema refuses Started without it.
 */
import type {
  AddPupilsResult,
  InterventionChoice,
  InterventionPupils,
  ParticipantSummary,
  PupilChoice,
} from '../../src/api/participants-contract';
import {
  CONSENT_NOTE,
  PARTICIPANT_LABELS,
  consentRecorded,
  validateParticipant,
} from '../../src/domain/participant';
import { LESSONS, PARENTS_INFORMED_HOW, PARTICIPANT_STATUSES } from '../../src/domain/workbook';
import { h } from '../dom';
import { loadThen, renderSchemaForm, type GroupSpec } from '../form-kit';
import { renderInterventionPicker, showMessage } from '../intervention-picker';
import { callServer } from '../server';

const HEADING = 'Pupils in an intervention';

/** "Precision teaching – Ms Okafor, Running". */
export function interventionLabel(choice: InterventionChoice): string {
  const details = [choice.lead, choice.status].filter(Boolean).join(', ');
  return details ? `${choice.name} – ${details}` : choice.name;
}

/** The Add button's words: "Add 1 pupil", "Add 3 pupils", "Add pupils" when none is ticked. */
export function addLabel(count: number): string {
  if (count === 0) return 'Add pupils';
  return count === 1 ? 'Add 1 pupil' : `Add ${count} pupils`;
}

/** Pupils whose name or year group contains every word typed in the filter. */
export function filterPupils(pupils: readonly PupilChoice[], filter: string): PupilChoice[] {
  const words = filter.toLowerCase().split(/\s+/).filter(Boolean);
  return pupils.filter((pupil) => {
    const text = `${pupil.name} ${pupil.yearGroup}`.toLowerCase();
    return words.every((word) => text.includes(word));
  });
}

/** The list's heading: "No pupils in it yet", "1 pupil in it", "3 pupils in it". */
export function pupilsInIt(count: number): string {
  if (count === 0) return 'No pupils in it yet';
  return count === 1 ? '1 pupil in it' : `${count} pupils in it`;
}

/** "Year 4 · Planned · Parents informed: not recorded yet". */
export function participantDetails(place: ParticipantSummary): string {
  return [
    place.yearGroup,
    place.status || 'No status',
    place.consentRecorded ? 'Parents informed: recorded' : 'Parents informed: not recorded yet',
  ]
    .filter(Boolean)
    .join(' · ');
}

/** The statuses offered in the form: Removed has its own button (with a confirmation). */
const STATUS_CHOICES = PARTICIPANT_STATUSES.filter((s) => s !== 'Removed');

function groups(intervention: InterventionChoice, measures: readonly string[]): GroupSpec[] {
  const L = PARTICIPANT_LABELS;
  const starts = intervention.startDateText
    ? `The intervention starts on ${intervention.startDateText}. Change this if the pupil starts on another day.`
    : 'The day this pupil starts the intervention.';
  return [
    {
      legend: 'Place in the intervention',
      fields: [
        {
          key: 'status',
          label: L.status,
          kind: 'select',
          options: STATUS_CHOICES,
          prompt: 'Choose a status',
          hint: 'A pupil can be marked Started once you have recorded that their parents were informed (below).',
        },
        { key: 'startDate', label: L.startDate, kind: 'date', hint: starts },
        {
          key: 'lessonMissed',
          label: L.lessonMissed,
          kind: 'select',
          options: LESSONS,
          prompt: 'None, or not decided yet',
          hint: 'The lesson the sessions are taken from, so the time a pupil misses can be totalled.',
        },
      ],
    },
    {
      legend: 'Parents',
      hint: 'Record when and how parents were told about the intervention, or why they were not (for example, blanket consent on the admission form).',
      fields: [
        { key: 'parentsInformedOn', label: L.parentsInformedOn, kind: 'date' },
        {
          key: 'parentsInformedHow',
          label: L.parentsInformedHow,
          kind: 'select',
          options: PARENTS_INFORMED_HOW,
          prompt: 'Choose how',
        },
        {
          key: 'parentsNotInformedBecause',
          label: L.parentsNotInformedBecause,
          kind: 'textarea',
          hint: 'Only if they were not told directly, e.g. "Blanket consent recorded on admission form, 2025".',
        },
      ],
    },
    {
      legend: 'Starting point and target',
      hint: 'Measure at the start and at the end with the same measure.',
      fields: [
        {
          key: 'baseline',
          label: L.baseline,
          kind: 'text',
          hint: 'Where the pupil is now, e.g. 4/10 in spelling tests, or reading age 6y 4m.',
        },
        {
          key: 'baselineMeasure',
          label: L.baselineMeasure,
          kind: 'select',
          options: measures,
          prompt: 'Choose a measure',
          hint: 'The same measure at the start, the mid-point and the end. The SENCo can add measures on the Settings tab.',
        },
        { key: 'baselineDate', label: L.baselineDate, kind: 'date' },
        {
          key: 'target',
          label: L.target,
          kind: 'textarea',
          hint: 'Specific, measurable, achievable, relevant and time-bound, e.g. 8/10 or better in weekly spelling tests by February half term.',
        },
      ],
    },
    {
      legend: 'At the end',
      fields: [
        {
          key: 'actual',
          label: L.actual,
          kind: 'text',
          hint: 'The result with the same measure as the baseline.',
        },
        { key: 'actualDate', label: L.actualDate, kind: 'date' },
        {
          key: 'evaluation',
          label: L.evaluation,
          kind: 'textarea',
          hint: 'What progress was made, and anything else that affected it.',
        },
        { key: 'furtherAction', label: L.furtherAction, kind: 'textarea' },
      ],
    },
  ];
}

// ---------------------------------------------------------------------------------------------
// The list: choose an intervention, see its pupils, add pupils

/** The intervention shown last, so "Back to the list" returns to it. */
const memory = { chosen: '' };

export function render(root: HTMLElement): void {
  loadThen(
    root,
    HEADING,
    () => callServer('getParticipantsOptions'),
    (options) => renderList(root, options.interventions),
  );
}

function renderList(
  root: HTMLElement,
  interventions: InterventionChoice[],
  message?: { text: string; warnings?: string[] },
): void {
  renderInterventionPicker(root, {
    heading: HEADING,
    choices: interventions.map((i) => ({ value: i.id, label: interventionLabel(i) })),
    hint: 'Its pupils are listed below. Running and planned interventions come first.',
    detailsId: 'intervention-pupils',
    message,
    memory,
    load: (id) => callServer('getInterventionPupils', id),
    render: (data, { details, status, reload }) =>
      renderPupils(root, details, status, data, interventions, reload),
  });
}

function renderPupils(
  root: HTMLElement,
  details: HTMLElement,
  status: HTMLElement,
  data: InterventionPupils,
  interventions: InterventionChoice[],
  reload: () => void,
): void {
  const { intervention } = data;
  const facts = [
    intervention.startDateText ? `Start date: ${intervention.startDateText}` : '',
    intervention.sessions,
  ].filter(Boolean);

  const list = h('ul', { class: 'pupil-list' });
  for (const place of data.participants) {
    const describedBy = `${place.id}-details`;
    const open = h(
      'button',
      { type: 'button', class: 'secondary pupil', 'aria-describedby': describedBy },
      place.pupilName,
    );
    open.addEventListener('click', () =>
      renderRecord(root, intervention, place, interventions, data.measures),
    );
    list.append(
      h(
        'li',
        {},
        open,
        h('p', { class: 'hint', id: describedBy }, participantDetails(place)),
        ...(place.warnings.length > 0
          ? [
              h(
                'p',
                { class: 'hint' },
                place.warnings.length === 1
                  ? '1 good-practice warning: open the record to see it.'
                  : `${place.warnings.length} good-practice warnings: open the record to see them.`,
              ),
            ]
          : []),
      ),
    );
  }

  const count = data.participants.length;
  const section = h(
    'section',
    { 'aria-labelledby': 'pupils-heading' },
    h('h2', { id: 'pupils-heading' }, pupilsInIt(count)),
  );
  if (facts.length > 0) section.append(h('p', { class: 'hint' }, facts.join(' · ')));
  if (count === 0) {
    section.append(h('p', {}, 'Add pupils below.'));
  } else {
    section.append(h('p', { class: 'hint' }, 'Choose a pupil to record or change their details.'));
    section.append(list);
  }
  if (data.removedCount > 0) {
    section.append(
      h(
        'p',
        { class: 'hint' },
        data.removedCount === 1
          ? '1 pupil was removed: their record is kept on the Participants tab.'
          : `${data.removedCount} pupils were removed: their records are kept on the Participants tab.`,
      ),
    );
  }
  details.replaceChildren(section, addSection(intervention, data.available, status, reload));
}

/** "Pupils to add": a filter box and a checkbox per pupil, then one Add for all ticked. */
function addSection(
  intervention: InterventionChoice,
  available: PupilChoice[],
  status: HTMLElement,
  reload: () => void,
): HTMLElement {
  const section = h(
    'section',
    { 'aria-labelledby': 'add-heading' },
    h('h2', { id: 'add-heading' }, 'Add pupils'),
  );
  if (available.length === 0) {
    section.append(
      h(
        'p',
        {},
        'Every pupil on the Pupils tab is already in this intervention. Add pupils to the Pupils tab first.',
      ),
    );
    return section;
  }
  const ticked = new Set<string>();
  const error = h('p', { class: 'error', id: 'pupils-to-add-error', hidden: true });
  const alert = h('div', { class: 'alert', role: 'alert', 'aria-live': 'assertive' });
  const filter = h('input', {
    id: 'pupil-filter',
    type: 'search',
    autocomplete: 'off',
    'aria-describedby': 'pupil-filter-hint',
    'aria-controls': 'pupils-to-add-list',
  });
  const shown = h('p', { class: 'hint', role: 'status', 'aria-live': 'polite' });
  const boxes = h('div', { id: 'pupils-to-add-list', class: 'checkboxes' });
  const add = h('button', { type: 'submit', class: 'primary' }, addLabel(0));
  const fieldset = h(
    'fieldset',
    { 'aria-describedby': 'pupils-to-add-hint' },
    h('legend', {}, 'Pupils to add'),
    h(
      'p',
      { class: 'hint', id: 'pupils-to-add-hint' },
      `Tick each pupil to add. They start as Planned, from ${
        intervention.startDateText || "the intervention's start date"
      }.`,
    ),
    h('label', { for: 'pupil-filter' }, 'Filter pupils'),
    h('p', { class: 'hint', id: 'pupil-filter-hint' }, 'Type part of a name or a year group.'),
    filter,
    shown,
    boxes,
    error,
  );
  const form = h(
    'form',
    { novalidate: true },
    alert,
    fieldset,
    h('div', { class: 'actions' }, add),
  );
  section.append(form);

  const showBoxes = (): void => {
    const matching = filterPupils(available, filter.value);
    boxes.replaceChildren(
      ...matching.map((pupil) => {
        const id = `add-${pupil.id}`;
        const box = h('input', {
          type: 'checkbox',
          id,
          name: 'pupils-to-add',
          value: pupil.id,
          'aria-describedby': pupil.yearGroup ? `${id}-year` : undefined,
        });
        box.checked = ticked.has(pupil.id);
        box.addEventListener('change', () => {
          if (box.checked) ticked.add(pupil.id);
          else ticked.delete(pupil.id);
          add.textContent = addLabel(ticked.size);
          if (ticked.size > 0) setError('');
        });
        return h(
          'div',
          { class: 'checkbox' },
          box,
          h('label', { for: id }, pupil.name),
          ...(pupil.yearGroup
            ? [h('span', { class: 'hint', id: `${id}-year` }, pupil.yearGroup)]
            : []),
        );
      }),
    );
    const hidden = available.length - matching.length;
    shown.textContent =
      filter.value.trim() === ''
        ? ''
        : matching.length === 0
          ? 'No pupils match.'
          : `${matching.length} of ${available.length} pupils shown${
              hidden > 0 && [...ticked].some((id) => !matching.some((p) => p.id === id))
                ? ' (pupils you ticked stay ticked)'
                : ''
            }.`;
  };
  filter.addEventListener('input', showBoxes);
  showBoxes();

  function setError(message: string): void {
    error.textContent = message;
    error.hidden = message === '';
    if (message)
      fieldset.setAttribute('aria-describedby', 'pupils-to-add-hint pupils-to-add-error');
    else fieldset.setAttribute('aria-describedby', 'pupils-to-add-hint');
  }

  let saving = false;
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (saving) return;
    alert.replaceChildren();
    if (ticked.size === 0) {
      setError('Pupils to add: choose at least one pupil');
      boxes.querySelector('input')?.focus();
      return;
    }
    saving = true;
    add.disabled = true;
    add.textContent = 'Adding…';
    callServer('addPupilsToIntervention', {
      interventionId: intervention.id,
      pupilIds: [...ticked],
    })
      .then((result: AddPupilsResult) => {
        if (result.ok) {
          showMessage(status, result.message, result.warnings);
          reload();
          // The list and this button are redrawn: focus the message, so keyboard users are not lost.
          status.setAttribute('tabindex', '-1');
          status.focus();
        } else {
          const messages = Object.values(result.errors);
          setError(result.errors.pupilIds ?? '');
          alert.replaceChildren(
            h('p', {}, result.message),
            h('ul', {}, ...messages.map((m) => h('li', {}, m))),
          );
        }
      })
      .catch((failure: unknown) => {
        alert.replaceChildren(h('p', {}, (failure as Error).message));
      })
      .finally(() => {
        saving = false;
        add.disabled = false;
        add.textContent = addLabel(ticked.size);
      });
  });
  return section;
}

// ---------------------------------------------------------------------------------------------
// One pupil's record

function renderRecord(
  root: HTMLElement,
  intervention: InterventionChoice,
  place: ParticipantSummary,
  interventions: InterventionChoice[],
  measures: readonly string[],
): void {
  const back = h('button', { type: 'button', class: 'secondary' }, 'Back to the list');
  back.addEventListener('click', () => {
    renderList(root, interventions);
    root.querySelector<HTMLElement>('#intervention')?.focus();
  });
  const warnings =
    place.warnings.length > 0
      ? [
          h(
            'div',
            { class: 'warnings' },
            h('p', { class: 'warnings-title' }, 'Good-practice warnings:'),
            h('ul', {}, ...place.warnings.map((w) => h('li', {}, w))),
          ),
        ]
      : [];

  const form = renderSchemaForm(root, {
    heading: place.pupilName,
    intro: [`${intervention.name}.`, place.yearGroup ? `${place.yearGroup}.` : '']
      .filter(Boolean)
      .join(' '),
    before: [h('p', {}, back), ...warnings],
    groups: groups(intervention, measures),
    validate: (values) => validateParticipant({ ...values, id: place.id }),
    initial: place.form,
    resetAfterSave: false,
    submit: (_values, valid) => callServer('saveParticipant', valid),
    onSaved: () => {
      // The saved warnings are in the status box now; the ones shown before may be out of date.
      for (const box of warnings) box.remove();
    },
  });

  // The consent gate, made plain before saving: a note next to Status while it is missing.
  const note = h('p', { class: 'hint consent-note', id: 'status-consent', 'aria-live': 'polite' });
  form.control('status')?.closest('.field')?.append(note);
  const updateNote = (): void => {
    const v = form.values();
    const recorded = consentRecorded({
      parentsInformedOn: v.parentsInformedOn ?? '',
      parentsInformedHow: v.parentsInformedHow ?? '',
      parentsNotInformedBecause: v.parentsNotInformedBecause ?? '',
    });
    note.textContent = recorded ? '' : CONSENT_NOTE;
  };
  // Status's problem depends on these fields: recheck a problem shown on it as they change.
  const recheckStatus = (): void => {
    updateNote();
    form.control('status')?.dispatchEvent(new Event('change'));
  };
  for (const key of ['parentsInformedOn', 'parentsInformedHow', 'parentsNotInformedBecause']) {
    const control = form.control(key);
    control?.addEventListener('input', recheckStatus);
    control?.addEventListener('change', recheckStatus);
  }
  updateNote();

  form.form.after(removeSection(root, intervention, place, interventions));
}

/** "Remove from intervention", confirmed in place (the row stays, marked Removed). */
function removeSection(
  root: HTMLElement,
  intervention: InterventionChoice,
  place: ParticipantSummary,
  interventions: InterventionChoice[],
): HTMLElement {
  const remove = h('button', { type: 'button', class: 'secondary' }, 'Remove from intervention');
  const area = h('div', { class: 'remove' });
  const section = h(
    'section',
    { class: 'actions', 'aria-labelledby': 'remove-heading' },
    h('h2', { id: 'remove-heading' }, 'Remove from this intervention'),
    h(
      'p',
      { class: 'hint' },
      'For a pupil added by mistake or who will not take part. Their record stays on the Participants tab, marked Removed.',
    ),
    remove,
    area,
  );
  remove.addEventListener('click', () => {
    remove.hidden = true;
    const yes = h('button', { type: 'button', class: 'primary' }, `Yes, remove ${place.pupilName}`);
    const no = h('button', { type: 'button', class: 'secondary' }, 'Cancel');
    const problem = h('div', { class: 'alert', role: 'alert', 'aria-live': 'assertive' });
    area.replaceChildren(
      h('p', { id: 'remove-question' }, `Remove ${place.pupilName} from ${intervention.name}?`),
      problem,
      h('div', { class: 'actions' }, yes, ' ', no),
    );
    yes.setAttribute('aria-describedby', 'remove-question');
    yes.focus();
    no.addEventListener('click', () => {
      area.replaceChildren();
      remove.hidden = false;
      remove.focus();
    });
    yes.addEventListener('click', () => {
      yes.disabled = true;
      yes.textContent = 'Removing…';
      callServer('removeParticipant', place.id)
        .then((result) => {
          if (result.ok) {
            renderList(root, interventions, { text: result.message });
          } else {
            problem.replaceChildren(
              h('p', {}, Object.values(result.errors).join(' ') || result.message),
            );
            yes.disabled = false;
            yes.textContent = `Yes, remove ${place.pupilName}`;
          }
        })
        .catch((error: unknown) => {
          problem.replaceChildren(h('p', {}, (error as Error).message));
          yes.disabled = false;
          yes.textContent = `Yes, remove ${place.pupilName}`;
        });
    });
  });
  return section;
}
