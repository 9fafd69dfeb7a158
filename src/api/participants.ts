/**
 * Sidebar endpoints: see participants-contract.ts. Pupils in an intervention (one Participants row
 * each), the consent gate, good-practice warnings kept true on every write, and the pupil profile.
 * Only the endpoints are exported: everything exported here becomes callable from the sidebar.
 */
import { dateFromIso, isoFromDate } from '../domain/dates';
import { INTERVENTION_COLUMNS } from '../domain/intervention';
import { newRecordId } from '../domain/ids';
import {
  PARTICIPANT_COLUMNS,
  PARTICIPANT_DATE_FIELDS,
  PARTICIPANT_FIELDS,
  consentRecorded,
  isCurrentStatus,
  isPastStatus,
  isRemovedStatus,
  longDate,
  minutesText,
  needInWords,
  sessionsText,
  validateAddPupils,
  validateParticipant,
  type Participant,
} from '../domain/participant';
import {
  formatWarnings,
  lessonTimeLostBySubject,
  participantWarnings,
  type InterventionFacts,
  type ParticipantFacts,
  type PracticeSettings,
  type Warning,
} from '../domain/warnings';
import { TABS, type TabSpec } from '../domain/workbook';
import { todayIso, uuid } from '../services/environment';
import { interventionFacts, participantFacts, practiceSettings } from '../store/facts';
import { runOperation } from '../store/operation';
import type { RecordValues, Row, Table } from '../store/table';
import { activeSpreadsheet, readTables } from '../store/workbook';
import type { SaveResult } from './contract';
import type {
  AddPupilsResult,
  InterventionChoice,
  InterventionPupils,
  ParticipantSummary,
  ParticipantsOptions,
  ProfileOptions,
  ProfilePlace,
  ProfileResult,
  PupilChoice,
  PupilProfile,
} from './participants-contract';
import { ALREADY_SAVED, refused, savedAlready } from './results';
import { listOf } from '../domain/text';
import { scheduleReviews, syncBaselineReview, type BaselineSync } from './review-schedule';
import { refigure, syncInterventionFigures } from './intervention-figures';
import { syncInterventionStatuses } from './lifecycle-sync';
import { measureNames, placeValues } from './measured-results';
import { outcomeInWords, type OutcomeSettings } from '../domain/outcome';
import { pupilVoiceText, reviewName } from '../domain/review';
import { outcomeSettingsOn } from '../store/measures';

const P = TABS.participants;
const PARTICIPANT_ID = P.idHeader;

// ---------------------------------------------------------------------------------------------
// Endpoints: the participants view

export function getParticipantsOptions(): ParticipantsOptions {
  const today = todayIso();
  if (!tabsExist([TABS.interventions, TABS.participants, TABS.pupils])) {
    return { workbookReady: false, today, interventions: [] };
  }
  const { interventions } = readTables({ interventions: TABS.interventions });
  const choices = interventions
    .records()
    .filter((row) => row.id !== '')
    .map(interventionChoice)
    .sort(
      (a, b) =>
        Number(isOver(a.status)) - Number(isOver(b.status)) ||
        a.name.localeCompare(b.name) ||
        a.id.localeCompare(b.id),
    );
  return { workbookReady: true, today, interventions: choices };
}

