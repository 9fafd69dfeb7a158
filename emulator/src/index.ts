/**
 * The local Apps Script emulator: loads the built add-on (build/Code.js) with gas-local into a
 * sandbox whose globals are faithful in-memory Apps Script services, and lets tests and the trial
 * page drive it as Google would: open the document, click a menu item, call a sidebar endpoint, fire
 * due triggers at a chosen date. See emulator/README.md for the API.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import gas from 'gas-local';
import {
  Runtime,
  ScriptError,
  type AuthMode,
  type CellCounts,
  type Execution,
  type Fault,
  type MenuState,
  type UiEvent,
  type UserEdit,
} from './core';
import {
  emptyState,
  loadStateFile,
  saveStateFile,
  type CellValue,
  type DocState,
  type EmulatorState,
  type ExecutionRecord,
  type SentEmail,
  type TriggerState,
} from './state';
import {
  createSpreadsheetApp,
  editEventObjects,
  readSheetValues,
  sheetBridge,
  writeSheetRecords,
} from './spreadsheet';
import { createCharts } from './charts';
import { createHtmlService } from './ui';
import {
  createCacheService,
  createLockService,
  createLogger,
  createPropertiesService,
  createSession,
  createUtilities,
  User,
} from './services';
import { advanceTrigger, createScriptApp } from './script';
import { createMailApp } from './mail';
import { createDocumentApp, createDriveApp, renderDocHtml } from './document';

export { SCOPE, ScriptError } from './core';
export type { CellCounts, Fault, MenuState, UiEvent, UserEdit } from './core';
export type { CellValue, DocState, EmulatorState, SentEmail, TriggerState } from './state';
export { renderDocHtml };

export interface EmulatorOptions {
  /** Folder with the built add-on: Code.js, sidebar.html, appsscript.json. Default ./build. */
  buildDir?: string;
  /** Keep the workbook and everything else in this JSON file (created when missing). */
  stateFile?: string;
  /** Start from this state instead of a file or an empty workbook. */
  state?: EmulatorState;
  /** The emulated date and time ("today"). Default: the state's saved date, else the real clock. */
  now?: Date;
  /** The acting user's email. Default senco@school.example. */
  user?: string;
  /** Override the scopes granted (default: appsscript.json's oauthScopes). */
  scopes?: string[];
}

export interface RunResult<T = unknown> {
  value: T;
  uiEvents: UiEvent[];
}

export interface RunOptions {
  user?: string;
  authMode?: AuthMode;
  kind?: Execution['kind'];
  /** Arguments pass through JSON, as google.script.run serialises them (Dates are refused). */
  serializeArgs?: boolean;
}

type ScriptGlobals = Record<string, unknown>;

export class Emulator {
  readonly rt: Runtime;
  private readonly buildDir: string;
  private readonly stateFile: string | undefined;
  /** While above 0, executions leave the state file alone (see batch). */
  private savesHeld = 0;
  private fixedNow: Date;

  constructor(options: EmulatorOptions = {}) {
    const buildDir = path.resolve(options.buildDir ?? 'build');
    this.stateFile = options.stateFile;
    const manifest = JSON.parse(
      fs.readFileSync(path.join(buildDir, 'appsscript.json'), 'utf8'),
    ) as {
      timeZone?: string;
      oauthScopes?: string[];
    };
    this.buildDir = buildDir;
    // Apps Script runs the script in the manifest's time zone; so does Node's Date here.
    if (manifest.timeZone) process.env.TZ = manifest.timeZone;
    const state =
      options.state ??
      (this.stateFile ? loadStateFile(this.stateFile) : undefined) ??
      emptyState({ timeZone: manifest.timeZone });
    state.spreadsheet.timeZone = manifest.timeZone ?? state.spreadsheet.timeZone;
    this.fixedNow = options.now ?? state.now ?? new Date();
    state.now = this.fixedNow;
    const scopes = new Set(options.scopes ?? manifest.oauthScopes ?? []);
    this.rt = new Runtime(
      state,
      {
        now: () => new Date(this.fixedNow.getTime()),
        // Utilities.sleep and lock waits move the clock; the state is saved when the run ends.
        advance: (ms: number) => {
          this.fixedNow = new Date(this.fixedNow.getTime() + ms);
          this.rt.state.now = this.fixedNow;
        },
      },
      options.user ?? 'senco@school.example',
      scopes,
      buildDir,
    );
    this.rt.onUserEdit = (edit) => this.fireOnEdit(edit);
  }

