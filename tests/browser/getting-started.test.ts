/**
 * A first run in a real browser: the trial page on a blank Sheet (no demo school), where the
 * first menu use opens Getting started and its buttons take the SENCo through the five steps.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { chromium, type Browser, type FrameLocator, type Page } from 'playwright-core';
import { startTrialServer, type TrialServer } from '../../emulator/server/trial';
import { INTERVENTION_LABELS } from '../../src/domain/intervention';
import { STAFF_LABELS } from '../../src/domain/staff';
import {
  CHROMIUM,
  NOW,
  clickAddonMenuItem,
  pressButton,
  seriousAxeViolations,
  sidebarFrame,
} from '../support/browser';

let dir = '';
let trial: TrialServer | undefined;
let browser: Browser | undefined;
let page: Page;
const pageErrors: string[] = [];

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'first-run-'));
  trial = await startTrialServer({
    port: 0,
    stateFile: path.join(dir, 'workbook.json'),
    now: NOW,
    seedDemo: false,
  });
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run'],
  });
  page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  // Set-up and each step's check are server round trips: allow for a busy machine.
  page.setDefaultTimeout(20_000);
  page.on('pageerror', (err) => pageErrors.push(err.message));
  await page.goto(trial.url);
  await page.getByRole('tab', { name: 'Sheet1' }).waitFor();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await trial?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Each step's heading and whether it says Done, in order. */
async function steps(sidebar: FrameLocator): Promise<string[]> {
  await sidebar.locator('ol.steps').waitFor();
  return (await sidebar.locator('ol.steps > li > h2').allInnerTexts()).map((t) =>
    t.replace(/\s+/g, ' ').trim(),
  );
}

async function backToSteps(sidebar: FrameLocator): Promise<void> {
  await pressButton(sidebar, /Back to Getting started/);
  await sidebar.getByRole('heading', { name: 'Getting started', level: 1 }).waitFor();
}

test('a blank Sheet’s first menu use opens Getting started, whose buttons do each step', async () => {
  const emulator = trial!.emulator;
  await clickAddonMenuItem(page, /Pupils in an intervention/);
  const sidebar = sidebarFrame(page);
  await page.locator('#sidebar-title', { hasText: 'Getting started' }).waitFor();
  await sidebar.getByText('You chose "Pupils in an intervention"').waitFor();
  expect(await steps(sidebar)).toEqual([
    '1 Set up the provision map To do',
    '2 Add your staff To do',
    '3 Import your pupils To do',
    '4 Add an intervention To do',
    '5 Turn on review reminders To do',
  ]);
  expect(await seriousAxeViolations(page)).toEqual([]);

  // 1. Set up, from the sidebar: the tabs appear and the step is ticked.
  await pressButton(sidebar, 'Set up the provision map');
  await sidebar.getByRole('status').filter({ hasText: 'Tabs created: Interventions' }).waitFor();
  expect((await steps(sidebar))[0]).toBe('✓ Set up the provision map Done');
  await page.getByRole('tab', { name: 'Staff' }).waitFor();

  // 2. Add staff opens the Staff form here; back at the list, the step is ticked.
  await pressButton(sidebar, 'Add staff');
  await sidebar.getByLabel(STAFF_LABELS.name).fill('Ms Amara Okafor');
  await sidebar.getByLabel(STAFF_LABELS.email).fill('senco@school.example');
  await sidebar.getByLabel(STAFF_LABELS.role).selectOption('SENCo');
  await pressButton(sidebar, 'Save');
  await sidebar.getByRole('status').filter({ hasText: 'Ms Amara Okafor' }).waitFor();
  await backToSteps(sidebar);
  expect((await steps(sidebar))[1]).toBe('✓ Add your staff Done');

  // 3. Import pupils opens the CSV import; a pupil on the tab ticks the step.
  await pressButton(sidebar, 'Import pupils from a CSV file');
  await sidebar.getByRole('heading', { name: 'Import pupils', level: 1 }).waitFor();
  emulator.appendRecords('Pupils', [
    {
      'Pupil ID': 'PUP-0001',
      'First name': 'Amelia',
      'Last name': 'Jones',
      'Year group': 'Year 3',
    },
  ]);
  await backToSteps(sidebar);
  expect((await steps(sidebar))[2]).toBe('✓ Import your pupils Done');

  // 4. Add an intervention opens the intervention sheet form.
  await pressButton(sidebar, 'Add an intervention');
  await sidebar.getByLabel(INTERVENTION_LABELS.name).waitFor();
  await backToSteps(sidebar);
  expect((await steps(sidebar))[3]).toBe('4 Add an intervention To do');

  // 5. Reminders: on from the sidebar, with the daily trigger installed.
  await pressButton(sidebar, 'Turn on review reminders');
  await sidebar.getByRole('status').filter({ hasText: 'Review reminders are on' }).waitFor();
  expect((await steps(sidebar))[4]).toBe('✓ Turn on review reminders Done');
  expect(emulator.triggers().map((t) => t.handler)).toEqual(['sendDailyReminders']);

  // Once set up, the menu opens the form that was asked for.
  await clickAddonMenuItem(page, /Pupils in an intervention/);
  await page.locator('#sidebar-title', { hasText: 'Pupils in an intervention' }).waitFor();
  expect(pageErrors).toEqual([]);
}, 60_000);
