import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SignJWT, exportJWK, generateKeyPair } from 'jose';

/** Listens on a loopback port the kernel picks and resolves with its base URL. */
export function listen(server: Server): Promise<string> {
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      resolve(
        `http://127.0.0.1:${String((server.address() as AddressInfo).port)}`,
      );
    });
  });
}

/**
 * A minimal identity provider for the benchmarks: discovery and a JWKS for
 * one RSA key, and `sign` for the access tokens (at+jwt) made with it. The
 * embedded provider would add its own work to every figure.
 */
export async function startBenchIdentity() {
  const { privateKey, publicKey } = await generateKeyPair('RS256');
  const jwk = { ...(await exportJWK(publicKey)), kid: 'bench', alg: 'RS256' };
  let issuer = '';
  const server = createServer((req, res) => {
    res.setHeader('content-type', 'application/json');
    res.end(
      req.url === '/jwks'
        ? JSON.stringify({ keys: [jwk] })
        : JSON.stringify({ issuer, jwks_uri: `${issuer}/jwks` }),
    );
  });
  issuer = await listen(server);
  const sign = (
    claims: Record<string, unknown>,
    token: { audience: string; subject: string; expiresIn: string },
  ) =>
    new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', kid: 'bench', typ: 'at+jwt' })
      .setIssuer(issuer)
      .setAudience(token.audience)
      .setSubject(token.subject)
      .setIssuedAt()
      .setExpirationTime(token.expiresIn)
      .sign(privateKey);
  return { server, issuer, sign };
}
