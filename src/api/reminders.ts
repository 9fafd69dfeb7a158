/**
 * The daily review reminders: the trigger handler (who owns it: reminders-switch.ts).
 *
 * Exactly once, as far as Apps Script allows (see domain/sent-log.ts):
 * - The run takes the document lock before it reads anything; a run that finds another one
 *   running leaves quietly (no failure email: the other run does the work).
 * - Before each email, what it covers is written as "in flight"; once it has gone, its entries
 *   join the log and the in-flight record is cleared, in one property write. The log of a review
 *   is kept until the review is no longer Due, so a stopped Friday run is never repeated on Monday.
 * - The 'Due reminder sent' / 'Overdue reminder sent' marks (and the Dashboard's rows) are written
 *   in one write per tab at the end; a run that could not write them leaves them to the next run,
 *   which writes them from the log.
 * - The mail quota is checked before the first email; when it runs out the run stops cleanly,
 *   marks what went and leaves the rest for the next day, starting with whoever waited longest.
 * - A run that fails records it on the Dashboard and emails the SENCos on the Staff tab, at most
 *   once a day: add-ons get no failure email from Google.
 */
import { format, startOfDay } from 'date-fns';
import { calendarFrom } from '../store/calendar';
import { setDashboardRows } from '../store/dashboard';
import { sencoEmails, settingValues } from '../store/facts';
import { runOperation } from '../store/operation';
import { activeSpreadsheet } from '../store/workbook';
import { TABS } from '../domain/workbook';
import { dateFromIso, isoFromDate } from '../domain/dates';
import {
  failureEmail,
  planReminders,
  sentKey,
  settleReminders,
  SUMMARY_KEY,
  type Digest,
  type ReminderKind,
} from '../domain/reminders';
import { openNote, runHeadline } from '../domain/reminder-summary';
import {
  completeKey,
  entryReminder,
  entriesOf,
  IN_FLIGHT_KEY,
  inRotation,
  KEPT_LOG_PREFIX,
  logToKeep,
  parseInFlight,
  parseSentLog,
  resolveInFlight,
  SENT_LOG_MAX_BYTES,
  SENT_LOG_PREFIX,
  utf8Length,
  type InFlight,
  type SentLog,
} from '../domain/sent-log';
import { checkEmailPrivacy, reminderSettingsForEmail } from './email-privacy';
import { remainingMailQuota, sendEmail } from '../services/mail';
import { scheduleReviews, startedWithoutReviews } from './review-schedule';
import { DASHBOARD_SPECS, rebuildDashboard } from './dashboard';
import { syncInterventionFigures } from './intervention-figures';
import { syncInterventionStatuses } from './lifecycle-sync';
import { withDocumentLockIfFree } from '../services/lock';
import {
  deleteMyTriggers,
  documentProperties,
  effectiveUserEmail,
  userProperties,
} from '../services/triggers';
import {
  DIGESTS_SENT_KEY,
  errorMessage,
  FAILURE_MAILED_KEY,
  HANDLER,
  LAST_SERVED_KEY,
  LAST_SUCCESS_KEY,
  OWNER_KEY,
  sameEmail,
  SENCO_EMAILS_KEY,
  SUMMARY_SENT_KEY,
} from './reminder-keys';

export {
  getReminderStatus,
  takeOverReminders,
  turnOffReminders,
  turnOnReminders,
} from './reminders-switch';

type Properties = GoogleAppsScript.Properties.Properties;

/** Runs every morning as the user who turned reminders on. */
export function sendDailyReminders(_event?: unknown): void {
  // Another run holds the lock (a second owner's trigger, or a rerun): it does the work. A run
  // that never gets the lock on a day shows as "did not run" the next day.
  withDocumentLockIfFree(dailyRun);
}

