/**
 * A form built from field specs and validated with a shared zod schema: as the user types (a
 * field's message shows once they have typed in it), on Save (every field, with a summary announced
 * to screen readers and focus on the first problem) and with the server's own field errors. Saved
 * results may carry good-practice warnings, shown but never blocking.
 */
import type { SaveResult } from '../src/api/contract';
import { NOT_A_DATE_TYPED, type FieldErrors, type Validated } from '../src/domain/schema-helpers';
import { h, notice } from './dom';
import { showWholeChoice } from './whole-choice';

export type FieldKind = 'text' | 'textarea' | 'number' | 'date' | 'email' | 'select';
export type Choice = string | { value: string; label: string };

export interface FieldSpec {
  key: string;
  label: string;
  kind: FieldKind;
  hint?: string;
  /** For selects. */
  options?: readonly Choice[];
  /** For selects: the empty first option. */
  prompt?: string;
  /** Shown as "(required)"; default: the field is required when validating it empty fails. */
  required?: boolean;
  /** Also described by its group's hint (e.g. the dosage guidance). */
  groupHint?: boolean;
}

export interface GroupSpec {
  legend: string;
  hint?: string;
  fields: FieldSpec[];
}

export type FormValues = Record<string, string>;

export interface SchemaFormOptions<T> {
  heading: string;
  intro?: string;
  groups: GroupSpec[];
  validate: (values: FormValues) => Validated<T>;
  initial?: FormValues;
  submitLabel?: string;
  submit: (values: FormValues, valid: T) => Promise<SaveResult>;
  /** Fields kept after a successful save (the rest are cleared for the next entry). */
  keepAfterSave?: string[];
  /** Clear the form after saving (default true); false keeps it, e.g. when editing a record. */
  resetAfterSave?: boolean;
  onSaved?: (result: Extract<SaveResult, { ok: true }>, valid: T) => void;
  /** Content placed above the fields (e.g. a record picker). */
  before?: Node[];
}

export interface SchemaForm {
  form: HTMLFormElement;
  setValues(values: FormValues): void;
  values(): FormValues;
  reset(): void;
  control(key: string): Control | undefined;
}

type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

/** "There is 1 problem" / "There are 3 problems", for the error summary. */
export function problemCount(n: number): string {
  return n === 1 ? 'There is 1 problem to fix:' : `There are ${n} problems to fix:`;
}

function choiceValue(choice: Choice): string {
  return typeof choice === 'string' ? choice : choice.value;
}

function choiceLabel(choice: Choice): string {
  return typeof choice === 'string' ? choice : choice.label;
}

export function selectControl(
  attrs: Record<string, string | boolean>,
  prompt: string | undefined,
  choices: readonly Choice[],
): HTMLSelectElement {
  const options = choices.map((c) =>
    Object.assign(h('option', {}, choiceLabel(c)), { value: choiceValue(c) }),
  );
  const first = prompt === undefined ? [] : [Object.assign(h('option', {}, prompt), { value: '' })];
  const select = h('select', attrs, ...first, ...options);
  showWholeChoice(select);
  return select;
}

/** Shows "Loading…", then the form or a clear message (not set up, could not load, try again). */
export function loadThen<T extends object>(
  root: HTMLElement,
  heading: string,
  load: () => Promise<T>,
  render: (data: T) => void,
): void {
  root.replaceChildren(
    h('h1', {}, heading),
    h('p', { role: 'status', 'aria-live': 'polite' }, 'Loading…'),
  );
  const again = { label: 'Try again', run: () => loadThen(root, heading, load, render) };
  load()
    .then((data) => {
      if ((data as { workbookReady?: boolean }).workbookReady === false) {
        notice(
          root,
          heading,
          'This sheet is not set up as a provision map yet. In the Extensions menu, open the ' +
            'add-on and choose "Set up provision map". Then come back and press Check again.',
          { label: 'Check again', run: again.run },
        );
      } else {
        render(data);
      }
    })
    .catch((error: unknown) => notice(root, heading, (error as Error).message, again));
}

/** The warnings box shown after a save: good practice, never a block. */
export function warningsBox(warnings: readonly string[]): HTMLElement {
  return h(
    'div',
    { class: 'warnings' },
    h('p', { class: 'warnings-title' }, 'Good-practice warnings (saved anyway):'),
    h('ul', {}, ...warnings.map((w) => h('li', {}, w))),
  );
}

