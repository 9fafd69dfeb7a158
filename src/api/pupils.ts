/** Sidebar endpoints for pupils: add and edit one (see pupils-contract.ts), and import a CSV. */
import { isoFromDate, dateFromIso } from '../domain/dates';
import { newRecordId } from '../domain/ids';
import {
  normaliseNeed,
  normaliseSenStatus,
  normaliseYearGroup,
  parseDateText,
} from '../domain/mis-values';
import {
  PUPIL_COLUMNS,
  PUPIL_FIELDS,
  PUPIL_LABELS,
  pupilSummary,
  validatePupil,
  type Pupil,
  type PupilField,
} from '../domain/pupil';
import { mappingProblems, type ColumnMapping } from '../domain/pupil-columns';
import { duplicateMessage, knownPupilIndex, type KnownPupil } from '../domain/pupil-duplicates';
import { MAX_IMPORT_ROWS, reviewImport } from '../domain/pupil-import';
import type { FieldErrors } from '../domain/schema-helpers';
import { TABS } from '../domain/workbook';
import { todayIso, uuid } from '../services/environment';
import { runOperation } from '../store/operation';
import type { RecordValues, Row, Table } from '../store/table';
import { activeSpreadsheet, readTables } from '../store/workbook';
import type { SaveResult } from './contract';
import type {
  PupilFormOptions,
  PupilImportPreview,
  PupilImportResult,
  StoredPupil,
} from './pupils-contract';
import { ALREADY_SAVED, refused, savedAlready } from './results';
import { listOf } from '../domain/text';

const ID_HEADER = TABS.pupils.idHeader;

export function getPupilFormOptions(): PupilFormOptions {
  const spreadsheet = activeSpreadsheet();
  const ready = Boolean(
    spreadsheet.getSheetByName(TABS.pupils.name) && spreadsheet.getSheetByName(TABS.staff.name),
  );
  if (!ready) {
    return { workbookReady: false, staff: [], pupils: [], withoutId: 0, today: todayIso() };
  }
  const { staff, pupils } = readTables({ staff: TABS.staff, pupils: TABS.pupils });
  const byName = (a: Row, b: Row): number =>
    compareText(a.text('Last name'), b.text('Last name')) ||
    compareText(a.text('First name'), b.text('First name'));
  const records = pupils.records();
  return {
    workbookReady: true,
    staff: [...new Set(staff.texts('Name').filter((n) => n !== ''))].sort(compareText),
    pupils: records
      .filter((row) => row.id !== '')
      .sort(byName)
      .map((row) => ({ id: row.id, label: pickerLabel(row), lastName: row.text('Last name') })),
    withoutId: records.filter((row) => row.id === '').length,
    today: todayIso(),
  };
}

export function getPupil(id: string): StoredPupil | null {
  const { pupils } = readTables({ pupils: TABS.pupils });
  const row = typeof id === 'string' ? pupils.find(id.trim()) : undefined;
  if (!row) return null;
  const text = (field: PupilField): string => row.text(PUPIL_COLUMNS[field]);
  return {
    id: row.id,
    firstName: text('firstName'),
    lastName: text('lastName'),
    dateOfBirth: dateOfBirthOf(row),
    yearGroup: normaliseYearGroup(text('yearGroup')) ?? text('yearGroup'),
    workingAtYearGroup:
      normaliseYearGroup(text('workingAtYearGroup')) ?? text('workingAtYearGroup'),
    senStatus: normaliseSenStatus(text('senStatus')) ?? text('senStatus'),
    primaryNeed: normaliseNeed(text('primaryNeed')) ?? text('primaryNeed'),
    secondaryNeed: normaliseNeed(text('secondaryNeed')) ?? text('secondaryNeed'),
    classTeacher: text('classTeacher'),
    upn: upnOf(row),
  };
}

