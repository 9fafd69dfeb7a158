/**
 * The offline trial: a small local web server that shows the add-on as it looks in Google Sheets
 * (menu, sidebar, the workbook's tabs) around the emulator, plus an "emulator" drawer to move the
 * clock, fire the daily trigger, read sent emails and generated Docs.
 *
 * It listens on 127.0.0.1 only (a school may try it with real pupil data), refuses requests whose
 * Host is not 127.0.0.1 or localhost (DNS rebinding) and POSTs that are not JSON (cross-site forms).
 */
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as path from 'node:path';
import type { AddressInfo } from 'node:net';
import { z } from 'zod';
import { Emulator, renderDocHtml, type MenuState, type UiEvent } from '../src/index';
import {
  editCellAsUser,
  insertRowAsUser,
  moveColumnAsUser,
  sortSheetRowsAsUser,
} from '../src/spreadsheet';
import { seedDemoSchool } from './demo';
import { mergeMenus, pageEvents, type PageEvent } from './html-events';
import { isIsoDay, zonedTime } from './time';
import { stateView, type CallsView, type StateView } from './view';

export interface TrialServerOptions {
  /** Port to listen on; 0 picks any free port. Default 8080. */
  port?: number;
  /** When the port is busy, try this many following ports too. Default 0. */
  portRetries?: number;
  /** Where the workbook is kept between runs (created when missing). */
  stateFile?: string;
  /** Folder with the built add-on. Default ./build. */
  buildDir?: string;
  /** The emulated date and time to start from. Default: the saved one, else the real clock. */
  now?: Date;
  /** Seed the demo school into a workbook that has not been set up. Default true. */
  seedDemo?: boolean;
}

export interface TrialServer {
  url: string;
  emulator: Emulator;
  close(): Promise<void>;
}

/** The tab that exists once "Set up provision map" has run. */
const SET_UP_TAB = 'Interventions';
/** The clock control sets a day; the emulated time of day is the start of the school day. */
const SCHOOL_DAY_STARTS = { hour: 9, minute: 0 };
const MAX_BODY_BYTES = 1024 * 1024;
const PAGE_DIR = path.join(__dirname, 'page');
const STATIC_FILES: Record<string, { file: string; type: string }> = {
  '/': { file: 'index.html', type: 'text/html; charset=utf-8' },
  '/index.html': { file: 'index.html', type: 'text/html; charset=utf-8' },
  '/page.js': { file: 'page.js', type: 'text/javascript; charset=utf-8' },
  '/page.css': { file: 'page.css', type: 'text/css; charset=utf-8' },
};

/**
 * The page's Content Security Policy. HtmlService pages are shown in sandboxed srcdoc iframes,
 * which inherit this policy, so inline scripts must be allowed for them; nothing may be loaded
 * from or sent to anywhere but this server.
 */
