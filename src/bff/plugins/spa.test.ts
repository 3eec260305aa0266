import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from 'vitest';
import { startBffHarness } from '../test/bff-harness';

/**
 * H65: the build writes source maps (`sourcemap: 'hidden'`) for error
 * reporting, but they are never served: the whole SPA source was one request
 * away. A request for one gets the same 404 as any missing file.
 */
const harness = await startBffHarness();

function dist(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'bff-spa-'));
  mkdirSync(path.join(dir, 'assets'));
  writeFileSync(
    path.join(dir, 'index.html'),
    '<!doctype html><title>x</title>',
  );
  writeFileSync(path.join(dir, 'assets/index-AbC123.js'), 'export {};\n');
  writeFileSync(
    path.join(dir, 'assets/index-AbC123.js.map'),
    '{"version":3,"sources":["src/app/main.tsx"],"sourcesContent":["secret source"]}',
  );
  writeFileSync(path.join(dir, 'assets/index-AbC123.css.map'), '{}');
  writeFileSync(path.join(dir, 'root.js.map'), '{}');
  return dir;
}

test('source maps are never served, wherever they lie (H65)', async () => {
  const server = await harness.bff({}, { distDir: dist() });
  expect(
    (await server.inject({ url: '/assets/index-AbC123.js' })).statusCode,
  ).toBe(200);
  for (const url of [
    '/assets/index-AbC123.js.map',
    '/assets/index-AbC123.css.map',
    '/root.js.map',
  ]) {
    const response = await server.inject({ url });
    expect(response.statusCode, url).toBe(404);
    expect(response.body, url).not.toContain('secret source');
  }
});
