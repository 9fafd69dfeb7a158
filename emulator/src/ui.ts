/**
 * HtmlService and the Sheets UI (SpreadsheetApp.getUi()): menus, sidebars, dialogs and alerts.
 *
 * Nothing is drawn here: showing a sidebar or an alert emits a UiEvent on the current execution,
 * which the tests inspect and the trial page renders. Alerts and prompts are answered from
 * `rt.alertAnswers` (queued by the test or the trial page).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { SCOPE, ScriptError, type AuthMode, type MenuState, type Runtime } from './core';

/** The add-on's name: the title of its menu under Extensions. */
export const DEFAULT_ADDON_NAME = 'SEND provision map';
/** Apps Script's sidebars are a fixed-width panel. */
export const SIDEBAR_WIDTH = 300;
const DEFAULT_DIALOG_WIDTH = 600;
const DEFAULT_DIALOG_HEIGHT = 400;

function signatureError(method: string, args: unknown[]): ScriptError {
  const names = args.map((a) => {
    if (a === null || a === undefined) return 'null';
    if (typeof a === 'string') return 'String';
    if (typeof a === 'number') return 'number';
    if (typeof a === 'boolean') return 'Boolean';
    const text = String(a);
    return text.startsWith('[object') ? 'Object' : text;
  });
  return new ScriptError(
    `The parameters (${names.join(',')}) don't match the method signature for ${method}.`,
  );
}

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(value: unknown): string {
  return String(value)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

// ---- HtmlService ------------------------------------------------------------------------------

const SandboxMode = Object.freeze({ EMULATED: 'EMULATED', IFRAME: 'IFRAME', NATIVE: 'NATIVE' });
const XFrameOptionsMode = Object.freeze({ ALLOWALL: 'ALLOWALL', DEFAULT: 'DEFAULT' });

function htmlCall(rt: Runtime, method: string): void {
  rt.call(`HtmlService.${method}`, { minAuthMode: 'NONE' });
}

/** Reads an HTML file of the built project, as Apps Script finds "sidebar" or "sidebar.html". */
function readProjectHtml(rt: Runtime, name: unknown, method: string): string {
  if (typeof name !== 'string') throw signatureError(`HtmlService.${method}`, [name]);
  const root = path.resolve(rt.buildDir);
  const file = path.resolve(root, name.endsWith('.html') ? name : `${name}.html`);
  const inside = file.startsWith(root + path.sep);
  if (!inside || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
    throw new ScriptError(`No HTML file named ${name} was found.`);
  }
  return fs.readFileSync(file, 'utf8');
}

export class HtmlOutputImpl {
  readonly #rt: Runtime;
  #content: string;
  #title = '';
  #width = DEFAULT_DIALOG_WIDTH;
  #height = DEFAULT_DIALOG_HEIGHT;
  #sandboxMode: string = SandboxMode.IFRAME;
  #faviconUrl = '';
  readonly #metaTags: { name: string; content: string }[] = [];

  constructor(rt: Runtime, content: string) {
    this.#rt = rt;
    this.#content = content;
  }

  /** What a sidebar or dialog shows, read without counting a call. */
  static snapshot(output: HtmlOutputImpl): {
    title: string;
    html: string;
    width: number;
    height: number;
  } {
    return {
      title: output.#title,
      html: output.#content,
      width: output.#width,
      height: output.#height,
    };
  }

  toString(): string {
    return 'HtmlOutput';
  }

  #call(method: string): void {
    htmlCall(this.#rt, `HtmlOutput.${method}`);
  }

  append(addedContent: unknown): HtmlOutputImpl {
    this.#call('append');
    this.#content += String(addedContent ?? '');
    return this;
  }

  /** Appends text escaped, so user data cannot inject markup. */
  appendUntrusted(addedContent: unknown): HtmlOutputImpl {
    this.#call('appendUntrusted');
    this.#content += escapeHtml(addedContent ?? '');
    return this;
  }

  clear(): HtmlOutputImpl {
    this.#call('clear');
    this.#content = '';
    return this;
  }

  getContent(): string {
    this.#call('getContent');
    return this.#content;
  }

  setContent(content: unknown): HtmlOutputImpl {
    this.#call('setContent');
    this.#content = String(content ?? '');
    return this;
  }

  asTemplate(): HtmlTemplateImpl {
    this.#call('asTemplate');
    return new HtmlTemplateImpl(this.#rt, this.#content);
  }

  getTitle(): string {
    this.#call('getTitle');
    return this.#title;
  }

  setTitle(title: unknown): HtmlOutputImpl {
    this.#call('setTitle');
    if (typeof title !== 'string') throw signatureError('HtmlOutput.setTitle', [title]);
    this.#title = title;
    return this;
  }

  getWidth(): number {
    this.#call('getWidth');
    return this.#width;
  }

  setWidth(width: unknown): HtmlOutputImpl {
    this.#call('setWidth');
    if (typeof width !== 'number') throw signatureError('HtmlOutput.setWidth', [width]);
    this.#width = Math.trunc(width);
    return this;
  }

  getHeight(): number {
    this.#call('getHeight');
    return this.#height;
  }

  setHeight(height: unknown): HtmlOutputImpl {
    this.#call('setHeight');
    if (typeof height !== 'number') throw signatureError('HtmlOutput.setHeight', [height]);
    this.#height = Math.trunc(height);
    return this;
  }

  /** Any mode is accepted, but Apps Script now always serves IFRAME. */
  setSandboxMode(mode: unknown): HtmlOutputImpl {
    this.#call('setSandboxMode');
    if (typeof mode !== 'string' || !(mode in SandboxMode)) {
      throw signatureError('HtmlOutput.setSandboxMode', [mode]);
    }
    this.#sandboxMode = SandboxMode.IFRAME;
    return this;
  }

  getSandboxMode(): string {
    this.#call('getSandboxMode');
    return this.#sandboxMode;
  }

  setXFrameOptionsMode(mode: unknown): HtmlOutputImpl {
    this.#call('setXFrameOptionsMode');
    if (typeof mode !== 'string' || !(mode in XFrameOptionsMode)) {
      throw signatureError('HtmlOutput.setXFrameOptionsMode', [mode]);
    }
    return this;
  }

  addMetaTag(name: unknown, content: unknown): HtmlOutputImpl {
    this.#call('addMetaTag');
    if (typeof name !== 'string' || typeof content !== 'string') {
      throw signatureError('HtmlOutput.addMetaTag', [name, content]);
    }
    this.#metaTags.push({ name, content });
    return this;
  }

  getMetaTags(): { getName(): string; getContent(): string }[] {
    this.#call('getMetaTags');
    return this.#metaTags.map((tag) => ({
      getName: () => tag.name,
      getContent: () => tag.content,
    }));
  }

  setFaviconUrl(iconUrl: unknown): HtmlOutputImpl {
    this.#call('setFaviconUrl');
    if (typeof iconUrl !== 'string') throw signatureError('HtmlOutput.setFaviconUrl', [iconUrl]);
    this.#faviconUrl = iconUrl;
    return this;
  }

  getFaviconUrl(): string {
    this.#call('getFaviconUrl');
    return this.#faviconUrl;
  }
}

