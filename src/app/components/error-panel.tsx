import { useLingui } from '@lingui/react/macro';
import type { ReactNode } from 'react';
import { Button } from './button';

interface ErrorPanelProps {
  title: string;
  children?: ReactNode;
  onRetry?: () => void;
  retryLabel?: string;
  /** Render the title as the page heading (route-level errors). */
  headingLevel?: 1 | 2;
}

/** An error with a way forward: every error state offers an action. */
export function ErrorPanel({
  title,
  children,
  onRetry,
  retryLabel,
  headingLevel = 2,
}: ErrorPanelProps) {
  const { t } = useLingui();
  const Heading = headingLevel === 1 ? 'h1' : 'h2';
  return (
    <div className="error-panel" role="alert">
      <Heading className="error-panel__title" tabIndex={-1}>
        {title}
      </Heading>
      {children ? <div className="error-panel__body">{children}</div> : null}
      {onRetry ? (
        <Button variant="primary" onPress={onRetry}>
          {retryLabel ?? t`Try again`}
        </Button>
      ) : null}
    </div>
  );
}
