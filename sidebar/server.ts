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
    'Something went wrong and nothing was saved. Please try again.' +
    (detail.trim() ? ` (The sheet said: ${detail.trim()})` : '')
  );
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
    try {
      const runner = run
        .withSuccessHandler((value) => resolve(value as ReturnType<ServerApi[K]>))
        .withFailureHandler(fail);
      (runner[name] as (...a: Parameters<ServerApi[K]>) => void)(...args);
    } catch (error) {
      fail(error);
    }
  });
}