export function getInterventionPupils(interventionId: unknown): InterventionPupils {
  const id = typeof interventionId === 'string' ? interventionId.trim() : '';
  if (!tabsExist([TABS.interventions, TABS.participants, TABS.pupils])) {
    return {
      workbookReady: false,
      intervention: emptyInterventionChoice(id),
      participants: [],
      removedCount: 0,
      available: [],
      measures: [],
    };
  }
  const { interventions, participants, pupils, settings } = readTables({
    interventions: TABS.interventions,
    participants: TABS.participants,
    pupils: TABS.pupils,
    settings: TABS.settings,
  });
  const row = interventions.find(id);
  if (!row) {
    throw new Error(
      'This intervention is no longer on the Interventions tab. It may have been deleted: choose another one.',
    );
  }
  const pupilsById = pupilIndex(pupils);
  const places = participants.records().filter((p) => p.text('Intervention ID') === id);
  const inIt = places.filter((p) => !isRemovedStatus(p.text('Status')));
  const taken = new Set(inIt.map((p) => p.text('Pupil ID')));
  const summaries = inIt.map((place) => participantSummary(place, pupilsById));
  summaries.sort((a, b) => byPupil(pupilsById, a.pupilId, b.pupilId) || a.id.localeCompare(b.id));
  return {
    workbookReady: true,
    intervention: interventionChoice(row),
    participants: summaries,
    removedCount: places.length - inIt.length,
    available: [...pupilsById.values()]
      .filter((pupil) => !taken.has(pupil.id))
      .sort((a, b) => byPupil(pupilsById, a.id, b.id))
      .map(pupilChoice),
    // Older places may name a measure that is not on the Settings tab: kept in the list.
    measures: [
      ...new Set([
        ...measureNames(settings),
        ...places.map((p) => p.text('Baseline measure')).filter((m) => m !== ''),
      ]),
    ],
  };
}

export function addPupilsToIntervention(request: unknown, requestId?: unknown): AddPupilsResult {
  const checked = validateAddPupils(request);
  if (!checked.ok) return refused(checked.errors);
  const { interventionId, pupilIds } = checked.value;
  return runOperation(
    {
      participants: TABS.participants,
      interventions: TABS.interventions,
      pupils: TABS.pupils,
      settings: TABS.settings,
    },
    ({ participants, interventions, pupils, settings }, { now }): AddPupilsResult => {
      const intervention = interventions.find(interventionId);
      if (!intervention) {
        return refused({
          interventionId:
            'Intervention: this intervention is no longer on the Interventions tab. Choose it again from the list.',
        });
      }
      const pupilsById = pupilIndex(pupils);
      const missing = pupilIds.filter((id) => !pupilsById.has(id));
      if (missing.length > 0) {
        return refused({
          pupilIds: `Pupils to add: ${listOf(missing)} ${missing.length === 1 ? 'is' : 'are'} not on the Pupils tab. Reopen the list and choose again.`,
        });
      }
      const already = new Set(
        participants
          .records()
          .filter(
            (p) =>
              p.text('Intervention ID') === interventionId && !isRemovedStatus(p.text('Status')),
          )
          .map((p) => p.text('Pupil ID')),
      );
      const duplicates = pupilIds.filter((id) => already.has(id));
      if (duplicates.length > 0) {
        const names = duplicates.map((id) => nameOf(pupilsById, id));
        return refused({
          pupilIds: `Pupils to add: ${listOf(names)} ${names.length === 1 ? 'is' : 'are'} already in this intervention.`,
        });
      }

      const startDate = intervention.date(INTERVENTION_COLUMNS.startDate);
      const ids = participants.ids();
      const added: ParticipantFacts[] = pupilIds.map((pupilId) => {
        const id = newRecordId(P.idPrefix, ids, uuid);
        ids.add(id);
        return { id, interventionId, pupilId, status: 'Planned', startDate, lessonMissed: '' };
      });
      const context = warningContext(interventions, settings, now);
      const all = [...participants.records().map(participantFacts), ...added];
      const warnings: string[] = [];
      for (const facts of added) {
        const found = participantWarnings(facts, { ...context, participants: all });
        const name = nameOf(pupilsById, facts.pupilId);
        warnings.push(...found.map((w) => `${name}: ${w.message}`));
        participants.append({
          [PARTICIPANT_ID]: facts.id,
          'Intervention ID': interventionId,
          'Pupil ID': facts.pupilId,
          Status: 'Planned',
          'Start date': startDate ?? '',
          Warnings: formatWarnings(found),
        });
      }
      for (const pupilId of pupilIds) {
        refreshWarnings(participants, pupilId, { ...context, extra: added });
      }

      const names = pupilIds.map((id) => nameOf(pupilsById, id));
      const what = intervention.text(INTERVENTION_COLUMNS.name) || interventionId;
      const count = names.length === 1 ? '1 pupil' : `${names.length} pupils`;
      return {
        ok: true,
        id: added[0]?.id ?? '',
        ids: added.map((a) => a.id),
        message:
          `Added ${count} to ${what}: ${listOf(names)}. ` +
          'Each is Planned: record when and how parents were told before marking them Started.',
        warnings,
      };
    },
    {
      requestId,
      alreadyDone: (ids) => ({ ok: true, id: ids[0] ?? '', ids, message: ALREADY_SAVED }),
    },
  );
}

