/**
 * `npm run sweep`: the daily reminders with a fault at every service call of a Friday's run (and
 * after every email and property write), each followed by a same-day retry and the weekend and
 * Monday's runs. Prints the figures: runs, repeated reminders, losses, sheets left different.
 * (`npm test` runs a sample of the same sweep: tests/integration/reminders-sweep.test.ts.)
 */
import { runSweep, sweepFaults } from '../tests/support/reminder-sweep';

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
  if (totals.broken.length > 0) process.exitCode = 1;
}

main();
