/**
 * The intervention sheet form. Validates with the shared zod schema as the user types (a field's
 * message shows once the field has been visited) and on Save (all fields), then saves through
 * callServer('saveIntervention', form) and shows the server's field errors the same way.
 */
import type { InterventionFormOptions } from '../src/api/contract';
import {
  INTERVENTION_LABELS,
  interventionSchema,
  validateIntervention,
  type InterventionField,
  type InterventionForm,
} from '../src/domain/intervention';
import type { FieldErrors } from '../src/domain/schema-helpers';
import { DELIVERY_MODES } from '../src/domain/workbook';
import { h, notice } from './dom';
import { callServer } from './server';

type ControlKind = 'text' | 'textarea' | 'number' | 'date' | 'delivery' | 'lead';
type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

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

/** "There is 1 problem" / "There are 3 problems", for the error summary. */
export function problemCount(n: number): string {
  return n === 1 ? 'There is 1 problem to fix:' : `There are ${n} problems to fix:`;
}

/** Load the options, then show the form (or a clear message about why it cannot be shown). */
export function renderInterventionForm(root: HTMLElement): void {
  const heading = 'Add an intervention';
  root.replaceChildren(
    h('h1', {}, heading),
    h('p', { role: 'status', 'aria-live': 'polite' }, 'Loading…'),
  );
  const retry = { label: 'Try again', run: () => renderInterventionForm(root) };
  callServer('getInterventionFormOptions')
    .then((options) => {
      if (options.workbookReady) {
        buildForm(root, heading, options);
      } else {
        notice(
          root,
          heading,
          'This sheet is not set up as a provision map yet. In the Extensions menu, open the ' +
            'add-on and choose "Set up provision map". Then come back and press Check again.',
          { label: 'Check again', run: retry.run },
        );
      }
    })
    .catch((error: unknown) => notice(root, heading, (error as Error).message, retry));
}

