/**
 * "Start a new school year…": after the SENCo confirms what it will do, moves the finished and
 * stopped work of past school years to archive tabs and adds the new year's term dates (the rules:
 * domain/new-year.ts).
 *
 * All or nothing, under the document lock: everything is read, checked and laid out in memory
 * first; then the archive tabs are written, then the audit rows and the Settings tab, and only
 * then are the moved rows taken off the working tabs (reviews, then places, then interventions,
 * so a run cut off part-way never leaves a place without its intervention). A failure before
 * that last step leaves the working tabs whole, and running it again adds nothing to an archive
 * twice: a record already in its archive is only taken off the working tab.
 */
import { cellToText, toCell, type CellInput } from '../domain/cells';
import {
  ARCHIVED_YEARS_NOTE,
  ARCHIVED_YEARS_SETTING,
  archivedYearsText,
  archiveTabName,
  planNewYear,
  removalOf,
  termDateSettingRows,
  type NewYearPlan,
  type YearMove,
} from '../domain/new-year';
import {
  confirmationText,
  resultText,
  type NewYearOutcome,
  type TabNames,
} from '../domain/new-year-words';
import { TABS, type TabSpec } from '../domain/workbook';
import { withDocumentLock } from '../services/lock';
import { currentUserEmail } from '../services/environment';
import {
  archiveSpec,
  archivedYearsOn,
  planArchiveWrite,
  readArchive,
  writeArchive,
  type ArchiveWrite,
} from '../store/archive';
import { writeAudit } from '../store/audit-log';
import { termDateRows } from '../store/calendar';
import { MissingColumnError, type Change, type Table } from '../store/table';
import { activeSpreadsheet, readTables } from '../store/workbook';
import { confirm, reportingErrors, showMessage } from '../ui/dialogs';
import { guidedOnBlankSheet } from './getting-started';

export const NEW_YEAR_TITLE = 'Start a new school year';

const WORKING = {
  interventions: TABS.interventions,
  participants: TABS.participants,
  reviews: TABS.reviews,
  settings: TABS.settings,
};
type WorkingTables = Record<keyof typeof WORKING, Table>;

/** The tabs whose rows move, children last in this list so they are taken off first. */
const MOVED = ['interventions', 'participants', 'reviews'] as const;
type MovedKey = (typeof MOVED)[number];

const TAB_NAMES: TabNames = {
  interventions: TABS.interventions.name,
  participants: TABS.participants.name,
  reviews: TABS.reviews.name,
};

/** The menu item. */
export function startNewSchoolYear(): void {
  reportingErrors(NEW_YEAR_TITLE, () => {
    if (guidedOnBlankSheet(NEW_YEAR_TITLE)) return;
    const preview = planFor(readTables(WORKING), new Date());
    const words = confirmationText(preview, TAB_NAMES);
    if (!words.asks) {
      showMessage(NEW_YEAR_TITLE, words.text);
      return;
    }
    if (!confirm(NEW_YEAR_TITLE, words.text)) {
      showMessage(NEW_YEAR_TITLE, 'Nothing changed.');
      return;
    }
    showMessage(NEW_YEAR_TITLE, resultText(moveToArchive(new Date()), TAB_NAMES));
  });
}

function planFor(t: WorkingTables, today: Date): NewYearPlan {
  // Every column the move relies on, checked before anything is written.
  for (const key of MOVED) t[key].column(WORKING[key].idHeader);
  t.participants.column('Intervention ID');
  t.reviews.column('Intervention ID');
  return planNewYear({
    today,
    interventions: t.interventions.records().map((row) => ({
      id: row.id,
      status: row.text('Status'),
      decidedOn: row.date('Decided on'),
      startDate: row.date('Start date'),
      lengthWeeks: row.number('Length (weeks)'),
    })),
    places: t.participants.records().map((row) => ({
      id: row.id,
      interventionId: row.text('Intervention ID'),
      status: row.text('Status'),
      actualDate: row.date('Actual date'),
    })),
    reviews: t.reviews.records().map((row) => ({
      id: row.id,
      interventionId: row.text('Intervention ID'),
      participantId: row.text('Participant ID'),
      doneOn: row.date('Done on'),
    })),
    termRows: termDateRows(t.settings),
  });
}

