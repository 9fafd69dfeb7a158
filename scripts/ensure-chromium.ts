/**
 * Runs before `npm test`: the browser tests drive Debian's Chromium, so make sure it is there.
 *
 * Present: say nothing. Missing: install Debian's `chromium` with apt-get (as root, or with a sudo
 * that needs no password), since no browser can be downloaded any other way here. When that is not
 * possible, stop at once with one line saying what to run: never a prompt, a hang or a silent skip.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

export const DEFAULT_CHROMIUM = '/usr/bin/chromium';

/** Where the browser tests look for Chromium: CHROMIUM_PATH when set, else Debian's. */
export function chromiumPath(env: NodeJS.ProcessEnv = process.env): string {
  return env.CHROMIUM_PATH?.trim() || DEFAULT_CHROMIUM;
}

export interface Machine {
  chromiumPresent: boolean;
  isRoot: boolean;
  hasAptGet: boolean;
  /** sudo exists and runs without asking for a password. */
  hasPasswordlessSudo: boolean;
}

export type ChromiumPlan =
  | { kind: 'present' }
  | { kind: 'install'; commands: string[][] }
  | { kind: 'cannot'; message: string };

const INSTALL_BY_HAND = 'sudo apt-get update && sudo apt-get install -y chromium';

export function planChromium(machine: Machine, chromium: string): ChromiumPlan {
  if (machine.chromiumPresent) return { kind: 'present' };
  if (chromium !== DEFAULT_CHROMIUM) {
    return {
      kind: 'cannot',
      message: `CHROMIUM_PATH is ${chromium}, but no browser is there: fix CHROMIUM_PATH, or unset it to use Debian's chromium (${INSTALL_BY_HAND}).`,
    };
  }
  if (!machine.hasAptGet) {
    return {
      kind: 'cannot',
      message: `The browser tests need Chromium at ${DEFAULT_CHROMIUM} and apt-get is not available to install it: on Debian or Ubuntu run \`${INSTALL_BY_HAND}\`, or set CHROMIUM_PATH to a Chromium, then run npm test again.`,
    };
  }
  const prefix = machine.isRoot ? [] : machine.hasPasswordlessSudo ? ['sudo', '-n'] : null;
  if (!prefix) {
    return {
      kind: 'cannot',
      message: `The browser tests need Chromium at ${DEFAULT_CHROMIUM}, and installing it needs root: run \`${INSTALL_BY_HAND}\`, then npm test again.`,
    };
  }
  return {
    kind: 'install',
    commands: [
      [...prefix, 'apt-get', 'update', '-q'],
      [...prefix, 'apt-get', 'install', '-y', '-q', 'chromium'],
    ],
  };
}

function onPath(command: string, env: NodeJS.ProcessEnv): boolean {
  return (env.PATH ?? '').split(path.delimiter).some((dir) => {
    try {
      fs.accessSync(path.join(dir, command), fs.constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

function isExecutable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

export function inspectMachine(chromium: string, env: NodeJS.ProcessEnv = process.env): Machine {
  const isRoot = process.getuid?.() === 0;
  const hasSudo = !isRoot && onPath('sudo', env);
  return {
    chromiumPresent: isExecutable(chromium),
    isRoot,
    hasAptGet: onPath('apt-get', env),
    hasPasswordlessSudo:
      hasSudo && spawnSync('sudo', ['-n', 'true'], { stdio: 'ignore', env }).status === 0,
  };
}

function main(): number {
  const chromium = chromiumPath();
  const plan = planChromium(inspectMachine(chromium), chromium);
  if (plan.kind === 'present') return 0;
  if (plan.kind === 'cannot') {
    console.error(plan.message);
    return 1;
  }
  console.log(`Chromium is missing: installing Debian's chromium for the browser tests (once)...`);
  for (const [command, ...args] of plan.commands) {
    const result = spawnSync(command!, args, {
      // No terminal input: apt-get must never stop to ask a question.
      stdio: ['ignore', 'inherit', 'inherit'],
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    if (result.status !== 0) {
      console.error(
        `\`${[command, ...args].join(' ')}\` failed (exit ${result.status ?? result.signal}): run \`${INSTALL_BY_HAND}\` yourself, then npm test again.`,
      );
      return 1;
    }
  }
  if (!isExecutable(chromium)) {
    console.error(
      `apt-get installed chromium but ${chromium} is still missing: run \`${INSTALL_BY_HAND}\` and check where it went.`,
    );
    return 1;
  }
  console.log(`Chromium installed at ${chromium}.`);
  return 0;
}

if (require.main === module) process.exitCode = main();
