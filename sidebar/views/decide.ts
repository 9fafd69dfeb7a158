/**
 * Decide about interventions: the interventions a mid-point review flagged (not working, or no
 * measured progress) come first in the list, then any other one that is not stopped. For the one
 * chosen: why it was flagged, each pupil's baseline, mid-point result (with its provisional outcome
 * score), target and the reviewers' notes, then the SENCo's decision (sidebar/decision-form.ts).
 * After a Change the sidebar offers the intervention sheet; after a Stop, the end letters.
 */
import type {
  DecisionChoice,
  DecisionEvidence,
  DecisionPupil,
} from '../../src/api/decisions-contract';
import type { Decision } from '../../src/domain/decision';
import { decisionForm } from '../decision-form';
import { h } from '../dom';
import { loadThen } from '../form-kit';
import { renderInterventionPicker } from '../intervention-picker';
import { callServer } from '../server';

const HEADING = 'Decide about interventions';

/** "Phonics catch-up – needs a decision", "Talk Boost (Finished) – decided: Continue". */
export function decisionChoiceLabel(choice: DecisionChoice): string {
  const name = choice.status ? `${choice.name} (${choice.status})` : choice.name;
  if (choice.needsDecision) return `${name} – needs a decision`;
  return choice.decision ? `${name} – decided: ${choice.decision}` : name;
}

/** "1 intervention needs a decision: …" above the list. */
export function needingText(choices: readonly DecisionChoice[]): string {
  const needing = choices.filter((c) => c.needsDecision);
  if (needing.length === 0) {
    return 'No intervention needs a decision at the moment. You can still choose one to decide about.';
  }
  const names = needing.map((c) => c.name).join('; ');
  return needing.length === 1
    ? `1 intervention needs a decision: ${names}.`
    : `${needing.length} interventions need a decision: ${names}.`;
}

/** What to show once a decision is recorded, and what to offer next. */
interface Outcome {
  message: string;
  next?: { label: string; run: () => Promise<void> };
}

/** The intervention shown last, so coming back shows it again. */
const memory = { chosen: '' };

export function render(root: HTMLElement, outcome?: Outcome): void {
  loadThen(
    root,
    HEADING,
    () => callServer('getDecisionOptions'),
    (options) => renderList(root, options.interventions, outcome),
  );
}

function renderList(root: HTMLElement, choices: DecisionChoice[], outcome?: Outcome): void {
  const intro: Node[] = [];
  if (outcome) intro.push(outcomePanel(outcome));
  intro.push(
    h(
      'p',
      { class: 'intro' },
      'A mid-point review that finds an intervention not working, or shows no measured progress, puts it first in this list for your decision. Stopped interventions are not listed.',
    ),
  );
  if (choices.length === 0) {
    root.replaceChildren(
      h('h1', {}, HEADING),
      ...intro,
      h(
        'p',
        {},
        'There is no intervention to decide about: every one is stopped, or none has been added yet.',
      ),
    );
    root.querySelector<HTMLElement>('#decision-outcome')?.focus();
    return;
  }
  intro.push(h('p', { id: 'decisions-needed' }, needingText(choices)));
  renderInterventionPicker(root, {
    heading: HEADING,
    choices: choices.map((c) => ({ value: c.id, label: decisionChoiceLabel(c) })),
    hint: 'Those that need a decision come first. Its evidence and the decision form appear below.',
    detailsId: 'decision-evidence',
    intro,
    memory,
    load: (id) => callServer('getDecisionEvidence', id),
    render: (data, { details }) => renderEvidence(root, details, data),
  });
  const panel = root.querySelector<HTMLElement>('#decision-outcome');
  // The button that led here has gone: focus the message, so keyboard users are not lost.
  panel?.focus();
}

function outcomePanel(outcome: Outcome): HTMLElement {
  const panel = h(
    'div',
    { id: 'decision-outcome', class: 'status done', role: 'status', tabindex: '-1' },
    h('p', {}, outcome.message),
  );
  if (outcome.next) {
    const { label, run } = outcome.next;
    const problem = h('p', { class: 'error', role: 'alert' });
    const button = h('button', { type: 'button', class: 'primary' }, label);
    button.addEventListener('click', () => {
      problem.textContent = '';
      button.disabled = true;
      run()
        .catch((error: unknown) => {
          problem.textContent = (error as Error).message;
        })
        .finally(() => {
          button.disabled = false;
        });
    });
    panel.append(h('div', { class: 'actions' }, button), problem);
  }
  return panel;
}

