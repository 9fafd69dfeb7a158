/**
 * Sidebar endpoints: see reviews-contract.ts. Record a pupil's baseline, mid-point, end or extra
 * review; at the mid-point, "Not working" or no measured progress flags the intervention for the
 * SENCo's decision and emails them; at the end, the result becomes the pupil's actual result and
 * the evaluation of the intervention as a whole is kept on the Interventions tab.
 * Only the endpoints are exported: everything exported here becomes callable from the sidebar.
 */
import { startOfDay } from 'date-fns';
import { dateFromIso, isoFromDate } from '../domain/dates';
import { escapeHtml } from '../domain/html';
import { newRecordId } from '../domain/ids';
import { INTERVENTION_COLUMNS } from '../domain/intervention';
import { isRemovedStatus, longDate } from '../domain/participant';
import {
  EVALUATION_COLUMNS,
  REVIEW_COLUMNS,
  VOICE_COLUMNS,
  initialsOf,
  needsDecision,
  pupilInEmail,
  pupilVoiceCells,
  pupilVoiceForm,
  reviewName,
  validateExtraReview,
  validateReview,
  type Review,
} from '../domain/review';
import { TABS } from '../domain/workbook';
import { todayIso, uuid } from '../services/environment';
import { remainingMailQuota, sendEmail } from '../services/mail';
import { reminderSettingsForEmail } from './email-privacy';
import { settingValues } from '../store/facts';
import { runOperation } from '../store/operation';
import type { Row, Table } from '../store/table';
import { MissingTabError } from '../store/table';
import { activeSpreadsheet, readSomeColumns, readTables, tableLoader } from '../store/workbook';
import type { SaveResult } from './contract';
import type {
  InterventionReviews,
  ReviewFormValues,
  ReviewInterventionChoice,
  ReviewOptions,
  ReviewSummary,
} from './reviews-contract';
import { refigure, syncInterventionFigures } from './intervention-figures';
import { placeAndIntervention } from './record-reads';
import { finishPlaceAfterReview, syncInterventionStatuses } from './lifecycle-sync';
import { reviewOutcome } from './measured-results';
import { refused, savedAlready } from './results';

const R = TABS.reviews;

// ---------------------------------------------------------------------------------------------
// Endpoints

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

