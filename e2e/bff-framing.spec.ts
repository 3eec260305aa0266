import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test, type Frame, type Page } from '@playwright/test';

/**
 * security.md 11.2 E36: framing follows `frame-ancestors`. A "portal" page on
 * another loopback port (another origin) frames the app: blocked by default,
 * allowed when FRAME_ANCESTORS names the portal's origin.
 */

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

interface Portal {
  origin: string;
  server: Server;
}

/** Serves one page that frames `target`; the port is chosen by the OS. */
async function startPortal(
  target = '',
): Promise<Portal & { setTarget: (url: string) => void }> {
  let framed = target;
  const server = createServer((_req, res) => {
    res.setHeader('content-type', 'text/html');
    res.end(
      `<!doctype html><title>Portal</title><iframe id="app" src="${framed}"></iframe>`,
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    server,
    setTarget: (url) => {
      framed = url;
    },
  };
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => {
    server.close(() => {
      resolve();
    });
  });
  return port;
}

/** Starts a BFF of its own (serving the built SPA) with the given FRAME_ANCESTORS. */
async function startBff(
  frameAncestors: string,
): Promise<{ url: string; child: ChildProcess }> {
  const port = await freePort();
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'src/bff/server.ts'],
    {
      cwd: ROOT,
      stdio: 'ignore',
      env: {
        ...process.env,
        NODE_ENV: 'production',
        HOST: '127.0.0.1',
        APP_PORT: String(port),
        FRAME_ANCESTORS: frameAncestors,
        OAUTH_CLIENT_SECRET: randomBytes(24).toString('hex'),
        LOG_LEVEL: 'warn',
      },
    },
  );
  const url = `http://127.0.0.1:${port}`;
  await expect
    .poll(
      async () => {
        try {
          return (await fetch(`${url}/healthz`)).status;
        } catch {
          return 0;
        }
      },
      { timeout: 30_000 },
    )
    .toBe(200);
  return { url, child };
}

async function appFrame(page: Page): Promise<Frame> {
  const handle = await page.locator('#app').elementHandle();
  const frame = await handle.contentFrame();
  if (!frame) throw new Error('no iframe');
  return frame;
}

/** True when the framed document is our shell (it has the #root element). */
async function showsShell(frame: Frame): Promise<boolean> {
  try {
    return await frame.evaluate(() => document.getElementById('root') !== null);
  } catch {
    return false;
  }
}

test('a page on another origin cannot frame the app by default', async ({
  page,
  baseURL,
}) => {
  const portal = await startPortal(`${baseURL ?? ''}/tasks`);
  try {
    const cspErrors: string[] = [];
    page.on('console', (message) => {
      if (message.text().includes('frame-ancestors'))
        cspErrors.push(message.text());
    });
    await page.route('**/assets/**', (route) => route.abort());
    await page.goto(portal.origin);
    await expect.poll(() => cspErrors.length).toBeGreaterThan(0);
    expect(await showsShell(await appFrame(page))).toBe(false);
  } finally {
    portal.server.close();
  }
});

test('an allowed portal origin can frame the app', async ({ page }) => {
  const portal = await startPortal();
  const bff = await startBff(portal.origin);
  try {
    portal.setTarget(`${bff.url}/tasks`);
    const cspErrors: string[] = [];
    page.on('console', (message) => {
      if (message.text().includes('frame-ancestors'))
        cspErrors.push(message.text());
    });
    await page.route('**/assets/**', (route) => route.abort());
    await page.goto(portal.origin);
    const frame = await appFrame(page);
    await expect.poll(() => showsShell(frame)).toBe(true);
    expect(cspErrors).toEqual([]);

    // The same BFF still refuses a portal it does not list.
    const other = await startPortal(`${bff.url}/tasks`);
    try {
      await page.goto(other.origin);
      await expect.poll(() => cspErrors.length).toBeGreaterThan(0);
      expect(await showsShell(await appFrame(page))).toBe(false);
    } finally {
      other.server.close();
    }
  } finally {
    bff.child.kill('SIGTERM');
    portal.server.close();
  }
});
