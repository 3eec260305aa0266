/**
 * Brotli and gzip copies of the built SPA's text files, written next to them
 * at build time (`index-abc123.js` → `index-abc123.js.br`, `.gz`). The BFF
 * serves them through @fastify/static's `preCompressed` to browsers that
 * accept them, so no request pays for compression and every file is
 * compressed once, at the highest level, instead of per response.
 *
 * A copy is written only when it is smaller than the file by a margin worth
 * a `Content-Encoding` (tiny files and already-compressed formats stay as
 * they are). Source maps are never served (security.md H65), so they get no
 * copies; nor does Vite's manifest folder.
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { Plugin } from 'vite';

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/** Text formats the SPA ships; images other than SVG are compressed already. */
const COMPRESSIBLE = /\.(?:js|mjs|css|html|svg|json|txt|xml|webmanifest)$/;
/** Below this a compressed copy saves less than its headers cost. */
const MIN_BYTES = 1024;
/** A copy must save at least this share of the file to be worth serving. */
const MIN_SAVING = 0.1;

export interface PrecompressResult {
  /** Files given copies, relative to the folder. */
  files: string[];
  /** Bytes before and after, over the files given copies. */
  bytes: { identity: number; gzip: number; brotli: number };
}

function compressible(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter(
      (entry) =>
        entry.isFile() &&
        COMPRESSIBLE.test(entry.name) &&
        // Dot-folders (Vite's manifest) are never served.
        !path
          .relative(dir, entry.parentPath)
          .split(path.sep)
          .some((part) => part.startsWith('.')),
    )
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}

/** Writes `<file>.br` and `<file>.gz` for every compressible file in `dir`. */
export async function precompress(dir: string): Promise<PrecompressResult> {
  const result: PrecompressResult = {
    files: [],
    bytes: { identity: 0, gzip: 0, brotli: 0 },
  };
  for (const file of compressible(dir)) {
    const content = readFileSync(file);
    if (content.length < MIN_BYTES) continue;
    const [br, gz] = await Promise.all([
      brotli(content, {
        params: {
          [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
          [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
          [constants.BROTLI_PARAM_SIZE_HINT]: content.length,
        },
      }),
      gzipAsync(content, { level: constants.Z_BEST_COMPRESSION }),
    ]);
    const worth = (copy: Buffer) =>
      copy.length <= content.length * (1 - MIN_SAVING);
    // gzip is the fallback every browser has; brotli only beside it.
    if (!worth(gz)) continue;
    writeFileSync(`${file}.gz`, gz);
    if (worth(br) && br.length < gz.length) writeFileSync(`${file}.br`, br);
    result.files.push(path.relative(dir, file));
    result.bytes.identity += content.length;
    result.bytes.gzip += gz.length;
    result.bytes.brotli += Math.min(br.length, gz.length);
  }
  return result;
}

/** The Vite plugin: compresses the build output once it is written. */
export function precompressPlugin(): Plugin {
  let outDir = '';
  return {
    name: 'tasklist-inbox:precompress',
    apply: 'build',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    async closeBundle() {
      const { files, bytes } = await precompress(outDir);
      const kb = (n: number) => `${(n / 1024).toFixed(1)} kB`;
      this.info(
        `brotli and gzip copies of ${String(files.length)} files: ${kb(bytes.identity)} → ${kb(bytes.gzip)} gzip, ${kb(bytes.brotli)} brotli`,
      );
    },
  };
}
