/**
 * "Update the dashboard" in the trial, as a SENCo does it before a governors' meeting: the menu
 * item, its message, then the Dashboard tab with its three charts drawn over the grid and the
 * "What works" table coloured by average outcome score.
 */
import fs from 'node:fs';
import path from 'node:path';
import { clickAddonMenuItem, useTrialPage } from '../support/browser';

const session = useTrialPage();
const SHOTS = process.env.DASHBOARD_SHOTS;

/** The background colours the Dashboard's colouring rules give (as the browser reports them). */
const GREEN = 'rgb(183, 225, 205)';
const RED = 'rgb(244, 199, 195)';

test('Update the dashboard: the Dashboard shows its sections, three charts and a coloured table', async () => {
  const { page } = session;
  await clickAddonMenuItem(page, /Update the dashboard/);
  const dialog = page.getByRole('dialog', { name: 'Dashboard updated' });
  await dialog.waitFor();
  await expect(dialog.innerText()).resolves.toMatch(/3 charts and the SEN report/);
  await dialog.getByRole('button', { name: 'OK' }).click();

  await page.getByRole('tab', { name: 'Dashboard' }).click();
  for (const section of [
    'The provision map at a glance',
    'What works',
    'What to look at',
    'SEN report',
  ]) {
    await page.getByRole('cell', { name: section, exact: true }).waitFor();
  }
  for (const title of [
    'Average outcome score by intervention',
    'Cost per pupil against average outcome',
    /Pupils on SEN support by primary need/,
  ]) {
    await expect(page.getByRole('img', { name: title }).isVisible()).resolves.toBe(true);
  }
  // The outcome column is coloured: green where it works, red where it does not.
  const backgrounds = await page
    .locator('td')
    .evaluateAll((cells) => cells.map((cell) => getComputedStyle(cell).backgroundColor));
  expect(backgrounds).toContain(GREEN);
  expect(backgrounds).toContain(RED);

  if (SHOTS) {
    fs.mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: path.join(SHOTS, 'dashboard-top.png') });
    await page.getByRole('cell', { name: 'What works', exact: true }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(SHOTS, 'dashboard-works.png') });
    await page
      .getByRole('img', { name: 'Average outcome score by intervention' })
      .scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(SHOTS, 'dashboard-charts.png') });
    await page.getByRole('cell', { name: 'What to look at', exact: true }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(SHOTS, 'dashboard-look-at.png') });
    await page
      .getByRole('img', { name: /Pupils on SEN support by primary need/ })
      .scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(SHOTS, 'dashboard-need-chart.png') });
    await page.getByRole('cell', { name: 'SEN report', exact: true }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(SHOTS, 'dashboard-sen.png') });
  }
});
