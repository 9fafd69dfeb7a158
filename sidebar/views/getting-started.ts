/**
 * Getting started: five steps from a blank Sheet to a working provision map, each with a button
 * that does it (or opens its form here, with a way back) and ticked once the workbook shows it
 * done. Opened from the menu, and by the first menu use on a blank Sheet.
 */
import type { GettingStartedStep, StepStatus } from '../../src/domain/getting-started';
import type {
  GettingStartedOutcome,
  GettingStartedStatus,
} from '../../src/api/getting-started-contract';
import { h } from '../dom';
import { loadThen } from '../form-kit';
import { renderInterventionForm } from '../intervention-form';
import { callServer } from '../server';
import { render as renderImport } from './import';
import { render as renderPupil } from './pupil';
import { render as renderStaff } from './staff';

const HEADING = 'Getting started';

type Form = (root: HTMLElement) => void;

interface StepWords {
  title: string;
  what: string;
  /** The main button, by whether the step is done yet. */
  button: { todo: string; done?: string };
  /** Opens a form in this panel, or runs on the server. */
  action: { form: Form } | { run: () => Promise<GettingStartedOutcome> };
  /** A second, smaller way to do it. */
  also?: { label: string; form: Form };
}

const STEPS: Record<GettingStartedStep, StepWords> = {
  setUp: {
    title: 'Set up the provision map',
    what: 'Adds the tabs (Interventions, Pupils, Staff and the rest) with their headings and dropdowns.',
    button: { todo: 'Set up the provision map' },
    action: { run: () => callServer('setUpFromGettingStarted') },
  },
  staff: {
    title: 'Add your staff',
    what: 'Who leads and supports interventions, with their email for reminders. The SENCo first.',
    button: { todo: 'Add staff', done: 'Add or change staff' },
    action: { form: renderStaff },
  },
  pupils: {
    title: 'Import your pupils',
    what: 'From a CSV file exported from SIMS, Arbor, Bromcom or the like, or one at a time.',
    button: { todo: 'Import pupils from a CSV file', done: 'Import more pupils' },
    action: { form: renderImport },
    also: { label: 'Add one pupil', form: renderPupil },
  },
  intervention: {
    title: 'Add an intervention',
    what: 'What it is, who leads it, how often and what it should achieve. Then add its pupils: "Pupils in an intervention…" in the add-on menu.',
    button: { todo: 'Add an intervention', done: 'Add another intervention' },
    action: { form: renderInterventionForm },
  },
  reminders: {
    title: 'Turn on review reminders',
    what: 'Each school morning, staff get one email listing their reviews due soon or overdue; the SENCo gets a summary.',
    button: { todo: 'Turn on review reminders' },
    action: { run: () => callServer('turnOnRemindersFromGettingStarted') },
  },
};

export function render(root: HTMLElement): void {
  show(root, document.body.dataset.asked ?? '');
}

function show(root: HTMLElement, asked: string, outcome?: GettingStartedOutcome): void {
  if (outcome) {
    drawSteps(root, outcome.status, asked, outcome);
    return;
  }
  loadThen(
    root,
    HEADING,
    () => callServer('getGettingStarted'),
    (status) => drawSteps(root, status, asked),
  );
}

function drawSteps(
  root: HTMLElement,
  status: GettingStartedStatus,
  asked: string,
  outcome?: GettingStartedOutcome,
): void {
  const setUp = status.steps.find((s) => s.step === 'setUp')?.done ?? false;
  const left = status.steps.filter((s) => !s.done).length;
  const message = h('div', {
    class: `status${outcome?.ok ? ' done' : ''}`,
    role: 'status',
    'aria-live': 'polite',
  });
  if (outcome) {
    message.append(...outcome.message.split('\n').map((line) => h('p', {}, line)));
  }
  const intro = [
    h(
      'p',
      { class: 'intro' },
      left === 0
        ? 'All done: this Sheet is your provision map. This list stays in the add-on menu, under "Getting started…".'
        : `Five steps make this Sheet your provision map; ${left === 1 ? '1 is' : `${left} are`} still to do. Each is ticked once done. This list stays in the add-on menu, under "Getting started…".`,
    ),
  ];
  if (asked && !setUp) {
    intro.push(
      h(
        'p',
        { class: 'notice-plain' },
        `You chose "${asked}". It needs the provision map set up first: start with step 1.`,
      ),
    );
  }
  const list = h(
    'ol',
    { class: 'steps' },
    ...status.steps.map((step, i) => drawStep(root, step, i + 1, setUp, asked)),
  );
  root.replaceChildren(h('h1', {}, HEADING), ...intro, message, list);
  if (outcome) {
    // The pressed button was redrawn: put keyboard users on what happened.
    message.setAttribute('tabindex', '-1');
    message.focus();
  }
}

function drawStep(
  root: HTMLElement,
  status: StepStatus,
  number: number,
  setUp: boolean,
  asked: string,
): HTMLElement {
  const words = STEPS[status.step];
  const id = `step-${status.step}`;
  const item = h(
    'li',
    { class: `step${status.done ? ' done' : ''}`, 'aria-labelledby': `${id}-title` },
    h(
      'h2',
      { id: `${id}-title`, class: 'step-title' },
      h('span', { class: 'tick', 'aria-hidden': 'true' }, status.done ? '✓' : String(number)),
      h('span', {}, words.title),
      h('span', { class: 'step-state' }, status.done ? 'Done' : 'To do'),
    ),
    h('p', { class: 'hint', id: `${id}-detail` }, status.detail),
    h('p', { class: 'step-what' }, words.what),
  );
  const waits = status.step !== 'setUp' && !setUp;
  // Set-up and reminders, once done, have nothing left to press.
  const label = status.done ? words.button.done : words.button.todo;
  if (waits || label === undefined) return item;
  const actions = h('div', { class: 'step-actions' });
  const button = h(
    'button',
    {
      type: 'button',
      class: status.done ? 'secondary' : 'primary',
      'aria-describedby': `${id}-detail`,
    },
    label,
  );
  const action = words.action;
  if ('form' in action) {
    button.addEventListener('click', () => openForm(root, action.form, asked));
  } else {
    button.addEventListener('click', () => {
      button.disabled = true;
      button.textContent = 'Working…';
      action.run().then(
        (outcome) => show(root, asked, outcome),
        (error: unknown) => {
          button.disabled = false;
          button.textContent = label;
          const note = item.querySelector('.error') ?? h('p', { class: 'error', role: 'alert' });
          note.textContent = (error as Error).message;
          item.append(note);
        },
      );
    });
  }
  actions.append(button);
  if (words.also) {
    const { form } = words.also;
    const also = h('button', { type: 'button', class: 'secondary' }, words.also.label);
    also.addEventListener('click', () => openForm(root, form, asked));
    actions.append(also);
  }
  item.append(actions);
  return item;
}

/** A step's form in this panel, under a way back to the steps (ticked again from the workbook). */
function openForm(root: HTMLElement, form: Form, asked: string): void {
  const back = h('button', { type: 'button', class: 'back' }, '‹ Back to Getting started');
  const panel = h('div', { class: 'step-form' });
  back.addEventListener('click', () => show(root, asked));
  root.replaceChildren(h('nav', { 'aria-label': HEADING }, back), panel);
  form(panel);
  back.focus();
}
