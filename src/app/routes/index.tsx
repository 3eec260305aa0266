import { createFileRoute } from '@tanstack/react-router';
import { AppShellPlaceholder } from '../components/app-shell-placeholder';

export const Route = createFileRoute('/')({
  component: AppShellPlaceholder,
});
