/**
 * Sidebar endpoints for the pupil profile (see participants-contract.ts): a pupil's needs, their
 * current and past interventions with results, the reviews still to do (overdue ones marked), the
 * time they spend away from each lesson and their good-practice warnings. Read-only. Only the
 * endpoints are exported: everything exported here becomes callable from the sidebar.
 */
import { isoFromDate } from '../domain/dates';
import { INTERVENTION_COLUMNS } from '../domain/intervention';
import { lessonTimeLostBySubject } from '../domain/lesson-time';
import { outcomeInWords, type OutcomeSettings } from '../domain/outcome';
import {
  consentRecorded,
  isCurrentStatus,
  isPastStatus,
  isRemovedStatus,
  longDate,
  minutesText,
  needInWords,
  sessionsText,
} from '../domain/participant';
import { isReviewDue, isReviewOverdue } from '../domain/profile';
import { pupilVoiceText, reviewName } from '../domain/review';
import {
  participantWarnings,
  type InterventionFacts,
  type ParticipantFacts,
  type PracticeSettings,
} from '../domain/warnings';
import { TABS } from '../domain/workbook';
import { interventionFacts, participantFacts, practiceSettings } from '../store/facts';
import { outcomeSettingsOn } from '../store/measures';
import type { Row } from '../store/table';
import { MissingTabError } from '../store/table';
import { readTables, tableLoader, tabsExist } from '../store/workbook';
import { interventionsOf } from './record-reads';
import type {
  ProfileOptions,
  ProfilePlace,
  ProfileResult,
  ProfileReview,
  PupilProfile,
} from './participants-contract';
import { byPupil, pupilChoice, pupilIndex, pupilName } from './pupil-records';

// ---------------------------------------------------------------------------------------------
// Endpoints

/** The pupil, their places with those interventions and reviews (undefined: a tab is missing). */
function profileTables(id: string) {
  try {
    const loader = tableLoader();
    const participants = loader.where(TABS.participants, { 'Pupil ID': [id] });
    const placeIds = participants.records().map((row) => row.id);
    return {
      pupils: loader.where(TABS.pupils, { 'Pupil ID': [id] }),
      interventions: interventionsOf(loader, participants),
      participants,
      reviews: loader.where(TABS.reviews, { 'Participant ID': placeIds }),
      settings: loader.whole(TABS.settings),
    };
  } catch (error) {
    if (error instanceof MissingTabError) return undefined;
    throw error;
  }
}

export function getProfileOptions(): ProfileOptions {
  if (!tabsExist([TABS.pupils])) return { workbookReady: false, pupils: [] };
  const { pupils } = readTables({ pupils: TABS.pupils });
  const byId = pupilIndex(pupils);
  return {
    workbookReady: true,
    pupils: [...byId.values()].sort((a, b) => byPupil(byId, a.id, b.id)).map(pupilChoice),
  };
}