const PAGE_CSP = [
  "default-src 'self'",
  "script-src 'self' 'unsafe-inline'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "frame-src 'self' about: blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');
/** Generated Docs are shown as static pages: no script, nothing fetched from elsewhere. */
const DOC_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'self'";

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

const menuBody = z.object({ functionName: z.string().min(1) });
const runBody = z.object({ fn: z.string().min(1), args: z.array(z.unknown()).default([]) });
const clockBody = z.object({
  date: z.string().refine(isIsoDay, 'date must be a real yyyy-mm-dd date'),
});
const fireBody = z.object({
  date: z.string().refine(isIsoDay, 'date must be a real yyyy-mm-dd date').optional(),
});
const cellBody = z.object({
  tab: z.string().min(1),
  row: z.number().int().min(1),
  column: z.number().int().min(1),
  text: z.string().max(50000),
});
/** What a user can do to a tab by hand in Sheets: the add-on must survive all of it. */
const sheetBody = z.discriminatedUnion('action', [
  z.object({
    tab: z.string().min(1),
    action: z.literal('sort'),
    column: z.number().int().min(1),
    ascending: z.boolean(),
  }),
  z.object({
    tab: z.string().min(1),
    action: z.literal('insertRow'),
    beforeRow: z.number().int().min(1),
  }),
  z.object({
    tab: z.string().min(1),
    action: z.literal('moveColumn'),
    fromColumn: z.number().int().min(1),
    toColumn: z.number().int().min(1),
  }),
]);
/** Endpoints where a refusal is the user's input being rejected (400), not the script failing (500). */
const USER_INPUT_ENDPOINTS = new Set(['/api/cell', '/api/sheet']);

/** The outcome of one action as the page receives it. */
interface ActionReply {
  ok: boolean;
  value?: unknown;
  error?: string;
  events: PageEvent[];
  state: StateView;
}

/** Trial servers started and not yet closed in this process: tests check none is left behind. */
const liveServers = new Set<http.Server>();

export function openTrialServerCount(): number {
  return liveServers.size;
}

export async function startTrialServer(options: TrialServerOptions = {}): Promise<TrialServer> {
  const emulator = new Emulator({
    buildDir: options.buildDir,
    stateFile: options.stateFile,
    now: options.now,
  });
  if (!emulator.tabNames().includes(SET_UP_TAB) && options.seedDemo !== false) {
    try {
      emulator.batch(() => seedDemoSchool(emulator));
    } catch (err) {
      // Half a demo school would be kept and never seeded again: start afresh next time.
      if (options.stateFile) fs.rmSync(options.stateFile, { force: true });
      const message = err instanceof Error ? err.message : String(err);
      throw new Error(`Setting up the demo school failed: ${message}`, { cause: err });
    }
  }
  emulator.open();
  const trial = new TrialApp(emulator);
  const server = http.createServer((req, res) => {
    trial.handle(req, res).catch((err: unknown) => {
      sendJson(res, 500, { error: err instanceof Error ? err.message : String(err) });
    });
  });
  const port = await listen(server, options.port ?? 8080, options.portRetries ?? 0);
  trial.port = port;
  liveServers.add(server);
  return {
    url: `http://127.0.0.1:${port}/`,
    emulator,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => {
          liveServers.delete(server);
          if (err) reject(err);
          else resolve();
        });
        // Browsers keep connections alive: without this, close() waits for them to time out.
        server.closeAllConnections();
      }),
  };
}

/** Listens on 127.0.0.1 only; when the port is taken, tries the next ones. */
async function listen(server: http.Server, port: number, retries: number): Promise<number> {
  for (let attempt = 0; ; attempt += 1) {
    const candidate = port === 0 ? 0 : port + attempt;
    try {
      await new Promise<void>((resolve, reject) => {
        const onError = (err: Error): void => {
          server.off('listening', onListening);
          reject(err);
        };
        const onListening = (): void => {
          server.off('error', onError);
          resolve();
        };
        server.once('error', onError);
        server.once('listening', onListening);
        server.listen(candidate, '127.0.0.1');
      });
      return (server.address() as AddressInfo).port;
    } catch (err) {
      const busy = (err as NodeJS.ErrnoException).code === 'EADDRINUSE';
      if (!busy || port === 0 || attempt >= retries) throw err;
    }
  }
}

class TrialApp {
  port = 0;
  private lastCalls: CallsView | null = null;

  constructor(private readonly emulator: Emulator) {}

