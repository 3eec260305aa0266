import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  buildSchema,
  findBreakingChanges,
  findDangerousChanges,
} from 'graphql';
import { describe, expect, it } from 'vitest';
import { referenceFile } from './test/reference';

/**
 * Our schema must be a drop-in for the official Tasklist 8.2-8.5 schema: a
 * client written against either works against the other. graphql-js decides
 * what "breaking" and "dangerous" mean, so we do not hand-roll the comparison.
 */
const here = path.dirname(fileURLToPath(import.meta.url));
const ours = buildSchema(
  readFileSync(path.join(here, 'schema.graphql'), 'utf8'),
);
const { path: referencePath, available: hasReference } = referenceFile(
  'tasklist.graphqls',
  'the Tasklist schema conformance test',
);

describe.skipIf(!hasReference)(
  'schema conformance with the official Tasklist schema',
  () => {
    const reference = hasReference
      ? buildSchema(readFileSync(referencePath, 'utf8'))
      : ours;

    it('has no breaking changes against the reference', () => {
      expect(findBreakingChanges(reference, ours)).toEqual([]);
    });

    it('has no dangerous changes against the reference', () => {
      expect(findDangerousChanges(reference, ours)).toEqual([]);
    });

    it('only adds what is marked as an addition', () => {
      const added = Object.keys(ours.getTypeMap()).filter(
        (name) => !name.startsWith('__') && !reference.getType(name),
      );
      expect(added).toEqual(['TaskImplementation']);
      const queryFields = Object.keys(ours.getQueryType()?.getFields() ?? {});
      expect(queryFields).toEqual(
        Object.keys(reference.getQueryType()?.getFields() ?? {}),
      );
    });
  },
);