function buildForm(root: HTMLElement, heading: string, options: InterventionFormOptions): void {
  const controls = new Map<InterventionField, Control>();
  const errorNodes = new Map<InterventionField, HTMLElement>();
  const hintIds = new Map<InterventionField, string>();
  const touched = new Set<InterventionField>();
  let saving = false;

  const alert = h('div', { class: 'alert', role: 'alert', 'aria-live': 'assertive' });
  const status = h('p', { class: 'status', role: 'status', 'aria-live': 'polite' });
  const save = h('button', { type: 'submit', class: 'primary' }, 'Save');
  const form = h('form', { novalidate: true }, alert, status);

  for (const group of GROUPS) {
    const groupHintId = group.hint ? `${group.legend.replace(/\W+/g, '-')}-hint` : undefined;
    const fieldset = h('fieldset', {}, h('legend', {}, group.legend));
    if (group.hint) fieldset.append(h('p', { class: 'hint', id: groupHintId }, group.hint));
    for (const field of group.fields) {
      fieldset.append(buildField(field, field.groupHint ? groupHintId : undefined));
    }
    form.append(fieldset);
  }
  form.append(h('div', { class: 'actions' }, save));
  root.replaceChildren(h('h1', {}, heading), form);

  function buildField(field: FieldSpec, groupHintId: string | undefined): HTMLElement {
    const { key } = field;
    const required = isRequired(key);
    const label = h('label', { for: key }, INTERVENTION_LABELS[key]);
    if (required) label.append(' ', h('span', { class: 'required' }, '(required)'));
    const control = makeControl(field.kind, key, required);
    controls.set(key, control);

    const wrapper = h('div', { class: 'field' }, label);
    const hints = [groupHintId];
    const hint =
      field.kind === 'lead' && options.staff.length === 0
        ? 'Type a name. Add staff to the Staff tab to choose from a list.'
        : field.hint;
    if (hint) {
      wrapper.append(h('p', { class: 'hint', id: `${key}-hint` }, hint));
      hints.push(`${key}-hint`);
    }
    const ids = hints.filter(Boolean).join(' ');
    hintIds.set(key, ids);
    if (ids) control.setAttribute('aria-describedby', ids);

    const error = h('p', { class: 'error', id: `${key}-error`, hidden: true });
    errorNodes.set(key, error);
    wrapper.append(control, error);

    // Leaving a field the user has typed in shows its problem, and a shown problem updates as they
    // type. Passing through an empty field shows nothing (Save checks everything), and leaving for
    // the Save button shows nothing, so the button does not move under the pointer mid-click.
    control.addEventListener('blur', (event) => {
      if (!touched.has(key) || (event as FocusEvent).relatedTarget === save) return;
      const message = currentErrors()[key];
      if (message) showError(key, message);
    });
    control.addEventListener(control instanceof HTMLSelectElement ? 'change' : 'input', () => {
      touched.add(key);
      if (!error.hidden) showError(key, currentErrors()[key]);
    });
    return wrapper;
  }

  function makeControl(kind: ControlKind, key: InterventionField, required: boolean): Control {
    const common = { id: key, name: key, required };
    switch (kind) {
      case 'textarea':
        return h('textarea', { ...common, rows: '3' });
      case 'number':
        return h('input', { ...common, type: 'text', inputmode: 'numeric', autocomplete: 'off' });
      case 'date':
        return Object.assign(h('input', { ...common, type: 'date' }), { value: options.today });
      case 'delivery':
        return select(common, 'Choose one', DELIVERY_MODES);
      case 'lead':
        return options.staff.length > 0
          ? select(common, 'Choose a person', options.staff)
          : h('input', { ...common, type: 'text', autocomplete: 'off' });
      case 'text':
        return h('input', { ...common, type: 'text', autocomplete: 'off' });
    }
  }

  function select(
    attrs: Record<string, string | boolean>,
    prompt: string,
    values: readonly string[],
  ) {
    const choices = values.map((v) => Object.assign(h('option', {}, v), { value: v }));
    return h('select', attrs, Object.assign(h('option', {}, prompt), { value: '' }), ...choices);
  }

  function readForm(): InterventionForm {
    const values: Partial<Record<InterventionField, string>> = {};
    for (const [key, control] of controls) values[key] = control.value;
    return values as InterventionForm;
  }

  function currentErrors(): FieldErrors {
    const result = validateIntervention(readForm());
    return result.ok ? {} : result.errors;
  }

  function showError(key: InterventionField, message: string | undefined): void {
    const control = controls.get(key);
    const error = errorNodes.get(key);
    if (!control || !error) return;
    error.textContent = message ?? '';
    error.hidden = !message;
    const describedBy = [hintIds.get(key), message ? error.id : ''].filter(Boolean).join(' ');
    if (describedBy) control.setAttribute('aria-describedby', describedBy);
    else control.removeAttribute('aria-describedby');
    if (message) control.setAttribute('aria-invalid', 'true');
    else control.removeAttribute('aria-invalid');
  }

  /** Show every field's error, list them in the alert, and move focus to the first field. */
  function reportErrors(errors: FieldErrors, intro: string): void {
    for (const key of FIELD_ORDER) {
      touched.add(key);
      showError(key, errors[key]);
    }
    const listed = [
      ...FIELD_ORDER.flatMap((key) => errors[key] ?? []),
      ...Object.entries(errors)
        .filter(([key]) => !controls.has(key as InterventionField))
        .map(([, message]) => message),
    ];
    alert.replaceChildren(h('p', {}, intro));
    if (listed.length > 0) alert.append(h('ul', {}, ...listed.map((m) => h('li', {}, m))));
    const first = FIELD_ORDER.find((key) => errors[key]);
    if (first) controls.get(first)?.focus();
    else alert.scrollIntoView({ block: 'nearest' });
  }

  function reset(): void {
    for (const [key, control] of controls) {
      if (key !== 'lead' && key !== 'startDate') control.value = '';
      showError(key, undefined);
    }
    touched.clear();
  }

  function setStatus(text: string, tone?: 'done'): void {
    status.textContent = text;
    status.classList.toggle('done', tone === 'done');
  }

  function setSaving(on: boolean): void {
    saving = on;
    save.disabled = on;
    save.textContent = on ? 'Saving…' : 'Save';
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (saving) return;
    alert.replaceChildren();
    setStatus('');
    const data = readForm();
    const checked = validateIntervention(data);
    if (!checked.ok) {
      reportErrors(checked.errors, problemCount(Object.keys(checked.errors).length));
      return;
    }
    setSaving(true);
    setStatus('Saving…');
    callServer('saveIntervention', data)
      .then((result) => {
        setStatus('');
        if (result.ok) {
          reset();
          setStatus(`Saved ${checked.value.name} (${result.id}).`, 'done');
          controls.get('name')?.focus();
        } else {
          reportErrors(result.errors, result.message || 'The sheet did not save it:');
        }
      })
      .catch((error: unknown) => {
        setStatus('');
        alert.replaceChildren(h('p', {}, (error as Error).message));
        alert.scrollIntoView({ block: 'nearest' });
      })
      .finally(() => {
        setSaving(false);
        if (!form.contains(document.activeElement)) save.focus({ preventScroll: true });
      });
  });
}