function dailyRun(): void {
  const user = effectiveUserEmail();
  const store = documentProperties();
  const props = store.getProperties();
  if (!sameEmail(props[OWNER_KEY], user)) {
    // Someone else took the reminders over (or they were turned off): this trigger retires.
    deleteMyTriggers(HANDLER);
    return;
  }
  checkEmailPrivacy();
  const progress: Progress = { emailsSent: 0, logKeys: [] };
  let outcome: Outcome;
  try {
    outcome = runReminders(store, props, progress);
  } catch (err) {
    reportFailure(store, props, user, err, progress, true);
    throw err;
  }
  keepLog(store, props, progress, outcome);
  if (outcome.error !== undefined) {
    // The run finished its writes: only the email about the failure is left to send.
    reportFailure(store, props, user, outcome.error, progress, false);
    throw outcome.error;
  }
}

/**
 * The sheet now holds the marks: the log keeps what the next runs still need (see logToKeep),
 * in one write, then the older keys go. A failure here only leaves a longer log, which is merged.
 */
function keepLog(
  store: Properties,
  props: Record<string, string>,
  progress: Progress,
  outcome: Outcome,
): void {
  try {
    // The markers again: a log write that failed after an email must not let it go twice.
    const values: Record<string, string> = { ...outcome.markers };
    outcome.keep.forEach((log, i) => {
      values[`${KEPT_LOG_PREFIX}${i + 1}`] = JSON.stringify(log);
    });
    values[IN_FLIGHT_KEY] = outcome.inDoubt ? JSON.stringify(outcome.inDoubt) : '';
    if (outcome.error === undefined) values[LAST_SUCCESS_KEY] = outcome.day;
    store.setProperties(values);
    const old = new Set([
      ...Object.keys(props).filter((k) => k.startsWith(SENT_LOG_PREFIX)),
      ...progress.logKeys,
    ]);
    for (const key of old) if (!(key in values)) store.deleteProperty(key);
  } catch {
    // Harmless: a leftover log only repeats what the sheet already shows; the next run tidies up.
  }
}

interface Progress {
  emailsSent: number;
  logKeys: string[];
}

/** Reviews first (its marks are the run's own record, written last), and what the Dashboard needs. */
const SPECS = { reviews: TABS.reviews, ...DASHBOARD_SPECS };

const MARK_COLUMN: Record<ReminderKind, string> = {
  due: 'Due reminder sent',
  overdue: 'Overdue reminder sent',
};

interface Outcome {
  day: string;
  emailsSent: number;
  reviewsCovered: number;
  stopped: boolean;
  /** The log to keep (every review still Due). */
  keep: SentLog[];
  /** The email that may or may not have gone when sending failed. */
  inDoubt?: InFlight;
  /** What stopped the sending, when it was not the quota. */
  error?: unknown;
  /** Who had which digest today (see SentLogWriter.markers). */
  markers: Record<string, string>;
}

