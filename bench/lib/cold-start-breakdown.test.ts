import { expect, test } from 'vitest';
import {
  FIRST_ROW_MARK,
  renderChain,
  renderWaterfall,
  shortUrl,
  summariseTrace,
  type ResourceRow,
  type TraceEvent,
} from './cold-start-breakdown';

const MAIN = { pid: 7, tid: 1 };
const OTHER = { pid: 7, tid: 2 };
const x = (
  name: string,
  startMs: number,
  durMs: number,
  where = MAIN,
): TraceEvent => ({
  name,
  ph: 'X',
  ts: 1_000_000 + startMs * 1000,
  dur: durMs * 1000,
  ...where,
});

test('sums the main thread between navigation start and the first-row mark, by self time', () => {
  const events: TraceEvent[] = [
    {
      name: 'thread_name',
      ph: 'M',
      ts: 0,
      ...MAIN,
      args: { name: 'CrRendererMain' },
    },
    {
      name: 'thread_name',
      ph: 'M',
      ts: 0,
      ...OTHER,
      args: { name: 'Compositor' },
    },
    // Before navigation start: left out.
    x('RunTask', -50, 20),
    // A task with a script run inside it, and a compile inside that.
    x('RunTask', 10, 40),
    x('FunctionCall', 12, 30),
    x('v8.compile', 20, 5),
    // Style and layout; then a task that runs past the mark (clipped).
    x('UpdateLayoutTree', 60, 10),
    x('RunTask', 90, 30),
    // Another thread's work is not the main thread's.
    x('FunctionCall', 10, 80, OTHER),
    { name: FIRST_ROW_MARK, ph: 'R', ts: 1_000_000 + 100 * 1000, ...MAIN },
  ];
  const summary = summariseTrace(events, 100);
  expect(summary).not.toBeNull();
  expect(summary?.windowMs).toBe(100);
  // 40 + 10 + 10 (the last task up to the mark).
  expect(summary?.busyMs).toBe(60);
  const group = (name: string) =>
    summary?.groups.find((g) => g.group === name)?.ms;
  expect(group('run JS')).toBe(25);
  expect(group('parse and compile JS')).toBe(5);
  expect(group('style and layout')).toBe(10);
  // RunTask self time: 40 - 30, plus the clipped 10.
  expect(summary?.events.find((e) => e.name === 'RunTask')?.ms).toBe(20);
  expect(summary?.tasks).toEqual([
    [10, 50],
    [60, 70],
    [90, 100],
  ]);
});

test('without the mark there is nothing to summarise', () => {
  expect(summariseTrace([x('RunTask', 0, 5)], 10)).toBeNull();
});

const row = (
  url: string,
  initiatorType: string,
  startTime: number,
  responseEnd: number,
): ResourceRow => ({
  url: `http://127.0.0.1:4000${url}`,
  initiatorType,
  startTime,
  requestStart: startTime,
  responseStart: responseEnd,
  responseEnd,
  transferSize: 2048,
  encodedBodySize: 1024,
  decodedBodySize: 4096,
});

test('renders the waterfall and the chain with the main thread busy between steps', () => {
  const rows = [
    row('/tasks', 'navigation', 0, 20),
    row('/assets/index-2UQ6OhVP.js', 'script', 25, 80),
    row('/api/config', 'fetch', 120, 125),
    row('/api/token', 'fetch', 130, 140),
    row('/graphql', 'fetch', 150, 200),
  ];
  expect(shortUrl('http://127.0.0.1:4000/assets/index-2UQ6OhVP.js')).toBe(
    '/assets/index-….js',
  );
  const waterfall = renderWaterfall(rows, 260);
  expect(waterfall).toMatch(
    /\n\s+25\s+80\s+55\s+2\.0\s+4\.0\s+script \/assets\/index-….js/,
  );
  expect(waterfall.split('\n').at(-1)).toMatch(/260\s+first task row painted/);
  const chain = renderChain(rows, 260, [
    [80, 110],
    [200, 250],
  ]).split('\n');
  expect(chain[0]).toMatch(/20 ms {2}HTML shell received/);
  expect(chain.find((l) => l.includes('/api/config` asked'))).toMatch(
    /\+40 ms, main thread busy 30$/,
  );
  expect(chain.at(-1)).toMatch(
    /260 ms {2}first task row painted.*\+60 ms, main thread busy 50$/,
  );
});