const idsOf = (move: YearMove, key: MovedKey): string[] =>
  key === 'interventions'
    ? move.interventions
    : key === 'participants'
      ? move.places
      : move.reviews;

/** Does the move, under the document lock; what it did. */
export function moveToArchive(now: Date): NewYearOutcome {
  return withDocumentLock(() => {
    const spreadsheet = activeSpreadsheet();
    const t = readTables(WORKING);
    const plan = planFor(t, now);
    const user = currentUserEmail();

    // In memory first: each archive's rows, the audit rows and the Settings rows.
    const existing = existingArchives(spreadsheet);
    const writes: ArchiveWrite[] = [];
    const changes: Change[] = [];
    const leaving: Record<MovedKey, Set<string>> = {
      interventions: new Set(),
      participants: new Set(),
      reviews: new Set(),
    };
    for (const move of plan.moves) {
      for (const key of MOVED) {
        const ids = new Set(idsOf(move, key));
        if (ids.size === 0) continue;
        const spec: TabSpec = WORKING[key];
        const name = archiveTabName(move.year, spec.name);
        const archive = readArchive(spreadsheet, spec, move.year, existing.get(name) ?? null);
        if (archive && !archive.has(spec.idHeader ?? '')) {
          throw new MissingColumnError(name, spec.idHeader ?? '');
        }
        const already = archive?.ids() ?? new Set<string>();
        const table = t[key];
        const rows: number[] = [];
        for (const row of table.records()) {
          if (!ids.has(row.id)) continue;
          leaving[key].add(row.id);
          if (!already.has(row.id)) rows.push(row.index);
          changes.push({
            tab: spec.name,
            recordId: row.id,
            field: 'Archived to',
            oldValue: spec.name,
            newValue: name,
          });
        }
        writes.push(planArchiveWrite(archiveSpec(spec, move.year), archive, table, rows));
      }
    }
    addTermDates(t.settings, plan);
    const years = new Set([...archivedYearsOn(t.settings), ...plan.moves.map((m) => m.year)]);
    for (const name of existing.keys()) {
      const year = yearOfArchive(name);
      if (year !== undefined) years.add(year);
    }
    setArchivedYears(t.settings, [...years]);
    changes.push(...t.settings.changes);

    // Then the writes: the archives, the audit log, Settings, and last the working tabs.
    let archived = 0;
    try {
      for (const write of writes) {
        writeArchive(spreadsheet, write);
        archived += write.rows.length;
      }
      writeAudit(spreadsheet, changes, { user, now });
      t.settings.flush();
      for (const key of [...MOVED].reverse()) removeRows(t[key], leaving[key]);
    } catch (err) {
      throw err instanceof MoveInterrupted ? err : new MoveInterrupted(err);
    }
    return { plan, archived };
  });
}

/** A move stopped part-way: what happened, and that running it again finishes it. */
class MoveInterrupted extends Error {
  constructor(cause: unknown, why?: string) {
    const reason = why ?? (cause instanceof Error ? cause.message : String(cause));
    super(
      `${reason}\n\nThe move stopped part-way. Every record is still on its working tab or safely in its archive tab: choose "${NEW_YEAR_TITLE}…" again to finish it (nothing is archived twice).`,
    );
    this.name = 'MoveInterrupted';
  }
}

/** The archive tabs there are, by name (one list of the tabs, not a look-up per year). */
function existingArchives(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
): Map<string, GoogleAppsScript.Spreadsheet.Sheet> {
  const found = new Map<string, GoogleAppsScript.Spreadsheet.Sheet>();
  for (const sheet of spreadsheet.getSheets()) {
    const name = sheet.getName();
    if (name.startsWith('Archive ')) found.set(name, sheet);
  }
  return found;
}

