import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  Runtime,
  SCOPE,
  type AuthMode,
  type Execution,
  type UiEvent,
} from '../../emulator/src/core';
import { emptyState } from '../../emulator/src/state';
import { compileTemplate, createHtmlService, createUi, escapeHtml } from '../../emulator/src/ui';

type HtmlService = GoogleAppsScript.HTML.HtmlService;
type Ui = GoogleAppsScript.Base.Ui;

const NOW = new Date('2026-11-23T09:00:00Z');
let buildDir: string;

beforeAll(() => {
  buildDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ui-test-'));
  fs.writeFileSync(path.join(buildDir, 'sidebar.html'), '<p>Sidebar <?= notEvaluated ?></p>');
  fs.writeFileSync(
    path.join(buildDir, 'letter.html'),
    '<h1><?= title ?></h1><?!= include("style") ?>',
  );
  fs.writeFileSync(path.join(path.dirname(buildDir), 'secret.html'), 'outside the build');
});

afterAll(() => {
  fs.rmSync(buildDir, { recursive: true, force: true });
  fs.rmSync(path.join(path.dirname(buildDir), 'secret.html'), { force: true });
});

function makeRuntime(
  scopes: string[] = [SCOPE.SPREADSHEETS_CURRENTONLY, SCOPE.CONTAINER_UI],
): Runtime {
  return new Runtime(
    emptyState(),
    { now: () => NOW },
    'senco@school.example',
    new Set(scopes),
    buildDir,
  );
}

function run(
  rt: Runtime,
  kind: Execution['kind'] = 'menu',
  authMode: AuthMode = 'FULL',
): UiEvent[] {
  rt.execution = {
    id: 'exec-1',
    functionName: 'test',
    kind,
    user: rt.user,
    authMode,
    startedAt: NOW,
    uiEvents: [],
    heldLocks: new Set(),
  };
  return rt.execution.uiEvents;
}

function setup(): { rt: Runtime; html: HtmlService; ui: Ui; events: UiEvent[] } {
  const rt = makeRuntime();
  const events = run(rt);
  return {
    rt,
    events,
    html: createHtmlService(rt) as unknown as HtmlService,
    ui: createUi(rt) as unknown as Ui,
  };
}

describe('menus', () => {
  test('an add-on menu can be built in AuthMode.NONE and is emitted with the add-on name', () => {
    const rt = makeRuntime();
    const events = run(rt, 'simple-trigger', 'NONE');
    const ui = createUi(rt) as unknown as Ui;
    const reports = ui.createMenu('Reports').addItem('Costs', 'showCosts');
    ui.createAddonMenu()
      .addItem('Open provision map', 'openSidebar')
      .addSeparator()
      .addSubMenu(reports)
      .addToUi();
    expect(events).toEqual([
      {
        type: 'menu',
        menu: {
          title: 'SEND provision map',
          addon: true,
          items: [
            { type: 'item', caption: 'Open provision map', functionName: 'openSidebar' },
            { type: 'separator' },
            {
              type: 'submenu',
              menu: {
                title: 'Reports',
                addon: false,
                items: [{ type: 'item', caption: 'Costs', functionName: 'showCosts' }],
              },
            },
          ],
        },
      },
    ]);
    expect(rt.calls.get('SpreadsheetApp.Ui.createAddonMenu')).toBe(1);
    expect(rt.calls.get('SpreadsheetApp.Menu.addItem')).toBe(2);
  });

  test('the emitted menu is a snapshot; bad arguments are refused', () => {
    const { ui, events } = setup();
    const menu = ui.createAddonMenu().addItem('One', 'one');
    menu.addToUi();
    menu.addItem('Two', 'two');
    expect(events[0]?.type === 'menu' && events[0].menu.items).toHaveLength(1);
    const loose = menu as unknown as {
      addItem: (...a: unknown[]) => unknown;
      addSubMenu: (m: unknown) => unknown;
    };
    expect(() => loose.addItem('Caption')).toThrow(
      "don't match the method signature for Menu.addItem",
    );
    expect(() => loose.addSubMenu({})).toThrow(
      "don't match the method signature for Menu.addSubMenu",
    );
  });

  test('Ui calls need the container.ui scope', () => {
    const rt = makeRuntime([SCOPE.SPREADSHEETS_CURRENTONLY]);
    const ui = createUi(rt) as unknown as Ui;
    expect(() => ui.createAddonMenu()).toThrow('Specified permissions are not sufficient');
  });
});

describe('sidebars and dialogs', () => {
  test('showSidebar emits the output content and title at the fixed 300px width', () => {
    const { html, ui, events } = setup();
    const output = html.createHtmlOutputFromFile('sidebar').setTitle('Provision map').setWidth(600);
    ui.showSidebar(output);
    expect(events).toEqual([
      {
        type: 'sidebar',
        title: 'Provision map',
        html: '<p>Sidebar <?= notEvaluated ?></p>',
        width: 300,
      },
    ]);
  });

  test('showSidebar refuses an unevaluated template', () => {
    const { html, ui } = setup();
    const template = html.createTemplateFromFile('sidebar');
    expect(() => ui.showSidebar(template as unknown as GoogleAppsScript.HTML.HtmlOutput)).toThrow(
      "The parameters (HtmlTemplate) don't match the method signature for Ui.showSidebar.",
    );
  });

  test('a sidebar cannot be shown in AuthMode.NONE', () => {
    const rt = makeRuntime();
    run(rt, 'simple-trigger', 'NONE');
    const ui = createUi(rt) as unknown as Ui;
    const html = createHtmlService(rt) as unknown as HtmlService;
    expect(() => ui.showSidebar(html.createHtmlOutput('<p>x</p>'))).toThrow(
      'You do not have permission',
    );
  });

  test('dialogs carry their size and modality', () => {
    const { html, ui, events } = setup();
    ui.showModalDialog(
      html.createHtmlOutput('<p>Letter</p>').setWidth(500).setHeight(300),
      'Letter',
    );
    ui.showModelessDialog(html.createHtmlOutput('<p>Help</p>'), 'Help');
    expect(events).toEqual([
      {
        type: 'dialog',
        title: 'Letter',
        html: '<p>Letter</p>',
        width: 500,
        height: 300,
        modal: true,
      },
      { type: 'dialog', title: 'Help', html: '<p>Help</p>', width: 600, height: 400, modal: false },
    ]);
  });
});

