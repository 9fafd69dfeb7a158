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
  | 'decide';

/** `record`: an ID the view chooses as it opens (its picker pre-selected), or '' for none. */
export function showSidebar(view: SidebarView, title: string, record = ''): void {
  const template = HtmlService.createTemplateFromFile('sidebar');
  template.view = view;
  template.record = record;
  const html = template.evaluate().setTitle(title);
  SpreadsheetApp.getUi().showSidebar(html);
}

export function showMessage(title: string, message: string): void {
  const ui = SpreadsheetApp.getUi();
  ui.alert(title, message, ui.ButtonSet.OK);
}

/** Menu actions report failures in words, not as a stack trace in a red bar. */
export function reportingErrors(title: string, action: () => void): void {
  try {
    action();
  } catch (err) {
    showMessage(title, err instanceof Error ? err.message : String(err));
  }
}
