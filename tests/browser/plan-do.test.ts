/**
 * Plan and Do in the browser, against the npm start page: add three pupils to an intervention, meet
 * the consent gate, see a dosage warning, open a pupil profile.
 */
import {
  clickAddonMenuItem,
  pressButton,
  seriousAxeViolations,
  sidebarFrame,
  useTrialPage,
} from '../support/browser';

const session = useTrialPage();

test('adds three pupils to an intervention, then the consent gate stops one being started', async () => {
  await clickAddonMenuItem(session.page, /Pupils in an intervention/);
  const sidebar = sidebarFrame(session.page);
  const picker = sidebar.getByLabel('Intervention', { exact: true });
  await picker.waitFor();
  const option = await picker
    .locator('option', { hasText: 'Fine motor skills group' })
    .getAttribute('value');
  await picker.selectOption(option!);

  for (const name of ['Isla Mossbank', 'Alfie Puddleby', 'Maya Thistlewood']) {
    const box = sidebar.getByRole('checkbox', { name });
    await box.focus();
    await box.press('Space');
    expect(await box.isChecked()).toBe(true);
  }
  expect(await seriousAxeViolations(session.page)).toEqual([]);
  await pressButton(sidebar, 'Add 3 pupils');
  await sidebar.getByRole('button', { name: /Isla Mossbank/ }).waitFor();
  const placed = session.run.trial.emulator
    .records('Participants')
    .filter((r) => r['Intervention ID'] === option);
  expect(placed.map((r) => r['Pupil ID']).sort()).toEqual(['PUP-0001', 'PUP-0002', 'PUP-0004']);

  // Marking Isla as started without recording that her parents were told is refused.
  await pressButton(sidebar, /Isla Mossbank/);
  const status = sidebar.getByLabel(/^Status/);
  await status.selectOption('Started');
  await pressButton(sidebar, 'Save');
  await sidebar.getByRole('alert').filter({ hasText: 'cannot be marked as started' }).waitFor();
  expect(
    session.run.trial.emulator
      .records('Participants')
      .find((r) => r['Pupil ID'] === 'PUP-0004' && r['Intervention ID'] === option)?.Status,
  ).toBe('Planned');

  // Recording the letter to parents lets her start.
  await sidebar.getByLabel('Parents informed on').fill('2026-11-20');
  await sidebar.getByLabel('Parents informed how').selectOption('Letter');
  await pressButton(sidebar, 'Save');
  await sidebar.getByRole('status').filter({ hasText: /Saved/ }).first().waitFor();
  expect(
    session.run.trial.emulator
      .records('Participants')
      .find((r) => r['Pupil ID'] === 'PUP-0004' && r['Intervention ID'] === option)?.Status,
  ).toBe('Started');
}, 30_000);

