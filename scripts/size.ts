/**
 * `npm run size`: the size of every JS and CSS file in `dist/` after
 * `vite build`, and the first load of one route (default `/tasks`), in bytes
 * and gzipped bytes. `--check` fails when that first load exceeds the JS
 * budget or pulls in form-js. The report also goes to `.ci-out/size.json`.
 *
 * The first load is read from Vite's build manifest (`build.manifest: true`
 * writes `dist/.vite/manifest.json`), which lists every chunk with its static
 * `imports`, its `dynamicImports` and its `css`:
 * 1. The entry (`index.html`) and everything it imports statically.
 * 2. Route chunks: the TanStack router plugin splits each route file into
 *    dynamic entries whose source is `src/app/routes/<file>?tsr-split=<parts>`.
 *    One counts when the first load imports it dynamically, its route file is
 *    on the path of the URL (root, pathless layouts such as `_authenticated`,
 *    `tasks`, and `tasks.index`, but not `tasks.$taskId`) and it holds what
 *    renders on arrival (`component` or `pendingComponent`, not
 *    `errorComponent` or `notFoundComponent`). Its static imports and CSS
 *    count too, and its own dynamic imports are looked at in turn.
 * 3. Every other dynamic import of that set loads on demand: listed, not
 *    counted.
 * 4. The active language's `app` catalogue (src/app/i18n): main.tsx loads
 *    it before the first render. Each language is its own chunk; the largest
 *    counts.
 * 5. Stylesheets `index.html` links from the public folder are not in the
 *    manifest; they count towards the CSS of the first load.
 * The manifest names chunks, not the modules inside them, so form-js is found
 * through each chunk's source map (`build.sourcemap`). Sizes: raw bytes, and
 * gzip at Node's default level (what a server sends with default settings);
 * Vite's own printout differs by about 1 %.
 */
import {
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { linkedStylesheets, walkFirstLoad, type Manifest } from './first-load';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export interface Chunk {
  /** Path relative to the dist folder, with forward slashes. */
  file: string;
  raw: number;
  gzip: number;
}

export interface SizeReport {
  route: string;
  budgetBytes: number;
  chunks: (Chunk & { firstLoad: boolean; role: string })[];
  firstLoad: {
    js: Chunk[];
    css: Chunk[];
    jsGzip: number;
    jsRaw: number;
    cssGzip: number;
  };
  lazy: string[];
  formJsChunks: string[];
  problems: string[];
}

export interface SizeOptions {
  distDir: string;
  route?: string;
  budgetBytes?: number;
  /** Folder of the route files, relative to the repository root. */
  routesDir?: string;
  /** Defaults to Vite's `<distDir>/.vite/manifest.json`. */
  manifestFile?: string;
}

const FORM_JS_SOURCE = 'node_modules/@bpmn-io/form-js-viewer/';
const FIRST_LOAD_CATALOGUE = /(^|\/)src\/app\/i18n\/locales\/[^/]+\/app\.po$/;

function listFiles(dir: string, prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
    return entry.isDirectory()
      ? listFiles(path.join(dir, entry.name), relative)
      : [relative];
  });
}

function measure(distDir: string, file: string): Chunk {
  const content = readFileSync(path.join(distDir, file));
  return { file, raw: content.length, gzip: gzipSync(content).length };
}

/** Whether a chunk's source map lists a form-js module; undefined without a map. */
function holdsFormJs(distDir: string, file: string): boolean | undefined {
  const mapFile = path.join(distDir, `${file}.map`);
  if (!existsSync(mapFile)) return undefined;
  const map = JSON.parse(readFileSync(mapFile, 'utf8')) as {
    sources?: string[];
  };
  return (map.sources ?? []).some((source) =>
    source.replace(/\\/g, '/').includes(FORM_JS_SOURCE),
  );
}

function sum(chunks: Chunk[], key: 'raw' | 'gzip'): number {
  return chunks.reduce((total, chunk) => total + chunk[key], 0);
}