export function saveReview(form: unknown, requestId?: unknown): SaveResult {
  const checked = validateReview(form);
  if (!checked.ok) return refused(checked.errors);
  let decision: Decision | undefined;
  // Read by the save, and used again to tell the SENCo (the tabs are not read twice).
  let staffRead: Table | undefined;
  let settingsRead: Table | undefined;
  const result = runOperation(
    {
      reviews: TABS.reviews,
      participants: TABS.participants,
      interventions: TABS.interventions,
      pupils: TABS.pupils,
      settings: TABS.settings,
      staff: TABS.staff,
    },
    (
      { reviews, participants, interventions, pupils, settings, staff },
      { user, now },
    ): SaveResult => {
      const row = reviews.find(checked.value.reviewId);
      if (!row) return refused({ reviewId: REVIEW_GONE });
      // The row's own kind decides what the review must have (the form may be out of date).
      const kind = row.text('Kind');
      const again = validateReview({ ...(form as object), kind });
      if (!again.ok) return refused(again.errors);
      const review = again.value;
      const place = participants.find(row.text('Participant ID'));
      if (!place) return refused({ reviewId: PLACE_GONE });
      const interventionId = row.text('Intervention ID') || place.text('Intervention ID');
      const intervention = interventions.find(interventionId);
      if (!intervention && kind !== 'Baseline' && kind !== 'Extra') {
        return refused({ reviewId: INTERVENTION_GONE });
      }
      const pupil = pupils.find(place.text('Pupil ID'));
      const name = pupil ? pupilName(pupil) : 'This pupil';
      const what = intervention?.text(INTERVENTION_COLUMNS.name) || interventionId;
      const today = startOfDay(now);

      // The result in the pupil's measure, and the outcome it gives (provisional at the mid-point).
      const outcome = reviewOutcome(
        kind,
        review.result,
        dateFromIso(review.resultDate),
        place,
        settings,
        { score: review.outcomeScore, reason: review.outcomeReason },
      );
      if (!outcome.ok) return refused(outcome.errors);
      const wasDone = isDone(row);
      const baseline = place.text('Baseline');
      const measure = place.text('Baseline measure');
      const before = wasDone
        ? needsDecision(kind, row.text('Judgement'), baseline, row.text('Result'), measure)
        : '';
      row.set({
        ...reviewValues(review, kind),
        Status: 'Done',
        'Done on': (wasDone ? row.date('Done on') : undefined) ?? today,
        'Recorded by': user,
        ...outcome.value.review,
      });

      const notes: string[] = [];
      if (kind === 'Baseline') {
        place.set({ Baseline: review.result, 'Baseline date': dateFromIso(review.resultDate) });
        notes.push('The result is now their baseline on the Participants tab.');
      }
      if (kind === 'End') {
        place.set({
          Actual: review.result,
          'Actual date': dateFromIso(review.resultDate),
          Evaluation: evaluationText(review),
          'Further action': review.furtherAction,
          ...outcome.value.place,
        });
        intervention?.set({
          [EVALUATION_COLUMNS.runAgain]: review.runAgain,
          [EVALUATION_COLUMNS.changeFirst]: review.changeFirst,
          [EVALUATION_COLUMNS.staffTrainingNeeds]: review.staffTrainingNeeds,
        });
        notes.push(
          'The result is their actual result on the Participants tab, and the evaluation of the intervention is on the Interventions tab.',
        );
        if (finishPlaceAfterReview(place, kind)) {
          notes.push('Their place in it is now Finished.');
        }
      }
      syncInterventionStatuses(interventions, participants, new Set([interventionId]));
      // An end result changes its impact and value (earlier reviews change neither).
      if (kind === 'End') {
        syncInterventionFigures(
          { interventions, participants, staff, settings },
          now,
          new Set([interventionId]),
        );
      }

      const reason = needsDecision(kind, review.judgement, baseline, review.result, measure);
      if (reason !== '' && reason !== before && intervention) {
        const initials = pupil ? initialsOf(pupil.text('First name'), pupil.text('Last name')) : '';
        const line = `${longDate(today)}: ${initials || place.text('Pupil ID')}: ${reason}`;
        const existing = intervention.text('Needs decision');
        intervention.set({ 'Needs decision': existing ? `${existing}\n${line}` : line });
        decision = {
          interventionName: what,
          reason,
          judgement: review.judgement,
          furtherAction: review.furtherAction,
          recordedBy: user,
          date: today,
          pupil: {
            firstName: pupil?.text('First name') ?? '',
            lastName: pupil?.text('Last name') ?? '',
            yearGroup: pupil?.text('Year group') ?? '',
          },
        };
        notes.push(
          `${reason}: the intervention is flagged for a decision on the Interventions tab.`,
        );
      } else if (reason !== '') {
        notes.push(`${reason}. The intervention was already flagged for this review.`);
      }
      if (wasDone) notes.push('The old values are kept in the Audit log.');

      if (outcome.value.summary) notes.push(outcome.value.summary.trim());
      const verb = wasDone ? 'Corrected' : 'Saved';
      return {
        ok: true,
        id: row.id,
        message: [
          `${verb} ${name}'s ${reviewName(kind).toLowerCase()} for ${what}.`,
          ...notes,
        ].join(' '),
      };
    },
    {
      requestId,
      alreadyDone: savedAlready,
      afterRetry: refigure,
      load: (loader) => {
        const reviews = loader.where(TABS.reviews, { 'Review ID': [checked.value.reviewId] });
        const review = reviews.find(checked.value.reviewId);
        const { participants, interventions, pupils } = placeAndIntervention(
          loader,
          review?.text('Participant ID') ?? '',
          review?.text('Intervention ID') ?? '',
        );
        settingsRead = loader.whole(TABS.settings);
        staffRead = loader.whole(TABS.staff);
        return {
          reviews,
          participants,
          interventions,
          pupils,
          settings: settingsRead,
          staff: staffRead,
        };
      },
    },
  );
  if (!result.ok || !decision) return result;
  const told = tellSenco(decision, staffRead, settingsRead);
  return { ...result, message: `${result.message} ${told}` };
}

