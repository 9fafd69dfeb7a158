/**
 * The SENCo's decision form (Decide about interventions): Continue, Change or Stop as radio
 * buttons; a reason for Continue and Stop; for Change, what changes (dosage, lead, approach) as
 * checkboxes and the new plan in words. Only the fields of the chosen decision are shown. Checked
 * with the shared schema (src/domain/decision.ts) on Save, with a summary announced to screen
 * readers and focus on the first problem, and again by the server.
 */
import type { SaveResult } from '../src/api/contract';
import {
  CHANGE_KINDS,
  CHANGE_LABELS,
  DECISION_LABELS,
  validateDecision,
  type Decision,
  type DecisionForm,
  type DecisionKind,
} from '../src/domain/decision';
import type { FieldErrors } from '../src/domain/schema-helpers';
import { DECISIONS } from '../src/domain/workbook';
import { h } from './dom';
import { problemCount } from './form-kit';

const L = DECISION_LABELS;

const DECISION_HINTS: Record<DecisionKind, string> = {
  Continue: 'Carry on as planned.',
  Change: 'Carry on, with a change to the dosage, the lead or the approach.',
  Stop: 'Stop it now: the pupils’ places are stopped and their reviews still to do are cancelled. You can then make the end letters.',
};

const REASON_HINTS: Record<string, string> = {
  Continue: 'Why it should carry on, e.g. the pupil was absent for two weeks before the review.',
  Stop: 'Why it is being stopped, e.g. no progress after six weeks; the pupil needs a different kind of help.',
};

const SUBMIT_LABELS: Record<string, string> = {
  Continue: 'Record: carry on',
  Change: 'Record: change it',
  Stop: 'Stop the intervention',
};

export interface DecisionFormOptions {
  interventionId: string;
  submit: (form: DecisionForm) => Promise<SaveResult>;
  onSaved: (result: Extract<SaveResult, { ok: true }>, decision: Decision) => void;
}

function required(): HTMLElement {
  return h('span', { class: 'required' }, '(required)');
}

