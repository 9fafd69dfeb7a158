/** Pupils: add and edit, and import from a CSV exported from the school's MIS. */
import type { PupilForm } from '../domain/pupil';
import type { ColumnMapping } from '../domain/pupil-columns';
import type { SaveResult } from './contract';

export interface PupilChoice {
  id: string;
  /** "Amelia Jones (Year 3)" */
  label: string;
  /** For keeping the list in last-name order when the sidebar adds or renames a pupil. */
  lastName: string;
}

export interface PupilFormOptions {
  /** False until "Set up provision map" has been run. */
  workbookReady: boolean;
  /** Staff names from the Staff tab, for the class teacher list (free text when empty). */
  staff: string[];
  /** Pupils on the Pupils tab, sorted by last name, for the "choose a pupil to edit" list. */
  pupils: PupilChoice[];
  /** Rows on the Pupils tab with no Pupil ID (typed in by hand): they cannot be picked. */
  withoutId: number;
  /** Today in the school's time zone, yyyy-mm-dd (dates of birth are checked against it). */
  today: string;
}

/** A pupil's stored values as the form shows them (dates as yyyy-mm-dd), with their ID. */
export type StoredPupil = PupilForm & { id: string };

/** What the sidebar sends to preview or import a CSV: the data rows (no header) and the mapping. */
export interface PupilImportRequest {
  rows: string[][];
  mapping: ColumnMapping;
}

export interface ImportCounts {
  /** Data rows in the file (the header not counted). */
  rows: number;
  valid: number;
  invalid: number;
  duplicates: number;
  /** Rows with nothing in them (skipped, not reported). */
  blank: number;
}

export type PupilImportPreview =
  | {
      ok: true;
      /** Rows that would be added; line numbers count the header as line 1. */
      valid: { line: number; summary: string }[];
      /** Rows that would be skipped because something in them is wrong, with every reason. */
      invalid: { line: number; reasons: string[] }[];
      /** Rows that would be skipped because the pupil is already there. */
      duplicates: { line: number; name: string; matches: string }[];
      counts: ImportCounts;
      today: string;
    }
  /** The mapping or the request cannot be used (errors by field), or the file is too big. */
  | { ok: false; message: string; errors: Record<string, string> };

export type PupilImportResult =
  | {
      ok: true;
      imported: number;
      skippedInvalid: number;
      skippedDuplicates: number;
      message: string;
    }
  | { ok: false; message: string; errors: Record<string, string> };

export interface PupilApi {
  getPupilFormOptions(): PupilFormOptions;
  /** The pupil's stored values, or null when no pupil has that ID (e.g. deleted since). */
  getPupil(id: string): StoredPupil | null;
  /** Adds a pupil (no id) or saves changes to one (with its id), writing only changed fields. */
  savePupil(form: PupilForm & { id?: string }): SaveResult;
  /** Checks an import without writing anything. */
  previewPupilImport(request: PupilImportRequest): PupilImportPreview;
  /** Checks the import again and adds every valid row that is not a duplicate, in one write. */
  importPupils(request: PupilImportRequest): PupilImportResult;
}
