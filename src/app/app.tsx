import { ApolloProvider } from '@apollo/client/react';
import { RouterProvider } from '@tanstack/react-router';
import type { AppRouter } from './router';

/** The providers around the app: Apollo for data, the router for pages. */
export function App({ router }: { router: AppRouter }) {
  const { apolloClient } = router.options.context;
  return (
    <ApolloProvider client={apolloClient}>
      <RouterProvider router={router} />
    </ApolloProvider>
  );
}
