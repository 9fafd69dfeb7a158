/**
 * The Staff form in the browser, against the npm start page: "Trained in" takes programmes picked
 * from the Provision library, by keyboard, and still takes anything typed.
 */
import {
  clickAddonMenuItem,
  pressButton,
  seriousAxeViolations,
  sidebarFrame,
  useTrialPage,
} from '../support/browser';

const session = useTrialPage();

test('picks a programme from the Provision library for "Trained in", and saves it', async () => {
  await clickAddonMenuItem(session.page, /^Staff/);
  const sidebar = sidebarFrame(session.page);
  const person = sidebar.getByLabel('Person', { exact: true });
  await person.waitFor();
  const sam = await person.locator('option', { hasText: 'Sam Okonjo-Reed' }).getAttribute('value');
  await person.selectOption(sam!);
  const trainedIn = sidebar.getByLabel('Trained in', { exact: true });
  await sidebar.getByText(/^Showing Sam Okonjo-Reed/).waitFor();
  const before = await trainedIn.inputValue();
  expect(before).not.toMatch(/Phonics catch-up/);

  const library = sidebar.getByLabel('Or pick from the Provision library');
  const offered = await library.locator('option').allInnerTexts();
  expect(offered).toEqual(expect.arrayContaining(['Phonics catch-up', 'Precision teaching']));
  await library.focus();
  await library.selectOption('Phonics catch-up');
  const add = sidebar.getByRole('button', { name: 'Add to Trained in' });
  await add.focus();
  await add.press('Enter');
  await sidebar.getByRole('status').filter({ hasText: 'Added Phonics catch-up' }).waitFor();
  expect(await trainedIn.inputValue()).toBe(`${before}; Phonics catch-up`);
  // Adding it twice adds nothing.
  await library.selectOption('Phonics catch-up');
  await add.press('Enter');
  await sidebar.getByRole('status').filter({ hasText: 'already in Trained in' }).waitFor();
  expect(await trainedIn.inputValue()).toBe(`${before}; Phonics catch-up`);
  expect(await seriousAxeViolations(session.page)).toEqual([]);

  await pressButton(sidebar, 'Save');
  await sidebar
    .getByRole('status')
    .filter({ hasText: /Saved the changes/ })
    .first()
    .waitFor();
  const row = session.run.trial.emulator.records('Staff').find((r) => r.Name === 'Sam Okonjo-Reed');
  expect(row?.['Trained in']).toBe(`${before}; Phonics catch-up`);
}, 30_000);
