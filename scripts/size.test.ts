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
import type { Manifest, ManifestChunk } from './first-load';
import { analyze, main } from './size';

const temps: string[] = [];

afterEach(() => {
  for (const dir of temps.splice(0))
    rmSync(dir, { recursive: true, force: true });
});

const ROUTES = 'src/app/routes';
const FORM_JS = 'node_modules/@bpmn-io/form-js-viewer/dist/index.es.js';

interface FakeBuild {
  manifest: Manifest;
  /** Source-map sources per emitted file; files without an entry get no map. */
  sources: Record<string, string[]>;
  /** Files the manifest does not list (index.html, public files). */
  extra: Record<string, string>;
}

/** Writes a small build the way Vite lays it out, manifest in `.vite/`. */
function writeDist({ manifest, sources, extra }: FakeBuild): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'size-test-'));
  temps.push(dir);
  mkdirSync(path.join(dir, 'assets'));
  mkdirSync(path.join(dir, '.vite'));
  writeFileSync(
    path.join(dir, '.vite', 'manifest.json'),
    JSON.stringify(manifest),
  );
  const files = new Set(
    Object.values(manifest).flatMap((chunk) => [
      chunk.file,
      ...(chunk.css ?? []),
    ]),
  );
  for (const file of files) {
    // Some bulk, so gzip sizes differ from file to file.
    writeFileSync(path.join(dir, file), `/* ${file} */${'x=1;'.repeat(40)}`);
  }
  for (const [file, list] of Object.entries(sources)) {
    writeFileSync(
      path.join(dir, `${file}.map`),
      JSON.stringify({ version: 3, sources: list, mappings: '' }),
    );
  }
  for (const [file, content] of Object.entries(extra)) {
    writeFileSync(path.join(dir, file), content);
  }
  return dir;
}

const INDEX_HTML = `<!doctype html><html><head>
<link rel="stylesheet" href="/pressable.css">
<script type="module" crossorigin src="/assets/index-AAAAAAAA.js"></script>
<link rel="modulepreload" crossorigin href="/assets/vendor-BBBBBBBB.js">
<link rel="stylesheet" crossorigin href="/assets/index-CCCCCCCC.css">
</head><body><div id="root"></div></body></html>`;

/** A chunk the router plugin split off `src/app/routes/<routeFile>.tsx`. */
const split = (
  routeFile: string,
  file: string,
  parts: string,
): ManifestChunk => ({
  file: `assets/${file}`,
  src: `${ROUTES}/${routeFile}.tsx?tsr-split=${parts}`,
  isDynamicEntry: true,
  imports: ['index.html'],
});

