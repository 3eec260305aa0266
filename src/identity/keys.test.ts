import {
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
  chmodSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadOrCreateKeys, readKeyFile, rotateKeys } from './keys';

const dir = mkdtempSync(path.join(tmpdir(), 'identity-keys-'));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('signing and cookie keys', () => {
  it('are generated once, owner-only, and reused on the next start', async () => {
    const file = path.join(dir, 'nested', 'keys.json');
    const first = await loadOrCreateKeys(file);
    expect(first.created).toBe(true);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const [key] = first.keys.signing;
    expect(key).toMatchObject({ kty: 'RSA', alg: 'RS256', use: 'sig' });
    expect(key?.kid).toMatch(/^[\w-]{43}$/);
    expect(first.keys.cookies[0]?.length).toBeGreaterThanOrEqual(43);

    const second = await loadOrCreateKeys(file);
    expect(second.created).toBe(false);
    expect(second.keys).toEqual(first.keys);
  });

  it('tighten a key file others can read, and say so', async () => {
    const file = path.join(dir, 'loose.json');
    await loadOrCreateKeys(file);
    chmodSync(file, 0o644);
    const warnings: string[] = [];
    await loadOrCreateKeys(file, (w) => warnings.push(w));
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(warnings.join()).toMatch(/readable by others/);
  });

  it('refuse a damaged file instead of silently replacing it', async () => {
    const file = path.join(dir, 'damaged.json');
    writeFileSync(file, '{"version":1,"signing":[]}', { mode: 0o600 });
    await expect(loadOrCreateKeys(file)).rejects.toThrow(
      /not a valid identity key file/,
    );
    expect(readFileSync(file, 'utf8')).toBe('{"version":1,"signing":[]}');
  });

  it('rotate: the new key goes first, old ones stay, at most `keep`', async () => {
    const file = path.join(dir, 'rotate.json');
    const { keys } = await loadOrCreateKeys(file);
    const original = keys.signing[0]?.kid;

    const one = await rotateKeys(file, 3);
    expect(one.kept).toEqual([one.kid, original]);
    const two = await rotateKeys(file, 3);
    expect(two.kept).toEqual([two.kid, one.kid, original]);
    const three = await rotateKeys(file, 3);
    expect(three.kept).toEqual([three.kid, two.kid, one.kid]);
    expect(three.dropped).toEqual([original]);

    const stored = readKeyFile(file);
    expect(stored.signing.map((k) => k.kid)).toEqual(three.kept);
    expect(stored.cookies).toHaveLength(3);
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });
});