test('imports pupils from a CSV file: maps columns, previews, reports a duplicate, imports the rest', async () => {
  const before = session.run.trial.emulator.records('Pupils').length;
  await clickAddonMenuItem(session.page, /Import pupils/);
  const sidebar = sidebarFrame(session.page);
  const csv = [
    'UPN,Legal Forename,Legal Surname,DOB,NC Year,SEN Provision,Primary Need',
    'A123456789012,Rowan,Ashdown,14/03/2018,Y3,K,SPLD',
    'B123456789012,Juno,Birchley,02/11/2019,2,E,ASD',
    'C123456789012,Felix,Coldharbour,30/02/2017,4,K,SEMH',
    ',Maya,Thistlewood,' + demoBirthDate('PUP-0002') + ',R,K,SLCN',
  ].join('\n');
  await sidebar.getByLabel('CSV file').setInputFiles({
    name: 'mis-export.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(csv, 'utf8'),
  });
  // The MIS headers were recognised: first name comes from "Legal Forename".
  const firstName = sidebar.getByLabel(/^First name/);
  await firstName.waitFor();
  expect(await firstName.locator('option:checked').innerText()).toMatch(/Legal Forename/);
  await pressButton(sidebar, 'Preview');
  const body = sidebar.locator('body');
  await sidebar.getByRole('button', { name: 'Import 2 pupils' }).waitFor();
  const preview = await body.innerText();
  expect(preview).toMatch(/Line 4:\s*Date of birth/); // Felix: 30 February is not a date
  expect(preview).toMatch(/Maya Thistlewood/); // already on the Pupils tab
  expect(session.run.trial.emulator.records('Pupils')).toHaveLength(before); // a preview writes nothing
  expect(await seriousAxeViolations(session.page)).toEqual([]);
  await pressButton(sidebar, 'Import 2 pupils');
  await sidebar
    .getByRole('status')
    .filter({ hasText: /2 pupils/ })
    .first()
    .waitFor();
  const pupils = session.run.trial.emulator.records('Pupils');
  expect(pupils).toHaveLength(before + 2);
  expect(pupils.find((p) => p['First name'] === 'Juno')).toMatchObject({
    'Last name': 'Birchley',
    'Year group': 'Year 2',
    'SEN status': 'EHC plan',
    'Primary need': 'ASD',
    UPN: 'B123456789012',
  });
  await session.page.getByRole('tab', { name: 'Pupils' }).click();
  await session.page.getByRole('cell', { name: 'Rowan', exact: true }).waitFor();
}, 30_000);

/** A demo pupil's date of birth as the MIS writes it (dd/mm/yyyy). */
function demoBirthDate(id: string): string {
  const dob = session.run.trial.emulator.records('Pupils').find((p) => p['Pupil ID'] === id)?.[
    'Date of birth'
  ];
  if (!(dob instanceof Date)) throw new Error(`no date of birth for ${id}`);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(dob.getDate())}/${pad(dob.getMonth() + 1)}/${dob.getFullYear()}`;
}

test('saving an intervention with 60-minute sessions shows the dosage warning and saves it', async () => {
  await clickAddonMenuItem(session.page, /New intervention/);
  const sidebar = sidebarFrame(session.page);
  await sidebar.getByLabel('Name of the intervention').fill('Long reading sessions');
  await sidebar.getByLabel('Group or individual').selectOption('Group');
  await sidebar.getByLabel('Lead person').selectOption('Tobias Fenwick');
  await sidebar.getByLabel('Start date').fill('2026-12-07');
  await sidebar.getByLabel('Length in weeks').fill('12');
  await sidebar.getByLabel('Sessions per week').fill('3');
  await sidebar.getByLabel('Minutes per session').fill('60');
  await sidebar.getByLabel('Expected outcome').fill('Reading age up 6 months');
  await pressButton(sidebar, 'Save');
  const warnings = sidebar.locator('.warnings');
  await warnings.waitFor();
  expect(await warnings.innerText()).toMatch(
    /Sessions of 60 minutes are longer than the 15–45 minutes/,
  );
  const saved = session.run.trial.emulator
    .records('Interventions')
    .find((r) => r.Name === 'Long reading sessions');
  expect(String(saved?.Warnings)).toMatch(/60 minutes/);
  await session.page.getByRole('cell', { name: 'Long reading sessions', exact: true }).waitFor();
}, 30_000);

test('the pupil profile shows needs, interventions and time away from lessons', async () => {
  await clickAddonMenuItem(session.page, /Pupil profile/);
  const sidebar = sidebarFrame(session.page);
  const picker = sidebar.getByLabel('Pupil', { exact: true });
  await picker.waitFor();
  const option = await picker.locator('option', { hasText: 'Hana' }).getAttribute('value');
  await picker.selectOption(option!);
  await sidebar.getByText('Precision teaching: spelling').first().waitFor();
  const text = await sidebar.locator('body').innerText();
  expect(text).toMatch(/Social, emotional and mental health/);
  expect(text).toMatch(/Emotional literacy support \(1:1\)/);
  expect(text).toMatch(/minutes a week/i);
  expect(await seriousAxeViolations(session.page)).toEqual([]);
  await session.page.screenshot({ path: '/tmp/profile.png' });
}, 30_000);
