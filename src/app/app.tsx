import { ApolloProvider } from '@apollo/client/react';
import { i18n } from '@lingui/core';
import { I18nProvider } from '@lingui/react';
import { RouterProvider } from '@tanstack/react-router';
import type { AppRouter } from './router';

/**
 * The providers around the app: the active language's messages, Apollo for
 * data, the router for pages. The language is activated before the first
 * render (main.tsx), so no English flashes by.
 */
export function App({ router }: { router: AppRouter }) {
  const { apolloClient } = router.options.context;
  return (
    <I18nProvider i18n={i18n}>
      <ApolloProvider client={apolloClient}>
        <RouterProvider router={router} />
      </ApolloProvider>
    </I18nProvider>
  );
}
