/**
 * The SENCo's decision in the browser, against the npm start page: open "Decide about
 * interventions…" on the demo school, choose the intervention that needs a decision, read its
 * evidence, stop it with a reason, see the message, then open the end letters for it.
 */
import type { Emulator } from '../../emulator/src';
import {
  clickAddonMenuItem,
  pressButton,
  seriousAxeViolations,
  sidebarFrame,
  useTrialPage,
} from '../support/browser';

const session = useTrialPage();

/**
 * The demo intervention whose Needs decision is filled. Should the demo school have none, a
 * mid-point review judged "Not working" is recorded first, as Record a review would.
 */
function flaggedIntervention(emulator: Emulator): string {
  const flagged = emulator
    .records('Interventions')
    .find((r) => String(r['Needs decision'] ?? '') !== '' && r.Status !== 'Stopped');
  if (flagged) return String(flagged['Intervention ID']);
  const running = new Set(
    emulator
      .records('Interventions')
      .filter((r) => r.Status === 'Running' && String(r['Intervention ID']).startsWith('INT-'))
      .map((r) => r['Intervention ID']),
  );
  const mid = emulator
    .records('Reviews')
    .find((r) => r.Kind === 'Mid-point' && r.Status === 'Due' && running.has(r['Intervention ID']));
  if (!mid) throw new Error('The demo school has no mid-point review to record');
  const saved = emulator.scriptRun<{ ok: boolean }>('saveReview', [
    {
      reviewId: String(mid['Review ID']),
      kind: 'Mid-point',
      result: 'No change',
      resultDate: '2026-11-20',
      progress: 'Little change since the baseline',
      otherFactors: '',
      judgement: 'Not working',
      furtherAction: 'Stop',
    },
  ]).value;
  if (!saved.ok) throw new Error('The mid-point review was not saved');
  return String(mid['Intervention ID']);
}

test('the SENCo stops the intervention that needs a decision, then opens its end letters', async () => {
  const emulator = session.run.trial.emulator;
  const id = flaggedIntervention(emulator);
  const places = emulator
    .records('Participants')
    .filter((r) => r['Intervention ID'] === id && r.Status === 'Started')
    .map((r) => r['Participant ID']);
  expect(places.length).toBeGreaterThan(0);

  await clickAddonMenuItem(session.page, /Decide about interventions/);
  const sidebar = sidebarFrame(session.page);
  const picker = sidebar.getByLabel('Intervention', { exact: true });
  await picker.waitFor();
  // Those needing a decision come first, and say so.
  const first = picker.locator('option').nth(1);
  expect(await first.getAttribute('value')).toBe(id);
  expect(await first.innerText()).toMatch(/needs a decision$/);
  await sidebar
    .locator('#decisions-needed')
    .filter({ hasText: /needs? a decision/ })
    .waitFor();
  await picker.selectOption(id);

  await sidebar.getByRole('heading', { name: /^The evidence: \d+ pupils?$/ }).waitFor();
  await sidebar.getByText('Why it needs a decision:').waitFor();
  await sidebar
    .getByText(/Not working/)
    .first()
    .waitFor();
  expect(await seriousAxeViolations(session.page)).toEqual([]);

  // No decision chosen: the problem is announced and focus goes to the choice.
  await pressButton(sidebar, 'Record the decision');
  await sidebar
    .getByRole('alert')
    .filter({ hasText: 'Decision: choose Continue, Change or Stop' })
    .waitFor();
  expect(
    await sidebar.locator('#decision-continue').evaluate((el) => el === document.activeElement),
  ).toBe(true);

  // Stop, by keyboard: Space chooses the focused radio button.
  const stop = sidebar.getByRole('radio', { name: 'Stop' });
  await stop.focus();
  await stop.press('Space');
  expect(await stop.isChecked()).toBe(true);
  const reason = sidebar.getByLabel(/^Reason/);
  await reason.fill('No progress after six weeks: <b>try</b> Precision teaching instead');
  expect(await seriousAxeViolations(session.page)).toEqual([]);
  await pressButton(sidebar, 'Stop the intervention');

  const outcome = sidebar.locator('#decision-outcome');
  await outcome.filter({ hasText: /is stopped/ }).waitFor();
  expect(await outcome.innerText()).toMatch(/places? (is|are) now Stopped/);
  expect(await outcome.evaluate((el) => el === document.activeElement)).toBe(true);
  expect(await seriousAxeViolations(session.page)).toEqual([]);
  await session.page.screenshot({ path: '/tmp/decide.png' });

  const row = emulator.records('Interventions').find((r) => r['Intervention ID'] === id);
  expect(row).toMatchObject({
    Status: 'Stopped',
    Decision: 'Stop',
    'Decision reason': 'No progress after six weeks: <b>try</b> Precision teaching instead',
    'Decided by': 'senco@school.example',
    'Needs decision': '',
  });
  for (const place of emulator.records('Participants')) {
    if (places.includes(place['Participant ID'])) expect(place.Status).toBe('Stopped');
  }
  const stillDue = emulator
    .records('Reviews')
    .filter((r) => places.includes(r['Participant ID']) && r.Status === 'Due');
  expect(stillDue).toEqual([]);
  // Stopped: it has left the list.
  expect(await picker.locator(`option[value="${id}"]`).count()).toBe(0);

  // The end letters, for this intervention.
  await pressButton(sidebar, 'Make the end letters');
  await sidebar.getByRole('heading', { name: 'Letters to parents' }).waitFor();
  const letters = sidebar.getByLabel('Intervention', { exact: true });
  await letters.waitFor();
  await sidebar
    .locator(`select#intervention option[value="${id}"]:checked`)
    .waitFor({ state: 'attached' });
  await sidebar
    .getByRole('button', { name: /end letter/i })
    .first()
    .waitFor();
  expect(await seriousAxeViolations(session.page)).toEqual([]);
}, 60_000);

