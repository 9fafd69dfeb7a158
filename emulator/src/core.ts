/**
 * The runtime every emulated service shares: the clock, the acting user, the authorisation mode,
 * the granted OAuth scopes, the service-call counter and injected faults.
 *
 * Every emulated service method starts with `rt.call('Service.Class.method', …)`, which counts the
 * call, refuses it when the script lacks a scope or the auth mode forbids it, and throws an injected
 * fault when one matches. That is what makes call counts and scope failures trustworthy.
 */
import type { EmulatorState } from './state';

export type AuthMode = 'NONE' | 'LIMITED' | 'FULL' | 'CUSTOM_FUNCTION';

/** Scope URLs, written short in the code below. */
export const SCOPE = {
  SPREADSHEETS: 'https://www.googleapis.com/auth/spreadsheets',
  SPREADSHEETS_CURRENTONLY: 'https://www.googleapis.com/auth/spreadsheets.currentonly',
  CONTAINER_UI: 'https://www.googleapis.com/auth/script.container.ui',
  SCRIPTAPP: 'https://www.googleapis.com/auth/script.scriptapp',
  SEND_MAIL: 'https://www.googleapis.com/auth/script.send_mail',
  MAIL_FULL: 'https://mail.google.com/',
  DOCUMENTS: 'https://www.googleapis.com/auth/documents',
  DOCUMENTS_CURRENTONLY: 'https://www.googleapis.com/auth/documents.currentonly',
  DRIVE: 'https://www.googleapis.com/auth/drive',
  DRIVE_FILE: 'https://www.googleapis.com/auth/drive.file',
  DRIVE_READONLY: 'https://www.googleapis.com/auth/drive.readonly',
  USERINFO_EMAIL: 'https://www.googleapis.com/auth/userinfo.email',
  EXTERNAL_REQUEST: 'https://www.googleapis.com/auth/script.external_request',
} as const;

export interface CallOptions {
  /** The call is allowed when the manifest grants any one of these scopes. Empty: no scope needed. */
  scopes?: readonly string[];
  /** Lowest auth mode in which the call may run. Default 'LIMITED' (document data needs at least that). */
  minAuthMode?: AuthMode;
  /** Whether this call is a service round trip that reads or writes data (counted for the benchmark). */
  kind?: 'read' | 'write' | 'other';
}

export interface Fault {
  /**
   * Method name as counted, e.g. 'MailApp.sendEmail' or 'SpreadsheetApp.Range.setValues'; '*' is
   * any service call (so a sweep can break a run at its Nth call, whatever it is).
   */
  method: string;
  /** Throw on the Nth matching call from now (1 = the next one). Default 1. */
  onCall?: number;
  /** How many times it throws once triggered. Default 1; Infinity for "always". */
  times?: number;
  /** The error message thrown, as Apps Script would word it. */
  message: string;
  /**
   * Throw after the call took effect (an email delivered, a value stored) rather than before:
   * what a caller sees when a service times out on its way back. Only calls that change
   * something check these (see Runtime.afterCall).
   */
  after?: boolean;
}

export interface Execution {
  id: string;
  functionName: string;
  kind: 'menu' | 'sidebar' | 'trigger' | 'simple-trigger' | 'api';
  user: string;
  authMode: AuthMode;
  startedAt: Date;
  /** UI events the script produced (sidebars, dialogs, alerts, toasts, menus). */
  uiEvents: UiEvent[];
  /** Locks held by this execution: released when it ends, as in Apps Script. */
  heldLocks: Set<string>;
}

export type UiEvent =
  | { type: 'sidebar'; title: string; html: string; width: number }
  | { type: 'dialog'; title: string; html: string; width: number; height: number; modal: boolean }
  | { type: 'alert'; title: string; message: string; buttons: string; answer: string }
  | { type: 'toast'; title: string; message: string }
  | { type: 'menu'; menu: MenuState };

export interface MenuState {
  title: string;
  addon: boolean;
  items: MenuItemState[];
}

export type MenuItemState =
  | { type: 'item'; caption: string; functionName: string }
  | { type: 'separator' }
  | { type: 'submenu'; menu: MenuState };

/**
 * A person changed cells in the Sheets UI (typed into one, pasted or cleared a block): what Apps
 * Script gives the onEdit simple trigger. `value` and `oldValue` only for a single cell, and only
 * when it holds something (Apps Script leaves them undefined otherwise).
 */
export interface UserEdit {
  sheetId: number;
  row: number;
  column: number;
  numRows: number;
  numColumns: number;
  value?: string;
  oldValue?: string;
}

/**
 * The cells one method moved since the last reset: read (values, formulas, formats or notes
 * fetched), written (values or formulas stored, contents cleared, sorted or pasted) and formatted
 * (number formats, styles, notes, validation rules set or cleared).
 */
export interface CellCounts {
  read: number;
  written: number;
  formatted: number;
}

/** Simple triggers (onOpen, onEdit) may run for at most 30 seconds. */
export const SIMPLE_TRIGGER_LIMIT_MS = 30_000;

export class ScriptError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'Exception';
  }
}

/**
 * The emulated clock. `advance` moves it forward (Utilities.sleep, a lock wait that times out):
 * deterministic, with no real waiting. A clock without it is moved by an offset kept here.
 */
export interface Clock {
  now(): Date;
  advance?(milliseconds: number): void;
}