export function getPupilProfile(pupilId: unknown): PupilProfile {
  const id = typeof pupilId === 'string' ? pupilId.trim() : '';
  const tables = profileTables(id);
  if (!tables) return emptyProfile(id);
  const { pupils, interventions, participants, reviews, settings } = tables;
  const pupil = pupils.find(id);
  if (!pupil) {
    throw new Error(
      'This pupil is no longer on the Pupils tab. They may have been deleted: choose another pupil.',
    );
  }
  const today = new Date();
  const context: WarningContext = {
    settings: practiceSettings(settings),
    interventions: interventions.records().map(interventionFacts),
    today,
  };
  const allFacts = participants.records().map(participantFacts);
  const rows = participants
    .records()
    .filter((row) => row.text('Pupil ID') === id && !isRemovedStatus(row.text('Status')));
  const interventionRows = new Map(interventions.records().map((row) => [row.id, row]));
  const reviewsByPlace = new Map<string, Row[]>();
  for (const review of reviews.records()) {
    const placeId = review.text('Participant ID');
    if (placeId === '') continue;
    reviewsByPlace.set(placeId, [...(reviewsByPlace.get(placeId) ?? []), review]);
  }
  const outcomes = outcomeSettingsOn(settings);
  const places = rows.map((row) =>
    profilePlace(row, interventionRows, reviewsByPlace.get(row.id) ?? [], outcomes),
  );
  const current = places.filter((p) => !isPastStatus(p.status));
  const past = places.filter((p) => isPastStatus(p.status));
  const startOf = (p: ProfilePlace) => startDateOf(rows, interventionRows, p.participantId);
  current.sort((a, b) => startOf(a) - startOf(b) || a.name.localeCompare(b.name));
  past.sort((a, b) => startOf(b) - startOf(a) || a.name.localeCompare(b.name));

  const placeIds = new Set(rows.map((row) => row.id));
  const reviewsDue = reviews
    .records()
    .filter((r) => placeIds.has(r.text('Participant ID')) && isReviewDue(r.text('Status')))
    .map((r) => ({ row: r, due: r.date('Due date') }))
    .sort((a, b) => (a.due?.getTime() ?? Infinity) - (b.due?.getTime() ?? Infinity))
    .map(({ row, due }): ProfileReview => {
      const place = places.find((p) => p.participantId === row.text('Participant ID'));
      const interventionId = row.text('Intervention ID');
      return {
        reviewId: row.id,
        kind: row.text('Kind'),
        intervention:
          place?.name ||
          interventionRows.get(interventionId)?.text(INTERVENTION_COLUMNS.name) ||
          interventionId ||
          'the intervention',
        dueDate: due ? longDate(due) : '',
        overdue: isReviewOverdue(row.text('Status'), due, today),
      };
    });

  // The same rule as the "Lesson time lost" warning (domain/lesson-time.ts), so they agree.
  const lost = lessonTimeLostBySubject(id, { ...context, participants: allFacts });
  const total = lost.reduce((sum, entry) => sum + entry.minutesPerWeek, 0);
  const warnings = profileWarnings(current, allFacts, context);

  const yearGroup = pupil.text('Year group');
  const workingAt = pupil.text('Working at year group');
  return {
    workbookReady: true,
    pupil: {
      id,
      name: pupilName(pupil),
      yearGroup,
      workingAt: workingAt === yearGroup ? '' : workingAt,
      senStatus: pupil.text('SEN status'),
      primaryNeed: needInWords(pupil.text('Primary need')),
      secondaryNeed: needInWords(pupil.text('Secondary need')),
      classTeacher: pupil.text('Class teacher'),
    },
    current,
    past,
    reviewsDue,
    lessonTime: lost.map((entry) => ({
      subject: entry.subject,
      minutesPerWeek: entry.minutesPerWeek,
      text: minutesText(entry.minutesPerWeek),
      interventions: entry.interventions,
    })),
    lessonTimeTotal: { minutesPerWeek: total, text: minutesText(total) },
    warnings: [...warnings],
  };
}

// ---------------------------------------------------------------------------------------------
// Helpers (not exported: not callable from the sidebar)

interface WarningContext {
  settings: PracticeSettings;
  interventions: InterventionFacts[];
  today: Date;
}

function isoOrBlank(date: Date | undefined): string {
  return date ? isoFromDate(date) : '';
}

function profilePlace(
  row: Row,
  interventions: Map<string, Row>,
  reviews: readonly Row[],
  outcomes: OutcomeSettings,
): ProfilePlace {
  const intervention = interventions.get(row.text('Intervention ID'));
  const start = row.date('Start date') ?? intervention?.date(INTERVENTION_COLUMNS.startDate);
  const baselineDate = row.date('Baseline date');
  const baselineDetail = [row.text('Baseline measure'), baselineDate ? longDate(baselineDate) : '']
    .filter(Boolean)
    .join(', ');
  const baseline = row.text('Baseline');
  const actualDate = row.date('Actual date');
  const actual = row.text('Actual');
  return {
    participantId: row.id,
    interventionId: row.text('Intervention ID'),
    name: intervention?.text(INTERVENTION_COLUMNS.name) || row.text('Intervention ID'),
    lead: intervention?.text(INTERVENTION_COLUMNS.lead) ?? '',
    status: row.text('Status'),
    startDate: start ? longDate(start) : '',
    sessions: intervention
      ? sessionsText(
          intervention.number(INTERVENTION_COLUMNS.sessionsPerWeek),
          intervention.number(INTERVENTION_COLUMNS.minutesPerSession),
        )
      : '',
    target: row.text('Target'),
    baseline: baseline && baselineDetail ? `${baseline} (${baselineDetail})` : baseline,
    actual: actual && actualDate ? `${actual} (${longDate(actualDate)})` : actual,
    ...placeOutcome(row, reviews, outcomes),
    evaluation: row.text('Evaluation'),
    furtherAction: row.text('Further action'),
    lessonMissed: row.text('Lesson missed'),
    consentRecorded: consentRecorded({
      parentsInformedOn: isoOrBlank(row.date('Parents informed on')),
      parentsInformedHow: row.text('Parents informed how'),
      parentsNotInformedBecause: row.text('Parents not informed because'),
    }),
  };
}