function runReminders(
  store: Properties,
  props: Record<string, string>,
  progress: Progress,
): Outcome {
  return runOperation(SPECS, (t, { now }) => {
    // Fail before any email, not after, when a column the run writes is missing.
    t.reviews.column(MARK_COLUMN.due);
    t.reviews.column(MARK_COLUMN.overdue);
    t.dashboard.column('Measure');
    t.dashboard.column('Value');
    t.dashboard.column('Notes');

    const today = startOfDay(now);
    const todayIso = isoFromDate(today);
    // A started pupil always has reviews: a save cut off before writing them is put right here
    // (the audit log notes each review made). They are reminded from tomorrow.
    const unscheduled = startedWithoutReviews(t.participants, t.reviews);
    const repaired = unscheduled.filter((place) =>
      scheduleReviews(place, t.interventions, t.settings, t.reviews).startsWith(' Reviews due'),
    ).length;
    // Statuses kept true every day, so a finished or stopped place is never reminded.
    syncInterventionStatuses(t.interventions, t.participants);
    // Costs to date grow week by week; every intervention's figures are worked out again.
    syncInterventionFigures(t, now);
    const logs: SentLog[] = [];
    for (const [key, value] of Object.entries(props)) {
      const log = key.startsWith(SENT_LOG_PREFIX) ? parseSentLog(value) : undefined;
      if (log) logs.push(log);
    }
    const entries = entriesOf(logs);
    const reviewRows = new Map(t.reviews.records().map((row) => [row.id, row]));
    const isMarked = (reviewId: string, kind: ReminderKind): boolean =>
      (reviewRows.get(reviewId)?.text(MARK_COLUMN[kind]) ?? '') !== '';

    // A mark the log knows of but the sheet lost (cleared by hand, or never written): repaired.
    for (const [entry, on] of entries) {
      const reminder = entryReminder(entry);
      if (!reminder || entry !== completeKey(reminder.reviewId, reminder.kind)) continue;
      const row = reviewRows.get(reminder.reviewId);
      if (row && !isMarked(reminder.reviewId, reminder.kind)) {
        row.set({ [MARK_COLUMN[reminder.kind]]: dateFromIso(on) });
      }
    }
    // The email a stopped run was sending: what the sheet shows as reminded counts as sent.
    const inFlight = parseInFlight(props[IN_FLIGHT_KEY]);
    const resolved = inFlight ? resolveInFlight(inFlight, isMarked) : undefined;
    for (const entry of resolved?.sent ?? [])
      if (!entries.has(entry)) entries.set(entry, inFlight!.on);

    const settings = reminderSettingsForEmail(settingValues(t.settings), props);
    const summarySentToday = props[SUMMARY_SENT_KEY] === todayIso;
    const plan = planReminders({
      reviews: [...reviewRows.values()].map((r) => ({
        id: r.id,
        interventionId: r.text('Intervention ID'),
        participantId: r.text('Participant ID'),
        kind: r.text('Kind'),
        dueDate: r.date('Due date'),
        status: r.text('Status'),
        dueReminderSent: r.text(MARK_COLUMN.due) !== '',
        overdueReminderSent: r.text(MARK_COLUMN.overdue) !== '',
      })),
      participants: t.participants.records().map((r) => ({
        id: r.id,
        pupilId: r.text('Pupil ID'),
        status: r.text('Status'),
      })),
      pupils: t.pupils.records().map((r) => ({
        id: r.id,
        firstName: r.text('First name'),
        lastName: r.text('Last name'),
        yearGroup: r.text('Year group'),
      })),
      interventions: t.interventions.records().map((r) => ({
        id: r.id,
        name: r.text('Name'),
        lead: r.text('Lead'),
        supportedBy: r.text('Supported by'),
        status: r.text('Status'),
        needsDecision: r.text('Needs decision'),
      })),
      staff: t.staff.records().map((r) => ({
        id: r.id,
        name: r.text('Name'),
        email: r.text('Email'),
        role: r.text('Role'),
      })),
      settings,
      today,
      calendar: calendarFrom(t.settings),
      sheetUrl: `${activeSpreadsheet().getUrl()}#gid=${t.reviews.sheet.getSheetId()}`,
      alreadySent: new Set(entries.keys()),
      summarySentToday,
      digestsSentToday: new Set(digestsSentOn(props[DIGESTS_SENT_KEY], todayIso)),
    });

    // Send, whoever has waited longest first; each email in flight before, logged after.
    let stopped = false;
    let error: unknown;
    let inDoubt: InFlight | undefined;
    const log = new SentLogWriter(store, todayIso, props);
    const digests = inRotation(plan.digests, parseRecord(props[LAST_SERVED_KEY]));
    const sentDigests: Digest[] = [];
    let quota = digests.length > 0 ? remainingMailQuota() : 0;
    const flightOf = (digest: Digest): InFlight => ({
      on: todayIso,
      key: digest.key,
      recipientName: digest.recipientName,
      sent: digest.sent,
    });
    // The next email's in-flight record goes in the same property write as the last one's log.
    let flightWritten = false;
    for (const [index, digest] of digests.entries()) {
      if (quota < 1) {
        stopped = true;
        break;
      }
      if (!flightWritten) {
        try {
          store.setProperty(IN_FLIGHT_KEY, JSON.stringify(flightOf(digest)));
        } catch (err) {
          error = err;
          break;
        }
      }
      const flight = flightOf(digest);
      try {
        sendEmail(digest.email);
      } catch (err) {
        if (isQuotaError(err)) stopped = true;
        else {
          // Delivered or not, nobody can tell: this one email is in doubt (see resolveInFlight).
          error = err;
          inDoubt = flight;
        }
        break;
      }
      quota -= 1;
      progress.emailsSent += 1;
      sentDigests.push(digest);
      for (const entry of digest.sent) if (!entries.has(entry)) entries.set(entry, todayIso);
      const next = digests[index + 1];
      const nextFlight = next && quota >= 1 ? flightOf(next) : undefined;
      try {
        log.record(digest, nextFlight);
        flightWritten = nextFlight !== undefined;
        progress.logKeys = log.keys;
      } catch (err) {
        // It went: this run knows, and writes it to the sheet and the kept log below.
        error = err;
        break;
      }
    }

    // Mark every review whose reminder has reached everyone, by this run or an earlier one; the
    // date is the day its last recipient's email went.
    const { complete } = settleReminders(plan.wanted, new Set(entries.keys()));
    let covered = 0;
    let coveredDue = 0;
    for (const w of complete) {
      const row = reviewRows.get(w.reviewId);
      if (!row || row.text(MARK_COLUMN[w.kind]) !== '') continue;
      const on = w.recipients
        .map((r) => entries.get(sentKey(w.reviewId, w.kind, r)) ?? todayIso)
        .sort()
        .at(-1);
      row.set({ [MARK_COLUMN[w.kind]]: dateFromIso(on ?? todayIso) });
      covered += 1;
      if (w.kind === 'due') coveredDue += 1;
    }
    const stillDue = new Set<string>();
    const marked = new Set<string>();
    for (const row of reviewRows.values()) {
      if (row.text('Status').trim().toLowerCase() !== 'due') continue;
      stillDue.add(row.id);
      for (const kind of ['due', 'overdue'] as const) {
        if (row.text(MARK_COLUMN[kind]) !== '') marked.add(completeKey(row.id, kind));
      }
    }

    const sentTo = sentDigests.map((d) =>
      d.key === SUMMARY_KEY ? `${d.recipientName} (SENCo summary)` : d.recipientName,
    );
    const runNotes = [
      runHeadline({
        schoolDay: plan.schoolDay,
        open: plan.open,
        planned: digests.length,
        sent: progress.emailsSent,
        summarySentToday,
      }),
      stopped ? 'Stopped: daily email quota reached; the rest go tomorrow.' : '',
      error !== undefined
        ? `Stopped by a problem (see "Reminders: last error"); the rest go with the next run.`
        : '',
      openNote(plan),
      resolved && resolved.resend.length > 0
        ? `The run of ${longDay(inFlight!.on)} stopped while emailing ${inFlight!.recipientName || 'someone'}: that email may have gone, so its reminders were sent again, so that no review is missed.`
        : '',
      plan.noEmail.length > 0
        ? `No email address on the Staff tab for ${plan.noEmail.join(', ')}: add one so they get reminders.`
        : '',
      plan.notOnStaffList.length > 0
        ? `Not on the Staff tab, so not reminded: ${plan.notOnStaffList.join(', ')}.`
        : '',
      plan.noSenco
        ? 'No SENCo with an email address on the Staff tab, so no summary was sent.'
        : '',
      repaired > 0
        ? `Put right: ${repaired === 1 ? '1 pupil' : `${repaired} pupils`} marked Started had no reviews (a save was cut off); their reviews were made (see the Audit log).`
        : '',
    ].filter(Boolean);
    setDashboardRows(t.dashboard, {
      'Reminders: last run': [whenText(now), runNotes.join(' ')],
      'Reminders: emails sent': [
        progress.emailsSent,
        sentTo.length > 0 ? `To ${sentTo.join(', ')}.` : '',
      ],
      'Reminders: reviews covered': [
        covered,
        covered > 0 ? `${coveredDue} coming up, ${covered - coveredDue} overdue.` : '',
      ],
      'Reminders: last error':
        error === undefined
          ? ['None', `The last run (${whenText(now)}) had no error.`]
          : [errorMessage(error), `At ${whenText(now)}.`],
    });
    rememberSencos(sencoEmails(t.staff));
    // The Dashboard follows the day's figures; a failure there never holds up the reminders.
    try {
      rebuildDashboard(t, now);
    } catch (err) {
      setDashboardRows(t.dashboard, {
        'Dashboard: last update': [
          'Failed',
          `${errorMessage(err)} (${whenText(now)}). Choose "Update the dashboard" to try again.`,
        ],
      });
    }
    return {
      day: todayIso,
      emailsSent: progress.emailsSent,
      reviewsCovered: covered,
      stopped,
      keep: logToKeep(entries, stillDue, marked),
      inDoubt,
      error,
      markers: log.markers,
    };
  });
}