export class Runtime {
  /** Calls counted per method, e.g. { 'SpreadsheetApp.Range.getValues': 3 }. */
  readonly calls = new Map<string, number>();
  /**
   * Cells moved per method, e.g. { 'SpreadsheetApp.Range.getValues': { read: 30, … } }: real
   * Apps Script time grows with the cells a call carries, not only with the number of calls.
   */
  readonly cells = new Map<string, CellCounts>();
  readonly faults: (Fault & { seen: number; thrown: number })[] = [];
  /** Locks held across executions: lock name ('document' | 'script' | 'user:<email>') -> execution id. */
  readonly locks = new Map<string, string>();
  execution: Execution | undefined;
  private counter = 0;
  /** Time slept on a clock that cannot be advanced itself. */
  private sleptMs = 0;
  /** Answer the emulated user gives to Ui.alert / prompt dialogs: queue, else 'OK'. */
  readonly alertAnswers: string[] = [];
  /** Menus built by the last onOpen. */
  menus: MenuState[] = [];
  /** Runs the script's onEdit simple trigger after a person's edit (set by the Emulator). */
  onUserEdit: ((edit: UserEdit) => void) | undefined;
  /** Daily email recipients allowed per user (consumer account: 100; Workspace: 1500). */
  mailDailyQuota = 100;
  /** Docs that may be created per user per day (consumer: 250). */
  docsDailyQuota = 250;

  constructor(
    public state: EmulatorState,
    public clock: Clock,
    public user: string,
    public scopes: Set<string>,
    /** Folder holding the built files (Code.js, sidebar.html, appsscript.json). */
    public buildDir: string,
    /** True for an editor add-on: add-on trigger limits apply. */
    public isAddon = true,
  ) {}

  now(): Date {
    const now = this.clock.now();
    return this.sleptMs === 0 ? now : new Date(now.getTime() + this.sleptMs);
  }

  /** Moves the emulated clock forward, as time passing while the script waits. */
  advanceClock(milliseconds: number): void {
    if (!(milliseconds > 0)) return;
    if (this.clock.advance) this.clock.advance(milliseconds);
    else this.sleptMs += milliseconds;
    // Time passes here only (sleeps, lock waits): where a simple trigger can run out of it.
    // (Google ends the execution outright; here a script could still catch the error.)
    const execution = this.execution;
    if (
      execution?.kind === 'simple-trigger' &&
      this.now().getTime() - execution.startedAt.getTime() > SIMPLE_TRIGGER_LIMIT_MS
    ) {
      throw new ScriptError('Exceeded maximum execution time');
    }
  }

  get authMode(): AuthMode {
    return this.execution?.authMode ?? 'FULL';
  }

  get timeZone(): string {
    return this.state.spreadsheet.timeZone;
  }

  nextId(prefix: string): string {
    this.counter += 1;
    return `${prefix}${Date.now().toString(36)}${this.counter.toString(36)}${Math.random().toString(36).slice(2, 8)}`;
  }

  /** Counts a service call and enforces scopes, auth mode and injected faults. */
  call(method: string, options: CallOptions = {}): void {
    this.calls.set(method, (this.calls.get(method) ?? 0) + 1);
    const minMode = options.minAuthMode ?? 'LIMITED';
    if (!authModeAllows(this.authMode, minMode)) {
      throw new ScriptError(
        `You do not have permission to call ${method.replace(/\.[A-Z]\w*\./, '.')}` +
          ` in this context (authorisation mode ${this.authMode}).`,
      );
    }
    const scopes = options.scopes ?? [];
    if (scopes.length > 0 && !scopes.some((s) => this.scopes.has(s))) {
      throw new ScriptError(
        `Specified permissions are not sufficient to call ${publicName(method)}. ` +
          `Required permissions: (${scopes.join(' || ')})`,
      );
    }
    this.throwFault(method, false);
  }

  /** A call that changed something has done so: an `after` fault for it throws now. */
  afterCall(method: string): void {
    this.throwFault(method, true);
  }

  private throwFault(method: string, after: boolean): void {
    for (const fault of this.faults) {
      if ((fault.after ?? false) !== after) continue;
      if (fault.method !== method && fault.method !== '*') continue;
      fault.seen += 1;
      const due = fault.seen >= (fault.onCall ?? 1);
      if (due && fault.thrown < (fault.times ?? 1)) {
        fault.thrown += 1;
        throw new ScriptError(fault.message);
      }
    }
  }

  injectFault(fault: Fault): void {
    this.faults.push({ ...fault, seen: 0, thrown: 0 });
  }

  clearFaults(): void {
    this.faults.length = 0;
  }

  countCalls(filter?: (method: string) => boolean): number {
    let total = 0;
    for (const [method, n] of this.calls) if (!filter || filter(method)) total += n;
    return total;
  }

  /** Adds the cells a call moved to its method's counts (the call itself is counted by call()). */
  countCells(method: string, part: keyof CellCounts, n: number): void {
    if (!(n > 0)) return;
    const counts = this.cells.get(method) ?? { read: 0, written: 0, formatted: 0 };
    counts[part] += n;
    this.cells.set(method, counts);
  }

  resetCalls(): void {
    this.calls.clear();
    this.cells.clear();
  }

  emit(event: UiEvent): void {
    this.execution?.uiEvents.push(event);
  }
}

const AUTH_ORDER: AuthMode[] = ['NONE', 'CUSTOM_FUNCTION', 'LIMITED', 'FULL'];

export function authModeAllows(current: AuthMode, required: AuthMode): boolean {
  return AUTH_ORDER.indexOf(current) >= AUTH_ORDER.indexOf(required);
}

/** 'SpreadsheetApp.Range.getValues' -> 'Range.getValues'; 'MailApp.sendEmail' stays. */
export function publicName(method: string): string {
  const parts = method.split('.');
  return parts.length > 2 ? parts.slice(1).join('.') : method;
}
