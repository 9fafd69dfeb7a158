/**
 * Review in the browser, against the npm start page: turn reminders on, move the date forward, fire
 * the daily trigger, read a digest in the outbox, then record a mid-point review that says "not
 * working" and see the SENCo told.
 */
import type { Page } from 'playwright-core';
import {
  clickAddonMenuItem,
  pressButton,
  seriousAxeViolations,
  sidebarFrame,
  startTrialBrowser,
  type TrialBrowser,
} from '../support/browser';

let run: TrialBrowser;
let page: Page;
let pageErrors: string[];

beforeAll(async () => {
  run = await startTrialBrowser();
}, 60_000);

afterAll(async () => {
  await run?.close();
});

beforeEach(async () => {
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

async function closeAlert(): Promise<string> {
  const dialog = page.locator('#alert-dialog');
  await dialog.waitFor();
  const text = await dialog.innerText();
  const ok = dialog.getByRole('button', { name: 'OK' });
  await ok.focus();
  await ok.press('Enter');
  return text;
}

test('reminders: turned on, the date moved on, the trigger fired, a digest in the outbox', async () => {
  const emulator = run.trial.emulator;
  await clickAddonMenuItem(page, /Turn on review reminders/);
  expect(await closeAlert()).toMatch(/reminder/i);
  expect(emulator.triggers()).toHaveLength(1);
  expect(emulator.outbox()).toHaveLength(0);

  // Tuesday morning: the trigger (7 am) is due.
  await page.getByLabel('Today is').fill('2026-11-24');
  await page.getByLabel('Today is').dispatchEvent('change');
  await page.locator('#clock-text').filter({ hasText: '24 November 2026' }).waitFor();
  const fire = page.getByRole('button', { name: 'Fire due triggers' });
  await fire.focus();
  await fire.press('Enter');
  await page.locator('#outbox-count').filter({ hasNotText: /^0$/ }).waitFor();

  const digests = emulator.outbox().filter((m) => /^Reviews/.test(m.subject));
  expect(digests.length).toBeGreaterThan(0);
  // Minimal personal data: no pupil's full name in any reminder.
  const fullNames = emulator.records('Pupils').map((p) => `${p['First name']} ${p['Last name']}`);
  for (const email of emulator.outbox()) {
    for (const name of fullNames) expect(`${email.body}\n${email.htmlBody}`).not.toContain(name);
  }
  // The digest can be read in the outbox.
  const first = page.locator('#outbox .list-button').first();
  await first.focus();
  await first.press('Enter');
  await page
    .locator('#email-subject')
    .filter({ hasText: /Review|SEND/ })
    .waitFor();
  await page.keyboard.press('Escape');

  // Firing again the same day sends nothing more.
  const sent = emulator.outbox().length;
  await fire.focus();
  await fire.press('Enter');
  await page.locator('#fire-result').filter({ hasText: /./ }).waitFor();
  expect(emulator.outbox()).toHaveLength(sent);
}, 40_000);

test('a mid-point review that says "not working" flags the intervention and tells the SENCo', async () => {
  const emulator = run.trial.emulator;
  await clickAddonMenuItem(page, /Record a review/);
  const sidebar = sidebarFrame(page);
  const picker = sidebar.getByLabel('Intervention', { exact: true });
  await picker.waitFor();
  const option = await picker
    .locator('option', { hasText: 'Phonics catch-up' })
    .getAttribute('value');
  await picker.selectOption(option!);
  const midPoint = sidebar.getByRole('button', { name: /: Mid-point review, due/ }).first();
  await midPoint.waitFor();
  expect(await seriousAxeViolations(page)).toEqual([]);
  await midPoint.focus();
  await midPoint.press('Enter');

  await sidebar
    .getByLabel(/^Result\b/)
    .first()
    .fill('15/40 on the phonics check');
  await sidebar.getByLabel(/^Result date/).fill('2026-11-23');
  await sidebar.getByLabel(/^Judgement/).selectOption('Not working');
  await sidebar.getByLabel(/^Further action/).selectOption('Change');
  await sidebar.locator('#decision-note').waitFor();
  const before = emulator.outbox().length;
  await pressButton(sidebar, /^Save/);
  await sidebar.getByRole('status').filter({ hasText: /SENCo/ }).first().waitFor();

  const told = emulator.outbox().slice(before);
  expect(told).toHaveLength(1);
  expect(told[0]?.to).toEqual(['senco@school.example']);
  expect(told[0]?.subject).toMatch(/^Decision needed: Phonics catch-up/);
  const flagged = emulator.records('Interventions').find((r) => r['Intervention ID'] === option);
  expect(String(flagged?.['Needs decision'])).toMatch(/Not working/);
  await page.screenshot({ path: '/tmp/review.png' });
}, 40_000);