export function saveParticipant(form: unknown, requestId?: unknown): SaveResult {
  const checked = validateParticipant(form);
  if (!checked.ok) return refused(checked.errors);
  const record = checked.value;
  return runOperation(
    {
      participants: TABS.participants,
      interventions: TABS.interventions,
      pupils: TABS.pupils,
      settings: TABS.settings,
      reviews: TABS.reviews,
      staff: TABS.staff,
    },
    (
      { participants, interventions, pupils, settings, reviews, staff },
      { now, user },
    ): SaveResult => {
      const row = participants.find(record.id);
      if (!row) return refused({ id: NOT_FOUND });
      row.set(participantValues(record));
      // Baseline and target in the pupil's measure (Settings tab), kept as numbers too.
      const measured = placeValues(row, settings);
      if (Object.keys(measured.errors).length > 0) return refused(measured.errors);
      row.set(measured.values);
      const baseline = syncBaselineReview(row, reviews, user);
      // A started place has its reviews: made when it starts, and by any later save of it when
      // an earlier save was cut off before they were written.
      const scheduled =
        record.status === 'Started'
          ? scheduleReviews(row, interventions, settings, reviews, user)
          : '';
      const changedIds = new Set([row.text('Intervention ID')]);
      syncInterventionStatuses(interventions, participants, changedIds);
      syncInterventionFigures({ interventions, participants, staff, settings }, now, changedIds);
      const pupilId = row.text('Pupil ID');
      const warnings = refreshWarnings(
        participants,
        pupilId,
        warningContext(interventions, settings, now),
        row,
      );
      const name = nameOf(pupilIndex(pupils), pupilId);
      const what = interventionName(interventions, row.text('Intervention ID'));
      return {
        ok: true,
        id: record.id,
        message: `Saved ${name}'s record for ${what}.${scheduled}${baselineSentence(baseline)}`,
        warnings: warnings.map((w) => w.message),
      };
    },
    { requestId, alreadyDone: savedAlready, afterRetry: refigure },
  );
}

export function removeParticipant(participantId: unknown, requestId?: unknown): SaveResult {
  const id = typeof participantId === 'string' ? participantId.trim() : '';
  if (id === '') return refused({ id: 'Pupil: choose a pupil from the list first' });
  return runOperation(
    {
      participants: TABS.participants,
      interventions: TABS.interventions,
      pupils: TABS.pupils,
      settings: TABS.settings,
      staff: TABS.staff,
    },
    ({ participants, interventions, pupils, settings, staff }, { now }): SaveResult => {
      const row = participants.find(id);
      if (!row) return refused({ id: NOT_FOUND });
      const pupilId = row.text('Pupil ID');
      const name = nameOf(pupilIndex(pupils), pupilId);
      const what = interventionName(interventions, row.text('Intervention ID'));
      const wasRemoved = isRemovedStatus(row.text('Status'));
      row.set({ Status: 'Removed', Warnings: '' });
      const changedIds = new Set([row.text('Intervention ID')]);
      syncInterventionStatuses(interventions, participants, changedIds);
      syncInterventionFigures({ interventions, participants, staff, settings }, now, changedIds);
      // Their other places may no longer be over a limit: keep those rows' warnings true.
      refreshWarnings(participants, pupilId, warningContext(interventions, settings, now));
      return {
        ok: true,
        id,
        message: wasRemoved
          ? `${name} was already removed from ${what}.`
          : `Removed ${name} from ${what}. Their record stays on the Participants tab, marked Removed.`,
      };
    },
    { requestId, alreadyDone: savedAlready, afterRetry: refigure },
  );
}

