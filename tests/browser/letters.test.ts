/**
 * Letters to parents in the browser, against the npm start page: make one pupil's starting letter,
 * see its link on the pupil's row in the sidebar and in the Participants tab, read it in the Docs
 * viewer; then make the letters for a whole group and see the progress and the summary.
 */
import { editCellAsUser } from '../../emulator/src/spreadsheet';
import {
  clickAddonMenuItem,
  pressButton,
  seriousAxeViolations,
  sidebarFrame,
  useTrialPage,
} from '../support/browser';

const session = useTrialPage();

function pupilById(id: string): { first: string; last: string } {
  const record = session.run.trial.emulator.records('Pupils').find((p) => p['Pupil ID'] === id);
  if (!record) throw new Error(`no pupil ${id}`);
  return { first: String(record['First name']), last: String(record['Last name']) };
}

function interventionByName(prefix: string): { id: string; name: string } {
  const record = session.run.trial.emulator
    .records('Interventions')
    .find((r) => String(r.Name).startsWith(prefix));
  if (!record) throw new Error(`no intervention ${prefix}`);
  return { id: String(record['Intervention ID']), name: String(record.Name) };
}

async function chooseIntervention(id: string): Promise<void> {
  const sidebar = sidebarFrame(session.page);
  const picker = sidebar.getByLabel('Intervention', { exact: true });
  await picker.waitFor();
  await picker.selectOption(id);
}