function readManifest(file: string): Manifest {
  if (!existsSync(file)) {
    throw new Error(
      `${file} does not exist: run "npm run build" first (vite.config.ts sets build.manifest).`,
    );
  }
  return JSON.parse(readFileSync(file, 'utf8')) as Manifest;
}

/** Measures `dist/` and works out the first load of `route` (see the file header). */
export function analyze(options: SizeOptions): SizeReport {
  const { distDir } = options;
  const route = options.route ?? '/tasks';
  const budgetBytes = options.budgetBytes ?? 200_000;
  const manifest = readManifest(
    options.manifestFile ?? path.join(distDir, '.vite', 'manifest.json'),
  );
  const walk = walkFirstLoad(
    manifest,
    route,
    options.routesDir ?? 'src/app/routes',
  );
  const files = new Set(listFiles(distDir));
  const fileOf = (key: string) => manifest[key]?.file ?? '';
  const firstLoadJs = new Set([...walk.keys].map(fileOf));
  // The first render waits for the active language's `app` catalogue, a lazy
  // chunk per language; the largest one stands for whichever is active.
  const catalogue = Object.values(manifest)
    .filter((chunk) => FIRST_LOAD_CATALOGUE.test(chunk.src ?? ''))
    .map((chunk) => measure(distDir, chunk.file))
    .sort((a, b) => b.gzip - a.gzip)[0];
  if (catalogue) firstLoadJs.add(catalogue.file);
  const routeJs = new Set([...walk.routeKeys].map(fileOf));
  const entryJs = new Set(
    Object.values(manifest)
      .filter((chunk) => chunk.isEntry)
      .map((chunk) => chunk.file),
  );
  const indexHtml = path.join(distDir, 'index.html');
  const css = new Set([
    ...walk.css,
    ...(existsSync(indexHtml)
      ? linkedStylesheets(readFileSync(indexHtml, 'utf8'), files)
      : []),
  ]);
  const roleOf = (file: string) => {
    if (entryJs.has(file)) return 'entry';
    if (file === catalogue?.file) return 'catalogue (largest language)';
    if (routeJs.has(file)) return 'route chunk on the path';
    if (firstLoadJs.has(file)) return 'static import';
    if (css.has(file)) return 'stylesheet';
    return file.endsWith('.css') ? 'lazy stylesheet' : 'lazy';
  };

  const measured = [...files]
    .filter((file) => /\.(m?js|css)$/.test(file))
    .sort()
    .map((file) => measure(distDir, file));
  const chunks = measured.map((chunk) => ({
    ...chunk,
    firstLoad: firstLoadJs.has(chunk.file) || css.has(chunk.file),
    role: roleOf(chunk.file),
  }));
  const js = measured.filter((chunk) => firstLoadJs.has(chunk.file));
  const cssChunks = measured.filter((chunk) => css.has(chunk.file));

  const problems: string[] = [];
  const jsFiles = measured
    .map((chunk) => chunk.file)
    .filter((file) => /\.m?js$/.test(file));
  const formJs = new Map(
    jsFiles.map((file) => [file, holdsFormJs(distDir, file)]),
  );
  const formJsChunks = jsFiles.filter((file) => formJs.get(file) === true);
  // Rolldown's runtime chunk has no sources and so no map; a build without
  // any map is one where the check would be blind.
  const mapped = jsFiles.some((file) => formJs.get(file) !== undefined);
  const jsGzip = sum(js, 'gzip');
  if (jsGzip > budgetBytes) {
    problems.push(
      `The first load of ${route} is ${kb(jsGzip)} of gzipped JS, over the budget of ${kb(budgetBytes)}.`,
    );
  }
  for (const file of formJsChunks.filter((f) => firstLoadJs.has(f))) {
    problems.push(
      `form-js (@bpmn-io/form-js-viewer) is in ${file}, part of the first load of ${route}; it must stay in a lazy chunk.`,
    );
  }
  if (!mapped) {
    problems.push(
      'The build has no source maps (build.sourcemap), so the form-js check cannot see inside chunks.',
    );
  } else if (formJsChunks.length === 0) {
    problems.push(
      'form-js was not found in any chunk; is the task form still built?',
    );
  }
  return {
    route,
    budgetBytes,
    chunks,
    firstLoad: {
      js,
      css: cssChunks,
      jsGzip,
      jsRaw: sum(js, 'raw'),
      cssGzip: sum(cssChunks, 'gzip'),
    },
    lazy: [...walk.lazyKeys]
      .map(fileOf)
      .filter((file) => file !== catalogue?.file)
      .sort(),
    formJsChunks,
    problems,
  };
}

