/**
 * The "Record a review" sidebar's lists: the interventions with their reviews due (a few columns
 * of each tab, not every review whole), and one intervention's reviews with its pupils (their
 * rows found by ID). Only the endpoints are exported: everything exported here becomes callable
 * from the sidebar.
 */
import { dateFromIso, isoFromDate } from '../domain/dates';
import { INTERVENTION_COLUMNS } from '../domain/intervention';
import { isRemovedStatus, longDate } from '../domain/participant';
import {
  EVALUATION_COLUMNS,
  REVIEW_COLUMNS,
  VOICE_COLUMNS,
  pupilVoiceForm,
} from '../domain/review';
import { TABS } from '../domain/workbook';
import { todayIso } from '../services/environment';
import type { Row, Table } from '../store/table';
import { MissingTabError } from '../store/table';
import { readSomeColumns, tableLoader } from '../store/workbook';
import type {
  InterventionReviews,
  ReviewFormValues,
  ReviewInterventionChoice,
  ReviewOptions,
  ReviewSummary,
} from './reviews-contract';
import { isDue, isOverdue, pupilName } from './review-rows';

const R = TABS.reviews;

/** One intervention's reviews, places and pupils (undefined when a tab is missing). */
function interventionReviewTables(
  id: string,
): { interventions: Table; participants: Table; reviews: Table; pupils: Table } | undefined {
  try {
    const loader = tableLoader();
    const byIntervention = { 'Intervention ID': [id] };
    const participants = loader.where(TABS.participants, byIntervention);
    return {
      interventions: loader.where(TABS.interventions, byIntervention),
      participants,
      reviews: loader.where(R, byIntervention),
      pupils: loader.where(TABS.pupils, {
        'Pupil ID': participants.records().map((p) => p.text('Pupil ID')),
      }),
    };
  } catch (error) {
    if (error instanceof MissingTabError) return undefined;
    throw error;
  }
}

export function getReviewOptions(): ReviewOptions {
  const today = todayIso();
  let interventions: Table;
  let reviews: Table;
  try {
    // The list needs a few columns of each: not every review ever recorded, whole.
    interventions = readSomeColumns(TABS.interventions, [
      TABS.interventions.idHeader,
      INTERVENTION_COLUMNS.name,
      INTERVENTION_COLUMNS.lead,
      'Status',
    ]);
    reviews = readSomeColumns(R, ['Intervention ID', 'Due date', 'Status']);
  } catch (error) {
    if (error instanceof MissingTabError) return { workbookReady: false, today, interventions: [] };
    throw error;
  }
  const todayDate = dateFromIso(today);
  const counts = new Map<string, { due: number; overdue: number }>();
  for (const row of reviews.records()) {
    if (!isDue(row)) continue;
    const id = row.text('Intervention ID');
    const count = counts.get(id) ?? { due: 0, overdue: 0 };
    count.due += 1;
    if (isOverdue(row, todayDate)) count.overdue += 1;
    counts.set(id, count);
  }
  const choices: ReviewInterventionChoice[] = interventions
    .records()
    .filter((row) => row.id !== '')
    .map((row) => ({
      id: row.id,
      name: row.text(INTERVENTION_COLUMNS.name) || row.id,
      lead: row.text(INTERVENTION_COLUMNS.lead),
      status: row.text('Status'),
      dueCount: counts.get(row.id)?.due ?? 0,
      overdueCount: counts.get(row.id)?.overdue ?? 0,
    }))
    .sort(
      (a, b) =>
        Number(b.dueCount > 0) - Number(a.dueCount > 0) ||
        a.name.localeCompare(b.name, 'en-GB', { sensitivity: 'base' }) ||
        a.id.localeCompare(b.id),
    );
  return { workbookReady: true, today, interventions: choices };
}

