import { createFileRoute } from '@tanstack/react-router';
import { EmptyState } from '../components/empty-state';

export const Route = createFileRoute('/_authenticated/tasks/')({
  component: function PickATask() {
    return (
      <EmptyState title="Pick a task to work on" headingLevel={1}>
        <p>Choose a task from the list to see its details and complete it.</p>
      </EmptyState>
    );
  },
});
