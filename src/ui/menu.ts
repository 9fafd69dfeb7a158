/** The add-on menu, built when the document opens. */
export const MENU_SECTIONS = [
  [{ caption: 'Getting started…', functionName: 'showGettingStarted' }],
  [
    { caption: 'New intervention…', functionName: 'showInterventionForm' },
    { caption: 'Pupils in an intervention…', functionName: 'showParticipantsForm' },
    { caption: 'Record a review…', functionName: 'showReviewForm' },
    { caption: 'Decide about interventions…', functionName: 'showDecisions' },
    { caption: 'Letters to parents…', functionName: 'showLetters' },
    { caption: 'Pupil profile…', functionName: 'showPupilProfile' },
  ],
  [
    { caption: 'Add or edit a pupil…', functionName: 'showPupilForm' },
    { caption: 'Import pupils from a CSV file…', functionName: 'showPupilImport' },
    { caption: 'Staff…', functionName: 'showStaffForm' },
    { caption: 'Provision library…', functionName: 'showLibraryForm' },
  ],
  [
    { caption: 'Turn on review reminders', functionName: 'turnOnReminders' },
    { caption: 'Turn off review reminders', functionName: 'turnOffReminders' },
  ],
  [
    { caption: 'Update the dashboard', functionName: 'updateDashboard' },
    { caption: 'Check good practice', functionName: 'checkGoodPractice' },
    { caption: 'Check the audit log', functionName: 'checkAuditLog' },
    { caption: 'Email privacy…', functionName: 'showEmailPrivacy' },
    { caption: 'Start a new school year…', functionName: 'startNewSchoolYear' },
    { caption: 'Set up provision map', functionName: 'setUpProvisionMap' },
  ],
] as const;

/**
 * Runs in AuthMode.NONE until the add-on has been used in this document: then only the menu may be
 * built (no properties, no sheet data), so this touches nothing else.
 */
export function buildMenu(): void {
  const menu = SpreadsheetApp.getUi().createAddonMenu();
  MENU_SECTIONS.forEach((section, i) => {
    if (i > 0) menu.addSeparator();
    for (const item of section) menu.addItem(item.caption, item.functionName);
  });
  menu.addToUi();
}
