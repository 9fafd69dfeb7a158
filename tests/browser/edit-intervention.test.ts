/**
 * Changing an intervention in the browser, against the npm start page: pick one, change its
 * length, see how many reviews moved; then "New intervention" empties the form, starting today.
 */
import {
  clickAddonMenuItem,
  pressButton,
  seriousAxeViolations,
  sidebarFrame,
  useTrialPage,
} from '../support/browser';

const session = useTrialPage();

test('picks an intervention, changes its length and moves its reviews still due', async () => {
  const emu = session.run.trial.emulator;
  const due = emu
    .records('Reviews')
    .find((r) => r.Status === 'Due' && (r.Kind === 'Mid-point' || r.Kind === 'End'));
  const id = String(due?.['Intervention ID']);
  const before = emu.records('Interventions').find((r) => r['Intervention ID'] === id);
  const weeks = Number(before?.['Length (weeks)']);
  const done = JSON.stringify(emu.records('Reviews').filter((r) => r.Status !== 'Due'));

  await clickAddonMenuItem(session.page, /New intervention/);
  const sidebar = sidebarFrame(session.page);
  await sidebar.getByRole('heading', { name: 'Intervention sheet' }).waitFor();
  await sidebar.getByLabel('Intervention', { exact: true }).selectOption(id);
  await sidebar.getByText(/^Showing /).waitFor();
  expect(await sidebar.getByLabel('Name of the intervention').inputValue()).toBe(
    String(before?.Name),
  );
  await sidebar.getByLabel('Length in weeks').fill(String(weeks + 2));
  await pressButton(sidebar, 'Save');
  const status = sidebar.locator('.status.done');
  await status.waitFor();
  expect(await status.innerText()).toMatch(
    new RegExp(`Saved "${String(before?.Name).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"`),
  );
  expect(await status.innerText()).toMatch(
    /\d+ reviews? moved to the new dates; recorded results were not changed\./,
  );
  const after = emu.records('Interventions').find((r) => r['Intervention ID'] === id);
  expect(after?.['Length (weeks)']).toBe(weeks + 2);
  expect(JSON.stringify(emu.records('Reviews').filter((r) => r.Status !== 'Due'))).toBe(done);
  expect(await seriousAxeViolations(session.page)).toEqual([]);

  // "New intervention" empties the form and starts it today.
  await sidebar
    .getByLabel('Intervention', { exact: true })
    .selectOption({ label: 'New intervention' });
  await sidebar.getByText(/ready for a new intervention/).waitFor();
  expect(await sidebar.getByLabel('Name of the intervention').inputValue()).toBe('');
  expect(await sidebar.getByLabel('Start date').inputValue()).toBe('2026-11-23');
}, 30_000);