function facts(rows: [string, string][]): HTMLElement {
  return h(
    'dl',
    { class: 'facts' },
    ...rows
      .filter(([, value]) => value.trim() !== '')
      .flatMap(([term, value]) => [h('dt', {}, term), h('dd', {}, value)]),
  );
}

function withDate(value: string, dateText: string): string {
  return [value, dateText ? `(${dateText})` : ''].filter(Boolean).join(' ');
}

function pupilItem(pupil: DecisionPupil, index: number): HTMLElement {
  const heading = pupil.yearGroup ? `${pupil.name} (${pupil.yearGroup})` : pupil.name;
  const mid = pupil.midPoint;
  let midResult = 'No mid-point review (not started yet)';
  if (mid && mid.status === 'Done') midResult = withDate(mid.result, mid.resultDateText);
  else if (mid && mid.status === 'Cancelled') midResult = 'Cancelled';
  else if (mid)
    midResult = withDate('Not recorded yet', mid.dueDateText ? `due ${mid.dueDateText}` : '');
  const done = mid?.status === 'Done';
  return h(
    'li',
    {},
    h('h3', { id: `decision-pupil-${index}` }, heading),
    facts([
      ['Place', pupil.status],
      ['Baseline', withDate(pupil.baseline, pupil.baselineDateText) || 'Not recorded yet'],
      ['Measure', pupil.baselineMeasure],
      ['Mid-point', midResult],
      ['Outcome score', done && mid.outcomeScore ? `${mid.outcomeScore} (provisional)` : ''],
      ['Target', pupil.target || 'Not recorded yet'],
      ['Judgement', done ? mid.judgement : ''],
      ['Progress', done ? mid.progress : ''],
      ['Other factors', done ? mid.otherFactors : ''],
      ['Suggested', done ? mid.furtherAction : ''],
      ['Pupil’s view', done ? mid.pupilView : ''],
      ['Parents’ view', done ? mid.parentsView : ''],
      ['Reviewed by', done ? mid.recordedBy : ''],
    ]),
  );
}

function renderEvidence(root: HTMLElement, details: HTMLElement, data: DecisionEvidence): void {
  const { intervention, pupils } = data;
  const nodes: Node[] = [];
  if (intervention.needsDecision.length > 0) {
    nodes.push(
      h(
        'div',
        { class: 'warnings' },
        h('p', { class: 'warnings-title' }, 'Why it needs a decision:'),
        h('ul', {}, ...intervention.needsDecision.map((line) => h('li', {}, line))),
      ),
    );
  }
  const last = intervention.lastDecision;
  nodes.push(
    facts([
      ['Lead', intervention.lead],
      ['Status', intervention.status],
      ['Plan', intervention.plan],
      [
        'Last decision',
        last
          ? [
              `${last.decision}${last.onText ? ` on ${last.onText}` : ''}${last.by ? ` by ${last.by}` : ''}`,
              last.reason,
            ]
              .filter(Boolean)
              .join(': ')
          : '',
      ],
    ]),
  );
  const evidence = h(
    'section',
    { 'aria-labelledby': 'evidence-heading' },
    h(
      'h2',
      { id: 'evidence-heading' },
      pupils.length === 1 ? 'The evidence: 1 pupil' : `The evidence: ${pupils.length} pupils`,
    ),
  );
  if (pupils.length === 0) {
    evidence.append(h('p', {}, 'No pupils are in this intervention yet.'));
  } else {
    evidence.append(h('ul', { class: 'places' }, ...pupils.map((p, i) => pupilItem(p, i))));
  }
  nodes.push(evidence);
  nodes.push(
    decisionForm({
      interventionId: intervention.id,
      submit: (form) => callServer('recordDecision', form),
      onSaved: (result, decision) => {
        memory.chosen = '';
        render(root, { message: result.message, next: nextStep(decision) });
      },
    }),
  );
  details.replaceChildren(...nodes);
}

function nextStep(decision: Decision): Outcome['next'] {
  const id = decision.interventionId;
  if (decision.decision === 'Change') {
    return {
      label: 'Open the intervention form',
      run: () => callServer('showInterventionFormFor', id),
    };
  }
  if (decision.decision === 'Stop') {
    return { label: 'Make the end letters', run: () => callServer('showEndLettersFor', id) };
  }
  return undefined;
}
