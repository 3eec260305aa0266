import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readKeyFile, rotateKeys } from './keys';
import { exchangeCode, signIn } from './test/oidc-flow';
import { startIdentity } from './test/start-identity';
import {
  clientCredentials,
  kidOf,
  readTokens,
  verifyAccessToken,
} from './test/tokens';

const dataDir = mkdtempSync(path.join(tmpdir(), 'identity-restart-'));
afterAll(() => {
  rmSync(dataDir, { recursive: true, force: true });
});

describe('persisted keys', () => {
  it('tokens issued before a restart and a key rotation still verify after them', async () => {
    const before = await startIdentity({ dataDir });
    const machine = await readTokens(await clientCredentials(before));
    const user = await readTokens(
      await exchangeCode(
        before,
        await signIn(before, { username: 'bob', password: 'bob' }),
      ),
    );
    const firstKid = kidOf(machine.access_token);
    await before.close();

    // Same data directory and port: the same issuer comes back.
    const after = await startIdentity({ dataDir, port: before.port });
    try {
      await expect(
        verifyAccessToken(after, machine.access_token, 'tasklist-api'),
      ).resolves.toMatchObject({ sub: 'tasklist-inbox-bff' });
      await expect(
        verifyAccessToken(after, user.access_token, 'urn:tasklist-inbox:bff'),
      ).resolves.toMatchObject({ sub: 'bob', groups: ['sales'] });
      const again = await readTokens(await clientCredentials(after));
      expect(kidOf(again.access_token)).toBe(firstKid);
    } finally {
      await after.close();
    }

    const rotation = await rotateKeys(after.config.keysFile, 3);
    const rotated = await startIdentity({ dataDir, port: before.port });
    try {
      const { keys } = (await (await fetch(rotated.url('/jwks'))).json()) as {
        keys: { kid: string }[];
      };
      expect(keys.map((k) => k.kid)).toEqual([rotation.kid, firstKid]);
      // New tokens use the new key; old ones still verify with the old key.
      const fresh = await readTokens(await clientCredentials(rotated));
      expect(kidOf(fresh.access_token)).toBe(rotation.kid);
      await expect(
        verifyAccessToken(rotated, machine.access_token, 'tasklist-api'),
      ).resolves.toMatchObject({ aud: 'tasklist-api' });
      expect(readKeyFile(rotated.config.keysFile).signing).toHaveLength(2);
    } finally {
      await rotated.close();
    }
  });
});
