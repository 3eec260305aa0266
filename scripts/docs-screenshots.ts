/**
 * `npm run docs:screenshots`: retakes the README's screenshots
 * (docs/screenshots/*.png) against a fresh stack with the seeded demo world.
 * It runs only the `docs-screenshots` Playwright project, which exists only
 * when DOCS_SCREENSHOTS is set, so `npm test` never takes pictures.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const result = spawnSync(
  process.execPath,
  [
    path.join(ROOT, 'node_modules', '@playwright/test', 'cli.js'),
    'test',
    '--project=docs-screenshots',
    ...process.argv.slice(2),
  ],
  {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, DOCS_SCREENSHOTS: '1' },
  },
);
process.exit(result.status ?? 1);
