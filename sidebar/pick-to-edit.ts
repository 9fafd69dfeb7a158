/**
 * The "pick a record, then edit it" frame the Staff, Provision library and Pupils forms share: a
 * picker above a schema form. Choosing the first entry empties the form for a new record; choosing
 * a record loads it (a later choice wins over a slower earlier one); saving keeps the list in order.
 */
import type { SaveResult } from '../src/api/contract';
import type { RecordChoice } from '../src/api/staff-contract';
import type { Validated } from '../src/domain/schema-helpers';
import { h } from './dom';
import {
  loadThen,
  renderSchemaForm,
  selectControl,
  type FormValues,
  type GroupSpec,
  type SchemaForm,
} from './form-kit';

/** What the picker is filled from, plus anything else the form needs (e.g. today's date). */
export interface PickData<C extends RecordChoice = RecordChoice> {
  workbookReady: boolean;
  choices: C[];
  /** Rows on the tab with no ID (typed in by hand): they cannot be picked. */
  withoutId: number;
}

export interface PickToEditOptions<
  T,
  C extends RecordChoice = RecordChoice,
  D extends PickData<C> = PickData<C>,
> {
  heading: string;
  intro: string;
  /** The picker's label, e.g. "Person", and its first choice, e.g. "New member of staff". */
  pickLabel: string;
  newChoice: string;
  /** The picker's element id (its hint and status add "-hint" and "-status"). */
  pickId?: string;
  /** What a row without an ID is called on its tab, e.g. "Staff ID", and the tab's name. */
  idHeader: string;
  tab: string;
  /** The form's sections, fixed or from what was loaded. */
  groups: GroupSpec[] | ((data: D) => GroupSpec[]);
  validate: (values: FormValues, data: D) => Validated<T>;
  /** The Save button's text (default "Save"). */
  submitLabel?: string;
  /** Wording where "one" and "it" will not do, e.g. "choose a pupil to change their details". */
  wording?: {
    /** After 'Choose "New …" to add one, or ', e.g. "choose one to change it". */
    chooseToChange?: string;
    /** After "The form is empty, ready for ", e.g. "a new one". */
    aNewOne?: string;
    /** When a chosen record has gone from the tab. */
    gone?: string;
  };
  loadChoices: () => Promise<D>;
  /** The record's fields for the form, or null when it has gone from the tab. */
  loadRecord: (id: string) => Promise<(FormValues & { id: string }) | null>;
  /** Saves a new record (id '') or changes the one with this id. */
  save: (values: FormValues, id: string) => Promise<SaveResult>;
  /** How a saved record is offered in the picker. */
  choiceLabel: (values: FormValues) => string;
  /** A saved record's picker entry, when it carries more than its id and label. */
  choice?: (id: string, label: string, saved: T) => C;
  /** The picker's order (default: by label). */
  compare?: (a: C, b: C) => number;
  /**
   * After adding a record, clear the form for the next new one and focus this field. Without it,
   * the form keeps showing the saved record and a second Save changes it.
   */
  clearAfterAdd?: string;
  /** Runs once the form is built, e.g. to set limits on a field. */
  onForm?: (form: SchemaForm, data: D) => void;
  /** Runs when a loaded record is about to be shown, after the form is cleared. */
  beforeShow?: (form: SchemaForm, values: FormValues) => void;
}

/** "2 rows on the Staff tab have no Staff ID, …": rows typed in by hand cannot be picked. */
export function withoutIdHint(count: number, idHeader: string, tab: string): string {
  if (count === 0) return '';
  return count === 1
    ? `1 row on the ${tab} tab has no ${idHeader}, so it is not listed: change it on the tab itself.`
    : `${count} rows on the ${tab} tab have no ${idHeader}, so they are not listed: change them on the tab itself.`;
}

function byLabel(a: RecordChoice, b: RecordChoice): number {
  return a.label.localeCompare(b.label, 'en-GB', { sensitivity: 'base' });
}

/** Loads the list, then shows the picker above the form. */
export function renderPickToEdit<
  T,
  C extends RecordChoice = RecordChoice,
  D extends PickData<C> = PickData<C>,
>(root: HTMLElement, options: PickToEditOptions<T, C, D>): void {
  loadThen(root, options.heading, options.loadChoices, (data) => build(root, options, data));
}

function build<T, C extends RecordChoice, D extends PickData<C>>(
  root: HTMLElement,
  options: PickToEditOptions<T, C, D>,
  data: D,
): void {
  let currentId = '';
  let request = 0;
  const choices = [...data.choices];
  const pickId = options.pickId ?? 'record-pick';
  const submitLabel = options.submitLabel ?? 'Save';
  const wording = options.wording ?? {};
  // A plain { id, label } is a C whenever no `choice` is given (C is then RecordChoice).
  const toChoice = options.choice ?? ((id: string, label: string) => ({ id, label }) as C);

  const hintText = [
    `Choose "${options.newChoice}" to add one, or ${wording.chooseToChange ?? 'choose one to change it'}.`,
    withoutIdHint(data.withoutId, options.idHeader, options.tab),
  ]
    .filter(Boolean)
    .join(' ');
  const picker = selectControl(
    { id: pickId, name: pickId, 'aria-describedby': `${pickId}-hint` },
    undefined,
    [],
  );
  const pickStatus = h('p', {
    class: 'hint',
    id: `${pickId}-status`,
    role: 'status',
    'aria-live': 'polite',
  });
  const pickField = h(
    'div',
    { class: 'field' },
    h('label', { for: pickId }, options.pickLabel),
    h('p', { class: 'hint', id: `${pickId}-hint` }, hintText),
    picker,
    pickStatus,
  );
  fillPicker();

  const form: SchemaForm = renderSchemaForm(root, {
    heading: options.heading,
    intro: options.intro,
    groups: typeof options.groups === 'function' ? options.groups(data) : options.groups,
    validate: (values) => options.validate(values, data),
    before: [pickField],
    submitLabel: options.submitLabel,
    resetAfterSave: false,
    submit: (values) => options.save(values, currentId),
    onSaved: (result, saved) => {
      const choice = toChoice(result.id, options.choiceLabel(form.values()), saved);
      const existing = choices.findIndex((c) => c.id === result.id);
      if (existing >= 0) choices.splice(existing, 1, choice);
      else choices.push(choice);
      choices.sort(options.compare ?? byLabel);
      if (options.clearAfterAdd === undefined) {
        // The form now shows the saved record: a second Save changes it rather than adding it again.
        currentId = result.id;
      } else if (currentId === '') {
        // Added: the form is cleared for the next new one (the saved one stays in the list).
        form.reset();
        form.control(options.clearAfterAdd)?.focus();
      }
      fillPicker();
      setPickStatus('');
    },
  });
  options.onForm?.(form, data);

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
      setPickStatus(`The form is empty, ready for ${wording.aNewOne ?? 'a new one'}.`);
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
            wording.gone ??
              `That one is no longer on the ${options.tab} tab (someone may have deleted it). The list has been updated.`,
            true,
          );
          return;
        }
        const { id: recordId, ...values } = record;
        startAfresh();
        options.beforeShow?.(form, values);
        form.setValues(values);
        currentId = recordId;
        const label = choices.find((c) => c.id === recordId)?.label ?? recordId;
        setPickStatus(`Showing ${label}. Change what you need, then press ${submitLabel}.`);
      })
      .catch((error: unknown) => {
        if (mine !== request) return;
        picker.value = currentId;
        setPickStatus((error as Error).message, true);
      });
  });
}
