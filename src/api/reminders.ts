/**
 * The daily review reminders: the menu items that turn them on and off, and the trigger handler.
 *
 * Ownership. One user's daily trigger sends the reminders for the whole document: that user (the
 * owner) is recorded in the document properties ('reminders.owner', with 'reminders.triggerId').
 * Apps Script lets a user see and delete only their OWN triggers, so when someone takes the
 * reminders over, the old owner's trigger cannot be removed by them: it stays until it next fires,
 * finds it no longer belongs to the owner, deletes itself and sends nothing.
 *
 * Sending nothing twice. Each run, under the document lock, reads the tabs once, sends the emails,
 * then writes the 'Due reminder sent' / 'Overdue reminder sent' dates (and the Dashboard's status
 * rows) in one write per tab at the end. Because that write comes last, a run that crashed half-way
 * would lose the marks of the emails it had already sent, and a rerun would send them again. So,
 * right after each email, the run also records what it covered in a small document property
 * ('reminders.sent.<date>.<n>' = {"on": date, "sent": ["REV-…:due", "summary", …]}): one property
 * write per email, no sheet write. A run skips whatever those logs hold, writes their marks to the
 * sheet with its own, and deletes the logs once the sheet holds the marks.
 *
 * The mail quota is checked before the first email; when it runs out the run stops cleanly, marks
 * what went and leaves the rest for the next day. When a run fails, the error goes on the
 * Dashboard and the SENCo gets an email about it, at most one a day ('reminders.failureMailed'):
 * add-ons get no failure email from Google.
 */
import { format, startOfDay } from 'date-fns';
import { calendarFrom } from '../store/calendar';
import { settingValues } from '../store/facts';
import { runOperation } from '../store/operation';
import type { Table } from '../store/table';
import { activeSpreadsheet } from '../store/workbook';
import { TABS } from '../domain/workbook';
import { dateFromIso, isoFromDate } from '../domain/dates';
import {
  chunkLog,
  failureEmail,
  parseSentLog,
  planReminders,
  reminderSettingsFrom,
  SENT_LOG_MAX_BYTES,
  SENT_LOG_PREFIX,
  sentKey,
  settleReminders,
  SUMMARY_KEY,
  utf8Length,
  type Digest,
  type ReminderKind,
  type SentLog,
} from '../domain/reminders';
import { remainingMailQuota, sendEmail } from '../services/mail';
import {
  deleteMyTriggers,
  documentProperties,
  effectiveUserEmail,
  installDailyTrigger,
  myTriggersFor,
} from '../services/triggers';
import { reportingErrors, showMessage } from '../ui/dialogs';

const HANDLER = 'sendDailyReminders';
const RUN_HOUR = 7;
const OWNER_KEY = 'reminders.owner';
const TRIGGER_KEY = 'reminders.triggerId';
const FAILURE_MAILED_KEY = 'reminders.failureMailed';
const DECISIONS_KEY = 'reminders.decisionsSummarised';
const SUMMARY_SENT_KEY = 'reminders.summarySentOn';
/** {"on": date, "keys": [staff digest keys]}: who has had today's digest. */
const DIGESTS_SENT_KEY = 'reminders.digestsSent';

const TITLE_ON = 'Turn on review reminders';
const TITLE_OFF = 'Turn off review reminders';

const sameEmail = (a: string | undefined, b: string): boolean =>
  (a ?? '').trim().toLowerCase() === b.trim().toLowerCase() && b.trim() !== '';

// ---------------------------------------------------------------------------------------------
// Menu items