/** A route tree like the TanStack plugin's: every route component is a dynamic import. */
function aBuild(): FakeBuild {
  const manifest: Manifest = {
    'index.html': {
      file: 'assets/index-AAAAAAAA.js',
      src: 'index.html',
      isEntry: true,
      imports: ['_vendor-BBBBBBBB.js'],
      css: ['assets/index-CCCCCCCC.css'],
      dynamicImports: [
        `${ROUTES}/_authenticated.tsx?tsr-split=component`,
        `${ROUTES}/_authenticated.tasks.tsx?tsr-split=component`,
        `${ROUTES}/_authenticated.tasks.tsx?tsr-split=errorComponent`,
        `${ROUTES}/_authenticated.tasks.index.tsx?tsr-split=component`,
        `${ROUTES}/_authenticated.tasks.$taskId.tsx?tsr-split=component`,
        `${ROUTES}/login.tsx?tsr-split=component`,
        'src/app/auth/create-auth.ts',
      ],
    },
    '_vendor-BBBBBBBB.js': { file: 'assets/vendor-BBBBBBBB.js' },
    '_shared-EEEEEEEE.js': {
      file: 'assets/shared-EEEEEEEE.js',
      imports: ['_vendor-BBBBBBBB.js'],
    },
    [`${ROUTES}/_authenticated.tsx?tsr-split=component`]: {
      ...split('_authenticated', '_authenticated-MMMMMMMM.js', 'component'),
      dynamicImports: ['src/app/shell/user-menu.tsx'],
    },
    [`${ROUTES}/_authenticated.tasks.tsx?tsr-split=component`]: {
      ...split(
        '_authenticated.tasks',
        '_authenticated.tasks-DDDDDDDD.js',
        'component',
      ),
      imports: ['index.html', '_shared-EEEEEEEE.js'],
      css: ['assets/tasks-FFFFFFFF.css'],
    },
    [`${ROUTES}/_authenticated.tasks.tsx?tsr-split=errorComponent`]: split(
      '_authenticated.tasks',
      '_authenticated.tasks-IIIIIIII.js',
      'errorComponent',
    ),
    [`${ROUTES}/_authenticated.tasks.index.tsx?tsr-split=component`]: split(
      '_authenticated.tasks.index',
      '_authenticated.tasks.index-GGGGGGGG.js',
      'component',
    ),
    [`${ROUTES}/_authenticated.tasks.$taskId.tsx?tsr-split=component`]: {
      ...split(
        '_authenticated.tasks.$taskId',
        '_authenticated.tasks._taskId-HHHHHHHH.js',
        'component',
      ),
      dynamicImports: [
        'src/app/features/task-form/camunda-form/camunda-form-viewer.tsx',
      ],
    },
    'src/app/features/task-form/camunda-form/camunda-form-viewer.tsx': {
      file: 'assets/camunda-form-viewer-LLLLLLLL.js',
      src: 'src/app/features/task-form/camunda-form/camunda-form-viewer.tsx',
      isDynamicEntry: true,
      imports: ['_vendor-BBBBBBBB.js'],
      css: ['assets/camunda-form-viewer-NNNNNNNN.css'],
    },
    [`${ROUTES}/login.tsx?tsr-split=component`]: split(
      'login',
      'login-JJJJJJJJ.js',
      'component',
    ),
    'src/app/auth/create-auth.ts': {
      file: 'assets/create-auth-KKKKKKKK.js',
      src: 'src/app/auth/create-auth.ts',
      isDynamicEntry: true,
    },
    'src/app/shell/user-menu.tsx': {
      file: 'assets/user-menu-OOOOOOOO.js',
      src: 'src/app/shell/user-menu.tsx',
      isDynamicEntry: true,
      imports: ['_vendor-BBBBBBBB.js'],
    },
  };
  const sources = Object.fromEntries(
    Object.values(manifest).map((chunk) => [
      chunk.file,
      [`../../${chunk.src ?? 'node_modules/react/index.js'}`],
    ]),
  );
  sources['assets/camunda-form-viewer-LLLLLLLL.js'] = [
    '../../src/app/features/task-form/camunda-form/camunda-form-viewer.tsx',
    `../../${FORM_JS}`,
  ];
  return {
    manifest,
    sources,
    extra: { 'index.html': INDEX_HTML, 'pressable.css': '.p{}' },
  };
}

const files = (chunks: { file: string }[]) => chunks.map((c) => c.file).sort();

