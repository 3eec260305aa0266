import { describe, expect, test } from 'vitest';
import { DEFAULT_TRUSTED_DOCUMENTS_FILE } from '../proxy-config';
import { SPA_OPERATIONS } from '../test/proxy-harness';
import { buildProxySchema } from './proxy-schema';
import {
  documentHash,
  TrustedDocuments,
  TrustedDocumentsError,
} from './trusted-documents';

// The allowlist is only as good as what it lets in: the SPA's manifest loads
// in full, and a manifest holding anything the proxy must not run stops the
// BFF at start-up, naming each problem.

const schema = buildProxySchema();

const entry = (name: string, text: string) => ({
  name,
  type: text.split(' ')[0],
  sha256: documentHash(text),
  text,
});

function problems(entries: unknown[]): string[] {
  try {
    TrustedDocuments.fromEntries('test', entries, schema);
  } catch (error) {
    if (error instanceof TrustedDocumentsError) return error.problems;
    throw error;
  }
  return [];
}

describe('the SPA’s operations manifest', () => {
  test('every operation the SPA ships loads, by its hash', () => {
    const documents = TrustedDocuments.fromFile(
      DEFAULT_TRUSTED_DOCUMENTS_FILE,
      schema,
    );
    expect(documents.size).toBe(SPA_OPERATIONS.length);
    expect(documents.names()).toEqual(
      SPA_OPERATIONS.map((op) => op.name).sort(),
    );
    for (const op of SPA_OPERATIONS) {
      expect(documents.get(op.sha256)?.name).toBe(op.name);
    }
  });

  test('a missing or unreadable file is one clear problem', () => {
    expect(() =>
      TrustedDocuments.fromFile('/nonexistent/operations.json', schema),
    ).toThrow(/run npm run codegen/);
  });
});

describe('a manifest the proxy refuses', () => {
  test('a hash that does not match the text', () => {
    const forged = {
      ...entry('A', 'query A { currentUser { userId } }'),
      sha256: 'b'.repeat(64),
    };
    expect(problems([forged])).toEqual([
      'operation 0: A: sha256 does not match the text',
    ]);
  });

  test('deleteProcessInstance, under any name', () => {
    expect(
      problems([
        entry(
          'TaskInboxRouteQuery',
          'mutation TaskInboxRouteQuery { deleteProcessInstance(processInstanceId: "1") }',
        ),
      ]),
    ).toEqual([
      'operation 0: TaskInboxRouteQuery: deleteProcessInstance not allowed in proxy mode',
    ]);
  });

  test('introspection, several operations, a mutation with two root fields (aliases count)', () => {
    expect(
      problems([
        entry('I', 'query I { __schema { queryType { name } } }'),
        entry(
          'M',
          'query M { currentUser { userId } } query N { currentUser { userId } }',
        ),
        entry(
          'Two',
          'mutation Two { a: unclaimTask(taskId: "1") { id } b: unclaimTask(taskId: "2") { id } }',
        ),
      ]),
    ).toEqual([
      'operation 0: I: introspection is not allowed',
      'operation 1: M: must hold exactly one operation',
      'operation 2: Two: a mutation document must hold exactly one root field',
    ]);
  });

  test('a document that does not validate, or whose name is not the manifest’s', () => {
    const found = problems([
      entry('Bad', 'query Bad { tasks(query: {}) { nope } }'),
      entry('Named', 'query Other { currentUser { userId } }'),
    ]);
    expect(found[0]).toMatch(/^operation 0: Bad: Cannot query field "nope"/);
    expect(found[1]).toBe('operation 1: Named: the operation is called Other');
  });

  test('a root field reached through a fragment is checked too', () => {
    expect(
      problems([
        entry(
          'Sneaky',
          'mutation Sneaky { ...Root } fragment Root on Mutation { deleteProcessInstance(processInstanceId: "1") }',
        ),
      ]),
    ).toEqual([
      'operation 0: Sneaky: deleteProcessInstance not allowed in proxy mode',
    ]);
  });
});
