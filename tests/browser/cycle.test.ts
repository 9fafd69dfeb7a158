/**
 * The whole review cycle in the browser, against the npm start page (issue 10), by keyboard: place
 * a demo pupil in the phonics group and record her baseline once, on her place; record a mid-point
 * review judged "Not working"; the SENCo stops the intervention in "Decide about interventions…";
 * statuses change and the daily run reminds nobody about it; the End letter is allowed and says
 * what was decided; the pupil profile shows the outcome.
 */
import type { FrameLocator } from 'playwright-core';
import type { DocElementState, DocState } from '../../emulator/src/state';
import {
  clickAddonMenuItem,
  pressButton,
  seriousAxeViolations,
  sidebarFrame,
  useTrialPage,
} from '../support/browser';

const session = useTrialPage();

const PUPIL = 'Lily Acornfield';
const INTERVENTION = 'Phonics catch-up';

function emulator() {
  return session.run.trial.emulator;
}

function interventionId(): string {
  const row = emulator()
    .records('Interventions')
    .find((r) => String(r.Name).startsWith(INTERVENTION));
  if (!row) throw new Error(`The demo has no ${INTERVENTION}`);
  return String(row['Intervention ID']);
}

function lilysPlace(): Record<string, unknown> | undefined {
  const pupil = emulator()
    .records('Pupils')
    .find((p) => `${String(p['First name'])} ${String(p['Last name'])}` === PUPIL);
  return emulator()
    .records('Participants')
    .find(
      (r) => r['Pupil ID'] === pupil?.['Pupil ID'] && r['Intervention ID'] === interventionId(),
    );
}

function lilysReview(kind: string): Record<string, unknown> | undefined {
  const place = lilysPlace();
  return emulator()
    .records('Reviews')
    .find((r) => r['Participant ID'] === place?.['Participant ID'] && r.Kind === kind);
}

async function chooseIntervention(sidebar: FrameLocator, id: string): Promise<void> {
  const picker = sidebar.getByLabel('Intervention', { exact: true });
  await picker.waitFor();
  await picker.selectOption(id);
}

async function closeAlert(): Promise<void> {
  const dialog = session.page.locator('#alert-dialog');
  await dialog.waitFor();
  const ok = dialog.getByRole('button', { name: 'OK' });
  await ok.focus();
  await ok.press('Enter');
}

function docText(doc: DocState): string {
  const text = (elements: readonly DocElementState[] | undefined): string =>
    (elements ?? []).map((e) => JSON.stringify(e)).join('\n');
  return text(doc.body);
}

