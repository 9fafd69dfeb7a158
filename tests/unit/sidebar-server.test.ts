import type { InterventionForm } from '../../src/domain/intervention';
import { callServer, describeFailure } from '../../sidebar/server';

type Handler = (value: unknown) => void;

/** A stand-in for Apps Script's google.script.run: answers each call after a tick. */
function stubRun(answer: (name: string, args: unknown[]) => { ok: unknown } | { fail: unknown }) {
  const calls: [string, unknown[]][] = [];
  const runner = (onOk?: Handler, onFail?: Handler): object =>
    new Proxy(
      {},
      {
        get: (_target, key: string) => {
          if (key === 'withSuccessHandler') return (h: Handler) => runner(h, onFail);
          if (key === 'withFailureHandler') return (h: Handler) => runner(onOk, h);
          return (...args: unknown[]) => {
            calls.push([key, args]);
            const result = answer(key, args);
            setTimeout(() => ('ok' in result ? onOk?.(result.ok) : onFail?.(result.fail)), 0);
          };
        },
      },
    );
  (globalThis as Record<string, unknown>).google = { script: { run: runner() } };
  return calls;
}

const SIGNED_IN_TWICE = /signed in to more than one Google account/;

afterEach(() => {
  delete (globalThis as Record<string, unknown>).google;
});

describe('describeFailure', () => {
  it.each([
    new Error('ScriptError: Authorization is required to perform that action.'),
    new Error("We're sorry, a server error occurred. Error code PERMISSION_DENIED"),
    Object.assign(new Error('boom'), { name: 'ScriptError' }),
    'You do not have authorization to run this',
  ])('explains the several-accounts problem for %p', (error) => {
    expect(describeFailure(error)).toMatch(SIGNED_IN_TWICE);
  });

  it('explains a lost connection', () => {
    expect(describeFailure(new Error('NetworkError: Connection failure due to HTTP 0'))).toMatch(
      /internet connection/,
    );
  });

  it('keeps the detail of any other failure, and says trying again is safe', () => {
    const message = describeFailure(new Error('Lock timeout <b>x</b>'));
    expect(message).toMatch(/never saves anything twice/);
    expect(message).toContain('Lock timeout <b>x</b>');
    expect(describeFailure(undefined)).toMatch(/try again/);
  });
});

describe('callServer', () => {
  it('calls the named function with its arguments and resolves with its result', async () => {
    const options = { staff: ['Ann'], today: '2026-09-07', workbookReady: true };
    stubRun(() => ({ ok: options }));
    await expect(callServer('getInterventionFormOptions')).resolves.toEqual(options);

    const form = { name: 'Reading', lead: 'Ann' } as InterventionForm;
    const calls = stubRun(() => ({ ok: { ok: true, id: 'INT-0001', message: 'Saved' } }));
    await expect(callServer('saveIntervention', form)).resolves.toMatchObject({ id: 'INT-0001' });
    expect(calls).toEqual([['saveIntervention', [form, expect.stringMatching(/^[0-9a-f]{32}$/)]]]);
  });

  it('a save sent again after a failure carries the same request ID; after an answer, a new one', async () => {
    const form = { name: 'Reading', lead: 'Ann' } as InterventionForm;
    let failing = true;
    const calls = stubRun(() =>
      failing
        ? { fail: new Error('NetworkError: Connection failure due to HTTP 0') }
        : { ok: { ok: true } },
    );
    await expect(callServer('saveIntervention', form)).rejects.toThrow(/internet connection/);
    failing = false;
    await callServer('saveIntervention', form);
    await callServer('saveIntervention', form);
    const ids = calls.map(([, args]) => args[1]);
    expect(ids[0]).toBe(ids[1]);
    expect(ids[2]).not.toBe(ids[1]);
    // A changed form is another submit.
    failing = true;
    await expect(callServer('saveIntervention', { ...form, name: 'Maths' })).rejects.toThrow();
    expect(calls[3]?.[1][1]).not.toBe(ids[2]);
  });

  it('reads carry no request ID', async () => {
    const calls = stubRun(() => ({ ok: null }));
    await callServer('getIntervention', 'INT-0001');
    expect(calls).toEqual([['getIntervention', ['INT-0001']]]);
  });

  it('rejects with a plain-English message when the server call fails', async () => {
    stubRun(() => ({ fail: new Error('ScriptError: Authorization is required') }));
    await expect(callServer('getInterventionFormOptions')).rejects.toThrow(SIGNED_IN_TWICE);
  });

  it('rejects clearly outside Google Sheets', async () => {
    await expect(callServer('getInterventionFormOptions')).rejects.toThrow(/inside Google Sheets/);
  });
});
