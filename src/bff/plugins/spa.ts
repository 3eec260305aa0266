import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';

export interface SpaOptions {
  distDir: string;
}

const IMMUTABLE = 'public, max-age=31536000, immutable';

/**
 * Serves the built SPA. `index.html` (and any other unhashed file) is
 * revalidated on every load so a deploy is picked up at once; Vite's hashed
 * files under `assets/` never change and are immutable, in every encoding.
 */
export async function spaPlugin(
  fastify: FastifyInstance,
  opts: SpaOptions,
): Promise<void> {
  const indexFile = path.join(opts.distDir, 'index.html');
  if (!existsSync(indexFile)) {
    throw new Error(
      `No built SPA at ${opts.distDir}; run "npm run build" first`,
    );
  }
  const assetsDir = path.join(opts.distDir, 'assets') + path.sep;
  await fastify.register(fastifyStatic, {
    root: opts.distDir,
    index: false,
    // Dot-folders are build metadata, not the app: Vite's manifest lands in
    // dist/.vite/ (it maps chunks to source paths). Unmatched, they get a 404.
    dotfiles: 'ignore',
    cacheControl: false,
    // The build writes brotli and gzip copies beside each text file
    // (scripts/precompress.ts); a browser that accepts one gets it, with
    // Content-Encoding and `Vary: Accept-Encoding`, and no CPU spent here.
    preCompressed: true,
    // H65: source maps are built for error reporting, never published; the
    // whole SPA source would be one request away. The compressed copies are
    // served only in place of their file, never under their own names.
    allowedPath: (pathName: string) => !/\.(?:map|br|gz)$/.test(pathName),
    setHeaders(reply: FastifyReply, filePath: string) {
      void reply.header(
        'cache-control',
        filePath.startsWith(assetsDir) ? IMMUTABLE : 'no-cache',
      );
    },
  });
  // The root is a directory to the static handler; it gets the shell.
  fastify.get('/', async (_request, reply) => {
    await reply.header('cache-control', 'no-cache').sendFile('index.html');
  });
}

/**
 * Whether an unmatched request should get the SPA shell: a GET or HEAD for
 * a client-side route. Never for `/assets/*` (a module request must not get
 * HTML), `/api/*`, `/metrics` or anything that looks like a file.
 */
export function wantsSpaShell(method: string, urlPath: string): boolean {
  return (
    (method === 'GET' || method === 'HEAD') &&
    // /metrics is on the management listener only (H64): a 404 here.
    !/^\/(assets|api|metrics)(\/|$)/.test(urlPath) &&
    path.posix.extname(urlPath) === ''
  );
}
