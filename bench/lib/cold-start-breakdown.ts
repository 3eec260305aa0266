/**
 * Where a cold start's time goes (issue 11, figure 4): the request waterfall
 * from the page's Resource Timing entries and the renderer main thread's
 * work from a Chromium trace, both between navigation start and the first
 * task row. The benchmark writes the result into its notes, so every run
 * explains its own figure.
 */

/** One request as the page saw it (Resource/Navigation Timing), in ms since navigation start. */
export interface ResourceRow {
  url: string;
  initiatorType: string;
  startTime: number;
  requestStart: number;
  responseStart: number;
  responseEnd: number;
  /** Bytes on the wire (headers included); 0 from the memory cache. */
  transferSize: number;
  /** Body bytes as sent (compressed when the server compressed them). */
  encodedBodySize: number;
  /** Body bytes after decoding. */
  decodedBodySize: number;
}

/** A Chrome trace event (the fields used here). */
export interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: { url?: string } };
}

export interface MainThreadSummary {
  /** navigation start → first row, ms. */
  windowMs: number;
  /** Time inside top-level tasks on the main thread. */
  busyMs: number;
  /** Self time by group (script, compile, style and layout, …), ms. */
  groups: { group: string; ms: number }[];
  /** Self time by trace event name, largest first. */
  events: { name: string; ms: number }[];
  /** Top-level tasks on the main thread, [start, end] in ms since navigation start. */
  tasks: [number, number][];
}

/** The mark the first-row script sets, so the trace knows when the row came. */
export const FIRST_ROW_MARK = 'bench:first-row';

const GROUPS: [string, RegExp][] = [
  [
    'parse and compile JS',
    /^(v8\.compile|v8\.compileModule|V8\.CompileCode|v8\.parseOnBackground|CompileScript|v8\.produceCache|v8\.produceModuleCache|v8\.deserializeOnBackground|CacheScript)/,
  ],
  [
    'run JS',
    /^(EvaluateScript|v8\.evaluateModule|v8\.run|V8\.Execute|FunctionCall|TimerFire|EventDispatch|RunMicrotasks|FireAnimationFrame|FireIdleCallback|v8\.callFunction|V8\.RunMicrotasks|v8\.newInstance|XHRReadyStateChange|ResourceReceivedData|HandlePostMessage)/,
  ],
  ['garbage collection', /(GC|BlinkGC|MinorGC|MajorGC)/],
  ['parse HTML', /^ParseHTML$/],
  [
    'style and layout',
    /^(UpdateLayoutTree|Layout|RecalculateStyles|ParseAuthorStyleSheet|ScheduleStyleRecalculation|InvalidateLayout|UpdateLayerTree|HitTest)/,
  ],
  [
    'paint and composite',
    /^(Paint|PrePaint|Layerize|UpdateLayer|CompositeLayers|Commit|PaintImage|Decode|RasterTask|ImageDecodeTask)/,
  ],
];

function groupOf(name: string): string {
  for (const [group, pattern] of GROUPS) if (pattern.test(name)) return group;
  return 'other (tasks, loading, IPC)';
}

/** Renderer main threads by pid:tid. */
function mainThreads(events: TraceEvent[]): Set<string> {
  const threads = new Set<string>();
  for (const event of events) {
    if (
      event.ph === 'M' &&
      event.name === 'thread_name' &&
      event.args?.name === 'CrRendererMain'
    )
      threads.add(`${String(event.pid)}:${String(event.tid)}`);
  }
  return threads;
}

/**
 * Sums the main thread's work between navigation start and the first-row
 * mark. The navigation start in trace time is the mark's time minus its
 * `performance.now()` value (`firstRowMs`), so no clock has to be matched.
 */
