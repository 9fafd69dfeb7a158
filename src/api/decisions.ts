/**
 * Sidebar endpoints: see decisions-contract.ts. The SENCo's decision about an intervention that a
 * mid-point review found not working (or any other one): Continue, Change or Stop, recorded on its
 * Interventions row (Decision, Decision reason, Decided by, Decided on) in the same write that
 * clears Needs decision, with the audit rows written first by runOperation. Stop also stops the
 * started places and cancels their reviews still due, in the same operation.
 * Only the endpoints are exported: everything exported here becomes callable from the sidebar.
 */
import { refigure, syncInterventionFigures } from './intervention-figures';
import { startOfDay } from 'date-fns';
import {
  decisionReason,
  needsDecisionLines,
  outcomeScoreText,
  shortPupilName,
  stopPlan,
  validateDecision,
  type Decision,
} from '../domain/decision';
import { INTERVENTION_COLUMNS } from '../domain/intervention';
import { isRemovedStatus, longDate, sessionsText } from '../domain/participant';
import { TABS } from '../domain/workbook';
import { runOperation } from '../store/operation';
import type { Row, Table } from '../store/table';
import { readTables, tabsExist } from '../store/workbook';
import { showSidebar } from '../ui/dialogs';
import type { SaveResult } from './contract';
import type {
  DecisionChoice,
  DecisionEvidence,
  DecisionOptions,
  DecisionPupil,
  MidPointEvidence,
} from './decisions-contract';
import { refused, savedAlready } from './results';

// ---------------------------------------------------------------------------------------------
// Endpoints

export function getDecisionOptions(): DecisionOptions {
  if (!tabsExist([TABS.interventions])) return { workbookReady: false, interventions: [] };
  const { interventions } = readTables({ interventions: TABS.interventions });
  const choices: DecisionChoice[] = interventions
    .records()
    .filter((row) => row.id !== '' && !isStopped(row))
    .map((row) => {
      const decidedOn = row.date('Decided on');
      return {
        id: row.id,
        name: row.text(INTERVENTION_COLUMNS.name) || row.id,
        lead: row.text(INTERVENTION_COLUMNS.lead),
        status: row.text('Status'),
        needsDecision: row.text('Needs decision') !== '',
        decision: row.text('Decision'),
        decidedOnText: decidedOn ? longDate(decidedOn) : '',
      };
    })
    .sort(
      (a, b) =>
        Number(b.needsDecision) - Number(a.needsDecision) ||
        a.name.localeCompare(b.name, 'en-GB', { sensitivity: 'base' }) ||
        a.id.localeCompare(b.id),
    );
  return { workbookReady: true, interventions: choices };
}

export function getDecisionEvidence(interventionId: unknown): DecisionEvidence {
  const id = typeof interventionId === 'string' ? interventionId.trim() : '';
  const specs = {
    interventions: TABS.interventions,
    participants: TABS.participants,
    reviews: TABS.reviews,
    pupils: TABS.pupils,
  };
  if (!tabsExist(Object.values(specs))) {
    return {
      workbookReady: false,
      intervention: {
        id,
        name: '',
        lead: '',
        status: '',
        plan: '',
        needsDecision: [],
        lastDecision: null,
      },
      pupils: [],
    };
  }
  const { interventions, participants, reviews, pupils } = readTables(specs);
  const intervention = interventions.find(id);
  if (!intervention) throw new Error(GONE_TEXT);

  const midPoints = new Map<string, Row>();
  for (const row of reviews.records()) {
    if (row.text('Intervention ID') !== id || row.text('Kind') !== 'Mid-point') continue;
    const place = row.text('Participant ID');
    const seen = midPoints.get(place);
    // Several mid-points for one pupil (typed by hand): the one recorded wins over one still due.
    if (!seen || (!isDone(seen) && isDone(row))) midPoints.set(place, row);
  }
  const evidence: DecisionPupil[] = participants
    .records()
    .filter(
      (row) =>
        row.id !== '' && row.text('Intervention ID') === id && !isRemovedStatus(row.text('Status')),
    )
    .map((place) => pupilEvidence(place, pupils, midPoints.get(place.id)))
    .sort((a, b) => a.name.localeCompare(b.name, 'en-GB', { sensitivity: 'base' }));

  const decidedOn = intervention.date('Decided on');
  const decision = intervention.text('Decision');
  return {
    workbookReady: true,
    intervention: {
      id,
      name: intervention.text(INTERVENTION_COLUMNS.name) || id,
      lead: intervention.text(INTERVENTION_COLUMNS.lead),
      status: intervention.text('Status'),
      plan: planText(intervention),
      needsDecision: needsDecisionLines(intervention.text('Needs decision')),
      lastDecision: decision
        ? {
            decision,
            reason: intervention.text('Decision reason'),
            by: intervention.text('Decided by'),
            onText: decidedOn ? longDate(decidedOn) : '',
          }
        : null,
    },
    pupils: evidence,
  };
}

