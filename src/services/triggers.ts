/**
 * Installable triggers (ScriptApp, scope script.scriptapp): the one place the add-on creates,
 * finds and deletes them. Apps Script shows and lets a user delete only their OWN triggers, and an
 * editor add-on may have one time-driven trigger per user per document.
 */
type Trigger = GoogleAppsScript.Script.Trigger;

/** This user's triggers that run `handler`. */
export function myTriggersFor(handler: string): Trigger[] {
  return ScriptApp.getProjectTriggers().filter((t) => t.getHandlerFunction() === handler);
}

/** A daily trigger running `handler` at about `hour` o'clock (script time zone); returns its ID. */
export function installDailyTrigger(handler: string, hour: number): string {
  return ScriptApp.newTrigger(handler).timeBased().atHour(hour).everyDays(1).create().getUniqueId();
}

/** Deletes this user's triggers for `handler`; returns how many there were. */
export function deleteMyTriggers(handler: string): number {
  const triggers = myTriggersFor(handler);
  for (const trigger of triggers) ScriptApp.deleteTrigger(trigger);
  return triggers.length;
}

/** Whose authority the script runs under: for a trigger, the user who created it. */
export function effectiveUserEmail(): string {
  return Session.getEffectiveUser().getEmail();
}

let documentStore: GoogleAppsScript.Properties.Properties | undefined;

/** The document's properties (the store is looked up once per execution: it does not change). */
export function documentProperties(): GoogleAppsScript.Properties.Properties {
  documentStore ??= PropertiesService.getDocumentProperties();
  return documentStore;
}

/** The acting user's own store (for a trigger: its owner's), readable without the document. */
export function userProperties(): GoogleAppsScript.Properties.Properties {
  return PropertiesService.getUserProperties();
}
