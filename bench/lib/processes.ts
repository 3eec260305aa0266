/**
 * Services as child processes, started the way the launcher starts them
 * (`node --import tsx <entry>`, one PID each), on ports nobody else uses:
 * every port is taken from the kernel (port 0) just before use.
 */
import {
  spawn,
  type ChildProcess,
  type StdioOptions,
} from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { ROOT } from './results';

/** A port that was free a moment ago (the kernel's choice). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => {
        resolve(port);
      });
    });
  });
}

export interface NodeProcessOptions {
  env: NodeJS.ProcessEnv;
  /** Extra flags for node itself, e.g. `--cpu-prof`. */
  nodeArgs?: string[];
  args?: string[];
  /** Default: output ignored (it still costs what it costs), errors shown. */
  stdio?: StdioOptions;
}

export function startNode(
  entry: string,
  options: NodeProcessOptions,
): ChildProcess {
  return spawn(
    process.execPath,
    [
      ...(options.nodeArgs ?? []),
      '--import',
      'tsx',
      entry,
      ...(options.args ?? []),
    ],
    {
      cwd: ROOT,
      stdio: options.stdio ?? ['ignore', 'ignore', 'inherit'],
      env: options.env,
    },
  );
}

/** Waits until `url` answers 2xx; fails fast when the process exits. */
export async function waitForHttp(
  url: string,
  child: ChildProcess,
  name: string,
  timeoutMs = 180_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(
        `${name} exited (${String(child.exitCode ?? child.signalCode)}) while starting`,
      );
    }
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(
    `${name} did not answer at ${url} within ${String(timeoutMs / 1000)} s`,
  );
}

/** SIGTERM, then SIGKILL after `graceMs`; resolves when the process is gone. */
export function stop(child: ChildProcess, graceMs = 15_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) {
    return Promise.resolve();
  }
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

export interface ProcessStats {
  rssBytes: number;
  /** User plus system CPU time so far. */
  cpuMs: number;
}

/** RSS and CPU time of a running process, from /proc (Linux). */
export function processStats(pid: number): ProcessStats {
  const status = readFileSync(`/proc/${String(pid)}/status`, 'utf8');
  const rssKb = Number(/^VmRSS:\s+(\d+) kB/m.exec(status)?.[1] ?? NaN);
  // Fields after the command name: state is field 3, utime 14, stime 15.
  const stat = readFileSync(`/proc/${String(pid)}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]);
  // USER_HZ is 100 on every Linux we run on.
  return { rssBytes: rssKb * 1024, cpuMs: ticks * 10 };
}