export function summariseTrace(
  events: TraceEvent[],
  firstRowMs: number,
): MainThreadSummary | null {
  const threads = mainThreads(events);
  const mark = events.find(
    (e) =>
      e.name === FIRST_ROW_MARK &&
      threads.has(`${String(e.pid)}:${String(e.tid)}`),
  );
  const markAny = mark ?? events.find((e) => e.name === FIRST_ROW_MARK);
  if (!markAny) return null;
  const end = markAny.ts;
  const start = end - firstRowMs * 1000;
  const thread = `${String(markAny.pid)}:${String(markAny.tid)}`;
  const complete = events
    .filter(
      (e) =>
        e.ph === 'X' &&
        e.dur !== undefined &&
        `${String(e.pid)}:${String(e.tid)}` === thread &&
        e.ts < end &&
        e.ts + (e.dur ?? 0) > start,
    )
    // Parents before children: earlier start first, longer first on a tie.
    .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  const clip = (from: number, to: number) =>
    Math.max(0, Math.min(to, end) - Math.max(from, start));
  const self = new Map<string, number>();
  const tasks: [number, number][] = [];
  let busy = 0;
  const stack: { event: TraceEvent; end: number; childTime: number }[] = [];
  const close = (until: number) => {
    while (stack.length > 0 && (stack.at(-1)?.end ?? 0) <= until) {
      const done = stack.pop();
      if (!done) break;
      const own =
        clip(done.event.ts, done.end) - Math.min(done.childTime, done.end);
      self.set(
        done.event.name,
        (self.get(done.event.name) ?? 0) + Math.max(0, own),
      );
    }
  };
  for (const event of complete) {
    const eventEnd = event.ts + (event.dur ?? 0);
    close(event.ts);
    const parent = stack.at(-1);
    const length = clip(event.ts, eventEnd);
    if (parent) parent.childTime += length;
    else if (length > 0) {
      busy += length;
      tasks.push([
        (Math.max(event.ts, start) - start) / 1000,
        (Math.min(eventEnd, end) - start) / 1000,
      ]);
    }
    stack.push({ event, end: eventEnd, childTime: 0 });
  }
  close(Number.POSITIVE_INFINITY);
  const groups = new Map<string, number>();
  for (const [name, us] of self)
    groups.set(groupOf(name), (groups.get(groupOf(name)) ?? 0) + us);
  const ms = (us: number) => Math.round(us / 100) / 10;
  return {
    windowMs: Math.round(firstRowMs * 10) / 10,
    busyMs: ms(busy),
    groups: [...groups]
      .map(([group, us]) => ({ group, ms: ms(us) }))
      .sort((a, b) => b.ms - a.ms),
    events: [...self]
      .map(([name, us]) => ({ name, ms: ms(us) }))
      .sort((a, b) => b.ms - a.ms),
    tasks,
  };
}

/** `/assets/index-2UQ6OhVP.js` → `/assets/index-….js`; origin dropped. */
export function shortUrl(url: string): string {
  let shown = url;
  try {
    const parsed = new URL(url);
    shown = parsed.pathname + parsed.search;
    if (parsed.port && !/^127\.0\.0\.1$|^localhost$/.test(parsed.hostname))
      shown = url;
  } catch {
    // Not a URL: shown as it is.
  }
  return shown.replace(/-[A-Za-z0-9_-]{8}(\.[a-z]+)$/, '-…$1');
}

const pad = (text: string, width: number) => text.padStart(width);
const fixed = (value: number) => String(Math.round(value));
const kb = (bytes: number) => (bytes / 1024).toFixed(1);

/**
 * The request waterfall as text: when each request started and ended, what
 * it waited for (a gap before it starts), and its size on the wire.
 */