export function savePupil(form: unknown, requestId?: unknown): SaveResult {
  const checked = validatePupil(form, todayIso());
  if (!checked.ok) return refused(checked.errors);
  const pupil = checked.value;
  const rawId = (form as { id?: unknown }).id;
  const id = typeof rawId === 'string' ? rawId.trim() : '';
  const name = `${pupil.firstName} ${pupil.lastName}`;
  return runOperation(
    { pupils: TABS.pupils },
    ({ pupils }): SaveResult => {
      const known = knownPupils(pupils);
      if (id === '') {
        const duplicate = knownPupilIndex(known).find(pupil);
        if (duplicate) {
          return refused({
            [duplicate.by === 'upn' ? 'upn' : 'form']: duplicateMessage(duplicate, false),
          });
        }
        const newId = newRecordId(TABS.pupils.idPrefix, pupils.ids(), uuid);
        pupils.append({ [ID_HEADER]: newId, ...pupilValues(pupil) });
        return { ok: true, id: newId, message: `Added ${name} (${newId}) to the Pupils tab.` };
      }
      const row = pupils.find(id);
      if (!row) {
        return refused({
          form:
            `Pupil ${id} is no longer on the Pupils tab: someone may have deleted them. ` +
            'Close this panel and open it again to choose from the current list.',
        });
      }
      const duplicate = knownPupilIndex(known.filter((p) => p.id !== id)).find(pupil);
      if (duplicate) {
        return refused({
          [duplicate.by === 'upn' ? 'upn' : 'form']: duplicateMessage(duplicate, true),
        });
      }
      const before = pupils.changes.length;
      row.set(pupilValues(pupil));
      const changed = pupils.changes.slice(before).map((change) => fieldLabel(change.field));
      if (changed.length === 0) {
        return { ok: true, id, message: `Nothing had changed for ${name}, so nothing was saved.` };
      }
      return {
        ok: true,
        id,
        message: `Saved the changes to ${name} (${id}): ${listOf(changed.map(inSentence))}.`,
      };
    },
    { requestId, alreadyDone: savedAlready },
  );
}

export function previewPupilImport(request: unknown): PupilImportPreview {
  const checked = checkImportRequest(request);
  if (!checked.ok) return checked;
  const today = todayIso();
  const { pupils } = readTables({ pupils: TABS.pupils });
  const review = reviewImport(checked.rows, checked.mapping, knownPupils(pupils), today);
  return {
    ok: true,
    valid: review.valid.map(({ line, pupil }) => ({ line, summary: pupilSummary(pupil) })),
    invalid: review.invalid,
    duplicates: review.duplicates,
    counts: {
      rows: checked.rows.length,
      valid: review.valid.length,
      invalid: review.invalid.length,
      duplicates: review.duplicates.length,
      blank: review.blank,
    },
    today,
  };
}

export function importPupils(request: unknown, requestId?: unknown): PupilImportResult {
  const checked = checkImportRequest(request);
  if (!checked.ok) return checked;
  const today = todayIso();
  return runOperation(
    { pupils: TABS.pupils },
    ({ pupils }): PupilImportResult => {
      const review = reviewImport(checked.rows, checked.mapping, knownPupils(pupils), today);
      const ids = pupils.ids();
      const nextUuid = pooledUuid();
      for (const { pupil } of review.valid) {
        const id = newRecordId(TABS.pupils.idPrefix, ids, nextUuid);
        ids.add(id);
        pupils.append({ [ID_HEADER]: id, ...pupilValues(pupil) });
      }
      const imported = review.valid.length;
      const skippedInvalid = review.invalid.length;
      const skippedDuplicates = review.duplicates.length;
      const skipped = [
        skippedInvalid > 0 ? `${plural(skippedInvalid, 'row')} with problems` : '',
        skippedDuplicates > 0
          ? `${plural(skippedDuplicates, 'pupil')} already on the tab or earlier in the file`
          : '',
      ].filter(Boolean);
      const message =
        (imported > 0
          ? `Added ${plural(imported, 'pupil')} to the Pupils tab.`
          : 'No pupils were added: there was nobody new to add.') +
        (skipped.length > 0 ? ` Skipped ${listOf(skipped)}.` : '');
      return { ok: true, imported, skippedInvalid, skippedDuplicates, message };
    },
    {
      requestId,
      alreadyDone: (ids) => ({
        ok: true,
        imported: ids.length,
        skippedInvalid: 0,
        skippedDuplicates: 0,
        message: ALREADY_SAVED,
      }),
    },
  );
}

// ---- helpers (not exported: only endpoints are) --------------------------------------------

type CheckedImport =
  | { ok: true; rows: string[][]; mapping: ColumnMapping }
  | { ok: false; message: string; errors: FieldErrors };

