/**
 * Email privacy (the rules: domain/email-privacy.ts): the "Email privacy…" menu item, by which a
 * SENCo switches full names in emails on or off; the one rule every email follows; and the daily
 * run's check for a hand change of the setting.
 */
import { format } from 'date-fns';
import {
  currentWords,
  FULL_NAMES_SETTING,
  fullNamesAllowed,
  handChange,
  isSenco,
  isYes,
  noticeEmail,
  noticeWords,
  parseApproval,
  type Approval,
} from '../domain/email-privacy';
import { reminderSettingsFrom, type ReminderSettings } from '../domain/reminders';
import { isoFromDate } from '../domain/dates';
import { TABS, DEFAULT_SETTINGS } from '../domain/workbook';
import { currentUserEmail } from '../services/environment';
import { withDocumentLock } from '../services/lock';
import { remainingMailQuota, sendEmail } from '../services/mail';
import { documentProperties } from '../services/triggers';
import { writeAudit } from '../store/audit-log';
import { setDashboardRows } from '../store/dashboard';
import { sencoEmails } from '../store/facts';
import { runOperation } from '../store/operation';
import { Table, type Change, type Row } from '../store/table';
import { activeSpreadsheet, readTables } from '../store/workbook';
import { reportingErrors, showMessage } from '../ui/dialogs';

/** Document properties: the SENCo's choice (Approval as JSON), and what the SENCos are to be told. */
export const APPROVAL_KEY = 'emailPrivacy.fullNames';
const NOTICE_KEY = 'emailPrivacy.notice';
const MAILED_KEY = 'emailPrivacy.noticeMailedOn';

const TITLE = 'Email privacy';
const DASHBOARD_ROW = 'Email privacy';
/** Who the audit log names for what the daily check does. */
const ADD_ON = 'SEND provision map add-on (daily check)';

/**
 * The Settings tab's reminder settings as emails must use them: full names only when the cell
 * and the SENCo's approval both say Yes. `props`: the document properties, when already read.
 */
export function reminderSettingsForEmail(
  values: Record<string, unknown>,
  props?: Record<string, string>,
): ReminderSettings {
  const settings = reminderSettingsFrom(values);
  let approval: Approval | undefined;
  try {
    approval = parseApproval(props ? props[APPROVAL_KEY] : approvalText());
  } catch {
    approval = undefined; // unreadable: the safe choice, initials
  }
  return { ...settings, fullNames: fullNamesAllowed(settings.fullNames, approval) };
}

function approvalText(): string | null {
  return documentProperties().getProperty(APPROVAL_KEY);
}

function settingRow(settings: Table): Row | undefined {
  return settings.records().find((row) => row.text('Setting') === FULL_NAMES_SETTING);
}

function staffFacts(staff: Table): { role: string; email: string }[] {
  return staff.records().map((row) => ({ role: row.text('Role'), email: row.text('Email') }));
}

/** Settings has no ID column: its audit rows name the setting instead of a blank record. */
function named(changes: Change[]): Change[] {
  for (const change of changes) {
    if (change.tab === TABS.settings.name && change.recordId === '') {
      change.recordId = FULL_NAMES_SETTING;
    }
  }
  return changes;
}

function approvalWords(approval: Approval | undefined): string {
  if (!approval) return 'none';
  return `${approval.value} (${approval.by}${approval.on ? `, ${approval.on.slice(0, 10)}` : ''})`;
}

// ---------------------------------------------------------------------------------------------
// The menu item

export function showEmailPrivacy(): void {
  reportingErrors(TITLE, () => {
    const user = currentUserEmail();
    const { staff, settings } = readTables({ staff: TABS.staff, settings: TABS.settings });
    const approval = parseApproval(approvalText());
    const current = currentWords(settingRow(settings)?.value('Value'), approval);
    if (!isSenco(staffFacts(staff), user)) {
      showMessage(
        TITLE,
        `${current}\n\nOnly a SENCo can change this: ${user ? `your account (${user})` : 'your account'} is not the email of a SENCo on the Staff tab. Please ask your SENCo.`,
      );
      return;
    }
    const ui = SpreadsheetApp.getUi();
    const answer = ui.alert(
      TITLE,
      `${current}\n\nShould emails give pupils’ full names?\n\nYes: reminders and decision emails name pupils in full.\nNo: initials and year group only (recommended: information about a child’s special educational needs is special category data, and emails are easily forwarded).`,
      ui.ButtonSet.YES_NO,
    );
    if (answer !== ui.Button.YES && answer !== ui.Button.NO) {
      showMessage(TITLE, 'Nothing changed.');
      return;
    }
    showMessage(TITLE, setFullNames(answer === ui.Button.YES ? 'Yes' : 'No'));
  });
}