export function turnOnReminders(): void {
  reportingErrors(TITLE_ON, () => {
    const user = effectiveUserEmail();
    const store = documentProperties();
    const owner = store.getProperty(OWNER_KEY) ?? '';
    const mine = myTriggersFor(HANDLER);
    const what =
      'Every morning at about 7 am, each member of staff gets one email listing the reviews they lead or support that are due in the next few school days (see "Reminder lead time" on the Settings tab) or overdue, and the SENCo gets a summary. Pupils are shown by initials and year group. The Dashboard tab shows how each run went.';

    if (sameEmail(owner, user) && mine.length > 0) {
      showMessage(
        TITLE_ON,
        `Review reminders are already on, sent from your account (${user}). Nothing changed.\n\n${what}`,
      );
      return;
    }
    if (owner !== '' && !sameEmail(owner, user)) {
      const ui = SpreadsheetApp.getUi();
      const answer = ui.alert(
        TITLE_ON,
        `Reminders are sent by ${owner}. Take them over?\n\nThey will then be sent from your account (${user}) instead, and ${owner}'s daily reminders stop.`,
        ui.ButtonSet.YES_NO,
      );
      if (answer !== ui.Button.YES) {
        showMessage(TITLE_ON, `Nothing changed: ${owner} still sends the review reminders.`);
        return;
      }
    }
    const triggerId = mine[0]?.getUniqueId() ?? installDailyTrigger(HANDLER, RUN_HOUR);
    store.setProperties({ [OWNER_KEY]: user, [TRIGGER_KEY]: triggerId });
    const opening =
      owner !== '' && !sameEmail(owner, user)
        ? `You now send the review reminders, from your account (${user}), instead of ${owner}.`
        : `Review reminders are on, sent from your account (${user}).`;
    showMessage(TITLE_ON, `${opening}\n\n${what}`);
  });
}

export function turnOffReminders(): void {
  reportingErrors(TITLE_OFF, () => {
    const user = effectiveUserEmail();
    const store = documentProperties();
    const owner = store.getProperty(OWNER_KEY) ?? '';
    const removed = deleteMyTriggers(HANDLER);
    if (sameEmail(owner, user)) {
      store.deleteProperty(OWNER_KEY);
      store.deleteProperty(TRIGGER_KEY);
      showMessage(
        TITLE_OFF,
        'Review reminders are off: no reminder emails will be sent until someone turns them on again from the add-on menu.',
      );
    } else if (owner !== '') {
      showMessage(
        TITLE_OFF,
        `Review reminders are sent by ${owner}, so they are still on: only ${owner} can turn them off. ` +
          'You can also choose "Turn on review reminders" to take them over, then turn them off.' +
          (removed > 0 ? '\n\nAn old reminder schedule on your account was removed.' : ''),
      );
    } else {
      showMessage(
        TITLE_OFF,
        removed > 0
          ? 'Review reminders are off.'
          : 'Review reminders were not on. Nothing changed.',
      );
    }
  });
}

// ---------------------------------------------------------------------------------------------
// The daily trigger

/** Runs every morning as the user who turned reminders on. */
export function sendDailyReminders(_event?: unknown): void {
  const user = effectiveUserEmail();
  const store = documentProperties();
  const props = store.getProperties();
  if (!sameEmail(props[OWNER_KEY], user)) {
    // Someone else took the reminders over (or they were turned off): this trigger retires.
    deleteMyTriggers(HANDLER);
    return;
  }
  const progress: Progress = { emailsSent: 0, logKeys: [] };
  let outcome: Outcome;
  try {
    outcome = runReminders(store, props, progress);
  } catch (err) {
    reportFailure(store, props, user, err, progress);
    throw err;
  }
  // The sheet now holds the marks: keep only what is still pending (see settleReminders), in
  // one write, then drop the old logs.
  try {
    const pending: Record<string, string> = {};
    outcome.pending.forEach((log, i) => {
      pending[`${SENT_LOG_PREFIX}${log.on}.p${i + 1}`] = JSON.stringify(log);
    });
    if (outcome.pending.length > 0) store.setProperties(pending);
    const old = new Set([
      ...Object.keys(props).filter((k) => k.startsWith(SENT_LOG_PREFIX)),
      ...progress.logKeys,
    ]);
    for (const key of old) if (!(key in pending)) store.deleteProperty(key);
  } catch {
    // Harmless: a leftover log only repeats what the sheet already shows; the next run tidies up.
  }
}

interface Progress {
  emailsSent: number;
  logKeys: string[];
}

const SPECS = {
  reviews: TABS.reviews,
  interventions: TABS.interventions,
  participants: TABS.participants,
  pupils: TABS.pupils,
  staff: TABS.staff,
  settings: TABS.settings,
  dashboard: TABS.dashboard,
};

const MARK_COLUMN: Record<ReminderKind, string> = {
  due: 'Due reminder sent',
  overdue: 'Overdue reminder sent',
};