test('a change is recorded, then the intervention sheet opens with that intervention chosen', async () => {
  const emulator = session.run.trial.emulator;
  const running = emulator.records('Interventions').find((r) => r.Status === 'Running');
  const id = String(running?.['Intervention ID']);
  await clickAddonMenuItem(session.page, /Decide about interventions/);
  const sidebar = sidebarFrame(session.page);
  const picker = sidebar.getByLabel('Intervention', { exact: true });
  await picker.waitFor();
  await picker.selectOption(id);
  await sidebar.getByRole('heading', { name: /^The evidence/ }).waitFor();

  const change = sidebar.getByRole('radio', { name: 'Change' });
  await change.focus();
  await change.press('Space');
  const lead = sidebar.getByRole('checkbox', { name: /^Lead/ });
  await lead.focus();
  await lead.press('Space');
  await sidebar.getByLabel(/^New plan/).fill('Led by the class teacher from next week');
  await pressButton(sidebar, 'Record: change it');
  await sidebar
    .locator('#decision-outcome')
    .filter({ hasText: /will change/ })
    .waitFor();
  expect(emulator.records('Interventions').find((r) => r['Intervention ID'] === id)).toMatchObject({
    Decision: 'Change',
    'Decision reason': 'Change lead: Led by the class teacher from next week',
  });
  expect(await seriousAxeViolations(session.page)).toEqual([]);

  await pressButton(sidebar, 'Open the intervention form');
  await sidebar.getByRole('heading', { name: 'Intervention sheet' }).waitFor();
  await sidebar
    .locator(`select#intervention-pick option[value="${id}"]:checked`)
    .waitFor({ state: 'attached' });
  await sidebar
    .locator('#intervention-pick-status')
    .filter({ hasText: /^Showing / })
    .waitFor();
  expect(await sidebar.locator('#name').inputValue()).toBe(String(running?.Name));
}, 60_000);