describe('alerts and prompts', () => {
  test('alert returns the queued answer, else the first button of its set', () => {
    const { rt, ui, events } = setup();
    expect(ui.alert('Saved')).toBe(ui.Button.OK);
    rt.alertAnswers.push('NO');
    expect(ui.alert('Delete?', 'Delete this intervention?', ui.ButtonSet.YES_NO)).toBe('NO');
    expect(ui.alert('Send reminders now?', ui.ButtonSet.YES_NO)).toBe('YES');
    expect(events[1]).toEqual({
      type: 'alert',
      title: 'Delete?',
      message: 'Delete this intervention?',
      buttons: 'YES_NO',
      answer: 'NO',
    });
  });

  test('a queued answer that is not a button of the dialog is a test mistake', () => {
    const { rt, ui } = setup();
    rt.alertAnswers.push('YES');
    expect(() => ui.alert('Saved')).toThrow('not a button of a OK dialog');
    rt.alertAnswers.push('CLOSE');
    expect(ui.alert('Saved')).toBe('CLOSE');
  });

  test('alert with wrong arguments is refused', () => {
    const { ui } = setup();
    const loose = ui as unknown as { alert: (...a: unknown[]) => unknown };
    expect(() => loose.alert('Title', 'Message')).toThrow(
      "don't match the method signature for Ui.alert",
    );
  });

  test('prompt returns the typed text or the chosen button', () => {
    const { rt, ui } = setup();
    rt.alertAnswers.push('Reading group', 'CANCEL');
    const typed = ui.prompt('Name of the group?', ui.ButtonSet.OK_CANCEL);
    expect([typed.getResponseText(), typed.getSelectedButton()]).toEqual(['Reading group', 'OK']);
    const cancelled = ui.prompt('Name of the group?', ui.ButtonSet.OK_CANCEL);
    expect([cancelled.getResponseText(), cancelled.getSelectedButton()]).toEqual(['', 'CANCEL']);
  });
});

describe('HtmlService', () => {
  test('createHtmlOutputFromFile reads the built file, with or without .html, and nothing outside', () => {
    const { html } = setup();
    expect(html.createHtmlOutputFromFile('sidebar.html').getContent()).toContain('Sidebar');
    expect(() => html.createHtmlOutputFromFile('missing')).toThrow(
      'No HTML file named missing was found.',
    );
    expect(() => html.createHtmlOutputFromFile('../secret')).toThrow(
      'No HTML file named ../secret was found.',
    );
  });

  test('HtmlOutput builds content; appendUntrusted escapes', () => {
    const { rt, html } = setup();
    rt.resetCalls();
    const output = html
      .createHtmlOutput('<p>')
      .appendUntrusted('<img src=x onerror="alert(1)">')
      .append('</p>')
      .setSandboxMode(html.SandboxMode.IFRAME)
      .setXFrameOptionsMode(html.XFrameOptionsMode.DEFAULT)
      .addMetaTag('viewport', 'width=device-width');
    expect(output.getContent()).toBe('<p>&lt;img src=x onerror=&quot;alert(1)&quot;&gt;</p>');
    expect(output.setTitle('T').getTitle()).toBe('T');
    expect(rt.calls.get('HtmlService.createHtmlOutput')).toBe(1);
    expect(rt.calls.get('HtmlService.HtmlOutput.appendUntrusted')).toBe(1);
  });

  test('templates: <?= ?> escapes, <?!= ?> is raw, <? ?> runs code, properties are variables', () => {
    const { html } = setup();
    const template = html.createTemplate(
      '<ul><? for (const p of pupils) { ?><li><?= p ?></li><? } ?></ul><?!= banner ?><? output.append("!") ?>',
    );
    Object.assign(template, { pupils: ['Ann', '<b>Bo</b>'], banner: '<hr>' });
    expect(template.evaluate().getContent()).toBe(
      '<ul><li>Ann</li><li>&lt;b&gt;Bo&lt;/b&gt;</li></ul><hr>!',
    );
  });

  test('a template from a file can call the script globals it is given', () => {
    const rt = makeRuntime();
    const html = createHtmlService(rt, {
      scriptGlobals: () => ({ include: (name: string) => `<style>/* ${name} */</style>` }),
    }) as unknown as HtmlService;
    const template = html.createTemplateFromFile('letter');
    (template as unknown as Record<string, unknown>).title = 'Tom & Jerry';
    expect(template.evaluate().getContent()).toBe(
      '<h1>Tom &amp; Jerry</h1><style>/* style */</style>',
    );
  });

  test('a broken scriptlet is reported as a template error', () => {
    const { html } = setup();
    expect(() => html.createTemplate('<? if ( ?>').evaluate()).toThrow(
      'Error in the HTML template',
    );
  });

  test('compileTemplate and escapeHtml', () => {
    expect(compileTemplate('a<?= x; ?>b')).toBe(
      '__out.push("a");\n__out.push(__escape(x));\n__out.push("b");',
    );
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe(
      '&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;',
    );
  });
});
