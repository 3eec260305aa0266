/**
 * `npm run bench -- --only bundle`: the JS and CSS a browser downloads
 * (issue 11, figure 8) for
 *   - `/tasks`: the first load of the inbox;
 *   - a task with a form: the first load of `/tasks/<id>` plus the lazy
 *     chunks that bring form-js (and their static imports and CSS).
 * Read from the build (`dist/`, Vite's manifest: the same walk as
 * `npm run size`), each file compressed as a server would send it: gzip at
 * Node's default level and brotli at quality 11 (static files compressed
 * once). Byte counts are deterministic, so there is one run and no floor.
 * Writes `bench/results/bundle.json`.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { walkFirstLoad, type Manifest } from '../scripts/first-load';
import { analyze } from '../scripts/size';
import { ROOT, ResultWriter, pick, runBenchmark } from './lib/results';
import { perRunMeasurement } from './lib/stats';

const DIST = path.join(ROOT, 'dist');
const BUDGET_GZIP = 200_000;
/** Quality 11 takes seconds per megabyte; a smoke run only needs a number. */
const BROTLI_QUALITY = pick(11, 4);

interface Sizes {
  files: string[];
  jsRaw: number;
  jsGzip: number;
  jsBrotli: number;
  cssGzip: number;
  cssBrotli: number;
}

function sizes(files: Iterable<string>): Sizes {
  const list = [...new Set(files)].sort();
  const total: Sizes = {
    files: list,
    jsRaw: 0,
    jsGzip: 0,
    jsBrotli: 0,
    cssGzip: 0,
    cssBrotli: 0,
  };
  for (const file of list) {
    const content = readFileSync(path.join(DIST, file));
    const gzip = gzipSync(content).length;
    const brotli = brotliCompressSync(content, {
      params: { [constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY },
    }).length;
    if (file.endsWith('.css')) {
      total.cssGzip += gzip;
      total.cssBrotli += brotli;
    } else {
      total.jsRaw += content.length;
      total.jsGzip += gzip;
      total.jsBrotli += brotli;
    }
  }
  return total;
}

/** The chunks `keys` import statically, transitively, with their CSS. */
function closure(manifest: Manifest, keys: Iterable<string>): Set<string> {
  const files = new Set<string>();
  const seen = new Set<string>();
  const queue = [...keys];
  for (let key = queue.shift(); key !== undefined; key = queue.shift()) {
    const chunk = manifest[key];
    if (!chunk || seen.has(key)) continue;
    seen.add(key);
    files.add(chunk.file);
    for (const css of chunk.css ?? []) files.add(css);
    queue.push(...(chunk.imports ?? []));
  }
  return files;
}

await runBenchmark(
  new ResultWriter('bundle', {
    // Byte counts do not vary: one run says it all.
    runs: 1,
    dist: 'dist',
    gzip: 'node default level',
    brotliQuality: BROTLI_QUALITY,
  }),
  // eslint-disable-next-line @typescript-eslint/require-await -- the shared runner takes async work
  async (result) => {
    const manifest = JSON.parse(
      readFileSync(path.join(DIST, '.vite', 'manifest.json'), 'utf8'),
    ) as Manifest;
    const inbox = analyze({ distDir: DIST, route: '/tasks' });
    const taskRoute = '/tasks/1';
    const task = analyze({ distDir: DIST, route: taskRoute });
    const taskWalk = walkFirstLoad(manifest, taskRoute, 'src/app/routes');
    const formKeys = Object.keys(manifest).filter((key) =>
      task.formJsChunks.includes(manifest[key]?.file ?? ''),
    );
    if (formKeys.length === 0) {
      result.problems.push('no chunk holds form-js: is the task form built?');
    }
    const inboxSizes = sizes([
      ...inbox.firstLoad.js.map((c) => c.file),
      ...inbox.firstLoad.css.map((c) => c.file),
    ]);
    const taskFiles = [
      ...task.firstLoad.js.map((c) => c.file),
      ...task.firstLoad.css.map((c) => c.file),
    ];
    const formFiles = [...closure(manifest, formKeys)].filter(
      (file) => !taskFiles.includes(file),
    );
    const formSizes = sizes([...taskFiles, ...formFiles]);
    result.extra.inbox = inboxSizes;
    result.extra.taskWithForm = { ...formSizes, formChunks: formFiles };
    result.checks.taskRouteChunks = taskWalk.routeKeys.size;
    for (const [key, label, s] of [
      ['inbox', '/tasks', inboxSizes],
      ['taskWithForm', 'a task with a form', formSizes],
    ] as const) {
      result.add(
        `${key}.bytes`,
        perRunMeasurement(
          `${label}: JS raw, JS gzip, JS brotli, CSS gzip, CSS brotli`,
          'bytes',
          [s.jsRaw, s.jsGzip, s.jsBrotli, s.cssGzip, s.cssBrotli],
          0,
        ),
      );
    }
    const kb = (bytes: number) => Math.round(bytes / 100) / 10;
    result.figure({
      figure: 8,
      name: '`/tasks`: JS gzip',
      value: kb(inboxSizes.jsGzip),
      unit: 'kB',
      goal: '≤ 200 kB gz',
      met: inboxSizes.jsGzip <= BUDGET_GZIP,
      note: `brotli ${String(kb(inboxSizes.jsBrotli))} kB; CSS ${String(kb(inboxSizes.cssGzip))} kB gz, ${String(kb(inboxSizes.cssBrotli))} kB br; ${String(inbox.firstLoad.js.length)} JS files`,
    });
    result.figure({
      figure: 8,
      name: 'a task with a form: JS gzip',
      value: kb(formSizes.jsGzip),
      unit: 'kB',
      goal: 'report',
      note: `brotli ${String(kb(formSizes.jsBrotli))} kB; CSS ${String(kb(formSizes.cssGzip))} kB gz, ${String(kb(formSizes.cssBrotli))} kB br; form-js in ${formFiles.filter((f) => f.endsWith('.js')).length.toString()} lazy JS files`,
    });
  },
);
