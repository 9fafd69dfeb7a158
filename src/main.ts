/**
 * Apps Script entry points. Every export becomes a top-level function in build/Code.js (see
 * scripts/build.ts): the menu, triggers and google.script.run find them there by name.
 */
import { setUpWorkbook } from './store/setup';
import { activeSpreadsheet } from './store/workbook';
import { withDocumentLock } from './services/lock';
import { currentUserEmail } from './services/environment';
import { buildMenu } from './ui/menu';
import { reportingErrors, showMessage, showSidebar, type SidebarView } from './ui/dialogs';

export { getInterventionFormOptions, saveIntervention } from './api/interventions';
export * from './api/pupils';
export * from './api/staff';
export * from './api/participants';

export function onOpen(): void {
  buildMenu();
}

export function onInstall(): void {
  buildMenu();
}

export function setUpProvisionMap(): void {
  reportingErrors('Set up provision map', () => {
    const report = withDocumentLock(() => setUpWorkbook(activeSpreadsheet(), currentUserEmail()));
    const lines = [
      report.tabsCreated.length > 0
        ? `Tabs created: ${report.tabsCreated.join(', ')}.`
        : 'All the tabs were already there.',
      report.columnsAdded.length > 0 && report.tabsCreated.length === 0
        ? `Columns added: ${report.columnsAdded.join('; ')}.`
        : '',
      'Nothing you had entered was changed.',
    ];
    showMessage('Provision map ready', lines.filter(Boolean).join('\n'));
  });
}

function sidebarOpener(view: SidebarView, title: string): () => void {
  return () => reportingErrors(title, () => showSidebar(view, title));
}

export const showInterventionForm = sidebarOpener('intervention', 'Intervention sheet');
export const showParticipantsForm = sidebarOpener('participants', 'Pupils in an intervention');
export const showPupilProfile = sidebarOpener('profile', 'Pupil profile');
export const showPupilForm = sidebarOpener('pupil', 'Pupil');
export const showPupilImport = sidebarOpener('import', 'Import pupils');
export const showStaffForm = sidebarOpener('staff', 'Staff');
export const showLibraryForm = sidebarOpener('library', 'Provision library');