export function recordDecision(form: unknown, requestId?: unknown): SaveResult {
  const checked = validateDecision(form);
  if (!checked.ok) return refused(checked.errors);
  const decision = checked.value;
  const options = { requestId, alreadyDone: savedAlready };
  const id = decision.interventionId;
  if (decision.decision !== 'Stop') {
    // Continue and Change touch only the intervention's own row.
    return runOperation(
      { interventions: TABS.interventions },
      ({ interventions }, { user, now }): SaveResult => {
        const row = checkedRow(interventions, decision);
        if (!row.ok) return row.refusal;
        writeDecision(row.row, decision, user, now);
        return { ok: true, id: row.row.id, message: doneMessage(row.row, decision) };
      },
      {
        ...options,
        load: (loader) => ({
          interventions: loader.where(TABS.interventions, { 'Intervention ID': [id] }),
        }),
      },
    );
  }
  // The intervention's own tab first: runOperation writes it last.
  return runOperation(
    {
      interventions: TABS.interventions,
      participants: TABS.participants,
      reviews: TABS.reviews,
      staff: TABS.staff,
      settings: TABS.settings,
    },
    ({ interventions, participants, reviews, staff, settings }, { user, now }): SaveResult => {
      const row = checkedRow(interventions, decision);
      if (!row.ok) return row.refusal;
      const id = row.row.id;
      const places = participants
        .records()
        .filter((p) => p.id !== '' && p.text('Intervention ID') === id);
      const plan = stopPlan(
        places.map((p) => ({ participantId: p.id, status: p.text('Status') })),
        reviews
          .records()
          .filter((r) => r.id !== '' && r.text('Intervention ID') === id)
          .map((r) => ({
            reviewId: r.id,
            participantId: r.text('Participant ID'),
            status: r.text('Status'),
          })),
      );
      for (const placeId of plan.placesToStop)
        participants.find(placeId)?.set({ Status: 'Stopped' });
      for (const reviewId of plan.reviewsToCancel)
        reviews.find(reviewId)?.set({ Status: 'Cancelled' });
      row.row.set({ Status: 'Stopped' });
      writeDecision(row.row, decision, user, now);
      // Its cost stops at the stop date, and its cost per pupil becomes its cost to date.
      syncInterventionFigures({ interventions, participants, staff, settings }, now, new Set([id]));
      return {
        ok: true,
        id,
        message: [
          doneMessage(row.row, decision),
          stoppedText(plan.placesToStop.length, plan.reviewsToCancel.length),
        ].join(' '),
      };
    },
    {
      ...options,
      afterRetry: refigure,
      // The intervention, its places and its reviews only.
      load: (loader) => {
        const byIntervention = { 'Intervention ID': [id] };
        return {
          interventions: loader.where(TABS.interventions, byIntervention),
          participants: loader.where(TABS.participants, byIntervention),
          reviews: loader.where(TABS.reviews, byIntervention),
          staff: loader.whole(TABS.staff),
          settings: loader.whole(TABS.settings),
        };
      },
    },
  );
}

/** After a Change: the Intervention sheet, with this intervention chosen. */
export function showInterventionFormFor(interventionId: unknown): void {
  showSidebar('intervention', 'Intervention sheet', idOrBlank(interventionId));
}

/** After a Stop: Letters to parents, with this intervention chosen. */
export function showEndLettersFor(interventionId: unknown): void {
  showSidebar('letters', 'Letters to parents', idOrBlank(interventionId));
}

// ---------------------------------------------------------------------------------------------
// Helpers (not exported: not callable from the sidebar)

const GONE_TEXT =
  'This intervention is no longer on the Interventions tab. It may have been deleted: choose another one.';
const GONE =
  'Intervention: this intervention is no longer on the Interventions tab (it may have been deleted), so nothing was recorded. Choose another one.';

function idOrBlank(value: unknown): string {
  const id = typeof value === 'string' ? value.trim() : '';
  return /^[\w-]{1,40}$/.test(id) ? id : '';
}

function isStopped(row: Row): boolean {
  return row.text('Status').toLowerCase() === 'stopped';
}

function isDone(row: Row): boolean {
  return row.text('Status').toLowerCase() === 'done';
}

