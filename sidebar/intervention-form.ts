/**
 * The intervention sheet form, on the shared form kit: validated with the intervention schema as
 * the user types and on Save, saved through callServer('saveIntervention', form). A picker above
 * it (the shared pick-to-edit frame) chooses an intervention to change, or a new one; a new one
 * can start from a Provision library entry, whose defaults pre-fill the fields. Changing the start
 * date or the length moves the reviews still to do (the server does it, and says how many).
 */
import type { InterventionFormOptions } from '../src/api/contract';
import { dateFromIso } from '../src/domain/dates';
import {
  INTERVENTION_LABELS,
  interventionSchema,
  validateIntervention,
  type Intervention,
  type InterventionField,
  type InterventionForm,
} from '../src/domain/intervention';
import { longDate } from '../src/domain/participant';
import { DELIVERY_MODES } from '../src/domain/workbook';
import type { FieldKind, FormValues, GroupSpec as KitGroup, SchemaForm } from './form-kit';
import { h } from './dom';
import { renderPickToEdit, type PickData } from './pick-to-edit';
import { callServer } from './server';

export { problemCount } from './form-kit';

type ControlKind = Exclude<FieldKind, 'select' | 'email'> | 'delivery' | 'lead' | 'library';

interface FieldSpec {
  key: InterventionField;
  kind: ControlKind;
  hint?: string;
  /** Describe the field with its group's hint too (the dosage guidance). */
  groupHint?: boolean;
}

interface GroupSpec {
  legend: string;
  hint?: string;
  fields: FieldSpec[];
}

const DOSAGE_HINT = 'EEF guidance: 15–45 minutes, 3–5 times a week, 8–20 weeks.';

/** The form's sections; within each, fields keep INTERVENTION_LABELS order. */
export const GROUPS: GroupSpec[] = [
  {
    legend: 'What',
    fields: [
      {
        key: 'provisionId',
        kind: 'library',
        hint: 'Optional: fills in the fields below from the school’s catalogue. You can change them.',
      },
      { key: 'name', kind: 'text', hint: 'The title of the published programme, if you use one.' },
      { key: 'code', kind: 'text', hint: "Your school's short code for it, if it has one." },
      { key: 'delivery', kind: 'delivery' },
      { key: 'summary', kind: 'textarea', hint: 'What happens in a session.' },
      { key: 'publishedResources', kind: 'textarea', hint: 'Books, sections or stages you use.' },
    ],
  },
  {
    legend: 'Who',
    fields: [
      { key: 'lead', kind: 'lead', hint: 'Runs it and checks that it is working.' },
      { key: 'supportedBy', kind: 'text', hint: 'Other staff or outside agencies.' },
    ],
  },
  {
    legend: 'When and where',
    hint: DOSAGE_HINT,
    fields: [
      { key: 'startDate', kind: 'date' },
      { key: 'lengthWeeks', kind: 'number', groupHint: true },
      { key: 'sessionsPerWeek', kind: 'number', groupHint: true },
      { key: 'minutesPerSession', kind: 'number', groupHint: true },
      { key: 'location', kind: 'text', hint: 'For example: library, Year 3 classroom.' },
    ],
  },
  {
    legend: "Why and how we'll know",
    fields: [
      { key: 'rationale', kind: 'textarea', hint: 'Why you chose it, and the evidence behind it.' },
      {
        key: 'expectedOutcome',
        kind: 'textarea',
        hint: 'What will show it worked, e.g. 8/10 or better in spelling tests.',
      },
      {
        key: 'assessmentMethods',
        kind: 'textarea',
        hint: 'Same measure at the start and the end.',
      },
    ],
  },
];

/** Every field, in the order it appears on the form (the order errors are listed and focused). */
export const FIELD_ORDER: InterventionField[] = GROUPS.flatMap((g) => g.fields.map((f) => f.key));

/** Required is whatever the schema says: a field is required if leaving it out is an error. */
export function isRequired(key: InterventionField): boolean {
  return !interventionSchema.shape[key].safeParse(undefined).success;
}

/** What the picker and the form are built from. */
interface InterventionPickData extends PickData {
  options: InterventionFormOptions;
}

const PICK_ID = 'intervention-pick';