export function renderSchemaForm<T>(root: HTMLElement, options: SchemaFormOptions<T>): SchemaForm {
  const fields = options.groups.flatMap((g) => g.fields);
  const order = fields.map((f) => f.key);
  const controls = new Map<string, Control>();
  const errorNodes = new Map<string, HTMLElement>();
  const hintIds = new Map<string, string>();
  const touched = new Set<string>();
  let saving = false;

  const alert = h('div', { class: 'alert', role: 'alert', 'aria-live': 'assertive' });
  const status = h('div', { class: 'status', role: 'status', 'aria-live': 'polite' });
  const save = h('button', { type: 'submit', class: 'primary' }, options.submitLabel ?? 'Save');
  const form = h('form', { novalidate: true }, alert, status);

  for (const group of options.groups) {
    const groupHintId = group.hint ? `${group.legend.replace(/\W+/g, '-')}-hint` : undefined;
    const fieldset = h('fieldset', {}, h('legend', {}, group.legend));
    if (group.hint) fieldset.append(h('p', { class: 'hint', id: groupHintId }, group.hint));
    for (const field of group.fields) {
      fieldset.append(buildField(field, field.groupHint ? groupHintId : undefined));
    }
    form.append(fieldset);
  }
  form.append(h('div', { class: 'actions' }, save));
  const children: Node[] = [h('h1', {}, options.heading)];
  if (options.intro) children.push(h('p', { class: 'intro' }, options.intro));
  root.replaceChildren(...children, ...(options.before ?? []), form);
  if (options.initial) setValues(options.initial);

  function isRequired(field: FieldSpec): boolean {
    if (field.required !== undefined) return field.required;
    const result = options.validate({ ...readForm(), [field.key]: '' });
    return !result.ok && field.key in result.errors;
  }

  function buildField(field: FieldSpec, groupHintId: string | undefined): HTMLElement {
    const { key } = field;
    const required = isRequired(field);
    const label = h('label', { for: key }, field.label);
    if (required) label.append(' ', h('span', { class: 'required' }, '(required)'));
    const wrapper = h('div', { class: 'field' }, label);
    const hints: string[] = [];
    if (field.hint) {
      wrapper.append(h('p', { class: 'hint', id: `${key}-hint` }, field.hint));
      hints.push(`${key}-hint`);
    }
    if (groupHintId) hints.push(groupHintId);
    const control = makeControl(field, required);
    controls.set(key, control);
    const ids = hints.join(' ');
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

  function makeControl(field: FieldSpec, required: boolean): Control {
    const common = { id: field.key, name: field.key, required };
    switch (field.kind) {
      case 'textarea':
        return h('textarea', { ...common, rows: '3' });
      case 'number':
        return h('input', { ...common, type: 'text', inputmode: 'decimal', autocomplete: 'off' });
      case 'date':
        return h('input', { ...common, type: 'date' });
      case 'email':
        return h('input', { ...common, type: 'email', autocomplete: 'off' });
      case 'select':
        return selectControl(common, field.prompt ?? 'Choose one', field.options ?? []);
      case 'text':
        return h('input', { ...common, type: 'text', autocomplete: 'off' });
    }
  }

  function readForm(): FormValues {
    const values: FormValues = {};
    for (const [key, control] of controls) {
      // A date box holding a day that does not exist reads as empty: say so, not "required".
      const badDate = control instanceof HTMLInputElement && control.validity.badInput;
      values[key] = badDate ? NOT_A_DATE_TYPED : control.value;
    }
    return values;
  }

  function currentErrors(): FieldErrors {
    const result = options.validate(readForm());
    return result.ok ? {} : result.errors;
  }

  function showError(key: string, message: string | undefined): void {
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
    for (const key of order) {
      touched.add(key);
      showError(key, errors[key]);
    }
    const listed = [
      ...order.flatMap((key) => errors[key] ?? []),
      ...Object.entries(errors)
        .filter(([key]) => !controls.has(key))
        .map(([, message]) => message),
    ];
    alert.replaceChildren(h('p', {}, intro));
    if (listed.length > 0) alert.append(h('ul', {}, ...listed.map((m) => h('li', {}, m))));
    const first = order.find((key) => errors[key]);
    if (first) controls.get(first)?.focus();
    else alert.scrollIntoView({ block: 'nearest' });
  }

  function setValues(values: FormValues): void {
    for (const [key, value] of Object.entries(values)) {
      const control = controls.get(key);
      if (control) control.value = value;
    }
  }

  function reset(): void {
    const keep = new Set(options.keepAfterSave ?? []);
    for (const [key, control] of controls) {
      if (!keep.has(key)) control.value = '';
      showError(key, undefined);
    }
    touched.clear();
    alert.replaceChildren();
  }

  function setSaving(on: boolean): void {
    saving = on;
    save.disabled = on;
    save.textContent = on ? 'Saving…' : (options.submitLabel ?? 'Save');
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (saving) return;
    alert.replaceChildren();
    status.replaceChildren();
    status.classList.remove('done');
    const data = readForm();
    const checked = options.validate(data);
    if (!checked.ok) {
      reportErrors(checked.errors, problemCount(Object.keys(checked.errors).length));
      return;
    }
    setSaving(true);
    status.textContent = 'Saving…';
    options
      .submit(data, checked.value)
      .then((result) => {
        status.replaceChildren();
        if (result.ok) {
          if (options.resetAfterSave !== false) reset();
          status.classList.add('done');
          status.append(h('p', {}, result.message));
          if (result.warnings && result.warnings.length > 0) {
            status.append(warningsBox(result.warnings));
          }
          options.onSaved?.(result, checked.value);
          status.scrollIntoView({ block: 'nearest' });
        } else {
          reportErrors(result.errors, result.message || 'The sheet did not save it:');
        }
      })
      .catch((error: unknown) => {
        status.replaceChildren();
        alert.replaceChildren(h('p', {}, (error as Error).message));
        alert.scrollIntoView({ block: 'nearest' });
      })
      .finally(() => {
        setSaving(false);
        if (!form.contains(document.activeElement)) save.focus({ preventScroll: true });
      });
  });

  return { form, setValues, values: readForm, reset, control: (key) => controls.get(key) };
}
