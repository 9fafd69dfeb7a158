/**
 * The functions the sidebar calls through google.script.run, with their argument and result types.
 * The sidebar is typed against this interface; src/main.ts exports an implementation of each.
 */
import type { FieldErrors } from '../domain/schema-helpers';
import type { InterventionForm } from '../domain/intervention';

export interface InterventionFormOptions {
  /** Staff names from the Staff tab, for the lead person list. */
  staff: string[];
  /** Today in the school's time zone, yyyy-mm-dd (the default start date). */
  today: string;
  /** False until "Set up provision map" has been run. */
  workbookReady: boolean;
}

export type SaveResult =
  { ok: true; id: string; message: string } | { ok: false; errors: FieldErrors; message: string };

export interface ServerApi {
  getInterventionFormOptions(): InterventionFormOptions;
  saveIntervention(form: InterventionForm): SaveResult;
}

export type ServerFunctionName = keyof ServerApi;

/** Every server function the sidebar may call (the compiler checks none is missing). */
const ENDPOINTS: Record<ServerFunctionName, true> = {
  getInterventionFormOptions: true,
  saveIntervention: true,
};
export const SIDEBAR_ENDPOINTS = Object.keys(ENDPOINTS) as ServerFunctionName[];