const RESULT_KINDS = new Set(['Mid-point', 'End', 'Extra']);

/** When a review's result was measured (else the day it was recorded). */
function reviewDate(review: Row): Date | undefined {
  return review.date('Result date') ?? review.date('Done on');
}

/**
 * A place's results, outcome and views from its reviews: every result recorded at a mid-point,
 * end or extra review in date order, the outcome score (the end review's, on the place, else the
 * latest mid-point's, provisional), whether the target was met, and the latest pupil and parents'
 * views.
 */
function placeOutcome(
  place: Row,
  reviews: readonly Row[],
  outcomes: OutcomeSettings,
): Pick<ProfilePlace, 'results' | 'outcome' | 'targetMet' | 'pupilView' | 'parentsView'> {
  const time = (review: Row) => reviewDate(review)?.getTime() ?? Number.MAX_SAFE_INTEGER;
  const live = reviews
    .filter((r) => r.text('Status').toLowerCase() !== 'cancelled')
    .sort((a, b) => time(a) - time(b));
  const done = live.filter((r) => r.text('Status').toLowerCase() === 'done');
  const results: ProfileResult[] = done
    .filter((r) => RESULT_KINDS.has(r.text('Kind')) && r.text('Result') !== '')
    .map((r) => {
      const date = reviewDate(r);
      return { kind: r.text('Kind'), result: r.text('Result'), date: date ? longDate(date) : '' };
    });

  let outcome = outcomeInWords(place.number('Outcome score'), outcomes);
  if (outcome === '') {
    const midPoint = done.filter(
      (r) => r.text('Kind') === 'Mid-point' && r.number('Outcome score') !== undefined,
    );
    const latest = midPoint[midPoint.length - 1];
    if (latest) outcome = outcomeInWords(latest.number('Outcome score'), outcomes, true);
  }

  const said = (r: Row, words: string) => {
    const date = reviewDate(r);
    const when = [reviewName(r.text('Kind')), date ? longDate(date) : '']
      .filter(Boolean)
      .join(', ');
    return `${words} (${when})`;
  };
  const pupilSaid = live.filter(
    (r) => r.text('Pupil view') !== '' || r.text('Pupil rating') !== '',
  );
  const pupilLatest = pupilSaid[pupilSaid.length - 1];
  const parentsSaid = live.filter((r) => r.text('Parents view') !== '');
  const parentsLatest = parentsSaid[parentsSaid.length - 1];
  return {
    results,
    outcome,
    targetMet: place.text('Target met'),
    pupilView: pupilLatest
      ? said(
          pupilLatest,
          pupilVoiceText(pupilLatest.number('Pupil rating'), pupilLatest.text('Pupil view')),
        )
      : '',
    parentsView: parentsLatest ? said(parentsLatest, parentsLatest.text('Parents view')) : '',
  };
}

/** A place's start (its own, else its intervention's) as a number for sorting; unknown last. */
function startDateOf(rows: Row[], interventions: Map<string, Row>, participantId: string): number {
  const row = rows.find((r) => r.id === participantId);
  const start =
    row?.date('Start date') ??
    interventions.get(row?.text('Intervention ID') ?? '')?.date(INTERVENTION_COLUMNS.startDate);
  return start?.getTime() ?? Number.MAX_SAFE_INTEGER;
}

/**
 * The warnings of a pupil's current places, earliest start first, each once. Two places starting
 * together both warn about the other: the first warning names them all, so a later place whose
 * intervention it names adds nothing.
 */
function profileWarnings(
  current: ProfilePlace[],
  facts: ParticipantFacts[],
  context: WarningContext,
): string[] {
  const messages: string[] = [];
  const together: string[] = [];
  for (const place of current) {
    const own = facts.find((f) => f.id === place.participantId);
    if (!own || !isCurrentStatus(own.status)) continue;
    for (const w of participantWarnings(own, { ...context, participants: facts })) {
      if (w.kind === 'several-new-interventions') {
        if (together.some((m) => m.includes(place.name))) continue;
        together.push(w.message);
      }
      if (!messages.includes(w.message)) messages.push(w.message);
    }
  }
  return messages;
}

function emptyProfile(id: string): PupilProfile {
  return {
    workbookReady: false,
    pupil: {
      id,
      name: '',
      yearGroup: '',
      workingAt: '',
      senStatus: '',
      primaryNeed: '',
      secondaryNeed: '',
      classTeacher: '',
    },
    current: [],
    past: [],
    reviewsDue: [],
    lessonTime: [],
    lessonTimeTotal: { minutesPerWeek: 0, text: minutesText(0) },
    warnings: [],
  };
}
