/**
 * A typed promise wrapper over google.script.run. Call it with the endpoint name as a string
 * literal, e.g. callServer('saveIntervention', form): a test looks for those names in the bundle.
 */
import type { ServerApi } from '../src/api/contract';

type ServerCalls = { [K in keyof ServerApi]: (...args: Parameters<ServerApi[K]>) => void };

/** The part of Apps Script's client-side google.script.run that the sidebar uses. */
interface ScriptRun extends ServerCalls {
  withSuccessHandler(handler: (value: unknown) => void): ScriptRun;
  withFailureHandler(handler: (error: unknown) => void): ScriptRun;
}

type WithGoogle = { google?: { script?: { run?: ScriptRun } } };

const SIGNED_IN_TWICE =
  'The add-on could not reach your sheet. If you are signed in to more than one Google account, ' +
  'open the sheet in a window where only your school account is signed in, then try again.';
const OFFLINE =
  'The add-on lost its connection to Google. Check your internet connection, then try again.';
const NOT_IN_SHEETS =
  'This form only works inside Google Sheets. Open it from the add-on menu in your provision map.';

/** A plain-English message for a failed server call; the original text is kept when it helps. */
export function describeFailure(error: unknown): string {
  const raw = error instanceof Error ? `${error.name}: ${error.message}` : String(error ?? '');
  if (/authori[sz]ation|permission_denied|scripterror/i.test(raw)) return SIGNED_IN_TWICE;
  if (/networkerror|network error|connection failure|http 0\b/i.test(raw)) return OFFLINE;
  const detail = error instanceof Error ? error.message : raw;
  return (
    'Something went wrong. Please try again: trying again finishes a save that was cut off and never saves anything twice.' +
    (detail.trim() ? ` (The sheet said: ${detail.trim()})` : '')
  );
}

/**
 * The endpoints that change the workbook. Each submit carries a request ID (a last argument); a
 * submit that failed and is sent again unchanged carries the same one, so the server completes
 * the first attempt instead of repeating it (src/store/request-log.ts).
 */
const SAVES: ReadonlySet<string> = new Set<keyof ServerApi>([
  'saveIntervention',
  'saveParticipant',
  'addPupilsToIntervention',
  'removeParticipant',
  'savePupil',
  'importPupils',
  'saveReview',
  'addExtraReview',
  'saveStaffMember',
  'saveLibraryEntry',
  'generateLetter',
  'generateLetters',
  'recordDecision',
]);

/** Request IDs of submits that have not had an answer yet, by endpoint and arguments. */
const unanswered = new Map<string, string>();

function newRequestId(): string {
  const bytes = new Uint8Array(16);
  globalThis.crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

export function callServer<K extends keyof ServerApi>(
  name: K,
  ...args: Parameters<ServerApi[K]>
): Promise<ReturnType<ServerApi[K]>> {
  return new Promise((resolve, reject) => {
    const fail = (error: unknown): void =>
      reject(new Error(describeFailure(error), { cause: error }));
    const run = (globalThis as WithGoogle).google?.script?.run;
    if (!run) {
      reject(new Error(NOT_IN_SHEETS));
      return;
    }
    const submit = SAVES.has(name) ? `${name}\u0000${JSON.stringify(args)}` : undefined;
    const requestId = submit ? (unanswered.get(submit) ?? newRequestId()) : undefined;
    if (submit && requestId) unanswered.set(submit, requestId);
    try {
      const runner = run
        .withSuccessHandler((value) => {
          if (submit) unanswered.delete(submit);
          resolve(value as ReturnType<ServerApi[K]>);
        })
        .withFailureHandler(fail);
      const call = runner[name] as (...a: unknown[]) => void;
      if (requestId) call(...args, requestId);
      else call(...args);
    } catch (error) {
      fail(error);
    }
  });
}
