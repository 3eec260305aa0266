import {
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import {
  analyze,
  dynamicImports,
  exportNames,
  isOnRoutePath,
  main,
  staticImports,
} from './size';

const temps: string[] = [];

afterEach(() => {
  for (const dir of temps.splice(0))
    rmSync(dir, { recursive: true, force: true });
});

const ROUTES = '../../src/app/routes';

interface FakeFile {
  code: string;
  /** Source-map sources; omit for no map. */
  sources?: string[];
}

/** Writes a small built app the way Vite lays it out: index.html plus assets/. */
function writeDist(files: Record<string, FakeFile>, html = INDEX_HTML): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'size-test-'));
  temps.push(dir);
  mkdirSync(path.join(dir, 'assets'));
  writeFileSync(path.join(dir, 'index.html'), html);
  for (const [file, { code, sources }] of Object.entries(files)) {
    writeFileSync(path.join(dir, file), code);
    if (sources) {
      writeFileSync(
        path.join(dir, `${file}.map`),
        JSON.stringify({ version: 3, sources, mappings: '' }),
      );
    }
  }
  return dir;
}

const INDEX_HTML = `<!doctype html><html><head>
<script type="module" crossorigin src="/assets/index-AAAAAAAA.js"></script>
<link rel="modulepreload" crossorigin href="/assets/vendor-BBBBBBBB.js">
<link rel="stylesheet" crossorigin href="/assets/index-CCCCCCCC.css">
</head><body><div id="root"></div></body></html>`;

/** A route tree like the TanStack plugin's: every route component is a dynamic import. */
const ENTRY = [
  'import{r as React}from"./vendor-BBBBBBBB.js";',
  'const __vite__mapDeps=(i,m=__vite__mapDeps,d=(m.f||(m.f=["assets/_authenticated.tasks-DDDDDDDD.js","assets/shared-EEEEEEEE.js","assets/tasks-FFFFFFFF.css"])))=>i.map(i=>d[i]);',
  'const a={component:l(()=>p(()=>import(`./_authenticated.tasks-DDDDDDDD.js`),__vite__mapDeps([0,1,2])),`component`)};',
  'const b={errorComponent:l(()=>import(`./_authenticated.tasks-IIIIIIII.js`),`errorComponent`)};',
  'const c={component:l(()=>import("./_authenticated.tasks.index-GGGGGGGG.js"),"component")};',
  "const d={component:l(()=>import('./_authenticated.tasks._taskId-HHHHHHHH.js'),'component')};",
  'const e={component:l(()=>import(`./login-JJJJJJJJ.js`),`component`)};',
  'const f=()=>import(`./auth-KKKKKKKK.js`);',
  'const g={component:l(()=>import(`./_authenticated-MMMMMMMM.js`),`component`)};',
].join('\n');

