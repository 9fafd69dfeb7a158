/**
 * Sidebar endpoints: see letters-contract.ts. Letters to parents as Google Docs: one pupil's
 * letter (generateLetter), or one kind of letter for a whole group in one run (generateLetters,
 * letters-batch.ts), which reads the tabs once for the group, makes the Docs one after another,
 * carries on past a pupil whose letter cannot be made, and hands back what it had no time to
 * start. Each letter's link is written on the pupil's Participants row (the audit log keeps the
 * old link: making a letter again keeps the old Doc).
 * Only the endpoints are exported: everything exported here becomes callable from the sidebar.
 */
import { INTERVENTION_COLUMNS } from '../domain/intervention';
import {
  LETTER_KIND_INFO,
  isLetterKind,
  placeholderList,
  type LetterKind,
} from '../domain/letters';
import { isRemovedStatus } from '../domain/participant';
import { listOf } from '../domain/text';
import { TABS } from '../domain/workbook';
import { readTables, tabsExist, activeSpreadsheet } from '../store/workbook';
import { runLetters, type LetterRunResult } from './letters-batch';
import type {
  LetterBatchResult,
  LetterOptions,
  LetterPupil,
  LetterPupils,
  LetterResult,
} from './letters-contract';
import { errorText } from './letters-make';
import { fullName, readRowsByKey } from './letters-read';
import { ALREADY_SAVED } from './results';

/** Most places one call may list (a year group's worth, many times over). */
const MAX_PLACES = 1000;

// ---------------------------------------------------------------------------------------------
// Endpoints

export function getLetterOptions(): LetterOptions {
  const placeholders = placeholderList();
  if (!tabsExist([TABS.interventions, TABS.participants, TABS.pupils])) {
    return { workbookReady: false, interventions: [], placeholders };
  }
  const { interventions } = readTables({ interventions: TABS.interventions });
  const choices = interventions
    .records()
    .filter((row) => row.id !== '')
    .map((row) => {
      const name = row.text(INTERVENTION_COLUMNS.name) || row.id;
      const status = row.text('Status');
      return { id: row.id, label: status ? `${name} (${status})` : name, name };
    })
    .sort(
      (a, b) =>
        a.name.localeCompare(b.name, 'en-GB', { sensitivity: 'base' }) || a.id.localeCompare(b.id),
    )
    .map(({ id, label }) => ({ id, label }));
  return { workbookReady: true, interventions: choices, placeholders };
}

export function getLetterPupils(interventionId: unknown): LetterPupils {
  const id = typeof interventionId === 'string' ? interventionId.trim() : '';
  const specs = [TABS.participants, TABS.pupils];
  if (!tabsExist(specs)) {
    return { workbookReady: false, interventionId: id, pupils: [] };
  }
  // Only this intervention's rows and their pupils', not the whole of either tab.
  const spreadsheet = activeSpreadsheet();
  const places = readRowsByKey(
    spreadsheet,
    TABS.participants,
    'Intervention ID',
    new Set([id]),
    false,
  ).rows.filter((row) => row.id !== '' && !isRemovedStatus(row.text('Status')));
  const pupils = new Map(
    readRowsByKey(
      spreadsheet,
      TABS.pupils,
      'Pupil ID',
      new Set(places.map((row) => row.text('Pupil ID'))),
      true,
    ).rows.map((row) => [row.id, row]),
  );
  const list: (LetterPupil & { sortKey: string })[] = places
    .map((row) => {
      const pupil = pupils.get(row.text('Pupil ID'));
      const name = pupil ? fullName(pupil) : row.text('Pupil ID') || row.id;
      const year = pupil?.text('Year group') ?? '';
      return {
        participantId: row.id,
        label: year ? `${name} (${year})` : name,
        links: {
          start: row.text(LETTER_KIND_INFO.start.column),
          'mid-point': row.text(LETTER_KIND_INFO['mid-point'].column),
          end: row.text(LETTER_KIND_INFO.end.column),
        },
        sortKey: pupil ? `${pupil.text('Last name')} ${pupil.text('First name')}` : name,
      };
    })
    .sort((a, b) => a.sortKey.localeCompare(b.sortKey, 'en-GB', { sensitivity: 'base' }));
  return {
    workbookReady: true,
    interventionId: id,
    pupils: list.map(({ participantId, label, links }) => ({ participantId, label, links })),
  };
}

