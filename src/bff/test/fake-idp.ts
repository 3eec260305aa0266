import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  SignJWT,
  exportJWK,
  exportSPKI,
  generateKeyPair,
  type CryptoKey,
  type JWK,
  type JWTPayload,
} from 'jose';

export interface MintOptions {
  /** Seconds from `now` until `exp`; negative for an expired token. */
  expiresInS?: number;
  notBeforeS?: number;
  alg?: 'RS256' | 'ES256' | 'PS256';
  typ?: string;
  /** Sign with a key the JWKS does not publish. */
  foreignKey?: boolean;
  omit?: ('sub' | 'iat' | 'exp')[];
  now?: number;
}

export interface FakeIdp {
  issuer: string;
  audience: string;
  /** Requests for the JWKS so far. */
  jwksFetches: () => number;
  mint: (claims?: JWTPayload, options?: MintOptions) => Promise<string>;
  /** The RSA public key as PEM, for the HS256 algorithm-confusion test. */
  publicKeyPem: () => Promise<string>;
  close: () => Promise<void>;
}

interface KeyPair {
  privateKey: CryptoKey;
  publicKey: CryptoKey;
  jwk: JWK;
}

async function keyPair(
  alg: 'RS256' | 'ES256' | 'PS256',
  kid: string,
): Promise<KeyPair> {
  const { privateKey, publicKey } = await generateKeyPair(alg, {
    extractable: true,
  });
  const jwk = { ...(await exportJWK(publicKey)), kid, alg, use: 'sig' };
  return { privateKey, publicKey, jwk };
}

/**
 * A tiny OpenID provider stand-in on an ephemeral loopback port: discovery,
 * a JWKS with an RSA and an EC key, and a `mint` helper for user access
 * tokens (valid or broken in every way the tests need).
 */
export async function startFakeIdp(
  audience = 'urn:tasklist-inbox:bff',
): Promise<FakeIdp> {
  const keys = {
    RS256: await keyPair('RS256', 'rsa-1'),
    PS256: await keyPair('PS256', 'ps-1'),
    ES256: await keyPair('ES256', 'ec-1'),
  };
  const foreign = await keyPair('RS256', 'rsa-1');
  let jwksFetches = 0;
  let issuer = '';
  const server: Server = createServer((req, res) => {
    res.setHeader('content-type', 'application/json');
    if (req.url === '/.well-known/openid-configuration') {
      res.end(JSON.stringify({ issuer, jwks_uri: `${issuer}/jwks` }));
    } else if (req.url === '/jwks') {
      jwksFetches += 1;
      res.end(JSON.stringify({ keys: Object.values(keys).map((k) => k.jwk) }));
    } else {
      res.statusCode = 404;
      res.end('{}');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  async function mint(claims: JWTPayload = {}, options: MintOptions = {}) {
    const alg = options.alg ?? 'RS256';
    const pair = options.foreignKey ? foreign : keys[alg];
    const nowS = Math.floor((options.now ?? Date.now()) / 1000);
    const payload: JWTPayload = {
      iss: issuer,
      aud: audience,
      sub: 'alice',
      client_id: 'tasklist-inbox',
      iat: nowS,
      exp: nowS + (options.expiresInS ?? 300),
      ...(options.notBeforeS === undefined
        ? {}
        : { nbf: nowS + options.notBeforeS }),
      ...claims,
    };
    for (const claim of options.omit ?? []) {
      if (claim === 'sub') delete payload.sub;
      if (claim === 'iat') delete payload.iat;
      if (claim === 'exp') delete payload.exp;
    }
    return new SignJWT(payload)
      .setProtectedHeader({
        alg,
        kid: pair.jwk.kid ?? '',
        typ: options.typ ?? 'at+jwt',
      })
      .sign(pair.privateKey);
  }

  return {
    issuer,
    audience,
    jwksFetches: () => jwksFetches,
    mint,
    publicKeyPem: () => exportSPKI(keys.RS256.publicKey),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => {
          resolve();
        });
      }),
  };
}
