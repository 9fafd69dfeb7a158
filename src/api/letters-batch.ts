/**
 * Letters for a group in one pass. A run reads the facts for the whole group once, under the
 * document lock; makes the Docs one after another WITHOUT holding the lock (a group's Docs take
 * minutes, and colleagues saving meanwhile would be turned away); stops starting letters when its
 * time budget is spent (domain/letter-batch.ts); then, under the lock again, finds the places'
 * rows afresh (they may have been sorted meanwhile) and writes the audit rows and every link in
 * one write each. A pupil whose letter cannot be made is reported with the reason, and the run
 * carries on.
 *
 * Retrying a run with the same request ID never makes a letter twice: when its audit rows are
 * there, the retry completes the links from them and gives the first result again; when they are
 * not, its notes (letters-notes.ts) give back the Docs already made, and only the rest are made.
 */
import { LETTER_KIND_INFO, lettersFolderName, type LetterKind } from '../domain/letters';
import { consecutiveRuns, mayStartLetter } from '../domain/letter-batch';
import { TABS } from '../domain/workbook';
import { toCell } from '../domain/cells';
import { currentUserEmail, uuid } from '../services/environment';
import { withDocumentLock } from '../services/lock';
import { writeAudit } from '../store/audit-log';
import {
  findRequestChanges,
  recentRequests,
  rememberRequest,
  validRequestId,
  type LoggedChange,
} from '../store/request-log';
import type { Change } from '../store/table';
import { activeSpreadsheet } from '../store/workbook';
import {
  errorText,
  makeLetterFor,
  NotesError,
  type LetterMadeFor,
  type LetterRefusedFor,
  type LetterRun,
} from './letters-make';
import { forgetNote, LetterNotes } from './letters-notes';
import { readColumns, readLetterGroup, type LetterGroupAsk } from './letters-read';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export interface LetterRunResult {
  made: LetterMadeFor[];
  failed: LetterRefusedFor[];
  /** Participant IDs of the letters this run did not start (its time was up). */
  remaining: string[];
  /** The user's year folder for letters. */
  folderName: string;
  /** How many unfinished Docs of an earlier, cut-off attempt went in the bin. */
  binned: number;
  /** A retry whose first attempt had written everything, and whose result is no longer kept. */
  already: boolean;
}

export interface LetterRunOptions {
  /** When the execution began (Date.now()): the time budget counts from it. */
  startedAt: number;
}

/** Results are kept as long as the document cache allows (six hours), for a retry to give. */
const RESULT_SECONDS = 21600;
const cacheKey = (requestId: string): string => `letters:${requestId}`;
const PLACES = TABS.participants;

