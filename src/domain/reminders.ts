/**
 * The daily review reminders, decided in memory: which reviews are coming up or overdue, who is
 * told about each, and the words of every email. Pure: the trigger handler (src/api/reminders.ts)
 * reads the tabs, asks planReminders() what to send, sends it and records what went out.
 *
 * The rules:
 * - A review is "coming up" when its Status is 'Due' and its due date falls between today and the
 *   lead time (Settings 'Reminder lead time (school days)', default 3) in school days, and no
 *   'Due reminder sent' is recorded; "overdue" when its due date is before today, its Status is
 *   still 'Due' and no 'Overdue reminder sent' is recorded. So a review is reminded once as it
 *   comes up and once more, only, when it becomes overdue.
 * - Each member of staff gets ONE digest for the reviews of the interventions they lead or support
 *   (the Lead, and the 'Supported by' names that match a name on the Staff tab). People with no
 *   email address are skipped and reported.
 * - The SENCo (the first Staff row with Role 'SENCo' and an email) gets one summary of everything
 *   overdue and every intervention whose 'Needs decision' is filled, on days when it holds
 *   something new: a review overdue for the first time, or an intervention newly needing a decision.
 * - Nothing is sent on a day that is not a school day (weekends, holidays, INSET days): the next
 *   school day's run catches up.
 * - Emails carry the minimum personal data: pupils as initials and year group ("A.P. (Year 3)")
 *   unless Settings 'Full names in emails' is 'Yes'. Every value in an HTML body is escaped.
 */
import { isClosedStatus } from './lifecycle';
import { format, startOfDay } from 'date-fns';
import type { SchoolCalendar } from './calendar';
import { escapeHtml } from './html';

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
  /** Intervention IDs needing a decision that the last SENCo summary listed. */
  decisionsSummarised: ReadonlySet<string>;
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
  /** Summary only: the interventions needing a decision it lists. */
  decisions: string[];
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
}

export const SUMMARY_KEY = 'summary';

/** Reviews listed in one digest at most: a longer backlog follows over the next days. */
export const MAX_REVIEWS_PER_DIGEST = 40;

/** "REV-1:due@staff:STF-0002": this reminder has gone to this recipient. */
export function sentKey(reviewId: string, kind: ReminderKind, recipient: string): string {
  return `${reviewId}:${kind}@${recipient}`;
}

const APP_NAME = 'SEND provision map';

/** "Monday 14 September 2026". */
export function longDate(date: Date): string {
  return format(date, 'EEEE d MMMM yyyy');
}

const REVIEW_WORDS: Record<string, string> = {
  baseline: 'Baseline review',
  'mid-point': 'Mid-point review',
  end: 'End review',
  extra: 'Extra review',
};

export function reviewKindWords(kind: string): string {
  return REVIEW_WORDS[kind.trim().toLowerCase()] ?? (kind.trim() === '' ? 'Review' : kind.trim());
}

function firstLetter(word: string): string {
  const letter = Array.from(word.trim())[0];
  return letter === undefined ? '' : `${letter.toUpperCase()}.`;
}

/** "A.P. (Year 3)", or "Ann Patel (Year 3)" with full names; never an empty string. */
export function pupilLabel(pupil: PupilRef | undefined, fullNames: boolean): string {
  if (!pupil) return 'a pupil no longer on the Pupils tab';
  const name = fullNames
    ? `${pupil.firstName.trim()} ${pupil.lastName.trim()}`.trim()
    : `${firstLetter(pupil.firstName)}${firstLetter(pupil.lastName)}`;
  const shown = name === '' ? `Pupil ${pupil.id}` : name;
  return pupil.yearGroup.trim() === '' ? shown : `${shown} (${pupil.yearGroup.trim()})`;
}

