import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSchema, isObjectType, type GraphQLSchema } from 'graphql';
import type { UpstreamTask } from '../upstream/tasklist-upstream';
import type { ProxyContext } from './proxy-context';
import {
  mutationResolvers,
  queryResolvers,
  taskVariablesField,
  type RootResolver,
} from './resolvers';

/** The Tasklist SDL the SPA is generated from, read as data (never imported). */
export const SCHEMA_FILE = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../tasklist/schema.graphql',
);

/**
 * The schema the proxy executes the SPA's trusted documents against: our
 * Tasklist SDL with the proxy's resolvers attached. Built once per app; a
 * root field without a resolver (there is none today) would refuse to run.
 */
export function buildProxySchema(
  sdl: string = readFileSync(SCHEMA_FILE, 'utf8'),
): GraphQLSchema {
  const schema = buildSchema(sdl);
  attach(schema, 'Query', queryResolvers);
  attach(schema, 'Mutation', mutationResolvers);
  const task = schema.getType('Task');
  const variables = isObjectType(task) ? task.getFields().variables : undefined;
  if (!variables) throw new Error('schema.graphql: Task.variables is missing');
  variables.resolve = (source, _args, context) =>
    taskVariablesField(source as UpstreamTask, context as ProxyContext);
  return schema;
}

function attach(
  schema: GraphQLSchema,
  typeName: string,
  resolvers: Record<string, RootResolver>,
): void {
  const type = schema.getType(typeName);
  if (!isObjectType(type))
    throw new Error(`schema.graphql: no ${typeName} type`);
  for (const [name, field] of Object.entries(type.getFields())) {
    const resolve = resolvers[name];
    field.resolve = resolve
      ? (_source, args: Record<string, unknown>, context) =>
          resolve(args, context as ProxyContext)
      : () => {
          throw new Error(`${typeName}.${name} has no proxy resolver`);
        };
  }
}
