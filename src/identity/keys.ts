/**
 * Signing and cookie keys, generated on first start and kept in one JSON file
 * (`IDENTITY_KEYS_FILE`, mode 0600) so tokens and sessions outlive restarts.
 *
 * The first key of each list is the one in use; the others stay so tokens and
 * cookies made with them keep verifying after a rotation.
 */
import { generateKeyPair, randomBytes } from 'node:crypto';
import {
  chmodSync,
  mkdirSync,
  readFileSync,
  renameSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { calculateJwkThumbprint, type JWK } from 'jose';
import { z } from 'zod';

const generateRsa = promisify(generateKeyPair);

const privateRsaJwk = z.looseObject({
  kty: z.literal('RSA'),
  kid: z.string().min(1),
  alg: z.literal('RS256'),
  use: z.literal('sig'),
  n: z.string().min(1),
  e: z.string().min(1),
  d: z.string().min(1),
  p: z.string().min(1),
  q: z.string().min(1),
  dp: z.string().min(1),
  dq: z.string().min(1),
  qi: z.string().min(1),
});

const keyFileSchema = z.object({
  version: z.literal(1),
  signing: z.array(privateRsaJwk).min(1),
  cookies: z.array(z.string().min(32)).min(1),
});

export type KeyFile = z.infer<typeof keyFileSchema>;
export type SigningJwk = KeyFile['signing'][number];

/** Generates a fresh RS256 signing key whose `kid` is its RFC 7638 thumbprint. */
export async function newSigningKey(): Promise<SigningJwk> {
  const { privateKey } = await generateRsa('rsa', { modulusLength: 2048 });
  const jwk = privateKey.export({ format: 'jwk' }) as JWK;
  const kid = await calculateJwkThumbprint(jwk);
  return privateRsaJwk.parse({ ...jwk, kid, alg: 'RS256', use: 'sig' });
}

function newCookieKey(): string {
  return randomBytes(32).toString('base64url');
}

/** Reads and validates a key file; a broken file is an error, never replaced. */
export function readKeyFile(file: string): KeyFile {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`cannot read identity keys from ${file}: ${reason}`, {
      cause: error,
    });
  }
  const parsed = keyFileSchema.safeParse(raw);
  if (!parsed.success) {
    throw new Error(
      `${file} is not a valid identity key file (${parsed.error.issues[0]?.message ?? 'unknown problem'}); ` +
        'move it away to have new keys generated (tokens signed with the old keys then stop verifying)',
    );
  }
  return parsed.data;
}

/** Writes the file atomically with owner-only permissions. */
export function writeKeyFile(file: string, keys: KeyFile): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const temp = `${file}.${String(process.pid)}.tmp`;
  writeFileSync(temp, `${JSON.stringify(keys, null, 2)}\n`, { mode: 0o600 });
  renameSync(temp, file);
}

/** Tightens a key file that someone made group- or world-readable. */
function ensurePrivate(file: string, warn: (message: string) => void): void {
  const mode = statSync(file).mode & 0o777;
  if ((mode & 0o077) !== 0) {
    chmodSync(file, 0o600);
    warn(
      `${file} was readable by others (mode ${mode.toString(8)}); set it to 600`,
    );
  }
}

/**
 * Loads the key file, creating it with new keys on first start.
 * `created` says whether new keys were made.
 */
export async function loadOrCreateKeys(
  file: string,
  warn: (message: string) => void = () => undefined,
): Promise<{ keys: KeyFile; created: boolean }> {
  try {
    statSync(file);
  } catch {
    const keys: KeyFile = {
      version: 1,
      signing: [await newSigningKey()],
      cookies: [newCookieKey()],
    };
    mkdirSync(path.dirname(file), { recursive: true });
    try {
      // `wx` fails if another process created the file meanwhile; use theirs.
      writeFileSync(file, `${JSON.stringify(keys, null, 2)}\n`, {
        mode: 0o600,
        flag: 'wx',
      });
      return { keys, created: true };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  ensurePrivate(file, warn);
  return { keys: readKeyFile(file), created: false };
}

export interface RotationResult {
  /** kid of the new signing key, now first (the one used to sign). */
  kid: string;
  /** kids still published for verification, newest first. */
  kept: string[];
  /** kids removed because more than `keep` keys would remain. */
  dropped: string[];
}

/**
 * Puts a new signing key and a new cookie key in front and keeps at most
 * `keep` of each, so recent tokens and cookies still verify.
 */
export async function rotateKeys(
  file: string,
  keep: number,
): Promise<RotationResult> {
  const current = readKeyFile(file);
  const key = await newSigningKey();
  const signing = [key, ...current.signing];
  const next: KeyFile = {
    version: 1,
    signing: signing.slice(0, keep),
    cookies: [newCookieKey(), ...current.cookies].slice(0, keep),
  };
  writeKeyFile(file, next);
  return {
    kid: key.kid,
    kept: next.signing.map((k) => k.kid),
    dropped: signing.slice(keep).map((k) => k.kid),
  };
}