  /**
   * Loads build/Code.js into a fresh sandbox. Apps Script starts every execution from a fresh
   * global scope, so each run gets its own: nothing a run leaves in a global survives it.
   */
  private load(): ScriptGlobals {
    return gas.require(this.buildDir, this.globals(), {
      filter: (file: string) => path.basename(file) === 'Code.js',
    }) as ScriptGlobals;
  }

  /** The Apps Script globals the built script sees. */
  private globals(): ScriptGlobals {
    const rt = this.rt;
    const HostDate = Date;
    // `new Date()` and Date.now() inside the script read the emulated clock.
    class ScriptDate extends HostDate {
      constructor(...args: unknown[]) {
        if (args.length === 0) super(rt.now().getTime());
        else super(...(args as [string | number | Date]));
      }
      static override now(): number {
        return rt.now().getTime();
      }
      static override [Symbol.hasInstance](value: unknown): boolean {
        return value instanceof HostDate;
      }
    }
    return {
      Date: ScriptDate,
      console,
      Logger: createLogger(rt),
      SpreadsheetApp: createSpreadsheetApp(rt),
      Charts: createCharts(rt, sheetBridge),
      HtmlService: createHtmlService(rt),
      PropertiesService: createPropertiesService(rt),
      LockService: createLockService(rt),
      CacheService: createCacheService(rt),
      Session: createSession(rt),
      Utilities: createUtilities(rt),
      ScriptApp: createScriptApp(rt),
      MailApp: createMailApp(rt),
      DocumentApp: createDocumentApp(rt),
      DriveApp: createDriveApp(rt),
    };
  }

  // ---- time and users -------------------------------------------------------------------------

  get now(): Date {
    return new Date(this.fixedNow.getTime());
  }

  setNow(date: Date): void {
    this.fixedNow = new Date(date.getTime());
    this.rt.state.now = this.fixedNow;
    this.save();
  }

  get user(): string {
    return this.rt.user;
  }

  setUser(email: string): void {
    this.rt.user = email;
  }

  get state(): EmulatorState {
    return this.rt.state;
  }

  // ---- running the script ---------------------------------------------------------------------

  /** Whether the built script defines this global function (an Apps Script entry point). */
  hasFunction(name: string): boolean {
    return typeof this.load()[name] === 'function';
  }

  /** Names of every global function the built script declares. */
  functionNames(): string[] {
    const script = this.load();
    return Object.keys(script).filter((k) => typeof script[k] === 'function');
  }

  /** Runs a global function of the built script as one Apps Script execution. */
  run<T = unknown>(
    functionName: string,
    args: unknown[] = [],
    options: RunOptions = {},
  ): RunResult<T> {
    const fn = this.load()[functionName];
    if (typeof fn !== 'function') {
      throw new ScriptError(`Script function not found: ${functionName}`);
    }
    const user = options.user ?? this.rt.user;
    const callArgs = options.serializeArgs ? serializeForScriptRun(args) : args;
    const execution: Execution = {
      id: this.rt.nextId('exec-'),
      functionName,
      kind: options.kind ?? 'api',
      user,
      authMode: options.authMode ?? 'FULL',
      startedAt: this.now,
      uiEvents: [],
      heldLocks: new Set(),
    };
    const previousUser = this.rt.user;
    const previousExecution = this.rt.execution;
    this.rt.user = user;
    this.rt.execution = execution;
    let status: ExecutionRecord['status'] = 'completed';
    let error: string | undefined;
    try {
      const value = (fn as (...a: unknown[]) => unknown)(...callArgs) as T;
      const result = options.serializeArgs ? (serializeForScriptRun([value])[0] as T) : value;
      return { value: result, uiEvents: execution.uiEvents };
    } catch (err) {
      status = 'failed';
      error = err instanceof Error ? err.message : String(err);
      if (err && typeof err === 'object') {
        (err as { uiEvents?: UiEvent[] }).uiEvents = execution.uiEvents;
      }
      throw err;
    } finally {
      for (const lock of execution.heldLocks) this.rt.locks.delete(lock);
      this.rt.execution = previousExecution;
      this.rt.user = previousUser;
      this.rt.state.executions.push({
        id: execution.id,
        functionName,
        kind: execution.kind,
        user,
        startedAt: execution.startedAt,
        endedAt: this.now,
        status,
        error,
      });
      if (this.rt.state.executions.length > 200) this.rt.state.executions.splice(0, 100);
      if (execution.kind === 'menu' && !this.rt.state.addonUsedBy.includes(user)) {
        this.rt.state.addonUsedBy.push(user);
      }
      this.save();
    }
  }