export function addExtraReview(request: unknown, requestId?: unknown): SaveResult {
  const checked = validateExtraReview(request);
  if (!checked.ok) return refused(checked.errors);
  const { participantId, dueDate } = checked.value;
  return runOperation(
    { reviews: TABS.reviews, participants: TABS.participants, pupils: TABS.pupils },
    ({ reviews, participants, pupils }): SaveResult => {
      const place = participants.find(participantId);
      if (!place || isRemovedStatus(place.text('Status'))) {
        return refused({
          participantId:
            'Pupil: this pupil is no longer in the intervention on the Participants tab. Choose the intervention again.',
        });
      }
      const pupil = pupils.find(place.text('Pupil ID'));
      const name = pupil ? pupilName(pupil) : 'This pupil';
      const due = dateFromIso(dueDate);
      const clash = reviews
        .records()
        .some(
          (row) =>
            row.text('Participant ID') === participantId &&
            !isCancelled(row) &&
            row.date('Due date')?.getTime() === due.getTime(),
        );
      if (clash) {
        return refused({
          dueDate: `Due date: ${name} already has a review due on ${longDate(due)}. Choose another day.`,
        });
      }
      const id = newRecordId(R.idPrefix, reviews.ids(), uuid);
      reviews.append({
        [R.idHeader]: id,
        'Intervention ID': place.text('Intervention ID'),
        'Participant ID': participantId,
        Kind: 'Extra',
        'Due date': due,
        Status: 'Due',
      });
      return {
        ok: true,
        id,
        message: `Added an extra review for ${name}, due ${longDate(due)}.`,
      };
    },
    { requestId, alreadyDone: savedAlready },
  );
}

// ---------------------------------------------------------------------------------------------
// Helpers (not exported: not callable from the sidebar)

const REVIEW_GONE =
  'Review: this review is no longer on the Reviews tab. It may have been deleted: choose the intervention again.';
const PLACE_GONE =
  "Review: this pupil's place is no longer on the Participants tab, so the review cannot be recorded. Check the Participants tab.";
const INTERVENTION_GONE =
  'Review: its intervention is no longer on the Interventions tab, so the review cannot be recorded. Check the Interventions tab.';

const KIND_ORDER = ['Baseline', 'Mid-point', 'End', 'Extra'];

function statusOf(row: Row): string {
  return row.text('Status').toLowerCase();
}

function isDue(row: Row): boolean {
  const status = statusOf(row);
  return status === 'due' || status === '';
}

function isDone(row: Row): boolean {
  return statusOf(row) === 'done';
}

function isCancelled(row: Row): boolean {
  return statusOf(row) === 'cancelled';
}

function isOverdue(row: Row, today: Date): boolean {
  const due = row.date('Due date');
  return isDue(row) && due !== undefined && startOfDay(due) < today;
}

function pupilName(row: Row): string {
  return `${row.text('First name')} ${row.text('Last name')}`.trim() || row.id;
}

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
function reviewValues(review: Review, kind: string): Record<string, string | number | Date> {
  const voice = pupilVoiceCells(review);
  return {
    ...(kind === 'Baseline'
      ? {}
      : { [VOICE_COLUMNS.pupilRating]: voice.rating, [VOICE_COLUMNS.pupilView]: voice.view }),
    [VOICE_COLUMNS.parentsView]: review.parentsView,
    [REVIEW_COLUMNS.result]: review.result,
    [REVIEW_COLUMNS.resultDate]: dateFromIso(review.resultDate),
    [REVIEW_COLUMNS.progress]: review.progress,
    [REVIEW_COLUMNS.otherFactors]: review.otherFactors,
    [REVIEW_COLUMNS.judgement]: review.judgement,
    [REVIEW_COLUMNS.furtherAction]: review.furtherAction,
  };
}

