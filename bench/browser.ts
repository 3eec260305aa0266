/**
 * `npm run bench -- --only browser`: the inbox in Chromium (issue 11,
 * figures 4, 5, 6, 7 and the browser half of 9).
 *
 * Builds a world with exactly 10,000 open tasks (the seed processes run over
 * and over), starts the whole stack the way `npm start` does (launcher,
 * production mode, the launcher's BFF mode (proxy unless BFF_MODE says
 * otherwise) with visibility `all`, kernel-chosen loopback ports, its own
 * data folder), signs
 * in as `demo` in headless Chromium and measures, each in `RUNS` runs after
 * a warm-up, with timings taken inside the page (`performance.now()`):
 *   4. cold start: empty HTTP cache, signed in, navigation start → first task
 *      row painted; floor: a static HTML page with the same 50 rows, served
 *      by the same server. The notes explain the figure: the requests of the
 *      median load (Resource Timing), the chain the first row waits for, and
 *      the renderer's main thread from traced loads (a Chromium trace, not
 *      measured). `BENCH_BROWSER_ONLY=cold-start` stops after this figure;
 *   5. warm navigation: click a task with a form in the list → form-js
 *      fields rendered; floor: form-js alone rendering the same schema on a
 *      blank page (bundled by Vite for this run);
 *   6. claim: click `Assign to me` → the `Unassign` button is there; floor:
 *      the same mutation from Node straight to Tasklist;
 *   7. scrolling the 10,000 loaded tasks at two rows a frame: frames over
 *      50 ms and total blocking time (long tasks); floor: the same scroll
 *      over a static list of 100 rows;
 *   9. JS heap after garbage collection: signed in with one page, with
 *      10,000 tasks loaded, and after each scroll run (growth).
 * The floor pages are written to `dist/bench/` for the run (the BFF serves
 * `dist/`, under the same security headers) and removed afterwards.
 * Writes `bench/results/browser.json`.
 */
import {
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { build } from 'vite';
import { seedOpenWorld } from './lib/big-world';
import {
  FIRST_ROW_MARK,
  renderChain,
  renderMainThread,
  renderWaterfall,
  summariseTrace,
  type ResourceRow,
  type TraceEvent,
} from './lib/cold-start-breakdown';
import { SequentialClient } from './lib/http';
import { stop, waitForHttp } from './lib/processes';
import { appUrlOf, signIn, stackPorts, startBenchStack } from './lib/stack';
import {
  QUICK,
  ROOT,
  RUNS,
  ResultWriter,
  pick,
  runBenchmark,
} from './lib/results';
import { measurement, msSince, perRunMeasurement, ratio } from './lib/stats';
import {
  CLAIM_MILESTONES,
  FORM_MILESTONES,
  armTimeline,
  explainClaim,
  explainWarmNavigation,
  installTimeline,
  takeTimeline,
  type TimelineEvent,
} from './lib/timeline';

const OPEN_TASKS = Number(process.env.BENCH_OPEN_TASKS ?? pick(10_000, 150));
const SAMPLES = pick(3, 1);
const SCROLL_FRAMES = pick(240, 30);
const SCROLL_STEP_PX = 224;
const CLAIM_FLOOR_SAMPLES = pick(50, 3);
// Figures 5 and 6 explain themselves: extra clicks after the measured ones,
// with the page observed (bench/lib/timeline.ts), so the observing costs
// nothing in the figures.
const EXPLAIN_SAMPLES = pick(5, 2);
const USER = 'demo';
const FLOOR_DIR = path.join(ROOT, 'dist', 'bench');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const MB = 1024 * 1024;
/** `cold-start`: figure 4 only (with its breakdown), for work on the cold start. */
const ONLY = process.env.BENCH_BROWSER_ONLY;
/** Traced cold loads for the breakdown (tracing slows a load, so not measured). */
const TRACED_LOADS = pick(3, 1);
const TRACE_CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'v8.execute',
  'v8',
  'blink.user_timing',
  'toplevel',
];

interface ListTask {
  id: string;
  name: string;
  processName?: string;
  creationTime?: string;
  assignee?: string | null;
}

interface Captured {
  lists: ListTask[][];
  schemas: string[];
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => `&#${String(c.charCodeAt(0))};`);

function rowHtml(task: ListTask, index: number): string {
  return `<li class="row" aria-posinset="${String(index + 1)}"><a href="/tasks/${encodeURIComponent(task.id)}">${escapeHtml(task.name)}</a><p>${escapeHtml(task.processName ?? '')}</p><p>${escapeHtml(task.creationTime ?? '')} · ${escapeHtml(task.assignee ?? 'Unassigned')}</p></li>`;
}