export function generateLetter(request: unknown, requestId?: unknown): LetterResult {
  const startedAt = Date.now();
  const input = (typeof request === 'object' && request !== null ? request : {}) as {
    participantId?: unknown;
    kind?: unknown;
  };
  const participantId =
    typeof input.participantId === 'string' ? input.participantId.trim().slice(0, 60) : '';
  if (participantId === '') {
    return { ok: false, participantId, message: 'Choose a pupil first.' };
  }
  if (!isLetterKind(input.kind)) {
    return { ok: false, participantId, message: KIND_MISSING };
  }
  const kind = input.kind;
  let run: LetterRunResult;
  try {
    run = runLetters({ participantIds: [participantId] }, kind, requestId, { startedAt });
  } catch (err) {
    // Nothing is linked: making the letter again finishes it, or bins what this attempt left.
    return { ok: false, participantId, message: `The letter could not be made: ${errorText(err)}` };
  }
  const made = run.made[0];
  if (made && run.already) {
    return {
      ok: true,
      participantId,
      name: '',
      url: made.url,
      unknownPlaceholders: [],
      warnings: [],
      message: `${ALREADY_SAVED} The letter's link is on the pupil's row of the Participants tab.`,
    };
  }
  if (made) {
    const info = LETTER_KIND_INFO[kind];
    const first = made.pupil.split(' ')[0] || made.pupil;
    const unknown = made.unknownPlaceholders;
    const message = [
      `Made the ${info.label.toLowerCase()} letter for ${made.pupil}: "${made.docName}"${made.folderProblem ? '.' : ` is in your "${run.folderName}" folder in Google Drive.`}`,
      made.folderProblem,
      `The link is on ${first}'s row of the Participants tab (${info.column}).`,
      made.previous ? 'The earlier letter is kept in Drive, and its link in the Audit log.' : '',
      run.binned > 0
        ? 'An unfinished copy left by an earlier attempt that was cut off was put in the Drive bin.'
        : '',
      unknown.length > 0
        ? `Check the letter before sending it: the template has ${unknown.length === 1 ? 'a placeholder' : 'placeholders'} the add-on does not know, left as typed: ${listOf(unknown.map((u) => `{{${u}}}`))}. Correct the template (see the list of placeholders), then make the letter again.`
        : '',
    ]
      .filter(Boolean)
      .join(' ');
    return {
      ok: true,
      participantId,
      name: made.docName,
      url: made.url,
      unknownPlaceholders: unknown,
      warnings: made.warnings,
      message,
    };
  }
  const failed = run.failed[0];
  return {
    ok: false,
    participantId,
    message: failed?.message ?? 'The letter could not be made. Please try again.',
  };
}

export function generateLetters(request: unknown, requestId?: unknown): LetterBatchResult {
  const startedAt = Date.now();
  const input = (typeof request === 'object' && request !== null ? request : {}) as {
    participantIds?: unknown;
    interventionId?: unknown;
    kind?: unknown;
  };
  if (!isLetterKind(input.kind)) return { ok: false, message: KIND_MISSING };
  const kind = input.kind;
  let ask: { participantIds: string[] } | { interventionId: string };
  if (Array.isArray(input.participantIds)) {
    const ids = [
      ...new Set(
        input.participantIds
          .filter((id): id is string => typeof id === 'string')
          .map((id) => id.trim().slice(0, 60))
          .filter((id) => id !== ''),
      ),
    ];
    if (ids.length === 0) return { ok: false, message: 'Choose the pupils first.' };
    if (ids.length > MAX_PLACES) {
      return {
        ok: false,
        message: `That is ${ids.length} pupils: make the letters for at most ${MAX_PLACES} at a time.`,
      };
    }
    ask = { participantIds: ids };
  } else if (typeof input.interventionId === 'string' && input.interventionId.trim() !== '') {
    ask = { interventionId: input.interventionId.trim().slice(0, 60) };
  } else {
    return { ok: false, message: 'Choose the intervention first.' };
  }
  return batchResult(kind, runLetters(ask, kind, requestId, { startedAt }));
}

// ---------------------------------------------------------------------------------------------
// Helpers (not exported: not callable from the sidebar)

const KIND_MISSING = 'Choose which letter to make: start, mid-point or end.';

function batchResult(kind: LetterKind, run: LetterRunResult): LetterBatchResult {
  const notes: string[] = [];
  const problem = run.made.find((m) => m.folderProblem !== '')?.folderProblem;
  if (problem) {
    notes.push(
      `Some letters could not be put in your "${run.folderName}" folder, so they are in your My Drive.`,
    );
  } else if (run.made.length > 0 && run.folderName) {
    notes.push(`The letters are in your "${run.folderName}" folder in Google Drive.`);
  }
  if (run.made.some((m) => m.previous !== '')) {
    notes.push('Earlier letters are kept in Drive, and their links in the Audit log.');
  }
  if (run.binned > 0) {
    notes.push(
      run.binned === 1
        ? 'An unfinished copy left by an earlier attempt that was cut off was put in the Drive bin.'
        : `${run.binned} unfinished copies left by an earlier attempt that was cut off were put in the Drive bin.`,
    );
  }
  const made = run.made.length;
  const message = [
    run.already ? ALREADY_SAVED : made === 1 ? 'Made 1 letter.' : `Made ${made} letters.`,
    run.failed.length > 0 ? `${run.failed.length} could not be made.` : '',
    run.remaining.length > 0 ? `${run.remaining.length} still to make.` : '',
  ]
    .filter(Boolean)
    .join(' ');
  return {
    ok: true,
    kind,
    made: run.made.map((m) => ({
      participantId: m.participantId,
      pupil: m.pupil,
      name: m.docName,
      url: m.url,
      unknownPlaceholders: m.unknownPlaceholders,
      warnings: m.warnings,
    })),
    failed: run.failed.map((f) => ({
      participantId: f.participantId,
      pupil: f.pupil,
      reason: f.reason,
    })),
    remaining: run.remaining,
    notes,
    message,
  };
}
