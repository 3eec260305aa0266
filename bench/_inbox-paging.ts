/**
 * `node --import tsx bench/_inbox-paging.ts`: what one more page costs the
 * inbox as its list grows (figure 7's load step, issue 11), page by page.
 * Not part of `npm run bench` (the leading underscore): a tool for finding
 * where paging time goes.
 *
 * Seeds `PAGING_TASKS` open tasks (default 10,000; the seeded database is
 * kept in the OS temp folder and reused by the next run with the same
 * count), starts the stack as `npm start` does on APP_PORT, TASKLIST_PORT,
 * IDENTITY_PORT and MANAGEMENT_PORT when set (kernel-chosen ports
 * otherwise), signs in as `demo` and scrolls the list to its end, one page
 * at a time, timing each page inside the page: scroll to the bottom → the
 * counter shows the new length, and how much of that the `/graphql` request
 * itself took (Resource Timing).
 *
 * With `PAGING_PROFILE=<from>-<to>` (loaded tasks), the main thread's CPU
 * profile over that stretch is ranked by self time (build the SPA with
 * `npx vite build --minify false` first to read the names). With
 * `PAGING_OUT=<file>` every page's timing is written there as JSON.
 *
 * For figure 9's heap and figure 7's long frames (issue 11), once the list
 * is loaded (the heap after a full GC is printed either way):
 * - `PAGING_HEAP_SAMPLING=<file>`: V8's sampling heap profile over the load
 *   (live bytes by allocating stack; `.heapprofile`, DevTools opens it);
 * - `PAGING_HEAP_SNAPSHOT=<file>`: a full heap snapshot (about 40 bytes of
 *   JSON per byte of heap: use it with 2,000 tasks, not 10,000);
 * - `PAGING_SCROLL_OUT=<file>`: three of figure 7's scroll runs (240 frames
 *   at 224 px), traced: frame times and long animation frames (with their
 *   scripts) go to `<file>`, the Chromium trace to `<file>.trace.json`.
 */
import {
  copyFileSync,
  existsSync,
  mkdtempSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { seedOpenWorld } from './lib/big-world';
import { formatSelfTime, topSelfTime } from './lib/cpu-profile';
import { stop, waitForHttp } from './lib/processes';
import { ROOT } from './lib/results';
import { appUrlOf, signIn, stackPorts, startBenchStack } from './lib/stack';

const TASKS = Number(process.env.PAGING_TASKS ?? 10_000);
const PROFILE = process.env.PAGING_PROFILE
  ? (process.env.PAGING_PROFILE.split('-').map(Number) as [number, number])
  : undefined;
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const USER = 'demo';

interface PageTiming {
  /** Tasks loaded when the page was asked for. */
  depth: number;
  ms: number;
  /** The `/graphql` requests' own duration within `ms`. */
  netMs: number;
}

const seedFile = path.join(
  os.tmpdir(),
  `inbox-paging-seed-${String(TASKS)}.sqlite`,
);
if (!existsSync(seedFile)) {
  console.log(`[paging] seeding ${String(TASKS)} open tasks`);
  const building = `${seedFile}.${String(process.pid)}`;
  await seedOpenWorld(building, TASKS);
  copyFileSync(building, seedFile);
  rmSync(building, { force: true });
}
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'inbox-paging-'));
copyFileSync(seedFile, path.join(dataDir, 'tasklist.sqlite'));

