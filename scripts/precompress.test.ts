import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { expect, test } from 'vitest';
import { precompress } from './precompress';

const text = (n: number) =>
  Array.from(
    { length: n },
    (_, i) => `const v${String(i)} = ${String(i)};`,
  ).join('\n');

test('writes brotli and gzip copies that decode to each text file', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'precompress-'));
  mkdirSync(path.join(dir, 'assets'));
  mkdirSync(path.join(dir, 'auth'));
  const files = {
    'index.html': `<!doctype html>${'<p>row</p>'.repeat(200)}`,
    'assets/index-AbC123.js': text(500),
    'assets/index-AbC123.css': '.row{margin:0}\n'.repeat(200),
    'auth/popup-callback.js': text(200),
  };
  for (const [name, content] of Object.entries(files))
    writeFileSync(path.join(dir, name), content);
  const result = await precompress(dir);
  expect(result.files.sort()).toEqual(Object.keys(files).sort());
  for (const [name, content] of Object.entries(files)) {
    const file = path.join(dir, name);
    expect(
      brotliDecompressSync(readFileSync(`${file}.br`)).toString(),
      name,
    ).toBe(content);
    expect(gunzipSync(readFileSync(`${file}.gz`)).toString(), name).toBe(
      content,
    );
  }
  expect(result.bytes.brotli).toBeLessThan(result.bytes.gzip);
  expect(result.bytes.gzip).toBeLessThan(result.bytes.identity);
});

test('leaves alone small files, source maps, binaries and dot-folders', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'precompress-'));
  mkdirSync(path.join(dir, 'assets'));
  mkdirSync(path.join(dir, '.vite'));
  writeFileSync(path.join(dir, 'assets/tiny-AbC123.js'), 'export {};\n');
  writeFileSync(path.join(dir, 'assets/index-AbC123.js.map'), text(500));
  writeFileSync(path.join(dir, 'assets/logo-AbC123.png'), text(500));
  writeFileSync(path.join(dir, '.vite/manifest.json'), text(500));
  const result = await precompress(dir);
  expect(result.files).toEqual([]);
  for (const name of [
    'assets/tiny-AbC123.js',
    'assets/index-AbC123.js.map',
    'assets/logo-AbC123.png',
    '.vite/manifest.json',
  ]) {
    expect(existsSync(path.join(dir, `${name}.br`)), name).toBe(false);
    expect(existsSync(path.join(dir, `${name}.gz`)), name).toBe(false);
  }
});

test('an incompressible file gets no copy', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'precompress-'));
  // Random bytes do not compress; a copy would only cost a header.
  const noise = Buffer.from(
    Array.from({ length: 4096 }, () => Math.floor(Math.random() * 256)),
  );
  writeFileSync(path.join(dir, 'noise.js'), noise);
  expect((await precompress(dir)).files).toEqual([]);
  expect(existsSync(path.join(dir, 'noise.js.gz'))).toBe(false);
});
