import { describe, expect, it } from 'vitest';
import {
  measurement,
  median,
  perRunMeasurement,
  ratio,
  summarize,
} from './stats';

describe('median', () => {
  it('takes the middle value of an odd count, unsorted input', () => {
    expect(median([5, 1, 3])).toBe(3);
  });

  it('averages the two middle values of an even count', () => {
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it('is NaN for no values', () => {
    expect(median([])).toBeNaN();
  });
});

describe('summarize', () => {
  it('gives nearest-rank percentiles, min and max', () => {
    const samples = Array.from({ length: 100 }, (_, i) => 100 - i);
    expect(summarize(samples)).toEqual({
      n: 100,
      p50: 50,
      p95: 95,
      p99: 99,
      min: 1,
      max: 100,
    });
  });

  it('puts a lone outlier in p99 of 100 samples but not in p95', () => {
    const samples = [...Array.from({ length: 99 }, () => 1), 1000];
    const summary = summarize(samples);
    expect(summary.p95).toBe(1);
    expect(summary.p99).toBe(1);
    expect(summary.max).toBe(1000);
    const fewer = summarize([...Array.from({ length: 49 }, () => 1), 1000]);
    expect(fewer.p99).toBe(1000);
  });

  it('handles one sample', () => {
    expect(summarize([2.5])).toEqual({
      n: 1,
      p50: 2.5,
      p95: 2.5,
      p99: 2.5,
      min: 2.5,
      max: 2.5,
    });
  });

  it('rounds to the digits asked for', () => {
    expect(summarize([1.23456], 2).p50).toBe(1.23);
  });
});

describe('measurement', () => {
  it('reports the median of the runs’ percentiles, so one bad run moves it little', () => {
    const quiet = [1, 1, 1, 1];
    const disturbed = [50, 50, 50, 50];
    const result = measurement('latency', 'ms', [
      quiet,
      quiet,
      disturbed,
      quiet,
      quiet,
    ]);
    expect(result.summary.p50).toBe(1);
    expect(result.summary.max).toBe(50);
    expect(result.summary.min).toBe(1);
    expect(result.summary.n).toBe(20);
    expect(result.perRun).toHaveLength(5);
    expect(result.perRun[2]?.p50).toBe(50);
  });

  it('keeps every sample, run by run', () => {
    const result = measurement('x', 'ms', [
      [1, 2],
      [3, 4],
    ]);
    expect(result.runs).toEqual([
      [1, 2],
      [3, 4],
    ]);
    expect(result.label).toBe('x');
    expect(result.unit).toBe('ms');
  });
});

describe('perRunMeasurement', () => {
  it('summarises one value per run with p50 as their median', () => {
    const result = perRunMeasurement('throughput', 'req/s', [10, 30, 20, 40]);
    expect(result.summary.p50).toBe(25);
    expect(result.summary.min).toBe(10);
    expect(result.summary.max).toBe(40);
    expect(result.runs).toEqual([[10], [30], [20], [40]]);
  });
});

describe('ratio', () => {
  it('divides and rounds', () => {
    expect(ratio(2, 3)).toBe(0.67);
    expect(ratio(2, 3, 3)).toBe(0.667);
  });

  it('is null when the floor is zero or a value is missing', () => {
    expect(ratio(1, 0)).toBeNull();
    expect(ratio(Number.NaN, 1)).toBeNull();
    expect(ratio(1, Number.POSITIVE_INFINITY)).toBeNull();
  });
});