/** Writes one growing log per run: 'reminders.sent.<date>.<n>', split to stay under 9 KB. */
class SentLogWriter {
  readonly logs: SentLog[] = [];
  readonly keys: string[] = [];
  private next: number;
  private size = 0;
  private readonly digestsToday: string[];
  private readonly lastServed: Record<string, string>;

  constructor(
    private readonly store: Properties,
    private readonly on: string,
    existing: Record<string, string>,
  ) {
    // After the highest index already used, so an earlier run's log is never overwritten.
    const used = Object.keys(existing)
      .filter((k) => k.startsWith(SENT_LOG_PREFIX) && !k.startsWith(KEPT_LOG_PREFIX))
      .map((k) => Number(k.slice(k.lastIndexOf('.') + 1)))
      .filter((n) => Number.isFinite(n));
    this.next = Math.max(0, ...used) + 1;
    this.digestsToday = digestsSentOn(existing[DIGESTS_SENT_KEY], on);
    this.lastServed = parseRecord(existing[LAST_SERVED_KEY]);
  }

  /** Who has had what today, as the run knows it: written again with the kept log. */
  readonly markers: Record<string, string> = {};

  /**
   * Adds what the digest covered to the run's log, filling each key before starting the next,
   * and replaces the in-flight record with the next email's (or clears it): one property write.
   * A next email noted in flight but never sent is sent by the next run (resolveInFlight).
   */
  record(digest: Digest, next?: InFlight): void {
    const values: Record<string, string> = {
      [IN_FLIGHT_KEY]: next ? JSON.stringify(next) : '',
    };
    const marker = (key: string, value: string): void => {
      values[key] = value;
      this.markers[key] = value;
    };
    for (const entry of digest.sent) {
      let log = this.logs[this.logs.length - 1];
      let key = this.keys[this.keys.length - 1];
      if (!log || !key || this.size + utf8Length(entry) + 3 > SENT_LOG_MAX_BYTES) {
        log = { on: this.on, sent: [] };
        key = `${SENT_LOG_PREFIX}${this.on}.${this.next}`;
        this.next += 1;
        this.logs.push(log);
        this.keys.push(key);
        this.size = utf8Length(JSON.stringify(log));
      }
      log.sent.push(entry);
      this.size += utf8Length(entry) + 3;
      values[key] = JSON.stringify(log);
    }
    if (digest.key === SUMMARY_KEY) {
      marker(SUMMARY_SENT_KEY, this.on);
    } else {
      this.digestsToday.push(digest.key);
      marker(DIGESTS_SENT_KEY, JSON.stringify({ on: this.on, keys: this.digestsToday }));
    }
    this.lastServed[digest.key] = this.on;
    marker(LAST_SERVED_KEY, JSON.stringify(this.lastServed));
    this.store.setProperties(values);
  }
}

