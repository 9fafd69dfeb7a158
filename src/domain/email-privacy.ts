/**
 * Email privacy: whether emails may give pupils' full names (SEN information about children is
 * special category data, so the default is initials and year group).
 *
 * The rules:
 * - Emails give full names only when the Settings tab's 'Full names in emails' says Yes AND a
 *   SENCo approved Yes through the add-on (kept in the document properties, which only the add-on
 *   can write). A hand edit of the cell never widens what emails contain, even before it is noticed.
 * - Only a SENCo may change it: a Staff tab row with Role 'SENCo' whose Email is the acting user's.
 * - The daily run compares the cell with the approval:
 *   - the cell says Yes without an approval of Yes: it is set back to No ('revert');
 *   - the cell no longer says Yes while Yes is approved: someone narrowed it by hand. Narrowing is
 *     safe, so the cell stands, but the approval is withdrawn ('withdraw'), so that typing Yes back
 *     later does not widen emails.
 *   Either way the change is audited, noted on the Dashboard and the SENCos are told.
 */
import { format } from 'date-fns';
import { escapeHtml } from './html';

export const FULL_NAMES_SETTING = 'Full names in emails';

/** What a SENCo last chose through the add-on. */
export interface Approval {
  value: 'Yes' | 'No';
  /** Who chose it (an email), or the add-on when it withdrew an approval. */
  by: string;
  /** When, as an ISO date-time. */
  on: string;
}

export type HandChange = { kind: 'revert' } | { kind: 'withdraw'; approval: Approval };

export function isYes(value: unknown): boolean {
  return (
    String(value ?? '')
      .trim()
      .toLowerCase() === 'yes'
  );
}

export function parseApproval(text: string | null | undefined): Approval | undefined {
  if (!text) return undefined;
  try {
    const a = JSON.parse(text) as Partial<Approval>;
    if ((a.value !== 'Yes' && a.value !== 'No') || typeof a.by !== 'string') return undefined;
    return { value: a.value, by: a.by, on: typeof a.on === 'string' ? a.on : '' };
  } catch {
    return undefined;
  }
}

/** Whether emails may give full names: the cell AND the SENCo's approval say Yes. */
export function fullNamesAllowed(cellSaysYes: boolean, approval: Approval | undefined): boolean {
  return cellSaysYes && approval?.value === 'Yes';
}

/** What the daily run must do about the cell (undefined: it matches the approval). */
export function handChange(
  cellValue: unknown,
  approval: Approval | undefined,
): HandChange | undefined {
  const approved = approval?.value === 'Yes';
  if (isYes(cellValue) && !approved) return { kind: 'revert' };
  if (!isYes(cellValue) && approved && approval) return { kind: 'withdraw', approval };
  return undefined;
}

export function isSenco(
  staff: readonly { role: string; email: string }[],
  userEmail: string,
): boolean {
  const user = userEmail.trim().toLowerCase();
  return (
    user !== '' &&
    staff.some(
      (s) => s.role.trim().toLowerCase() === 'senco' && s.email.trim().toLowerCase() === user,
    )
  );
}

function longDay(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? 'an earlier day' : format(date, 'd MMMM yyyy');
}

/** The current setting in words (the menu item shows it). */
export function currentWords(cellValue: unknown, approval: Approval | undefined): string {
  if (fullNamesAllowed(isYes(cellValue), approval)) {
    return `Emails now give pupils’ full names: ${approval!.by} switched this on, ${longDay(approval!.on)}.`;
  }
  const initials =
    'Emails now give pupils’ initials and year group only (for example “A.P. (Year 3)”), with a link back to the sheet.';
  return isYes(cellValue)
    ? `${initials} The Settings tab says Yes, but no SENCo has switched full names on through the add-on, so emails still use initials.`
    : initials;
}

const HOW_TO = 'A SENCo can switch full names on from the add-on menu: Email privacy….';

/** What the Dashboard and the SENCos are told after the daily run dealt with a hand change. */
export function noticeWords(change: HandChange, on: Date): string {
  const day = format(on, 'EEEE d MMMM yyyy');
  if (change.kind === 'revert') {
    return `On ${day} the add-on found “${FULL_NAMES_SETTING}” set to Yes on the Settings tab, but no SENCo had switched full names on through the add-on. It set it back to No: emails give pupils’ initials and year group only. ${HOW_TO}`;
  }
  return `On ${day} the add-on found “${FULL_NAMES_SETTING}” changed by hand on the Settings tab: it no longer says Yes. Emails now give pupils’ initials and year group only, and the approval of full names (by ${change.approval.by}) has been withdrawn. ${HOW_TO}`;
}

export interface PrivacyEmail {
  to: string;
  subject: string;
  text: string;
  html: string;
}

/** The email that tells the SENCos (it carries no pupil data). */
export function noticeEmail(to: string, notice: string, sheetUrl: string): PrivacyEmail {
  const audit =
    'The change made by hand, and what the add-on did, are recorded in the Audit log tab.';
  return {
    to,
    subject: 'Email privacy: a change made by hand (SEND provision map)',
    text: [notice, '', audit, '', `Open the provision map: ${sheetUrl}`].join('\n'),
    html: [
      `<p>${escapeHtml(notice)}</p>`,
      `<p>${escapeHtml(audit)}</p>`,
      `<p><a href="${escapeHtml(sheetUrl)}" target="_blank">Open the provision map</a></p>`,
    ].join('\n'),
  };
}
