/**
 * The trial page (npm start) in Debian's Chromium, for browser tests: a fresh demo school in a
 * temporary file, and helpers to use the add-on's menu and sidebar as a person would.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { chromium, type Browser, type FrameLocator, type Page } from 'playwright-core';
import { chromiumPath } from '../../scripts/ensure-chromium';
import {
  openTrialServerCount,
  startTrialServer,
  type TrialServer,
} from '../../emulator/server/trial';

export const CHROMIUM = chromiumPath();
export const NOW = new Date('2026-11-23T09:00:00Z');

export interface TrialBrowser {
  trial: TrialServer;
  browser: Browser;
  close(): Promise<void>;
}

export async function startTrialBrowser(executablePath = CHROMIUM): Promise<TrialBrowser> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'trial-test-'));
  const removeDir = (): void => fs.rmSync(dir, { recursive: true, force: true });
  let trial: TrialServer;
  try {
    trial = await startTrialServer({
      port: 0,
      stateFile: path.join(dir, 'workbook.json'),
      now: NOW,
    });
  } catch (err) {
    removeDir();
    throw err;
  }
  let browser: Browser;
  try {
    browser = await chromium.launch({
      executablePath,
      headless: true,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    });
  } catch (err) {
    // A browser that cannot start must not leave the trial server listening: jest would never exit.
    await trial.close();
    removeDir();
    throw err;
  }
  return {
    trial,
    browser,
    async close() {
      try {
        await browser.close();
      } finally {
        await trial.close();
        removeDir();
      }
    },
  };
}

/** Opens the add-on's item whose caption matches, through Extensions > the add-on's submenu. */
export async function clickAddonMenuItem(page: Page, caption: RegExp): Promise<void> {
  await page.getByRole('menuitem', { name: 'Extensions' }).click();
  // Each add-on appears in Extensions as an item that opens its own submenu.
  await page.getByRole('menu').locator('[aria-haspopup="menu"]').first().click();
  await page.getByRole('menuitem', { name: caption }).click();
}

export function sidebarFrame(page: Page): FrameLocator {
  return page.frameLocator('#sidebar-frame');
}

/** Presses a sidebar button the way a keyboard user does: focus it, then Enter. */
export async function pressButton(sidebar: FrameLocator, name: string | RegExp): Promise<void> {
  const button = sidebar.getByRole('button', { name });
  await button.focus();
  await button.press('Enter');
}

/** Runs axe-core in the sidebar frame: the serious and critical violations. */
export async function seriousAxeViolations(page: Page): Promise<unknown[]> {
  const frame = await (await page.$('#sidebar-frame'))?.contentFrame();
  if (!frame) throw new Error('The sidebar frame is not there');
  await frame.addScriptTag({ content: fs.readFileSync(require.resolve('axe-core'), 'utf8') });
  const violations = await frame.evaluate(async () => {
    const axe = (window as unknown as { axe: typeof import('axe-core') }).axe;
    const results = await axe.run(document, { resultTypes: ['violations'] });
    return results.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

export interface TrialSession {
  /** The trial server and browser, shared by the file's tests. */
  readonly run: TrialBrowser;
  /** A fresh page on the trial, for each test. */
  readonly page: Page;
}

/**
 * Registers the hooks every browser test file needs: one trial server and browser per file, a fresh
 * page per test on the demo school's grid, and no page errors allowed.
 */
export function useTrialPage(): TrialSession {
  let run: TrialBrowser | undefined;
  let page: Page | undefined;
  let pageErrors: string[] = [];
  beforeAll(async () => {
    run = await startTrialBrowser();
  }, 60_000);
  afterAll(async () => {
    await run?.close();
    // A server left listening keeps jest from ever exiting: fail here, where it is found.
    expect(openTrialServerCount()).toBe(0);
  });
  beforeEach(async () => {
    if (!run) throw new Error('The trial did not start');
    page = await run.browser.newPage({ viewport: { width: 1400, height: 900 } });
    page.setDefaultTimeout(8000);
    pageErrors = [];
    page.on('pageerror', (err) => pageErrors.push(err.message));
    await page.goto(run.trial.url);
    await page.getByRole('tab', { name: 'Interventions' }).waitFor();
  });
  afterEach(async () => {
    expect(pageErrors).toEqual([]);
    await page?.close();
  });
  return {
    get run() {
      if (!run) throw new Error('The trial did not start');
      return run;
    },
    get page() {
      if (!page) throw new Error('No page: use it inside a test');
      return page;
    },
  };
}
