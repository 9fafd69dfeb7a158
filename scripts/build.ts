/**
 * Builds what clasp pushes, into build/:
 * - Code.js: src/ bundled as one IIFE, plus one top-level function per exported entry point
 *   (Apps Script only sees top-level function declarations: menus, triggers and
 *   google.script.run call them by name).
 * - sidebar.html: sidebar/index.html with its bundled script and style inlined (HtmlService
 *   serves one file).
 * - appsscript.json: the manifest, copied.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { build, transform } from 'esbuild';

const root = path.resolve(__dirname, '..');
const out = path.join(root, 'build');
export const GLOBAL_NAME = 'SendProvisionMap';

/** The names src/main.ts exports (esbuild lists exports only for ESM output). */
async function exportedNames(entry: string): Promise<string[]> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    mainFields: ['module', 'main'],
    write: false,
    metafile: true,
  });
  const meta = Object.values(result.metafile.outputs)[0];
  return (meta?.exports ?? []).filter((name) => /^[A-Za-z_$][\w$]*$/.test(name)).sort();
}

async function buildServer(): Promise<string[]> {
  const entry = path.join(root, 'src/main.ts');
  const entryPoints = await exportedNames(entry);
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    format: 'iife',
    globalName: GLOBAL_NAME,
    target: 'es2020',
    platform: 'neutral',
    mainFields: ['module', 'main'],
    write: false,
    legalComments: 'none',
    charset: 'utf8',
  });
  const output = result.outputFiles[0];
  if (!output || entryPoints.length === 0) throw new Error('esbuild produced no entry points');
  const wrappers = entryPoints.map(
    (name) => `function ${name}() {\n  return ${GLOBAL_NAME}.${name}.apply(this, arguments);\n}\n`,
  );
  const banner = '// Built from src/ by scripts/build.ts: edit the TypeScript, not this file.\n';
  fs.writeFileSync(path.join(out, 'Code.js'), banner + output.text + '\n' + wrappers.join('\n'));
  return entryPoints;
}

async function buildSidebar(): Promise<number> {
  const script = await build({
    entryPoints: [path.join(root, 'sidebar/main.ts')],
    bundle: true,
    format: 'iife',
    target: 'es2020',
    minify: true,
    write: false,
    legalComments: 'none',
    charset: 'utf8',
  });
  const js = script.outputFiles[0]?.text ?? '';
  const css = (
    await transform(fs.readFileSync(path.join(root, 'sidebar/style.css'), 'utf8'), {
      loader: 'css',
      minify: true,
    })
  ).code;
  // The sidebar is served as an HtmlService template: a stray "<?" in the script would be read as
  // a scriptlet, and "</script" would end the inline script early.
  if (js.includes('<?') || /<\/script/i.test(js)) {
    throw new Error('The sidebar script contains "<?" or "</script": it cannot be inlined safely.');
  }
  const page = fs.readFileSync(path.join(root, 'sidebar/index.html'), 'utf8');
  for (const marker of ['<!-- STYLE -->', '<!-- SCRIPT -->']) {
    if (!page.includes(marker)) throw new Error(`sidebar/index.html has no ${marker} marker`);
  }
  const html = page
    .replace('<!-- STYLE -->', () => `<style>${css}</style>`)
    .replace('<!-- SCRIPT -->', () => `<script>${js}</script>`);
  fs.writeFileSync(path.join(out, 'sidebar.html'), html);
  return Buffer.byteLength(html);
}

async function main(): Promise<void> {
  fs.rmSync(out, { recursive: true, force: true });
  fs.mkdirSync(out, { recursive: true });
  const entryPoints = await buildServer();
  const sidebarBytes = await buildSidebar();
  fs.copyFileSync(path.join(root, 'appsscript.json'), path.join(out, 'appsscript.json'));
  console.log(
    `build/Code.js: ${entryPoints.length} entry points (${entryPoints.join(', ')}); ` +
      `build/sidebar.html: ${(sidebarBytes / 1024).toFixed(1)} KB`,
  );
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