  async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    try {
      this.checkHost(req);
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      if (req.method === 'GET' || req.method === 'HEAD') {
        this.get(url.pathname, res);
      } else if (req.method === 'POST') {
        this.checkPost(req);
        const body = await readJson(req);
        const reply = this.post(url.pathname, body);
        // A refused action still carries what the script showed before failing, and the new state.
        const failed = 'ok' in reply && !reply.ok;
        sendJson(res, failed ? (USER_INPUT_ENDPOINTS.has(url.pathname) ? 400 : 500) : 200, reply);
      } else {
        throw new HttpError(405, `Method ${req.method ?? ''} not allowed`);
      }
    } catch (err) {
      if (err instanceof HttpError) sendJson(res, err.status, { error: err.message });
      else throw err;
    }
  }

  /**
   * DNS-rebinding guard: a page on another site that resolves its name to 127.0.0.1 is refused,
   * and so is a Host naming another port (another local service's page proxied here).
   */
  private checkHost(req: http.IncomingMessage): void {
    const host = (req.headers.host ?? '').toLowerCase();
    const allowed = [`127.0.0.1:${this.port}`, `localhost:${this.port}`];
    // Browsers leave the default port out of Host.
    if (this.port === 80) allowed.push('127.0.0.1', 'localhost');
    if (!allowed.includes(host)) {
      throw new HttpError(
        403,
        `This trial server only answers to 127.0.0.1:${this.port} or localhost:${this.port}.`,
      );
    }
  }

  /** Only the page itself may post: JSON bodies (no cross-site form posts), same origin if stated. */
  private checkPost(req: http.IncomingMessage): void {
    const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
    if (type !== 'application/json') {
      throw new HttpError(415, 'Send JSON (Content-Type: application/json).');
    }
    const origin = req.headers.origin;
    if (origin !== undefined) {
      const allowed = [`http://127.0.0.1:${this.port}`, `http://localhost:${this.port}`];
      if (!allowed.includes(origin)) throw new HttpError(403, 'Cross-origin requests are refused.');
    }
  }

  private get(pathname: string, res: http.ServerResponse): void {
    const file = STATIC_FILES[pathname];
    if (file) {
      const body = fs.readFileSync(path.join(PAGE_DIR, file.file));
      send(
        res,
        200,
        file.type,
        body,
        pathname.endsWith('.html') || pathname === '/' ? PAGE_CSP : undefined,
      );
      return;
    }
    if (pathname === '/api/state') {
      sendJson(res, 200, this.view());
      return;
    }
    const email = /^\/api\/outbox\/([^/]+)$/.exec(pathname);
    if (email) {
      const id = decodeURIComponent(email[1] ?? '');
      const message = this.emulator.outbox().find((m) => m.id === id);
      if (!message) throw new HttpError(404, 'No such email in the outbox.');
      sendJson(res, 200, message);
      return;
    }
    const doc = /^\/docs\/([^/]+)$/.exec(pathname);
    if (doc) {
      const id = decodeURIComponent(doc[1] ?? '');
      const found = this.emulator.documents().find((d) => d.id === id);
      if (!found) throw new HttpError(404, 'No such document.');
      send(res, 200, 'text/html; charset=utf-8', renderDocHtml(found), DOC_CSP);
      return;
    }
    if (pathname === '/favicon.ico') {
      res.writeHead(204).end();
      return;
    }
    throw new HttpError(404, 'Not found.');
  }

  private post(pathname: string, body: unknown): ActionReply | StateView {
    switch (pathname) {
      case '/api/menu': {
        const { functionName } = parse(menuBody, body);
        const item = findMenuItem(this.emulator.rt.menus, functionName);
        if (!item) throw new HttpError(400, `"${functionName}" is not an item of the add-on menu.`);
        return this.action(`Menu: ${item}`, () => this.emulator.menu(functionName));
      }
      case '/api/run': {
        const { fn, args } = parse(runBody, body);
        return this.action(`google.script.run.${fn}`, () => this.emulator.scriptRun(fn, args));
      }
      case '/api/open':
        return this.action('Open the document (onOpen)', () => {
          this.emulator.open();
          return { value: undefined, uiEvents: [] };
        });
      case '/api/clock': {
        const { date } = parse(clockBody, body);
        this.emulator.setNow(this.schoolDay(date));
        return this.view();
      }
      case '/api/fire': {
        const { date } = parse(fireBody, body);
        let fired: { handler: string; ok: boolean; error?: string }[] = [];
        const reply = this.action('Fire due triggers', () => {
          const results = this.emulator.fireDueTriggers(date ? this.schoolDay(date) : undefined);
          fired = results.map((r) => ({
            handler: r.trigger.handler,
            ok: r.ok,
            ...(r.error === undefined ? {} : { error: r.error }),
          }));
          return { value: fired, uiEvents: [] };
        });
        return { ...reply, value: fired };
      }
      case '/api/cell': {
        const { tab, row, column, text } = parse(cellBody, body);
        return this.action(`Edit ${tab}!${columnLetter(column)}${row}`, () => {
          editCellAsUser(this.emulator.rt, tab, row, column, text);
          this.emulator.save();
          return { value: undefined, uiEvents: [] };
        });
      }
      case '/api/sheet': {
        const change = parse(sheetBody, body);
        const state = this.emulator.state;
        const { label, apply } =
          change.action === 'sort'
            ? {
                label: `Sort ${change.tab} by column ${columnLetter(change.column)}`,
                apply: () =>
                  sortSheetRowsAsUser(state, change.tab, change.column, change.ascending),
              }
            : change.action === 'insertRow'
              ? {
                  label: `Insert a row in ${change.tab}`,
                  apply: () => insertRowAsUser(state, change.tab, change.beforeRow),
                }
              : {
                  label: `Move column ${columnLetter(change.fromColumn)} of ${change.tab}`,
                  apply: () =>
                    moveColumnAsUser(state, change.tab, change.fromColumn, change.toColumn),
                };
        return this.action(label, () => {
          apply();
          this.emulator.save();
          return { value: undefined, uiEvents: [] };
        });
      }
      default:
        throw new HttpError(404, 'Not found.');
    }
  }

  /** Runs one action with the call counter reset, so the drawer shows what this action cost. */
  private action(label: string, run: () => { value: unknown; uiEvents: UiEvent[] }): ActionReply {
    this.emulator.resetCalls();
    let reply: Omit<ActionReply, 'state'>;
    try {
      const { value, uiEvents } = run();
      this.applyMenus(uiEvents);
      reply = { ok: true, value, events: pageEvents(uiEvents) };
    } catch (err) {
      const uiEvents = (err as { uiEvents?: UiEvent[] } | null)?.uiEvents ?? [];
      this.applyMenus(uiEvents);
      const error = err instanceof Error ? err.message : String(err);
      reply = { ok: false, error, events: pageEvents(uiEvents) };
    }
    const calls = Object.entries(this.emulator.calls()).sort(
      (a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1),
    );
    this.lastCalls = {
      label,
      ok: reply.ok,
      at: this.emulator.now.toISOString(),
      total: calls.reduce((sum, [, n]) => sum + n, 0),
      calls,
    };
    return { ...reply, state: this.view() };
  }

  private applyMenus(events: readonly UiEvent[]): void {
    if (events.some((e) => e.type === 'menu')) {
      this.emulator.rt.menus = mergeMenus(this.emulator.rt.menus, events);
    }
  }

  private schoolDay(date: string): Date {
    const timeZone = this.emulator.state.spreadsheet.timeZone;
    return zonedTime(date, SCHOOL_DAY_STARTS.hour, SCHOOL_DAY_STARTS.minute, timeZone);
  }

  private view(): StateView {
    return stateView(this.emulator, this.lastCalls);
  }
}

