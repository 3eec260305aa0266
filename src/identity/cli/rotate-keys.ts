/**
 * `npm run identity:rotate-keys`: puts a new RS256 signing key (and a new
 * cookie key) in front of the key file and keeps the previous ones, up to
 * IDENTITY_KEYS_KEEP, so tokens signed before the rotation still verify.
 *
 * The running provider reads the file at start-up: restart it to sign with
 * the new key.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { keySettings } from '../config';
import { loadOrCreateKeys, rotateKeys } from '../keys';

const ROOT = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../..',
);

async function main(): Promise<number> {
  // Same rule as the launcher: .env applies, but never over the shell.
  const dotenv = path.join(ROOT, '.env');
  if (existsSync(dotenv)) process.loadEnvFile(dotenv);
  const { keysFile, keepKeys } = keySettings(process.env);

  if (!existsSync(keysFile)) {
    const { keys } = await loadOrCreateKeys(keysFile);
    console.log(
      `No key file yet: created ${keysFile} with signing key ${keys.signing[0]?.kid ?? '?'}.`,
    );
    return 0;
  }
  const result = await rotateKeys(keysFile, keepKeys);
  console.log(`New signing key ${result.kid} written to ${keysFile}.`);
  console.log(
    `Published for verification: ${result.kept.join(', ')} (newest first, at most ${String(keepKeys)}).`,
  );
  if (result.dropped.length > 0) {
    console.log(
      `Dropped: ${result.dropped.join(', ')}; tokens signed with them no longer verify.`,
    );
  }
  console.log(
    'Restart the identity provider to start signing with the new key.',
  );
  return 0;
}

try {
  process.exitCode = await main();
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
}
