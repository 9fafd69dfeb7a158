/**
 * Record a review: choose an intervention, see its reviews by due date, choose one pupil's review
 * and record the result (measured the same way as the baseline, shown for reference), progress,
 * other factors, a judgement and further action; at the end review, also the evaluation of the
 * intervention as a whole. Extra reviews can be added by hand below the list.
 */
import type {
  InterventionReviews,
  ReviewFormValues,
  ReviewInterventionChoice,
  ReviewSummary,
} from '../../src/api/reviews-contract';
import {
  OUTCOME_CHOICES,
  PUPIL_RATINGS,
  REVIEW_LABELS,
  reviewName,
  validateExtraReview,
  validateReview,
} from '../../src/domain/review';
import { FURTHER_ACTIONS, REVIEW_JUDGEMENTS, YES_NO } from '../../src/domain/workbook';
import { h } from '../dom';
import { loadThen, renderSchemaForm, type FieldSpec, type GroupSpec } from '../form-kit';
import { renderInterventionPicker, showMessage } from '../intervention-picker';
import { callServer } from '../server';

const HEADING = 'Record a review';

export const DECISION_NOTE =
  'At the mid-point, choosing "Not working", or a result no higher than the baseline, flags the intervention for the SENCo to decide whether to change or stop it, and emails them.';

/** "Precision teaching – 2 reviews due (1 overdue)". */
export function reviewInterventionLabel(choice: ReviewInterventionChoice): string {
  const due =
    choice.dueCount === 0
      ? 'no reviews due'
      : `${choice.dueCount} review${choice.dueCount === 1 ? '' : 's'} due` +
        (choice.overdueCount > 0 ? ` (${choice.overdueCount} overdue)` : '');
  return `${choice.name} – ${due}`;
}

/** The button's words: "Amy Brown: Mid-point review, due 14 December 2026". */
export function reviewButtonLabel(review: ReviewSummary): string {
  const due = review.dueDateText ? `due ${review.dueDateText}` : 'no due date';
  return `${review.pupilName}: ${reviewName(review.kind)}, ${due}`;
}

/** "Overdue", "Due", "Done on 3 December 2026 by …", "Cancelled". */
export function reviewStatusText(review: ReviewSummary): string {
  if (review.status === 'Done') {
    const by = review.recordedBy ? ` by ${review.recordedBy}` : '';
    return review.doneOnText
      ? `Done on ${review.doneOnText}${by}. Choose it to correct it.`
      : `Done${by}. Choose it to correct it.`;
  }
  if (review.overdue) return 'Overdue: not recorded yet.';
  return review.status === 'Due' ? 'Due: not recorded yet.' : review.status;
}

/** Reviews grouped by due date, in the order given (no date last). */
export function groupByDueDate(reviews: readonly ReviewSummary[]): [string, ReviewSummary[]][] {
  const groups = new Map<string, ReviewSummary[]>();
  for (const review of reviews) {
    const key = review.dueDateText ? `Due ${review.dueDateText}` : 'No due date';
    groups.set(key, [...(groups.get(key) ?? []), review]);
  }
  return [...groups.entries()];
}

/** The intervention shown last, so "Back to the reviews" returns to it. */
const memory = { chosen: '' };

export function render(root: HTMLElement, message?: string): void {
  loadThen(
    root,
    HEADING,
    () => callServer('getReviewOptions'),
    (options) => renderList(root, options.interventions, message),
  );
}

function renderList(
  root: HTMLElement,
  interventions: ReviewInterventionChoice[],
  message?: string,
): void {
  renderInterventionPicker(root, {
    heading: HEADING,
    choices: interventions.map((i) => ({ value: i.id, label: reviewInterventionLabel(i) })),
    hint: 'Its reviews are listed below by due date. Interventions with reviews due come first.',
    detailsId: 'intervention-reviews',
    message: message ? { text: message } : undefined,
    memory,
    load: (id) => callServer('getInterventionReviews', id),
    render: (data, { details, status, reload }) =>
      renderReviews(root, details, data, {
        reload,
        added: (text) => {
          showMessage(status, text);
          reload();
        },
      }),
  });
}