function nameOf(row: Row): string {
  return row.text(INTERVENTION_COLUMNS.name) || row.id;
}

type Checked = { ok: true; row: Row } | { ok: false; refusal: SaveResult };

/** The intervention's row, or why no decision can be recorded on it. */
function checkedRow(interventions: Table, decision: Decision): Checked {
  const row = interventions.find(decision.interventionId);
  if (!row) return { ok: false, refusal: refused({ interventionId: GONE }) };
  if (isStopped(row)) {
    const on = row.date('Decided on');
    const by = row.text('Decided by');
    const when = [on ? `on ${longDate(on)}` : '', by ? `by ${by}` : ''].filter(Boolean).join(' ');
    return {
      ok: false,
      refusal: refused({
        interventionId: `Intervention: ${nameOf(row)} was already stopped${when ? ` ${when}` : ''}, so nothing was recorded. Choose another one.`,
      }),
    };
  }
  return { ok: true, row };
}

function writeDecision(row: Row, decision: Decision, user: string, now: Date): void {
  row.set({
    Decision: decision.decision,
    'Decision reason': decisionReason(decision),
    'Decided by': user,
    'Decided on': startOfDay(now),
    'Needs decision': '',
  });
}

function doneMessage(row: Row, decision: Decision): string {
  const name = nameOf(row);
  switch (decision.decision) {
    case 'Continue':
      return `Recorded: ${name} carries on. It no longer needs a decision.`;
    case 'Change':
      return `Recorded: ${name} will change. It no longer needs a decision. Now change it on its intervention sheet.`;
    case 'Stop':
      return `Recorded: ${name} is stopped.`;
  }
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

function stoppedText(places: number, reviews: number): string {
  const placeText =
    places === 0
      ? 'No pupil was still taking part.'
      : `${plural(places, "pupil's place is", "pupils' places are")} now Stopped.`;
  const reviewText =
    reviews === 0
      ? 'No reviews were still to do.'
      : `${plural(reviews, 'review', 'reviews')} still to do ${reviews === 1 ? 'is' : 'are'} cancelled, so nobody will be reminded of ${reviews === 1 ? 'it' : 'them'}.`;
  return `${placeText} ${reviewText} Next, make the end letters to tell the parents.`;
}

/** "From 2 November 2026, 12 weeks, 3 × 20 min a week". */
function planText(row: Row): string {
  const start = row.date(INTERVENTION_COLUMNS.startDate);
  const weeks = row.number(INTERVENTION_COLUMNS.lengthWeeks);
  return [
    start ? `From ${longDate(start)}` : '',
    weeks ? `${weeks} week${weeks === 1 ? '' : 's'}` : '',
    sessionsText(
      row.number(INTERVENTION_COLUMNS.sessionsPerWeek),
      row.number(INTERVENTION_COLUMNS.minutesPerSession),
    ),
  ]
    .filter(Boolean)
    .join(', ');
}

function dateText(row: Row, header: string): string {
  const date = row.date(header);
  return date ? longDate(date) : '';
}

function pupilEvidence(place: Row, pupils: Table, midPoint: Row | undefined): DecisionPupil {
  const pupil = pupils.find(place.text('Pupil ID'));
  const name = pupil ? shortPupilName(pupil.text('First name'), pupil.text('Last name')) : '';
  return {
    participantId: place.id,
    name: name || place.text('Pupil ID') || place.id,
    yearGroup: pupil?.text('Year group') ?? '',
    status: place.text('Status'),
    baseline: place.text('Baseline'),
    baselineMeasure: place.text('Baseline measure'),
    baselineDateText: dateText(place, 'Baseline date'),
    target: place.text('Target'),
    midPoint: midPoint ? midPointEvidence(midPoint) : null,
  };
}

function midPointEvidence(row: Row): MidPointEvidence {
  return {
    status: row.text('Status') || 'Due',
    dueDateText: dateText(row, 'Due date'),
    result: row.text('Result'),
    resultDateText: dateText(row, 'Result date'),
    outcomeScore: outcomeScoreText(row.value('Outcome score')),
    progress: row.text('Progress'),
    otherFactors: row.text('Other factors'),
    judgement: row.text('Judgement'),
    furtherAction: row.text('Further action'),
    pupilView: [
      row.text('Pupil rating') ? `${row.text('Pupil rating')}/5` : '',
      row.text('Pupil view'),
    ]
      .filter(Boolean)
      .join(': '),
    parentsView: row.text('Parents view'),
    recordedBy: row.text('Recorded by'),
  };
}