function baseFiles(): Record<string, FakeFile> {
  return {
    'assets/index-AAAAAAAA.js': {
      code: ENTRY,
      sources: ['../../src/app/main.tsx'],
    },
    'assets/vendor-BBBBBBBB.js': {
      code: `export{x as r};${'const react=1;'.repeat(50)}`,
      sources: ['../../node_modules/react/index.js'],
    },
    'assets/index-CCCCCCCC.css': { code: 'body{margin:0}' },
    'assets/tasks-FFFFFFFF.css': { code: '.inbox{display:grid}' },
    'assets/_authenticated-MMMMMMMM.js': {
      code: 'import"./vendor-BBBBBBBB.js";export{s as component};',
      sources: [`${ROUTES}/_authenticated.tsx?tsr-split=component`],
    },
    'assets/_authenticated.tasks-DDDDDDDD.js': {
      code: 'import{s}from"./shared-EEEEEEEE.js";export{t as component};',
      sources: [
        '../../src/app/features/task-inbox/inbox-page.tsx',
        `${ROUTES}/_authenticated.tasks.tsx?tsr-split=component`,
      ],
    },
    'assets/shared-EEEEEEEE.js': {
      code: 'export{q as s};',
      sources: ['../../src/app/components/button.tsx'],
    },
    'assets/_authenticated.tasks-IIIIIIII.js': {
      code: 'export{e as errorComponent};',
      sources: [`${ROUTES}/_authenticated.tasks.tsx?tsr-split=errorComponent`],
    },
    'assets/_authenticated.tasks.index-GGGGGGGG.js': {
      code: 'export{i as component};',
      sources: [`${ROUTES}/_authenticated.tasks.index.tsx?tsr-split=component`],
    },
    'assets/_authenticated.tasks._taskId-HHHHHHHH.js': {
      code: 'const v=()=>import(`./form-LLLLLLLL.js`);export{d as component};',
      sources: [
        `${ROUTES}/_authenticated.tasks.$taskId.tsx?tsr-split=component`,
      ],
    },
    'assets/form-LLLLLLLL.js': {
      code: 'export{F as CamundaFormViewer};',
      sources: [
        '../../src/app/features/task-form/camunda-form/camunda-form-viewer.tsx',
        '../../node_modules/@bpmn-io/form-js-viewer/dist/index.es.js',
      ],
    },
    'assets/login-JJJJJJJJ.js': {
      code: 'export{n as component};',
      sources: [`${ROUTES}/login.tsx?tsr-split=component`],
    },
    'assets/auth-KKKKKKKK.js': {
      code: 'export{o as createAuth};',
      sources: ['../../src/app/auth/create-auth.ts'],
    },
  };
}

const files = (chunks: { file: string }[]) => chunks.map((c) => c.file).sort();

