/**
 * The daily review reminders, decided in memory: which reviews are coming up or overdue, and who
 * is told about each. Pure: the trigger handler (src/api/reminders.ts) reads the tabs, asks
 * planReminders() what to send, sends it and records what went out. Who is reminded:
 * reminder-recipients.ts; the SENCo's summary: reminder-summary.ts; the words:
 * reminder-emails.ts.
 *
 * The rules:
 * - A review is "coming up" when its Status is 'Due' and its due date falls between today and the
 *   lead time (Settings 'Reminder lead time (school days)', default 3) in school days, and no
 *   'Due reminder sent' is recorded; "overdue" when its due date is before today, its Status is
 *   still 'Due' and no 'Overdue reminder sent' is recorded. So a review is reminded once as it
 *   comes up and once more, only, when it becomes overdue.
 * - Each member of staff gets ONE digest a day at most, for the reviews of the interventions they
 *   lead or support. People with no email address, and names that match nobody on the Staff tab,
 *   are skipped and reported.
 * - The SENCo gets the summary every school day while anything is overdue or needs a decision.
 * - Nothing is sent on a day that is not a school day (weekends, holidays, INSET days): the next
 *   school day's run catches up.
 */
import { startOfDay } from 'date-fns';
import type { SchoolCalendar } from './calendar';
import { isClosedStatus } from './lifecycle';
import { pupilLabel, reviewKindWords, staffEmail } from './reminder-emails';
import {
  sentKey,
  SUMMARY_KEY,
  type Digest,
  type InterventionRef,
  type ParticipantRef,
  type PupilRef,
  type ReminderItem,
  type ReminderKind,
  type ReminderSettings,
  type ReviewFacts,
  type StaffRef,
} from './reminder-model';
import { findSenco, recipientsOf, staffDirectory, staffKey } from './reminder-recipients';
import { sencoSummary, type OpenItems } from './reminder-summary';

export * from './reminder-model';
export { failureEmail, longDate, pupilLabel, reviewKindWords } from './reminder-emails';

export const DEFAULT_LEAD_TIME_DAYS = 3;

/** The Settings tab's reminder settings (defaults where a value is missing or odd). */
export function reminderSettingsFrom(values: Record<string, unknown>): ReminderSettings {
  const lead = Number(String(values['Reminder lead time (school days)'] ?? '').trim());
  return {
    leadTimeDays:
      String(values['Reminder lead time (school days)'] ?? '').trim() !== '' &&
      Number.isInteger(lead) &&
      lead >= 0 &&
      lead <= 60
        ? lead
        : DEFAULT_LEAD_TIME_DAYS,
    fullNames:
      String(values['Full names in emails'] ?? '')
        .trim()
        .toLowerCase() === 'yes',
    schoolName: String(values['School name'] ?? '').trim(),
  };
}

export interface ReminderInput {
  reviews: readonly ReviewFacts[];
  participants: readonly ParticipantRef[];
  pupils: readonly PupilRef[];
  interventions: readonly InterventionRef[];
  staff: readonly StaffRef[];
  settings: ReminderSettings;
  today: Date;
  calendar: SchoolCalendar;
  /** Link to the sheet (its Reviews tab). */
  sheetUrl: string;
  /** sentKey()s emailed by an earlier run whose reviews are not marked on the sheet yet. */
  alreadySent: ReadonlySet<string>;
  /** Whether an earlier run today already sent the SENCo summary. */
  summarySentToday: boolean;
  /** Staff digests (by key) an earlier run sent today: one digest a person a day, at most. */
  digestsSentToday?: ReadonlySet<string>;
}

/** A reminder due today and who must have it before the review is marked as reminded. */
export interface WantedReminder {
  reviewId: string;
  kind: ReminderKind;
  /** Digest keys ('staff:…', or SUMMARY_KEY); empty when nobody can be emailed. */
  recipients: string[];
}

export interface ReminderPlan {
  schoolDay: boolean;
  /** Every reminder due today, sent already or not. */
  wanted: WantedReminder[];
  /** The SENCo summary first (when there is one), then one digest per member of staff by name. */
  digests: Digest[];
  /** People who should have had a reminder but have no email on the Staff tab. */
  noEmail: string[];
  /** Lead or supporting names of reviews to remind that match nobody on the Staff tab. */
  notOnStaffList: string[];
  /** No SENCo with an email on the Staff tab (so no summary could be sent). */
  noSenco: boolean;
  /** What the summary lists (counted on school days only). */
  open: OpenItems;
}

/** Reviews listed in one digest at most: a longer backlog follows over the next days. */
export const MAX_REVIEWS_PER_DIGEST = 40;

/** Which reminder, if any, a review needs today. */
export function reminderKindFor(
  review: ReviewFacts,
  today: Date,
  lastDayAhead: Date,
): ReminderKind | undefined {
  if (review.status.trim().toLowerCase() !== 'due' || !review.dueDate) return undefined;
  const due = startOfDay(review.dueDate);
  if (due < today) return review.overdueReminderSent ? undefined : 'overdue';
  if (due <= lastDayAhead) return review.dueReminderSent ? undefined : 'due';
  return undefined;
}

