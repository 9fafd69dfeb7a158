/**
 * The words of the reminder emails: each member of staff's digest, the SENCo's summary and the
 * email about a failed run. Plain text and HTML alike; every value in an HTML body is escaped.
 * Pupils are shown as initials and year group ("A.P. (Year 3)") unless Settings 'Full names in
 * emails' is 'Yes'.
 */
import { format } from 'date-fns';
import { escapeHtml } from './html';
import type {
  EmailContext,
  Email,
  InterventionRef,
  PupilRef,
  ReminderItem,
  ReminderKind,
  ReminderSettings,
  StaffRef,
} from './reminder-model';

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

export function staffEmail(
  person: StaffRef,
  items: readonly ReminderItem[],
  later: number,
  input: EmailContext,
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

export function summaryEmail(
  senco: StaffRef,
  overdue: readonly ReminderItem[],
  decisions: readonly InterventionRef[],
  input: EmailContext,
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
    'Here is what needs your attention on the provision map today. Staff are reminded of their own reviews as they come up and again when they become overdue.';
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
    overdue.length > 0 ? HOW_TO_RECORD : '',
    decisions.length > 0
      ? 'To record a decision, choose "Decide about interventions…" in the add-on menu (under Extensions): the intervention then leaves this list.'
      : '',
    'This summary comes every school day while a review is overdue or an intervention needs a decision.',
  ].filter(Boolean);
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
