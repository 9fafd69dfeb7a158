/**
 * Apps Script entry points. Every export becomes a top-level function in build/Code.js (see
 * scripts/build.ts): the menu, triggers and google.script.run find them there by name.
 */
import { activeSpreadsheet } from './store/workbook';
import { updateDashboardNow } from './api/dashboard';
import { TABS } from './domain/workbook';
import { recheckGoodPractice } from './api/practice';
import { checkRemindersRan } from './api/reminders-switch';
import {
  GETTING_STARTED_TITLE,
  guidedOnBlankSheet,
  openGettingStarted,
  setUpAndReport,
  sheetIsBlank,
} from './api/getting-started';
import { buildMenu } from './ui/menu';
import { reportingErrors, showMessage, showSidebar, type SidebarView } from './ui/dialogs';

export { getInterventionFormOptions, getIntervention, saveIntervention } from './api/interventions';
export * from './api/pupils';
export * from './api/staff';
export * from './api/participants';
export * from './api/profile';
export * from './api/reviews';
export * from './api/review-lists';
export * from './api/reminders';
export * from './api/letters';
export * from './api/decisions';
export { checkAuditLog } from './api/audit';
export { showEmailPrivacy } from './api/email-privacy';
export { startNewSchoolYear } from './api/new-year';
export { onEdit } from './api/hand-edits';
export {
  getGettingStarted,
  setUpFromGettingStarted,
  turnOnRemindersFromGettingStarted,
} from './api/getting-started';

export function onOpen(event?: GoogleAppsScript.Events.SheetsOnOpen): void {
  buildMenu();
  // Once the add-on is in use here (LIMITED), opening the sheet notices stopped reminders.
  if (event?.authMode !== undefined && event.authMode !== ScriptApp.AuthMode.NONE) {
    try {
      checkRemindersRan();
    } catch {
      // Opening the sheet must never fail over a courtesy check; the sidebar checks again.
    }
  }
}

export function onInstall(): void {
  buildMenu();
}

export function setUpProvisionMap(): void {
  reportingErrors('Set up provision map', () => {
    const blank = sheetIsBlank();
    showMessage('Provision map ready', setUpAndReport());
    // Set up first on a blank Sheet: what to do next is the rest of Getting started.
    if (blank) openGettingStarted();
  });
}

export function showGettingStarted(): void {
  reportingErrors(GETTING_STARTED_TITLE, () => openGettingStarted());
}

export function updateDashboard(): void {
  reportingErrors('Update the dashboard', () => {
    if (guidedOnBlankSheet('Update the dashboard')) return;
    const summary = updateDashboardNow();
    const sheet = activeSpreadsheet().getSheetByName(TABS.dashboard.name);
    if (sheet) sheet.activate();
    showMessage(
      'Dashboard updated',
      `The Dashboard now shows the provision map at a glance, what works (${summary.interventions} intervention${summary.interventions === 1 ? '' : 's'}), ` +
        `${summary.lookAt === 0 ? 'nothing to look at' : `${summary.lookAt} thing${summary.lookAt === 1 ? '' : 's'} to look at`}, ` +
        `${summary.charts} chart${summary.charts === 1 ? '' : 's'} and the SEN report. Each intervention's cost, impact and value columns on the Interventions tab are up to date too.`,
    );
  });
}

export function checkGoodPractice(): void {
  reportingErrors('Check good practice', () => {
    if (guidedOnBlankSheet('Check good practice')) return;
    const check = recheckGoodPractice();
    showMessage(
      'Good-practice check',
      check.warnings === 0
        ? 'No warnings: every intervention and every pupil’s place follows the guidance on the Settings tab.'
        : `${check.warnings} warning${check.warnings === 1 ? '' : 's'}: ` +
            `${check.interventionsWithWarnings} intervention${check.interventionsWithWarnings === 1 ? '' : 's'} ` +
            `and ${check.placesWithWarnings} pupil place${check.placesWithWarnings === 1 ? '' : 's'}. ` +
            'See the Warnings columns of the Interventions and Participants tabs.',
    );
  });
}

function sidebarOpener(view: SidebarView, title: string): () => void {
  return () =>
    reportingErrors(title, () => {
      if (!guidedOnBlankSheet(title)) showSidebar(view, title);
    });
}

export const showInterventionForm = sidebarOpener('intervention', 'Intervention sheet');
export const showParticipantsForm = sidebarOpener('participants', 'Pupils in an intervention');
export const showPupilProfile = sidebarOpener('profile', 'Pupil profile');
export const showPupilForm = sidebarOpener('pupil', 'Pupil');
export const showPupilImport = sidebarOpener('import', 'Import pupils');
export const showStaffForm = sidebarOpener('staff', 'Staff');
export const showLibraryForm = sidebarOpener('library', 'Provision library');
export const showReviewForm = sidebarOpener('review', 'Record a review');
export const showLetters = sidebarOpener('letters', 'Letters to parents');
export const showDecisions = sidebarOpener('decide', 'Decide about interventions');