function renderReviews(
  root: HTMLElement,
  details: HTMLElement,
  data: InterventionReviews,
  actions: { reload: () => void; added: (message: string) => void },
): void {
  const nodes: Node[] = [];
  if (data.intervention.needsDecision) {
    nodes.push(
      h(
        'div',
        { class: 'warnings' },
        h('p', { class: 'warnings-title' }, 'Needs a decision by the SENCo:'),
        h(
          'ul',
          {},
          ...data.intervention.needsDecision
            .split('\n')
            .filter((line) => line.trim() !== '')
            .map((line) => h('li', {}, line)),
        ),
      ),
    );
  }
  const section = h(
    'section',
    { 'aria-labelledby': 'reviews-heading' },
    h('h2', { id: 'reviews-heading' }, reviewsHeading(data.reviews.length)),
  );
  if (data.reviews.length === 0) {
    section.append(
      h(
        'p',
        {},
        'Reviews appear here once a pupil is marked Started. You can also add an extra review below.',
      ),
    );
  } else {
    section.append(h('p', { class: 'hint' }, 'Choose a review to record it, or to correct it.'));
  }
  for (const [heading, reviews] of groupByDueDate(data.reviews)) {
    const list = h('ul', { class: 'pupil-list' });
    for (const review of reviews) {
      const describedBy = `${review.reviewId}-status`;
      const open = h(
        'button',
        { type: 'button', class: 'secondary pupil', 'aria-describedby': describedBy },
        reviewButtonLabel(review),
      );
      open.addEventListener('click', () => renderReviewForm(root, data, review));
      list.append(
        h('li', {}, open, h('p', { class: 'hint', id: describedBy }, reviewStatusText(review))),
      );
    }
    section.append(h('h3', {}, heading), list);
  }
  nodes.push(section);
  nodes.push(extraReviewSection(data, actions.added));
  details.replaceChildren(...nodes);
}

function reviewsHeading(count: number): string {
  if (count === 0) return 'No reviews yet';
  return count === 1 ? '1 review' : `${count} reviews`;
}

/** "Add an extra review": a pupil and a due date. */
function extraReviewSection(data: InterventionReviews, added: (message: string) => void): Node {
  const section = h('section', { class: 'extra-review' });
  if (data.pupils.length === 0) {
    section.append(
      h('h2', {}, 'Add an extra review'),
      h('p', {}, 'Add pupils to this intervention first (Pupils in an intervention).'),
    );
    return section;
  }
  renderSchemaForm(section, {
    heading: 'Add an extra review',
    intro: 'For a review on another day, e.g. when a parent or teacher asks for one.',
    groups: [
      {
        legend: 'Extra review',
        fields: [
          {
            key: 'participantId',
            label: 'Pupil',
            kind: 'select',
            prompt: 'Choose a pupil',
            options: data.pupils.map((p) => ({
              value: p.participantId,
              label: p.yearGroup ? `${p.name} (${p.yearGroup})` : p.name,
            })),
          },
          { key: 'dueDate', label: 'Due date', kind: 'date' },
        ],
      },
    ],
    validate: (values) => validateExtraReview(values),
    submitLabel: 'Add review',
    submit: (values) =>
      callServer('addExtraReview', {
        participantId: values.participantId ?? '',
        dueDate: values.dueDate ?? '',
      }),
    onSaved: (result) => added(result.message),
  });
  // The section sits under the page's heading: its own is a second-level one.
  const heading = section.querySelector('h1');
  if (heading) heading.replaceWith(h('h2', {}, heading.textContent ?? ''));
  return section;
}

// ---------------------------------------------------------------------------------------------
// One review

function facts(rows: [string, string][]): HTMLElement {
  return h(
    'dl',
    { class: 'facts' },
    ...rows
      .filter(([, value]) => value.trim() !== '')
      .flatMap(([term, value]) => [h('dt', {}, term), h('dd', {}, value)]),
  );
}

function reviewGroups(review: ReviewSummary): GroupSpec[] {
  const L = REVIEW_LABELS;
  const measure = review.baselineMeasure
    ? `Measured the same way as the baseline: ${review.baselineMeasure}.`
    : 'Measured the same way as the baseline.';
  const groups: GroupSpec[] = [
    {
      legend: review.kind === 'Baseline' ? 'Starting point' : 'Result',
      fields: [
        {
          key: 'result',
          label: L.result,
          kind: 'text',
          hint:
            review.kind === 'Baseline'
              ? 'Where the pupil is now, e.g. 4/10 in spelling tests. It becomes their baseline.'
              : review.baseline
                ? `${measure} The baseline was ${review.baseline}: write the result the same way.`
                : measure,
        },
        { key: 'resultDate', label: L.resultDate, kind: 'date', hint: 'When it was measured.' },
        {
          key: 'progress',
          label: L.progress,
          kind: 'textarea',
          hint: 'In words: what the pupil can do now that they could not before.',
        },
        {
          key: 'otherFactors',
          label: L.otherFactors,
          kind: 'textarea',
          hint: 'Anything else that affected progress, e.g. absence or a change at home.',
        },
      ],
    },
  ];
  if (review.kind !== 'Baseline') {
    groups.push({
      legend: 'Is it working?',
      fields: [
        {
          key: 'judgement',
          label: L.judgement,
          kind: 'select',
          options: REVIEW_JUDGEMENTS,
          prompt: 'Choose one',
        },
        {
          key: 'furtherAction',
          label: L.furtherAction,
          kind: 'select',
          options: FURTHER_ACTIONS,
          prompt: 'Choose one',
          hint: 'Continue, change it, stop it, or agree a new plan.',
        },
      ],
    });
  }
  if (review.kind === 'Mid-point' || review.kind === 'End') {
    groups.push({
      legend: 'Outcome score',
      hint: 'Worked out from the baseline, target and result when the measure is a number. Choose one yourself for a words-only measure, or if you disagree, and say why.',
      fields: [
        {
          key: 'outcomeScore',
          label: L.outcomeScore,
          kind: 'select',
          options: OUTCOME_CHOICES,
          prompt: 'Work it out for me',
          groupHint: true,
        },
        {
          key: 'outcomeReason',
          label: L.outcomeReason,
          kind: 'textarea',
          hint: '−2 significantly less than expected, −1 less, 0 as expected, +1 more, +2 significantly more.',
        },
      ],
    });
  }
  groups.push(voiceGroup(review.kind));
  if (review.kind === 'End') {
    groups.push({
      legend: 'The intervention as a whole',
      hint: 'Saved on the Interventions tab: the same for every pupil in it.',
      fields: [
        {
          key: 'runAgain',
          label: L.runAgain,
          kind: 'select',
          options: YES_NO,
          prompt: 'Choose Yes or No',
          groupHint: true,
        },
        {
          key: 'changeFirst',
          label: L.changeFirst,
          kind: 'textarea',
          hint: 'What to change before running it again, if anything.',
        },
        {
          key: 'staffTrainingNeeds',
          label: L.staffTrainingNeeds,
          kind: 'textarea',
          hint: 'Training the staff who deliver it need, if any.',
        },
      ],
    });
  }
  return groups;
}

