import type { DefinitionNode, DocumentNode } from 'graphql';

function nameOf(definition: DefinitionNode): string {
  return 'name' in definition && definition.name ? definition.name.value : '';
}

/**
 * Runtime half of the build-time `gql` compiler in vite.config.ts: joins a
 * pre-parsed document with the fragments it interpolates (each once), so the
 * browser never ships or runs the GraphQL parser.
 */
export function gqlDocument(
  document: DocumentNode,
  fragments: readonly DocumentNode[],
): DocumentNode {
  const names = new Set(document.definitions.map(nameOf));
  const definitions = [...document.definitions];
  for (const fragment of fragments) {
    for (const definition of fragment.definitions) {
      const name = nameOf(definition);
      if (names.has(name)) continue;
      names.add(name);
      definitions.push(definition);
    }
  }
  return { kind: document.kind, definitions };
}
