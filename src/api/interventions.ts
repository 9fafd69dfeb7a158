/**
 * Sidebar endpoints for the intervention sheet form: add an intervention, or pick one and change
 * it. Changing its start date or length moves the reviews still due to the new dates, in the same
 * write; reviews already done or cancelled (recorded results) and extra reviews never change.
 * Every export here becomes an Apps Script function: helpers stay unexported.
 */
import { dateFromIso, isoFromDate } from '../domain/dates';
import { refigure, syncInterventionFigures } from './intervention-figures';
import { interventionsOf } from './record-reads';
import { syncInterventionStatuses } from './lifecycle-sync';
import { newRecordId } from '../domain/ids';
import {
  INTERVENTION_COLUMNS,
  INTERVENTION_LABELS,
  validateIntervention,
  type Intervention,
  type InterventionField,
} from '../domain/intervention';
import { isRemovedStatus, longDate } from '../domain/participant';
import { reviewDates, rescheduleReviews, type ExistingReview } from '../domain/schedule';
import { goneFromTab } from '../domain/record-fields';
import { interventionPrefill, libraryRecordFrom } from '../domain/library';
import { TABS } from '../domain/workbook';
import { todayIso, uuid } from '../services/environment';
import {
  formatWarnings,
  interventionWarnings,
  participantWarnings,
  type InterventionFacts,
} from '../domain/warnings';
import { listOf } from '../domain/text';
import { staffNameKey } from '../domain/staff-names';
import {
  interventionFacts,
  libraryFacts,
  participantFacts,
  practiceSettings,
  staffFacts,
} from '../store/facts';
import { calendarFrom } from '../store/calendar';
import { runOperation } from '../store/operation';
import type { RecordValues, Row, Table } from '../store/table';
import { activeSpreadsheet, readTables } from '../store/workbook';
import type {
  InterventionApi,
  InterventionFormOptions,
  InterventionRecordForm,
  LibraryChoice,
  SaveResult,
} from './contract';
import type { RecordChoice } from './staff-contract';
import { refused, savedAlready } from './results';

export function getInterventionFormOptions(): InterventionFormOptions {
  const spreadsheet = activeSpreadsheet();
  const staffSheet = spreadsheet.getSheetByName(TABS.staff.name);
  const ready = Boolean(staffSheet && spreadsheet.getSheetByName(TABS.interventions.name));
  const tables = ready
    ? readTables({ staff: TABS.staff, interventions: TABS.interventions })
    : undefined;
  const hasLibrary = ready && Boolean(spreadsheet.getSheetByName(TABS.provisionLibrary.name));
  const library = hasLibrary ? readTables({ library: TABS.provisionLibrary }).library : undefined;
  const rows = tables ? tables.interventions.records() : [];
  const withId = rows.filter((row) => row.id !== '');
  return {
    staff: tables ? [...new Set(tables.staff.texts('Name').filter((n) => n !== ''))].sort() : [],
    today: todayIso(),
    workbookReady: ready,
    library: library ? libraryChoices(library) : [],
    interventions: withId.map(interventionChoice).sort(byLabel),
    withoutId: rows.length - withId.length,
  };
}

/** An intervention's fields as the form shows them (text; the start date as yyyy-mm-dd), or null. */
export function getIntervention(id: string): InterventionRecordForm | null {
  const wanted = typeof id === 'string' ? id.trim() : '';
  if (wanted === '' || !activeSpreadsheet().getSheetByName(TABS.interventions.name)) return null;
  const row = readTables({ interventions: TABS.interventions }).interventions.find(wanted);
  if (!row) return null;
  const form = {} as Record<InterventionField, string>;
  for (const [field, header] of Object.entries(INTERVENTION_COLUMNS)) {
    const date = row.date(header);
    form[field as InterventionField] = date ? isoFromDate(date) : row.text(header);
  }
  return { ...form, id: row.id };
}

/** Every library entry with an ID, by name, with the intervention fields it pre-fills. */
function libraryChoices(library: Table): LibraryChoice[] {
  return library
    .records()
    .filter((row) => row.id !== '')
    .map((row) => {
      const entry = libraryRecordFrom(row);
      return { id: entry.id, name: entry.name || entry.id, form: interventionPrefill(entry) };
    })
    .sort((a, b) => a.name.localeCompare(b.name, 'en-GB', { sensitivity: 'base' }));
}

