/** The Staff form: choose a person to change their details, or add someone new. */
import {
  STAFF_LABELS,
  staffChoiceLabel,
  validateStaffMember,
  type StaffForm,
  type StaffMember,
} from '../../src/domain/staff';
import type { RecordChoice } from '../../src/api/staff-contract';
import { withProgramme } from '../../src/domain/training';
import { STAFF_ROLES } from '../../src/domain/workbook';
import { h } from '../dom';
import { selectControl, type GroupSpec, type SchemaForm } from '../form-kit';
import { renderPickToEdit, type PickData } from '../pick-to-edit';
import { callServer } from '../server';

interface StaffData extends PickData {
  /** The Provision library's programme names. */
  programmes: string[];
}

const STAFF_GROUPS: GroupSpec[] = [
  {
    legend: 'Who',
    fields: [
      {
        key: 'name',
        label: STAFF_LABELS.name,
        kind: 'text',
        hint: 'As it should appear on forms.',
      },
      {
        key: 'email',
        label: STAFF_LABELS.email,
        kind: 'email',
        hint: 'Their school email address: reminders are sent here.',
      },
      {
        key: 'role',
        label: STAFF_LABELS.role,
        kind: 'select',
        prompt: 'Choose a role',
        options: STAFF_ROLES,
        hint: 'Reminders about reviews go to the SENCo, so have exactly one.',
      },
    ],
  },
  {
    legend: 'Cost and training',
    fields: [
      {
        key: 'hourlyCost',
        label: `${STAFF_LABELS.hourlyCost} (£)`,
        kind: 'number',
        hint: 'In pounds, to cost interventions, e.g. 18.50. Leave blank if you do not know.',
      },
      {
        key: 'trainedIn',
        label: STAFF_LABELS.trainedIn,
        kind: 'textarea',
        hint: 'Programmes they are trained to deliver, separated by commas or semicolons, e.g. Precision teaching; Lego therapy. A programme counts when its main words match: "Language group" covers "Language for learning group".',
      },
    ],
  },
];

export function render(root: HTMLElement): void {
  renderPickToEdit<StaffMember, RecordChoice, StaffData>(root, {
    heading: 'Staff',
    intro: 'Add someone, or choose a person to change their details.',
    pickLabel: 'Person',
    newChoice: 'New member of staff',
    idHeader: 'Staff ID',
    tab: 'Staff',
    groups: STAFF_GROUPS,
    validate: validateStaffMember,
    loadChoices: () =>
      callServer('getStaffFormOptions').then((o) => ({
        workbookReady: o.workbookReady,
        choices: o.staff,
        withoutId: o.withoutId,
        programmes: o.programmes,
      })),
    onForm: (form, data) => addProgrammePicker(form, data.programmes),
    loadRecord: (id) => callServer('getStaffMember', id),
    save: (values, id) => callServer('saveStaffMember', { ...(values as StaffForm), id }),
    choiceLabel: (values) => staffChoiceLabel(values.name ?? '', values.role ?? ''),
  });
}

/**
 * Under "Trained in": the Provision library's programmes to choose from, each added to the text
 * with a button (the text stays free to type anything else).
 */
function addProgrammePicker(form: SchemaForm, programmes: readonly string[]): void {
  const trainedIn = form.control('trainedIn');
  const field = trainedIn?.closest('.field');
  if (!trainedIn || !field || programmes.length === 0) return;
  const picker = selectControl(
    { id: 'trainedIn-library', name: 'trainedIn-library' },
    'Choose a programme',
    programmes,
  );
  const add = h('button', { type: 'button', class: 'secondary' }, 'Add to Trained in');
  const status = h('p', { class: 'hint', role: 'status', 'aria-live': 'polite' });
  add.addEventListener('click', () => {
    const programme = picker.value;
    if (programme === '') {
      status.textContent = 'Choose a programme from the list first.';
      picker.focus();
      return;
    }
    const before = trainedIn.value;
    trainedIn.value = withProgramme(before, programme);
    trainedIn.dispatchEvent(new Event('input', { bubbles: true }));
    status.textContent =
      trainedIn.value === before
        ? `${programme} is already in Trained in.`
        : `Added ${programme} to Trained in.`;
    picker.value = '';
  });
  field.after(
    h(
      'div',
      { class: 'field' },
      h('label', { for: 'trainedIn-library' }, 'Or pick from the Provision library'),
      picker,
      add,
      status,
    ),
  );
}
