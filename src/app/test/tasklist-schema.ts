import { buildSchema, type GraphQLSchema } from 'graphql';

// The pinned SDL is data shared across parts (docs/architecture.md); Vite's
// glob import reads it as text without importing Tasklist code.
const files = import.meta.glob<string>('../../tasklist/schema.graphql', {
  query: '?raw',
  import: 'default',
  eager: true,
});

let schema: GraphQLSchema | null = null;

/** The executable Tasklist schema the fake server answers with. */
export function tasklistSchema(): GraphQLSchema {
  if (!schema) {
    const sdl = Object.values(files)[0];
    if (!sdl) throw new Error('src/tasklist/schema.graphql is missing');
    schema = buildSchema(sdl);
  }
  return schema;
}
