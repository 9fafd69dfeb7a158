/**
 * Sidebar endpoints that write (see reviews-contract.ts; the lists are in review-lists.ts).
 * Record a pupil's baseline, mid-point, end or extra review; at the mid-point, "Not working" or
 * no measured progress flags the intervention for the SENCo's decision and emails them; at the
 * end, the result becomes the pupil's actual result and the evaluation of the intervention as a
 * whole is kept on the Interventions tab.
 * Only the endpoints are exported: everything exported here becomes callable from the sidebar.
 */
import { startOfDay } from 'date-fns';
import { dateFromIso } from '../domain/dates';
import { newRecordId } from '../domain/ids';
import { INTERVENTION_COLUMNS } from '../domain/intervention';
import { isRemovedStatus, longDate } from '../domain/participant';
import {
  EVALUATION_COLUMNS,
  REVIEW_COLUMNS,
  VOICE_COLUMNS,
  initialsOf,
  needsDecision,
  pupilVoiceCells,
  reviewName,
  validateExtraReview,
  validateReview,
  type Review,
} from '../domain/review';
import { TABS } from '../domain/workbook';
import { uuid } from '../services/environment';
import { runOperation } from '../store/operation';
import type { Table } from '../store/table';
import type { SaveResult } from './contract';
import { refigure, syncInterventionFigures } from './intervention-figures';
import { placeAndIntervention } from './record-reads';
import { finishPlaceAfterReview, syncInterventionStatuses } from './lifecycle-sync';
import { reviewOutcome } from './measured-results';
import { refused, savedAlready } from './results';
import { tellSenco, type Decision } from './review-decision-email';
import { isCancelled, isDone, pupilName } from './review-rows';

const R = TABS.reviews;

// ---------------------------------------------------------------------------------------------
// Endpoints

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
