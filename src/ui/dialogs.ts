/** Sidebars and messages shown to the user. */
export type SidebarView =
  | 'intervention'
  | 'participants'
  | 'profile'
  | 'pupil'
  | 'import'
  | 'staff'
  | 'library'
  | 'review'
  | 'letters'
  | 'decide'
  | 'getting-started';

/**
 * `record`: an ID the view chooses as it opens (its picker pre-selected), or '' for none.
 * `asked`: the menu item that was chosen when a blank Sheet opened Getting started instead.
 */
export function showSidebar(view: SidebarView, title: string, record = '', asked = ''): void {
  const template = HtmlService.createTemplateFromFile('sidebar');
  template.view = view;
  template.record = record;
  template.asked = asked;
  const html = template.evaluate().setTitle(title);
  SpreadsheetApp.getUi().showSidebar(html);
}

export function showMessage(title: string, message: string): void {
  const ui = SpreadsheetApp.getUi();
  ui.alert(title, message, ui.ButtonSet.OK);
}

/** Asks before a big change: true only when the user chose OK (Cancel or closing: false). */
export function confirm(title: string, message: string): boolean {
  const ui = SpreadsheetApp.getUi();
  return ui.alert(title, message, ui.ButtonSet.OK_CANCEL) === ui.Button.OK;
}

/** Menu actions report failures in words, not as a stack trace in a red bar. */
export function reportingErrors(title: string, action: () => void): void {
  try {
    action();
  } catch (err) {
    showMessage(title, err instanceof Error ? err.message : String(err));
  }
}
