/**
 * Who sends the daily review reminders: turning them on and off, taking them over, and noticing
 * when they have stopped.
 *
 * Ownership. One user's daily trigger sends the reminders for the whole document: that user (the
 * owner) is recorded in the document properties. Apps Script lets a user see and delete only their
 * OWN triggers, so when someone takes the reminders over, the old owner's trigger cannot be removed
 * by them: it stays until it next fires, finds it no longer belongs to the owner, deletes itself
 * and sends nothing. A trigger whose owner has left (account closed, or no access to the sheet any
 * more) never fires again and Google tells nobody: the next person to open the sheet or the
 * add-on's sidebar sees "did not run" and can take the reminders over with one click.
 */
import { format } from 'date-fns';
import { reminderHealth, type ReminderHealth } from '../domain/reminder-health';
import { isoFromDate } from '../domain/dates';
import { TABS } from '../domain/workbook';
import { calendarFrom } from '../store/calendar';
import { setDashboardRows } from '../store/dashboard';
import { runOperation } from '../store/operation';
import {
  deleteMyTriggers,
  documentProperties,
  effectiveUserEmail,
  installDailyTrigger,
  myTriggersFor,
} from '../services/triggers';
import { reportingErrors, showMessage } from '../ui/dialogs';
import {
  HANDLER,
  LAST_SUCCESS_KEY,
  OWNER_KEY,
  OWNER_SINCE_KEY,
  RUN_HOUR,
  TRIGGER_KEY,
  errorMessage,
  sameEmail,
} from './reminder-keys';

const TITLE_ON = 'Turn on review reminders';
const TITLE_OFF = 'Turn off review reminders';
const WHAT_THEY_ARE =
  'Every morning at about 7 am, each member of staff gets one email listing the reviews they lead or support that are due in the next few school days (see "Reminder lead time" on the Settings tab) or overdue, and the SENCo gets a summary. Pupils are shown by initials and year group. The Dashboard tab shows how each run went.';

/** Makes the acting user the owner: their trigger (made if missing) sends from tomorrow. */
export function becomeOwner(user: string): void {
  const triggerId =
    myTriggersFor(HANDLER)[0]?.getUniqueId() ?? installDailyTrigger(HANDLER, RUN_HOUR);
  documentProperties().setProperties({
    [OWNER_KEY]: user,
    [TRIGGER_KEY]: triggerId,
    [OWNER_SINCE_KEY]: isoFromDate(new Date()),
  });
}

export function turnOnReminders(): void {
  reportingErrors(TITLE_ON, () => {
    const user = effectiveUserEmail();
    const owner = documentProperties().getProperty(OWNER_KEY) ?? '';
    if (sameEmail(owner, user) && myTriggersFor(HANDLER).length > 0) {
      showMessage(
        TITLE_ON,
        `Review reminders are already on, sent from your account (${user}). Nothing changed.\n\n${WHAT_THEY_ARE}`,
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
    becomeOwner(user);
    const opening =
      owner !== '' && !sameEmail(owner, user)
        ? `You now send the review reminders, from your account (${user}), instead of ${owner}.`
        : `Review reminders are on, sent from your account (${user}).`;
    showMessage(TITLE_ON, `${opening}\n\n${WHAT_THEY_ARE}`);
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

/** What the sidebar shows about the reminders: nothing while they run. */
export interface ReminderStatus {
  problem: string;
  /** The acting user may take them over (they are not the owner already). */
  canTakeOver: boolean;
}

function missedWords(health: Extract<ReminderHealth, { state: 'missed' }>): string {
  return `Review reminders have not run since ${format(health.lastGoodDay, 'EEEE d MMMM yyyy')}. They are sent from ${health.owner}'s account, which may have been closed or lost access to this sheet.`;
}

/**
 * Checks that the daily run is still happening; when it is not, says so on the Dashboard (once
 * a day) and returns the words for the sidebar. Reads one document property, and the Settings and
 * Dashboard tabs only when the last good run is older than yesterday.
 */
export function checkRemindersRan(): ReminderStatus | undefined {
  const props = documentProperties().getProperties();
  const owner = props[OWNER_KEY] ?? '';
  // The later of the last good run and the day they were turned on or taken over.
  const lastGoodDay =
    [props[LAST_SUCCESS_KEY] ?? '', props[OWNER_SINCE_KEY] ?? ''].sort().at(-1) ?? '';
  const yesterday = isoFromDate(new Date(Date.now() - 24 * 3600 * 1000));
  if (owner === '' || lastGoodDay === '' || lastGoodDay >= yesterday) return undefined;
  return runOperation(
    { settings: TABS.settings, dashboard: TABS.dashboard },
    (t, { now, user }) => {
      const health = reminderHealth({
        owner,
        lastGoodDay,
        today: now,
        calendar: calendarFrom(t.settings),
      });
      if (health.state !== 'missed') return undefined;
      const problem = missedWords(health);
      setDashboardRows(t.dashboard, {
        'Reminders: last run': [
          'Did not run',
          `${problem} Anyone can send them from their own account instead: "Take over reminders" in the add-on's sidebar, or "Turn on review reminders" in the menu.`,
        ],
      });
      if (sameEmail(owner, user)) {
        // The owner themself is reading: their own trigger has stopped (or was removed).
        return {
          problem: `Review reminders have not run since ${format(health.lastGoodDay, 'EEEE d MMMM yyyy')}, although they are sent from your account. To start them again, choose "Turn off review reminders" and then "Turn on review reminders" in the add-on menu.`,
          canTakeOver: false,
        };
      }
      return { problem, canTakeOver: true };
    },
  );
}

/** Sidebar: the reminders' problem, if any (an empty problem when all is well). */
export function getReminderStatus(): ReminderStatus {
  try {
    return checkRemindersRan() ?? { problem: '', canTakeOver: false };
  } catch {
    // The check is a courtesy: a busy sheet must not stop the form from opening.
    return { problem: '', canTakeOver: false };
  }
}

/** Sidebar: "Take over reminders" — the acting user sends them from tomorrow morning. */
export function takeOverReminders(): { ok: boolean; message: string } {
  try {
    const user = effectiveUserEmail();
    const owner = documentProperties().getProperty(OWNER_KEY) ?? '';
    becomeOwner(user);
    runOperation({ dashboard: TABS.dashboard }, (t) => {
      setDashboardRows(t.dashboard, {
        'Reminders: last run': [
          'Not yet',
          `${user} took the reminders over${owner ? ` from ${owner}` : ''}; the first run is tomorrow at about 7 am.`,
        ],
      });
    });
    return {
      ok: true,
      message: `Review reminders are now sent from your account (${user}), every morning at about 7 am.`,
    };
  } catch (err) {
    return { ok: false, message: `The reminders could not be taken over: ${errorMessage(err)}` };
  }
}