export function planReminders(input: ReminderInput): ReminderPlan {
  const today = startOfDay(input.today);
  const plan: ReminderPlan = {
    schoolDay: input.calendar.isSchoolDay(today),
    wanted: [],
    digests: [],
    noEmail: [],
    notOnStaffList: [],
    noSenco: false,
    open: { overdue: 0, decisions: 0 },
  };
  if (!plan.schoolDay) return plan;

  const lastDayAhead = input.calendar.addSchoolDays(today, input.settings.leadTimeDays);
  const interventions = new Map(input.interventions.map((i) => [i.id, i]));
  const participants = new Map(input.participants.map((p) => [p.id, p]));
  const pupils = new Map(input.pupils.map((p) => [p.id, p]));
  const findStaff = staffDirectory(input.staff);
  const itemFor = (review: ReviewFacts, kind: ReminderKind, due: Date): ReminderItem => {
    const intervention = interventions.get(review.interventionId);
    const place = participants.get(review.participantId);
    return {
      reviewId: review.id,
      kind,
      dueDate: startOfDay(due),
      reviewKind: reviewKindWords(review.kind),
      interventionId: review.interventionId,
      interventionName: intervention?.name.trim() || `Intervention ${review.interventionId}`,
      lead: intervention?.lead.trim() ?? '',
      pupil: pupilLabel(place ? pupils.get(place.pupilId) : undefined, input.settings.fullNames),
    };
  };

  // Every review to remind today, with who should hear about it.
  const perStaff = new Map<string, { person: StaffRef; items: ReminderItem[] }>();
  const allOverdue: ReminderItem[] = [];
  const unreachedOverdue: ReminderItem[] = [];
  const noEmail = new Set<string>();
  const notOnList = new Set<string>();
  const senco = findSenco(input.staff);
  for (const review of input.reviews) {
    if (review.status.trim().toLowerCase() !== 'due' || !review.dueDate) continue;
    const place = participants.get(review.participantId);
    if (place && isClosedStatus(place.status)) continue;
    const intervention = interventions.get(review.interventionId);
    if (intervention && isClosedStatus(intervention.status)) continue;
    // The SENCo's summary lists everything overdue, reminded before or not.
    if (startOfDay(review.dueDate) < today) {
      allOverdue.push(itemFor(review, 'overdue', review.dueDate));
    }
    const kind = reminderKindFor(review, today, lastDayAhead);
    if (!kind) continue;
    const item = itemFor(review, kind, review.dueDate);

    const named = intervention
      ? recipientsOf(intervention, findStaff)
      : { people: [], noEmail: [], notOnStaffList: [] };
    named.noEmail.forEach((name) => noEmail.add(name));
    named.notOnStaffList.forEach((name) => notOnList.add(name));
    const recipients = named.people.map(staffKey);
    // Overdue reviews nobody else can be told about count as reminded once the SENCo has heard.
    if (recipients.length === 0 && kind === 'overdue' && senco) recipients.push(SUMMARY_KEY);
    plan.wanted.push({ reviewId: review.id, kind, recipients });
    const waiting = recipients.filter((r) => !input.alreadySent.has(sentKey(review.id, kind, r)));
    if (waiting.includes(SUMMARY_KEY)) unreachedOverdue.push(item);
    for (const person of named.people) {
      if (!waiting.includes(staffKey(person))) continue;
      const address = person.email.trim().toLowerCase();
      const entry = perStaff.get(address) ?? { person, items: [] };
      entry.items.push(item);
      perStaff.set(address, entry);
    }
  }
  plan.noEmail = [...noEmail].sort();
  plan.notOnStaffList = [...notOnList].sort();

  // The SENCo's summary first: it holds everything overdue, so it matters most on a short quota.
  const decisions = input.interventions.filter((i) => i.needsDecision.trim() !== '');
  plan.open = { overdue: allOverdue.length, decisions: decisions.length };
  plan.noSenco = !senco;
  const summary = sencoSummary({
    senco,
    overdue: allOverdue,
    decisions,
    unreached: unreachedOverdue,
    sentToday: input.summarySentToday,
    context: input,
  });
  if (summary) plan.digests.push(summary);

  const staffDigests = [...perStaff.values()].sort((a, b) =>
    a.person.name.localeCompare(b.person.name),
  );
  for (const { person, items: all } of staffDigests) {
    const key = staffKey(person);
    // A rerun the same day leaves a long backlog's remainder for tomorrow's digest.
    if (input.digestsSentToday?.has(key)) continue;
    // Overdue first, then the soonest; a long backlog comes a screenful a day.
    const sorted = [...all].sort(
      (a, b) =>
        (a.kind === b.kind ? 0 : a.kind === 'overdue' ? -1 : 1) ||
        a.dueDate.getTime() - b.dueDate.getTime(),
    );
    const items = sorted.slice(0, MAX_REVIEWS_PER_DIGEST);
    const later = sorted.length - items.length;
    plan.digests.push({
      key,
      recipientName: person.name.trim(),
      email: staffEmail(person, items, later, input),
      items,
      sent: items.map((item) => sentKey(item.reviewId, item.kind, key)),
    });
  }
  return plan;
}

/**
 * Which reminders are complete (every recipient has had the email: mark the review on the sheet)
 * given everything sent so far, and which sent entries are still needed for the ones that are not
 * (a run stopped by the quota after some of a review's recipients had theirs).
 */
export function settleReminders(
  wanted: readonly WantedReminder[],
  sent: ReadonlySet<string>,
): { complete: WantedReminder[]; pending: string[] } {
  const complete: WantedReminder[] = [];
  const pending: string[] = [];
  for (const w of wanted) {
    if (w.recipients.length === 0) continue;
    const got = w.recipients.filter((r) => sent.has(sentKey(w.reviewId, w.kind, r)));
    if (got.length === w.recipients.length) complete.push(w);
    else pending.push(...got.map((r) => sentKey(w.reviewId, w.kind, r)));
  }
  return { complete, pending };
}
