import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { isCi, referenceFile } from './reference';

// The promise suites make about ../shared/reference: skip with a reason on a
// clone without it, fail under CI.

const root = mkdtempSync(path.join(tmpdir(), 'reference-'));
writeFileSync(path.join(root, 'present.graphqls'), 'type Query { a: Int }');
const missingRoot = path.join(root, 'no-such-folder');
afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

describe('referenceFile', () => {
  it('finds a present file whether or not CI is set', () => {
    for (const env of [{}, { CI: 'true' }]) {
      expect(
        referenceFile('present.graphqls', 'schema', { root, env }),
      ).toEqual({
        path: path.join(root, 'present.graphqls'),
        available: true,
      });
    }
  });

  it('without CI, a missing folder skips with the reason', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      const ref = referenceFile('tasklist.graphqls', 'the official schema', {
        root: missingRoot,
        env: {},
      });
      expect(ref.available).toBe(false);
      expect(warn).toHaveBeenCalledOnce();
      expect(String(warn.mock.calls[0]?.[0])).toMatch(
        /^Skipping the official schema: .*no-such-folder.*tasklist\.graphqls is missing/,
      );
    } finally {
      warn.mockRestore();
    }
  });

  it('with CI set, a missing folder fails instead of skipping', () => {
    expect(() =>
      referenceFile('tasklist.graphqls', 'the official schema', {
        root: missingRoot,
        env: { CI: 'true' },
      }),
    ).toThrow(
      /^CI needs the reference files\. the official schema: .*is missing/,
    );
  });

  it('reads CI the way CI services set it', () => {
    expect(isCi({ CI: 'true' })).toBe(true);
    expect(isCi({ CI: '1' })).toBe(true);
    expect(isCi({ CI: 'TRUE' })).toBe(true);
    expect(isCi({})).toBe(false);
    expect(isCi({ CI: '' })).toBe(false);
    expect(isCi({ CI: 'false' })).toBe(false);
    expect(isCi({ CI: '0' })).toBe(false);
  });
});