const ports = await stackPorts(true);
const appUrl = appUrlOf(ports);
const stack = startBenchStack({
  ports,
  dataDir,
  clientSecret: randomBytes(24).toString('hex'),
});
const browser = await chromium.launch({
  executablePath: CHROMIUM,
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run'],
});
try {
  await waitForHttp(`${appUrl}/healthz`, stack, 'the stack', 300_000);
  const context = await browser.newContext({
    viewport: { width: 1280, height: 800 },
  });
  await context.addInitScript('globalThis.__name = (fn) => fn;');
  const page = await context.newPage();
  await page.goto(`${appUrl}/tasks`);
  await signIn(page, USER);
  await page
    .getByRole('list', { name: 'Tasks' })
    .getByRole('link')
    .first()
    .waitFor();

  const cdp = await context.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await page.exposeFunction('__pagingProfile', async (on: boolean) => {
    if (on) {
      await cdp.send('Profiler.start');
      return;
    }
    const { profile } = await cdp.send('Profiler.stop');
    const file = path.join(dataDir, 'paging.cpuprofile');
    writeFileSync(file, JSON.stringify(profile));
    console.log(formatSelfTime(topSelfTime(file, ROOT, 25)));
  });

  const SAMPLING = process.env.PAGING_HEAP_SAMPLING;
  if (SAMPLING) {
    await cdp.send('HeapProfiler.enable');
    await cdp.send('HeapProfiler.startSampling', { samplingInterval: 16384 });
  }
  const started = Date.now();
  const timings = await page.evaluate(
    async ({ target, profile }) => {
      const w = window as unknown as {
        __pagingProfile: (on: boolean) => Promise<void>;
      };
      const scroller = document.querySelector<HTMLElement>(
        '[data-testid="task-list-scroller"]',
      );
      const counter = document.querySelector('.task-list__count');
      if (!scroller || !counter) throw new Error('no list');
      const count = () => Number(counter.textContent.replace(/\D/g, ''));
      const changed = (before: number) =>
        new Promise<boolean>((resolve) => {
          const timer = setTimeout(() => {
            observer.disconnect();
            resolve(false);
          }, 15_000);
          const observer = new MutationObserver(() => {
            if (count() === before) return;
            clearTimeout(timer);
            observer.disconnect();
            resolve(true);
          });
          observer.observe(counter, {
            childList: true,
            subtree: true,
            characterData: true,
          });
        });
      const out: { depth: number; ms: number; netMs: number }[] = [];
      let profiling = false;
      let profiled = false;
      while (count() < target) {
        const before = count();
        if (profile && !profiled && before >= profile.from) {
          profiling = true;
          profiled = true;
          await w.__pagingProfile(true);
        }
        if (profile && profiling && before >= profile.to) {
          profiling = false;
          await w.__pagingProfile(false);
        }
        performance.clearResourceTimings();
        const start = performance.now();
        const moved = changed(before);
        scroller.scrollTop = scroller.scrollHeight;
        if (!(await moved)) break;
        const ms = performance.now() - start;
        const netMs = performance
          .getEntriesByType('resource')
          .filter((e) => e.name.endsWith('/graphql'))
          .reduce((sum, e) => sum + e.duration, 0);
        out.push({ depth: before, ms, netMs });
      }
      if (profiling) await w.__pagingProfile(false);
      return out;
    },
    {
      target: TASKS,
      profile: PROFILE ? { from: PROFILE[0], to: PROFILE[1] } : null,
    },
  );
  const totalMs = Date.now() - started;
  if (process.env.PAGING_OUT)
    writeFileSync(process.env.PAGING_OUT, JSON.stringify(timings));
  const loaded = (timings.at(-1)?.depth ?? 0) + 50;
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  console.log(`[paging] heap after GC ${(usedSize / 2 ** 20).toFixed(1)} MB`);
  if (SAMPLING) {
    const { profile } = await cdp.send('HeapProfiler.getSamplingProfile');
    await cdp.send('HeapProfiler.stopSampling');
    writeFileSync(SAMPLING, JSON.stringify(profile));
  }
  if (process.env.PAGING_HEAP_SNAPSHOT) {
    const chunks: string[] = [];
    cdp.on('HeapProfiler.addHeapSnapshotChunk', ({ chunk }) => {
      chunks.push(chunk);
    });
    await cdp.send('HeapProfiler.enable');
    await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
    writeFileSync(process.env.PAGING_HEAP_SNAPSHOT, chunks.join(''));
  }
  if (process.env.PAGING_SCROLL_OUT) {
    await cdp.send('Tracing.start', {
      traceConfig: {
        includedCategories: [
          'devtools.timeline',
          'disabled-by-default-devtools.timeline',
          'disabled-by-default-devtools.timeline.frame',
          'v8',
          'v8.execute',
          'blink',
          'cc',
          'gpu',
          'viz',
          'toplevel',
          'benchmark',
        ],
      },
      transferMode: 'ReturnAsStream',
    });
    const frames = await page.evaluate(async (step) => {
      const scroller = document.querySelector<HTMLElement>(
        '[data-testid="task-list-scroller"]',
      );
      if (!scroller) throw new Error('no scroller');
      const frame = () =>
        new Promise<number>((resolve) => requestAnimationFrame(resolve));
      const loafs: unknown[] = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) loafs.push(e.toJSON());
      }).observe({ type: 'long-animation-frame', buffered: false });
      const out: { at: number; delta: number }[] = [];
      for (let run = 0; run < 3; run++) {
        scroller.scrollTop = 0;
        await frame();
        await frame();
        let direction = 1;
        let last = await frame();
        for (let i = 0; i < 240; i++) {
          const max = scroller.scrollHeight - scroller.clientHeight;
          if (scroller.scrollTop + step * direction > max) direction = -1;
          if (scroller.scrollTop + step * direction < 0) direction = 1;
          scroller.scrollTop += step * direction;
          const now = await frame();
          out.push({ at: now, delta: now - last });
          last = now;
        }
      }
      await frame();
      await new Promise((r) => setTimeout(r, 200));
      return { out, loafs, origin: performance.timeOrigin };
    }, 224);
    const stream = await new Promise<string>((resolve) => {
      cdp.once('Tracing.tracingComplete', ({ stream }) => {
        resolve(stream ?? '');
      });
      void cdp.send('Tracing.end');
    });
    const parts: string[] = [];
    for (;;) {
      const { data, eof } = await cdp.send('IO.read', { handle: stream });
      parts.push(data);
      if (eof) break;
    }
    await cdp.send('IO.close', { handle: stream });
    writeFileSync(
      `${process.env.PAGING_SCROLL_OUT}.trace.json`,
      parts.join(''),
    );
    writeFileSync(process.env.PAGING_SCROLL_OUT, JSON.stringify(frames));
  }
  const bucket = (from: number, to: number) => {
    const pages = timings.filter(
      (t: PageTiming) => t.depth >= from && t.depth < to,
    );
    const mean = (f: (t: PageTiming) => number) =>
      pages.length === 0
        ? Number.NaN
        : pages.reduce((s, t) => s + f(t), 0) / pages.length;
    return `${String(from).padStart(5)}–${String(to).padEnd(5)} ${String(pages.length).padStart(3)} pages: ${mean(
      (t) => t.ms,
    )
      .toFixed(0)
      .padStart(5)} ms/page (graphql ${mean((t) => t.netMs).toFixed(0)} ms)`;
  };
  console.log(
    `[paging] ${String(loaded)} tasks in ${String(timings.length)} pages, ${String(totalMs)} ms`,
  );
  for (const [from, to] of [
    [0, 500],
    [1500, 2000],
    [4500, 5000],
    [9500, 10_000],
  ] as const) {
    if (from < TASKS) console.log(bucket(from, to));
  }
  await context.close();
} finally {
  await browser.close();
  await stop(stack);
  rmSync(dataDir, { recursive: true, force: true });
}
