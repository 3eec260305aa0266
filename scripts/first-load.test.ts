import { describe, expect, it } from 'vitest';
import { isOnRoutePath, linkedStylesheets, routeOf } from './first-load';

const ROUTES = 'src/app/routes';

describe('routeOf', () => {
  it('reads the route file and the split parts from the chunk source', () => {
    expect(
      routeOf(
        {
          file: 'x.js',
          src: `${ROUTES}/_authenticated.tasks.$taskId.tsx?tsr-split=component`,
        },
        ROUTES,
      ),
    ).toEqual({
      routeFile: '_authenticated.tasks.$taskId',
      parts: ['component'],
    });
    expect(
      routeOf(
        {
          file: 'x.js',
          src: `${ROUTES}/tasks/route.tsx?tsr-split=errorComponent---notFoundComponent`,
        },
        `${ROUTES}/`,
      ),
    ).toEqual({
      routeFile: 'tasks/route',
      parts: ['errorComponent', 'notFoundComponent'],
    });
    expect(
      routeOf({ file: 'x.js', src: 'src/app/shell/user-menu.tsx' }, ROUTES),
    ).toBeUndefined();
    expect(routeOf({ file: 'x.js' }, ROUTES)).toBeUndefined();
  });
});

describe('route paths', () => {
  it.each([
    ['__root', '/tasks', true],
    ['_authenticated', '/tasks', true],
    ['_authenticated.tasks', '/tasks', true],
    ['_authenticated.tasks.index', '/tasks', true],
    ['_authenticated/tasks/index', '/tasks', true],
    ['_authenticated/tasks/route', '/tasks', true],
    ['(app)/_authenticated.tasks', '/tasks', true],
    ['_authenticated.tasks.$taskId', '/tasks', false],
    ['_authenticated.tasks.$taskId', '/tasks/7', true],
    ['_authenticated.tasks.index', '/tasks/7', false],
    ['index', '/tasks', false],
    ['index', '/', true],
    ['login', '/tasks', false],
    ['files.$', '/files/a/b', true],
  ])('%s is on the path of %s: %s', (routeFile, url, expected) => {
    expect(isOnRoutePath(routeFile, url)).toBe(expected);
  });
});

describe('linkedStylesheets', () => {
  it('lists the stylesheets index.html links that exist in dist', () => {
    const html = `<link rel="icon" href="/favicon.svg">
<link id="x" rel="stylesheet" href="/pressable.css?v=1">
<link rel="stylesheet" crossorigin href="/assets/index-CCCCCCCC.css">
<link rel="stylesheet" href="https://cdn.example/gone.css">`;
    expect(
      linkedStylesheets(
        html,
        new Set(['pressable.css', 'assets/index-CCCCCCCC.css', 'favicon.svg']),
      ),
    ).toEqual(['pressable.css', 'assets/index-CCCCCCCC.css']);
  });
});
