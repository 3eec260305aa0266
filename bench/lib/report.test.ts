import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { discoverBenchmarks } from '../run';
import { FIGURES, formatNumber, readResults, renderReport } from './report';
import { formatJson, type BenchResult } from './results';

function result(overrides: Partial<BenchResult> = {}): BenchResult {
  return {
    benchmark: 'bff',
    generatedAt: '2026-12-06T07:31:00.000Z',
    durationS: 42.4,
    quick: false,
    machine: {
      node: 'v20.20.2',
      platform: 'Linux 6.1',
      cpus: 2,
      cpuModel: 'Test CPU',
      memoryGb: 8,
      loadAverage: [0.5, 0.7, 0.9],
    },
    settings: { runs: 5 },
    measurements: {},
    figures: [],
    checks: {},
    problems: [],
    notes: [],
    ...overrides,
  };
}

const tableRows = (markdown: string) =>
  markdown.split('\n').filter((line) => /^\| \d+ \|/.test(line));

describe('renderReport', () => {
  it('has one row per figure of the issue, in order, gaps marked "not measured"', () => {
    const rows = tableRows(renderReport([result()]));
    expect(rows).toHaveLength(FIGURES.length);
    expect(rows.map((row) => row.split('|')[1]?.trim())).toEqual(
      FIGURES.map((spec) => String(spec.figure)),
    );
    expect(rows.every((row) => row.includes('not measured'))).toBe(true);
  });

  it('puts a figure beside its floor with the ratio, goal and whether it is met', () => {
    const markdown = renderReport([
      result({
        figures: [
          {
            figure: 1,
            name: 'cached token, throughput',
            value: 21_345.4,
            unit: 'req/s',
            floorName: 'healthz',
            floor: 24_000,
            ratioOf: 'value / floor',
            ratio: 0.89,
            goal: '≥ 0.8',
            met: true,
          },
          {
            figure: 1,
            name: 'upstream requests',
            value: 2,
            unit: '',
            goal: 'exactly 1',
            met: false,
          },
        ],
      }),
    ]);
    const rows = tableRows(markdown);
    expect(rows[0]).toBe(
      '| 1 | cached token, throughput | 21,345 req/s | healthz: 24,000 req/s | 0.89 (value / floor) | ≥ 0.8 | yes |',
    );
    expect(rows[1]).toBe(
      '| 1 | upstream requests | 2 | — | — | exactly 1 | **no** |',
    );
    // Figure 2 onwards are still listed.
    expect(rows).toHaveLength(FIGURES.length + 1);
  });

  it('names the machine, the Node version, the date and the load', () => {
    const markdown = renderReport([result()], { durationS: 312 });
    expect(markdown).toContain('2026-12-06 07:31 UTC');
    expect(markdown).toContain('2 CPUs (Test CPU)');
    expect(markdown).toContain('Node v20.20.2');
    expect(markdown).toContain('bff 0.5/0.7/0.9');
    expect(markdown).toContain('The whole run took 312 s.');
  });

  it('says a smoke run’s figures mean nothing', () => {
    const markdown = renderReport([result({ quick: true })], {
      durationS: 20,
      quick: true,
    });
    expect(markdown).toContain('`--quick` smoke run');
  });

  it('lists problems and failed benchmarks, first line only', () => {
    const markdown = renderReport(
      [result({ problems: ['failed: Error: boom\n    at stack line'] })],
      { failures: [{ benchmark: 'browser', reason: 'wrote no browser.json' }] },
    );
    expect(markdown).toContain('## Problems');
    expect(markdown).toContain('- bff: failed: Error: boom\n');
    expect(markdown).not.toContain('at stack line');
    expect(markdown).toContain('- browser: wrote no browser.json');
  });

  it('keeps multi-line notes (profiles) as preformatted text', () => {
    const markdown = renderReport([
      result({ notes: ['one line', 'total 5 ms\n 1. 3 ms  foo'] }),
    ]);
    expect(markdown).toContain('### bff\n\none line\n');
    expect(markdown).toContain('```\ntotal 5 ms\n 1. 3 ms  foo\n```');
  });

  it('escapes pipes so a name never breaks the table', () => {
    const markdown = renderReport([
      result({
        figures: [{ figure: 8, name: 'a | b', value: 1, unit: 'kB' }],
      }),
    ]);
    expect(markdown).toContain('| 8 | a \\| b | 1 kB |');
  });
});

describe('formatNumber', () => {
  it('groups thousands and keeps about three significant digits', () => {
    expect(formatNumber(45_178.2)).toBe('45,178');
    expect(formatNumber(123.456)).toBe('123');
    expect(formatNumber(12.345)).toBe('12.3');
    expect(formatNumber(1.2345)).toBe('1.23');
    expect(formatNumber(0.25)).toBe('0.25');
    expect(formatNumber(0.012345)).toBe('0.012');
    expect(formatNumber(7)).toBe('7');
  });

  it('shows a dash for what is not a number', () => {
    expect(formatNumber(Number.NaN)).toBe('—');
  });
});

describe('readResults', () => {
  let dir = '';
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('reads result files and skips old-format and broken ones', () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'bench-report-'));
    writeFileSync(path.join(dir, 'bff.json'), formatJson(result()));
    writeFileSync(
      path.join(dir, 'old.json'),
      JSON.stringify({ benchmark: 'old', ratio: 0.15 }),
    );
    writeFileSync(path.join(dir, 'broken.json'), '{ not json');
    writeFileSync(path.join(dir, 'REPORT.md'), '# old report');
    expect(readResults(dir).map((r) => r.benchmark)).toEqual(['bff']);
  });

  it('is empty for a folder that does not exist', () => {
    expect(readResults(path.join(os.tmpdir(), 'no-such-bench-dir'))).toEqual(
      [],
    );
  });
});

describe('formatJson', () => {
  it('keeps arrays of numbers on one line and stays valid JSON', () => {
    const text = formatJson({ runs: [[1, 2.5, -3]], name: 'x' });
    expect(text).toContain('[1,2.5,-3]');
    expect(JSON.parse(text)).toEqual({ runs: [[1, 2.5, -3]], name: 'x' });
  });
});

describe('discoverBenchmarks', () => {
  let dir = '';
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('finds every bench/<name>.ts, known ones in run order, new ones after', () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'bench-discover-'));
    for (const file of [
      'browser.ts',
      'zeta.ts',
      'bff.ts',
      'proxy.ts',
      'run.ts',
      'stats.test.ts',
      '_scratch.ts',
      'alpha.ts',
      'notes.md',
    ]) {
      writeFileSync(path.join(dir, file), '');
    }
    expect(discoverBenchmarks(dir)).toEqual([
      'bff',
      'proxy',
      'browser',
      'alpha',
      'zeta',
    ]);
  });
});