/** "Archive 2025-26: Interventions" (or Participants) → 2025; anything else → undefined. */
function yearOfArchive(name: string): number | undefined {
  for (const spec of [TABS.interventions, TABS.participants]) {
    const match = /^Archive (\d{4})-\d{2}: (.+)$/.exec(name);
    if (match && match[2] === spec.name && archiveTabName(Number(match[1]), spec.name) === name) {
      return Number(match[1]);
    }
  }
  return undefined;
}

function addTermDates(settings: Table, plan: NewYearPlan): void {
  if (plan.termDates.length === 0) return;
  for (const header of ['Setting', 'Value', 'From', 'To']) settings.column(header);
  for (const row of termDateSettingRows(plan.year, plan.termDates)) {
    settings.append({
      Setting: row.setting,
      Value: row.value,
      ...(settings.has('Notes') ? { Notes: row.notes } : {}),
      From: row.from,
      To: row.to,
    });
  }
}

function setArchivedYears(settings: Table, years: readonly number[]): void {
  if (years.length === 0) return;
  const value = archivedYearsText(years);
  const row = settings.records().find((r) => r.text('Setting') === ARCHIVED_YEARS_SETTING);
  if (row) {
    if (row.text('Value') !== value) row.set({ Value: value });
    return;
  }
  settings.append({
    Setting: ARCHIVED_YEARS_SETTING,
    Value: value,
    ...(settings.has('Notes') ? { Notes: ARCHIVED_YEARS_NOTE } : {}),
  });
}

/**
 * Takes the rows off a working tab (see removalOf: runs of rows deleted, or the rows kept
 * rewritten). The ID column is read again first: if the tab was sorted or changed by hand since
 * it was read, nothing is removed (the archive has the rows, so running it again finishes).
 */
function removeRows(table: Table, ids: ReadonlySet<string>): void {
  if (ids.size === 0) return;
  const idColumn = table.column(table.spec.idHeader ?? '');
  const indexes = table.rows
    .map((row, index) => ({ id: cellToText(row[idColumn]), index }))
    .filter((r) => ids.has(r.id))
    .map((r) => r.index);
  if (indexes.length === 0) return;
  const sheet = table.sheet;
  const now = sheet.getRange(2, idColumn + 1, table.rows.length, 1).getValues();
  const same = table.rows.every((row, i) => cellToText(row[idColumn]) === cellToText(now[i]?.[0]));
  if (!same) {
    throw new MoveInterrupted(
      undefined,
      `The ${table.spec.name} tab was changed (sorted or edited) while the school year was being started, so the moved rows were left on it for now.`,
    );
  }
  if (indexes.length >= table.rows.length && sheet.getMaxRows() <= table.rows.length + 1) {
    // Sheets never deletes every row under a frozen header: keep one blank row.
    sheet.insertRowsAfter(sheet.getMaxRows(), 1);
  }
  const removal = removalOf(indexes, table.rows.length, table.headers.length);
  if (removal.kind === 'runs') {
    // From the bottom up, so the row numbers above stay true.
    for (const run of [...removal.runs].reverse()) sheet.deleteRows(run.from + 2, run.count);
    return;
  }
  // Scattered rows: the rows kept are written up over them, then the tail they leave is deleted.
  const leaving = new Set(indexes);
  const kept = table.rows
    .slice(removal.from)
    .filter((_, i) => !leaving.has(removal.from + i))
    .map((row) => row.map((value) => toCell(value as CellInput)));
  if (kept.length > 0) {
    sheet.getRange(removal.from + 2, 1, kept.length, table.headers.length).setValues(kept);
  }
  sheet.deleteRows(removal.from + 2 + kept.length, leaving.size);
}