describe('analyze', () => {
  it('counts the entry, its static imports and the /tasks route components, with their CSS', () => {
    const report = analyze({ distDir: writeDist(aBuild()) });
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
      'pressable.css',
    ]);
    // Other routes, error components and non-route imports load on demand,
    // including what a route chunk on the path imports dynamically.
    expect(report.lazy).toEqual([
      'assets/_authenticated.tasks-IIIIIIII.js',
      'assets/_authenticated.tasks._taskId-HHHHHHHH.js',
      'assets/create-auth-KKKKKKKK.js',
      'assets/login-JJJJJJJJ.js',
      'assets/user-menu-OOOOOOOO.js',
    ]);
    expect(report.formJsChunks).toEqual([
      'assets/camunda-form-viewer-LLLLLLLL.js',
    ]);
    expect(report.problems).toEqual([]);
  });

  it('measures raw and gzipped bytes of every JS and CSS file and sums the first load', () => {
    const dist = writeDist(aBuild());
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
    const roles = Object.fromEntries(
      report.chunks.map((chunk) => [chunk.file, chunk.role]),
    );
    expect(roles).toMatchObject({
      'assets/index-AAAAAAAA.js': 'entry',
      'assets/_authenticated.tasks-DDDDDDDD.js': 'route chunk on the path',
      'assets/tasks-FFFFFFFF.css': 'stylesheet',
      'assets/camunda-form-viewer-NNNNNNNN.css': 'lazy stylesheet',
      'assets/login-JJJJJJJJ.js': 'lazy',
    });
    // 12 JS chunks, 3 stylesheets from the manifest, 1 public stylesheet.
    expect(report.chunks).toHaveLength(16);
    expect(report.firstLoad.jsGzip).toBe(
      report.firstLoad.js.reduce((sum, c) => sum + c.gzip, 0),
    );
  });

  it('reports a first load over the budget', () => {
    const report = analyze({
      distDir: writeDist(aBuild()),
      budgetBytes: 100,
    });
    expect(report.problems).toEqual([
      expect.stringMatching(
        /^The first load of \/tasks is [\d.]+ kB of gzipped JS, over the budget of 0\.1 kB\.$/,
      ),
    ]);
  });

  it('reports form-js when the first load reaches it statically', () => {
    const build = aBuild();
    const shared = build.manifest['_shared-EEEEEEEE.js'];
    if (!shared) throw new Error('fixture changed');
    shared.imports = [
      '_vendor-BBBBBBBB.js',
      'src/app/features/task-form/camunda-form/camunda-form-viewer.tsx',
    ];
    const report = analyze({ distDir: writeDist(build) });
    expect(report.problems).toEqual([
      'form-js (@bpmn-io/form-js-viewer) is in assets/camunda-form-viewer-LLLLLLLL.js, part of the first load of /tasks; it must stay in a lazy chunk.',
    ]);
  });

  it('finds form-js in whichever chunk holds it, such as a shared one', () => {
    const build = aBuild();
    build.sources['assets/shared-EEEEEEEE.js'] = [`../../${FORM_JS}`];
    const report = analyze({ distDir: writeDist(build) });
    expect(report.formJsChunks).toEqual([
      'assets/camunda-form-viewer-LLLLLLLL.js',
      'assets/shared-EEEEEEEE.js',
    ]);
    expect(report.problems).toEqual([
      expect.stringContaining(
        'form-js (@bpmn-io/form-js-viewer) is in assets/shared-EEEEEEEE.js',
      ),
    ]);
  });

  it('says so when it cannot look for form-js, or does not find it', () => {
    const withoutMaps = { ...aBuild(), sources: {} };
    expect(analyze({ distDir: writeDist(withoutMaps) }).problems).toEqual([
      'The build has no source maps (build.sourcemap), so the form-js check cannot see inside chunks.',
    ]);
    const withoutForm = aBuild();
    withoutForm.sources['assets/camunda-form-viewer-LLLLLLLL.js'] = [];
    expect(analyze({ distDir: writeDist(withoutForm) }).problems).toEqual([
      'form-js was not found in any chunk; is the task form still built?',
    ]);
  });

  it('follows another route when asked', () => {
    const report = analyze({
      distDir: writeDist(aBuild()),
      route: '/tasks/42',
    });
    expect(files(report.firstLoad.js)).toContain(
      'assets/_authenticated.tasks._taskId-HHHHHHHH.js',
    );
    expect(files(report.firstLoad.js)).not.toContain(
      'assets/_authenticated.tasks.index-GGGGGGGG.js',
    );
    expect(report.lazy).toContain('assets/camunda-form-viewer-LLLLLLLL.js');
    expect(report.problems).toEqual([]);
  });

  it('counts a chunk whose grouped parts include the component', () => {
    const build = aBuild();
    const key = `${ROUTES}/_authenticated.tasks.index.tsx?tsr-split=component`;
    const chunk = build.manifest[key];
    if (!chunk) throw new Error('fixture changed');
    const grouped = `${ROUTES}/_authenticated.tasks.index.tsx?tsr-split=loader---component`;
    build.manifest[grouped] = { ...chunk, src: grouped };
    Reflect.deleteProperty(build.manifest, key);
    const entry = build.manifest['index.html'];
    entry?.dynamicImports?.splice(
      entry.dynamicImports.indexOf(key),
      1,
      grouped,
    );
    const report = analyze({ distDir: writeDist(build) });
    expect(files(report.firstLoad.js)).toContain(
      'assets/_authenticated.tasks.index-GGGGGGGG.js',
    );
  });
});

describe('main', () => {
  it('prints the table, writes the JSON report and fails --check over budget', () => {
    const dist = writeDist(aBuild());
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
      `${path.join(dist, '.vite', 'manifest.json')} does not exist: run "npm run build" first (vite.config.ts sets build.manifest).`,
    ]);
  });
});