export function renderWaterfall(
  rows: ResourceRow[],
  firstRowMs: number,
): string {
  const sorted = [...rows].sort((a, b) => a.startTime - b.startTime);
  const lines = [
    '  start    end   took   wire kB  body kB  request',
    ...sorted.map(
      (row) =>
        `${pad(fixed(row.startTime), 7)}${pad(fixed(row.responseEnd), 7)}${pad(fixed(row.responseEnd - row.startTime), 7)}${pad(kb(row.transferSize), 10)}${pad(kb(row.decodedBodySize), 9)}  ${row.initiatorType.padEnd(6)} ${shortUrl(row.url)}`,
    ),
    `${pad(fixed(firstRowMs), 7)}${pad('', 7)}${pad('', 7)}${pad('', 10)}${pad('', 9)}  first task row painted`,
  ];
  return lines.join('\n');
}

/** The main-thread summary as text. */
export function renderMainThread(summary: MainThreadSummary): string {
  const lines = [
    `main thread, navigation start → first row (${fixed(summary.windowMs)} ms): busy ${fixed(summary.busyMs)} ms, idle or waiting ${fixed(summary.windowMs - summary.busyMs)} ms`,
    ...summary.groups.map((g) => `  ${pad(g.ms.toFixed(1), 7)} ms  ${g.group}`),
    'largest trace events by self time:',
    ...summary.events
      .slice(0, 8)
      .map((e) => `  ${pad(e.ms.toFixed(1), 7)} ms  ${e.name}`),
  ];
  return lines.join('\n');
}

/** The first request (by start time) whose URL matches. */
function find(rows: ResourceRow[], test: (url: string) => boolean) {
  return rows
    .filter((row) => test(shortUrl(row.url)))
    .sort((a, b) => a.startTime - b.startTime)[0];
}

/**
 * The chain the first row waits for, in milestones: the shell, the entry
 * script, the configuration and catalogue, the token, the list query, and
 * what is left after the list arrived (rendering).
 */
export function renderChain(
  rows: ResourceRow[],
  firstRowMs: number,
  /** The main thread's top-level tasks of the same load, when traced. */
  tasks?: [number, number][],
): string {
  const html = rows.find((row) => row.initiatorType === 'navigation');
  const entry = find(rows, (u) => u.startsWith('/assets/index-'));
  const config = find(rows, (u) => u.startsWith('/api/config'));
  const token = find(rows, (u) => u.startsWith('/api/token'));
  const graphql = find(rows, (u) => u.startsWith('/graphql'));
  const scripts = rows.filter((row) => row.initiatorType === 'script');
  const other = rows.filter(
    (row) =>
      new URL(row.url, 'http://x').pathname.endsWith('.js') &&
      row.initiatorType !== 'script',
  );
  const lastJsBeforeToken = [...scripts, ...other]
    .filter((row) => !token || row.responseEnd <= token.startTime)
    .reduce((max, row) => Math.max(max, row.responseEnd), 0);
  const steps: [string, number | undefined][] = [
    ['HTML shell received', html?.responseEnd],
    ['entry script received', entry?.responseEnd],
    ['`/api/config` asked', config?.startTime],
    ['`/api/config` received', config?.responseEnd],
    ['last script before the token request received', lastJsBeforeToken],
    ['`POST /api/token` sent', token?.startTime],
    ['`POST /api/token` answered', token?.responseEnd],
    ['`/graphql` (list) sent', graphql?.startTime],
    ['`/graphql` (list) answered', graphql?.responseEnd],
    ['first task row painted', firstRowMs],
  ];
  const busy = (from: number, to: number) =>
    (tasks ?? []).reduce(
      (sum, [s, e]) => sum + Math.max(0, Math.min(e, to) - Math.max(s, from)),
      0,
    );
  let previous = 0;
  return steps
    .filter((step): step is [string, number] => step[1] !== undefined)
    .sort((a, b) => a[1] - b[1])
    .map(([label, at]) => {
      const since = at - previous;
      const line = `${pad(fixed(at), 6)} ms  ${label.padEnd(48)}${
        tasks
          ? `  +${fixed(since)} ms, main thread busy ${fixed(busy(previous, at))}`
          : ''
      }`;
      previous = at;
      return line;
    })
    .join('\n');
}
