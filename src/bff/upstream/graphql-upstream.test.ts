import { readFileSync } from 'node:fs';
import { buildSchema, Kind, parse, validate } from 'graphql';
import { describe, expect, test } from 'vitest';
import { SCHEMA_FILE } from '../proxy/proxy-schema';
import { referenceFile } from '../test/reference';
import { UPSTREAM_DOCUMENTS } from './graphql-upstream';

// The fixed documents the BFF sends to Tasklist must run on our schema and on
// the schema Camunda published for 8.2-8.7, or a real cluster would refuse them.

const ours = buildSchema(readFileSync(SCHEMA_FILE, 'utf8'));
const reference = referenceFile(
  'tasklist.graphqls',
  "Camunda's Tasklist schema",
);

describe('the upstream documents', () => {
  test.each(Object.entries(UPSTREAM_DOCUMENTS))(
    '%s validates against schema.graphql',
    (_name, text) => {
      expect(validate(ours, parse(text)).map((e) => e.message)).toEqual([]);
    },
  );

  test.skipIf(!reference.available).each(Object.entries(UPSTREAM_DOCUMENTS))(
    "%s validates against Camunda's published schema",
    (_name, text) => {
      const camunda = buildSchema(readFileSync(reference.path, 'utf8'));
      expect(validate(camunda, parse(text)).map((e) => e.message)).toEqual([]);
    },
  );

  test('each holds one root field named after its port method', () => {
    for (const [name, text] of Object.entries(UPSTREAM_DOCUMENTS)) {
      const [operation] = parse(text).definitions;
      expect(operation?.kind).toBe(Kind.OPERATION_DEFINITION);
      if (operation?.kind !== Kind.OPERATION_DEFINITION) continue;
      const fields = operation.selectionSet.selections.map((s) =>
        s.kind === Kind.FIELD ? s.name.value : s.kind,
      );
      expect(fields).toEqual([name]);
    }
  });
});
