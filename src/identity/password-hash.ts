/**
 * scrypt password hashes in the PHC string format,
 * `$scrypt$ln=15,r=8,p=1$<salt>$<hash>` (salt and hash base64url).
 *
 * The cost parameters travel with each hash, so they can be raised later
 * without invalidating stored hashes.
 */
import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

/**
 * N = 2^15 takes about 90 ms on the project's 2-core machines: slow enough to
 * make guessing expensive, fast enough for a demo provider under e2e load.
 * (OWASP's current scrypt floor is ln=17; raise it here for real accounts.)
 */
const DEFAULT_COST = { ln: 15, r: 8, p: 1 };
const KEY_LENGTH = 32;
const SALT_LENGTH = 16;
const PHC = /^\$scrypt\$ln=(\d+),r=(\d+),p=(\d+)\$([\w-]+)\$([\w-]+)$/;

interface ScryptCost {
  ln: number;
  r: number;
  p: number;
}

function derive(
  password: string,
  salt: Buffer,
  cost: ScryptCost,
  length: number,
): Promise<Buffer> {
  const N = 2 ** cost.ln;
  // scrypt needs 128 * N * r bytes; leave headroom over Node's 32 MiB default.
  const maxmem = 256 * N * cost.r;
  return new Promise((resolve, reject) => {
    scrypt(
      password.normalize('NFC'),
      salt,
      length,
      { N, r: cost.r, p: cost.p, maxmem },
      (error, key) => {
        if (error) reject(error);
        else resolve(key);
      },
    );
  });
}

/** Hashes a password with a fresh random salt. */
export async function hashPassword(
  password: string,
  cost: ScryptCost = DEFAULT_COST,
): Promise<string> {
  const salt = randomBytes(SALT_LENGTH);
  const key = await derive(password, salt, cost, KEY_LENGTH);
  return `$scrypt$ln=${cost.ln},r=${cost.r},p=${cost.p}$${salt.toString('base64url')}$${key.toString('base64url')}`;
}

/** True when `hash` is a well-formed hash this module can verify. */
export function isPasswordHash(hash: string): boolean {
  const match = PHC.exec(hash);
  if (!match) return false;
  const [ln, r, p] = [match[1], match[2], match[3]].map(Number);
  return (
    ln !== undefined &&
    r !== undefined &&
    p !== undefined &&
    ln >= 10 &&
    ln <= 20 &&
    r >= 1 &&
    r <= 32 &&
    p >= 1 &&
    p <= 16
  );
}

/**
 * Checks a password against a stored hash in constant time.
 * @throws Error when the stored hash is malformed (a configuration fault).
 */
export async function verifyPassword(
  password: string,
  hash: string,
): Promise<boolean> {
  const match = PHC.exec(hash);
  if (!match || !isPasswordHash(hash)) {
    throw new Error('malformed password hash');
  }
  const [, ln, r, p, salt, expected] = match;
  const expectedKey = Buffer.from(expected ?? '', 'base64url');
  const key = await derive(
    password,
    Buffer.from(salt ?? '', 'base64url'),
    { ln: Number(ln), r: Number(r), p: Number(p) },
    expectedKey.length,
  );
  return timingSafeEqual(key, expectedKey);
}