/** The caption of the menu item that calls this function, searching submenus too. */
function findMenuItem(menus: readonly MenuState[], functionName: string): string | undefined {
  for (const menu of menus) {
    for (const item of menu.items) {
      if (item.type === 'item' && item.functionName === functionName) return item.caption;
      if (item.type === 'submenu') {
        const found = findMenuItem([item.menu], functionName);
        if (found) return found;
      }
    }
  }
  return undefined;
}

export function columnLetter(column: number): string {
  let n = column;
  let letters = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

function parse<T>(schema: z.ZodType<T>, body: unknown): T {
  const result = schema.safeParse(body);
  if (!result.success) {
    const issue = result.error.issues[0];
    const where = issue && issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
    throw new HttpError(400, `Bad request: ${where}${issue?.message ?? 'invalid body'}`);
  }
  return result.data;
}

async function readJson(req: http.IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > MAX_BODY_BYTES) throw new HttpError(413, 'Request body too large.');
    chunks.push(buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.trim() === '') return {};
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new HttpError(400, 'Bad request: the body is not valid JSON.');
  }
}

function send(
  res: http.ServerResponse,
  status: number,
  type: string,
  body: string | Buffer,
  csp?: string,
): void {
  const headers: http.OutgoingHttpHeaders = {
    'Content-Type': type,
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Resource-Policy': 'same-origin',
  };
  if (csp) headers['Content-Security-Policy'] = csp;
  res.writeHead(status, headers);
  res.end(body);
}

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  if (res.headersSent) {
    res.end();
    return;
  }
  send(res, status, 'application/json; charset=utf-8', JSON.stringify(body));
}
