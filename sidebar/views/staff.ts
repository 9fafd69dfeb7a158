/**
 * The Staff form: choose a person to change their details, or add someone new. Also the
 * "pick a record, then edit it" frame the Provision library form shares (renderPickToEdit).
 */
import type { SaveResult } from '../../src/api/contract';
import type { RecordChoice } from '../../src/api/staff-contract';
import type { Validated } from '../../src/domain/schema-helpers';
import {
  STAFF_LABELS,
  staffChoiceLabel,
  validateStaffMember,
  type StaffForm,
} from '../../src/domain/staff';
import { STAFF_ROLES } from '../../src/domain/workbook';
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

export interface PickToEditOptions<T> {
  heading: string;
  intro: string;
  /** The picker's label, e.g. "Person", and its first choice, e.g. "New member of staff". */
  pickLabel: string;
  newChoice: string;
  /** What a row without an ID is called on its tab, e.g. "Staff ID", and the tab's name. */
  idHeader: string;
  tab: string;
  groups: GroupSpec[];
  validate: (values: FormValues) => Validated<T>;
  loadChoices: () => Promise<{
    workbookReady: boolean;
    choices: RecordChoice[];
    withoutId: number;
  }>;
  /** The record's fields for the form, or null when it has gone from the tab. */
  loadRecord: (id: string) => Promise<(FormValues & { id: string }) | null>;
  /** Saves a new record (id '') or changes the one with this id. */
  save: (values: FormValues, id: string) => Promise<SaveResult>;
  /** How a saved record is offered in the picker. */
  choiceLabel: (values: FormValues) => string;
}

/** "2 rows on the Staff tab have no Staff ID, …": rows typed in by hand cannot be picked. */
export function withoutIdHint(count: number, idHeader: string, tab: string): string {
  if (count === 0) return '';
  return count === 1
    ? `1 row on the ${tab} tab has no ${idHeader}, so it is not listed: change it on the tab itself.`
    : `${count} rows on the ${tab} tab have no ${idHeader}, so they are not listed: change them on the tab itself.`;
}

/** Loads the list, then shows the picker above the form. */
export function renderPickToEdit<T>(root: HTMLElement, options: PickToEditOptions<T>): void {
  loadThen(root, options.heading, options.loadChoices, (data) => build(root, options, data));
}

function build<T>(
  root: HTMLElement,
  options: PickToEditOptions<T>,
  data: { choices: RecordChoice[]; withoutId: number },
): void {
  let currentId = '';
  let request = 0;
  const choices = [...data.choices];

  const hintText = [
    `Choose "${options.newChoice}" to add one, or choose one to change it.`,
    withoutIdHint(data.withoutId, options.idHeader, options.tab),
  ]
    .filter(Boolean)
    .join(' ');
  const picker = selectControl(
    { id: 'record-pick', name: 'record-pick', 'aria-describedby': 'record-pick-hint' },
    undefined,
    [],
  );
  const pickStatus = h('p', {
    class: 'hint',
    id: 'record-pick-status',
    role: 'status',
    'aria-live': 'polite',
  });
  const pickField = h(
    'div',
    { class: 'field' },
    h('label', { for: 'record-pick' }, options.pickLabel),
    h('p', { class: 'hint', id: 'record-pick-hint' }, hintText),
    picker,
    pickStatus,
  );
  fillPicker();

  const form: SchemaForm = renderSchemaForm(root, {
    heading: options.heading,
    intro: options.intro,
    groups: options.groups,
    validate: options.validate,
    before: [pickField],
    resetAfterSave: false,
    submit: (values) => options.save(values, currentId),
    onSaved: (result) => {
      // The form now shows the saved record: a second Save changes it rather than adding it again.
      currentId = result.id;
      const label = options.choiceLabel(form.values());
      const existing = choices.find((c) => c.id === result.id);
      if (existing) existing.label = label;
      else choices.push({ id: result.id, label });
      choices.sort((a, b) => a.label.localeCompare(b.label, 'en-GB', { sensitivity: 'base' }));
      fillPicker();
      setPickStatus('');
    },
  });

  function fillPicker(): void {
    const all = [{ value: '', label: options.newChoice }].concat(
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

  /** Clears the last save's message and any problems shown, for a different record. */
  function startAfresh(): void {
    form.reset();
    const status = form.form.querySelector('.status');
    status?.replaceChildren();
    status?.classList.remove('done');
  }

  picker.addEventListener('change', () => {
    const id = picker.value;
    const mine = (request += 1);
    if (id === '') {
      currentId = '';
      startAfresh();
      setPickStatus('The form is empty, ready for a new one.');
      return;
    }
    setPickStatus('Loading…');
    options
      .loadRecord(id)
      .then((record) => {
        if (mine !== request) return; // the user has already chosen another
        if (!record) {
          const gone = choices.findIndex((c) => c.id === id);
          if (gone >= 0) choices.splice(gone, 1);
          currentId = '';
          startAfresh();
          fillPicker();
          setPickStatus(
            `That one is no longer on the ${options.tab} tab (someone may have deleted it). The list has been updated.`,
            true,
          );
          return;
        }
        const { id: recordId, ...values } = record;
        startAfresh();
        form.setValues(values);
        currentId = recordId;
        const label = choices.find((c) => c.id === recordId)?.label ?? recordId;
        setPickStatus(`Showing ${label}. Change what you need, then press Save.`);
      })
      .catch((error: unknown) => {
        if (mine !== request) return;
        picker.value = currentId;
        setPickStatus((error as Error).message, true);
      });
  });
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
