/**
 * The SENCo's summary of everything overdue and every intervention whose 'Needs decision' is
 * filled.
 *
 * The rules:
 * - It is sent every school day while any review is overdue or any intervention needs a decision,
 *   whether or not a new reminder is due that day: a backlog must stay in front of the SENCo
 *   until it is dealt with, not fall silent once each review has had its one overdue reminder.
 * - At most one a day: a rerun, or a second user's trigger, sends no second summary.
 * - A day with nothing overdue and nothing needing a decision has no summary.
 * - An overdue review that no one else can be told about (no lead or supporter with an email)
 *   counts as reminded once the summary listing it has gone.
 */
import { summaryEmail } from './reminder-emails';
import {
  sentKey,
  SUMMARY_KEY,
  type Digest,
  type EmailContext,
  type InterventionRef,
  type ReminderItem,
  type StaffRef,
} from './reminder-model';

export interface SummaryInput {
  /** No SENCo with an email: no summary. */
  senco: StaffRef | undefined;
  /** Every overdue review still Due, reminded before or not. */
  overdue: readonly ReminderItem[];
  decisions: readonly InterventionRef[];
  /** Overdue reviews whose only recipient is the summary, not yet sent to it. */
  unreached: readonly ReminderItem[];
  /** Whether an earlier run today already sent the summary. */
  sentToday: boolean;
  context: EmailContext;
}

/** Today's summary, or undefined when there is to be none. */
export function sencoSummary(input: SummaryInput): Digest | undefined {
  const { senco, overdue, decisions } = input;
  if (!senco || input.sentToday) return undefined;
  if (overdue.length === 0 && decisions.length === 0) return undefined;
  return {
    key: SUMMARY_KEY,
    recipientName: senco.name.trim(),
    email: summaryEmail(senco, overdue, decisions, input.context),
    items: [...overdue],
    sent: [
      SUMMARY_KEY,
      ...input.unreached.map((item) => sentKey(item.reviewId, item.kind, SUMMARY_KEY)),
    ],
  };
}

/** What stays open until someone acts: the summary's two lists, counted. */
export interface OpenItems {
  overdue: number;
  decisions: number;
}

/** "20 reviews overdue and 1 intervention needing a decision" ('' when nothing is open). */
export function openWords(open: OpenItems): string {
  return [
    open.overdue > 0 ? `${open.overdue} ${open.overdue === 1 ? 'review' : 'reviews'} overdue` : '',
    open.decisions > 0
      ? `${open.decisions} ${open.decisions === 1 ? 'intervention' : 'interventions'} needing a decision`
      : '',
  ]
    .filter(Boolean)
    .join(' and ');
}

export interface RunFacts {
  schoolDay: boolean;
  open: OpenItems;
  /** Emails the run had to send, and how many went. */
  planned: number;
  sent: number;
  /** An earlier run today sent the summary. */
  summarySentToday: boolean;
}

/**
 * The first words of the Dashboard's "Reminders: last run" note. It says "nothing to remind
 * anyone about" only when nothing is open: a quiet day with reviews overdue must not read as
 * all clear.
 */
export function runHeadline(run: RunFacts): string {
  if (!run.schoolDay) return 'Not a school day: nothing sent (the next school day catches up).';
  if (run.planned > 0) return `Sent ${run.sent} of ${run.planned} emails.`;
  if (openWords(run.open) === '') return 'Nothing to remind anyone about today.';
  if (run.summarySentToday) return "Today's emails went with an earlier run: nothing more to send.";
  return 'No new reminders for staff today.';
}

/** "Still open: 20 reviews overdue …." for the same note, on a school day ('' when none). */
export function openNote(run: Pick<RunFacts, 'schoolDay' | 'open'>): string {
  const open = openWords(run.open);
  return run.schoolDay && open !== '' ? `Still open: ${open}.` : '';
}
