import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { DEFAULT_CHROMIUM, planChromium, type Machine } from '../../scripts/ensure-chromium';

const missing: Machine = {
  chromiumPresent: false,
  isRoot: false,
  hasAptGet: true,
  hasPasswordlessSudo: false,
};

describe('before npm test, Chromium is found or installed from Debian', () => {
  test('a machine with Chromium needs nothing', () => {
    expect(planChromium({ ...missing, chromiumPresent: true }, DEFAULT_CHROMIUM)).toEqual({
      kind: 'present',
    });
  });

  test('as root, apt-get updates its lists first, then installs chromium without asking', () => {
    expect(planChromium({ ...missing, isRoot: true }, DEFAULT_CHROMIUM)).toEqual({
      kind: 'install',
      commands: [
        ['apt-get', 'update', '-q'],
        ['apt-get', 'install', '-y', '-q', 'chromium'],
      ],
    });
  });

  test('another user installs through sudo -n, which fails rather than waits for a password', () => {
    const plan = planChromium({ ...missing, hasPasswordlessSudo: true }, DEFAULT_CHROMIUM);
    expect(
      plan.kind === 'install' && plan.commands.every((c) => c[0] === 'sudo' && c[1] === '-n'),
    ).toBe(true);
  });

  test('without root or sudo, one line says what to run', () => {
    const plan = planChromium(missing, DEFAULT_CHROMIUM);
    expect(plan.kind).toBe('cannot');
    if (plan.kind !== 'cannot') return;
    expect(plan.message).toContain('sudo apt-get install -y chromium');
    expect(plan.message).not.toContain('\n');
  });

  test('without apt-get, one line says what to run', () => {
    const plan = planChromium({ ...missing, isRoot: true, hasAptGet: false }, DEFAULT_CHROMIUM);
    expect(plan.kind === 'cannot' && plan.message).toMatch(
      /apt-get is not available.*CHROMIUM_PATH/,
    );
  });

  test('a CHROMIUM_PATH with nothing there is reported, never papered over by apt-get', () => {
    const plan = planChromium({ ...missing, isRoot: true }, '/opt/nowhere/chromium');
    expect(plan.kind === 'cannot' && plan.message).toContain('/opt/nowhere/chromium');
  });

  test('the real script stops at once with the one line, and a failing exit code', () => {
    const script = path.join(__dirname, '..', '..', 'scripts', 'ensure-chromium.ts');
    const tsx = path.join(__dirname, '..', '..', 'node_modules', '.bin', 'tsx');
    const result = spawnSync(tsx, [script], {
      env: { ...process.env, CHROMIUM_PATH: '/opt/nowhere/chromium' },
      stdio: ['ignore', 'pipe', 'pipe'],
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain('CHROMIUM_PATH is /opt/nowhere/chromium');
  });
});