/** Sets the cell and records the SENCo's approval, under one lock; returns the words to show. */
function setFullNames(wanted: 'Yes' | 'No'): string {
  return withDocumentLock(() => {
    const previous = parseApproval(approvalText());
    const outcome = runOperation(
      { staff: TABS.staff, settings: TABS.settings, dashboard: TABS.dashboard },
      (t, { user, now }) => {
        // Checked again under the lock: the Staff tab may have changed while the question was open.
        if (!isSenco(staffFacts(t.staff), user)) {
          return { ok: false as const, message: 'Only a SENCo can change this. Nothing changed.' };
        }
        const row = settingRow(t.settings);
        // No approval on record counts as No: the default.
        const approved = previous?.value ?? 'No';
        const cell = isYes(row?.value('Value')) ? 'Yes' : 'No';
        if (cell === wanted && approved === wanted) {
          return {
            ok: false as const,
            message:
              wanted === 'Yes'
                ? 'Nothing changed: emails already give pupils’ full names.'
                : 'Nothing changed: emails already give pupils’ initials and year group only.',
          };
        }
        if (row) row.set({ Value: wanted });
        else {
          const notes = DEFAULT_SETTINGS.find((s) => s.setting === FULL_NAMES_SETTING)?.notes ?? '';
          t.settings.append({ Setting: FULL_NAMES_SETTING, Value: wanted, Notes: notes });
        }
        const approval: Approval = { value: wanted, by: user, on: now.toISOString() };
        named(t.settings.changes);
        // The approval lives in the document properties: its audit row is added by hand here.
        t.settings.changes.push({
          tab: TABS.settings.name,
          recordId: FULL_NAMES_SETTING,
          field: 'SENCo approval',
          oldValue: approvalWords(previous),
          newValue: approvalWords(approval),
        });
        setDashboardRows(t.dashboard, {
          [DASHBOARD_ROW]: [
            wanted === 'Yes' ? 'Full names' : 'Initials only',
            `Set by ${user} through the add-on, ${format(now, 'd MMMM yyyy')}.`,
          ],
        });
        return { ok: true as const, approval };
      },
    );
    if (!outcome.ok) return outcome.message;
    documentProperties().setProperty(APPROVAL_KEY, JSON.stringify(outcome.approval));
    return wanted === 'Yes'
      ? `Done: emails now give pupils’ full names. The change, and your approval, are recorded in the Audit log.`
      : `Done: emails now give pupils’ initials and year group only. The change is recorded in the Audit log.`;
  });
}

// ---------------------------------------------------------------------------------------------
// The daily run's check

/**
 * Called by the daily run (under its lock): sets a hand change of the setting right (see the
 * rules), audits it, notes it on the Dashboard and emails the SENCos, at most once a day. Never
 * throws: a problem here must not stop the reminders.
 */
export function checkEmailPrivacy(): void {
  try {
    withDocumentLock(() => {
      const spreadsheet = activeSpreadsheet();
      const store = documentProperties();
      const props = store.getProperties();
      const settings = Table.read(spreadsheet, TABS.settings);
      const row = settingRow(settings);
      const approval = parseApproval(props[APPROVAL_KEY]);
      const change = handChange(row?.value('Value'), approval);
      let notice = props[NOTICE_KEY] ?? '';
      const now = new Date();
      if (change) {
        const dashboard = Table.read(spreadsheet, TABS.dashboard);
        notice = noticeWords(change, now);
        const extra: Change[] = [];
        if (change.kind === 'revert') row?.set({ Value: 'No' });
        else {
          extra.push({
            tab: TABS.settings.name,
            recordId: FULL_NAMES_SETTING,
            field: 'SENCo approval',
            oldValue: approvalWords(change.approval),
            newValue: 'No (withdrawn: the setting was changed by hand)',
          });
        }
        setDashboardRows(dashboard, { [DASHBOARD_ROW]: ['Initials only', notice] });
        const changes = [...named(settings.changes), ...extra, ...dashboard.changes];
        writeAudit(spreadsheet, changes, { user: ADD_ON, now });
        settings.flush();
        dashboard.flush();
        const values: Record<string, string> = { [NOTICE_KEY]: notice };
        if (change.kind === 'withdraw') {
          const withdrawn: Approval = { value: 'No', by: ADD_ON, on: now.toISOString() };
          values[APPROVAL_KEY] = JSON.stringify(withdrawn);
        }
        store.setProperties(values);
      }
      const today = isoFromDate(now);
      if (notice === '' || props[MAILED_KEY] === today) return;
      tellSencos(spreadsheet, store, notice, today);
    });
  } catch {
    // The Dashboard and the Audit log show what was done; the next run tries again.
  }
}

function tellSencos(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  store: GoogleAppsScript.Properties.Properties,
  notice: string,
  today: string,
): void {
  const staff = Table.read(spreadsheet, TABS.staff);
  const sencos = sencoEmails(staff);
  if (sencos.length === 0 || remainingMailQuota() < 1) return;
  // Noted before sending, so that a failing send is not repeated later the same day.
  store.setProperty(MAILED_KEY, today);
  const url = `${spreadsheet.getUrl()}#gid=${spreadsheet.getSheetByName(TABS.settings.name)?.getSheetId() ?? 0}`;
  sendEmail(noticeEmail(sencos.join(','), notice, url));
  store.deleteProperty(NOTICE_KEY);
}
