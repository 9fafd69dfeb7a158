/** The Staff form: choose a person to change their details, or add someone new. */
import {
  STAFF_LABELS,
  staffChoiceLabel,
  validateStaffMember,
  type StaffForm,
} from '../../src/domain/staff';
import { STAFF_ROLES } from '../../src/domain/workbook';
import type { GroupSpec } from '../form-kit';
import { renderPickToEdit } from '../pick-to-edit';
import { callServer } from '../server';

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
        hint: 'Programmes they are trained to deliver, separated by commas, e.g. Precision teaching, Lego therapy.',
      },
    ],
  },
];

export function render(root: HTMLElement): void {
  renderPickToEdit(root, {
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
      })),
    loadRecord: (id) => callServer('getStaffMember', id),
    save: (values, id) => callServer('saveStaffMember', { ...(values as StaffForm), id }),
    choiceLabel: (values) => staffChoiceLabel(values.name ?? '', values.role ?? ''),
  });
}
