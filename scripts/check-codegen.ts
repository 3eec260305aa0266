/**
 * Regenerates the typed GraphQL documents and fails when the committed output
 * was stale, so generated types can never drift from the schema or documents.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const GENERATED = path.join(ROOT, 'src/app/graphql/__generated__');

function snapshot(): Map<string, string> {
  const files = new Map<string, string>();
  if (!existsSync(GENERATED)) return files;
  for (const name of readdirSync(GENERATED)) {
    files.set(name, readFileSync(path.join(GENERATED, name), 'utf8'));
  }
  return files;
}

const before = snapshot();
const result = spawnSync(
  process.execPath,
  [
    path.join(ROOT, 'node_modules/@graphql-codegen/cli/cjs/bin.js'),
    '--config',
    'codegen.ts',
  ],
  { cwd: ROOT, stdio: 'inherit' },
);
if (result.status !== 0) process.exit(result.status ?? 1);

const after = snapshot();
const changed = [...new Set([...before.keys(), ...after.keys()])].filter(
  (name) => before.get(name) !== after.get(name),
);
if (changed.length > 0) {
  console.error(
    `Generated GraphQL code was stale: ${changed.join(', ')}.\n` +
      'Run "npm run codegen" and commit the result.',
  );
  process.exit(1);
}
console.log('Generated GraphQL code is up to date.');
