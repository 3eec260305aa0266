import { describe, expect, test, vi } from 'vitest';
import {
  createHostBridge,
  parseHostCommand,
  resolveParentOrigin,
} from './host-bridge';
import type { HostCommand, ViewFields } from './host-messages';

const PORTAL = 'https://portal.example.com';
const APP = 'https://inbox.example.com';
const QUEUES = ['all-open', 'unassigned', 'completed'];

/** A stand-in for the inbox's validation: known queues, a `process` key, a sort. */
function parseView(fields: ViewFields): ViewFields | null {
  const { filter, process, sort, ...rest } = fields;
  if (typeof filter !== 'string' || !QUEUES.includes(filter)) return null;
  if (
    process !== undefined &&
    (typeof process !== 'string' || !/^\d+$/.test(process))
  )
    return null;
  if (sort !== undefined && sort !== 'due') return null;
  return Object.keys(rest).length === 0 ? fields : null;
}

/** A framed window whose parent records what it is sent. */
function framedWindow({
  parentOrigin = PORTAL,
}: { parentOrigin?: string | null } = {}) {
  const posted: { message: unknown; targetOrigin: string }[] = [];
  const parent = {
    postMessage: (message: unknown, targetOrigin: string) => {
      posted.push({ message, targetOrigin });
    },
  };
  let listener: ((e: MessageEvent) => void) | null = null;
  const win = {
    parent,
    location: {
      origin: APP,
      ancestorOrigins:
        parentOrigin === null ? undefined : { length: 1, 0: parentOrigin },
    },
    addEventListener: (_: 'message', l: (e: MessageEvent) => void) => {
      listener = l;
    },
    removeEventListener: () => {
      listener = null;
    },
  };
  const receive = (data: unknown, origin: string, source: unknown = parent) => {
    listener?.({ data, origin, source } as MessageEvent);
  };
  return { win, posted, receive, parent };
}

function bridge(
  frame: ReturnType<typeof framedWindow>,
  allowedOrigins = [PORTAL],
  referrer = '',
) {
  const commands: HostCommand<ViewFields>[] = [];
  const host = createHostBridge({
    allowedOrigins,
    parseView,
    onCommand: (c) => commands.push(c),
    window: frame.win,
    referrer,
  });
  return { host, commands };
}

describe('events', () => {
  test('go to the allowed parent, by its exact origin, tagged with our source', () => {
    const frame = framedWindow();
    const { host } = bridge(frame);
    expect(host.connected).toBe(true);
    host.send({ type: 'ready' });
    host.send({ type: 'task-opened', taskId: '42' });
    expect(frame.posted).toEqual([
      {
        message: { source: 'tasklist-inbox', type: 'ready' },
        targetOrigin: PORTAL,
      },
      {
        message: {
          source: 'tasklist-inbox',
          type: 'task-opened',
          taskId: '42',
        },
        targetOrigin: PORTAL,
      },
    ]);
  });

  test('a parent that is not allowed gets nothing, never a "*" message', () => {
    const frame = framedWindow({ parentOrigin: 'https://evil.example' });
    const { host } = bridge(frame);
    expect(host.connected).toBe(false);
    host.send({ type: 'ready' });
    expect(frame.posted).toEqual([]);
  });

  test("'self' means the app's own origin", () => {
    const frame = framedWindow({ parentOrigin: APP });
    const { host } = bridge(frame, ["'self'"]);
    host.send({ type: 'ready' });
    expect(frame.posted[0]?.targetOrigin).toBe(APP);
  });

  test('a page that is not framed sends nothing', () => {
    const win = framedWindow().win;
    const alone = { ...win, parent: undefined as unknown };
    alone.parent = alone;
    const host = createHostBridge({
      allowedOrigins: [PORTAL],
      parseView,
      onCommand: vi.fn(),
      window: alone as typeof win,
    });
    expect(host.connected).toBe(false);
  });
});

describe('resolveParentOrigin', () => {
  const allowed = [PORTAL, 'https://intranet.example.com'];
  test('prefers ancestorOrigins, then the referrer', () => {
    expect(resolveParentOrigin(allowed, { length: 1, 0: PORTAL }, '')).toBe(
      PORTAL,
    );
    expect(resolveParentOrigin(allowed, undefined, `${PORTAL}/inbox?x=1`)).toBe(
      PORTAL,
    );
    expect(
      resolveParentOrigin(allowed, undefined, 'https://evil.example/'),
    ).toBeNull();
  });

  test('with no hint, only a single allowed origin is assumed', () => {
    expect(resolveParentOrigin([PORTAL], undefined, '')).toBe(PORTAL);
    expect(resolveParentOrigin(allowed, undefined, '')).toBeNull();
    expect(resolveParentOrigin([], undefined, '')).toBeNull();
  });
});

