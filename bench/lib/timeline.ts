/**
 * What happens in the page between a click and its result (issue 11,
 * figures 5 and 6): every `fetch` (GraphQL operations by name, the token
 * endpoint), every script, stylesheet or catalogue chunk fetched, frames
 * that kept the main thread busy (long animation frames, with the scripts
 * that ran in them), the URL change, and the first appearance of named
 * milestones in the DOM (a loading placeholder, the task heading, the form
 * fields, the `Unassign` button). Times are ms since the click, taken with
 * `performance.now()` inside the page.
 *
 * The page is only observed: `fetch` is wrapped to read the operation name
 * from the request body; nothing the app does is changed.
 */
import type { Page } from '@playwright/test';

export interface TimelineEvent {
  kind: 'fetch' | 'resource' | 'frame' | 'milestone' | 'navigate';
  name: string;
  start: number;
  end: number;
  detail?: string;
  /** A request: when the page's code had the answer's body. */
  handedAt?: number;
}

/** The first element matching `selector` (with exactly `text`, if given). */
export interface Milestone {
  name: string;
  selector: string;
  text?: string;
}

export const FORM_MILESTONES: Milestone[] = [
  {
    name: 'task page placeholder (Suspense)',
    selector: '.skeleton:not(.task-details .skeleton)',
  },
  { name: 'task heading', selector: 'h1.task-header__title' },
  { name: 'form data placeholder', selector: '.task-details__work .skeleton' },
  { name: 'form-js chunk placeholder', selector: '.camunda-form__loading' },
  { name: 'form host', selector: '.camunda-form__host' },
  {
    name: 'first form field',
    selector: '.camunda-form__host .fjs-form .fjs-form-field',
  },
];

export const CLAIM_MILESTONES: Milestone[] = [
  { name: 'button busy', selector: '.assign button[aria-busy="true"]' },
  { name: 'Unassign shown', selector: '.assign button', text: 'Unassign' },
  {
    name: 'status announced',
    selector: '.assign__status',
    text: 'Task assigned to you.',
  },
];

/**
 * Installed in a loaded page (`installTimeline`) or before it loads
 * (`context.addInitScript`); a second install does nothing. The app looks
 * `fetch` up at each call, so wrapping it after the app started works.
 */
export const TIMELINE_SCRIPT = `(() => {
  if (window.__timeline) return;
  const state = { armed: false, t0: NaN, events: [], milestones: [], seen: new Set() };
  window.__timeline = state;
  const push = (e) => { if (state.armed) state.events.push(e); };
  const base = window.fetch.bind(window);
  window.fetch = async (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    let name = new URL(url, location.href).pathname;
    try {
      const body = init && typeof init.body === 'string' ? JSON.parse(init.body) : null;
      if (body && body.operationName) name = body.operationName;
      if (window.__timelineVerbose && body && body.variables) name += ' ' + JSON.stringify(body.variables);
    } catch {}
    const start = performance.now();
    try {
      const response = await base(input, init);
      // The body is read by the caller; wait for it without consuming it.
      response.clone().arrayBuffer().then(() => {
        push({ kind: 'fetch', name, start, end: performance.now(), detail: String(response.status) });
      }, () => {});
      return response;
    } catch (error) {
      push({ kind: 'fetch', name, start, end: performance.now(), detail: 'failed' });
      throw error;
    }
  };
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      if (e.initiatorType === 'fetch' || e.initiatorType === 'xmlhttprequest') {
        const r = (v) => Math.round(v * 10) / 10;
        push({ kind: 'resource', name: 'network ' + new URL(e.name).pathname, start: e.startTime, end: e.responseEnd,
          detail: 'queued ' + r((e.connectStart || e.requestStart) - e.startTime) + ', connect ' + r(e.connectEnd - e.connectStart) + ', request → first byte ' + r(e.responseStart - e.requestStart) + ', body ' + r(e.responseEnd - e.responseStart) + ' ms' });
        continue;
      }
      push({ kind: 'resource', name: new URL(e.name).pathname.split('/').pop(), start: e.startTime, end: e.responseEnd, detail: e.transferSize === 0 ? 'cache' : String(e.transferSize) + ' B' });
    }
  }).observe({ type: 'resource' });
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        const scripts = (e.scripts || []).slice().sort((a, b) => b.duration - a.duration).slice(0, 2)
          .map((s) => (s.invoker || s.invokerType) + ' ' + Math.round(s.duration) + ' ms');
        push({ kind: 'frame', name: 'long animation frame', start: e.startTime, end: e.startTime + e.duration, detail: 'blocking ' + Math.round(e.blockingDuration) + ' ms' + (scripts.length ? '; ' + scripts.join(', ') : '') });
      }
    }).observe({ type: 'long-animation-frame' });
  } catch {}
  const pushState = history.pushState.bind(history);
  history.pushState = (...args) => {
    const at = performance.now();
    push({ kind: 'navigate', name: 'URL changes', start: at, end: at });
    return pushState(...args);
  };
  const check = () => {
    if (!state.armed) return;
    for (const m of state.milestones) {
      if (state.seen.has(m.name)) continue;
      const found = [...document.querySelectorAll(m.selector)].some((el) => m.text === undefined || el.textContent.trim() === m.text);
      if (found) {
        state.seen.add(m.name);
        const at = performance.now();
        push({ kind: 'milestone', name: m.name, start: at, end: at });
      }
    }
  };
  new MutationObserver(check).observe(document, { childList: true, subtree: true, characterData: true, attributes: true });
  document.addEventListener('click', () => {
    if (state.armed && Number.isNaN(state.t0)) {
      state.t0 = performance.now();
      check();
    }
  }, { capture: true });
})();`;

