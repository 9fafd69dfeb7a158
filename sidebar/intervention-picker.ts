/**
 * The "choose an intervention, then see its details below" frame that Pupils in an intervention,
 * Record a review and Letters to parents share: the labelled Intervention picker with its hint, a
 * status region for messages, and a container for what is loaded for the chosen intervention (a
 * later choice wins over a slower earlier one; a failed load offers Try again). The choice is
 * remembered, so coming back to the view shows the same intervention again.
 */
import { h } from './dom';
import { selectControl, warningsBox } from './form-kit';

/** What a view's render gets: where to draw, where messages go, and how to load it again. */
export interface PickedIntervention {
  details: HTMLElement;
  status: HTMLElement;
  reload: () => void;
}

export interface InterventionPickerOptions<T> {
  heading: string;
  choices: { value: string; label: string }[];
  /** The hint under the "Intervention" label. */
  hint: string;
  /** The id of the container the details are drawn in. */
  detailsId: string;
  /** Shown between the heading and the picker. */
  intro?: Node[];
  /** Shown below the details (also when there are no interventions). */
  after?: Node[];
  /** Show the status region for messages (default true). */
  withStatus?: boolean;
  /** A message to show (and focus) as the view opens. */
  message?: { text: string; warnings?: string[] };
  /** The view's memory of the intervention shown last. */
  memory: { chosen: string };
  load: (id: string) => Promise<T>;
  render: (data: T, picked: PickedIntervention) => void;
}

/** A message in the status region, with any good-practice warnings. */
export function showMessage(status: HTMLElement, text: string, warnings?: string[]): void {
  status.replaceChildren(h('p', {}, text));
  status.classList.add('done');
  if (warnings && warnings.length > 0) status.append(warningsBox(warnings));
}

export function renderInterventionPicker<T>(
  root: HTMLElement,
  options: InterventionPickerOptions<T>,
): void {
  const { heading, choices, memory } = options;
  const after = options.after ?? [];
  if (choices.length === 0) {
    root.replaceChildren(
      h('h1', {}, heading),
      h(
        'p',
        {},
        'There are no interventions yet. Add one first: in the add-on menu, choose "New intervention…".',
      ),
      ...after,
    );
    return;
  }
  const picker = selectControl(
    { id: 'intervention', name: 'intervention', 'aria-describedby': 'intervention-hint' },
    'Choose an intervention',
    choices,
  );
  const status = h('div', { class: 'status', role: 'status', 'aria-live': 'polite' });
  const details = h('div', { id: options.detailsId });
  root.replaceChildren(
    h('h1', {}, heading),
    ...(options.intro ?? []),
    h(
      'div',
      { class: 'field' },
      h('label', { for: 'intervention' }, 'Intervention'),
      h('p', { class: 'hint', id: 'intervention-hint' }, options.hint),
      picker,
    ),
    ...(options.withStatus === false ? [] : [status]),
    details,
    ...after,
  );
  if (options.message) {
    showMessage(status, options.message.text, options.message.warnings);
    // The button that led here has gone: focus the message, so keyboard users are not lost.
    status.setAttribute('tabindex', '-1');
    status.focus();
  }

  let request = 0;
  const load = (): void => {
    const id = picker.value;
    memory.chosen = id;
    const mine = (request += 1);
    details.replaceChildren();
    if (id === '') return;
    details.append(h('p', { role: 'status', 'aria-live': 'polite' }, 'Loading…'));
    options
      .load(id)
      .then((data) => {
        if (mine === request) options.render(data, { details, status, reload: load });
      })
      .catch((error: unknown) => {
        if (mine !== request) return;
        const retry = h('button', { type: 'button', class: 'secondary' }, 'Try again');
        retry.addEventListener('click', load);
        details.replaceChildren(
          h('div', { class: 'notice', role: 'alert' }, h('p', {}, (error as Error).message), retry),
        );
      });
  };
  picker.addEventListener('change', () => {
    status.replaceChildren();
    status.classList.remove('done');
    load();
  });
  if (choices.some((c) => c.value === memory.chosen)) {
    picker.value = memory.chosen;
    load();
  }
}
