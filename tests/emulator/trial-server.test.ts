/** The trial page may hold real pupil data: it answers only this computer, and keeps its file private. */
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as os from 'node:os';
import * as path from 'node:path';
import { startTrialServer, type TrialServer } from '../../emulator/server/trial';

let trial: TrialServer;
let dir: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'trial-server-'));
  trial = await startTrialServer({
    port: 0,
    seedDemo: false,
    stateFile: path.join(dir, 'workbook.json'),
    now: new Date('2026-11-23T09:00:00Z'),
  });
});

afterAll(async () => {
  await trial.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

function getWithHost(host: string): Promise<number> {
  const port = Number(new URL(trial.url).port);
  return new Promise((resolve, reject) => {
    http
      .get({ host: '127.0.0.1', port, path: '/api/state', headers: { Host: host } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      })
      .on('error', reject);
  });
}

test('the trial answers requests addressed to its own host and port', async () => {
  const port = new URL(trial.url).port;
  expect(await getWithHost(`127.0.0.1:${port}`)).toBe(200);
  expect(await getWithHost(`localhost:${port}`)).toBe(200);
});

test('a request naming another site, or another port on this computer, is refused', async () => {
  const port = Number(new URL(trial.url).port);
  expect(await getWithHost(`evil.example:${port}`)).toBe(403);
  expect(await getWithHost(`127.0.0.1:${port + 1}`)).toBe(403);
  expect(await getWithHost('127.0.0.1')).toBe(403);
});
