/**
 * The trial page end to end in a real browser: the demo school's workbook, the add-on menu, the real
 * sidebar (build/sidebar.html) with google.script.run bridged to the emulator, and what it writes.
 * Needs build/ (the test command runs `npm run build` first) and Debian's Chromium.
 */
import type { FrameLocator } from 'playwright-core';
import { INTERVENTION_LABELS } from '../../src/domain/intervention';
import {
  clickAddonMenuItem,
  pressButton,
  seriousAxeViolations,
  sidebarFrame,
  useTrialPage,
} from '../support/browser';

const session = useTrialPage();

async function openInterventionForm(): Promise<FrameLocator> {
  await clickAddonMenuItem(session.page, /New intervention/);
  const sidebar = sidebarFrame(session.page);
  await sidebar.getByLabel(INTERVENTION_LABELS.name).waitFor();
  return sidebar;
}

/** The Interventions rows as the grid shows them (the Name column's cells, header excluded). */
async function gridInterventionNames(): Promise<string[]> {
  await session.page.getByRole('tab', { name: 'Interventions' }).click();
  return session.page.evaluate(() => {
    const table = document.getElementById('grid') as HTMLTableElement;
    const header = Array.from(table.tBodies[0]?.rows[0]?.cells ?? []).map((c) => c.textContent);
    const nameColumn = header.indexOf('Name');
    return Array.from(table.tBodies[0]?.rows ?? [])
      .slice(1)
      .map((row) => row.cells[nameColumn]?.textContent ?? '')
      .filter((name) => name !== '');
  });
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
  const tabs = await session.page.getByRole('tab').allTextContents();
  expect(tabs).toEqual(expect.arrayContaining(['Interventions', 'Pupils', 'Staff', 'Settings']));
  await session.page.getByRole('tab', { name: 'Pupils' }).click();
  await session.page.locator('#grid td', { hasText: 'PUP-0040' }).waitFor();
  const before = await gridInterventionNames();
  expect(before.length).toBe(session.run.trial.emulator.records('Interventions').length);
  expect(before.length).toBeGreaterThanOrEqual(8);

  const sidebar = await openInterventionForm();

  // Accessibility of the real form, inside its sandboxed frame.
  expect(await seriousAxeViolations(session.page)).toEqual([]);

  const name = 'Busy hands handwriting group';
  await fillRequiredFields(sidebar, { name, minutes: '20' });
  await pressButton(sidebar, 'Save');
  await sidebar
    .getByRole('status')
    .filter({ hasText: `Saved "${name}"` })
    .waitFor();

  // The grid was refreshed after the sidebar's call: the new row is there.
  await session.page.getByRole('cell', { name, exact: true }).waitFor();
  await session.page.screenshot({ path: '/tmp/trial.png' }); // for review: the page with the sidebar open
  const after = await gridInterventionNames();
  expect(after).toHaveLength(before.length + 1);
  expect(after).toContain(name);
  const saved = session.run.trial.emulator.records('Interventions').find((r) => r.Name === name);
  expect(saved?.Lead).toBe('Jodie Brackett');
}, 20_000);

test('a form with a missing name and 500 minutes shows field messages and writes nothing', async () => {
  const rowsBefore = session.run.trial.emulator.values('Interventions').length;
  const gridBefore = await gridInterventionNames();

  const sidebar = await openInterventionForm();
  await fillRequiredFields(sidebar, { name: '', minutes: '500' });
  await pressButton(sidebar, 'Save');

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

  expect(session.run.trial.emulator.values('Interventions')).toHaveLength(rowsBefore);
  expect(await gridInterventionNames()).toEqual(gridBefore);
}, 20_000);

/**
 * Elements of the sidebar, other than the select itself, that show `text` whole: visible, with
 * nothing clipped (scrollWidth ≤ clientWidth) and inside the 300 px panel.
 */