  /** A user opens the document: runs the onOpen simple trigger in the auth mode Google would use. */
  open(user = this.rt.user): MenuState[] {
    const authMode: AuthMode = this.rt.state.addonUsedBy.includes(user) ? 'LIMITED' : 'NONE';
    this.rt.menus = [];
    const { uiEvents } = this.run('onOpen', [{ authMode, source: undefined, user: undefined }], {
      user,
      authMode,
      kind: 'simple-trigger',
    });
    this.rt.menus = uiEvents.flatMap((e) => (e.type === 'menu' ? [e.menu] : []));
    return this.rt.menus;
  }

  /**
   * A person edited cells in the Sheets UI: the onEdit simple trigger runs as them, in
   * AuthMode.LIMITED, for at most 30 seconds, once the add-on is enabled in this document (used
   * here by anyone). Its event has no triggerUid (installable triggers only). Like Apps Script,
   * an error it throws is only logged (in executions()): the edit stands.
   */
  private fireOnEdit(edit: UserEdit): void {
    if (this.rt.isAddon && this.rt.state.addonUsedBy.length === 0) return;
    if (this.rt.execution) return; // a script's own writes never fire simple triggers
    if (!this.hasFunction('onEdit')) return;
    const user = this.rt.user;
    const { range, source } = editEventObjects(this.rt, edit);
    const event: Record<string, unknown> = {
      authMode: 'LIMITED',
      range,
      source,
      user: new User(this.rt, user),
    };
    if (edit.value !== undefined) event.value = edit.value;
    if (edit.oldValue !== undefined) event.oldValue = edit.oldValue;
    try {
      this.run('onEdit', [event], { user, authMode: 'LIMITED', kind: 'simple-trigger' });
    } catch {
      // Recorded as a failed execution; the person's edit is not undone.
    }
  }

  /** A user installs the add-on from the Marketplace: onInstall runs in FULL mode. */
  install(user = this.rt.user): MenuState[] {
    this.rt.menus = [];
    const { uiEvents } = this.run('onInstall', [{ authMode: 'FULL' }], {
      user,
      authMode: 'FULL',
      kind: 'simple-trigger',
    });
    if (!this.rt.state.addonUsedBy.includes(user)) this.rt.state.addonUsedBy.push(user);
    this.rt.menus = uiEvents.flatMap((e) => (e.type === 'menu' ? [e.menu] : []));
    this.save();
    return this.rt.menus;
  }

  /** A user clicks an item of the add-on menu. */
  menu(functionName: string, user = this.rt.user): RunResult {
    return this.run(functionName, [], { user, kind: 'menu' });
  }

  /** The sidebar calls a server function through google.script.run. */
  scriptRun<T = unknown>(
    functionName: string,
    args: unknown[] = [],
    user = this.rt.user,
  ): RunResult<T> {
    if (functionName.endsWith('_')) {
      throw new ScriptError(`Script function not found: ${functionName}`);
    }
    return this.run<T>(functionName, args, { user, kind: 'sidebar', serializeArgs: true });
  }

  /** Fires every time-driven trigger due at `at` (default now), each as its owner. */
  fireDueTriggers(at?: Date): { trigger: TriggerState; ok: boolean; error?: string }[] {
    if (at) this.setNow(at);
    const now = this.now;
    const results: { trigger: TriggerState; ok: boolean; error?: string }[] = [];
    for (const trigger of [...this.rt.state.triggers]) {
      if (trigger.eventType !== 'CLOCK' || !trigger.nextRun || trigger.nextRun > now) continue;
      if (!this.rt.state.triggers.includes(trigger)) continue; // removed by an earlier handler
      const event = {
        authMode: 'FULL',
        triggerUid: trigger.id,
        year: now.getFullYear(),
        month: now.getMonth() + 1,
        'day-of-month': now.getDate(),
        hour: now.getHours(),
        minute: now.getMinutes(),
        second: now.getSeconds(),
        timezone: this.rt.timeZone,
      };
      trigger.lastRun = now;
      advanceTrigger(trigger, now, this.rt.timeZone);
      try {
        this.run(trigger.handler, [event], { user: trigger.owner, kind: 'trigger' });
        results.push({ trigger, ok: true });
      } catch (err) {
        // Add-on triggers that fail send nobody an email: the failure is only in the log.
        results.push({
          trigger,
          ok: false,
          error: err instanceof Error ? err.message : String(err),
        });
      }
    }
    this.save();
    return results;
  }