/** The staff digest keys recorded as sent on `day` (none when the record is from another day). */
function digestsSentOn(value: string | undefined, day: string): string[] {
  if (!value) return [];
  try {
    const record = JSON.parse(value) as { on?: unknown; keys?: unknown };
    if (record.on !== day || !Array.isArray(record.keys)) return [];
    return record.keys.filter((k): k is string => typeof k === 'string');
  } catch {
    return [];
  }
}

function parseList(value: string | undefined): string[] {
  if (!value) return [];
  try {
    const list = JSON.parse(value) as unknown;
    return Array.isArray(list) ? list.filter((v): v is string => typeof v === 'string') : [];
  } catch {
    return [];
  }
}

function parseRecord(value: string | undefined): Record<string, string> {
  if (!value) return {};
  try {
    const record = JSON.parse(value) as unknown;
    if (typeof record !== 'object' || record === null || Array.isArray(record)) return {};
    return Object.fromEntries(
      Object.entries(record).filter((e): e is [string, string] => typeof e[1] === 'string'),
    );
  } catch {
    return {};
  }
}

function isQuotaError(err: unknown): boolean {
  return /too many times for one day: email/i.test(errorMessage(err));
}

function whenText(date: Date): string {
  return format(date, 'd MMMM yyyy, HH:mm');
}