/** `123456` → `123.5 kB` (1 kB = 1000 bytes, as Vite prints). */
export function kb(bytes: number): string {
  return `${(bytes / 1000).toFixed(1)} kB`;
}

/** The report as a plain-text table plus a summary. */
export function formatReport(report: SizeReport): string {
  const rows = report.chunks.map((c) => [
    c.file,
    kb(c.raw),
    kb(c.gzip),
    c.firstLoad ? 'yes' : '',
    c.role,
  ]);
  const header = [
    'chunk',
    'raw',
    'gzip',
    `first load of ${report.route}`,
    'role',
  ];
  const widths = header.map((h, i) =>
    Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)),
  );
  const line = (cells: string[]) =>
    cells
      .map((cell, i) =>
        i === 1 || i === 2
          ? cell.padStart(widths[i] ?? 0)
          : cell.padEnd(widths[i] ?? 0),
      )
      .join('  ')
      .trimEnd();
  const { firstLoad } = report;
  return [
    line(header),
    line(widths.map((w) => '-'.repeat(w))),
    ...rows.map(line),
    '',
    `First load of ${report.route}: ${kb(firstLoad.jsGzip)} gzipped JS (${kb(firstLoad.jsRaw)} raw) in ${firstLoad.js.length} chunks, budget ${kb(report.budgetBytes)}; CSS ${kb(firstLoad.cssGzip)} gzipped.`,
    `form-js is in: ${report.formJsChunks.join(', ') || 'no chunk'}.`,
    `Loaded later, on demand: ${report.lazy.join(', ') || 'nothing'}.`,
  ].join('\n');
}

function argValue(argv: string[], name: string): string | undefined {
  const index = argv.indexOf(name);
  return index >= 0 ? argv[index + 1] : undefined;
}

type Print = (line: string) => void;

/** CLI: `[--check] [--dist dir] [--route /tasks] [--budget-kb 200] [--out file]`. Returns the exit code. */
export function main(
  argv: string[],
  log: Print = console.log,
  error: Print = console.error,
): number {
  const distDir = path.resolve(ROOT, argValue(argv, '--dist') ?? 'dist');
  const out = path.resolve(
    ROOT,
    argValue(argv, '--out') ?? '.ci-out/size.json',
  );
  const budgetKb = Number(argValue(argv, '--budget-kb') ?? 200);
  if (!Number.isFinite(budgetKb) || budgetKb <= 0) {
    error('--budget-kb needs a positive number of kilobytes.');
    return 2;
  }
  let report: SizeReport;
  try {
    report = analyze({
      distDir,
      route: argValue(argv, '--route') ?? '/tasks',
      budgetBytes: budgetKb * 1000,
    });
  } catch (cause) {
    error(cause instanceof Error ? cause.message : String(cause));
    return 2;
  }
  mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify(report, null, 2)}\n`);
  log(formatReport(report));
  if (!argv.includes('--check')) return 0;
  if (report.problems.length > 0) {
    error(
      `\nBundle budget FAILED:\n${report.problems.map((p) => `- ${p}`).join('\n')}`,
    );
    return 1;
  }
  log('\nBundle budget ok.');
  return 0;
}

if (
  process.argv[1] &&
  import.meta.url === pathToFileURL(process.argv[1]).href
) {
  process.exit(main(process.argv.slice(2)));
}
