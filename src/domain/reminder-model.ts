/**
 * The records the daily review reminders work on, and the keys by which what they sent is logged
 * (see sent-log.ts). Shared by the plan (reminders.ts), who is reminded (reminder-recipients.ts),
 * the SENCo's summary (reminder-summary.ts) and the emails' words (reminder-emails.ts).
 */

export type ReminderKind = 'due' | 'overdue';

export interface ReviewFacts {
  id: string;
  interventionId: string;
  participantId: string;
  /** 'Baseline' | 'Mid-point' | 'End' | 'Extra' (as typed on the sheet). */
  kind: string;
  dueDate: Date | undefined;
  status: string;
  /** Whether 'Due reminder sent' / 'Overdue reminder sent' already hold anything. */
  dueReminderSent: boolean;
  overdueReminderSent: boolean;
}

export interface ParticipantRef {
  id: string;
  pupilId: string;
  status: string;
}

export interface PupilRef {
  id: string;
  firstName: string;
  lastName: string;
  yearGroup: string;
}

export interface InterventionRef {
  id: string;
  name: string;
  lead: string;
  supportedBy: string;
  status: string;
  needsDecision: string;
}

export interface StaffRef {
  id: string;
  name: string;
  email: string;
  role: string;
}

export interface ReminderSettings {
  /** School days ahead that a coming-up review is reminded. */
  leadTimeDays: number;
  /** Settings 'Full names in emails' = 'Yes'. */
  fullNames: boolean;
  schoolName: string;
}

/** What every email needs besides its own items. */
export interface EmailContext {
  settings: ReminderSettings;
  /** Link to the sheet (its Reviews tab). */
  sheetUrl: string;
}

/** One review to remind someone about. */
export interface ReminderItem {
  reviewId: string;
  kind: ReminderKind;
  dueDate: Date;
  reviewKind: string;
  interventionId: string;
  interventionName: string;
  lead: string;
  pupil: string;
}

export interface Email {
  to: string;
  subject: string;
  text: string;
  html: string;
}

export interface Digest {
  /** 'staff:STF-0002' or 'summary'. */
  key: string;
  recipientName: string;
  email: Email;
  items: ReminderItem[];
  /** What this email counts as sent: sentKey()s, and SUMMARY_KEY for the summary. */
  sent: string[];
}

export const SUMMARY_KEY = 'summary';

/** "REV-1:due@staff:STF-0002": this reminder has gone to this recipient. */
export function sentKey(reviewId: string, kind: ReminderKind, recipient: string): string {
  return `${reviewId}:${kind}@${recipient}`;
}
