/** Staff and the Provision library. */
import type { LibraryForm } from '../domain/library';
import type { StaffForm } from '../domain/staff';
import type { SaveResult } from './contract';

/** A record offered in a "pick one to edit" list. */
export interface RecordChoice {
  id: string;
  label: string;
}

export interface StaffFormOptions {
  /** False until "Set up provision map" has been run. */
  workbookReady: boolean;
  /** Everyone on the Staff tab with a Staff ID, by name: "Ms Amara Okafor (SENCo)". */
  staff: RecordChoice[];
  /** Rows on the Staff tab with no Staff ID (typed in by hand): they cannot be picked here. */
  withoutId: number;
  /** The Provision library's programme names, each once, by name: to pick for "Trained in". */
  programmes: string[];
}

export interface LibraryFormOptions {
  workbookReady: boolean;
  /** Every Provision library entry with a Provision ID, by name. */
  entries: RecordChoice[];
  withoutId: number;
}

/** A record's fields as the form shows them (text), with its ID. */
export type StaffMemberForm = StaffForm & { id: string };
export type LibraryEntryForm = LibraryForm & { id: string };

export interface StaffApi {
  getStaffFormOptions(): StaffFormOptions;
  /** The person's fields for the form, or null when the row has gone. */
  getStaffMember(id: string): StaffMemberForm | null;
  /** Adds a person (no id) or changes one (id); warns when there is no SENCo, or more than one. */
  saveStaffMember(form: StaffForm & { id?: string }): SaveResult;
  getLibraryFormOptions(): LibraryFormOptions;
  getLibraryEntry(id: string): LibraryEntryForm | null;
  saveLibraryEntry(form: LibraryForm & { id?: string }): SaveResult;
}