function longDay(iso: string): string {
  return format(dateFromIso(iso), 'EEEE d MMMM');
}

// ---------------------------------------------------------------------------------------------
// When a run fails

/**
 * The SENCos' addresses, kept in the owner's user properties: when the owner loses access to the
 * sheet, the Staff tab is out of reach but the failure email must still go to the SENCos.
 */
function rememberSencos(emails: string[]): void {
  try {
    const store = userProperties();
    const value = JSON.stringify([...new Set(emails.map((e) => e.toLowerCase()))].sort());
    if (store.getProperty(SENCO_EMAILS_KEY) !== value) store.setProperty(SENCO_EMAILS_KEY, value);
  } catch {
    // Only a fallback for a later failure: never a reason to fail this run.
  }
}

function rememberedSencos(): string[] {
  try {
    return parseList(userProperties().getProperty(SENCO_EMAILS_KEY) ?? '');
  } catch {
    return [];
  }
}

/**
 * Records the error on the Dashboard (unless the run already did) and emails the SENCos on the
 * Staff tab (at most once a day): never the trigger's owner alone, who may be the one who left.
 * Each step is guarded: reporting must never hide the original error, nor send more than one email.
 */
function reportFailure(
  store: Properties,
  props: Record<string, string>,
  owner: string,
  err: unknown,
  progress: Progress,
  writeDashboard: boolean,
): void {
  const message = errorMessage(err);
  const now = new Date();
  let sencos: string[] = [];
  try {
    runOperation({ staff: TABS.staff, dashboard: TABS.dashboard }, (t) => {
      sencos = sencoEmails(t.staff);
      if (!writeDashboard) return;
      setDashboardRows(t.dashboard, {
        'Reminders: last run': [
          whenText(now),
          `Failed after sending ${progress.emailsSent} email${progress.emailsSent === 1 ? '' : 's'}: see "Reminders: last error". Nothing will be sent twice; the next run tries again.`,
        ],
        'Reminders: last error': [message, `At ${whenText(now)}.`],
      });
    });
  } catch {
    // The sheet may be what failed (or out of reach): the email below still goes.
  }
  if (sencos.length === 0) sencos = rememberedSencos();
  const to = sencos.length > 0 ? [...new Set(sencos)].join(',') : owner;
  try {
    const today = isoFromDate(now);
    if (props[FAILURE_MAILED_KEY] === today) return;
    // Noted before sending, so a failing send is not retried by a later failure today.
    store.setProperty(FAILURE_MAILED_KEY, today);
    if (remainingMailQuota() < 1) return;
    let url = 'the provision map spreadsheet';
    try {
      url = activeSpreadsheet().getUrl();
    } catch {
      // The link is a convenience: the email still goes without it.
    }
    sendEmail(failureEmail(to, message, now, url));
  } catch {
    // Nothing more can be done: the error is rethrown to the execution log.
  }
}