/** "Sam Lee and Priya Shah; SALT" → ["Sam Lee", "Priya Shah", "SALT"]. */
export function splitNames(text: string): string[] {
  return text
    .split(/[,;\n&/]|\band\b/i)
    .map((name) => name.trim())
    .filter((name) => name !== '');
}

const nameKey = (name: string): string => name.trim().replace(/\s+/g, ' ').toLowerCase();

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
  };
  if (!plan.schoolDay) return plan;

  const lastDayAhead = input.calendar.addSchoolDays(today, input.settings.leadTimeDays);
  const interventions = new Map(input.interventions.map((i) => [i.id, i]));
  const participants = new Map(input.participants.map((p) => [p.id, p]));
  const pupils = new Map(input.pupils.map((p) => [p.id, p]));
  const staffByName = new Map<string, StaffRef>();
  for (const person of input.staff) {
    if (person.name.trim() !== '' && !staffByName.has(nameKey(person.name))) {
      staffByName.set(nameKey(person.name), person);
    }
  }
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
  const staffKey = (person: StaffRef): string =>
    `staff:${person.id || person.email.trim().toLowerCase()}`;
  const perStaff = new Map<string, { person: StaffRef; items: ReminderItem[] }>();
  const allOverdue: ReminderItem[] = [];
  const unreachedOverdue: ReminderItem[] = [];
  const noEmail = new Set<string>();
  const notOnList = new Set<string>();
  const senco = input.staff.find(
    (s) => s.role.trim().toLowerCase() === 'senco' && s.email.trim() !== '',
  );
  let newOverdue = false;
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

    const names = intervention ? [intervention.lead, ...splitNames(intervention.supportedBy)] : [];
    const people = new Map<string, StaffRef>();
    for (const name of names) {
      if (name.trim() === '') continue;
      const person = staffByName.get(nameKey(name));
      if (!person) notOnList.add(name.trim());
      else if (person.email.trim() === '') noEmail.add(person.name.trim());
      else people.set(person.email.trim().toLowerCase(), person);
    }
    const recipients = [...people.values()].map(staffKey);
    // Overdue reviews nobody else can be told about count as reminded once the SENCo has heard.
    if (recipients.length === 0 && kind === 'overdue' && senco) recipients.push(SUMMARY_KEY);
    plan.wanted.push({ reviewId: review.id, kind, recipients });
    const waiting = recipients.filter((r) => !input.alreadySent.has(sentKey(review.id, kind, r)));
    if (kind === 'overdue' && waiting.length > 0) newOverdue = true;
    if (waiting.includes(SUMMARY_KEY)) unreachedOverdue.push(item);
    for (const person of people.values()) {
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
  const newDecision = decisions.some((i) => !input.decisionsSummarised.has(i.id));
  if (!senco) plan.noSenco = true;
  else if (!input.summarySentToday && (newOverdue || newDecision)) {
    plan.digests.push({
      key: SUMMARY_KEY,
      recipientName: senco.name.trim(),
      email: summaryEmail(senco, allOverdue, decisions, input),
      items: allOverdue,
      sent: [
        SUMMARY_KEY,
        ...unreachedOverdue.map((item) => sentKey(item.reviewId, item.kind, SUMMARY_KEY)),
      ],
      decisions: decisions.map((i) => i.id),
    });
  }

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
      decisions: [],
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

// ---------------------------------------------------------------------------------------------
// The emails

const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

function subjectTail(settings: ReminderSettings): string {
  return settings.schoolName === '' ? `(${APP_NAME})` : `(${APP_NAME}, ${settings.schoolName})`;
}

/** Items of one intervention, review kind and due date, shown as one line. */
interface Line {
  interventionName: string;
  reviewKind: string;
  dueDate: Date;
  kind: ReminderKind;
  lead: string;
  pupils: string[];
}

function groupLines(items: readonly ReminderItem[]): Line[] {
  const lines = new Map<string, Line>();
  for (const item of items) {
    const key = [item.kind, item.interventionId, item.reviewKind, item.dueDate.getTime()].join('|');
    const line = lines.get(key) ?? {
      interventionName: item.interventionName,
      reviewKind: item.reviewKind,
      dueDate: item.dueDate,
      kind: item.kind,
      lead: item.lead,
      pupils: [],
    };
    line.pupils.push(item.pupil);
    lines.set(key, line);
  }
  return [...lines.values()].sort(
    (a, b) =>
      a.dueDate.getTime() - b.dueDate.getTime() ||
      a.interventionName.localeCompare(b.interventionName) ||
      a.reviewKind.localeCompare(b.reviewKind),
  );
}

function lineWords(line: Line, withLead: boolean): { heading: string; detail: string } {
  const when =
    line.kind === 'overdue' ? `was due ${longDate(line.dueDate)}` : `due ${longDate(line.dueDate)}`;
  const lead = withLead && line.lead !== '' ? ` (lead: ${line.lead})` : '';
  return {
    heading: `${line.interventionName}${lead}: ${line.reviewKind}, ${when}`,
    detail: `${line.pupils.length === 1 ? 'Pupil' : 'Pupils'}: ${line.pupils.join(', ')}`,
  };
}

interface Section {
  title: string;
  lines: { heading: string; detail: string }[];
}

function textBody(greeting: string, intro: string, sections: Section[], outro: string[]): string {
  const parts = [greeting, '', intro];
  for (const section of sections) {
    if (section.lines.length === 0) continue;
    parts.push('', section.title);
    for (const line of section.lines) parts.push(`- ${line.heading}`, `  ${line.detail}`);
  }
  parts.push('', ...outro);
  return parts.join('\n');
}

function htmlBody(
  greeting: string,
  intro: string,
  sections: Section[],
  link: { url: string; words: string },
  after: string[],
): string {
  const e = escapeHtml;
  const html = [`<p>${e(greeting)}</p>`, `<p>${e(intro)}</p>`];
  for (const section of sections) {
    if (section.lines.length === 0) continue;
    html.push(`<h2 style="font-size:16px">${e(section.title)}</h2>`, '<ul>');
    for (const line of section.lines) {
      html.push(`<li><strong>${e(line.heading)}</strong><br>${e(line.detail)}</li>`);
    }
    html.push('</ul>');
  }
  html.push(`<p><a href="${e(link.url)}" target="_blank">${e(link.words)}</a></p>`);
  for (const paragraph of after) html.push(`<p style="color:#444">${e(paragraph)}</p>`);
  return html.join('\n');
}

const HOW_TO_RECORD =
  'To record a review, open the provision map and choose "Record a review…" from the add-on menu (Extensions).';

function staffEmail(
  person: StaffRef,
  items: readonly ReminderItem[],
  later: number,
  input: ReminderInput,
): Email {
  const lines = groupLines(items);
  const overdue = items.filter((i) => i.kind === 'overdue').length;
  const due = items.length - overdue;
  const counts = [
    due > 0 ? `${due} coming up` : '',
    overdue > 0 ? `${overdue} overdue` : '',
  ].filter(Boolean);
  const subject = `Reviews due: ${counts.join(' and ')} ${subjectTail(input.settings)}`;
  const greeting = `Hello ${person.name.trim()},`;
  const intro =
    `These pupil reviews for interventions you lead or support need doing (${plural(items.length, 'review', 'reviews')}).` +
    (later > 0
      ? ` ${plural(later, 'more reminder follows', 'more reminders follow')} in the next days' emails; the Reviews tab lists them all.`
      : '');
  const sections: Section[] = [
    {
      title: 'Overdue',
      lines: lines.filter((l) => l.kind === 'overdue').map((l) => lineWords(l, false)),
    },
    {
      title: `Coming up in the next ${plural(input.settings.leadTimeDays, 'school day', 'school days')}`,
      lines: lines.filter((l) => l.kind === 'due').map((l) => lineWords(l, false)),
    },
  ];
  const footer = [
    'You get this email because your name is on these interventions. Pupils are shown by initials; the provision map has the details.',
  ];
  if (input.settings.fullNames) {
    footer[0] =
      'You get this email because your name is on these interventions. Please do not forward it: it names pupils.';
  }
  return {
    to: person.email.trim(),
    subject,
    text: textBody(greeting, intro, sections, [
      HOW_TO_RECORD,
      `Open the provision map: ${input.sheetUrl}`,
      '',
      ...footer,
    ]),
    html: htmlBody(
      greeting,
      intro,
      sections,
      { url: input.sheetUrl, words: 'Open the provision map' },
      [HOW_TO_RECORD, ...footer],
    ),
  };
}

function summaryEmail(
  senco: StaffRef,
  overdue: readonly ReminderItem[],
  decisions: readonly InterventionRef[],
  input: ReminderInput,
): Email {
  const counts = [
    overdue.length > 0 ? `${plural(overdue.length, 'review', 'reviews')} overdue` : '',
    decisions.length > 0
      ? `${plural(decisions.length, 'intervention needs', 'interventions need')} a decision`
      : '',
  ].filter(Boolean);
  const subject = `Reviews summary: ${counts.join(', ')} ${subjectTail(input.settings)}`;
  const greeting = `Hello ${senco.name.trim()},`;
  const intro =
    'Here is what needs your attention on the provision map today. Staff have been sent their own reminders.';
  const sections: Section[] = [
    {
      title: `Overdue reviews (${overdue.length})`,
      lines: groupLines(overdue).map((l) => lineWords(l, true)),
    },
    {
      title: `Interventions that need a decision (${decisions.length})`,
      lines: decisions.map((i) => ({
        heading: `${i.name.trim() || `Intervention ${i.id}`}${i.lead.trim() ? ` (lead: ${i.lead.trim()})` : ''}`,
        // The cell is free text (staff may type a pupil's name and needs there): in the
        // initials-only mode it stays in the sheet.
        detail: input.settings.fullNames
          ? `Why: ${i.needsDecision.trim()}`
          : 'Why: see its "Needs decision" cell on the Interventions tab.',
      })),
    },
  ];
  const after = [
    'To record a decision, choose "Decide about interventions…" in the add-on menu (under Extensions): the intervention then leaves this list.',
  ];
  return {
    to: senco.email.trim(),
    subject,
    text: textBody(greeting, intro, sections, [
      ...after,
      `Open the provision map: ${input.sheetUrl}`,
    ]),
    html: htmlBody(
      greeting,
      intro,
      sections,
      { url: input.sheetUrl, words: 'Open the provision map' },
      after,
    ),
  };
}

/** The email to the SENCo when a daily run fails (at most one a day). */
export function failureEmail(
  to: string,
  message: string,
  when: Date,
  sheetUrl: string,
  settings?: ReminderSettings,
): Email {
  const tail = settings ? subjectTail(settings) : `(${APP_NAME})`;
  const intro = `This morning's review reminders could not all be sent (${format(when, 'd MMMM yyyy, HH:mm')}).`;
  const problem = `The problem: ${message}`;
  const next =
    'Reminders that were not sent will go with the next daily run; none will be sent twice. The Dashboard tab shows the latest result (rows starting "Reminders:"). If this keeps happening, turn review reminders off and on again from the add-on menu.';
  return {
    to,
    subject: `Review reminders failed ${tail}`,
    text: [intro, '', problem, '', next, '', `Open the provision map: ${sheetUrl}`].join('\n'),
    html: [
      `<p>${escapeHtml(intro)}</p>`,
      `<p>${escapeHtml(problem)}</p>`,
      `<p>${escapeHtml(next)}</p>`,
      `<p><a href="${escapeHtml(sheetUrl)}" target="_blank">Open the provision map</a></p>`,
    ].join('\n'),
  };
}