export function saveIntervention(form: unknown, requestId?: unknown): SaveResult {
  const checked = validateIntervention(form);
  if (!checked.ok) return refused(checked.errors);
  const id = idOf(form);
  return id === ''
    ? addIntervention(checked.value, requestId)
    : changeIntervention(id, checked.value, requestId);
}

// ---- Helpers (not endpoints) --------------------------------------------------------------------

function addIntervention(intervention: Intervention, requestId: unknown): SaveResult {
  return runOperation(
    {
      interventions: TABS.interventions,
      staff: TABS.staff,
      library: TABS.provisionLibrary,
      settings: TABS.settings,
    },
    ({ interventions, staff, library, settings }, { user, now }): SaveResult => {
      const notStaff = leadProblem(intervention, staff);
      if (notStaff) return notStaff;
      const id = newRecordId(TABS.interventions.idPrefix, interventions.ids(), uuid);
      const warnings = warningsFor(intervention, id, staff, library, settings);
      const row = interventions.append({
        ...interventionValues(intervention),
        [TABS.interventions.idHeader]: id,
        // Planned until a pupil starts (domain/lifecycle.ts).
        Status: 'Planned',
        Warnings: formatWarnings(warnings),
        'Created by': user,
        'Created on': now,
      });
      // Priced at once: its other costs start as the library entry's resource cost.
      syncInterventionFigures({ interventions, staff, settings, library }, now, new Set([row.id]));
      return {
        ok: true,
        id,
        message: `Saved "${intervention.name}" (${id}) on the Interventions tab.`,
        warnings: warnings.map((w) => w.message),
      };
    },
    {
      requestId,
      alreadyDone: savedAlready,
      afterRetry: refigure,
      // A new row only: none of the others is read.
      load: (loader) => ({
        interventions: loader.where(TABS.interventions, { 'Intervention ID': [] }),
        staff: loader.whole(TABS.staff),
        library: loader.whole(TABS.provisionLibrary),
        settings: loader.whole(TABS.settings),
      }),
    },
  );
}

/**
 * Changes the fields that differ (the audit notes each, old and new), works out its Status and
 * warnings again and, when the start date or length changed, moves its pupils' reviews still due.
 */
function changeIntervention(
  id: string,
  intervention: Intervention,
  requestId: unknown,
): SaveResult {
  return runOperation(
    {
      interventions: TABS.interventions,
      staff: TABS.staff,
      library: TABS.provisionLibrary,
      settings: TABS.settings,
      participants: TABS.participants,
      reviews: TABS.reviews,
    },
    (tables, { now }): SaveResult => {
      const { interventions, staff, library, settings } = tables;
      const row = interventions.find(id);
      if (!row) return refused(goneFromTab('intervention', TABS.interventions.name));
      const notStaff = leadProblem(intervention, staff);
      if (notStaff) return notStaff;

      const oldStart = row.date(INTERVENTION_COLUMNS.startDate);
      const oldWeeks = row.number(INTERVENTION_COLUMNS.lengthWeeks);
      row.set(interventionValues(intervention));
      const changed = changedLabels(interventions);
      if (changed.length === 0) {
        // Its reviews still due must follow its dates: a save cut off half-way may have left
        // them behind, and this save puts them right (the audit log notes each move).
        const repaired = moveReviews(id, oldStart, intervention, tables);
        return {
          ok: true,
          id,
          message:
            repaired === 0
              ? `Nothing had changed in "${intervention.name}", so nothing was saved.`
              : `Nothing had changed in "${intervention.name}", but ${repaired === 1 ? '1 review still to do was' : `${repaired} reviews still to do were`} out of step with its start date and length: moved to the right dates.`,
        };
      }
      const start = dateFromIso(intervention.startDate);
      const warnings = warningsFor(intervention, id, staff, library, settings);
      row.set({ Warnings: formatWarnings(warnings) });
      // Its Status follows its pupils, never the dates (domain/lifecycle.ts).
      syncInterventionStatuses(interventions, tables.participants, new Set([id]));
      syncInterventionFigures(tables, now, new Set([id]));

      const datesChanged =
        oldStart?.getTime() !== start.getTime() || oldWeeks !== intervention.lengthWeeks;
      // Also when the dates did not change: reviews left behind by an earlier save catch up.
      const movedAny = moveReviews(id, oldStart, intervention, tables);
      const moved = datesChanged || movedAny > 0 ? movedAny : undefined;
      refreshPlaceWarnings(id, tables, now);
      return {
        ok: true,
        id,
        message:
          `Saved "${intervention.name}" (${id}): changed ${listOf(changed)}.` +
          (moved === undefined ? '' : ` ${movedSentence(moved)}`),
        warnings: warnings.map((w) => w.message),
      };
    },
    {
      requestId,
      alreadyDone: savedAlready,
      afterRetry: refigure,
      // Its places and their pupils' other places (warnings), those interventions, its reviews.
      load: (loader) => {
        const participants = loader.where(TABS.participants, { 'Intervention ID': [id] }, [
          'Pupil ID',
        ]);
        return {
          interventions: interventionsOf(loader, participants, [id]),
          staff: loader.whole(TABS.staff),
          library: loader.whole(TABS.provisionLibrary),
          settings: loader.whole(TABS.settings),
          participants,
          reviews: loader.where(TABS.reviews, { 'Intervention ID': [id] }),
        };
      },
    },
  );
}