describe('commands', () => {
  test('are taken from the allowed parent', () => {
    const frame = framedWindow();
    const { commands } = bridge(frame);
    frame.receive(
      {
        source: 'tasklist-inbox-host',
        type: 'open-task',
        taskId: '2251799813685249',
      },
      PORTAL,
    );
    frame.receive(
      {
        source: 'tasklist-inbox-host',
        type: 'set-filter',
        filter: 'completed',
      },
      PORTAL,
    );
    expect(commands).toEqual([
      { type: 'open-task', taskId: '2251799813685249' },
      { type: 'set-filter', view: { filter: 'completed' } },
    ]);
  });

  test('from another origin, or from a window that is not the parent, are ignored', () => {
    const frame = framedWindow();
    const { commands } = bridge(frame);
    const command = {
      source: 'tasklist-inbox-host',
      type: 'open-task',
      taskId: '1',
    };
    frame.receive(command, 'https://evil.example');
    // The right origin claimed by a sibling frame or a popup.
    frame.receive(command, PORTAL, { postMessage: vi.fn() });
    expect(commands).toEqual([]);
  });

  test('a parent whose origin was unknown is learnt from its first valid command', () => {
    const frame = framedWindow({ parentOrigin: null });
    const { host, commands } = bridge(frame, [
      PORTAL,
      'https://intranet.example.com',
    ]);
    expect(host.connected).toBe(false);
    frame.receive(
      {
        source: 'tasklist-inbox-host',
        type: 'set-filter',
        filter: 'unassigned',
      },
      'https://intranet.example.com',
    );
    expect(commands).toHaveLength(1);
    host.send({ type: 'ready' });
    expect(frame.posted[0]?.targetOrigin).toBe('https://intranet.example.com');
  });

  test('stop after dispose', () => {
    const frame = framedWindow();
    const { host, commands } = bridge(frame);
    host.dispose();
    frame.receive(
      { source: 'tasklist-inbox-host', type: 'open-task', taskId: '1' },
      PORTAL,
    );
    expect(commands).toEqual([]);
  });
});

describe('parseHostCommand', () => {
  const valid = { source: 'tasklist-inbox-host' };
  test.each([
    ['not an object', 'open-task'],
    ['null', null],
    [
      'another source',
      { source: 'tasklist-inbox', type: 'open-task', taskId: '1' },
    ],
    ['no source', { type: 'open-task', taskId: '1' }],
    ['an unknown type', { ...valid, type: 'delete-task', taskId: '1' }],
    ['a numeric task id', { ...valid, type: 'open-task', taskId: 1 }],
    ['an empty task id', { ...valid, type: 'open-task', taskId: '' }],
    ['a path in the task id', { ...valid, type: 'open-task', taskId: '../x' }],
    [
      'a long task id',
      { ...valid, type: 'open-task', taskId: '9'.repeat(129) },
    ],
    [
      'an unknown filter',
      { ...valid, type: 'set-filter', filter: 'everything' },
    ],
    [
      'a filter object',
      { ...valid, type: 'set-filter', filter: { state: 'x' } },
    ],
    [
      'conditions that are not an object',
      { ...valid, type: 'set-filter', filter: 'all-open', conditions: ['x'] },
    ],
    [
      'a condition the inbox refuses',
      {
        ...valid,
        type: 'set-filter',
        filter: 'all-open',
        conditions: { process: 'invoice' },
      },
    ],
    [
      'an unknown condition',
      {
        ...valid,
        type: 'set-filter',
        filter: 'all-open',
        conditions: { colour: 'red' },
      },
    ],
    [
      'a queue restated among the conditions',
      {
        ...valid,
        type: 'set-filter',
        filter: 'all-open',
        conditions: { filter: 'completed' },
      },
    ],
    [
      'a sort the inbox refuses',
      { ...valid, type: 'set-filter', filter: 'all-open', sort: 'name' },
    ],
  ])('refuses %s', (_, data) => {
    expect(parseHostCommand(data, parseView)).toBeNull();
  });

  test('set-filter: a queue, its sort and conditions, as the inbox validates them', () => {
    expect(
      parseHostCommand(
        {
          ...valid,
          type: 'set-filter',
          filter: 'unassigned',
          sort: 'due',
          conditions: { process: '2251799813685249' },
        },
        parseView,
      ),
    ).toEqual({
      type: 'set-filter',
      view: { filter: 'unassigned', sort: 'due', process: '2251799813685249' },
    });
  });

  test('keeps only the fields it knows', () => {
    expect(
      parseHostCommand(
        { ...valid, type: 'open-task', taskId: '7', extra: '<script>' },
        parseView,
      ),
    ).toEqual({ type: 'open-task', taskId: '7' });
  });
});