interface Outcome {
  emailsSent: number;
  reviewsCovered: number;
  stopped: boolean;
  /** Sent entries still needed tomorrow (reminders not every recipient has had yet). */
  pending: SentLog[];
}

function runReminders(
  store: GoogleAppsScript.Properties.Properties,
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
    const logs: SentLog[] = [];
    for (const [key, value] of Object.entries(props)) {
      const log = key.startsWith(SENT_LOG_PREFIX) ? parseSentLog(value) : undefined;
      if (log) logs.push(log);
    }
    const settings = reminderSettingsFrom(settingValues(t.settings));
    const plan = planReminders({
      reviews: t.reviews.records().map((r) => ({
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
      alreadySent: new Set(logs.flatMap((log) => log.sent)),
      summarySentToday: props[SUMMARY_SENT_KEY] === todayIso,
      digestsSentToday: new Set(digestsSentOn(props[DIGESTS_SENT_KEY], todayIso)),
      decisionsSummarised: new Set(parseList(props[DECISIONS_KEY])),
    });

    // Send, logging each email as soon as it has gone.
    let stopped = false;
    const log = new SentLogWriter(store, todayIso, props);
    let quota = plan.digests.length > 0 ? remainingMailQuota() : 0;
    for (const digest of plan.digests) {
      if (quota < 1) {
        stopped = true;
        break;
      }
      try {
        sendEmail(digest.email);
      } catch (err) {
        if (!isQuotaError(err)) throw err;
        stopped = true;
        break;
      }
      quota -= 1;
      progress.emailsSent += 1;
      log.record(digest);
      progress.logKeys = log.keys;
    }
    logs.push(...log.logs);

    // Mark every review whose reminder has reached everyone, by this run or an earlier one that
    // stopped short of the sheet; the date is the day its last recipient's email went.
    const sentOn = new Map<string, string>();
    for (const entry of logs) for (const key of entry.sent) sentOn.set(key, entry.on);
    const { complete, pending } = settleReminders(plan.wanted, new Set(sentOn.keys()));
    const reviews = new Map(t.reviews.records().map((row) => [row.id, row]));
    let covered = 0;
    let coveredDue = 0;
    for (const w of complete) {
      const row = reviews.get(w.reviewId);
      if (!row || row.text(MARK_COLUMN[w.kind]) !== '') continue;
      const on = w.recipients
        .map((r) => sentOn.get(sentKey(w.reviewId, w.kind, r)) ?? todayIso)
        .sort()
        .at(-1);
      row.set({ [MARK_COLUMN[w.kind]]: dateFromIso(on ?? todayIso) });
      covered += 1;
      if (w.kind === 'due') coveredDue += 1;
    }
    // Kept for the next run: reminders that some of their recipients still need.
    const keep = new Map<string, string[]>();
    const keepEntry = (key: string) => {
      const on = sentOn.get(key) ?? todayIso;
      keep.set(on, [...(keep.get(on) ?? []), key]);
    };
    pending.forEach(keepEntry);
    const pendingLogs = [...keep].flatMap(([on, entries]) => chunkLog(on, entries));

    const sentTo = plan.digests
      .slice(0, progress.emailsSent)
      .map((d) => (d.key === SUMMARY_KEY ? `${d.recipientName} (SENCo summary)` : d.recipientName));
    const runNotes = [
      !plan.schoolDay
        ? 'Not a school day: nothing sent (the next school day catches up).'
        : plan.digests.length === 0
          ? 'Nothing to remind anyone about today.'
          : `Sent ${progress.emailsSent} of ${plan.digests.length} emails.`,
      stopped ? 'Stopped: daily email quota reached; the rest go tomorrow.' : '',
      plan.noEmail.length > 0
        ? `No email address on the Staff tab for ${plan.noEmail.join(', ')}: add one so they get reminders.`
        : '',
      plan.notOnStaffList.length > 0
        ? `Not on the Staff tab, so not reminded: ${plan.notOnStaffList.join(', ')}.`
        : '',
      plan.noSenco
        ? 'No SENCo with an email address on the Staff tab, so no summary was sent.'
        : '',
    ].filter(Boolean);
    setDashboard(t.dashboard, {
      'Reminders: last run': [whenText(now), runNotes.join(' ')],
      'Reminders: emails sent': [
        progress.emailsSent,
        sentTo.length > 0 ? `To ${sentTo.join(', ')}.` : '',
      ],
      'Reminders: reviews covered': [
        covered,
        covered > 0 ? `${coveredDue} coming up, ${covered - coveredDue} overdue.` : '',
      ],
      'Reminders: last error': ['None', `The last run (${whenText(now)}) had no error.`],
    });
    return {
      emailsSent: progress.emailsSent,
      reviewsCovered: covered,
      stopped,
      pending: pendingLogs,
    };
  });
}

/** Writes one growing log per run: 'reminders.sent.<date>.<n>', split to stay under 9 KB. */
class SentLogWriter {
  readonly logs: SentLog[] = [];
  readonly keys: string[] = [];
  private next: number;
  private size = 0;

  constructor(
    private readonly store: GoogleAppsScript.Properties.Properties,
    private readonly on: string,
    existing: Record<string, string>,
  ) {
    // After the highest index already used, so an earlier run's log is never overwritten.
    const used = Object.keys(existing)
      .filter((k) => k.startsWith(SENT_LOG_PREFIX))
      .map((k) => Number(k.slice(k.lastIndexOf('.') + 1)))
      .filter((n) => Number.isFinite(n));
    this.next = Math.max(0, ...used) + 1;
    this.digestsToday = digestsSentOn(existing[DIGESTS_SENT_KEY], on);
  }

  private readonly digestsToday: string[];

  /** Adds what the digest covered to the run's log, filling each key before starting the next. */
  record(digest: Digest): void {
    const values: Record<string, string> = {};
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
      values[DECISIONS_KEY] = JSON.stringify(digest.decisions);
      values[SUMMARY_SENT_KEY] = this.on;
    } else {
      this.digestsToday.push(digest.key);
      values[DIGESTS_SENT_KEY] = JSON.stringify({ on: this.on, keys: this.digestsToday });
    }
    if (Object.keys(values).length > 0) this.store.setProperties(values);
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

/** An error's words (errors from Apps Script services may not be this realm's Error). */
function errorMessage(err: unknown): string {
  const message = (err as { message?: unknown } | null)?.message;
  return typeof message === 'string' && message !== '' ? message : String(err);
}

function isQuotaError(err: unknown): boolean {
  const message = errorMessage(err);
  return /too many times for one day: email/i.test(message);
}

function whenText(date: Date): string {
  return format(date, 'd MMMM yyyy, HH:mm');
}

/** Updates (or adds) the Dashboard rows named by Measure. */
function setDashboard(dashboard: Table, rows: Record<string, [string | number, string]>): void {
  const existing = new Map(dashboard.records().map((row) => [row.text('Measure'), row]));
  for (const [measure, [value, notes]] of Object.entries(rows)) {
    const row = existing.get(measure);
    if (row) row.set({ Value: value, Notes: notes });
    else dashboard.append({ Measure: measure, Value: value, Notes: notes });
  }
}

// ---------------------------------------------------------------------------------------------
// When a run fails

/**
 * Records the error on the Dashboard and emails the SENCo (at most once a day). Each step is
 * guarded: reporting must never hide the original error, nor send more than one email.
 */
function reportFailure(
  store: GoogleAppsScript.Properties.Properties,
  props: Record<string, string>,
  owner: string,
  err: unknown,
  progress: Progress,
): void {
  const message = errorMessage(err);
  const now = new Date();
  let to = owner;
  try {
    runOperation({ staff: TABS.staff, dashboard: TABS.dashboard }, (t) => {
      const senco = t.staff
        .records()
        .find((r) => r.text('Role').toLowerCase() === 'senco' && r.text('Email') !== '');
      if (senco) to = senco.text('Email');
      setDashboard(t.dashboard, {
        'Reminders: last run': [
          whenText(now),
          `Failed after sending ${progress.emailsSent} email${progress.emailsSent === 1 ? '' : 's'}: see "Reminders: last error". Nothing will be sent twice; the next run tries again.`,
        ],
        'Reminders: last error': [message, `At ${whenText(now)}.`],
      });
    });
  } catch {
    // The sheet may be what failed (or busy): the email below still goes.
  }
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