/** The pupil's own view (not at the baseline) and the parents' view, when they gave one. */
function voiceGroup(kind: string): GroupSpec {
  const L = REVIEW_LABELS;
  const parents: FieldSpec = {
    key: 'parentsView',
    label: L.parentsView,
    kind: 'textarea',
    hint:
      kind === 'Baseline'
        ? 'Their answer on the start letter’s reply slip, e.g. happy for them to take part, or would like to talk first. Leave blank if no reply yet.'
        : 'What the parents think, if they told you. Leave blank if not.',
  };
  if (kind === 'Baseline') return { legend: 'Parents’ view', fields: [parents] };
  return {
    legend: 'Views',
    hint: 'Ask the pupil how it is going for them: 1 not well, 5 very well.',
    fields: [
      {
        key: 'pupilRating',
        label: L.pupilRating,
        kind: 'select',
        options: PUPIL_RATINGS,
        prompt: 'Choose one',
        groupHint: true,
      },
      {
        key: 'pupilView',
        label: L.pupilView,
        kind: 'textarea',
        hint: 'Their own words if they gave any; if you chose Not asked, say why.',
      },
      parents,
    ],
  };
}

function renderReviewForm(
  root: HTMLElement,
  data: InterventionReviews,
  review: ReviewSummary,
): void {
  const back = h('button', { type: 'button', class: 'secondary' }, 'Back to the reviews');
  back.addEventListener('click', () => render(root));
  const baselineDetail = [
    review.baseline,
    review.baselineDateText ? `(${review.baselineDateText})` : '',
  ]
    .filter(Boolean)
    .join(' ');
  const before: Node[] = [
    h('div', { class: 'actions' }, back),
    h(
      'section',
      { 'aria-labelledby': 'reference-heading' },
      h('h2', { id: 'reference-heading' }, 'For reference'),
      facts([
        ['Intervention', data.intervention.name],
        ['Due', review.dueDateText || 'No due date'],
        ['Baseline', baselineDetail || 'Not recorded yet'],
        ['Measure', review.baselineMeasure || 'Not recorded yet'],
        ['Target', review.target || 'Not recorded yet'],
        [
          'Recorded',
          review.status === 'Done'
            ? [review.doneOnText, review.recordedBy].filter(Boolean).join(' by ') || 'Yes'
            : '',
        ],
      ]),
    ),
  ];
  if (review.kind === 'Mid-point') {
    before.push(h('p', { class: 'consent-note', id: 'decision-note' }, DECISION_NOTE));
  }
  if (review.status === 'Done') {
    before.push(
      h(
        'p',
        { class: 'hint' },
        'This review is already recorded. Correct what you need and save: the old values are kept in the Audit log.',
      ),
    );
  }
  const initial = { ...review.form, resultDate: review.form.resultDate || data.today };
  const fixed = { reviewId: review.reviewId, kind: review.kind };
  renderSchemaForm(root, {
    heading: `${reviewName(review.kind)}: ${review.pupilName}`,
    before,
    groups: reviewGroups(review),
    validate: (values) => validateReview({ ...values, ...fixed }),
    initial,
    submitLabel: review.status === 'Done' ? 'Save the correction' : 'Save',
    resetAfterSave: false,
    submit: (values) => callServer('saveReview', { ...emptyForm(), ...values, ...fixed }),
  });
}

function emptyForm(): ReviewFormValues {
  return {
    reviewId: '',
    kind: '',
    result: '',
    resultDate: '',
    progress: '',
    otherFactors: '',
    judgement: '',
    furtherAction: '',
    runAgain: '',
    changeFirst: '',
    staffTrainingNeeds: '',
    outcomeScore: '',
    outcomeReason: '',
    pupilRating: '',
    pupilView: '',
    parentsView: '',
  };
}