export function getInterventionReviews(interventionId: unknown): InterventionReviews {
  const id = typeof interventionId === 'string' ? interventionId.trim() : '';
  const today = todayIso();
  const tables = interventionReviewTables(id);
  if (!tables) {
    return {
      workbookReady: false,
      today,
      intervention: { id, name: '', lead: '', status: '', needsDecision: '' },
      reviews: [],
      pupils: [],
    };
  }
  const { interventions, participants, reviews, pupils } = tables;
  const intervention = interventions.find(id);
  if (!intervention) {
    throw new Error(
      'This intervention is no longer on the Interventions tab. It may have been deleted: choose another one.',
    );
  }
  const todayDate = dateFromIso(today);
  const summaries = reviews
    .records()
    .filter((row) => row.text('Intervention ID') === id && row.id !== '')
    .map((row) => reviewSummary(row, intervention, participants, pupils, todayDate))
    .sort(
      (a, b) =>
        (a.dueDate || '9999').localeCompare(b.dueDate || '9999') ||
        a.pupilName.localeCompare(b.pupilName) ||
        KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind),
    );
  const places = participants
    .records()
    .filter(
      (row) =>
        row.id !== '' && row.text('Intervention ID') === id && !isRemovedStatus(row.text('Status')),
    )
    .map((row) => {
      const pupil = pupils.find(row.text('Pupil ID'));
      return {
        participantId: row.id,
        name: pupil ? pupilName(pupil) : row.text('Pupil ID') || row.id,
        yearGroup: pupil?.text('Year group') ?? '',
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
  return {
    workbookReady: true,
    today,
    intervention: {
      id,
      name: intervention.text(INTERVENTION_COLUMNS.name) || id,
      lead: intervention.text(INTERVENTION_COLUMNS.lead),
      status: intervention.text('Status'),
      needsDecision: intervention.text('Needs decision'),
    },
    reviews: summaries,
    pupils: places,
  };
}

const KIND_ORDER = ['Baseline', 'Mid-point', 'End', 'Extra'];

function isoOrBlank(date: Date | undefined): string {
  return date ? isoFromDate(date) : '';
}

function reviewSummary(
  row: Row,
  intervention: Row,
  participants: Table,
  pupils: Table,
  today: Date,
): ReviewSummary {
  const place = participants.find(row.text('Participant ID'));
  const pupil = place ? pupils.find(place.text('Pupil ID')) : undefined;
  const due = row.date('Due date');
  const doneOn = row.date('Done on');
  const baselineDate = place?.date('Baseline date');
  const kind = row.text('Kind');
  const end = kind === 'End';
  const form: ReviewFormValues = {
    reviewId: row.id,
    kind,
    result: row.text(REVIEW_COLUMNS.result),
    resultDate: isoOrBlank(row.date(REVIEW_COLUMNS.resultDate)),
    progress: row.text(REVIEW_COLUMNS.progress),
    otherFactors: row.text(REVIEW_COLUMNS.otherFactors),
    judgement: row.text(REVIEW_COLUMNS.judgement),
    furtherAction: row.text(REVIEW_COLUMNS.furtherAction),
    runAgain: end ? intervention.text(EVALUATION_COLUMNS.runAgain) : '',
    changeFirst: end ? intervention.text(EVALUATION_COLUMNS.changeFirst) : '',
    staffTrainingNeeds: end ? intervention.text(EVALUATION_COLUMNS.staffTrainingNeeds) : '',
    // Shown only when the reviewer chose the score (a reason is kept with it).
    outcomeScore: row.text('Outcome reason') ? scoreChoice(row.number('Outcome score')) : '',
    outcomeReason: row.text('Outcome reason'),
    ...pupilVoiceForm(row.number(VOICE_COLUMNS.pupilRating), row.text(VOICE_COLUMNS.pupilView)),
    parentsView: row.text(VOICE_COLUMNS.parentsView),
  };
  return {
    reviewId: row.id,
    participantId: row.text('Participant ID'),
    pupilName: pupil ? pupilName(pupil) : place?.text('Pupil ID') || 'Pupil not found',
    yearGroup: pupil?.text('Year group') ?? '',
    kind,
    status: row.text('Status') || 'Due',
    dueDate: isoOrBlank(due),
    dueDateText: due ? longDate(due) : '',
    overdue: isOverdue(row, today),
    doneOnText: doneOn ? longDate(doneOn) : '',
    recordedBy: row.text('Recorded by'),
    baseline: place?.text('Baseline') ?? '',
    baselineMeasure: place?.text('Baseline measure') ?? '',
    baselineDateText: baselineDate ? longDate(baselineDate) : '',
    target: place?.text('Target') ?? '',
    form,
  };
}

/**
 * The review's per-pupil fields as cell values under their Reviews headers. A baseline review
 * records the parents' view (the start letter's reply slip) but not the pupil's.
 */

/** A score as the form's list has it: "+1", "0", "-2". */
function scoreChoice(score: number | undefined): string {
  if (score === undefined) return '';
  return score > 0 ? `+${score}` : String(score);
}
