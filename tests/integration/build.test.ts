import * as fs from 'node:fs';
import * as path from 'node:path';
import type { MenuItemState, MenuState } from '../../emulator/src/core';
import { BUILD_DIR, newEmulator } from '../support/emulator';

function menuFunctions(menu: MenuState): string[] {
  return menu.items.flatMap((item: MenuItemState) =>
    item.type === 'item'
      ? [item.functionName]
      : item.type === 'submenu'
        ? menuFunctions(item.menu)
        : [],
  );
}

/** The server functions the built sidebar names (callServer("name", …) keeps them as literals). */
function sidebarCalls(): string[] {
  const sidebar = fs.readFileSync(path.join(BUILD_DIR, 'sidebar.html'), 'utf8');
  const names =
    sidebar.match(
      /[\w$]+\("((?:get|save|preview|import|add|remove|list|find|delete|update|start|setUp|turnOn)[A-Z]\w*)"/g,
    ) ?? [];
  return [...new Set(names.map((m) => m.replace(/^[\w$]+\("|"$/g, '')))].sort();
}

describe('the built add-on (build/)', () => {
  it('holds exactly what clasp pushes: Code.js, sidebar.html and the manifest', () => {
    expect(fs.readdirSync(BUILD_DIR).sort()).toEqual([
      'Code.js',
      'appsscript.json',
      'sidebar.html',
    ]);
  });

  it('declares every menu, trigger and sidebar entry point as a top-level function', () => {
    const emu = newEmulator();
    const menus = emu.install();
    const fromMenu = menus.flatMap(menuFunctions);
    expect(fromMenu).toEqual(expect.arrayContaining(['setUpProvisionMap', 'showInterventionForm']));
    const code = fs.readFileSync(path.join(BUILD_DIR, 'Code.js'), 'utf8');
    for (const name of ['onOpen', 'onInstall', ...fromMenu, ...sidebarCalls()]) {
      expect(emu.hasFunction(name)).toBe(true);
      // Apps Script lists and calls only top-level function declarations.
      expect(code).toMatch(new RegExp(`^function ${name}\\(`, 'm'));
    }
  });

  it('has a sidebar that calls only server functions that exist', () => {
    const emu = newEmulator();
    const calls = sidebarCalls();
    expect(calls).toEqual(
      expect.arrayContaining(['getInterventionFormOptions', 'saveIntervention']),
    );
    for (const name of calls) expect(emu.hasFunction(name)).toBe(true);
  });

  it('inlines the sidebar script and style into one file with no outside resources', () => {
    const sidebar = fs.readFileSync(path.join(BUILD_DIR, 'sidebar.html'), 'utf8');
    expect(sidebar).toMatch(/<script>[\s\S]+<\/script>/);
    expect(sidebar).toMatch(/<style>[\s\S]+<\/style>/);
    expect(sidebar).not.toMatch(/<script[^>]+src=|<link[^>]+stylesheet/);
  });

  it('asks for minimal OAuth scopes: no full Gmail and no full Drive', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(BUILD_DIR, 'appsscript.json'), 'utf8'));
    expect(manifest.runtimeVersion).toBe('V8');
    expect(manifest.timeZone).toBe('Europe/London');
    expect(manifest.oauthScopes).not.toContain('https://mail.google.com/');
    expect(manifest.oauthScopes).not.toContain('https://www.googleapis.com/auth/drive');
    expect(manifest.oauthScopes).not.toContain('https://www.googleapis.com/auth/spreadsheets');
  });

  it('builds the menu in AuthMode.NONE, when it may touch nothing else', () => {
    const emu = newEmulator();
    const menus = emu.open('teacher@school.example');
    expect(menus).toHaveLength(1);
    expect(menus[0]?.addon).toBe(true);
    expect(emu.executions().at(-1)?.status).toBe('completed');
  });
});
