import { createFileRoute, redirect } from '@tanstack/react-router';
import { AppShell } from '../shell/app-shell';

export const Route = createFileRoute('/_authenticated')({
  beforeLoad: async ({ context, location }) => {
    const user = await context.auth.getUser();
    if (!user) {
      throw redirect({ to: '/login', search: { redirect: location.href } });
    }
    return { user };
  },
  component: function AuthenticatedLayout() {
    const context = Route.useRouteContext();
    return <AppShell {...context} />;
  },
});