const SCRIPTLET = /<\?(!=|=)?([\s\S]*?)\?>/g;

/**
 * Compiles a template into the body of a function of (__out, __escape, __raw, output, ...vars):
 * `<? code ?>` runs as is, `<?= expr ?>` appends the value HTML-escaped, `<?!= expr ?>` raw.
 */
export function compileTemplate(source: string): string {
  const lines: string[] = [];
  let last = 0;
  for (const match of source.matchAll(SCRIPTLET)) {
    const index = match.index ?? 0;
    if (index > last) lines.push(`__out.push(${JSON.stringify(source.slice(last, index))});`);
    const code = (match[2] ?? '').trim().replace(/;+$/, '');
    if (match[1] === '=') lines.push(`__out.push(__escape(${code}));`);
    else if (match[1] === '!=') lines.push(`__out.push(__raw(${code}));`);
    else lines.push(code);
    last = index + match[0].length;
  }
  if (last < source.length) lines.push(`__out.push(${JSON.stringify(source.slice(last))});`);
  return lines.join('\n');
}

const RESERVED = new Set(
  (
    'break case catch class const continue debugger default delete do else enum export extends false ' +
    'finally for function if import in instanceof new null return super switch this throw true try ' +
    'typeof var void while with yield let static implements interface package private protected ' +
    'public await arguments eval __out __escape __raw output'
  ).split(' '),
);

