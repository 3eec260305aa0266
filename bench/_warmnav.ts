/**
 * Focused look at figures 5 and 6 (issue 11): the built app in proxy mode,
 * a small world, N clicks on a task with a form and N claims, each with the
 * in-page timeline of bench/lib/timeline.ts, plus a CPU profile (CDP
 * Profiler) over the form clicks. Not part of `npm run bench` (leading `_`).
 *
 *   npm run build && node --import tsx bench/_warmnav.ts [samples]
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { seedOpenWorld } from './lib/big-world';
import { formatSelfTime, topSelfTime } from './lib/cpu-profile';
import { stop, waitForHttp } from './lib/processes';
import { ROOT } from './lib/results';
import { appUrlOf, signIn, stackPorts, startBenchStack } from './lib/stack';
import {
  CLAIM_MILESTONES,
  FORM_MILESTONES,
  TIMELINE_SCRIPT,
  armTimeline,
  summariseTimelines,
  takeTimeline,
  type TimelineEvent,
} from './lib/timeline';

const SAMPLES = Number(process.argv[2] ?? 9);
const USER = 'demo';

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'inbox-warmnav-'));
await seedOpenWorld(path.join(dataDir, 'tasklist.sqlite'), 300);
const ports = await stackPorts(true);
const appUrl = appUrlOf(ports);
const stack = startBenchStack({
  ports,
  dataDir,
  clientSecret: randomBytes(24).toString('hex'),
});
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu'],
});
try {
  await waitForHttp(`${appUrl}/healthz`, stack, 'the stack', 300_000);
  const context = await browser.newContext({
    viewport: { width: 1280, height: 800 },
  });
  await context.addInitScript('globalThis.__name = (fn) => fn;');
  await context.addInitScript(TIMELINE_SCRIPT);
  if (process.env.VERBOSE)
    await context.addInitScript('window.__timelineVerbose = true;');
  const page = await context.newPage();
  await page.goto(`${appUrl}/tasks`);
  await signIn(page, USER);
  const listIds: string[] = [];
  page.on('response', (response) => {
    if (!response.url().endsWith('/graphql')) return;
    response
      .json()
      .then((body: { data?: { tasks?: { id: string }[] } }) => {
        for (const t of body.data?.tasks ?? [])
          if (!listIds.includes(t.id)) listIds.push(t.id);
      })
      .catch(() => undefined);
  });
  const rows = page.getByRole('list', { name: 'Tasks' }).getByRole('link');
  await rows.first().waitFor();

  // Every task of the first list page; those without a Camunda form are skipped.
  const formTaskIds = listIds;
  const cdp = await context.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  const form: TimelineEvent[][] = [];
  const formMs: number[] = [];
  let profiling = false;
  const scroller = page.getByTestId('task-list-scroller');
  for (const id of formTaskIds) {
    if (form.length >= SAMPLES + 1) break;
    if (page.url() !== `${appUrl}/tasks`) {
      await page.goBack();
      await rows.first().waitFor();
    }
    const link = page.locator(`a.task-card[data-task-id="${id}"]`);
    await scroller.evaluate((el) => {
      el.scrollTop = 0;
    });
    for (let i = 0; i < 40 && (await link.count()) === 0; i++) {
      await scroller.evaluate((el) => {
        el.scrollTop += el.clientHeight / 2;
      });
      await page.waitForTimeout(30);
    }
    if ((await link.count()) === 0) continue;
    try {
      await link.evaluate(
        (el) => {
          el.scrollIntoView({ block: 'center' });
        },
        undefined,
        { timeout: 2000 },
      );
      await page.waitForTimeout(100);
      await armTimeline(page, FORM_MILESTONES);
      await link.click({ timeout: 2000 });
    } catch {
      await takeTimeline(page, 0);
      continue;
    }
    if (form.length === 1 && !profiling) {
      await cdp.send('Profiler.start');
      profiling = true;
    }
    await page.locator('h1.task-header__title').waitFor();
    const hasForm = await page
      .getByRole('heading', { name: 'Form', level: 2 })
      .isVisible();
    if (!hasForm) {
      await takeTimeline(page, 0);
      continue;
    }
    await page.locator('.camunda-form__host .fjs-form-field').first().waitFor();
    const events = await takeTimeline(page, 100);
    form.push(events);
    const field = events.find((e) => e.name === 'first form field');
    if (form.length > 1 && field) formMs.push(field.start);
  }
  const { profile } = await cdp.send('Profiler.stop');
  const profileFile = path.join(dataDir, 'form.cpuprofile');
  writeFileSync(profileFile, JSON.stringify(profile));
  // The first sample warmed the chunks and catalogue; report it apart.
  const [first, ...warm] = form;
  console.log(
    summariseTimelines(first ? [first] : [], 'FIRST open (cold chunks)'),
  );
  console.log(summariseTimelines(warm, 'Figure 5: click a task with a form'));
  const p50 = (v: number[]) =>
    [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)] ?? NaN;
  console.log(
    `FIG5 p50 click → first form field: ${p50(formMs).toFixed(1)} ms over ${String(formMs.length)}: ${formMs.map((v) => v.toFixed(0)).join(' ')}`,
  );
  console.log(formatSelfTime(topSelfTime(profileFile, ROOT, 25)));

  // Figure 6.
  const claim: TimelineEvent[][] = [];
  const claimProfiles: unknown[] = [];
  let claimRequest:
    { headers: Record<string, string>; body: string } | undefined;
  page.on('request', (request) => {
    const body = request.postData() ?? '';
    if (body.includes('ClaimTaskMutation'))
      claimRequest = { headers: request.headers(), body };
  });
  const claimIds = await page.evaluate(() =>
    [...document.querySelectorAll('a.task-card')]
      .filter((a) =>
        (a.getAttribute('aria-label') ?? '').includes('unassigned'),
      )
      .map((a) => a.getAttribute('data-task-id') ?? ''),
  );
  for (const id of claimIds.slice(0, SAMPLES + 1)) {
    await page.goto(`${appUrl}/tasks/${encodeURIComponent(id)}`);
    const button = page.getByRole('button', { name: 'Assign to me' });
    try {
      await button.waitFor({ timeout: 3000 });
    } catch {
      continue;
    }
    if (process.env.CLAIM_SETTLE)
      await page.waitForTimeout(Number(process.env.CLAIM_SETTLE));
    await armTimeline(page, CLAIM_MILESTONES);
    await cdp.send('Profiler.start');
    if (claim.length === 2)
      await browser.startTracing(page, {
        categories: [
          'devtools.timeline',
          'disabled-by-default-devtools.timeline',
          'v8.execute',
          'blink.user_timing',
          'loading',
          'netlog',
          'toplevel',
        ],
      });
    await button.click();
    await page.getByRole('button', { name: 'Unassign' }).waitFor();
    if (claim.length === 2)
      writeFileSync('/tmp/claim-trace.json', await browser.stopTracing());
    const { profile: p } = await cdp.send('Profiler.stop');
    claimProfiles.push(p);
    claim.push(await takeTimeline(page, 300));
  }
  claimProfiles.forEach((p, i) => {
    const f = path.join(dataDir, `claim${String(i)}.cpuprofile`);
    writeFileSync(f, JSON.stringify(p));
    if (i > 0)
      console.log(
        `claim ${String(i)}\n` + formatSelfTime(topSelfTime(f, ROOT, 12)),
      );
  });
  console.log(
    summariseTimelines(claim.slice(1), 'Figure 6: click Assign to me'),
  );
  const claimMs = claim
    .slice(1)
    .map(
      (events) => events.find((e) => e.name === 'Unassign shown')?.start ?? NaN,
    );
  console.log(
    `FIG6 p50 click → Unassign: ${[...claimMs].sort((a, b) => a - b)[Math.floor(claimMs.length / 2)]?.toFixed(1) ?? ''} ms: ${claimMs.map((v) => v.toFixed(0)).join(' ')}`,
  );
  // Claims replayed from Node through the BFF, on tasks nobody has.
  const free = await page.evaluate(() =>
    [...document.querySelectorAll('a.task-card')]
      .filter((a) =>
        (a.getAttribute('aria-label') ?? '').includes('unassigned'),
      )
      .map((a) => a.getAttribute('data-task-id') ?? ''),
  );
  if (claimRequest) {
    const times: string[] = [];
    for (const id of free.slice(0, 15)) {
      const body = JSON.parse(claimRequest.body) as {
        variables: { taskId: string };
      };
      body.variables.taskId = id;
      const start = performance.now();
      const r = await fetch(`${appUrl}/graphql`, {
        method: 'POST',
        headers: { ...claimRequest.headers, origin: appUrl },
        body: JSON.stringify(body),
      });
      const text = await r.text();
      times.push(
        `${(performance.now() - start).toFixed(1)}${text.includes('errors') ? '!' : ''}`,
      );
    }
    console.log('claim via BFF from node', times.join(' '));
  }
  // The same GraphQL request, replayed: from the page and from Node.
  const seen = await new Promise<{
    headers: Record<string, string>;
    body: string;
  }>((resolve) => {
    page.on('request', (request) => {
      if (request.url().endsWith('/graphql') && request.method() === 'POST')
        resolve({ headers: request.headers(), body: request.postData() ?? '' });
    });
    void page.reload();
  });
  const inPage = await page.evaluate(async ({ headers, body }) => {
    const times: number[] = [];
    for (let i = 0; i < 20; i++) {
      const start = performance.now();
      const r = await fetch('/graphql', { method: 'POST', headers, body });
      await r.text();
      times.push(performance.now() - start);
    }
    return times;
  }, seen);
  const inNode: number[] = [];
  for (let i = 0; i < 20; i++) {
    const start = performance.now();
    const r = await fetch(`${appUrl}/graphql`, {
      method: 'POST',
      headers: { ...seen.headers, origin: appUrl },
      body: seen.body,
    });
    await r.text();
    inNode.push(performance.now() - start);
  }
  console.log('replay in page', inPage.map((t) => t.toFixed(1)).join(' '));
  console.log('replay in node', inNode.map((t) => t.toFixed(1)).join(' '));
  await context.close();
} finally {
  await browser.close();
  await stop(stack);
  rmSync(dataDir, { recursive: true, force: true });
}