/** The request as the sidebar should send it, within the size limit, with a usable mapping. */
function checkImportRequest(request: unknown): CheckedImport {
  const { rows, mapping } = (request ?? {}) as { rows?: unknown; mapping?: unknown };
  const bad = (message: string, errors: FieldErrors = {}): CheckedImport => ({
    ok: false,
    message,
    errors,
  });
  if (!Array.isArray(rows) || !rows.every((r) => Array.isArray(r))) {
    return bad('The file could not be read. Choose it again, then press Preview.');
  }
  if (rows.length === 0) return bad('The file has no pupils in it: only a header row, or nothing.');
  if (rows.length > MAX_IMPORT_ROWS) {
    return bad(
      `The file has ${rows.length.toLocaleString('en-GB')} rows: import at most ` +
        `${MAX_IMPORT_ROWS.toLocaleString('en-GB')} pupils at a time. Split the file into ` +
        'smaller files (for example one per year group) and import each one.',
    );
  }
  const cleanRows = (rows as unknown[][]).map((row) =>
    row.map((cell) => (typeof cell === 'string' ? cell : cell == null ? '' : String(cell))),
  );
  const width = Math.max(0, ...cleanRows.map((row) => row.length));
  const given =
    typeof mapping === 'object' && mapping !== null ? (mapping as Record<string, unknown>) : {};
  const errors = mappingProblems(given, width);
  if (Object.keys(errors).length > 0) {
    return bad(
      'Choose which column holds each of the fields marked below, then press Preview again.',
      errors,
    );
  }
  const clean = Object.fromEntries(
    PUPIL_FIELDS.map((field) => [field, typeof given[field] === 'number' ? given[field] : -1]),
  ) as ColumnMapping;
  return { ok: true, rows: cleanRows, mapping: clean };
}

/** Every pupil on the tab, for duplicate checks. */
function knownPupils(pupils: Table): KnownPupil[] {
  return pupils.records().map((row) => ({
    id: row.id,
    row: row.index + 2,
    firstName: row.text(PUPIL_COLUMNS.firstName),
    lastName: row.text(PUPIL_COLUMNS.lastName),
    dateOfBirth: dateOfBirthOf(row),
    upn: upnOf(row),
  }));
}

/** A stored date of birth as yyyy-mm-dd (a date cell, or text someone typed or pasted). */
function dateOfBirthOf(row: Row): string {
  const date = row.date(PUPIL_COLUMNS.dateOfBirth);
  if (date) return isoFromDate(date);
  const text = row.text(PUPIL_COLUMNS.dateOfBirth);
  return parseDateText(text) ?? text;
}

/** A stored UPN (an apostrophe left by someone typing into a plain-text cell dropped). */
function upnOf(row: Row): string {
  return row.text(PUPIL_COLUMNS.upn).replace(/^'/, '');
}

/** A valid pupil's fields as cell values under their Pupils headers. */
function pupilValues(pupil: Pupil): RecordValues {
  const values: RecordValues = {};
  for (const field of PUPIL_FIELDS) {
    const header = PUPIL_COLUMNS[field];
    values[header] = field === 'dateOfBirth' ? dateFromIso(pupil.dateOfBirth) : pupil[field];
  }
  return values;
}

function pickerLabel(row: Row): string {
  const name = `${row.text('First name')} ${row.text('Last name')}`.trim() || row.id;
  const year = row.text('Year group');
  return year ? `${name} (${year})` : name;
}

function fieldLabel(header: string): string {
  const field = PUPIL_FIELDS.find((f) => PUPIL_COLUMNS[f] === header);
  return field ? PUPIL_LABELS[field] : header;
}

/** "Year group" → "year group" mid-sentence; "UPN" and "SEN status" stay as they are. */
function inSentence(label: string): string {
  return /^[A-Z][a-z]/.test(label) ? label[0]!.toLowerCase() + label.slice(1) : label;
}

function compareText(a: string, b: string): number {
  return a.localeCompare(b, 'en-GB', { sensitivity: 'base' });
}

function plural(n: number, word: string): string {
  return `${n.toLocaleString('en-GB')} ${word}${n === 1 ? '' : 's'}`;
}

/** Halves of fresh UUIDs (an ID takes twelve characters): one Utilities call gives two IDs. */
function pooledUuid(): () => string {
  const pool: string[] = [];
  return () => {
    if (pool.length === 0) {
      const hex = uuid().replace(/-/g, '');
      for (let i = 0; i + 16 <= hex.length; i += 16) pool.push(hex.slice(i, i + 16));
    }
    return pool.shift() ?? uuid();
  };
}
