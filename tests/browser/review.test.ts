/**
 * Review in the browser, against the npm start page: turn reminders on, move the date forward, fire
 * the daily trigger, read a digest in the outbox, then record a mid-point review that says "not
 * working" and see the SENCo told.
 */
import {
  clickAddonMenuItem,
  pressButton,
  seriousAxeViolations,
  sidebarFrame,
  useTrialPage,
} from '../support/browser';

const session = useTrialPage();

async function closeAlert(): Promise<string> {
  const dialog = session.page.locator('#alert-dialog');
  await dialog.waitFor();
  const text = await dialog.innerText();
  const ok = dialog.getByRole('button', { name: 'OK' });
  await ok.focus();
  await ok.press('Enter');
  return text;
}

test('reminders: turned on, the date moved on, the trigger fired, a digest in the outbox', async () => {
  const emulator = session.run.trial.emulator;
  await clickAddonMenuItem(session.page, /Turn on review reminders/);
  expect(await closeAlert()).toMatch(/reminder/i);
  expect(emulator.triggers()).toHaveLength(1);
  expect(emulator.outbox()).toHaveLength(0);

  // Tuesday morning: the trigger (7 am) is due.
  await session.page.getByLabel('Today is').fill('2026-11-24');
  await session.page.getByLabel('Today is').dispatchEvent('change');
  await session.page.locator('#clock-text').filter({ hasText: '24 November 2026' }).waitFor();
  const fire = session.page.getByRole('button', { name: 'Fire due triggers' });
  await fire.focus();
  await fire.press('Enter');
  await session.page.locator('#outbox-count').filter({ hasNotText: /^0$/ }).waitFor();

  const digests = emulator.outbox().filter((m) => /^Reviews/.test(m.subject));
  expect(digests.length).toBeGreaterThan(0);
  // Minimal personal data: no pupil's full name in any reminder.
  const fullNames = emulator.records('Pupils').map((p) => `${p['First name']} ${p['Last name']}`);
  for (const email of emulator.outbox()) {
    for (const name of fullNames) expect(`${email.body}\n${email.htmlBody}`).not.toContain(name);
  }
  // The digest can be read in the outbox.
  const first = session.page.locator('#outbox .list-button').first();
  await first.focus();
  await first.press('Enter');
  await session.page
    .locator('#email-subject')
    .filter({ hasText: /Review|SEND/ })
    .waitFor();
  await session.page.keyboard.press('Escape');

  // Firing again the same day sends nothing more.
  const sent = emulator.outbox().length;
  await fire.focus();
  await fire.press('Enter');
  await session.page.locator('#fire-result').filter({ hasText: /./ }).waitFor();
  expect(emulator.outbox()).toHaveLength(sent);
}, 40_000);

test('a mid-point review that says "not working" flags the intervention and tells the SENCo', async () => {
  const emulator = session.run.trial.emulator;
  await clickAddonMenuItem(session.page, /Record a review/);
  const sidebar = sidebarFrame(session.page);
  const picker = sidebar.getByLabel('Intervention', { exact: true });
  await picker.waitFor();
  const option = await picker
    .locator('option', { hasText: 'Phonics catch-up' })
    .getAttribute('value');
  await picker.selectOption(option!);
  const midPoint = sidebar.getByRole('button', { name: /: Mid-point review, due/ }).first();
  await midPoint.waitFor();
  expect(await seriousAxeViolations(session.page)).toEqual([]);
  await midPoint.focus();
  await midPoint.press('Enter');

  await sidebar
    .getByLabel(/^Result\b/)
    .first()
    .fill('15/40');
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
  await session.page.screenshot({ path: '/tmp/review.png' });
}, 40_000);