async function shownWhole(text: string): Promise<string[]> {
  // The sidebar lays the name out after the choice: give it a moment.
  for (let tries = 0; tries < 20; tries += 1) {
    const found = await shownWholeNow(text);
    if (found.length > 0) return found;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return [];
}

async function shownWholeNow(text: string): Promise<string[]> {
  const frame = await (await session.page.$('#sidebar-frame'))?.contentFrame();
  if (!frame) throw new Error('The sidebar frame is not there');
  return frame.evaluate((wanted) => {
    const all = Array.from(document.body.querySelectorAll<HTMLElement>('*'));
    return all
      .filter((el) => !el.closest('select') && el.children.length === 0)
      .filter((el) => (el.textContent ?? '').trim() === wanted)
      .filter((el) => {
        const box = el.getBoundingClientRect();
        const style = getComputedStyle(el);
        return (
          box.width > 0 &&
          style.visibility !== 'hidden' &&
          el.scrollWidth <= el.clientWidth &&
          box.right <= document.documentElement.clientWidth
        );
      })
      .map((el) => el.tagName.toLowerCase());
  }, text);
}

test('the 300 px sidebar shows the whole name chosen in its intervention and pupil pickers', async () => {
  const { emulator } = session.run.trial;
  const name = 'Precision teaching: times tables and number bonds to twenty';
  const saved = emulator.scriptRun<{ ok: boolean }>('saveIntervention', [
    {
      name,
      code: '',
      lead: 'Jodie Brackett',
      supportedBy: '',
      delivery: 'Group',
      startDate: '2026-11-30',
      lengthWeeks: '10',
      sessionsPerWeek: '3',
      minutesPerSession: '15',
      location: '',
      rationale: '',
      expectedOutcome: 'Recalls the 6, 7 and 8 times tables within 3 seconds',
      assessmentMethods: '',
      summary: '',
      publishedResources: '',
    },
  ]).value;
  expect(saved.ok).toBe(true);
  emulator.appendRecords('Pupils', [
    {
      'Pupil ID': 'PUP-0901',
      'First name': 'Priya-Anjali',
      'Last name': 'Montgomery-Fairweather',
      'Year group': 'Year 4',
      'SEN status': 'SEN support',
      'Primary need': 'SPLD',
    },
  ]);

  await clickAddonMenuItem(session.page, /Pupils in an intervention/);
  const sidebar = sidebarFrame(session.page);
  const picker = sidebar.getByLabel('Intervention', { exact: true });
  const option = picker.locator('option', { hasText: name });
  await picker.selectOption((await option.getAttribute('value')) ?? '');
  const label = ((await option.textContent()) ?? '').trim();
  expect(label.startsWith(name)).toBe(true);
  expect((await session.page.locator('#sidebar-frame').boundingBox())?.width).toBe(300);
  expect(await shownWhole(label)).not.toEqual([]);

  await clickAddonMenuItem(session.page, /Pupil profile/);
  const pupils = sidebar.locator('select').first();
  const pupil = pupils.locator('option', { hasText: 'Montgomery-Fairweather' });
  await pupils.selectOption((await pupil.getAttribute('value')) ?? '');
  const pupilLabel = ((await pupil.textContent()) ?? '').trim();
  expect(pupilLabel).toContain('Priya-Anjali Montgomery-Fairweather');
  expect(await shownWhole(pupilLabel)).not.toEqual([]);
}, 20_000);

test('the sidebar takes the page’s full height beside the open emulator drawer', async () => {
  const page = session.page;
  await clickAddonMenuItem(page, /Record a review/);
  await sidebarFrame(page).getByRole('heading', { level: 1 }).waitFor();
  expect(await page.locator('#drawer').isVisible()).toBe(true);
  const viewport = page.viewportSize();
  const header = await page.locator('header.topbar').boundingBox();
  const frame = await page.locator('#sidebar-frame').boundingBox();
  const title = await page.locator('.sidebar-head').boundingBox();
  if (!viewport || !header || !frame || !title) throw new Error('The page is not laid out');
  // The panel starts under the menus and ends at the bottom of the window, as in Sheets.
  expect(title.y).toBeLessThanOrEqual(header.y + header.height + 6);
  expect(frame.y + frame.height).toBeGreaterThanOrEqual(viewport.height - 1);
  expect(frame.height).toBeGreaterThanOrEqual(
    viewport.height - (header.y + header.height) - title.height - 8,
  );
}, 20_000);

test('the trial opens with a one-line note saying what it is and how to reset it', async () => {
  const page = session.page;
  const note = page.getByRole('note', { name: 'About this trial' });
  expect(await note.isVisible()).toBe(true);
  const text = await note.innerText();
  expect(text).toMatch(/local trial of the add-on/);
  expect(text).toMatch(/fictional school/);
  expect(text).toMatch(/nothing leaves this computer/);
  expect(text).toContain('npm start -- --reset');
  const box = await note.boundingBox();
  expect(box?.height).toBeLessThanOrEqual(40); // one line
  await page.getByRole('button', { name: /Dismiss this note/ }).click();
  await note.waitFor({ state: 'hidden' });
  await page.reload();
  await page.getByRole('tab', { name: 'Interventions' }).waitFor();
  expect(await page.getByRole('note', { name: 'About this trial' }).isVisible()).toBe(false);
}, 20_000);
