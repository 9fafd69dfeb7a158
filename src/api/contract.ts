/**
 * The functions the sidebar calls through google.script.run, with their argument and result types.
 * The sidebar is typed against ServerApi; src/main.ts exports an implementation of each. Each area
 * declares its own part (e.g. PupilApi in pupils-contract.ts) and ServerApi joins them.
 *
 * Every endpoint that changes the workbook also takes a request ID as a last argument, which
 * callServer adds by itself (sidebar/server.ts): a retry of a submit completes it, never repeats it.
 */
import type { FieldErrors } from '../domain/schema-helpers';
import type { InterventionForm } from '../domain/intervention';
import type { PupilApi } from './pupils-contract';
import type { RecordChoice, StaffApi } from './staff-contract';
import type { ParticipantApi } from './participants-contract';
import type { ReviewApi } from './reviews-contract';
import type { LetterApi } from './letters-contract';
import type { DecisionApi } from './decisions-contract';
import type { GettingStartedApi } from './getting-started-contract';

export interface LibraryChoice {
  id: string;
  name: string;
  /** The intervention form's fields pre-filled from the library entry. */
  form: Partial<Record<keyof InterventionForm, string>>;
}

export interface InterventionFormOptions {
  /** Staff names from the Staff tab, for the lead person list. */
  staff: string[];
  /** Today in the school's time zone, yyyy-mm-dd (the default start date). */
  today: string;
  /** False until "Set up provision map" has been run. */
  workbookReady: boolean;
  /** Provision library entries a new intervention can start from. */
  library: LibraryChoice[];
  /** Interventions to pick from and change, by label: "Talk Boost (from 30 November 2026)". */
  interventions: RecordChoice[];
  /** Rows on the Interventions tab with no Intervention ID (typed in by hand): not listed. */
  withoutId: number;
}

/** An intervention's fields as the form shows them (text; the start date yyyy-mm-dd), with its ID. */
export type InterventionRecordForm = Record<keyof InterventionForm, string> & { id: string };

/** What every save returns: ok with a message (and good-practice warnings), or field errors. */
export type SaveResult =
  | { ok: true; id: string; message: string; warnings?: string[] }
  | { ok: false; errors: FieldErrors; message: string };

export interface InterventionApi {
  getInterventionFormOptions(): InterventionFormOptions;
  /** The intervention's fields for the form, or null when the row has gone. */
  getIntervention(id: string): InterventionRecordForm | null;
  /**
   * Adds an intervention (no id) or changes one (id): only the fields that differ, with the audit
   * noting old and new. A new start date or length moves its pupils' reviews still due.
   */
  saveIntervention(form: InterventionForm & { id?: string }): SaveResult;
}

/** The daily review reminders, as every sidebar form checks them (reminders-switch.ts). */
export interface ReminderApi {
  /** The reminders' problem in words ('' when they run), and whether this user may take over. */
  getReminderStatus(): { problem: string; canTakeOver: boolean };
  /** Makes this user send the reminders from tomorrow. */
  takeOverReminders(): { ok: boolean; message: string };
}

export interface ServerApi
  extends
    InterventionApi,
    PupilApi,
    StaffApi,
    ParticipantApi,
    ReviewApi,
    LetterApi,
    ReminderApi,
    DecisionApi,
    GettingStartedApi {}

export type ServerFunctionName = keyof ServerApi;
