/**
 * The test run must always end: a trial server or browser left open keeps jest waiting forever.
 */
import * as http from 'node:http';
import * as net from 'node:net';
import { openTrialServerCount, startTrialServer } from '../../emulator/server/trial';
import { startTrialBrowser } from '../support/browser';

function portOf(url: string): number {
  return Number(new URL(url).port);
}

/** Resolves true when something accepts a connection on the port. */
function isListening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

test('when Chromium cannot start, the trial server it started is closed again', async () => {
  await expect(startTrialBrowser('/nonexistent/chromium')).rejects.toThrow(/chromium/i);
  expect(openTrialServerCount()).toBe(0);
});

test('closing the trial ends kept-alive connections at once, so nothing holds the process open', async () => {
  const trial = await startTrialServer({ port: 0, seedDemo: false });
  const port = portOf(trial.url);
  const agent = new http.Agent({ keepAlive: true });
  await new Promise<void>((resolve, reject) => {
    http
      .get(`http://127.0.0.1:${port}/`, { agent }, (res) => {
        res.resume();
        res.on('end', resolve);
      })
      .on('error', reject);
  });
  expect(openTrialServerCount()).toBe(1);
  const started = Date.now();
  await trial.close();
  agent.destroy();
  expect(Date.now() - started).toBeLessThan(2000);
  expect(openTrialServerCount()).toBe(0);
  expect(await isListening(port)).toBe(false);
});
