import type { ReactNode } from 'react';

interface EmptyStateProps {
  title: string;
  children?: ReactNode;
  headingLevel?: 1 | 2;
}

/** A calm "nothing here" message, optionally with what to do next. */
export function EmptyState({
  title,
  children,
  headingLevel = 2,
}: EmptyStateProps) {
  const Heading = headingLevel === 1 ? 'h1' : 'h2';
  return (
    <div className="empty-state">
      <Heading className="empty-state__title" tabIndex={-1}>
        {title}
      </Heading>
      {children ? <div className="empty-state__body">{children}</div> : null}
    </div>
  );
}