export function decisionForm(options: DecisionFormOptions): HTMLElement {
  const alert = h('div', { class: 'alert', role: 'alert', 'aria-live': 'assertive' });
  const status = h('div', { class: 'status', role: 'status', 'aria-live': 'polite' });
  const errors = new Map<string, HTMLElement>();
  const errorNode = (key: string): HTMLElement => {
    const node = h('p', { class: 'error', id: `decision-${key}-error`, hidden: true });
    errors.set(key, node);
    return node;
  };

  // The decision: three radio buttons, each with its hint.
  const radios = DECISIONS.map((value) =>
    h('input', {
      type: 'radio',
      name: 'decision',
      id: `decision-${value.toLowerCase()}`,
      value,
      'aria-describedby': `decision-${value.toLowerCase()}-hint`,
    }),
  );
  const decisionSet = h(
    'fieldset',
    { id: 'decision-choice' },
    h('legend', {}, `${L.decision} `, required()),
    ...DECISIONS.map((value, i) =>
      h(
        'div',
        { class: 'checkbox' },
        radios[i] ?? '',
        h(
          'div',
          {},
          h('label', { for: `decision-${value.toLowerCase()}` }, value),
          h(
            'p',
            { class: 'hint', id: `decision-${value.toLowerCase()}-hint` },
            DECISION_HINTS[value],
          ),
        ),
      ),
    ),
    errorNode('decision'),
  );

  // Continue and Stop: the reason.
  const reasonHint = h('p', { class: 'hint', id: 'decision-reason-hint' });
  const reason = h('textarea', {
    id: 'decision-reason',
    name: 'reason',
    rows: '3',
    'aria-describedby': 'decision-reason-hint',
  });
  const reasonField = h(
    'div',
    { class: 'field', hidden: true },
    h('label', { for: 'decision-reason' }, `${L.reason} `, required()),
    reasonHint,
    reason,
    errorNode('reason'),
  );

  // Change: what changes, and the new plan.
  const boxes = CHANGE_KINDS.map((kind) =>
    h('input', { type: 'checkbox', name: 'changes', id: `decision-change-${kind}`, value: kind }),
  );
  const changesSet = h(
    'fieldset',
    { id: 'decision-changes', hidden: true },
    h('legend', {}, `${L.changes} `, required()),
    h('p', { class: 'hint' }, 'Tick everything that changes.'),
    ...CHANGE_KINDS.map((kind, i) =>
      h(
        'div',
        { class: 'checkbox' },
        boxes[i] ?? '',
        h('label', { for: `decision-change-${kind}` }, CHANGE_LABELS[kind]),
      ),
    ),
    errorNode('changes'),
  );
  const plan = h('textarea', {
    id: 'decision-plan',
    name: 'plan',
    rows: '4',
    'aria-describedby': 'decision-plan-hint',
  });
  const planField = h(
    'div',
    { class: 'field', hidden: true },
    h('label', { for: 'decision-plan' }, `${L.plan} `, required()),
    h(
      'p',
      { class: 'hint', id: 'decision-plan-hint' },
      'In words, e.g. four sessions a week instead of three, led by Mr Reed, for six more weeks.',
    ),
    plan,
    errorNode('plan'),
  );

  const save = h('button', { type: 'submit', class: 'primary' }, 'Record the decision');
  const form = h(
    'form',
    { novalidate: true },
    alert,
    status,
    decisionSet,
    reasonField,
    changesSet,
    planField,
    h('div', { class: 'actions' }, save),
  );
  let saving = false;
  let shown: FieldErrors = {};
  /** Each control's own hints, kept when an error is added to what describes it. */
  const hints = new Map<HTMLElement, string>(
    [...radios, ...boxes, reason, plan].map((c) => [c, c.getAttribute('aria-describedby') ?? '']),
  );

  const chosen = (): string => radios.find((r) => r.checked)?.value ?? '';
  const values = (): DecisionForm => ({
    interventionId: options.interventionId,
    decision: chosen(),
    reason: chosen() === 'Change' ? '' : reason.value,
    changes: chosen() === 'Change' ? boxes.filter((b) => b.checked).map((b) => b.value) : [],
    plan: chosen() === 'Change' ? plan.value : '',
  });
  const check = (): FieldErrors => {
    const result = validateDecision(values());
    return result.ok ? {} : result.errors;
  };

  /** The controls a field's error belongs to, for aria-describedby and aria-invalid. */
  const controlsOf = (key: string): HTMLElement[] => {
    if (key === 'decision') return radios;
    if (key === 'changes') return boxes;
    if (key === 'reason') return [reason];
    if (key === 'plan') return [plan];
    return [];
  };

  function showErrors(next: FieldErrors): void {
    shown = next;
    for (const [key, node] of errors) {
      const message = next[key];
      node.textContent = message ?? '';
      node.hidden = !message;
      for (const control of controlsOf(key)) {
        const ids = [hints.get(control) ?? '', message ? node.id : ''].filter(Boolean).join(' ');
        if (ids) control.setAttribute('aria-describedby', ids);
        else control.removeAttribute('aria-describedby');
        if (control instanceof HTMLTextAreaElement) {
          if (message) control.setAttribute('aria-invalid', 'true');
          else control.removeAttribute('aria-invalid');
        }
      }
    }
  }

  function showFields(): void {
    const decision = chosen();
    reasonField.hidden = decision !== 'Continue' && decision !== 'Stop';
    reasonHint.textContent = REASON_HINTS[decision] ?? '';
    changesSet.hidden = decision !== 'Change';
    planField.hidden = decision !== 'Change';
    save.textContent = SUBMIT_LABELS[decision] ?? 'Record the decision';
  }

  for (const radio of radios) {
    radio.addEventListener('change', () => {
      showFields();
      if (Object.keys(shown).length > 0) showErrors(check());
    });
  }
  for (const control of [reason, plan, ...boxes]) {
    control.addEventListener(control instanceof HTMLInputElement ? 'change' : 'input', () => {
      if (Object.keys(shown).length > 0) showErrors(check());
    });
  }

  function report(found: FieldErrors, intro: string): void {
    showErrors(found);
    const order = ['interventionId', 'decision', 'reason', 'changes', 'plan'];
    const listed = order.flatMap((key) => found[key] ?? []);
    const other = Object.entries(found)
      .filter(([key]) => !order.includes(key))
      .map(([, message]) => message);
    alert.replaceChildren(h('p', {}, intro));
    if (listed.length + other.length > 0) {
      alert.append(h('ul', {}, ...[...listed, ...other].map((m) => h('li', {}, m))));
    }
    const first = order.find((key) => found[key] && controlsOf(key).length > 0);
    if (first) controlsOf(first)[0]?.focus();
    else alert.scrollIntoView({ block: 'nearest' });
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (saving) return;
    alert.replaceChildren();
    status.replaceChildren();
    const data = values();
    const checked = validateDecision(data);
    if (!checked.ok) {
      report(checked.errors, problemCount(Object.keys(checked.errors).length));
      return;
    }
    saving = true;
    save.disabled = true;
    const label = save.textContent ?? '';
    save.textContent = 'Saving…';
    status.textContent = 'Saving…';
    options
      .submit(data)
      .then((result) => {
        status.replaceChildren();
        if (result.ok) options.onSaved(result, checked.value);
        else report(result.errors, result.message || 'The sheet did not save it:');
      })
      .catch((error: unknown) => {
        status.replaceChildren();
        alert.replaceChildren(h('p', {}, (error as Error).message));
        alert.scrollIntoView({ block: 'nearest' });
      })
      .finally(() => {
        saving = false;
        save.disabled = false;
        save.textContent = label;
      });
  });

  return h(
    'section',
    { class: 'decision-form', 'aria-labelledby': 'decision-heading' },
    h('h2', { id: 'decision-heading' }, 'Your decision'),
    form,
  );
}
