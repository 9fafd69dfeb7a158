/**
 * What the daily reminders have sent: a log kept in document properties, so that no review's
 * reminder goes to anyone twice, whatever stops a run part-way.
 *
 * The rules:
 * - An entry is written for each email BEFORE it is sent (the "in flight" record) and confirmed
 *   after it has gone (its sentKey()s join the log). A run that stops between the two leaves the
 *   email in doubt: the next run counts its reminders as sent when the sheet marks them as
 *   reminded, and sends the rest again (see resolveInFlight for why).
 * - The log of a review is kept until the review is no longer Due (done, cancelled, or gone from
 *   the Reviews tab), whatever the calendar says: a weekend or holiday never wipes it.
 * - Once a reminder has reached every recipient, its per-recipient entries shrink to one
 *   completeKey(), the twin of the sheet's mark, so a big school's log stays small.
 * - Property values are limited to 9 KB each and 500 KB a store: the log is split into values of
 *   at most SENT_LOG_MAX_BYTES.
 */
import type { ReminderKind } from './reminder-model';

/** A run's log: the day it ran and the entries of what it emailed. */
export interface SentLog {
  on: string;
  sent: string[];
}

export const SENT_LOG_PREFIX = 'reminders.sent.';
/** The compacted log's keys: reminders.sent.kept.1, .2, … */
export const KEPT_LOG_PREFIX = `${SENT_LOG_PREFIX}kept.`;

export function parseSentLog(value: string | null | undefined): SentLog | undefined {
  if (!value) return undefined;
  try {
    const parsed = JSON.parse(value) as Partial<SentLog>;
    if (typeof parsed.on !== 'string' || !Array.isArray(parsed.sent)) return undefined;
    return { on: parsed.on, sent: parsed.sent.filter((s): s is string => typeof s === 'string') };
  } catch {
    return undefined;
  }
}

/** Property values are limited to 9 KB: a log is split across keys below this size. */
export const SENT_LOG_MAX_BYTES = 8000;

/** Splits entries into logs small enough for one property value each. */
export function chunkLog(on: string, entries: readonly string[]): SentLog[] {
  const logs: SentLog[] = [];
  let current: SentLog | undefined;
  let size = 0;
  for (const entry of entries) {
    const bytes = utf8Length(entry) + 3;
    if (!current || size + bytes > SENT_LOG_MAX_BYTES) {
      current = { on, sent: [] };
      logs.push(current);
      size = utf8Length(JSON.stringify(current));
    }
    current.sent.push(entry);
    size += bytes;
  }
  return logs;
}

export function utf8Length(text: string): number {
  let bytes = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
  }
  return bytes;
}

/** "REV-1:due": this reminder has reached everyone it should (the sheet's mark, in the log). */
export function completeKey(reviewId: string, kind: ReminderKind): string {
  return `${reviewId}:${kind}`;
}

/** The review and kind an entry ("REV-1:due@staff:STF-2" or "REV-1:due") is about. */
export function entryReminder(entry: string): { reviewId: string; kind: ReminderKind } | undefined {
  const match = /^(.+):(due|overdue)(?:@.+)?$/.exec(entry);
  if (!match) return undefined;
  return { reviewId: match[1]!, kind: match[2] as ReminderKind };
}

/** Every entry of the logs, with the day it was sent (the earliest, when logged twice). */
export function entriesOf(logs: readonly SentLog[]): Map<string, string> {
  const entries = new Map<string, string>();
  for (const log of logs) {
    for (const entry of log.sent) {
      const known = entries.get(entry);
      if (known === undefined || log.on < known) entries.set(entry, log.on);
    }
  }
  return entries;
}

/**
 * The log to keep after a run. For each review still Due: one completeKey() for each logged
 * reminder that has reached everyone (`complete`: marked on the sheet, or by this run), the
 * per-recipient entries of the others. Entries of reviews no longer Due are dropped; nothing is
 * ever dropped for its date.
 */
export function logToKeep(
  entries: ReadonlyMap<string, string>,
  stillDue: ReadonlySet<string>,
  complete: ReadonlySet<string>,
): SentLog[] {
  const byDay = new Map<string, Set<string>>();
  for (const [entry, on] of entries) {
    const reminder = entryReminder(entry);
    if (!reminder || !stillDue.has(reminder.reviewId)) continue;
    const whole = completeKey(reminder.reviewId, reminder.kind);
    const kept = complete.has(whole) ? whole : entry;
    const day = byDay.get(on) ?? new Set<string>();
    day.add(kept);
    byDay.set(on, day);
  }
  return [...byDay]
    .sort(([a], [b]) => a.localeCompare(b))
    .flatMap(([on, day]) => chunkLog(on, [...day].sort()));
}

/** An email about to be sent: recorded before MailApp is called, cleared once it is logged. */
export interface InFlight {
  on: string;
  /** The digest's key ('staff:STF-2' or 'summary'). */
  key: string;
  recipientName: string;
  sent: string[];
}

export const IN_FLIGHT_KEY = 'reminders.inFlight';

export function parseInFlight(value: string | null | undefined): InFlight | undefined {
  if (!value) return undefined;
  try {
    const parsed = JSON.parse(value) as Partial<InFlight>;
    if (typeof parsed.on !== 'string' || typeof parsed.key !== 'string') return undefined;
    if (!Array.isArray(parsed.sent)) return undefined;
    return {
      on: parsed.on,
      key: parsed.key,
      recipientName: typeof parsed.recipientName === 'string' ? parsed.recipientName : '',
      sent: parsed.sent.filter((s): s is string => typeof s === 'string'),
    };
  } catch {
    return undefined;
  }
}

/**
 * An email a stopped run was sending when it stopped: it may or may not have gone. Its reminders
 * that the sheet marks as reminded count as sent (the mark is only written once an email went).
 * The rest are sent again: at-least-once for this one email, because a reminder lost in silence is
 * a child's review missed, while one repeated email is a small nuisance that the recipient can see.
 */
export function resolveInFlight(
  inFlight: InFlight,
  isMarked: (reviewId: string, kind: ReminderKind) => boolean,
): { sent: string[]; resend: string[] } {
  const sent: string[] = [];
  const resend: string[] = [];
  for (const entry of inFlight.sent) {
    const reminder = entryReminder(entry);
    if (reminder && isMarked(reminder.reviewId, reminder.kind)) sent.push(entry);
    else resend.push(entry);
  }
  return { sent, resend };
}

/**
 * Digests in the order a short mail quota serves them: whoever has waited longest since their
 * last digest first (never served before anyone served), the planned order between equals. So a
 * quota of a few emails a day reaches everyone over successive days.
 */
export function inRotation<T extends { key: string }>(
  digests: readonly T[],
  lastServed: Readonly<Record<string, string>>,
): T[] {
  return digests
    .map((digest, index) => ({ digest, index, served: lastServed[digest.key] ?? '' }))
    .sort((a, b) => a.served.localeCompare(b.served) || a.index - b.index)
    .map(({ digest }) => digest);
}
