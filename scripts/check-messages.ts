/**
 * Re-extracts the SPA's messages (`lingui extract --clean`) and fails when a
 * committed catalogue was stale: a message added, changed or removed in the
 * code without `npm run i18n:extract`. Then checks the catalogues themselves
 * (scripts/catalogues.ts): complete, valid, placeholders intact.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkCatalogues, readCatalogues } from './catalogues';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const LOCALES = path.join(ROOT, 'src/app/i18n/locales');

function snapshot(): Map<string, string> {
  const files = new Map<string, string>();
  for (const locale of readdirSync(LOCALES)) {
    for (const file of readdirSync(path.join(LOCALES, locale))) {
      const name = `${locale}/${file}`;
      files.set(name, readFileSync(path.join(LOCALES, name), 'utf8'));
    }
  }
  return files;
}

const before = snapshot();
const result = spawnSync(
  process.execPath,
  [
    path.join(ROOT, 'node_modules/@lingui/cli/dist/lingui.js'),
    'extract',
    '--clean',
  ],
  { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] },
);
if (result.status !== 0) process.exit(result.status ?? 1);

const after = snapshot();
const changed = [...new Set([...before.keys(), ...after.keys()])].filter(
  (name) => before.get(name) !== after.get(name),
);
if (changed.length > 0) {
  console.error(
    `Message catalogues were stale: ${changed.join(', ')}.\n` +
      'Run "npm run i18n:extract", translate what is new, and commit the catalogues.',
  );
  process.exit(1);
}
const problems = checkCatalogues(await readCatalogues(LOCALES));
if (problems.length > 0) {
  console.error(
    `Message catalogues have problems:\n- ${problems.join('\n- ')}`,
  );
  process.exit(1);
}
console.log('Message catalogues are up to date, complete and valid.');
