import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { captureLogs } from './test/log-capture';

const SECRET = 'eyJ.secret-value.sig';

function lastLine(lines: string[]): Record<string, unknown> {
  const line = lines.at(-1);
  if (line === undefined) throw new Error('nothing was logged');
  expect(line).not.toContain(SECRET);
  return JSON.parse(line) as Record<string, unknown>;
}

describe('BFF log redaction', () => {
  test('censors sensitive keys at the top level and one level down', () => {
    const { logger, lines } = captureLogs();
    logger.info(
      {
        token: SECRET,
        response: { access_token: SECRET, expires_in: 300 },
        config: { clientSecret: SECRET, clientId: 'bff' },
        req: { headers: { authorization: `Bearer ${SECRET}`, host: 'x' } },
      },
      'something',
    );
    expect(lastLine(lines)).toMatchObject({
      token: '[REDACTED]',
      response: { access_token: '[REDACTED]', expires_in: 300 },
      config: { clientSecret: '[REDACTED]', clientId: 'bff' },
      req: { headers: { authorization: '[REDACTED]', host: 'x' } },
      msg: 'something',
    });
  });

  test('censors child bindings too', () => {
    const { logger, lines } = captureLogs();
    logger
      .child({ user: { password: SECRET, name: 'alice' }, secret: SECRET })
      .info('bound');
    expect(lastLine(lines)).toMatchObject({
      user: { password: '[REDACTED]', name: 'alice' },
      secret: '[REDACTED]',
    });
  });

  test('never changes the logged object, and keeps an error an error', () => {
    const { logger, lines } = captureLogs();
    const err = Object.assign(new Error('refresh failed'), { token: SECRET });
    const payload = { err, body: { refresh_token: SECRET } };
    logger.error(payload, 'failed');
    const line = lastLine(lines);
    expect(line.err).toMatchObject({
      type: 'Error',
      message: 'refresh failed',
      token: '[REDACTED]',
    });
    expect(String((line.err as { stack?: unknown }).stack)).toContain(
      'logger.test.ts',
    );
    expect(err.token).toBe(SECRET);
    expect(payload.body.refresh_token).toBe(SECRET);
  });

  test('leaves lines without sensitive keys as they are', () => {
    const { logger, lines } = captureLogs();
    logger.info({ method: 'POST', path: '/api/token', status: 200 }, 'request');
    expect(lastLine(lines)).toMatchObject({
      method: 'POST',
      path: '/api/token',
      status: 200,
      msg: 'request',
    });
  });
});

/** Runs `body` in a fresh Node process with `log`, the BFF's stdout logger. */
function runWithLogger(body: string) {
  const logger = fileURLToPath(new URL('./logger.ts', import.meta.url));
  const script = `
    const { createLogger } = await import(${JSON.stringify(logger)});
    const log = createLogger('info');
    ${body}
  `;
  const child = spawnSync(
    process.execPath,
    ['--import', 'tsx', '--input-type=module', '-e', script],
    { encoding: 'utf8', timeout: 30_000 },
  );
  return {
    ...child,
    lines: child.stdout.split('\n').filter(Boolean),
  };
}

describe('BFF log output (batched, asynchronous)', () => {
  test('no line is lost when the process exits at once', () => {
    const child = runWithLogger(`
      for (let i = 0; i < 2000; i++) log.info({ i }, 'request');
      process.exit(0);
    `);
    expect(child.status).toBe(0);
    const { lines } = child;
    expect(lines).toHaveLength(2000);
    expect(JSON.parse(lines.at(-1) ?? '{}')).toMatchObject({ i: 1999 });
  });

  test('a lone line goes out within about a second, without waiting for more', () => {
    // Killed without a chance to flush: only the periodic flush can have
    // written the line.
    const child = runWithLogger(`
      log.info({ lone: true }, 'request');
      setTimeout(() => process.kill(process.pid, 'SIGKILL'), 1500);
    `);
    expect(child.signal).toBe('SIGKILL');
    expect(child.lines.map((line) => JSON.parse(line) as object)).toEqual([
      expect.objectContaining({ lone: true }),
    ]);
  });
});