/** Load the options, then show the picker above the form (or why it cannot be shown). */
export function renderInterventionForm(root: HTMLElement): void {
  renderPickToEdit<Intervention, { id: string; label: string }, InterventionPickData>(root, {
    heading: 'Intervention sheet',
    intro:
      'Add an intervention, or choose one to change it. A new start date or length moves the reviews still to do; results already recorded never change.',
    pickLabel: 'Intervention',
    newChoice: 'New intervention',
    pickId: PICK_ID,
    idHeader: 'Intervention ID',
    tab: 'Interventions',
    wording: { aNewOne: 'a new intervention' },
    groups: (data) => kitGroups(data.options),
    validate: (values) => validateIntervention(values),
    loadChoices: () =>
      callServer('getInterventionFormOptions').then((options) => ({
        workbookReady: options.workbookReady,
        choices: options.interventions,
        withoutId: options.withoutId,
        options,
      })),
    loadRecord: (id) => callServer('getIntervention', id),
    save: (values, id) => callServer('saveIntervention', { ...(values as InterventionForm), id }),
    choiceLabel: interventionChoiceLabel,
    onForm: (form, data) => setUpForm(root, form, data.options),
    beforeShow: (form, values) => {
      // A value the lists no longer offer (a lead who left, a deleted library entry) stays shown.
      keepChoice(form, 'lead', values.lead, 'not on the Staff tab');
      keepChoice(form, 'provisionId', values.provisionId, 'no longer in the Provision library');
      libraryNote(root).textContent = '';
    },
  });
}

/** "Talk Boost (from 30 November 2026)": the server labels the list the same way. */
export function interventionChoiceLabel(values: FormValues): string {
  const name = (values.name ?? '').trim() || 'No name yet';
  const start = values.startDate ?? '';
  return /^\d{4}-\d{2}-\d{2}$/.test(start)
    ? `${name} (from ${longDate(dateFromIso(start))})`
    : name;
}

/** Adds an option for a loaded value the select does not offer, so it is shown, not lost. */
function keepChoice(form: SchemaForm, key: string, value: string | undefined, why: string): void {
  const select = form.control(key);
  if (!(select instanceof HTMLSelectElement) || !value) return;
  if (Array.from(select.options).some((o) => o.value === value)) return;
  select.append(Object.assign(h('option', {}, `${value} (${why})`), { value }));
}

function libraryNote(root: HTMLElement): HTMLElement {
  return root.querySelector<HTMLElement>('#provisionId-filled') ?? h('p');
}

function kitGroups(options: InterventionFormOptions): KitGroup[] {
  return GROUPS.map((group) => ({
    legend: group.legend,
    hint: group.hint,
    fields: group.fields.map((field) => {
      const base = {
        key: field.key,
        label: INTERVENTION_LABELS[field.key],
        hint: field.hint,
        groupHint: field.groupHint,
        required: isRequired(field.key),
      };
      switch (field.kind) {
        case 'delivery':
          return {
            ...base,
            kind: 'select' as const,
            prompt: 'Choose one',
            options: DELIVERY_MODES,
          };
        case 'lead':
          return options.staff.length > 0
            ? {
                ...base,
                kind: 'select' as const,
                prompt: 'Choose a person',
                options: options.staff,
              }
            : { ...base, kind: 'text' as const };
        case 'library':
          return {
            ...base,
            kind: 'select' as const,
            prompt: 'None: start from scratch',
            options: options.library.map((entry) => ({ value: entry.id, label: entry.name })),
          };
        default:
          return { ...base, kind: field.kind };
      }
    }),
  }));
}

/** Today's date for a new intervention, and the Provision library's pre-fill. */
function setUpForm(root: HTMLElement, form: SchemaForm, options: InterventionFormOptions): void {
  const startToday = () => {
    if (form.values().startDate === '') form.setValues({ startDate: options.today });
  };
  startToday();
  // Choosing "New intervention" empties the form (in the picker's own handler): start it today.
  const picker = root.querySelector<HTMLSelectElement>(`#${PICK_ID}`);
  picker?.addEventListener('change', () =>
    queueMicrotask(() => {
      if (picker.value === '') startToday();
    }),
  );

  // Choosing a library entry pre-fills the form with its defaults (the user may change them).
  const filled = h('p', {
    class: 'hint',
    id: 'provisionId-filled',
    role: 'status',
    'aria-live': 'polite',
  });
  form.control('provisionId')?.closest('.field')?.append(filled);
  form.control('provisionId')?.addEventListener('change', (event) => {
    const id = (event.target as HTMLSelectElement).value;
    const entry = options.library.find((e) => e.id === id);
    filled.textContent = '';
    if (!entry) return;
    form.setValues({ ...entry.form, provisionId: id } as Record<string, string>);
    // A problem already shown on a field it filled in is checked again.
    for (const key of Object.keys(entry.form)) {
      const control = key === 'provisionId' ? undefined : form.control(key);
      control?.dispatchEvent(new Event(control instanceof HTMLSelectElement ? 'change' : 'input'));
    }
    filled.textContent = `Filled in from "${entry.name}": check the fields below and change anything that does not fit.`;
  });
  if (options.library.length === 0) form.control('provisionId')?.closest('.field')?.remove();
}
