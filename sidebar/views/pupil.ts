/**
 * The pupil form: choose a pupil to change their details, or "New pupil" to add one. Validated as
 * staff type with the shared schema (dates of birth against the school's today), saved through
 * savePupil, which writes only the fields that changed.
 */
import type { PupilChoice } from '../../src/api/pupils-contract';
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
import type { FormValues, GroupSpec, SchemaForm } from '../form-kit';
import { renderPickToEdit } from '../pick-to-edit';
import { callServer } from '../server';

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

/** Shows a stored class teacher who is not on the Staff tab, so the list can keep them. */
function offerTeacher(form: SchemaForm, name: string): void {
  const control = form.control('classTeacher');
  if (!(control instanceof HTMLSelectElement) || name === '') return;
  if (Array.from(control.options).some((o) => o.value === name)) return;
  control.append(Object.assign(h('option', {}, `${name} (not on the Staff tab)`), { value: name }));
}

export function render(root: HTMLElement): void {
  renderPickToEdit(root, {
    heading: 'Pupils',
    intro: 'Add a pupil, or choose one to change their details.',
    pickLabel: 'Pupil',
    newChoice: 'New pupil',
    pickId: 'pupil-pick',
    idHeader: 'Pupil ID',
    tab: 'Pupils',
    groups: (data) => pupilGroups(data.staff),
    validate: (values, data) => validatePupil(values, data.today),
    submitLabel: 'Save pupil',
    wording: {
      chooseToChange: 'choose a pupil to change their details',
      aNewOne: 'a new pupil',
      gone: 'That pupil is no longer on the Pupils tab (someone may have deleted them). The list has been updated.',
    },
    loadChoices: () => callServer('getPupilFormOptions').then((o) => ({ ...o, choices: o.pupils })),
    loadRecord: (id) => callServer('getPupil', id),
    save: (values, id) => callServer('savePupil', { ...(values as PupilForm), id }),
    choiceLabel: pupilChoiceLabel,
    choice: (id, label, pupil) => ({ id, label, lastName: pupil.lastName }),
    compare: byLastName,
    clearAfterAdd: 'firstName',
    onForm: (form, data) => form.control('dateOfBirth')?.setAttribute('max', data.today),
    beforeShow: (form, values) => offerTeacher(form, (values as PupilForm).classTeacher),
  });
}
