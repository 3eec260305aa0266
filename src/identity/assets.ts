/** The stylesheet and script our pages load, served from memory. */
import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { AUTO_SUBMIT_SCRIPT_PATH, FAVICON_PATH, STYLESHEET_PATH } from './html';
import { send } from './http-utils';

const DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'assets');

interface Asset {
  body: Buffer;
  type: string;
}

function load(file: string, type: string): Asset {
  return { body: readFileSync(path.join(DIR, file)), type };
}

/**
 * Returns a handler that serves an asset and returns true, or returns false
 * for any other path. Files are read once, at start-up.
 */
export function createAssetHandler(
  headers: Record<string, string>,
): (req: IncomingMessage, res: ServerResponse, pathname: string) => boolean {
  const assets = new Map<string, Asset>([
    [STYLESHEET_PATH, load('identity.css', 'text/css; charset=utf-8')],
    [
      AUTO_SUBMIT_SCRIPT_PATH,
      load('auto-submit.js', 'text/javascript; charset=utf-8'),
    ],
    // Without an icon of its own the browser asks for /favicon.ico and logs a 404.
    [FAVICON_PATH, load('favicon.svg', 'image/svg+xml')],
  ]);
  return (req, res, pathname) => {
    const asset = assets.get(pathname);
    if (!asset || (req.method !== 'GET' && req.method !== 'HEAD')) {
      return false;
    }
    // Node leaves the body out of HEAD responses by itself.
    send(res, 200, asset.body, {
      ...headers,
      'Content-Type': asset.type,
      'Cache-Control': 'public, max-age=3600',
    });
    return true;
  };
}