function isVariableName(name: string): boolean {
  return /^[A-Za-z_$][\w$]*$/.test(name) && !RESERVED.has(name);
}

function rawText(value: unknown): string {
  return value === null || value === undefined ? '' : String(value);
}

export class HtmlTemplateImpl {
  readonly #rt: Runtime;
  readonly #source: string;
  readonly #globals: () => Record<string, unknown>;

  constructor(rt: Runtime, source: string, globals: () => Record<string, unknown> = () => ({})) {
    this.#rt = rt;
    this.#source = source;
    this.#globals = globals;
  }

  toString(): string {
    return 'HtmlTemplate';
  }

  /** Runs the scriptlets; the template's own properties (template.pupil = ...) are variables. */
  evaluate(): HtmlOutputImpl {
    htmlCall(this.#rt, 'HtmlTemplate.evaluate');
    const scope: Record<string, unknown> = {};
    const globals = this.#globals();
    for (const name of Object.keys(globals)) if (isVariableName(name)) scope[name] = globals[name];
    for (const name of Object.keys(this)) {
      if (isVariableName(name)) scope[name] = (this as Record<string, unknown>)[name];
    }
    const names = Object.keys(scope);
    const out: string[] = [];
    const output = {
      append(text: unknown) {
        out.push(rawText(text));
        return output;
      },
      appendUntrusted(text: unknown) {
        out.push(escapeHtml(rawText(text)));
        return output;
      },
      clear() {
        out.length = 0;
        return output;
      },
      getContent: () => out.join(''),
    };
    let render: (...args: unknown[]) => void;
    try {
      // Compiling the template to a function, as Apps Script does.
      render = new Function(
        '__out',
        '__escape',
        '__raw',
        'output',
        ...names,
        compileTemplate(this.#source),
      ) as (...args: unknown[]) => void;
    } catch (err) {
      throw new ScriptError(
        `Error in the HTML template: ${err instanceof Error ? err.message : String(err)}`,
      );
    }
    const escape = (value: unknown): string => escapeHtml(rawText(value));
    render(out, escape, rawText, output, ...names.map((n) => scope[n]));
    return new HtmlOutputImpl(this.#rt, out.join(''));
  }

  getCode(): string {
    htmlCall(this.#rt, 'HtmlTemplate.getCode');
    return compileTemplate(this.#source);
  }

  getRawContent(): string {
    htmlCall(this.#rt, 'HtmlTemplate.getRawContent');
    return this.#source;
  }
}

export interface HtmlServiceOptions {
  /**
   * The script's global scope, so that scriptlets can call the script's own functions (the usual
   * `<?!= include('style') ?>`). Read at evaluate() time.
   */
  scriptGlobals?: () => Record<string, unknown>;
}

class HtmlServiceImpl {
  readonly SandboxMode = SandboxMode;
  readonly XFrameOptionsMode = XFrameOptionsMode;
  readonly #rt: Runtime;
  readonly #globals: () => Record<string, unknown>;

  constructor(rt: Runtime, options: HtmlServiceOptions) {
    this.#rt = rt;
    this.#globals = options.scriptGlobals ?? (() => ({}));
  }

  toString(): string {
    return 'HtmlService';
  }

  createHtmlOutput(html: unknown = ''): HtmlOutputImpl {
    htmlCall(this.#rt, 'createHtmlOutput');
    if (typeof html !== 'string') throw signatureError('HtmlService.createHtmlOutput', [html]);
    return new HtmlOutputImpl(this.#rt, html);
  }

  /** The file as it is: scriptlets in it are not evaluated. */
  createHtmlOutputFromFile(filename: unknown): HtmlOutputImpl {
    htmlCall(this.#rt, 'createHtmlOutputFromFile');
    return new HtmlOutputImpl(
      this.#rt,
      readProjectHtml(this.#rt, filename, 'createHtmlOutputFromFile'),
    );
  }

  createTemplate(html: unknown): HtmlTemplateImpl {
    htmlCall(this.#rt, 'createTemplate');
    if (typeof html !== 'string') throw signatureError('HtmlService.createTemplate', [html]);
    return new HtmlTemplateImpl(this.#rt, html, this.#globals);
  }

  createTemplateFromFile(filename: unknown): HtmlTemplateImpl {
    htmlCall(this.#rt, 'createTemplateFromFile');
    const source = readProjectHtml(this.#rt, filename, 'createTemplateFromFile');
    return new HtmlTemplateImpl(this.#rt, source, this.#globals);
  }

  getUserAgent(): string {
    htmlCall(this.#rt, 'getUserAgent');
    return 'Mozilla/5.0 (local Apps Script emulator)';
  }
}

export function createHtmlService(rt: Runtime, options: HtmlServiceOptions = {}): object {
  return new HtmlServiceImpl(rt, options);
}

// ---- the Sheets UI ----------------------------------------------------------------------------

export const Button = Object.freeze({
  CLOSE: 'CLOSE',
  OK: 'OK',
  CANCEL: 'CANCEL',
  YES: 'YES',
  NO: 'NO',
} as const);
export const ButtonSet = Object.freeze({
  OK: 'OK',
  OK_CANCEL: 'OK_CANCEL',
  YES_NO: 'YES_NO',
  YES_NO_CANCEL: 'YES_NO_CANCEL',
} as const);
type ButtonSetName = keyof typeof ButtonSet;

const BUTTONS_OF: Record<ButtonSetName, string[]> = {
  OK: ['OK'],
  OK_CANCEL: ['OK', 'CANCEL'],
  YES_NO: ['YES', 'NO'],
  YES_NO_CANCEL: ['YES', 'NO', 'CANCEL'],
};

function isButtonSet(value: unknown): value is ButtonSetName {
  return typeof value === 'string' && value in ButtonSet;
}

function uiCall(rt: Runtime, method: string, minAuthMode?: AuthMode): void {
  rt.call(`SpreadsheetApp.${method}`, { scopes: [SCOPE.CONTAINER_UI], minAuthMode });
}

class MenuImpl {
  readonly #rt: Runtime;
  readonly #menu: MenuState;

  constructor(rt: Runtime, menu: MenuState) {
    this.#rt = rt;
    this.#menu = menu;
  }

  static stateOf(menu: MenuImpl): MenuState {
    return menu.#menu;
  }

  toString(): string {
    return 'Menu';
  }

  #call(method: string): void {
    uiCall(this.#rt, `Menu.${method}`, 'NONE');
  }

  addItem(caption: unknown, functionName: unknown): MenuImpl {
    this.#call('addItem');
    if (typeof caption !== 'string' || typeof functionName !== 'string' || functionName === '') {
      throw signatureError('Menu.addItem', [caption, functionName]);
    }
    this.#menu.items.push({ type: 'item', caption, functionName });
    return this;
  }

  addSeparator(): MenuImpl {
    this.#call('addSeparator');
    this.#menu.items.push({ type: 'separator' });
    return this;
  }

  addSubMenu(menu: unknown): MenuImpl {
    this.#call('addSubMenu');
    if (!(menu instanceof MenuImpl)) throw signatureError('Menu.addSubMenu', [menu]);
    this.#menu.items.push({ type: 'submenu', menu: MenuImpl.stateOf(menu) });
    return this;
  }

  /** Puts the menu in the spreadsheet's UI: emitted as a 'menu' UiEvent (a snapshot). */
  addToUi(): void {
    this.#call('addToUi');
    this.#rt.emit({ type: 'menu', menu: structuredClone(this.#menu) });
  }
}

class PromptResponseImpl {
  readonly #rt: Runtime;
  readonly #text: string;
  readonly #button: string;

  constructor(rt: Runtime, text: string, button: string) {
    this.#rt = rt;
    this.#text = text;
    this.#button = button;
  }

  toString(): string {
    return 'PromptResponse';
  }

  getResponseText(): string {
    uiCall(this.#rt, 'PromptResponse.getResponseText', 'NONE');
    return this.#text;
  }

  getSelectedButton(): string {
    uiCall(this.#rt, 'PromptResponse.getSelectedButton', 'NONE');
    return this.#button;
  }
}

class UiImpl {
  readonly Button = Button;
  readonly ButtonSet = ButtonSet;
  readonly #rt: Runtime;
  readonly #addonName: string;

  constructor(rt: Runtime, addonName: string) {
    this.#rt = rt;
    this.#addonName = addonName;
  }

  toString(): string {
    return 'Ui';
  }

  /** Menus may be built in AuthMode.NONE (onOpen before the add-on is used in the document). */
  createMenu(caption: unknown): MenuImpl {
    uiCall(this.#rt, 'Ui.createMenu', 'NONE');
    if (typeof caption !== 'string') throw signatureError('Ui.createMenu', [caption]);
    return new MenuImpl(this.#rt, { title: caption, addon: false, items: [] });
  }

  createAddonMenu(): MenuImpl {
    uiCall(this.#rt, 'Ui.createAddonMenu', 'NONE');
    return new MenuImpl(this.#rt, { title: this.#addonName, addon: true, items: [] });
  }

  #output(method: string, args: unknown[]): HtmlOutputImpl {
    const output = args[0];
    if (!(output instanceof HtmlOutputImpl)) throw signatureError(`Ui.${method}`, args);
    return output;
  }

  showSidebar(userInterface: unknown): void {
    uiCall(this.#rt, 'Ui.showSidebar');
    const { title, html } = HtmlOutputImpl.snapshot(this.#output('showSidebar', [userInterface]));
    this.#rt.emit({ type: 'sidebar', title, html, width: SIDEBAR_WIDTH });
  }

  #dialog(method: string, args: unknown[], modal: boolean): void {
    uiCall(this.#rt, `Ui.${method}`);
    const output = this.#output(method, args);
    if (typeof args[1] !== 'string') throw signatureError(`Ui.${method}`, args);
    const { html, width, height } = HtmlOutputImpl.snapshot(output);
    this.#rt.emit({ type: 'dialog', title: args[1], html, width, height, modal });
  }

  showModalDialog(userInterface: unknown, title: unknown): void {
    this.#dialog('showModalDialog', [userInterface, title], true);
  }

  showModelessDialog(userInterface: unknown, title: unknown): void {
    this.#dialog('showModelessDialog', [userInterface, title], false);
  }

  /** alert(prompt), alert(prompt, buttons) or alert(title, prompt, buttons). */
  #dialogArgs(
    method: string,
    args: unknown[],
  ): { title: string; message: string; buttons: ButtonSetName } {
    const [a, b, c] = args;
    if (args.length === 1 && typeof a === 'string') return { title: '', message: a, buttons: 'OK' };
    if (args.length === 2 && typeof a === 'string' && isButtonSet(b))
      return { title: '', message: a, buttons: b };
    if (args.length === 3 && typeof a === 'string' && typeof b === 'string' && isButtonSet(c)) {
      return { title: a, message: b, buttons: c };
    }
    throw signatureError(`Ui.${method}`, args);
  }

  /**
   * The answer queued in rt.alertAnswers, else the set's first button (OK or YES). A queued answer
   * that is not a button of this dialog (CLOSE always is) is a mistake in the test: it throws.
   */
  #answer(buttons: ButtonSetName, queued: string | undefined): string {
    const allowed = [...BUTTONS_OF[buttons], 'CLOSE'];
    const answer = queued ?? allowed[0] ?? 'OK';
    if (!allowed.includes(answer)) {
      throw new Error(
        `Emulator: the queued answer "${answer}" is not a button of a ${buttons} dialog.`,
      );
    }
    return answer;
  }

  alert(...args: unknown[]): string {
    uiCall(this.#rt, 'Ui.alert');
    const { title, message, buttons } = this.#dialogArgs('alert', args);
    const answer = this.#answer(buttons, this.#rt.alertAnswers.shift());
    this.#rt.emit({ type: 'alert', title, message, buttons, answer });
    return answer;
  }

  /**
   * prompt(prompt), prompt(prompt, buttons) or prompt(title, prompt, buttons). A queued answer that
   * names a button selects it with no text; any other queued answer is the text typed, then the
   * first button.
   */
  prompt(...args: unknown[]): PromptResponseImpl {
    uiCall(this.#rt, 'Ui.prompt');
    const { title, message, buttons } = this.#dialogArgs('prompt', args);
    const queued = this.#rt.alertAnswers.shift();
    const isButton = queued !== undefined && queued in Button;
    const button = this.#answer(buttons, isButton ? queued : undefined);
    const text = isButton ? '' : (queued ?? '');
    this.#rt.emit({ type: 'alert', title, message, buttons, answer: button });
    return new PromptResponseImpl(this.#rt, text, button);
  }
}

/** The object SpreadsheetApp.getUi() returns. */
export function createUi(rt: Runtime, addonName: string = DEFAULT_ADDON_NAME): UiImpl {
  return new UiImpl(rt, addonName);
}