test('a starting letter for one pupil: linked on the row and in the sheet, readable in Docs', async () => {
  const emulator = session.run.trial.emulator;
  const phonics = interventionByName('Phonics catch-up');
  const place = emulator
    .records('Participants')
    .find((r) => r['Intervention ID'] === phonics.id && r.Status === 'Started');
  if (!place) throw new Error('no pupil in the phonics group');
  const { first, last } = pupilById(String(place['Pupil ID']));
  const fullName = `${first} ${last}`;
  const docsBefore = emulator.documents().length;

  await clickAddonMenuItem(session.page, /Letters to parents/);
  const sidebar = sidebarFrame(session.page);
  await chooseIntervention(phonics.id);
  const make = sidebar.getByRole('button', { name: `Starting letter for ${fullName}` });
  await make.waitFor();
  // The three buttons of each pupil name the pupil; the template help is there, folded away.
  await sidebar.getByRole('button', { name: `Mid-point letter for ${fullName}` }).waitFor();
  await sidebar.getByRole('button', { name: `End letter for ${fullName}` }).waitFor();
  expect(await sidebar.locator('details.letter-help').getAttribute('open')).toBeNull();
  expect(await seriousAxeViolations(session.page)).toEqual([]);

  await pressButton(sidebar, `Starting letter for ${fullName}`);
  const link = sidebar.getByRole('link', { name: `Open the starting letter for ${fullName}` });
  await link.waitFor();
  expect(await link.getAttribute('target')).toBe('_blank');
  expect(await link.getAttribute('rel')).toBe('noopener');
  const url = await link.getAttribute('href');
  expect(url).toMatch(/^https:\/\/docs\.google\.com\/document\/d\//);
  expect(emulator.documents()).toHaveLength(docsBefore + 1);

  // Written back on the pupil's row of the Participants tab.
  const row = emulator
    .records('Participants')
    .find((r) => r['Participant ID'] === place['Participant ID']);
  expect(row?.['Start letter']).toBe(url);
  await session.page.getByRole('tab', { name: 'Participants' }).click();
  await session.page.getByRole('cell', { name: url!, exact: true }).waitFor();

  // The page's Docs list opens the letter in the viewer.
  const entry = session.page.locator('#docs .list-button').filter({ hasText: first }).first();
  await entry.focus();
  await entry.press('Enter');
  const dialog = session.page.locator('#doc-dialog');
  await dialog.waitFor();
  const letter = session.page.frameLocator('#doc-body iframe').locator('body');
  await letter.waitFor();
  const text = await letter.innerText();
  expect(text).toContain(first);
  expect(text).toContain(phonics.name);
  const others = emulator
    .records('Pupils')
    .filter((p) => p['Pupil ID'] !== place['Pupil ID'])
    .map((p) => String(p['Last name']));
  for (const other of others) expect(text).not.toContain(other);
  await session.page.screenshot({ path: '/tmp/letter.png' });
  await session.page.keyboard.press('Escape');

  // The whole letter, as the page's "Open in a new tab" shows it.
  const doc = emulator.documents().find((d) => d.url === url);
  const full = await session.run.browser.newPage({ viewport: { width: 900, height: 900 } });
  await full.goto(new URL(`/docs/${encodeURIComponent(doc!.id)}`, session.run.trial.url).href);
  await full.screenshot({ path: '/tmp/letter-full.png', fullPage: true });
  await full.close();
}, 40_000);

test('letters for the whole group: made in runs with progress between them, one failure named in the summary', async () => {
  const emulator = session.run.trial.emulator;
  const group = interventionByName('Number sense group');
  const count = emulator
    .records('Participants')
    .filter((r) => r['Intervention ID'] === group.id && r.Status !== 'Removed').length;
  expect(count).toBeGreaterThan(2);
  const docsBefore = emulator.documents().length;

  await clickAddonMenuItem(session.page, /Letters to parents/);
  const sidebar = sidebarFrame(session.page);
  await chooseIntervention(group.id);
  await sidebar.getByRole('heading', { name: 'Letters for the whole group' }).waitFor();
  await sidebar.getByLabel('Letter', { exact: true }).selectOption('start');

  // Every message the progress line shows, as a screen reader would hear it.
  const frame = await (await session.page.$('#sidebar-frame'))?.contentFrame();
  if (!frame) throw new Error('no sidebar frame');
  await frame.evaluate(() => {
    const heard: string[] = [];
    (window as unknown as { heard: string[] }).heard = heard;
    const live = document.querySelector('.letter-group [role="status"]');
    if (!live) throw new Error('no live region');
    new MutationObserver(() => heard.push(live.textContent ?? '')).observe(live, {
      childList: true,
      subtree: true,
      characterData: true,
    });
  });

  // Each Doc takes three minutes here, so a run (4½ minutes at most) starts two letters: the
  // sidebar asks again for the rest, saying how many are made between runs.
  const clock = emulator.rt.clock;
  const start = emulator.now.getTime();
  const created = emulator.callCount('DocumentApp.create');
  emulator.rt.clock = {
    now: () => new Date(start + (emulator.callCount('DocumentApp.create') - created) * 180_000),
  };
  // Google refuses the second Doc: that pupil fails, the others are still made.
  emulator.injectFault({
    method: 'DocumentApp.create',
    onCall: 2,
    message: 'Service unavailable: Docs',
  });
  const runsBefore = emulator.executions().filter((e) => e.functionName === 'generateLetters');
  try {
    await pressButton(sidebar, `Make ${count} letters`);
    const live = sidebar.locator('.letter-group [role="status"]');
    await live
      .filter({ hasText: `Made ${count - 1} of ${count} letters.` })
      .waitFor({ timeout: 30_000 });
    await session.page.locator('#sidebar').screenshot({ path: '/tmp/letters-failed.png' });
    const summary = await live.innerText();
    expect(summary).toMatch(/1 letter was not made:/);
    // Named as the list above names them, with the reason in plain words.
    expect(summary).toMatch(
      /\(Year \d\): Google Docs could not make it \(Service unavailable: Docs\)\. Try again later\./,
    );
    expect(summary).toContain(
      'The letters are in your "SEND letters 2026-27" folder in Google Drive.',
    );
    const heard = await frame.evaluate(() => (window as unknown as { heard: string[] }).heard);
    expect(heard[0]).toMatch(new RegExp(`^Making ${count} letters: this takes about`));
    // Between runs: one made in the first run (the second pupil's failed).
    expect(heard).toContain(`1 of ${count} letters made…`);
    const runs =
      emulator.executions().filter((e) => e.functionName === 'generateLetters').length -
      runsBefore.length;
    expect(runs).toBe(Math.ceil(count / 2));
  } finally {
    emulator.rt.clock = clock;
    emulator.clearFaults();
  }
  expect(
    await sidebar
      .locator('.letter-group progress')
      .evaluate((p) => (p as HTMLProgressElement).value),
  ).toBe(count);
  expect(emulator.documents()).toHaveLength(docsBefore + count - 1);

  // Each pupil's row but the failed one now links to their new letter.
  expect(await sidebar.getByRole('link', { name: /^Open the starting letter for / }).count()).toBe(
    count - 1,
  );
  const links = emulator
    .records('Participants')
    .filter((r) => r['Intervention ID'] === group.id && r.Status !== 'Removed')
    .map((r) => String(r['Start letter'] ?? ''));
  expect(links.filter((link) => /^https:\/\/docs\.google\.com\//.test(link))).toHaveLength(
    count - 1,
  );

  // Made again for the whole group: every pupil has a letter now.
  await pressButton(sidebar, `Make ${count} letters`);
  const live = sidebar.locator('.letter-group [role="status"]');
  await live.filter({ hasText: `Made all ${count} letters.` }).waitFor({ timeout: 20_000 });
  expect(await live.innerText()).toContain('Earlier letters are kept in Drive');
  expect(await sidebar.getByRole('link', { name: /^Open the starting letter for / }).count()).toBe(
    count,
  );
  expect(await seriousAxeViolations(session.page)).toEqual([]);
  await session.page.screenshot({ path: '/tmp/letters-group.png' });
}, 60_000);

test('a letter made while the School name setting is blank: made, with a warning saying so', async () => {
  const emulator = session.run.trial.emulator;
  const [header = [], ...rows] = emulator.values('Settings');
  const at = rows.findIndex((r) => r[header.indexOf('Setting')] === 'School name');
  const valueColumn = header.indexOf('Value') + 1;
  const school = String(rows[at]?.[valueColumn - 1] ?? '');
  // The trial's set-up filled it in from the spreadsheet's name.
  expect(school).toBe('Larkspur Lane Primary School');
  editCellAsUser(emulator.rt, 'Settings', at + 2, valueColumn, '');
  try {
    const phonics = interventionByName('Phonics catch-up');
    const place = emulator
      .records('Participants')
      .find((r) => r['Intervention ID'] === phonics.id && r.Status === 'Started');
    const { first, last } = pupilById(String(place?.['Pupil ID']));
    await clickAddonMenuItem(session.page, /Letters to parents/);
    const sidebar = sidebarFrame(session.page);
    await chooseIntervention(phonics.id);
    await pressButton(sidebar, `Mid-point letter for ${first} ${last}`);
    const warning = sidebar.locator('.warnings').filter({ hasText: 'Check before sending' });
    await warning.waitFor();
    expect(await warning.innerText()).toContain(
      'The letter does not name the school: "School name" on the Settings tab is blank.',
    );
    expect(await seriousAxeViolations(session.page)).toEqual([]);
    await session.page.locator('#sidebar').screenshot({ path: '/tmp/letter-no-school.png' });
  } finally {
    editCellAsUser(emulator.rt, 'Settings', at + 2, valueColumn, school);
  }
}, 40_000);