  // ---- looking inside -------------------------------------------------------------------------

  tabNames(): string[] {
    return this.rt.state.spreadsheet.sheets.map((s) => s.name);
  }

  /** A tab's values as getDataRange().getValues() would return them (no service call counted). */
  values(tab: string): CellValue[][] {
    return readSheetValues(this.rt.state, tab);
  }

  /** A tab's rows as objects keyed by the header row. */
  records(tab: string): Record<string, CellValue>[] {
    const [header, ...rows] = this.values(tab);
    if (!header) return [];
    return rows.map((row) => Object.fromEntries(header.map((h, i) => [String(h), row[i] ?? ''])));
  }

  /** Appends rows to a tab by header name, as a person typing into the sheet would (not counted). */
  appendRecords(tab: string, records: Record<string, CellValue>[]): void {
    writeSheetRecords(this.rt.state, tab, records);
    this.save();
  }

  outbox(): SentEmail[] {
    return this.rt.state.outbox;
  }

  documents(): DocState[] {
    return this.rt.state.documents;
  }

  triggers(): TriggerState[] {
    return this.rt.state.triggers;
  }

  executions(): ExecutionRecord[] {
    return this.rt.state.executions;
  }

  /** Service calls counted per method since the last reset. */
  calls(): Record<string, number> {
    return Object.fromEntries(this.rt.calls);
  }

  /**
   * Cells read, written and formatted per method since the last reset, beside calls(): e.g.
   * getRange(1, 1, 10, 3).getValues() adds 30 cells read to 'SpreadsheetApp.Range.getValues'.
   */
  cells(): Record<string, CellCounts> {
    return Object.fromEntries([...this.rt.cells].map(([method, n]) => [method, { ...n }]));
  }

  callCount(method: string): number {
    return this.rt.calls.get(method) ?? 0;
  }

  /** Starts the call and cell counts again from zero. */
  resetCalls(): void {
    this.rt.resetCalls();
  }

  injectFault(fault: Fault): void {
    this.rt.injectFault(fault);
  }

  clearFaults(): void {
    this.rt.clearFaults();
  }

  /** Queue the answers the emulated user gives to the next Ui.alert dialogs ('OK', 'YES', 'NO', 'CANCEL'). */
  answerAlerts(...answers: string[]): void {
    this.rt.alertAnswers.push(...answers);
  }

  /** Hold a lock as if another execution had it (to test lock timeouts). */
  holdLock(name: 'document' | 'script' = 'document'): () => void {
    const holder = this.rt.nextId('other-exec-');
    this.rt.locks.set(name, holder);
    return () => {
      if (this.rt.locks.get(name) === holder) this.rt.locks.delete(name);
    };
  }

  save(): void {
    if (this.stateFile && this.savesHeld === 0) saveStateFile(this.stateFile, this.rt.state);
  }

  /**
   * Runs many steps (seeding the demo school) with the state file written once at the end instead
   * of after every execution: the workbook is the same, without hundreds of rewrites of the file.
   */
  batch<T>(work: () => T): T {
    this.savesHeld += 1;
    try {
      return work();
    } finally {
      this.savesHeld -= 1;
      this.save();
    }
  }
}

/**
 * google.script.run passes parameters and return values as JSON-like data: Dates, functions and
 * class instances are not allowed (Apps Script refuses Dates as parameters; return values that hold
 * them arrive as null). Round-tripping through JSON catches code that relies on anything else.
 */
function serializeForScriptRun(values: unknown[]): unknown[] {
  return values.map((value) => {
    if (value === undefined) return undefined;
    const json = JSON.stringify(value, function (this: Record<string, unknown>, key, v: unknown) {
      return this[key] instanceof Date ? null : v;
    });
    return json === undefined ? undefined : (JSON.parse(json) as unknown);
  });
}

export function createEmulator(options: EmulatorOptions = {}): Emulator {
  return new Emulator(options);
}
