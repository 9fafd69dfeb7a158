/**
 * `npm run sweep`: faults at every service call, then a retry, and the figures.
 * - The daily reminders: a fault at every call of a Friday's run (and after every email and
 *   property write), each followed by a same-day retry and the weekend and Monday's runs: runs,
 *   repeated reminders, losses, sheets left different.
 * - Every kind of save: a fault at every call (and after every write), then the sidebar's retry
 *   with the same request ID: workbooks that differ from a clean save.
 * (`npm test` runs a sample of both: tests/integration/reminders-sweep and saves-sweep.)
 */
import { runSweep, sweepFaults } from '../tests/support/reminder-sweep';
import { runSaveSweep, saveScenarios } from '../tests/support/save-sweep';

function main(): void {
  process.env.TZ = 'Europe/London';
  const faults = sweepFaults(1);
  const started = Date.now();
  const totals = runSweep(faults);
  const after = faults.filter((f) => f.after).length;
  console.log(
    `Daily run fault sweep: ${totals.runs} runs (${totals.runs - after} with a call failing before it ` +
      `took effect, ${after} after), each retried the same day and run on Saturday, Sunday and Monday.`,
  );
  console.log(`  repeated reminders: ${totals.duplicated}`);
  console.log(
    `  repeats of the one email in doubt (sent, then reported as failed; sent again): ${totals.inDoubtRepeats}`,
  );
  console.log(`  reminders lost: ${totals.lost}`);
  console.log(
    `  Reviews tabs that differ from a clean run's after the retry: ${totals.marksDiffer}`,
  );
  console.log(`  (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  for (const line of totals.broken) console.log(`  BROKEN: ${line}`);

  const savesStarted = Date.now();
  const saves = runSaveSweep(saveScenarios(), 1);
  console.log(
    `Save fault sweep: ${saves.saves} kinds of save, ${saves.runs} runs; ${saves.failedFirst} first attempts failed and were retried with their request ID.`,
  );
  console.log(`  workbooks that differ from a clean save after the retry: ${saves.differ}`);
  console.log(`  (${((Date.now() - savesStarted) / 1000).toFixed(1)} s)`);
  for (const line of saves.broken) console.log(`  BROKEN: ${line}`);
  if (totals.broken.length > 0 || saves.broken.length > 0) process.exitCode = 1;
}

main();