// ---------------------------------------------------------------------------------------------
// Endpoints: the pupil profile

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
  const specs = {
    pupils: TABS.pupils,
    interventions: TABS.interventions,
    participants: TABS.participants,
    reviews: TABS.reviews,
    settings: TABS.settings,
  };
  if (!tabsExist(Object.values(specs))) return emptyProfile(id);
  const { pupils, interventions, participants, reviews, settings } = readTables(specs);
  const pupil = pupils.find(id);
  if (!pupil) {
    throw new Error(
      'This pupil is no longer on the Pupils tab. They may have been deleted: choose another pupil.',
    );
  }
  const today = new Date();
  const context = warningContext(interventions, settings, today);
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
    .filter((r) => placeIds.has(r.text('Participant ID')) && r.text('Status') === 'Due')
    .map((r) => ({ row: r, due: r.date('Due date') }))
    .sort((a, b) => (a.due?.getTime() ?? Infinity) - (b.due?.getTime() ?? Infinity))
    .map(({ row, due }) => {
      const place = places.find((p) => p.participantId === row.text('Participant ID'));
      return {
        reviewId: row.id,
        kind: row.text('Kind'),
        intervention: place?.name ?? interventionName(interventions, row.text('Intervention ID')),
        dueDate: due ? longDate(due) : '',
      };
    });

  // Every place the profile lists as current counts, also one whose planned weeks are over but
  // whose end review is still to come (the place stays Started until then).
  const lost = lessonTimeLostBySubject(
    id,
    { ...context, participants: allFacts },
    { untilFinished: true },
  );
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

const NOT_FOUND =
  "Pupil: this pupil's record is no longer on the Participants tab. It may have been deleted: choose the intervention again.";

function tabsExist(specs: readonly TabSpec[]): boolean {
  const spreadsheet = activeSpreadsheet();
  return specs.every((spec) => spreadsheet.getSheetByName(spec.name) !== null);
}

function isoOrBlank(date: Date | undefined): string {
  return date ? isoFromDate(date) : '';
}

/** Running and planned interventions come first in the list. */
function isOver(status: string): boolean {
  return status === 'Finished' || status === 'Stopped';
}

function interventionChoice(row: Row): InterventionChoice {
  const start = row.date(INTERVENTION_COLUMNS.startDate);
  return {
    id: row.id,
    name: row.text(INTERVENTION_COLUMNS.name) || row.id,
    lead: row.text(INTERVENTION_COLUMNS.lead),
    status: row.text('Status'),
    startDate: isoOrBlank(start),
    startDateText: start ? longDate(start) : '',
    sessions: sessionsText(
      row.number(INTERVENTION_COLUMNS.sessionsPerWeek),
      row.number(INTERVENTION_COLUMNS.minutesPerSession),
    ),
  };
}

function emptyInterventionChoice(id: string): InterventionChoice {
  return { id, name: '', lead: '', status: '', startDate: '', startDateText: '', sessions: '' };
}

function interventionName(interventions: Table, id: string): string {
  return interventions.find(id)?.text(INTERVENTION_COLUMNS.name) || id || 'the intervention';
}

/** The form's fields as cell values under their Participants headers. */
function participantValues(record: Participant): RecordValues {
  const values: RecordValues = {};
  for (const field of PARTICIPANT_FIELDS) {
    const value = record[field];
    values[PARTICIPANT_COLUMNS[field]] =
      PARTICIPANT_DATE_FIELDS.has(field) && value !== '' ? dateFromIso(value) : value;
  }
  return values;
}

interface WarningContext {
  settings: PracticeSettings;
  interventions: InterventionFacts[];
  today: Date;
  /** Places being added in this operation (not yet rows of the table). */
  extra?: ParticipantFacts[];
}

