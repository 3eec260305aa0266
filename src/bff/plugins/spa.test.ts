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

/**
 * `vite build` also writes its manifest (every chunk with its source path)
 * to dist/.vite/, read by `npm run size`. Dotfiles and dot-folders are build
 * metadata, not the app: none is served.
 */
test('the build manifest and other dotfiles are never served', async () => {
  const dir = dist();
  mkdirSync(path.join(dir, '.vite'));
  writeFileSync(
    path.join(dir, '.vite/manifest.json'),
    '{"index.html":{"file":"assets/index-AbC123.js","src":"index.html"}}',
  );
  writeFileSync(path.join(dir, 'assets/.hidden.js'), 'export {};\n');
  const server = await harness.bff({}, { distDir: dir });
  for (const url of [
    '/.vite/manifest.json',
    '/%2Evite/manifest.json',
    '/assets/.hidden.js',
  ]) {
    const response = await server.inject({ url });
    expect(response.statusCode, url).toBe(404);
    expect(response.body, url).not.toContain('assets/index-AbC123.js');
  }
  expect((await server.inject({ url: '/' })).statusCode).toBe(200);
});
