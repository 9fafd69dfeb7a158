/**
 * What the trial page shows after a script ran: the script's UI events (sidebars, dialogs, alerts,
 * toasts), with google.script.run bridged into every HtmlService page.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { MenuState, UiEvent } from '../src/index';

/** The UI events the page displays (menus are applied to the menu bar instead). */
export type PageEvent = Exclude<UiEvent, { type: 'menu' }>;

let shimSource: string | undefined;

/** The google.script.run / google.script.host shim, read once from page/gas-shim.js. */
function shim(): string {
  shimSource ??= fs.readFileSync(path.join(__dirname, 'page', 'gas-shim.js'), 'utf8');
  return shimSource;
}

/**
 * Puts the shim first in <head>, so google.script exists before any of the page's own scripts run
 * (as in Apps Script, where the host page defines it before the user's HTML loads).
 */
export function withScriptRunShim(html: string): string {
  const tag = `<script>${shim()}</script>`;
  const head = /<head(\s[^>]*)?>/i.exec(html);
  if (head) return insertAt(html, head.index + head[0].length, tag);
  const root = /<html(\s[^>]*)?>/i.exec(html);
  if (root) return insertAt(html, root.index + root[0].length, `<head>${tag}</head>`);
  return tag + html;
}

function insertAt(text: string, index: number, insert: string): string {
  return text.slice(0, index) + insert + text.slice(index);
}

/** The events for the page: HtmlService content bridged, menu events left out. */
export function pageEvents(events: readonly UiEvent[]): PageEvent[] {
  const result: PageEvent[] = [];
  for (const event of events) {
    if (event.type === 'menu') continue;
    if (event.type === 'sidebar' || event.type === 'dialog') {
      result.push({ ...event, html: withScriptRunShim(event.html) });
    } else {
      result.push(event);
    }
  }
  return result;
}

/**
 * A script that calls addToUi() again (after set-up, say) updates the menu bar, as in Sheets:
 * a menu with the same title replaces the old one, a new one is added.
 */
export function mergeMenus(current: readonly MenuState[], events: readonly UiEvent[]): MenuState[] {
  const menus = [...current];
  for (const event of events) {
    if (event.type !== 'menu') continue;
    const at = menus.findIndex((m) => m.addon === event.menu.addon && m.title === event.menu.title);
    if (at >= 0) menus[at] = event.menu;
    else menus.push(event.menu);
  }
  return menus;
}