function warningContext(interventions: Table, settings: Table, today: Date): WarningContext {
  return {
    settings: practiceSettings(settings),
    interventions: interventions.records().map(interventionFacts),
    today,
  };
}

/**
 * Recomputes the warnings of a pupil's current places (and of `edited`, whatever its status) from
 * the rows as changed in memory, writes them to the Warnings column (written with the rest of the
 * operation) and returns those of `edited`.
 */
function refreshWarnings(
  participants: Table,
  pupilId: string,
  context: WarningContext,
  edited?: Row,
): Warning[] {
  if (pupilId === '') return [];
  const rows = participants.records();
  const facts = rows.map(participantFacts);
  const all = [...facts, ...(context.extra ?? [])];
  let own: Warning[] = [];
  rows.forEach((row, i) => {
    const place = facts[i];
    if (!place || place.pupilId !== pupilId) return;
    const isEdited = edited !== undefined && row.index === edited.index;
    if (!isEdited && !isCurrentStatus(place.status)) return;
    const warnings = participantWarnings(place, { ...context, participants: all });
    row.set({ Warnings: formatWarnings(warnings) });
    if (isEdited) own = warnings;
  });
  return own;
}

interface PupilRecord {
  id: string;
  first: string;
  last: string;
  name: string;
  yearGroup: string;
}

function pupilName(row: Row): string {
  return `${row.text('First name')} ${row.text('Last name')}`.trim() || row.id;
}

function pupilIndex(pupils: Table): Map<string, PupilRecord> {
  const byId = new Map<string, PupilRecord>();
  for (const row of pupils.records()) {
    if (row.id === '' || byId.has(row.id)) continue;
    byId.set(row.id, {
      id: row.id,
      first: row.text('First name'),
      last: row.text('Last name'),
      name: pupilName(row),
      yearGroup: row.text('Year group'),
    });
  }
  return byId;
}

function nameOf(pupils: Map<string, PupilRecord>, id: string): string {
  return pupils.get(id)?.name ?? (id || 'This pupil');
}

/** By last name, then first name (pupils missing from the Pupils tab last). */
function byPupil(pupils: Map<string, PupilRecord>, a: string, b: string): number {
  const pa = pupils.get(a);
  const pb = pupils.get(b);
  if (!pa || !pb) return Number(!pa) - Number(!pb) || a.localeCompare(b);
  return pa.last.localeCompare(pb.last) || pa.first.localeCompare(pb.first) || a.localeCompare(b);
}

function pupilChoice(pupil: PupilRecord): PupilChoice {
  return { id: pupil.id, name: pupil.name, yearGroup: pupil.yearGroup };
}

function participantSummary(row: Row, pupils: Map<string, PupilRecord>): ParticipantSummary {
  const form = { id: row.id } as ParticipantSummary['form'];
  for (const field of PARTICIPANT_FIELDS) {
    const header = PARTICIPANT_COLUMNS[field];
    form[field] = PARTICIPANT_DATE_FIELDS.has(field)
      ? isoOrBlank(row.date(header))
      : row.text(header);
  }
  const pupilId = row.text('Pupil ID');
  return {
    id: row.id,
    pupilId,
    pupilName: nameOf(pupils, pupilId),
    yearGroup: pupils.get(pupilId)?.yearGroup ?? '',
    status: form.status,
    consentRecorded: consentRecorded(form),
    form,
    warnings: row
      .text('Warnings')
      .split('\n')
      .map((line) => line.replace(/^\s*•\s*/, '').trim())
      .filter((line) => line !== ''),
  };
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

function baselineSentence(sync: BaselineSync): string {
  if (sync.kind === 'completed') return ' The baseline also completes their Baseline review.';
  if (sync.kind === 'conflict') {
    return ` Their Baseline review holds a different result ("${sync.reviewResult}"): neither was changed; check which is right.`;
  }
  return '';
}
