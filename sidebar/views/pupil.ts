/**
 * The pupil form: choose a pupil to change their details, or "New pupil" to add one. Validated as
 * staff type with the shared schema (dates of birth against the school's today), saved through
 * savePupil, which writes only the fields that changed.
 */
import type { PupilChoice, PupilFormOptions } from '../../src/api/pupils-contract';
import {
  MAX_PUPIL_AGE,
  MIN_PUPIL_AGE,
  NEED_OPTIONS,
  PUPIL_LABELS,
  validatePupil,
  type PupilForm,
} from '../../src/domain/pupil';
import { SEN_STATUSES, YEAR_GROUPS } from '../../src/domain/workbook';
import { h } from '../dom';
import {
  loadThen,
  renderSchemaForm,
  selectControl,
  type FormValues,
  type GroupSpec,
  type SchemaForm,
} from '../form-kit';
import { callServer } from '../server';

const HEADING = 'Pupils';
const NEW_PUPIL = 'New pupil';

export function render(root: HTMLElement): void {
  loadThen(
    root,
    HEADING,
    () => callServer('getPupilFormOptions'),
    (options) => build(root, options),
  );
}

/** The form's sections, given the staff on the Staff tab (class teacher is free text without). */
export function pupilGroups(staff: readonly string[]): GroupSpec[] {
  return [
    {
      legend: 'About the pupil',
      fields: [
        { key: 'firstName', label: PUPIL_LABELS.firstName, kind: 'text' },
        { key: 'lastName', label: PUPIL_LABELS.lastName, kind: 'text' },
        {
          key: 'dateOfBirth',
          label: PUPIL_LABELS.dateOfBirth,
          kind: 'date',
          hint: `Pupils are ${MIN_PUPIL_AGE} to ${MAX_PUPIL_AGE} years old.`,
        },
        {
          key: 'yearGroup',
          label: PUPIL_LABELS.yearGroup,
          kind: 'select',
          prompt: 'Choose a year group',
          options: YEAR_GROUPS,
          hint: 'Their National Curriculum year.',
        },
        {
          key: 'workingAtYearGroup',
          label: PUPIL_LABELS.workingAtYearGroup,
          kind: 'select',
          prompt: 'Same as their year group',
          options: YEAR_GROUPS,
          hint: 'Only if they work at the level of a different year.',
        },
        {
          key: 'upn',
          label: PUPIL_LABELS.upn,
          kind: 'text',
          hint: 'Unique pupil number, if you have it: 13 characters, like A123456789012.',
        },
      ],
    },
    {
      legend: 'Special educational needs',
      fields: [
        {
          key: 'senStatus',
          label: PUPIL_LABELS.senStatus,
          kind: 'select',
          prompt: 'Not on the SEN register',
          options: SEN_STATUSES,
        },
        {
          key: 'primaryNeed',
          label: PUPIL_LABELS.primaryNeed,
          kind: 'select',
          prompt: 'None recorded',
          options: NEED_OPTIONS,
          hint: 'Their main area of need. NSA if they have SEN support but no specialist assessment yet.',
        },
        {
          key: 'secondaryNeed',
          label: PUPIL_LABELS.secondaryNeed,
          kind: 'select',
          prompt: 'None',
          options: NEED_OPTIONS,
          hint: 'Only if they have a second area of need.',
        },
      ],
    },
    {
      legend: 'Class',
      fields: [
        staff.length > 0
          ? {
              key: 'classTeacher',
              label: PUPIL_LABELS.classTeacher,
              kind: 'select',
              prompt: 'Not set',
              options: staff,
            }
          : {
              key: 'classTeacher',
              label: PUPIL_LABELS.classTeacher,
              kind: 'text',
              hint: 'Type a name. Add staff to the Staff tab to choose from a list.',
            },
      ],
    },
  ];
}

/** "Amelia Jones (Year 3)", as the server lists pupils. */
export function pupilChoiceLabel(values: FormValues): string {
  const name = `${values.firstName ?? ''} ${values.lastName ?? ''}`.trim();
  return values.yearGroup ? `${name} (${values.yearGroup})` : name;
}

function byLastName(a: PupilChoice, b: PupilChoice): number {
  const compare = (x: string, y: string): number =>
    x.localeCompare(y, 'en-GB', { sensitivity: 'base' });
  return compare(a.lastName, b.lastName) || compare(a.label, b.label);
}

