/**
 * The trial page end to end in a real browser: the demo school's workbook, the add-on menu, the real
 * sidebar (build/sidebar.html) with google.script.run bridged to the emulator, and what it writes.
 * Needs build/ (the test command runs `npm run build` first) and Debian's Chromium.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { chromium, type Browser, type FrameLocator, type Page } from 'playwright-core';
import { startTrialServer, type TrialServer } from '../../emulator/server/trial';
import { INTERVENTION_LABELS } from '../../src/domain/intervention';

const NOW = new Date('2026-11-23T09:00:00Z');
const CHROMIUM = '/usr/bin/chromium';

let dir: string;
let trial: TrialServer;
let browser: Browser;
let page: Page;
let pageErrors: string[];

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'trial-test-'));
  trial = await startTrialServer({ port: 0, stateFile: path.join(dir, 'workbook.json'), now: NOW });
  browser = await chromium.launch({
    executablePath: CHROMIUM,
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
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await trial?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

beforeEach(async () => {
  page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  pageErrors = [];
  page.on('pageerror', (err) => pageErrors.push(err.message));
  await page.goto(trial.url);
  await page.getByRole('tab', { name: 'Interventions' }).waitFor();
});

afterEach(async () => {
  await page?.close();
});

/** Opens the add-on's item whose caption matches, through Extensions > the add-on's submenu. */
async function clickAddonMenuItem(caption: RegExp): Promise<void> {
  await page.getByRole('menuitem', { name: 'Extensions' }).click();
  const extensions = page.getByRole('menu');
  // Each add-on appears in Extensions as an item that opens its own submenu.
  await extensions.locator('[aria-haspopup="menu"]').first().click();
  await page.getByRole('menuitem', { name: caption }).click();
}

async function openInterventionForm(): Promise<FrameLocator> {
  await clickAddonMenuItem(/New intervention/);
  const sidebar = page.frameLocator('#sidebar-frame');
  await sidebar.getByLabel(INTERVENTION_LABELS.name).waitFor();
  return sidebar;
}

/** The Interventions rows as the grid shows them (the Name column's cells, header excluded). */
async function gridInterventionNames(): Promise<string[]> {
  await page.getByRole('tab', { name: 'Interventions' }).click();
  return page.evaluate(() => {
    const table = document.getElementById('grid') as HTMLTableElement;
    const header = Array.from(table.tBodies[0]?.rows[0]?.cells ?? []).map((c) => c.textContent);
    const nameColumn = header.indexOf('Name');
    return Array.from(table.tBodies[0]?.rows ?? [])
      .slice(1)
      .map((row) => row.cells[nameColumn]?.textContent ?? '')
      .filter((name) => name !== '');
  });
}

/** Saves the way a keyboard-only user does: focus the Save button and press Enter. */
async function pressSave(sidebar: FrameLocator): Promise<void> {
  const save = sidebar.getByRole('button', { name: 'Save' });
  await save.focus();
  await save.press('Enter');
}

async function fillRequiredFields(
  sidebar: FrameLocator,
  values: { name: string; minutes: string },
): Promise<void> {
  const field = (key: keyof typeof INTERVENTION_LABELS) =>
    sidebar.getByLabel(INTERVENTION_LABELS[key]);
  await field('name').fill(values.name);
  await field('delivery').selectOption('Group');
  await field('lead').selectOption('Jodie Brackett');
  await field('startDate').fill('2026-11-30');
  await field('lengthWeeks').fill('12');
  await field('sessionsPerWeek').fill('3');
  await field('minutesPerSession').fill(values.minutes);
  await field('expectedOutcome').fill('Holds a pencil with a tripod grip; writes her name legibly');
}

test('shows the demo school and saves a new intervention from the real sidebar', async () => {
  // The demo school's tabs are there, with its data.
  const tabs = await page.getByRole('tab').allTextContents();
  expect(tabs).toEqual(expect.arrayContaining(['Interventions', 'Pupils', 'Staff', 'Settings']));
  await page.getByRole('tab', { name: 'Pupils' }).click();
  await page.locator('#grid td', { hasText: 'PUP-0040' }).waitFor();
  const before = await gridInterventionNames();
  expect(before.length).toBe(trial.emulator.records('Interventions').length);
  expect(before.length).toBeGreaterThanOrEqual(8);

  const sidebar = await openInterventionForm();

  // Accessibility of the real form, inside its sandboxed frame.
  const frame = await (await page.$('#sidebar-frame'))?.contentFrame();
  if (!frame) throw new Error('The sidebar frame is not there');
  await frame.addScriptTag({ content: fs.readFileSync(require.resolve('axe-core'), 'utf8') });
  const violations = await frame.evaluate(async () => {
    const axe = (window as unknown as { axe: typeof import('axe-core') }).axe;
    const results = await axe.run(document, { resultTypes: ['violations'] });
    return results.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.map((n) => n.target.join(' ')),
    }));
  });
  const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious).toEqual([]);

  const name = 'Busy hands handwriting group';
  await fillRequiredFields(sidebar, { name, minutes: '20' });
  await pressSave(sidebar);
  await sidebar.getByRole('status').filter({ hasText: name }).waitFor();

  // The grid was refreshed after the sidebar's call: the new row is there.
  await page.locator('#grid td', { hasText: name }).waitFor();
  await page.screenshot({ path: '/tmp/trial.png' }); // for review: the page with the sidebar open
  const after = await gridInterventionNames();
  expect(after).toHaveLength(before.length + 1);
  expect(after).toContain(name);
  const saved = trial.emulator.records('Interventions').find((r) => r.Name === name);
  expect(saved?.Lead).toBe('Jodie Brackett');

  expect(pageErrors).toEqual([]);
}, 20_000);

test('a form with a missing name and 500 minutes shows field messages and writes nothing', async () => {
  const rowsBefore = trial.emulator.values('Interventions').length;
  const gridBefore = await gridInterventionNames();

  const sidebar = await openInterventionForm();
  await fillRequiredFields(sidebar, { name: '', minutes: '500' });
  await pressSave(sidebar);

  const nameField = sidebar.getByLabel(INTERVENTION_LABELS.name);
  const minutesField = sidebar.getByLabel(INTERVENTION_LABELS.minutesPerSession);
  await sidebar.locator('[aria-invalid="true"]').nth(1).waitFor();
  expect(await nameField.getAttribute('aria-invalid')).toBe('true');
  expect(await minutesField.getAttribute('aria-invalid')).toBe('true');
  // Each message names its field, in the announced summary and next to the field.
  const summary = (await sidebar.getByRole('alert').innerText()).trim();
  expect(summary).toContain(INTERVENTION_LABELS.name);
  expect(summary).toContain(INTERVENTION_LABELS.minutesPerSession);
  const described = (await minutesField.getAttribute('aria-describedby')) ?? '';
  const descriptions = await Promise.all(
    described
      .split(/\s+/)
      .filter(Boolean)
      .map((id) => sidebar.locator(`[id="${id}"]`).innerText()),
  );
  expect(descriptions.join('\n')).toContain(INTERVENTION_LABELS.minutesPerSession);

  expect(trial.emulator.values('Interventions')).toHaveLength(rowsBefore);
  expect(await gridInterventionNames()).toEqual(gridBefore);
  expect(pageErrors).toEqual([]);
}, 20_000);