/** The pupil's evaluation and progress at the end, for the Participants tab. */
function evaluationText(review: Review): string {
  return [
    review.judgement ? `${review.judgement}.` : '',
    review.progress ? `Progress: ${review.progress}` : '',
    review.otherFactors ? `Other factors: ${review.otherFactors}` : '',
  ]
    .filter(Boolean)
    .join('\n');
}

// ---------------------------------------------------------------------------------------------
// Telling the SENCo that a decision is needed (after the sheet is written)

interface Decision {
  interventionName: string;
  reason: string;
  judgement: string;
  furtherAction: string;
  recordedBy: string;
  date: Date;
  pupil: { firstName: string; lastName: string; yearGroup: string };
}

/** Emails the SENCo (the first Staff row with Role SENCo) and says so, or why not. */
function tellSenco(decision: Decision, staffRead?: Table, settingsRead?: Table): string {
  const { staff, settings } =
    staffRead && settingsRead
      ? { staff: staffRead, settings: settingsRead }
      : readTables({ staff: TABS.staff, settings: TABS.settings });
  const senco = staff.records().find((row) => row.text('Role').toLowerCase() === 'senco');
  if (!senco) {
    return 'There is no SENCo on the Staff tab, so nobody was emailed: please tell your SENCo yourself.';
  }
  const name = senco.text('Name') || 'SENCo';
  const email = senco.text('Email');
  if (email === '') {
    return `The SENCo (${name}) has no email address on the Staff tab, so they were not emailed: please tell them yourself.`;
  }
  const { fullNames } = reminderSettingsForEmail(settingValues(settings));
  try {
    if (remainingMailQuota() < 1) {
      return `The email to the SENCo (${name}) could not be sent because today's email limit is used up: please tell them yourself.`;
    }
    const url = activeSpreadsheet().getUrl();
    sendEmail(decisionEmail(decision, email, name, url, fullNames));
  } catch {
    return `The email to the SENCo (${name}) could not be sent: please tell them yourself.`;
  }
  return `The SENCo (${name}) has been told.`;
}

function decisionEmail(
  decision: Decision,
  to: string,
  sencoName: string,
  url: string,
  fullNames: boolean,
): { to: string; subject: string; text: string; html: string } {
  const who = pupilInEmail(decision.pupil, fullNames);
  const lines = [
    `Hello ${sencoName},`,
    `A mid-point review of ${decision.interventionName} needs your decision for ${who}.`,
    `Why: ${decision.reason}.`,
    `Judgement: ${decision.judgement || 'not given'}. Further action suggested: ${decision.furtherAction || 'not given'}.`,
    `Recorded by ${decision.recordedBy} on ${longDate(decision.date)}.`,
    'Please decide whether to change or stop the intervention for this pupil. The review and the Needs decision column of the Interventions tab are in the provision map:',
  ];
  const e = escapeHtml;
  const html = [
    ...lines.slice(0, -1).map((line) => `<p>${e(line)}</p>`),
    `<p>${e(lines[lines.length - 1] ?? '')} <a href="${e(url)}">open the provision map</a>.</p>`,
  ].join('\n');
  return {
    to,
    subject: `Decision needed: ${decision.interventionName}`,
    text: [...lines, url].join('\n\n'),
    html,
  };
}

/** A score as the form's list has it: "+1", "0", "-2". */
function scoreChoice(score: number | undefined): string {
  if (score === undefined) return '';
  return score > 0 ? `+${score}` : String(score);
}
