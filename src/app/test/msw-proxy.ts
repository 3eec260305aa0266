import { graphql as execute } from 'graphql';
import { http, HttpResponse, type JsonBodyType } from 'msw';
import { rootValue, TOKEN_URL, type Traffic } from './msw-server';
import { tasklistSchema } from './tasklist-schema';
import type { World } from './world';

/** The BFF's own `/graphql`, where the SPA sends documents in proxy mode. */
export const BFF_GRAPHQL_URL = 'http://localhost:3000/graphql';

interface Manifest {
  operations: { name: string; sha256: string; text: string }[];
}

const manifests = import.meta.glob<Manifest>(
  '../graphql/__generated__/operations.json',
  { import: 'default', eager: true },
);

/** The trusted documents by hash, from the codegen's manifest. */
export function trustedDocuments(): Map<string, string> {
  const manifest = Object.values(manifests)[0];
  if (!manifest) throw new Error('operations.json is missing; run codegen');
  return new Map(manifest.operations.map((op) => [op.sha256, op.text]));
}

/** What the fake proxy received, for assertions. */
export interface ProxyTraffic extends Traffic {
  bodies: Record<string, unknown>[];
}

/**
 * A fake BFF in proxy mode: the token endpoint issues BFF tokens, and
 * `/graphql` accepts only a trusted document's hash (no text), runs the
 * manifest's text against the real SDL over `world`, and refuses anything
 * else with the BFF's 403 codes.
 */
export function proxyHandlers(world: World, traffic: ProxyTraffic) {
  const documents = trustedDocuments();
  return [
    http.post(TOKEN_URL, () => {
      traffic.tokenCalls += 1;
      const token = `bff-token-${String(traffic.tokenCalls)}`;
      traffic.validTokens.add(token);
      return HttpResponse.json({
        access_token: token,
        token_type: 'Bearer',
        expires_in: 300,
      });
    }),
    http.post(BFF_GRAPHQL_URL, async ({ request }) => {
      traffic.graphqlCalls += 1;
      if (request.headers.get('x-requested-with') !== 'tasklist-inbox') {
        return HttpResponse.json(
          { code: 'csrf_header_missing' },
          { status: 403 },
        );
      }
      const token =
        request.headers.get('authorization')?.replace(/^Bearer /, '') ?? '';
      if (!traffic.validTokens.has(token)) {
        return HttpResponse.json({ code: 'invalid_token' }, { status: 401 });
      }
      const body = (await request.json()) as {
        query?: string;
        operationName?: string;
        variables?: Record<string, unknown>;
        extensions?: { persistedQuery?: { sha256Hash?: string } };
      };
      traffic.bodies.push(body);
      if (body.query !== undefined) {
        return HttpResponse.json(
          { code: 'untrusted_document' },
          { status: 403 },
        );
      }
      const text = documents.get(
        body.extensions?.persistedQuery?.sha256Hash ?? '',
      );
      if (text === undefined) {
        return HttpResponse.json({ code: 'unknown_document' }, { status: 403 });
      }
      world.operations.push(body.operationName ?? '');
      const result = await execute({
        schema: tasklistSchema(),
        source: text,
        variableValues: body.variables ?? {},
        rootValue: rootValue(world),
      });
      return HttpResponse.json(
        JSON.parse(JSON.stringify(result)) as JsonBodyType,
      );
    }),
  ];
}
