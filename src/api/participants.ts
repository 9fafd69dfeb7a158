/**
 * Sidebar endpoints: see participants-contract.ts. Pupils in an intervention (one Participants row
 * each), the consent gate and good-practice warnings kept true on every write (the pupil profile
 * is in profile.ts). Only the endpoints are exported: everything exported here becomes callable
 * from the sidebar.
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
  isRemovedStatus,
  longDate,
  sessionsText,
  validateAddPupils,
  validateParticipant,
  type Participant,
} from '../domain/participant';
import {
  formatWarnings,
  participantWarnings,
  type InterventionFacts,
  type ParticipantFacts,
  type PracticeSettings,
  type Warning,
} from '../domain/warnings';
import { TABS } from '../domain/workbook';
import { todayIso, uuid } from '../services/environment';
import { interventionFacts, participantFacts, practiceSettings } from '../store/facts';
import { runOperation } from '../store/operation';
import type { RecordValues, Row, Table } from '../store/table';
import { readTables, tabsExist } from '../store/workbook';
import type { SaveResult } from './contract';
import type {
  AddPupilsResult,
  InterventionChoice,
  InterventionPupils,
  ParticipantSummary,
  ParticipantsOptions,
} from './participants-contract';
import { byPupil, nameOf, pupilChoice, pupilIndex, type PupilRecord } from './pupil-records';
import { ALREADY_SAVED, refused, savedAlready } from './results';
import { listOf } from '../domain/text';
import { scheduleReviews, syncBaselineReview, type BaselineSync } from './review-schedule';
import { refigure, syncInterventionFigures } from './intervention-figures';
import { interventionsOf, placeWithRelated } from './record-reads';
import { syncInterventionStatuses } from './lifecycle-sync';
import { measureNames, placeValues } from './measured-results';

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
      // The intervention's places (who is in it already) and the pupils' (their warnings).
      load: (loader) => {
        const participants = loader.where(TABS.participants, {
          'Intervention ID': [interventionId],
          'Pupil ID': pupilIds,
        });
        return {
          participants,
          interventions: interventionsOf(loader, participants, [interventionId]),
          pupils: loader.where(TABS.pupils, { 'Pupil ID': pupilIds }),
          settings: loader.whole(TABS.settings),
        };
      },
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
    {
      requestId,
      alreadyDone: savedAlready,
      afterRetry: refigure,
      load: (loader) => ({
        ...placeWithRelated(loader, record.id),
        settings: loader.whole(TABS.settings),
        reviews: loader.where(TABS.reviews, { 'Participant ID': [record.id] }),
        staff: loader.whole(TABS.staff),
      }),
    },
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
    {
      requestId,
      alreadyDone: savedAlready,
      afterRetry: refigure,
      load: (loader) => ({
        ...placeWithRelated(loader, id),
        settings: loader.whole(TABS.settings),
        staff: loader.whole(TABS.staff),
      }),
    },
  );
}

// ---------------------------------------------------------------------------------------------
// Helpers (not exported: not callable from the sidebar)

const NOT_FOUND =
  "Pupil: this pupil's record is no longer on the Participants tab. It may have been deleted: choose the intervention again.";

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

function baselineSentence(sync: BaselineSync): string {
  if (sync.kind === 'completed') return ' The baseline also completes their Baseline review.';
  if (sync.kind === 'conflict') {
    return ` Their Baseline review holds a different result ("${sync.reviewResult}"): neither was changed; check which is right.`;
  }
  return '';
}
