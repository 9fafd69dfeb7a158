/**
 * The intervention sheet form, on the shared form kit: validated with the intervention schema as
 * the user types and on Save, saved through callServer('saveIntervention', form). It can start
 * from a Provision library entry, whose defaults pre-fill the fields.
 */
import type { InterventionFormOptions } from '../src/api/contract';
import {
  INTERVENTION_LABELS,
  interventionSchema,
  validateIntervention,
  type InterventionField,
  type InterventionForm,
} from '../src/domain/intervention';
import { DELIVERY_MODES } from '../src/domain/workbook';
import { loadThen, renderSchemaForm, type FieldKind, type GroupSpec as KitGroup } from './form-kit';
import { h } from './dom';
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

/** Load the options, then show the form (or a clear message about why it cannot be shown). */
export function renderInterventionForm(root: HTMLElement): void {
  const heading = 'Add an intervention';
  loadThen(
    root,
    heading,
    () => callServer('getInterventionFormOptions'),
    (options) => buildForm(root, heading, options),
  );
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

function buildForm(root: HTMLElement, heading: string, options: InterventionFormOptions): void {
  const form = renderSchemaForm(root, {
    heading,
    groups: kitGroups(options),
    validate: validateIntervention,
    initial: { startDate: options.today },
    keepAfterSave: ['lead', 'startDate'],
    submit: (values) => callServer('saveIntervention', values as InterventionForm),
    onSaved: () => form.control('name')?.focus(),
  });
  // Choosing a library entry pre-fills the form with its defaults (the user may change them).
  const filled = h('p', { class: 'hint', role: 'status', 'aria-live': 'polite' });
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