function withoutIdHint(count: number): string {
  if (count === 0) return '';
  return count === 1
    ? ' 1 row on the Pupils tab has no Pupil ID, so it is not listed: change it on the tab itself.'
    : ` ${count} rows on the Pupils tab have no Pupil ID, so they are not listed: change them on the tab itself.`;
}

function build(root: HTMLElement, options: PupilFormOptions): void {
  let currentId = '';
  let request = 0;
  const choices = [...options.pupils];
  const picker = selectControl(
    { id: 'pupil-pick', name: 'pupil-pick', 'aria-describedby': 'pupil-pick-hint' },
    undefined,
    [],
  );
  const pickStatus = h('p', {
    class: 'hint',
    id: 'pupil-pick-status',
    role: 'status',
    'aria-live': 'polite',
  });
  const pickField = h(
    'div',
    { class: 'field' },
    h('label', { for: 'pupil-pick' }, 'Pupil'),
    h(
      'p',
      { class: 'hint', id: 'pupil-pick-hint' },
      `Choose "${NEW_PUPIL}" to add one, or choose a pupil to change their details.` +
        withoutIdHint(options.withoutId),
    ),
    picker,
    pickStatus,
  );
  fillPicker();

  const form: SchemaForm = renderSchemaForm(root, {
    heading: HEADING,
    intro: 'Add a pupil, or choose one to change their details.',
    groups: pupilGroups(options.staff),
    validate: (values) => validatePupil(values, options.today),
    before: [pickField],
    submitLabel: 'Save pupil',
    resetAfterSave: false,
    submit: (values) => callServer('savePupil', { ...(values as PupilForm), id: currentId }),
    onSaved: (result, pupil) => {
      const choice = {
        id: result.id,
        label: pupilChoiceLabel(form.values()),
        lastName: pupil.lastName,
      };
      const existing = choices.findIndex((c) => c.id === result.id);
      if (existing >= 0) choices.splice(existing, 1, choice);
      else choices.push(choice);
      choices.sort(byLastName);
      if (currentId === '') {
        // Added: the form is cleared for the next new pupil (their details stay in the list).
        form.reset();
        form.control('firstName')?.focus();
      }
      fillPicker();
      setPickStatus('');
    },
  });
  form.control('dateOfBirth')?.setAttribute('max', options.today);

  function fillPicker(): void {
    const all = [{ value: '', label: NEW_PUPIL }].concat(
      choices.map((c) => ({ value: c.id, label: c.label })),
    );
    const fresh = selectControl({}, undefined, all);
    picker.replaceChildren(...Array.from(fresh.options));
    picker.value = currentId;
  }

  function setPickStatus(text: string, problem = false): void {
    pickStatus.textContent = text;
    pickStatus.className = problem ? 'error' : 'hint';
  }

  /** Clears the last save's message and any problems shown, for a different pupil. */
  function startAfresh(): void {
    form.reset();
    const status = form.form.querySelector('.status');
    status?.replaceChildren();
    status?.classList.remove('done');
  }

  /** Shows a stored class teacher who is not on the Staff tab, so the list can keep them. */
  function offerTeacher(name: string): void {
    const control = form.control('classTeacher');
    if (!(control instanceof HTMLSelectElement) || name === '') return;
    if (Array.from(control.options).some((o) => o.value === name)) return;
    control.append(
      Object.assign(h('option', {}, `${name} (not on the Staff tab)`), { value: name }),
    );
  }

  picker.addEventListener('change', () => {
    const id = picker.value;
    const mine = (request += 1);
    if (id === '') {
      currentId = '';
      startAfresh();
      setPickStatus('The form is empty, ready for a new pupil.');
      return;
    }
    setPickStatus('Loading…');
    callServer('getPupil', id)
      .then((pupil) => {
        if (mine !== request) return; // the user has already chosen another pupil
        if (!pupil) {
          const gone = choices.findIndex((c) => c.id === id);
          if (gone >= 0) choices.splice(gone, 1);
          currentId = '';
          startAfresh();
          fillPicker();
          setPickStatus(
            'That pupil is no longer on the Pupils tab (someone may have deleted them). The list has been updated.',
            true,
          );
          return;
        }
        const { id: pupilId, ...values } = pupil;
        startAfresh();
        offerTeacher(values.classTeacher);
        form.setValues(values);
        currentId = pupilId;
        const label = choices.find((c) => c.id === pupilId)?.label ?? pupilId;
        setPickStatus(`Showing ${label}. Change what you need, then press Save pupil.`);
      })
      .catch((error: unknown) => {
        if (mine !== request) return;
        picker.value = currentId;
        setPickStatus((error as Error).message, true);
      });
  });
}
