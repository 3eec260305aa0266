import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { AppShellPlaceholder } from './app-shell-placeholder';

describe('AppShellPlaceholder', () => {
  it('names the product in a level-1 heading inside the main landmark', () => {
    render(<AppShellPlaceholder />);
    const main = screen.getByRole('main');
    expect(main).toContainElement(
      screen.getByRole('heading', { level: 1, name: 'Tasklist Inbox' }),
    );
  });
});