export async function installTimeline(page: Page): Promise<void> {
  await page.evaluate(TIMELINE_SCRIPT);
}

/** Starts recording; the next click is time zero. */
export async function armTimeline(
  page: Page,
  milestones: Milestone[],
): Promise<void> {
  await page.evaluate((list) => {
    const state = (window as unknown as { __timeline: TimelineState })
      .__timeline;
    state.armed = true;
    state.t0 = Number.NaN;
    state.events = [];
    state.milestones = list;
    state.seen = new Set();
  }, milestones);
}

interface TimelineState {
  armed: boolean;
  t0: number;
  events: TimelineEvent[];
  milestones: Milestone[];
  seen: Set<string>;
}

/** Stops recording after `settleMs` and returns the events since the click. */
export async function takeTimeline(
  page: Page,
  settleMs = 50,
): Promise<TimelineEvent[]> {
  await page.waitForTimeout(settleMs);
  const events = await page.evaluate(() => {
    const state = (window as unknown as { __timeline: TimelineState })
      .__timeline;
    state.armed = false;
    const t0 = state.t0;
    return state.events
      .filter((e) => e.end >= t0 - 1)
      .map((e) => ({ ...e, start: e.start - t0, end: e.end - t0 }))
      .sort((a, b) => a.start - b.start);
  });
  return pairRequests(events);
}

/**
 * Joins each `fetch` (named by its operation) with the network entry of the
 * same request (the nearest start): the request then ends when its answer
 * was in (the network's view), and its detail says when the page's code got
 * the body, which on a busy machine is later.
 */
export function pairRequests(events: TimelineEvent[]): TimelineEvent[] {
  const network = events.filter(
    (e) => e.kind === 'resource' && e.name.startsWith('network '),
  );
  const used = new Set<TimelineEvent>();
  const out: TimelineEvent[] = [];
  for (const event of events) {
    if (network.includes(event)) continue;
    if (event.kind !== 'fetch') {
      out.push(event);
      continue;
    }
    const match = network
      .filter((n) => !used.has(n) && Math.abs(n.start - event.start) < 5)
      .sort(
        (a, b) =>
          Math.abs(a.start - event.start) - Math.abs(b.start - event.start),
      )[0];
    if (!match) {
      out.push(event);
      continue;
    }
    used.add(match);
    out.push({
      ...event,
      end: match.end,
      handedAt: event.end,
      detail: `${match.detail ?? ''}; body in the page's code at +${event.end.toFixed(1)} ms`,
    });
  }
  return out;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[mid] ?? NaN)
    : ((sorted[mid - 1] ?? NaN) + (sorted[mid] ?? NaN)) / 2;
};

const ms = (value: number) => value.toFixed(1).padStart(6);

/**
 * Many samples as one timeline: every event by kind and name (the n-th of
 * a kind and name when it repeats), with the median start and end over the
 * samples it occurred in. Long frames are summed instead: how many, and
 * their median total per sample.
 */
export function summariseTimelines(
  samples: TimelineEvent[][],
  title: string,
): string {
  const groups = new Map<
    string,
    { kind: string; starts: number[]; ends: number[]; details: string[] }
  >();
  const frameTotals: number[] = [];
  for (const events of samples) {
    const seen = new Map<string, number>();
    let frames = 0;
    for (const event of events) {
      if (event.kind === 'frame') {
        frames += event.end - event.start;
      }
      const base = `${event.kind} ${event.name}`;
      const n = (seen.get(base) ?? 0) + 1;
      seen.set(base, n);
      const key = n > 1 ? `${base} #${String(n)}` : base;
      const group = groups.get(key) ?? {
        kind: event.kind,
        starts: [],
        ends: [],
        details: [],
      };
      group.starts.push(event.start);
      group.ends.push(event.end);
      if (event.detail) group.details.push(event.detail);
      groups.set(key, group);
    }
    frameTotals.push(frames);
  }
  const rows = [...groups.entries()]
    .map(([key, g]) => ({
      key,
      kind: g.kind,
      start: median(g.starts),
      end: median(g.ends),
      count: g.starts.length,
      detail: g.details[Math.floor(g.details.length / 2)] ?? '',
    }))
    .sort((a, b) => a.start - b.start || a.end - b.end);
  const lines = [
    `${title} (${String(samples.length)} samples; ms since the click, median start → end; [n/${String(samples.length)}] = samples it occurred in)`,
  ];
  for (const row of rows) {
    const span =
      row.end - row.start > 0.05
        ? `${ms(row.start)} → ${ms(row.end)}  (${(row.end - row.start).toFixed(1)} ms)`
        : ms(row.start);
    const count =
      row.count === samples.length
        ? ''
        : ` [${String(row.count)}/${String(samples.length)}]`;
    lines.push(
      `  ${span.padEnd(34)} ${row.key}${count}${row.detail && row.kind !== 'milestone' ? `  (${row.detail})` : ''}`,
    );
  }
  lines.push(
    `  long animation frames: median ${median(frameTotals).toFixed(1)} ms per sample in frames over 50 ms`,
  );
  return lines.join('\n');
}

