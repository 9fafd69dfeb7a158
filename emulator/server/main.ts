/**
 * `npm start`: the offline trial page. npm start builds the add-on first; this only serves it.
 *
 *   npm start                 keep the workbook in .trial/workbook.json between runs
 *   npm start -- --reset      start again from the demo school
 *   PORT=9000 npm start       another port (when it is busy, the next free one is used)
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { startTrialServer } from './trial';

const root = path.resolve(__dirname, '..', '..');
const trialDir = path.join(root, '.trial');
const stateFile = path.join(trialDir, 'workbook.json');
const buildDir = path.join(root, 'build');

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args.includes('--help') || args.includes('-h')) {
    console.log(
      'Usage: npm start [-- --reset]\n  --reset  delete .trial/ and start again from the demo school',
    );
    return;
  }
  if (!fs.existsSync(path.join(buildDir, 'Code.js'))) {
    console.error(
      'build/Code.js is missing: run `npm run build` first (npm start does it for you).',
    );
    process.exitCode = 1;
    return;
  }
  if (args.includes('--reset')) {
    fs.rmSync(trialDir, { recursive: true, force: true });
    console.log('Reset: the demo school will be set up again.');
  }

  const port = parsePort(process.env.PORT) ?? 8080;
  const trial = await startTrialServer({ port, portRetries: 20, stateFile, buildDir });
  console.log(`SEND provision map trial running at ${trial.url} (press Ctrl+C to stop)`);
  console.log(`The workbook is kept in ${path.relative(root, stateFile)} (on this computer only).`);
  console.log(
    'To start again from the demo school: stop, delete .trial/ or run `npm start -- --reset`.',
  );

  const stop = (): void => {
    console.log('\nStopping the trial server.');
    trial.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

function parsePort(value: string | undefined): number | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new Error(`PORT must be a whole number from 1 to 65535, not "${value}".`);
  }
  return port;
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exitCode = 1;
});
