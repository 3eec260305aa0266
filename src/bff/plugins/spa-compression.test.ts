import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { expect, test } from 'vitest';
import { precompress } from '../../../scripts/precompress';
import { startBffHarness } from '../test/bff-harness';

/**
 * The build writes brotli and gzip copies beside the SPA's files
 * (scripts/precompress.ts, run by `vite build`); the BFF serves the copy a
 * browser accepts, with the right Content-Encoding and `Vary`, keeps the
 * caching rules of the file it stands for, and falls back to the file itself.
 */
const harness = await startBffHarness();

const SCRIPT = `export const rows = [${Array.from({ length: 400 }, (_, i) => `{id:${String(i)},name:"Task ${String(i)}"}`).join(',')}];\n`;
const SHELL = `<!doctype html><html lang="en"><head><title>Tasklist Inbox</title>${'<meta name="x" content="padding so the shell is worth compressing">'.repeat(30)}</head><body><div id="root"></div></body></html>`;

async function builtDist(): Promise<string> {
  const dir = mkdtempSync(path.join(tmpdir(), 'bff-spa-compressed-'));
  mkdirSync(path.join(dir, 'assets'));
  writeFileSync(path.join(dir, 'index.html'), SHELL);
  writeFileSync(path.join(dir, 'assets/index-AbC123.js'), SCRIPT);
  writeFileSync(path.join(dir, 'assets/tiny-AbC123.js'), 'export {};\n');
  await precompress(dir);
  return dir;
}

const server = await harness.bff({}, { distDir: await builtDist() });

const get = (url: string, acceptEncoding?: string) =>
  server.inject({
    url,
    headers: acceptEncoding ? { 'accept-encoding': acceptEncoding } : {},
  });

const varies = (vary: unknown) =>
  String(vary)
    .split(',')
    .map((v) => v.trim().toLowerCase())
    .includes('accept-encoding');

test('a browser accepting brotli gets brotli, which decodes to the file', async () => {
  const response = await get('/assets/index-AbC123.js', 'gzip, deflate, br');
  expect(response.statusCode).toBe(200);
  expect(response.headers['content-encoding']).toBe('br');
  expect(response.headers['content-type']).toMatch(
    /^(text|application)\/javascript/,
  );
  expect(varies(response.headers.vary)).toBe(true);
  expect(response.headers['cache-control']).toBe(
    'public, max-age=31536000, immutable',
  );
  expect(response.rawPayload.length).toBeLessThan(SCRIPT.length / 3);
  expect(brotliDecompressSync(response.rawPayload).toString()).toBe(SCRIPT);
});

test('a browser accepting only gzip gets gzip', async () => {
  const response = await get('/assets/index-AbC123.js', 'gzip');
  expect(response.headers['content-encoding']).toBe('gzip');
  expect(varies(response.headers.vary)).toBe(true);
  expect(response.headers['cache-control']).toContain('immutable');
  expect(gunzipSync(response.rawPayload).toString()).toBe(SCRIPT);
});

test('without Accept-Encoding, or with identity only, the file is sent as it is', async () => {
  for (const accept of [undefined, 'identity']) {
    const response = await get('/assets/index-AbC123.js', accept);
    expect(response.statusCode, accept).toBe(200);
    expect(response.headers['content-encoding'], accept).toBeUndefined();
    // A shared cache must not hand this answer to a browser that takes br.
    expect(varies(response.headers.vary), accept).toBe(true);
    expect(response.body, accept).toBe(SCRIPT);
  }
});

test('the HTML shell is compressed too, and stays no-cache with its CSP', async () => {
  for (const url of ['/', '/tasks']) {
    const response = await get(url, 'br');
    expect(response.statusCode, url).toBe(200);
    expect(response.headers['content-encoding'], url).toBe('br');
    expect(response.headers['content-type'], url).toMatch(/^text\/html/);
    expect(response.headers['cache-control'], url).toBe('no-cache');
    expect(response.headers['content-security-policy'], url).toContain(
      "script-src 'self'",
    );
    expect(brotliDecompressSync(response.rawPayload).toString(), url).toBe(
      SHELL,
    );
  }
});

test('a file too small to gain from compression is sent as it is', async () => {
  const response = await get('/assets/tiny-AbC123.js', 'br, gzip');
  expect(response.statusCode).toBe(200);
  expect(response.headers['content-encoding']).toBeUndefined();
  expect(response.body).toBe('export {};\n');
});

test('the compressed copies are not served under their own names', async () => {
  for (const url of [
    '/assets/index-AbC123.js.br',
    '/assets/index-AbC123.js.gz',
    '/index.html.br',
  ]) {
    for (const accept of [undefined, 'br, gzip']) {
      const response = await get(url, accept);
      expect(response.statusCode, `${url} ${String(accept)}`).toBe(404);
      expect(response.headers['content-encoding']).toBeUndefined();
    }
  }
});

test('revalidating a compressed file answers 304 for its own validator', async () => {
  const first = await get('/assets/index-AbC123.js', 'br');
  const etag = first.headers.etag;
  expect(etag).toBeTruthy();
  const again = await server.inject({
    url: '/assets/index-AbC123.js',
    headers: { 'accept-encoding': 'br', 'if-none-match': String(etag) },
  });
  expect(again.statusCode).toBe(304);
  // The identity file has a validator of its own: a gzip-only browser
  // holding it is not told its copy matches the brotli one.
  const identity = await get('/assets/index-AbC123.js');
  expect(identity.headers.etag).not.toBe(etag);
});