test('place a pupil, baseline once, mid-point "not working", stopped by the SENCo, end letter and profile', async () => {
  const page = session.page;
  const id = interventionId();

  // 1. Place Lily in the phonics group, started, with her baseline and target on the place.
  await clickAddonMenuItem(page, /Pupils in an intervention/);
  let sidebar = sidebarFrame(page);
  await chooseIntervention(sidebar, id);
  const box = sidebar.getByRole('checkbox', { name: PUPIL });
  await box.focus();
  await box.press('Space');
  await pressButton(sidebar, 'Add 1 pupil');
  await pressButton(sidebar, new RegExp(PUPIL));
  await sidebar.getByLabel(/^Status/).selectOption('Started');
  await sidebar.getByLabel('Parents informed on').fill('2026-11-20');
  await sidebar.getByLabel('Parents informed how').selectOption('Letter');
  await sidebar.getByLabel(/^Baseline measure/).selectOption('Phonics check');
  await sidebar.getByLabel(/^Baseline$/).fill('12/40');
  await sidebar.getByLabel(/^Baseline date/).fill('2026-11-23');
  await sidebar.getByLabel(/^Target/).fill('30/40 or better');
  await pressButton(sidebar, 'Save');
  await sidebar.getByRole('status').filter({ hasText: /Saved/ }).first().waitFor();
  expect(lilysPlace()).toMatchObject({
    Status: 'Started',
    Baseline: '12/40',
    'Baseline value': 12,
    'Target value': 30,
  });

  // 2. The baseline was entered once: her Baseline review is Done, and says so in Record a review.
  expect(lilysReview('Baseline')).toMatchObject({ Status: 'Done', Result: '12/40' });
  await clickAddonMenuItem(page, /Record a review/);
  sidebar = sidebarFrame(page);
  await chooseIntervention(sidebar, id);
  const baseline = sidebar.getByRole('button', { name: new RegExp(`^${PUPIL}: Baseline review`) });
  await baseline.waitFor();
  const statusId = await baseline.getAttribute('aria-describedby');
  expect(await sidebar.locator(`[id="${statusId}"]`).innerText()).toMatch(/^Done/);

  // 3. Her mid-point review: no progress, judged "Not working".
  const midPoint = sidebar.getByRole('button', { name: new RegExp(`^${PUPIL}: Mid-point review`) });
  await midPoint.focus();
  await midPoint.press('Enter');
  await sidebar
    .getByLabel(/^Result\b/)
    .first()
    .fill('12/40');
  await sidebar.getByLabel(/^Result date/).fill('2026-11-23');
  await sidebar.getByLabel(/^Judgement/).selectOption('Not working');
  await sidebar.getByLabel(/^Further action/).selectOption('Stop');
  await pressButton(sidebar, /^Save/);
  await sidebar.getByRole('status').filter({ hasText: /SENCo/ }).first().waitFor();
  expect(lilysReview('Mid-point')).toMatchObject({ Status: 'Done', 'Result value': 12 });
  const flagged = emulator()
    .records('Interventions')
    .find((r) => r['Intervention ID'] === id);
  expect(String(flagged?.['Needs decision'])).toMatch(/Not working/);

  // 4. The SENCo decides: stop it, with a reason.
  await clickAddonMenuItem(page, /Decide about interventions/);
  sidebar = sidebarFrame(page);
  const picker = sidebar.getByLabel('Intervention', { exact: true });
  await picker.waitFor();
  expect(await picker.locator(`option[value="${id}"]`).innerText()).toMatch(/needs a decision$/);
  await picker.selectOption(id);
  await sidebar.getByRole('heading', { name: /^The evidence: \d+ pupils?$/ }).waitFor();
  await sidebar.getByText('Why it needs a decision:').waitFor();
  expect(await seriousAxeViolations(page)).toEqual([]);
  const stop = sidebar.getByRole('radio', { name: 'Stop' });
  await stop.focus();
  await stop.press('Space');
  await sidebar
    .getByLabel(/^Reason/)
    .fill('No progress at the mid-point; Precision teaching instead');
  expect(await seriousAxeViolations(page)).toEqual([]);
  await pressButton(sidebar, 'Stop the intervention');
  await sidebar
    .locator('#decision-outcome')
    .filter({ hasText: /is stopped/ })
    .waitFor();
  expect(await seriousAxeViolations(page)).toEqual([]);

  // 5. Statuses change: the intervention and every started place Stopped, reviews due Cancelled.
  expect(
    emulator()
      .records('Interventions')
      .find((r) => r['Intervention ID'] === id),
  ).toMatchObject({ Status: 'Stopped', Decision: 'Stop', 'Needs decision': '' });
  const places = emulator()
    .records('Participants')
    .filter((r) => r['Intervention ID'] === id);
  expect(places.map((r) => r.Status)).toEqual(places.map(() => 'Stopped'));
  const placeIds = new Set(places.map((r) => r['Participant ID']));
  const reviews = emulator()
    .records('Reviews')
    .filter((r) => placeIds.has(r['Participant ID']));
  expect(reviews.filter((r) => r.Status === 'Due')).toEqual([]);
  expect(lilysReview('End')?.Status).toBe('Cancelled');
  // The demo's overdue phonics mid-point (Jacob's) is cancelled too.
  expect(reviews.some((r) => r.Kind === 'Mid-point' && r.Status === 'Cancelled')).toBe(true);

  // 6. The daily trigger sends reminders, none about the stopped intervention.
  await clickAddonMenuItem(page, /Turn on review reminders/);
  await closeAlert();
  await page.getByLabel('Today is').fill('2026-11-24');
  await page.getByLabel('Today is').dispatchEvent('change');
  await page.locator('#clock-text').filter({ hasText: '24 November 2026' }).waitFor();
  const before = emulator().outbox().length;
  const fire = page.getByRole('button', { name: 'Fire due triggers' });
  await fire.focus();
  await fire.press('Enter');
  await page.locator('#outbox-count').filter({ hasNotText: /^0$/ }).waitFor();
  const sent = emulator().outbox().slice(before);
  expect(sent.length).toBeGreaterThan(0);
  for (const email of sent) {
    expect(`${email.subject}\n${email.body}\n${email.htmlBody}`).not.toContain(INTERVENTION);
  }

  // 7. The End letter is allowed now, and says what was decided.
  await clickAddonMenuItem(page, /Letters to parents/);
  sidebar = sidebarFrame(page);
  await chooseIntervention(sidebar, id);
  await pressButton(sidebar, `End letter for ${PUPIL}`);
  const link = sidebar.getByRole('link', { name: `Open the end letter for ${PUPIL}` });
  await link.waitFor();
  const url = await link.getAttribute('href');
  const doc = emulator()
    .documents()
    .find((d) => d.url === url);
  expect(doc).toBeDefined();
  expect(docText(doc!)).toContain('decided to stop');

  // 8. Her profile shows the intervention, her baseline, result, target and outcome.
  await clickAddonMenuItem(page, /Pupil profile/);
  sidebar = sidebarFrame(page);
  const pupils = sidebar.getByLabel('Pupil', { exact: true });
  await pupils.waitFor();
  const option = await pupils.locator('option', { hasText: 'Lily' }).getAttribute('value');
  await pupils.selectOption(option!);
  await sidebar
    .getByText(/Phonics catch-up/)
    .first()
    .waitFor();
  const profile = await sidebar.locator('body').innerText();
  expect(profile).toMatch(/Stopped/);
  expect(profile).toContain('12/40');
  expect(profile).toContain('30/40 or better');
  // No gain on the way to the target: (12 − 12) ÷ (30 − 12) = 0 of the planned gain.
  expect(profile).toMatch(/Outcome\s+Significantly less than expected \(−2\)/);
  expect(await seriousAxeViolations(page)).toEqual([]);
}, 120_000);