describe('analyze', () => {
  it('counts the entry, its static imports and the /tasks route components', () => {
    const report = analyze({ distDir: writeDist(baseFiles()) });
    expect(files(report.firstLoad.js)).toEqual([
      'assets/_authenticated-MMMMMMMM.js',
      'assets/_authenticated.tasks-DDDDDDDD.js',
      'assets/_authenticated.tasks.index-GGGGGGGG.js',
      'assets/index-AAAAAAAA.js',
      'assets/shared-EEEEEEEE.js',
      'assets/vendor-BBBBBBBB.js',
    ]);
    expect(files(report.firstLoad.css)).toEqual([
      'assets/index-CCCCCCCC.css',
      'assets/tasks-FFFFFFFF.css',
    ]);
    // Other routes, error components and non-route imports load on demand.
    expect(report.lazy).toEqual([
      'assets/_authenticated.tasks-IIIIIIII.js',
      'assets/_authenticated.tasks._taskId-HHHHHHHH.js',
      'assets/auth-KKKKKKKK.js',
      'assets/login-JJJJJJJJ.js',
    ]);
    expect(report.formJsChunks).toEqual(['assets/form-LLLLLLLL.js']);
    expect(report.problems).toEqual([]);
  });

  it('measures raw and gzipped bytes of every chunk and sums the first load', () => {
    const dist = writeDist(baseFiles());
    const report = analyze({ distDir: dist });
    const vendor = report.chunks.find(
      (c) => c.file === 'assets/vendor-BBBBBBBB.js',
    );
    const content = readFileSync(path.join(dist, 'assets/vendor-BBBBBBBB.js'));
    expect(vendor).toMatchObject({
      raw: content.length,
      gzip: gzipSync(content).length,
      firstLoad: true,
      role: 'static import',
    });
    expect(report.chunks).toHaveLength(13);
    expect(report.firstLoad.jsGzip).toBe(
      report.firstLoad.js.reduce((sum, c) => sum + c.gzip, 0),
    );
  });

  it('reports a first load over the budget', () => {
    const report = analyze({
      distDir: writeDist(baseFiles()),
      budgetBytes: 100,
    });
    expect(report.problems).toEqual([
      expect.stringMatching(
        /^The first load of \/tasks is [\d.]+ kB of gzipped JS, over the budget of 0\.1 kB\.$/,
      ),
    ]);
  });

  it('reports form-js when the first load reaches it statically', () => {
    const dist = baseFiles();
    dist['assets/shared-EEEEEEEE.js'] = {
      code: 'import"./form-LLLLLLLL.js";export{q as s};',
      sources: ['../../src/app/components/button.tsx'],
    };
    const report = analyze({ distDir: writeDist(dist) });
    expect(report.problems).toEqual([
      'form-js (@bpmn-io/form-js-viewer) is in assets/form-LLLLLLLL.js, part of the first load of /tasks; it must stay in a lazy chunk.',
    ]);
  });

  it('works without source maps, from chunk names and exports', () => {
    const withoutMaps = Object.fromEntries(
      Object.entries(baseFiles()).map(([file, { code }]) => [file, { code }]),
    );
    withoutMaps['assets/form-LLLLLLLL.js'] = {
      code: 'const w=`fjs-powered-by`;export{F as CamundaFormViewer};',
    };
    const report = analyze({ distDir: writeDist(withoutMaps) });
    expect(files(report.firstLoad.js)).toEqual(
      files(analyze({ distDir: writeDist(baseFiles()) }).firstLoad.js),
    );
    expect(report.formJsChunks).toEqual(['assets/form-LLLLLLLL.js']);
  });

  it('follows another route when asked', () => {
    const report = analyze({
      distDir: writeDist(baseFiles()),
      route: '/tasks/42',
    });
    expect(files(report.firstLoad.js)).toContain(
      'assets/_authenticated.tasks._taskId-HHHHHHHH.js',
    );
    expect(files(report.firstLoad.js)).not.toContain(
      'assets/_authenticated.tasks.index-GGGGGGGG.js',
    );
    expect(report.problems).toEqual([]);
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

describe('import parsing', () => {
  it('finds static and dynamic imports in minified chunks, whatever the quotes', () => {
    const code =
      'import{a as b}from"./x-1.js";import"./y-2.js";export*from\'./z-3.js\';' +
      'const l=()=>import(`./lazy-4.js`),m=()=>import("../other/lazy-5.js");' +
      'const s="not from a module";';
    expect(staticImports(code)).toEqual(['./x-1.js', './z-3.js', './y-2.js']);
    expect(dynamicImports(code)).toEqual(['./lazy-4.js', '../other/lazy-5.js']);
    expect(exportNames('export{a as component,b};')).toEqual([
      'component',
      'b',
    ]);
  });
});

describe('main', () => {
  it('prints the table, writes the JSON report and fails --check over budget', () => {
    const dist = writeDist(baseFiles());
    const out = path.join(dist, 'report', 'size.json');
    const logs: string[] = [];
    const errors: string[] = [];
    const args = ['--dist', dist, '--out', out];
    const push = (into: string[]) => (line: string) => void into.push(line);

    expect(main(args, push(logs), push(errors))).toBe(0);
    expect(logs.join('\n')).toMatch(
      /assets\/vendor-BBBBBBBB\.js\s+[\d.]+ kB\s+[\d.]+ kB\s+yes/,
    );
    expect(logs.join('\n')).toContain('First load of /tasks:');
    const written = JSON.parse(readFileSync(out, 'utf8')) as { route: string };
    expect(written.route).toBe('/tasks');

    expect(main([...args, '--check'], push(logs), push(errors))).toBe(0);
    expect(
      main(
        [...args, '--check', '--budget-kb', '0.1'],
        push(logs),
        push(errors),
      ),
    ).toBe(1);
    expect(errors.join('\n')).toContain('Bundle budget FAILED');
  });

  it('explains a missing build', () => {
    const errors: string[] = [];
    const dist = mkdtempSync(path.join(tmpdir(), 'size-empty-'));
    temps.push(dist);
    const code = main(
      ['--dist', dist, '--out', path.join(dist, 'size.json')],
      () => undefined,
      (line) => {
        errors.push(line);
      },
    );
    expect(code).toBe(2);
    expect(errors).toEqual([
      `${path.join(dist, 'index.html')} does not exist: run "npm run build" first.`,
    ]);
  });
});
