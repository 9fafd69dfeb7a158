/** The README is what a school's IT lead reads before granting access: it must match the code. */
import * as fs from 'node:fs';
import * as path from 'node:path';

const root = path.join(__dirname, '..', '..');
const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
const manifest = JSON.parse(fs.readFileSync(path.join(root, 'appsscript.json'), 'utf8')) as {
  oauthScopes: string[];
};
const SCOPE_PREFIX = 'https://www.googleapis.com/auth/';

/** The rows of the README's "OAuth scopes" table: scope → what it is for. */
function readmeScopes(): Map<string, string> {
  const start = readme.indexOf('OAuth scopes, and why each is needed');
  expect(start).toBeGreaterThan(-1);
  const rows = new Map<string, string>();
  for (const line of readme.slice(start).split('\n').slice(1)) {
    const match = /^\|\s*`([^`]+)`\s*\|\s*(.*?)\s*\|$/.exec(line.trim());
    if (match) rows.set(match[1]!, match[2]!);
    else if (rows.size > 0 && !line.startsWith('|')) break;
  }
  return rows;
}

test('the README lists exactly the OAuth scopes of appsscript.json, each with why it is needed', () => {
  const documented = readmeScopes();
  const granted = manifest.oauthScopes.map((url) => url.replace(SCOPE_PREFIX, ''));
  expect([...documented.keys()].sort()).toEqual([...granted].sort());
  for (const [scope, why] of documented) {
    expect({ scope, why: why.length > 10 }).toEqual({ scope, why: true });
  }
});

test('the README documents the PORT that npm start honours', () => {
  const server = fs.readFileSync(path.join(root, 'emulator', 'server', 'main.ts'), 'utf8');
  expect(server).toContain('process.env.PORT');
  expect(readme).toMatch(/PORT=\d+ npm start/);
});
