import { describe, expect, it } from 'vitest';
import { isCi, listReferenceForms } from './list-reference-forms';

// The promise the real-world forms suite makes: skip with a reason on a
// clone without ../shared/reference, fail under CI.

/** Relative to the repository root, where vitest runs. */
const MISSING = '../shared/reference/no-such-folder';

describe('listReferenceForms', () => {
  it('without CI, a missing folder gives no forms, so the suite skips', () => {
    expect(listReferenceForms(MISSING, {})).toEqual([]);
    expect(listReferenceForms(MISSING, { CI: 'false' })).toEqual([]);
  });

  it('with CI set, a missing folder fails instead of skipping', () => {
    expect(() => listReferenceForms(MISSING, { CI: 'true' })).toThrow(
      /^CI needs the reference forms: no \*\.form\.json in .*no-such-folder/,
    );
  });

  it('with CI set, a folder without forms fails too', () => {
    // The app's own source folder exists and holds no *.form.json.
    expect(() => listReferenceForms('src/app/test', { CI: '1' })).toThrow(
      /CI needs the reference forms/,
    );
  });

  it('reads CI the way CI services set it', () => {
    expect([{ CI: 'true' }, { CI: '1' }, { CI: 'TRUE' }].map(isCi)).toEqual([
      true,
      true,
      true,
    ]);
    expect([{}, { CI: '' }, { CI: 'false' }, { CI: '0' }].map(isCi)).toEqual([
      false,
      false,
      false,
      false,
    ]);
  });
});
