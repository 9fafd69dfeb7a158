/**
 * A fault at (a sample of) every service call of a Friday's daily run, then a same-day retry and
 * the weekend and Monday's runs: nothing repeated but the one email in doubt, nothing lost, and
 * the sheet's marks as a clean run leaves them. `npm run sweep` runs every position.
 */
import { runSweep, sweepFaults } from '../support/reminder-sweep';

test('a fault anywhere in the daily run: no reminder twice (but the one in doubt), none lost', () => {
  const faults = sweepFaults(3);
  expect(faults.length).toBeGreaterThan(25);
  const totals = runSweep(faults);
  expect(totals.broken).toEqual([]);
  expect(totals.duplicated).toBe(0);
  expect(totals.lost).toBe(0);
  expect(totals.marksDiffer).toBe(0);
  // Some "after" faults on a send did leave an email in doubt, and it was sent again.
  expect(totals.inDoubtRepeats).toBeGreaterThan(0);
}, 120_000);
