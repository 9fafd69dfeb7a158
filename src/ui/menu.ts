/** The add-on menu, built when the document opens. */
export const MENU_ITEMS = [
  { caption: 'New intervention…', functionName: 'showInterventionForm' },
  { caption: 'Set up provision map', functionName: 'setUpProvisionMap' },
] as const;

/**
 * Runs in AuthMode.NONE until the add-on has been used in this document: then only the menu may be
 * built (no properties, no sheet data), so this touches nothing else.
 */
export function buildMenu(): void {
  const menu = SpreadsheetApp.getUi().createAddonMenu();
  menu.addItem(MENU_ITEMS[0].caption, MENU_ITEMS[0].functionName);
  menu.addSeparator();
  menu.addItem(MENU_ITEMS[1].caption, MENU_ITEMS[1].functionName);
  menu.addToUi();
}