const at = (events: TimelineEvent[], name: string) =>
  events.find((e) => e.kind === 'milestone' && e.name === name)?.start;

const fixed = (value: number) => (Number.isNaN(value) ? '—' : value.toFixed(1));

/**
 * Figure 5 in a few numbers (medians over the samples): requests before the
 * form showed and how many waited for another's answer, when the last
 * answer was in, what rendering took after it, and how often a placeholder
 * showed; then the median timeline.
 */
export function explainWarmNavigation(samples: TimelineEvent[][]): string {
  const rows = samples.map((events) => {
    const result = at(events, 'first form field') ?? NaN;
    const requests = events.filter(
      (e) => e.kind === 'fetch' && e.start <= result,
    );
    const level = new Map<TimelineEvent, number>();
    for (const r of requests) {
      const before = requests.filter((q) => q !== r && q.end <= r.start);
      level.set(r, 1 + Math.max(0, ...before.map((q) => level.get(q) ?? 1)));
    }
    const lastAnswer = Math.max(0, ...requests.map((r) => r.end));
    return {
      result,
      requests: requests.length,
      inSequence: Math.max(0, ...level.values()),
      lastAnswer,
      render: result - lastAnswer,
      early: requests.filter((r) => r.start < 0).length,
      suspense: at(events, 'task page placeholder (Suspense)') !== undefined,
      chunk: at(events, 'form-js chunk placeholder') !== undefined,
    };
  });
  const m = (pick: (row: (typeof rows)[number]) => number) =>
    median(rows.map(pick));
  const n = samples.length;
  return [
    `Where figure 5's time goes (${String(n)} extra samples after the measured ones, same page): form shown at ${fixed(m((r) => r.result))} ms after the click; ` +
      `${fixed(m((r) => r.requests))} GraphQL requests before it, ${fixed(m((r) => r.inSequence))} round trip(s) in sequence (a request that starts only after another answered adds one); ` +
      `${fixed(m((r) => r.early))} of them already started before the click (the row's hover or focus runs the task route's loader, which also asks for the form); ` +
      `the last answer was off the wire at ${fixed(m((r) => r.lastAnswer))} ms and the form showed ${fixed(m((r) => r.render))} ms after it (rendering: React, form-js importing the schema; negative when the page showed from what the preload had already cached and the request only refreshed it). ` +
      `The task page's Suspense placeholder showed in ${String(rows.filter((r) => r.suspense).length)}/${String(n)} samples (React then holds the page back until it has been up 300 ms), form-js's chunk placeholder in ${String(rows.filter((r) => r.chunk).length)}/${String(n)}.`,
    '',
    summariseTimelines(samples, 'Timeline'),
  ].join('\n');
}

/**
 * Figure 6 in a few numbers (medians): click → request sent, the request on
 * the wire (BFF and Tasklist), the answer handed from Chromium's network
 * process to the page, and the page's own work to the updated button.
 */
export function explainClaim(samples: TimelineEvent[][]): string {
  const rows = samples.map((events) => {
    const result = at(events, 'Unassign shown') ?? NaN;
    const claim = events.find(
      (e) => e.kind === 'fetch' && e.name.startsWith('ClaimTaskMutation'),
    );
    const handed = claim?.handedAt ?? claim?.end ?? NaN;
    return {
      result,
      send: claim?.start ?? NaN,
      wire: claim ? claim.end - claim.start : NaN,
      handOver: claim ? handed - claim.end : NaN,
      page: result - handed,
      requests: events.filter((e) => e.kind === 'fetch' && e.start <= result)
        .length,
    };
  });
  const m = (pick: (row: (typeof rows)[number]) => number) =>
    median(rows.map(pick));
  return [
    `Where figure 6's time goes (${String(samples.length)} extra samples after the measured ones): button updated at ${fixed(m((r) => r.result))} ms after the click; ` +
      `click → mutation sent ${fixed(m((r) => r.send))} ms; on the wire (BFF: rate limit, the task's visibility read from Tasklist, the claim, the audit line) ${fixed(m((r) => r.wire))} ms; ` +
      `answer handed from Chromium's network process to the page's code ${fixed(m((r) => r.handOver))} ms; Apollo and React to the updated button ${fixed(m((r) => r.page))} ms. ` +
      `${fixed(m((r) => r.requests))} request(s) before the button updated (no refetch waits in between).`,
    '',
    summariseTimelines(samples, 'Timeline'),
  ].join('\n');
}
