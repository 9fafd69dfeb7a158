/**
 * Getting started: the sidebar that walks a school through its first run (set up, staff, pupils,
 * an intervention, reminders), each step ticked from what the workbook holds now. It is opened
 * from the menu, never from onOpen: reading the Sheet there fails until the add-on is in use.
 */
import {
  PROVISION_MAP_TABS,
  gettingStartedSteps,
  type WorkbookFacts,
} from '../domain/getting-started';
import { TABS, type TabSpec } from '../domain/workbook';
import { setUpWorkbook } from '../store/setup';
import { activeSpreadsheet } from '../store/workbook';
import { currentUserEmail } from '../services/environment';
import { withDocumentLock } from '../services/lock';
import { documentProperties, effectiveUserEmail, myTriggersFor } from '../services/triggers';
import { showSidebar } from '../ui/dialogs';
import { alignBaselines } from './baselines';
import { becomeOwner } from './reminders-switch';
import { HANDLER, OWNER_KEY, errorMessage } from './reminder-keys';
import type { GettingStartedOutcome, GettingStartedStatus } from './getting-started-contract';

export const GETTING_STARTED_TITLE = 'Getting started';

/** Rows under a tab's header (by its last row with anything in it), 0 when the tab is missing. */
function dataRows(sheets: Map<string, GoogleAppsScript.Spreadsheet.Sheet>, spec: TabSpec): number {
  const sheet = sheets.get(spec.name);
  return sheet ? Math.max(0, sheet.getLastRow() - (spec.headerRow ?? 1)) : 0;
}

function readFacts(): WorkbookFacts {
  const sheets = new Map(
    activeSpreadsheet()
      .getSheets()
      .map((sheet) => [sheet.getName(), sheet] as const),
  );
  return {
    tabNames: [...sheets.keys()],
    staffRows: dataRows(sheets, TABS.staff),
    pupilRows: dataRows(sheets, TABS.pupils),
    interventionRows: dataRows(sheets, TABS.interventions),
    remindersOwner: documentProperties().getProperty(OWNER_KEY) ?? '',
    user: effectiveUserEmail(),
    myReminderTriggers: myTriggersFor(HANDLER).length,
  };
}

/** Sidebar: each step, done or not. */
export function getGettingStarted(): GettingStartedStatus {
  return { steps: gettingStartedSteps(readFacts()) };
}

/** True when the Sheet has none of the provision map's tabs (one call once it is set up). */
export function sheetIsBlank(): boolean {
  const spreadsheet = activeSpreadsheet();
  return !PROVISION_MAP_TABS.some((name) => spreadsheet.getSheetByName(name) !== null);
}

/** Opens Getting started; `asked` is the menu item that led here on a blank Sheet, if any. */
export function openGettingStarted(asked = ''): void {
  showSidebar('getting-started', GETTING_STARTED_TITLE, '', asked);
}

/**
 * The first menu use on a blank Sheet: whatever was chosen, Getting started opens instead, since
 * no form can work before set-up. Returns true when it did.
 */
export function guidedOnBlankSheet(asked: string): boolean {
  if (!sheetIsBlank()) return false;
  openGettingStarted(asked);
  return true;
}

/** Runs "Set up provision map" and says what it did, one paragraph a line. */
export function setUpAndReport(): string {
  const report = withDocumentLock(() => setUpWorkbook(activeSpreadsheet(), currentUserEmail()));
  const baselines = alignBaselines();
  const lines = [
    report.tabsCreated.length > 0
      ? `Tabs created: ${report.tabsCreated.join(', ')}.`
      : 'All the tabs were already there.',
    report.columnsAdded.length > 0 && report.tabsCreated.length === 0
      ? `Columns added: ${report.columnsAdded.join('; ')}.`
      : '',
    baselines.copied > 0
      ? `Baselines brought into line (one baseline per pupil): ${baselines.copied}.`
      : '',
    baselines.conflicts.length > 0
      ? `Baselines that differ between a pupil's place and their Baseline review (neither was changed; please check which is right): ${baselines.conflicts.join('; ')}.`
      : '',
    baselines.copied > 0 ? '' : 'Nothing you had entered was changed.',
  ];
  return lines.filter(Boolean).join('\n');
}

/** Sidebar: step 1. Safe to press twice: set-up only adds what is missing. */
export function setUpFromGettingStarted(): GettingStartedOutcome {
  try {
    const message = setUpAndReport();
    return { ok: true, message, status: getGettingStarted() };
  } catch (err) {
    return {
      ok: false,
      message: `The provision map could not be set up: ${errorMessage(err)}`,
      status: getGettingStarted(),
    };
  }
}

/**
 * Sidebar: step 5. When someone else already sends the reminders nothing changes (taking them
 * over is the menu's "Turn on review reminders", which asks first).
 */
export function turnOnRemindersFromGettingStarted(): GettingStartedOutcome {
  try {
    const user = effectiveUserEmail();
    const before = gettingStartedSteps(readFacts()).find((s) => s.step === 'reminders');
    if (before?.done) {
      return {
        ok: true,
        message: 'Review reminders were already on. Nothing changed.',
        status: getGettingStarted(),
      };
    }
    becomeOwner(user);
    return {
      ok: true,
      message:
        `Review reminders are on, sent from your account (${user}). Every morning at about 7 am, ` +
        'each member of staff gets one email listing the reviews they lead or support that are due soon or overdue, and the SENCo gets a summary.',
      status: getGettingStarted(),
    };
  } catch (err) {
    return {
      ok: false,
      message: `The reminders could not be turned on: ${errorMessage(err)}`,
      status: getGettingStarted(),
    };
  }
}
