import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  type CryptoKey,
  exportJWK,
  generateKeyPair,
  type JWK,
  type JWTPayload,
  SignJWT,
} from 'jose';

export interface SignOptions {
  claims?: JWTPayload;
  issuer?: string;
  audience?: string | string[];
  /** Seconds from now; negative for an expired token. */
  expiresIn?: number;
  typ?: string | null;
  kid?: string;
  /** Sign with a key that is not in the JWKS (a forgery). */
  foreignKey?: boolean;
}

/**
 * A stand-in identity provider for tests: an RSA key pair from jose, a JWKS
 * and discovery document served on an ephemeral local port, and a signer for
 * tokens with any claims. Never the real `src/identity`.
 */
export interface TokenFixture {
  issuer: string;
  jwksUrl: string;
  audience: string;
  sign(options?: SignOptions): Promise<string>;
  /** A client-credentials token like the embedded identity provider's. */
  apiToken(scope?: string, extra?: JWTPayload): Promise<string>;
  /** A person's access token (preferred_username, groups). */
  userToken(
    userId: string,
    scope?: string,
    extra?: JWTPayload,
  ): Promise<string>;
  /** Adds a new signing key to the JWKS and signs with it from now on. */
  rotate(): Promise<void>;
  /** How many times the JWKS was fetched. */
  jwksFetches(): number;
  close(): Promise<void>;
}

const FULL_SCOPE = 'tasklist:read tasklist:write';

async function newKey(kid: string) {
  const { privateKey, publicKey } = await generateKeyPair('RS256');
  const jwk: JWK = {
    ...(await exportJWK(publicKey)),
    kid,
    alg: 'RS256',
    use: 'sig',
  };
  return { kid, privateKey, jwk };
}

/** Starts the fixture; call `close()` in `afterAll`. */
export async function startTokenFixture(
  audience = 'tasklist-api',
): Promise<TokenFixture> {
  const keys = [await newKey('key-1')];
  // Generated on first use: RSA key generation is the slowest part of a test.
  let foreign: ReturnType<typeof newKey> | undefined;
  let fetches = 0;
  let issuer = '';
  const server: Server = createServer((req, res) => {
    res.setHeader('content-type', 'application/json');
    if (req.url === '/.well-known/openid-configuration') {
      res.end(JSON.stringify({ issuer, jwks_uri: `${issuer}/jwks` }));
    } else if (req.url === '/jwks') {
      fetches++;
      res.end(JSON.stringify({ keys: keys.map((key) => key.jwk) }));
    } else {
      res.statusCode = 404;
      res.end('{}');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const sign = async (options: SignOptions = {}): Promise<string> => {
    const current = keys.at(-1);
    if (!current) throw new Error('the fixture always has a key');
    const key: { privateKey: CryptoKey } = options.foreignKey
      ? await (foreign ??= newKey('key-1'))
      : current;
    const header: { alg: string; kid: string; typ?: string } = {
      alg: 'RS256',
      kid: options.kid ?? current.kid,
    };
    if (options.typ !== null) header.typ = options.typ ?? 'at+jwt';
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT(options.claims ?? {})
      .setProtectedHeader(header)
      .setIssuer(options.issuer ?? issuer)
      .setAudience(options.audience ?? audience)
      .setIssuedAt(now)
      .setExpirationTime(now + (options.expiresIn ?? 300))
      .sign(key.privateKey);
  };

  return {
    get issuer() {
      return issuer;
    },
    get jwksUrl() {
      return `${issuer}/jwks`;
    },
    audience,
    sign,
    apiToken: (scope = FULL_SCOPE, extra = {}) =>
      sign({
        claims: {
          sub: 'tasklist-inbox-bff',
          client_id: 'tasklist-inbox-bff',
          scope,
          ...extra,
        },
      }),
    userToken: (userId, scope = FULL_SCOPE, extra = {}) =>
      sign({
        claims: {
          sub: `user-${userId}`,
          azp: 'tasklist-inbox',
          preferred_username: userId,
          name: `${userId[0]?.toUpperCase() ?? ''}${userId.slice(1)} Example`,
          groups: userId === 'demo' ? ['accounting', 'management'] : [],
          scope,
          ...extra,
        },
      }),
    rotate: async () => {
      keys.push(await newKey(`key-${keys.length + 1}`));
    },
    jwksFetches: () => fetches,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => {
          if (error) reject(error);
          else resolve();
        });
      }),
  };
}

/** An unsigned token (`alg: none`), which must never be accepted. */
export function unsignedToken(claims: JWTPayload): string {
  const encode = (value: unknown) =>
    Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${encode({ alg: 'none', typ: 'JWT' })}.${encode(claims)}.`;
}
