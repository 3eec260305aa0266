import {
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  type KeyObject,
} from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { calculateJwkThumbprint, exportJWK } from 'jose';

/** The one algorithm BFF tokens are signed and verified with. */
export const BFF_TOKEN_ALGORITHM = 'EdDSA';

export interface SigningKey {
  privateKey: KeyObject;
  publicKey: KeyObject;
  /** RFC 7638 thumbprint of the public key, so a token names the key that signed it. */
  kid: string;
  /** Where the key came from, for the boot log (never the key itself). */
  source: 'file' | 'generated';
}

/** A refused key file: the message names the problem, never the key material. */
export class SigningKeyError extends Error {
  override name = 'SigningKeyError';
}

/**
 * The BFF's own signing key: an Ed25519 private key from `file` (PEM,
 * PKCS#8, e.g. `openssl genpkey -algorithm ed25519`) so several instances
 * accept each other's tokens, or a fresh one made now for a single instance.
 * It is never the OAuth client secret and never leaves the process.
 */
export async function loadSigningKey(
  file: string | undefined,
): Promise<SigningKey> {
  let privateKey: KeyObject;
  if (file === undefined) {
    privateKey = generateKeyPairSync('ed25519').privateKey;
  } else {
    let pem: string;
    try {
      pem = await readFile(file, 'utf8');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? 'unreadable';
      throw new SigningKeyError(
        `BFF_SIGNING_KEY_FILE: cannot read ${file} (${code})`,
      );
    }
    try {
      privateKey = createPrivateKey(pem);
    } catch {
      throw new SigningKeyError(
        `BFF_SIGNING_KEY_FILE: ${file} is not a PEM private key`,
      );
    }
    if (privateKey.asymmetricKeyType !== 'ed25519') {
      throw new SigningKeyError(
        `BFF_SIGNING_KEY_FILE: ${file} holds a ${privateKey.asymmetricKeyType ?? 'symmetric'} key; an Ed25519 key is required (openssl genpkey -algorithm ed25519)`,
      );
    }
  }
  const publicKey = createPublicKey(privateKey);
  const kid = await calculateJwkThumbprint(await exportJWK(publicKey));
  return {
    privateKey,
    publicKey,
    kid,
    source: file === undefined ? 'generated' : 'file',
  };
}
