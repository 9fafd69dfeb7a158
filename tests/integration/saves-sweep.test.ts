/**
 * Every kind of save broken at (a sample of) its service calls, then retried with the same
 * request ID as the sidebar does: the workbook ends as a clean save leaves it, every time.
 * `npm run sweep` runs every position.
 */
import { runSaveSweep, saveScenarios } from '../support/save-sweep';

test('a save cut off anywhere completes on retry, exactly as a clean save', () => {
  const scenarios = saveScenarios();
  expect(scenarios.map((s) => s.fn)).toEqual(
    expect.arrayContaining(['saveIntervention', 'saveParticipant', 'saveReview', 'generateLetter']),
  );
  const totals = runSaveSweep(scenarios, 9);
  expect(totals.broken).toEqual([]);
  expect(totals.differ).toBe(0);
  // Most faults did make the first attempt fail: the retry had work to finish.
  expect(totals.failedFirst).toBeGreaterThan(totals.runs / 2);
}, 180_000);
