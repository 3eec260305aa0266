import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { HostBridge, HostEvent } from '../lib/host-messages';
import type { EmbedContext } from '../router-context';
import { aTask } from '../test/factories';
import { createFakeAuth } from '../test/create-fake-auth';
import { renderAtUrl } from '../test/render-at-url';
import { World } from '../test/world';

/** A portal that records what the app tells it. */
function portal(overrides: Partial<EmbedContext> = {}) {
  const sent: HostEvent[] = [];
  const host: HostBridge = {
    connected: true,
    send: (event) => sent.push(event),
    dispose: () => undefined,
  };
  const embed: EmbedContext = {
    embedded: true,
    framed: true,
    host,
    logoUrl: null,
    memoryOnlyStorage: false,
    ...overrides,
  };
  return { embed, sent };
}

describe('embed mode (issue 13)', () => {
  it('signs in through a popup in a frame, and offers a new tab when the popup is blocked', async () => {
    const auth = createFakeAuth({ user: null });
    auth.popupOutcome = 'blocked';
    const { embed } = portal();
    const { user, router } = await renderAtUrl(
      '/tasks?embed=true&filter=unassigned',
      {
        auth,
        embed,
        world: new World([aTask({ id: '1', name: 'Check payment' })]),
      },
    );
    // No redirect: the provider would refuse to load in the frame.
    expect(auth.redirects).toEqual([]);
    await user.click(await screen.findByRole('button', { name: 'Sign in' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Your browser blocked the sign-in window.');
    const newTab = within(alert).getByRole('link', {
      name: 'Open the inbox in a new tab',
    });
    expect(newTab).toHaveAttribute('target', '_blank');
    const href = new URL(newTab.getAttribute('href') ?? '');
    expect(href.pathname).toBe('/tasks');
    expect(href.searchParams.get('filter')).toBe('unassigned');
    expect(href.searchParams.has('embed')).toBe(false);

    auth.popupOutcome = 'signed-in';
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(
      await screen.findByRole('navigation', { name: 'Task filters' }),
    ).toBeInTheDocument();
    expect(auth.popups).toBe(2);
    // No header or account chrome, and embed mode is still in the address.
    expect(screen.queryByRole('banner')).not.toBeInTheDocument();
    expect(router.state.location.search).toMatchObject({
      embed: true,
      filter: 'unassigned',
    });
  });

  it('keeps embed=true across navigation and tells the portal which task opened', async () => {
    const { embed, sent } = portal();
    const { user, router } = await renderAtUrl('/tasks?embed=true', {
      embed,
      world: new World([aTask({ id: '7', name: 'Check payment' })]),
    });
    await user.click(
      within(await screen.findByRole('list', { name: 'Tasks' })).getByRole(
        'link',
        { name: /Check payment/ },
      ),
    );
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Check payment' }),
    ).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/tasks/7');
    expect(router.state.location.search).toMatchObject({ embed: true });
    expect(sent).toContainEqual({ type: 'task-opened', taskId: '7' });
    await user.click(screen.getByRole('link', { name: 'Unassigned' }));
    expect(router.state.location.search).toMatchObject({
      embed: true,
      filter: 'unassigned',
    });
  });

  it('says what memory-only storage costs', async () => {
    const { embed } = portal({ memoryOnlyStorage: true });
    await renderAtUrl('/tasks?embed=true', { embed });
    expect(await screen.findByRole('note')).toHaveTextContent(
      'unsent drafts are lost and you need to sign in again when this page reloads',
    );
  });

  it('the standalone app keeps its header and shows no note', async () => {
    await renderAtUrl('/tasks');
    expect(await screen.findByRole('banner')).toBeInTheDocument();
    expect(screen.queryByRole('note')).not.toBeInTheDocument();
  });
});
