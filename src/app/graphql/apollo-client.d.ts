import type { GraphQLCodegenDataMasking } from '@apollo/client/masking';
import type { HttpLink } from '@apollo/client';

// Data masking with codegen's types: fragments are opaque to their parents.
declare module '@apollo/client' {
  // Declaration merging needs interfaces, even empty ones.
  /* eslint-disable @typescript-eslint/no-empty-object-type */
  export interface TypeOverrides
    extends GraphQLCodegenDataMasking.TypeOverrides {}
  export interface DefaultContext extends HttpLink.ContextOptions {}
}