/**
 * Its pupils' own warnings (lesson time lost, several new interventions at once) depend on this
 * intervention's dates and dosage: work them out again for every current place of those pupils, so
 * the Warnings column stays true. Written with the rest of the save.
 */
function refreshPlaceWarnings(
  interventionId: string,
  tables: { interventions: Table; participants: Table; settings: Table },
  today: Date,
): void {
  const places = tables.participants.records();
  const facts = places.map(participantFacts);
  const pupils = new Set(
    facts.filter((f) => f.interventionId === interventionId).map((f) => f.pupilId),
  );
  const context = {
    settings: practiceSettings(tables.settings),
    interventions: tables.interventions.records().map(interventionFacts),
    participants: facts,
    today,
  };
  places.forEach((place, i) => {
    const fact = facts[i];
    if (!fact || !pupils.has(fact.pupilId) || fact.status === 'Removed') return;
    place.set({ Warnings: formatWarnings(participantWarnings(fact, context)) });
  });
}

/**
 * The intervention's start date or length has changed: each pupil's Baseline, Mid-point and End
 * reviews that are still due move to the dates worked out from the new start and length (see
 * rescheduleReviews: done, cancelled and extra reviews never change). A pupil whose start date
 * followed the intervention's (the same as its old start) follows the new start, and their start
 * date on the Participants tab moves with it; a pupil who started on a day of their own keeps it.
 * Pupils removed from the intervention are left as they are. Returns how many reviews moved.
 */
function moveReviews(
  interventionId: string,
  oldStart: Date | undefined,
  intervention: Intervention,
  tables: { settings: Table; participants: Table; reviews: Table },
): number {
  const { settings, participants, reviews } = tables;
  const start = dateFromIso(intervention.startDate);
  const calendar = calendarFrom(settings);
  const reviewsByPlace = new Map<string, Row[]>();
  for (const review of reviews.records()) {
    const place = review.text('Participant ID');
    if (place === '') continue;
    reviewsByPlace.set(place, [...(reviewsByPlace.get(place) ?? []), review]);
  }
  let moved = 0;
  for (const place of participants.records()) {
    if (place.text('Intervention ID') !== interventionId || place.id === '') continue;
    if (isRemovedStatus(place.text('Status'))) continue;
    const own = place.date('Start date');
    const ownDay = own !== undefined && (!oldStart || own.getTime() !== oldStart.getTime());
    if (own !== undefined && !ownDay) place.set({ 'Start date': start });
    const rows = reviewsByPlace.get(place.id) ?? [];
    const existing: ExistingReview[] = rows.map((review, i) => ({
      id: String(i),
      kind: review.text('Kind'),
      status: review.text('Status'),
      due: review.date('Due date'),
    }));
    const dates = reviewDates(ownDay ? own : start, intervention.lengthWeeks, calendar);
    for (const move of rescheduleReviews(existing, dates)) {
      // A reminder sent about the old date says nothing about the new one.
      rows[Number(move.id)]?.set({
        'Due date': move.to,
        'Due reminder sent': '',
        'Overdue reminder sent': '',
      });
      moved += 1;
    }
  }
  return moved;
}