export function runLetters(
  ask: LetterGroupAsk,
  kind: LetterKind,
  requestId: unknown,
  { startedAt }: LetterRunOptions,
): LetterRunResult {
  const id = validRequestId(requestId);
  const info = LETTER_KIND_INFO[kind];

  const prepared = withDocumentLock(() => {
    const spreadsheet = activeSpreadsheet();
    // Only a run noted before (see recordLinks) can have audit rows to finish.
    if (id && recentRequests().ids.includes(id)) {
      const logged = findRequestChanges(spreadsheet, id);
      if (logged.length > 0) {
        return { done: finishLogged(spreadsheet, logged, id, ask, kind) };
      }
    }
    const group = readLetterGroup(spreadsheet, ask);
    const notes = new LetterNotes(id ?? uuid(), kind, new Set(group.order), startedAt);
    const binned = notes.settleLeftovers(
      (participantId) => group.places.get(participantId)?.text(info.column) ?? '',
    );
    return { group, notes, binned, user: currentUserEmail(), today: new Date() };
  });
  if (prepared.done) return prepared.done;

  const { group, notes, user, today } = prepared;
  try {
    const run: LetterRun = {
      kind,
      user,
      today,
      folderName: lettersFolderName(today),
      notes,
      binned: prepared.binned,
      templates: new Map(),
    };
    const made: LetterMadeFor[] = [];
    const failed: LetterRefusedFor[] = [];
    const remaining: string[] = [];
    let stopped: string | undefined;
    group.order.forEach((participantId, index) => {
      if (stopped !== undefined) {
        failed.push(notTracked(group, participantId, kind, stopped));
        return;
      }
      if (remaining.length > 0 || !mayStartLetter(startedAt, Date.now(), index)) {
        remaining.push(participantId);
        return;
      }
      try {
        const outcome = makeLetterFor(run, group, participantId);
        if (outcome.ok) made.push(outcome);
        else failed.push(outcome);
      } catch (err) {
        if (!(err instanceof NotesError)) throw err;
        stopped = errorText(err);
        failed.push(notTracked(group, participantId, kind, stopped));
      }
    });
    try {
      notes.flush();
    } catch {
      // The last Doc is noted as unfinished: a retry would make it again, never twice.
    }

    const result: LetterRunResult = {
      made,
      failed,
      remaining,
      folderName: run.folderName,
      binned: run.binned.size,
      already: false,
    };
    if (made.length === 0) {
      tidy(notes, made);
      return result;
    }
    return withDocumentLock(() => {
      const spreadsheet = activeSpreadsheet();
      const lost = recordLinks(spreadsheet, result, kind, { user, now: new Date(), requestId: id });
      for (const letter of lost) {
        result.made = result.made.filter((m) => m !== letter);
        result.failed.push({
          ok: false,
          participantId: letter.participantId,
          pupil: letter.pupil,
          reason: `their row was taken off the Participants tab while the letters were being made, so the link could not be written there. The letter is "${letter.docName}" in Google Drive.`,
          message: `The ${info.label.toLowerCase()} letter for ${letter.pupil} was made, but their row was taken off the Participants tab meanwhile, so its link could not be written there. The letter is "${letter.docName}" in Google Drive.`,
        });
      }
      tidy(notes, made);
      return result;
    });
  } catch (err) {
    notes.abandon();
    throw err;
  }
}

/** A letter not started because the run could not keep its notes. */
function notTracked(
  group: ReturnType<typeof readLetterGroup>,
  participantId: string,
  kind: LetterKind,
  problem: string,
): LetterRefusedFor {
  const place = group.places.get(participantId);
  const row = place ? group.pupils.get(place.text('Pupil ID')) : undefined;
  const pupil = row ? `${row.text('First name')} ${row.text('Last name')}`.trim() : '';
  const reason = `the add-on could not keep track of the letters it was making (${problem}), so it stopped. Try again in a few minutes.`;
  return {
    ok: false,
    participantId,
    pupil,
    reason,
    message: `No ${LETTER_KIND_INFO[kind].label.toLowerCase()} letter was made${pupil ? ` for ${pupil}` : ''}: ${reason}`,
  };
}

/** The run's Docs are linked: the note keeps only those that could not be put in the bin. */
function tidy(notes: LetterNotes, made: readonly LetterMadeFor[]): void {
  try {
    for (const letter of made) notes.forget(letter.participantId);
    notes.flush();
  } catch {
    // A note of linked Docs only: the next run for these pupils forgets it.
  }
}

/**
 * Writes the run's links: the places' rows found afresh by ID (a narrow read of two columns),
 * the audit rows first (the run's intent, tagged with its request ID), then each block of
 * consecutive rows' links. Returns the letters whose row has gone.
 */