/** The floor pages: plain HTML, external CSS and JS only (the CSP allows no inline). */
async function writeFloorPages(rows: ListTask[]): Promise<void> {
  rmSync(FLOOR_DIR, { recursive: true, force: true });
  mkdirSync(FLOOR_DIR, { recursive: true });
  writeFileSync(
    path.join(FLOOR_DIR, 'floor.css'),
    'body{margin:0;font:14px system-ui,sans-serif}.scroller{height:100vh;overflow:auto}.rows{list-style:none;margin:0;padding:0}.row{height:112px;box-sizing:border-box;padding:12px 16px;border-bottom:1px solid #ddd}.row p{margin:4px 0}',
  );
  const page = (title: string, body: string, head = '') =>
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title><link rel="stylesheet" href="/bench/floor.css">${head}</head><body>${body}</body></html>`;
  writeFileSync(
    path.join(FLOOR_DIR, 'rows.html'),
    page(
      'Tasks (static floor)',
      `<ul class="rows" aria-label="Tasks">${rows.map(rowHtml).join('')}</ul>`,
    ),
  );
  const hundred = Array.from(
    { length: 100 },
    (_, i) =>
      rows[i % Math.max(1, rows.length)] ?? {
        id: String(i),
        name: `Task ${String(i)}`,
      },
  );
  writeFileSync(
    path.join(FLOOR_DIR, 'scroll.html'),
    page(
      'Scroll (static floor)',
      `<div class="scroller" data-testid="task-list-scroller"><ul class="rows" aria-label="Tasks">${hundred.map(rowHtml).join('')}</ul></div>`,
    ),
  );
  // form-js alone: the viewer bundled by Vite, its own stylesheet.
  await build({
    configFile: false,
    root: ROOT,
    logLevel: 'warn',
    publicDir: false,
    build: {
      outDir: path.join(FLOOR_DIR, 'form'),
      emptyOutDir: true,
      sourcemap: false,
      lib: {
        entry: path.join(ROOT, 'bench', 'floors', 'form-floor.js'),
        formats: ['es'],
        fileName: 'form-floor',
      },
    },
  });
  const css = readFileSync(
    path.join(
      ROOT,
      'node_modules',
      '@bpmn-io',
      'form-js-viewer',
      'dist',
      'assets',
      'form-js.css',
    ),
  );
  writeFileSync(path.join(FLOOR_DIR, 'form', 'form-js.css'), css);
  writeFileSync(
    path.join(FLOOR_DIR, 'form.html'),
    page(
      'Form (form-js floor)',
      '<div id="form"></div>',
      '<link rel="stylesheet" href="/bench/form/form-js.css"><script type="module" src="/bench/form/form-floor.js"></script>',
    ),
  );
}

/**
 * In every page: the time the first task row was in the DOM and a frame
 * later painted, in ms since navigation start.
 */
const FIRST_ROW_SCRIPT = `(() => {
  const selector = 'ul[aria-label="Tasks"] li a';
  const observer = new MutationObserver(() => {
    if (!document.querySelector(selector)) return;
    observer.disconnect();
    requestAnimationFrame(() => {
      window.__firstRowAt = performance.now();
      performance.mark('${FIRST_ROW_MARK}');
    });
  });
  observer.observe(document, { childList: true, subtree: true });
})();`;

/** Scrolls the list `frames` frames, two rows a frame, turning at the ends. */
async function scrollRun(page: Page, frames: number) {
  return page.evaluate(
    async ({ frames, step }) => {
      const scroller = document.querySelector<HTMLElement>(
        '[data-testid="task-list-scroller"]',
      );
      if (!scroller) throw new Error('no scroller');
      const frame = () =>
        new Promise<number>((resolve) => requestAnimationFrame(resolve));
      scroller.scrollTop = 0;
      await frame();
      await frame();
      const longTasks: number[] = [];
      const observer = new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) longTasks.push(entry.duration);
      });
      observer.observe({ type: 'longtask' });
      const deltas: number[] = [];
      let direction = 1;
      let last = await frame();
      for (let i = 0; i < frames; i++) {
        const max = scroller.scrollHeight - scroller.clientHeight;
        if (scroller.scrollTop + step * direction > max) direction = -1;
        if (scroller.scrollTop + step * direction < 0) direction = 1;
        scroller.scrollTop += step * direction;
        const now = await frame();
        deltas.push(now - last);
        last = now;
      }
      await frame();
      observer.disconnect();
      return { deltas, longTasks };
    },
    { frames, step: SCROLL_STEP_PX },
  );
}

/** JS heap in use after a full garbage collection, via the DevTools protocol. */
async function heapAfterGc(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = await cdp.send('Runtime.getHeapUsage');
    return usedSize;
  } finally {
    await cdp.detach();
  }
}

await runBenchmark(
  new ResultWriter('browser', {
    openTasks: OPEN_TASKS,
    samplesPerRun: SAMPLES,
    scrollFrames: SCROLL_FRAMES,
    scrollStepPx: SCROLL_STEP_PX,
    user: USER,
    chromium: CHROMIUM,
    bffMode: process.env.BFF_MODE ?? 'proxy',
    taskVisibility: 'all',
  }),
  async (result) => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'inbox-bench-'));
    const seedStart = process.hrtime.bigint();
    const open = await seedOpenWorld(
      path.join(dataDir, 'tasklist.sqlite'),
      OPEN_TASKS,
    );
    result.checks.openTasks = open;
    result.checks.seedMs = Math.round(msSince(seedStart));
    console.log(`[bench:browser] ${String(open)} open tasks seeded`);

    const ports = await stackPorts();
    const appUrl = appUrlOf(ports);
    const tasklistUrl = `http://127.0.0.1:${String(ports.tasklist)}`;
    const identityUrl = `http://127.0.0.1:${String(ports.identity)}`;
    // The stack's client secret: the bench asks the provider for a machine
    // token with it.
    const clientSecret = randomBytes(24).toString('hex');
    const stack = startBenchStack({ ports, dataDir, clientSecret });
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    });
    try {
      await waitForHttp(`${appUrl}/healthz`, stack, 'the stack', 300_000);
      const context = await browser.newContext({
        viewport: { width: 1280, height: 800 },
      });
      // tsx compiles this file keeping function names, so the functions
      // handed to page.evaluate call esbuild's `__name` helper; in the page it
      // must exist (it only names functions).
      await context.addInitScript('globalThis.__name = (fn) => fn;');
      await context.addInitScript(FIRST_ROW_SCRIPT);
      const page = await context.newPage();
      const captured: Captured = { lists: [], schemas: [] };
      page.on('response', (response) => {
        const request = response.request();
        if (request.method() !== 'POST' || !response.url().endsWith('/graphql'))
          return;
        response
          .json()
          .then(
            (body: {
              data?: { tasks?: ListTask[]; form?: { schema?: string } };
            }) => {
              if (body.data?.tasks) captured.lists.push(body.data.tasks);
              if (body.data?.form?.schema)
                captured.schemas.push(body.data.form.schema);
            },
          )
          .catch(() => undefined);
      });

      // Sign in through the embedded provider's page.
      await page.goto(`${appUrl}/tasks`);
      await signIn(page, USER);
      const firstRow = page
        .getByRole('list', { name: 'Tasks' })
        .getByRole('link')
        .first();
      await firstRow.waitFor();
      const heapIdle = await heapAfterGc(page);

      // The machine token (client credentials, like the BFF) for Node's requests.
      const tokenResponse = await fetch(`${identityUrl}/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          grant_type: 'client_credentials',
          client_id: 'tasklist-inbox-bff',
          client_secret: clientSecret,
          audience: 'tasklist-api',
        }).toString(),
      });
      const { access_token: machineToken } = (await tokenResponse.json()) as {
        access_token: string;
      };
      const tasklist = new SequentialClient(tasklistUrl);
      const gql = async <T>(
        query: string,
        variables: Record<string, unknown>,
      ) => {
        const reply = await tasklist.send(
          'POST',
          '/graphql',
          {
            'content-type': 'application/json',
            authorization: `Bearer ${machineToken}`,
          },
          JSON.stringify({ query, variables }),
        );
        const body = JSON.parse(reply.text) as { data?: T; errors?: unknown };
        if (reply.status !== 200 || body.errors || !body.data)
          throw new Error(`Tasklist answered ${reply.text.slice(0, 300)}`);
        return body.data;
      };

      // --- Figure 4: cold start -------------------------------------------
      const rows = captured.lists[0] ?? [];
      if (rows.length === 0)
        throw new Error('the first list page was not seen');
      await writeFloorPages(rows.slice(0, 50));
      const cdp = await context.newCDPSession(page);
      const coldLoadWithRequests = async (
        url: string,
        beforeNavigation?: () => Promise<void>,
      ) => {
        await page.goto('about:blank');
        await cdp.send('Network.clearBrowserCache');
        await beforeNavigation?.();
        await page.goto(url, { waitUntil: 'commit' });
        await page.waitForFunction(
          () =>
            (window as { __firstRowAt?: number }).__firstRowAt !== undefined,
          undefined,
          { timeout: 60_000 },
        );
        // Read after the row, so reading them costs the figure nothing.
        return page.evaluate(() => {
          const rows = [
            ...performance.getEntriesByType('navigation'),
            ...performance.getEntriesByType('resource'),
          ].map((entry) => {
            const e = entry as PerformanceResourceTiming;
            return {
              url: e.name,
              initiatorType: e.initiatorType,
              startTime: e.startTime,
              requestStart: e.requestStart,
              responseStart: e.responseStart,
              responseEnd: e.responseEnd,
              transferSize: e.transferSize,
              encodedBodySize: e.encodedBodySize,
              decodedBodySize: e.decodedBodySize,
            };
          });
          return {
            ms: (window as { __firstRowAt?: number }).__firstRowAt ?? NaN,
            rows,
          };
        });
      };
      const coldLoad = async (url: string) =>
        (await coldLoadWithRequests(url)).ms;
      const coldApp: number[][] = [];
      const coldFloor: number[][] = [];
      const appLoads: { ms: number; rows: ResourceRow[] }[] = [];
      const floorLoads: { ms: number; rows: ResourceRow[] }[] = [];
      await coldLoad(`${appUrl}/tasks`);
      await coldLoad(`${appUrl}/bench/rows.html`);
      for (let run = 0; run < RUNS; run++) {
        const app: number[] = [];
        const floor: number[] = [];
        for (let i = 0; i < SAMPLES; i++) {
          const load = await coldLoadWithRequests(`${appUrl}/tasks`);
          appLoads.push(load);
          app.push(load.ms);
          const floorLoad = await coldLoadWithRequests(
            `${appUrl}/bench/rows.html`,
          );
          floorLoads.push(floorLoad);
          floor.push(floorLoad.ms);
        }
        coldApp.push(app);
        coldFloor.push(floor);
      }
      // The breakdown: the requests of the median measured load, and the
      // main thread from traced loads (the median of those).
      const traced: {
        ms: number;
        rows: ResourceRow[];
        trace: TraceEvent[];
      }[] = [];
      for (let i = 0; i < TRACED_LOADS; i++) {
        const load = await coldLoadWithRequests(`${appUrl}/tasks`, () =>
          browser.startTracing(undefined, { categories: TRACE_CATEGORIES }),
        );
        const buffer = await browser.stopTracing();
        const parsed = JSON.parse(buffer.toString('utf8')) as
          { traceEvents: TraceEvent[] } | TraceEvent[];
        traced.push({
          ms: load.ms,
          rows: load.rows,
          trace: Array.isArray(parsed) ? parsed : parsed.traceEvents,
        });
      }
      const byTime = <T extends { ms: number }>(loads: T[]) =>
        [...loads].sort((a, b) => a.ms - b.ms)[Math.floor(loads.length / 2)];
      const medianLoad = byTime(appLoads);
      const medianTrace = byTime(traced);
      const medianFloor = byTime(floorLoads);
      const cold = result.add(
        'coldStart',
        measurement('cold start to the first task row', 'ms', coldApp, 1),
      );
      const coldStatic = result.add(
        'coldStartFloor',
        measurement('static page with the same 50 rows', 'ms', coldFloor, 1),
      );
      const coldRatio = ratio(cold.summary.p50, coldStatic.summary.p50);
      result.figure({
        figure: 4,
        name: 'cold start to the first task row, p50',
        value: cold.summary.p50,
        unit: 'ms',
        floorName: 'static 50 rows',
        floor: coldStatic.summary.p50,
        ratioOf: 'value / floor',
        ratio: coldRatio,
        goal: '≤ 1.5×',
        met: coldRatio !== null && coldRatio <= 1.5,
      });
      console.log(
        `[bench:browser] cold start ${String(cold.summary.p50)} ms, floor ${String(coldStatic.summary.p50)} ms`,
      );
      const mainThread = medianTrace
        ? summariseTrace(medianTrace.trace, medianTrace.ms)
        : null;
      if (medianLoad) {
        const note = [
          `Where the cold start goes (figure 4): the requests of the median measured load (first row at ${String(Math.round(medianLoad.ms))} ms; times in ms since navigation start, from the page's Resource Timing):`,
          renderWaterfall(medianLoad.rows, medianLoad.ms),
          '',
          'The chain the first row waits for:',
          renderChain(medianLoad.rows, medianLoad.ms),
        ];
        if (medianFloor) {
          note.push(
            '',
            `The floor's median load (first row at ${String(Math.round(medianFloor.ms))} ms): what any page pays on this machine, navigation and a stylesheet included:`,
            renderWaterfall(medianFloor.rows, medianFloor.ms),
          );
        }
        if (mainThread && medianTrace) {
          note.push(
            '',
            `From the median of ${String(TRACED_LOADS)} traced cold loads (tracing slows a load: first row at ${String(Math.round(medianTrace.ms))} ms):`,
            renderMainThread(mainThread),
            '',
            'The same chain in that traced load, with the main thread busy between its steps:',
            renderChain(medianTrace.rows, medianTrace.ms, mainThread.tasks),
          );
        }
        result.notes.push(note.join('\n'));
        console.log(note.join('\n'));
      }
      result.extra.coldStartBreakdown = {
        requests: medianLoad?.rows ?? [],
        firstRowMs: medianLoad?.ms ?? null,
        mainThread: mainThread && { ...mainThread, tasks: undefined },
      };
      if (ONLY === 'cold-start') {
        result.notes.push(
          'Only figure 4 was measured (BENCH_BROWSER_ONLY=cold-start).',
        );
        await context.close();
        return;
      }

      // --- Figure 5: warm navigation to a task with a form ----------------
      const { tasks: candidates } = await gql<{
        tasks: { id: string; formKey: string | null }[];
      }>('query Forms($q: TaskQuery!) { tasks(query: $q) { id formKey } }', {
        q: { state: 'CREATED', pageSize: 200 },
      });
      const formTasks = candidates.filter((t) =>
        t.formKey?.startsWith('camunda-forms:bpmn:'),
      );
      const warmNeeded = 1 + RUNS * SAMPLES + EXPLAIN_SAMPLES;
      if (formTasks.length < warmNeeded)
        throw new Error(
          `only ${String(formTasks.length)} open tasks with a form among the newest 200`,
        );
      await page.goto(`${appUrl}/tasks`);
      await firstRow.waitFor();
      const openForm = async (id: string, explain?: TimelineEvent[][]) => {
        const link = page.locator(
          `ul[aria-label="Tasks"] a[href$="/tasks/${encodeURIComponent(id)}"]`,
        );
        const scroller = page.getByTestId('task-list-scroller');
        const twoFrames = () =>
          page.evaluate(
            () =>
              new Promise((r) =>
                requestAnimationFrame(() => requestAnimationFrame(r)),
              ),
          );
        // Observed from before the scrolling: arming just before the click
        // would give a hover's preload more time than a measured click has.
        if (explain) {
          await installTimeline(page);
          await armTimeline(page, FORM_MILESTONES);
        }
        await scroller.evaluate((el) => {
          el.scrollTop = 0;
        });
        // Let the virtual list render the top first: right after going back
        // it still shows the rows around the task just left.
        await twoFrames();
        // Scroll down until the row is rendered; at the end of what is
        // loaded, wait for the list to fetch its next page.
        const deadline = Date.now() + 30_000;
        while ((await link.count()) === 0) {
          const state = await scroller.evaluate((el) => {
            const before = el.scrollTop;
            el.scrollTop += el.clientHeight / 2;
            const rows = el.querySelectorAll('a.task-card');
            return {
              moved: el.scrollTop !== before,
              scrollTop: el.scrollTop,
              scrollHeight: el.scrollHeight,
              first: rows[0]?.getAttribute('data-task-id'),
              last: rows[rows.length - 1]?.getAttribute('data-task-id'),
            };
          });
          if (Date.now() > deadline)
            throw new Error(
              `task ${id} never appeared in the list: ${JSON.stringify(state)}`,
            );
          if (state.moved) {
            await twoFrames();
          } else {
            await page.waitForTimeout(50);
          }
        }
        await page.evaluate(() => {
          const w = window as { __formReady?: Promise<number> };
          w.__formReady = new Promise<number>((resolve) => {
            let clicked = Number.NaN;
            document.addEventListener(
              'click',
              () => {
                clicked = performance.now();
              },
              { capture: true, once: true },
            );
            const ready = () =>
              document.querySelector(
                '.camunda-form__host .fjs-form .fjs-form-field',
              );
            const observer = new MutationObserver(() => {
              if (Number.isNaN(clicked) || !ready()) return;
              observer.disconnect();
              requestAnimationFrame(() => {
                resolve(performance.now() - clicked);
              });
            });
            observer.observe(document.body, { childList: true, subtree: true });
          });
        });
        // Centre the row before clicking: a row at the scroller's edge moves
        // while the virtual list renders the rows around it, and Playwright
        // waits for a stable element.
        await link.first().evaluate((el) => {
          el.scrollIntoView({ block: 'center' });
        });
        await twoFrames();
        await link.first().click();
        const ms = await page.evaluate(
          () => (window as { __formReady?: Promise<number> }).__formReady,
        );
        if (explain) explain.push(await takeTimeline(page));
        await page.goBack();
        await firstRow.waitFor();
        return ms ?? Number.NaN;
      };
      let nextForm = 0;
      const takeForm = () => formTasks[nextForm++]?.id ?? '';
      await openForm(takeForm());
      const warmApp: number[][] = [];
      for (let run = 0; run < RUNS; run++) {
        const samples: number[] = [];
        for (let i = 0; i < SAMPLES; i++)
          samples.push(await openForm(takeForm()));
        warmApp.push(samples);
      }
      const formExplained: TimelineEvent[][] = [];
      for (let i = 0; i < EXPLAIN_SAMPLES; i++)
        await openForm(takeForm(), formExplained);
      result.notes.push(explainWarmNavigation(formExplained));
      const schemas = captured.schemas.length > 0 ? captured.schemas : [];
      if (schemas.length === 0) throw new Error('no form schema was seen');
      await page.goto(`${appUrl}/bench/form.html`);
      await page.waitForFunction(
        () =>
          typeof (globalThis as { benchRenderForm?: unknown })
            .benchRenderForm === 'function',
      );
      const renderAlone = (schema: string) =>
        page.evaluate(async (text) => {
          const host = document.getElementById('form');
          if (!host) throw new Error('no form host');
          host.replaceChildren();
          const container = document.createElement('div');
          host.append(container);
          const render = (
            globalThis as unknown as {
              benchRenderForm: (
                c: HTMLElement,
                s: unknown,
                d: unknown,
              ) => Promise<unknown>;
            }
          ).benchRenderForm;
          const start = performance.now();
          await render(container, JSON.parse(text), {});
          await new Promise((resolve) => requestAnimationFrame(resolve));
          if (!container.querySelector('.fjs-form .fjs-form-field'))
            throw new Error('form-js rendered no field');
          return performance.now() - start;
        }, schema);
      await renderAlone(schemas[0] ?? '{}');
      const warmFloor: number[][] = [];
      for (let run = 0; run < RUNS; run++) {
        const samples: number[] = [];
        for (let i = 0; i < SAMPLES; i++)
          samples.push(
            await renderAlone(
              schemas[(run * SAMPLES + i) % schemas.length] ?? '{}',
            ),
          );
        warmFloor.push(samples);
      }
      const warm = result.add(
        'warmNavigation',
        measurement(
          'list → task with a form → form interactive',
          'ms',
          warmApp,
          1,
        ),
      );
      const warmAlone = result.add(
        'warmNavigationFloor',
        measurement('form-js alone, same schemas', 'ms', warmFloor, 1),
      );
      result.figure({
        figure: 5,
        name: 'list → task with a form → form interactive, p50',
        value: warm.summary.p50,
        unit: 'ms',
        floorName: 'form-js alone',
        floor: warmAlone.summary.p50,
        ratioOf: 'value / floor',
        ratio: ratio(warm.summary.p50, warmAlone.summary.p50),
        goal: 'report',
      });

      // --- Figure 6: claim round trip -------------------------------------
      const claimNeeded =
        1 + RUNS * SAMPLES + EXPLAIN_SAMPLES + CLAIM_FLOOR_SAMPLES * (RUNS + 1);
      const { tasks: unassigned } = await gql<{ tasks: { id: string }[] }>(
        'query Free($q: TaskQuery!) { tasks(query: $q) { id } }',
        {
          q: {
            state: 'CREATED',
            assigned: false,
            pageSize: Math.min(1000, claimNeeded),
          },
        },
      );
      if (unassigned.length < claimNeeded)
        throw new Error('not enough unassigned tasks to claim');
      let nextFree = 0;
      const takeFree = () => unassigned[nextFree++]?.id ?? '';
      const assignButton = page.getByRole('button', { name: 'Assign to me' });
      const claimInApp = async (id: string, explain?: TimelineEvent[][]) => {
        await page.goto(`${appUrl}/tasks/${encodeURIComponent(id)}`);
        await assignButton.waitFor();
        if (explain) {
          await installTimeline(page);
          await armTimeline(page, CLAIM_MILESTONES);
        }
        await page.evaluate(() => {
          const w = window as { __claimed?: Promise<number> };
          w.__claimed = new Promise<number>((resolve) => {
            let clicked = Number.NaN;
            document.addEventListener(
              'click',
              () => {
                clicked = performance.now();
              },
              { capture: true, once: true },
            );
            const updated = () =>
              [...document.querySelectorAll('button')].some(
                (b) =>
                  (b.getAttribute('aria-label') ?? b.textContent).trim() ===
                  'Unassign',
              );
            const observer = new MutationObserver(() => {
              if (Number.isNaN(clicked) || !updated()) return;
              observer.disconnect();
              resolve(performance.now() - clicked);
            });
            observer.observe(document.body, {
              childList: true,
              subtree: true,
              characterData: true,
              attributes: true,
            });
          });
        });
        await assignButton.click();
        const ms = await page.evaluate(
          () => (window as { __claimed?: Promise<number> }).__claimed,
        );
        if (explain) explain.push(await takeTimeline(page));
        return ms ?? Number.NaN;
      };
      const claimMutation =
        'mutation Claim($id: String!, $who: String) { claimTask(taskId: $id, assignee: $who) { id assignee taskState } }';
      const claimInNode = async (id: string) => {
        const start = process.hrtime.bigint();
        await gql(claimMutation, { id, who: USER });
        return msSince(start);
      };
      await claimInApp(takeFree());
      for (let i = 0; i < CLAIM_FLOOR_SAMPLES; i++)
        await claimInNode(takeFree());
      const claimApp: number[][] = [];
      const claimFloor: number[][] = [];
      for (let run = 0; run < RUNS; run++) {
        const app: number[] = [];
        for (let i = 0; i < SAMPLES; i++)
          app.push(await claimInApp(takeFree()));
        claimApp.push(app);
        const floor: number[] = [];
        for (let i = 0; i < CLAIM_FLOOR_SAMPLES; i++)
          floor.push(await claimInNode(takeFree()));
        claimFloor.push(floor);
      }
      const claimExplained: TimelineEvent[][] = [];
      for (let i = 0; i < EXPLAIN_SAMPLES; i++)
        await claimInApp(takeFree(), claimExplained);
      result.notes.push(explainClaim(claimExplained));
      tasklist.close();
      const claim = result.add(
        'claim',
        measurement('click Assign to me → button updated', 'ms', claimApp, 1),
      );
      const claimRaw = result.add(
        'claimFloor',
        measurement(
          'claimTask from Node, straight to Tasklist',
          'ms',
          claimFloor,
          2,
        ),
      );
      result.figure({
        figure: 6,
        name: 'click `Assign to me` → button updated, p50',
        value: claim.summary.p50,
        unit: 'ms',
        floorName: 'raw mutation from Node',
        floor: claimRaw.summary.p50,
        ratioOf: 'value / floor',
        ratio: ratio(claim.summary.p50, claimRaw.summary.p50),
        goal: 'report',
      });

      // --- Figure 7 and 9: 10,000 tasks loaded, scrolled -------------------
      await page.goto(`${appUrl}/tasks`);
      await firstRow.waitFor();
      const loadStart = process.hrtime.bigint();
      const loaded = await page.evaluate(async (target) => {
        const scroller = document.querySelector<HTMLElement>(
          '[data-testid="task-list-scroller"]',
        );
        const counter = document.querySelector('.task-list__count');
        if (!scroller || !counter) throw new Error('no list');
        const count = () => Number(counter.textContent.replace(/\D/g, ''));
        // Resolves as soon as the counter changes (or after 15 s without a
        // change): a page is measured to the moment it shows, not to the
        // next tick of a polling loop.
        const changed = (before: number) =>
          new Promise<void>((resolve) => {
            const done = () => {
              clearTimeout(timer);
              observer.disconnect();
              resolve();
            };
            const timer = setTimeout(done, 15_000);
            const observer = new MutationObserver(() => {
              if (count() !== before) done();
            });
            observer.observe(counter, {
              childList: true,
              subtree: true,
              characterData: true,
            });
          });
        while (count() < target) {
          const before = count();
          const shown = changed(before);
          scroller.scrollTop = scroller.scrollHeight;
          await shown;
          if (count() === before) break;
        }
        return {
          tasks: count(),
          more: counter.textContent.includes('+'),
        };
      }, OPEN_TASKS);
      const loadMs = msSince(loadStart);
      result.checks.loadedTasks = loaded.tasks;
      result.checks.loadAllMs = Math.round(loadMs);
      if (loaded.tasks < OPEN_TASKS)
        result.problems.push(
          `only ${String(loaded.tasks)} of ${String(OPEN_TASKS)} tasks loaded by scrolling`,
        );
      const heapLoaded = await heapAfterGc(page);
      console.log(
        `[bench:browser] ${String(loaded.tasks)} tasks loaded in ${String(Math.round(loadMs))} ms`,
      );

      const over50 = (deltas: number[]) => deltas.filter((d) => d > 50).length;
      const tbt = (longTasks: number[]) =>
        longTasks.reduce((sum, d) => sum + Math.max(0, d - 50), 0);
      await scrollRun(page, Math.min(30, SCROLL_FRAMES));
      const appFrames: number[][] = [];
      const appOver: number[] = [];
      const appTbt: number[] = [];
      const heapAfterRuns: number[] = [];
      for (let run = 0; run < RUNS; run++) {
        const { deltas, longTasks } = await scrollRun(page, SCROLL_FRAMES);
        appFrames.push(deltas);
        appOver.push(over50(deltas));
        appTbt.push(tbt(longTasks));
        heapAfterRuns.push(await heapAfterGc(page));
      }
      await page.goto(`${appUrl}/bench/scroll.html`);
      await scrollRun(page, Math.min(30, SCROLL_FRAMES));
      const floorFrames: number[][] = [];
      const floorOver: number[] = [];
      const floorTbt: number[] = [];
      for (let run = 0; run < RUNS; run++) {
        const { deltas, longTasks } = await scrollRun(page, SCROLL_FRAMES);
        floorFrames.push(deltas);
        floorOver.push(over50(deltas));
        floorTbt.push(tbt(longTasks));
      }
      result.add(
        'scrollFrames',
        measurement(
          'frame times scrolling the loaded list',
          'ms',
          appFrames,
          1,
        ),
      );
      result.add(
        'scrollFramesFloor',
        measurement(
          'frame times scrolling 100 static rows',
          'ms',
          floorFrames,
          1,
        ),
      );
      const over = result.add(
        'scrollFramesOver50',
        perRunMeasurement('frames over 50 ms per run', 'frames', appOver, 0),
      );
      const overFloor = result.add(
        'scrollFramesOver50Floor',
        perRunMeasurement(
          'frames over 50 ms per run, static rows',
          'frames',
          floorOver,
          0,
        ),
      );
      const blocking = result.add(
        'scrollTbt',
        perRunMeasurement('total blocking time per run', 'ms', appTbt, 0),
      );
      const blockingFloor = result.add(
        'scrollTbtFloor',
        perRunMeasurement(
          'total blocking time per run, static rows',
          'ms',
          floorTbt,
          0,
        ),
      );
      result.figure({
        figure: 7,
        name: `scrolling ${loaded.tasks.toLocaleString('en-US')} loaded tasks: frames over 50 ms (of ${String(SCROLL_FRAMES)})`,
        value: over.summary.p50,
        unit: 'frames',
        floorName: '100 static rows',
        floor: overFloor.summary.p50,
        goal: 'no frame over 50 ms',
        met: over.summary.max === 0,
        note: `worst run ${String(over.summary.max)}`,
      });
      result.figure({
        figure: 7,
        name: `scrolling ${loaded.tasks.toLocaleString('en-US')} loaded tasks: total blocking time`,
        value: blocking.summary.p50,
        unit: 'ms',
        floorName: '100 static rows',
        floor: blockingFloor.summary.p50,
        goal: 'report',
      });

      result.add(
        'heap',
        perRunMeasurement(
          'JS heap after GC: signed in, 10,000 loaded, after each scroll run',
          'MB',
          [heapIdle, heapLoaded, ...heapAfterRuns].map((b) => b / MB),
          1,
        ),
      );
      const firstAfter = heapAfterRuns[0] ?? heapLoaded;
      const lastAfter = heapAfterRuns.at(-1) ?? heapLoaded;
      const growth = (lastAfter - firstAfter) / MB;
      result.figure({
        figure: 9,
        name: `browser heap with ${loaded.tasks.toLocaleString('en-US')} tasks loaded`,
        value: Math.round((heapLoaded / MB) * 10) / 10,
        unit: 'MB',
        floorName: 'signed in, first page',
        floor: Math.round((heapIdle / MB) * 10) / 10,
        ratioOf: 'value / floor',
        ratio: ratio(heapLoaded, heapIdle),
        goal: 'report',
      });
      result.figure({
        figure: 9,
        name: `browser heap growth over ${String(RUNS - 1)} more scroll runs`,
        value: Math.round(growth * 10) / 10,
        unit: 'MB',
        floorName: 'after the first run',
        floor: Math.round((firstAfter / MB) * 10) / 10,
        goal: 'no growth (≤ 5 % of the heap)',
        met: growth <= (firstAfter / MB) * 0.05,
      });
      if (QUICK) result.notes.push('Smoke run: figures are not meaningful.');
      await context.close();
    } finally {
      await browser.close();
      await stop(stack);
      rmSync(FLOOR_DIR, { recursive: true, force: true });
      rmSync(dataDir, { recursive: true, force: true });
    }
  },
);