function movedSentence(moved: number): string {
  if (moved === 0)
    return 'No reviews still to do needed new dates; recorded results were not changed.';
  const reviews = moved === 1 ? '1 review' : `${moved} reviews`;
  return `${reviews} moved to the new dates; recorded results were not changed.`;
}

/** The form labels of the Interventions fields this save changed, in form order. */
function changedLabels(interventions: Table): string[] {
  const headers = new Set(interventions.changes.map((c) => c.field));
  return (Object.keys(INTERVENTION_LABELS) as InterventionField[])
    .filter((field) => headers.has(INTERVENTION_COLUMNS[field]))
    .map((field) => INTERVENTION_LABELS[field]);
}

/**
 * A refusal when the lead is not on the Staff tab (any name will do while the tab is empty),
 * matched as reminders match them: "Tom Reed (TA)" is Tom Reed.
 */
function leadProblem(intervention: Intervention, staff: Table): SaveResult | undefined {
  const staffNames = new Set(
    staff
      .texts('Name')
      .map(staffNameKey)
      .filter((k) => k !== ''),
  );
  if (staffNames.size > 0 && !staffNames.has(staffNameKey(intervention.lead))) {
    return refused({
      lead: `${INTERVENTION_LABELS.lead}: "${intervention.lead}" is not on the Staff tab. Choose a name from the list, or add them to the Staff tab first.`,
    });
  }
  return undefined;
}

function warningsFor(
  intervention: Intervention,
  id: string,
  staff: Table,
  library: Table,
  settings: Table,
): ReturnType<typeof interventionWarnings> {
  return interventionWarnings(
    { ...interventionFactsOf(intervention), id },
    {
      settings: practiceSettings(settings),
      staff: staff.records().map(staffFacts),
      library: library.records().map(libraryFacts),
      calendar: calendarFrom(settings),
    },
  );
}

/** "Precision teaching (from 30 November 2026)": the same as the sidebar shows after a save. */
function interventionChoice(row: Row): RecordChoice {
  const name = row.text(INTERVENTION_COLUMNS.name) || 'No name yet';
  const start = row.date(INTERVENTION_COLUMNS.startDate);
  return { id: row.id, label: start ? `${name} (from ${longDate(start)})` : name };
}

function byLabel(a: RecordChoice, b: RecordChoice): number {
  return a.label.localeCompare(b.label, 'en-GB', { sensitivity: 'base' });
}

/** The ID of the intervention being changed ('' when adding). */
function idOf(form: unknown): string {
  const id = typeof form === 'object' && form !== null ? (form as { id?: unknown }).id : undefined;
  return typeof id === 'string' ? id.trim() : '';
}

function interventionFactsOf(intervention: Intervention): InterventionFacts {
  return {
    id: '',
    name: intervention.name,
    code: intervention.code,
    lead: intervention.lead,
    supportedBy: intervention.supportedBy,
    lengthWeeks: intervention.lengthWeeks,
    sessionsPerWeek: intervention.sessionsPerWeek,
    minutesPerSession: intervention.minutesPerSession,
    startDate: dateFromIso(intervention.startDate),
    rationale: intervention.rationale,
    provisionId: intervention.provisionId,
  };
}

/** The form's fields as cell values under their Interventions headers. */
function interventionValues(intervention: Intervention): RecordValues {
  const values: RecordValues = {};
  for (const [field, header] of Object.entries(INTERVENTION_COLUMNS)) {
    const value = intervention[field as InterventionField];
    values[header] = field === 'startDate' ? dateFromIso(String(value)) : value;
  }
  return values;
}

/** Compile-time check (erased from the build) that these endpoints keep to the contract. */
export type InterventionEndpoints = Implements<{
  getInterventionFormOptions: typeof getInterventionFormOptions;
  getIntervention: typeof getIntervention;
  saveIntervention: typeof saveIntervention;
}>;
type Implements<T extends InterventionApi> = T;