function recordLinks(
  spreadsheet: Spreadsheet,
  result: LetterRunResult,
  kind: LetterKind,
  context: { user: string; now: Date; requestId: string | undefined },
): LetterMadeFor[] {
  const column = LETTER_KIND_INFO[kind].column;
  const { sheet, headers, columns } = readColumns(spreadsheet, PLACES, [PLACES.idHeader!, column]);
  const rowOf = firstRows(columns.get(PLACES.idHeader!) ?? []);
  const links = columns.get(column) ?? [];
  const lost: LetterMadeFor[] = [];
  const changes: Change[] = [];
  const writes = new Map<number, string>();
  for (const letter of result.made) {
    const row = rowOf.get(letter.participantId);
    if (row === undefined) {
      lost.push(letter);
      continue;
    }
    letter.previous = links[row] ?? '';
    changes.push({
      tab: PLACES.name,
      recordId: letter.participantId,
      field: column,
      oldValue: letter.previous,
      newValue: letter.url,
    });
    writes.set(row, letter.url);
  }
  // Noted before the audit rows, as every save is: only a noted run is looked for in the log.
  if (context.requestId && changes.length > 0) {
    rememberRequest(context.requestId, recentRequests(), undefined);
  }
  writeAudit(spreadsheet, changes, context);
  if (context.requestId && changes.length > 0) {
    try {
      const kept = { ...result, made: result.made.filter((m) => !lost.includes(m)) };
      CacheService.getDocumentCache()?.put(
        cacheKey(context.requestId),
        JSON.stringify(kept),
        RESULT_SECONDS,
      );
    } catch {
      // Without it a retry still completes the links; it only says so in fewer words.
    }
  }
  writeLinks(sheet, headers.indexOf(column), writes);
  return lost;
}

/** One setValues a block of consecutive rows: the rows in between are never written. */
function writeLinks(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  column: number,
  writes: Map<number, string>,
): void {
  for (const run of consecutiveRuns([...writes.keys()])) {
    const values = Array.from({ length: run.count }, (_v, i) => [
      toCell(writes.get(run.start + i) ?? ''),
    ]);
    sheet.getRange(run.start + 2, column + 1, run.count, 1).setValues(values);
  }
}

function firstRows(ids: readonly string[]): Map<string, number> {
  const rows = new Map<string, number>();
  ids.forEach((id, row) => {
    if (id !== '' && !rows.has(id)) rows.set(id, row);
  });
  return rows;
}

/**
 * A retry of a run that wrote its audit rows: the links they hold that are not on the sheet yet
 * are written (a link changed by someone since is left alone), the run's note goes, and the first
 * result is given again (or, when the cache has lost it, the letters the audit rows name).
 */
function finishLogged(
  spreadsheet: Spreadsheet,
  logged: readonly LoggedChange[],
  requestId: string,
  ask: LetterGroupAsk,
  kind: LetterKind,
): LetterRunResult {
  const column = LETTER_KIND_INFO[kind].column;
  const links = logged.filter((c) => c.tab === PLACES.name && c.field === column);
  const { sheet, headers, columns } = readColumns(spreadsheet, PLACES, [PLACES.idHeader!, column]);
  const rowOf = firstRows(columns.get(PLACES.idHeader!) ?? []);
  const now = columns.get(column) ?? [];
  const writes = new Map<number, string>();
  for (const change of links) {
    const row = rowOf.get(change.recordId);
    if (row === undefined) continue;
    const current = now[row] ?? '';
    if (current !== change.newValue && current === change.oldValue) {
      writes.set(row, change.newValue);
    }
  }
  writeLinks(sheet, headers.indexOf(column), writes);
  try {
    forgetNote(requestId);
  } catch {
    // The note names linked Docs only: the next run for these pupils forgets it.
  }
  try {
    const cached = CacheService.getDocumentCache()?.get(cacheKey(requestId));
    if (cached) return JSON.parse(cached) as LetterRunResult;
  } catch {
    // Answered from the audit rows instead.
  }
  const made = links.map((change): LetterMadeFor => ({
    ok: true,
    participantId: change.recordId,
    pupil: '',
    docName: '',
    url: change.newValue,
    previous: change.oldValue,
    unknownPlaceholders: [],
    warnings: [],
    folderProblem: '',
  }));
  const done = new Set(made.map((m) => m.participantId));
  return {
    made,
    failed: [],
    remaining: 'participantIds' in ask ? ask.participantIds.filter((id) => !done.has(id)) : [],
    folderName: '',
    binned: 0,
    already: true,
  };
}
