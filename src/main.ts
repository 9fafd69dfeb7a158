/**
 * Apps Script entry points. Every export becomes a top-level function in build/Code.js (see
 * scripts/build.ts): the menu, triggers and google.script.run find them there by name.
 */
import { setUpWorkbook } from './store/setup';
import { activeSpreadsheet } from './store/workbook';
import { withDocumentLock } from './services/lock';
import { currentUserEmail } from './services/environment';
import { buildMenu } from './ui/menu';
import { reportingErrors, showMessage, showSidebar } from './ui/dialogs';

export { getInterventionFormOptions, saveIntervention } from './api/interventions';

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

export function showInterventionForm(): void {
  reportingErrors('New intervention', () => showSidebar('intervention', 'Intervention sheet'));
}
