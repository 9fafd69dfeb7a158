/** The document properties the daily reminders keep, and who counts as their owner. */
export const HANDLER = 'sendDailyReminders';
export const RUN_HOUR = 7;
export const OWNER_KEY = 'reminders.owner';
export const TRIGGER_KEY = 'reminders.triggerId';
/** The day reminders were turned on (or taken over): a run is expected from the next school day. */
export const OWNER_SINCE_KEY = 'reminders.ownerSince';
/** The day of the last run that finished (quota stops included). */
export const LAST_SUCCESS_KEY = 'reminders.lastSuccess';
export const FAILURE_MAILED_KEY = 'reminders.failureMailed';
export const SUMMARY_SENT_KEY = 'reminders.summarySentOn';
/** {"on": date, "keys": [staff digest keys]}: who has had today's digest. */
export const DIGESTS_SENT_KEY = 'reminders.digestsSent';
/** {digest key: day}: when each person last had a digest, for the rotation on a short quota. */
export const LAST_SERVED_KEY = 'reminders.lastServed';
/** User property of the owner: the SENCos' addresses, for a failure email when the sheet is out of reach. */
export const SENCO_EMAILS_KEY = 'reminders.sencoEmails';

export const sameEmail = (a: string | undefined | null, b: string): boolean =>
  (a ?? '').trim().toLowerCase() === b.trim().toLowerCase() && b.trim() !== '';

/** An error's words (errors from Apps Script services may not be this realm's Error). */
export function errorMessage(err: unknown): string {
  const message = (err as { message?: unknown } | null)?.message;
  return typeof message === 'string' && message !== '' ? message : String(err);
}
