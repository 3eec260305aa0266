/**
 * `npm run size`: the size of every chunk in `dist/` after `vite build`, and
 * the first load of one route (default `/tasks`), in bytes and gzipped bytes.
 * `--check` fails when that first load exceeds the JS budget or pulls in
 * form-js. The report also goes to `.ci-out/size.json`.
 *
 * How the first load is found (no Vite manifest needed):
 * 1. The entry is the module script in `dist/index.html`; its modulepreload
 *    links and the static `import … from "./x.js"` statements inside chunks
 *    are followed transitively.
 * 2. Every dynamic `import("./x.js")` in that set is a candidate. The TanStack
 *    router plugin splits each route's component into its own chunk, whose
 *    source map lists `src/app/routes/<file>?tsr-split=<kind>`. Without
 *    source maps the chunk's file name (`<route file>-<hash>.js`) and its
 *    exports (`export{x as component}`) say the same.
 * 3. A route chunk counts when its route file is on the path of the URL (root,
 *    pathless layouts such as `_authenticated`, `tasks`, and `tasks.index`, but
 *    not `tasks.$taskId`) and it holds what renders on arrival: the
 *    `component` or `pendingComponent`, not `errorComponent` or
 *    `notFoundComponent`. Its static imports count too.
 * 4. Other dynamic imports reachable from that set load on demand; they are
 *    listed, not counted.
 * Sizes: raw bytes, and gzip at Node's default level (what a server sends
 * with default settings); Vite's own printout differs by about 1 %.
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
}

const SPLIT_ON_ARRIVAL = new Set(['component', 'pendingComponent']);
const SPLIT_KINDS = [
  'component',
  'pendingComponent',
  'errorComponent',
  'notFoundComponent',
];
const FORM_JS_SOURCE = 'node_modules/@bpmn-io/form-js-viewer/';
// Used when a chunk has no source map: a class name only form-js renders.
const FORM_JS_MARKER = 'fjs-powered-by';

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
  return {
    file,
    raw: content.length,
    gzip: gzipSync(content).length,
  };
}

/** Maps an `href`/`src` from index.html to a dist-relative path. */
function fromHtmlUrl(url: string, files: Set<string>): string | undefined {
  const clean = url.replace(/[?#].*$/, '').replace(/^\.?\//, '');
  if (files.has(clean)) return clean;
  // A non-root `base` (e.g. /app/assets/x.js): match on the assets path.
  return [...files].find((file) => clean.endsWith(`/${file}`));
}

export interface HtmlAssets {
  entries: string[];
  preloads: string[];
  styles: string[];
}

/** Entry scripts, modulepreload links and stylesheets of the built index.html. */
export function parseHtml(html: string, files: Set<string>): HtmlAssets {
  const pick = (pattern: RegExp) =>
    [...html.matchAll(pattern)]
      .map((match) => fromHtmlUrl(match[1] ?? '', files))
      .filter((file): file is string => file !== undefined);
  return {
    entries: pick(
      /<script\b[^>]*\btype=["']module["'][^>]*\bsrc=["']([^"']+)["']/g,
    ),
    preloads: pick(
      /<link\b[^>]*\brel=["']modulepreload["'][^>]*\bhref=["']([^"']+)["']/g,
    ),
    styles: pick(
      /<link\b[^>]*\brel=["']stylesheet["'][^>]*\bhref=["']([^"']+)["']/g,
    ),
  };
}

const QUOTED = '["\'`](\\.{1,2}\\/[^"\'`]+?)["\'`]';

/** Specifiers of static imports and re-exports (`import … from "./x.js"`, `import "./x.js"`). */
export function staticImports(code: string): string[] {
  const from = new RegExp(`\\bfrom\\s*${QUOTED}`, 'g');
  const bare = new RegExp(`\\bimport\\s*${QUOTED}`, 'g');
  return [...code.matchAll(from), ...code.matchAll(bare)].map(
    (m) => m[1] ?? '',
  );
}

/** Specifiers of dynamic imports (`import("./x.js")`). */
export function dynamicImports(code: string): string[] {
  const pattern = new RegExp(`\\bimport\\(\\s*${QUOTED}\\s*\\)`, 'g');
  return [...code.matchAll(pattern)].map((m) => m[1] ?? '');
}

/** Export names of a chunk (`export{a as component,b}`). */
export function exportNames(code: string): string[] {
  return [...code.matchAll(/\bexport\s*\{([^}]*)\}/g)].flatMap((match) =>
    (match[1] ?? '')
      .split(',')
      .map(
        (part) =>
          part
            .trim()
            .split(/\s+as\s+/)
            .pop() ?? '',
      )
      .filter(Boolean),
  );
}

function resolveSpecifier(fromFile: string, specifier: string): string {
  return path.posix.normalize(
    path.posix.join(path.posix.dirname(fromFile), specifier),
  );
}

/** CSS files Vite preloads with each dynamic import (`__vite__mapDeps`). */
function preloadedCss(
  code: string,
  fromFile: string,
  target: string,
): string[] {
  const list = /m\.f=(\[[^\]]*\])/.exec(code)?.[1];
  if (!list) return [];
  const deps = JSON.parse(list) as string[];
  const calls = code.matchAll(
    new RegExp(
      `import\\(\\s*${QUOTED}\\s*\\)\\s*,\\s*__vite__mapDeps\\(\\[([\\d,]*)\\]`,
      'g',
    ),
  );
  for (const call of calls) {
    if (resolveSpecifier(fromFile, call[1] ?? '') !== target) continue;
    return (call[2] ?? '')
      .split(',')
      .map((index) => deps[Number(index)] ?? '')
      .filter((dep) => dep.endsWith('.css'));
  }
  return [];
}

export interface RouteChunk {
  /** Route file relative to the routes folder, without extension. */
  routeFile: string;
  split: string;
}

/** Which route (and which split part of it) a chunk holds, if any. */
export function routeOf(
  file: string,
  code: string,
  sources: string[] | undefined,
  routesDir: string,
): RouteChunk | undefined {
  const marker = `${routesDir.replace(/\/$/, '')}/`;
  for (const source of sources ?? []) {
    const match = /^(.*)\?tsr-split=([\w-]+)/.exec(source.replace(/\\/g, '/'));
    const at = match?.[1]?.lastIndexOf(marker) ?? -1;
    if (!match?.[1] || at < 0) continue;
    const routeFile = match[1]
      .slice(at + marker.length)
      .replace(/\.[jt]sx?$/, '');
    return { routeFile, split: match[2] ?? '' };
  }
  if (sources) return undefined;
  // No source map: rolldown names the chunk after the route file (`$` → `_`).
  const split = exportNames(code).find((name) => SPLIT_KINDS.includes(name));
  if (!split) return undefined;
  return { routeFile: routeFileFromChunkName(file), split };
}

/**
 * `_authenticated.tasks._taskId-AbCd1234.js` → `_authenticated.tasks.$taskId`.
 * File names cannot hold `$`, so rolldown writes `_`; a `_` segment after a
 * path segment is taken as a parameter, one before as a pathless layout.
 */
function routeFileFromChunkName(file: string): string {
  const name = path.posix.basename(file).replace(/-[\w-]{8}\.js$/, '');
  let seenPath = false;
  return name
    .split('.')
    .map((part) => {
      if (!part.startsWith('_')) seenPath = true;
      else if (seenPath) return `$${part.slice(1)}`;
      return part;
    })
    .join('.');
}

/**
 * Whether a route file lies on the path of `url` under TanStack's file naming:
 * `.` and `/` nest, `_x` is a pathless layout, `(x)` a group, `index` the
 * index route, `$x` a parameter, `$` a splat, `route` the folder's own route.
 */
export function isOnRoutePath(routeFile: string, url: string): boolean {
  if (routeFile === '__root') return true;
  const wanted = url.split('/').filter(Boolean);
  const parts = routeFile
    .split(/[./]/)
    .filter((part) => part && part !== 'route' && !/^\(.*\)$/.test(part));
  const isIndex = parts.at(-1) === 'index';
  const segments = (isIndex ? parts.slice(0, -1) : parts)
    .filter((part) => !part.startsWith('_'))
    .map((part) => part.replace(/_$/, ''));
  if (segments.length > wanted.length) return false;
  for (const [index, segment] of segments.entries()) {
    if (segment === '$') return true;
    if (!segment.startsWith('$') && segment !== wanted[index]) return false;
  }
  return !isIndex || segments.length === wanted.length;
}

interface Dist {
  dir: string;
  files: Set<string>;
  code: Map<string, string>;
  sources: Map<string, string[] | undefined>;
}

function readSources(dir: string, file: string): string[] | undefined {
  const mapFile = path.join(dir, `${file}.map`);
  if (!existsSync(mapFile)) return undefined;
  const map = JSON.parse(readFileSync(mapFile, 'utf8')) as {
    sources?: string[];
  };
  return map.sources ?? [];
}

function loadDist(dir: string): Dist {
  const files = new Set(listFiles(dir).map((file) => file.replace(/\\/g, '/')));
  const code = new Map<string, string>();
  const sources = new Map<string, string[] | undefined>();
  for (const file of files) {
    if (!file.endsWith('.js')) continue;
    code.set(file, readFileSync(path.join(dir, file), 'utf8'));
    sources.set(file, readSources(dir, file));
  }
  return { dir, files, code, sources };
}

/** Adds `start` and everything it imports statically to `into`. */
function staticClosure(dist: Dist, start: string[], into: Set<string>): void {
  const queue = [...start];
  while (queue.length > 0) {
    const file = queue.shift() ?? '';
    if (into.has(file) || !dist.code.has(file)) continue;
    into.add(file);
    for (const specifier of staticImports(dist.code.get(file) ?? '')) {
      queue.push(resolveSpecifier(file, specifier));
    }
  }
}

function hasFormJs(dist: Dist, file: string): boolean {
  const sources = dist.sources.get(file);
  if (sources) return sources.some((source) => source.includes(FORM_JS_SOURCE));
  return (dist.code.get(file) ?? '').includes(FORM_JS_MARKER);
}

function sum(chunks: Chunk[], key: 'raw' | 'gzip'): number {
  return chunks.reduce((total, chunk) => total + chunk[key], 0);
}

interface Walk {
  firstLoad: Set<string>;
  routeChunks: Set<string>;
  css: Set<string>;
  lazy: Set<string>;
}

function walkFirstLoad(
  dist: Dist,
  html: HtmlAssets,
  route: string,
  routesDir: string,
): Walk {
  const walk: Walk = {
    firstLoad: new Set(),
    routeChunks: new Set(),
    css: new Set(html.styles),
    lazy: new Set(),
  };
  staticClosure(dist, [...html.entries, ...html.preloads], walk.firstLoad);
  // New route chunks may import shared chunks with further route imports.
  for (let grew = true; grew;) {
    grew = false;
    for (const file of [...walk.firstLoad]) {
      const code = dist.code.get(file) ?? '';
      for (const target of dynamicImports(code).map((s) =>
        resolveSpecifier(file, s),
      )) {
        if (walk.firstLoad.has(target) || !dist.code.has(target)) continue;
        const info = routeOf(
          target,
          dist.code.get(target) ?? '',
          dist.sources.get(target),
          routesDir,
        );
        if (
          info &&
          SPLIT_ON_ARRIVAL.has(info.split) &&
          isOnRoutePath(info.routeFile, route)
        ) {
          walk.routeChunks.add(target);
          staticClosure(dist, [target], walk.firstLoad);
          for (const css of preloadedCss(code, file, target)) walk.css.add(css);
          grew = true;
        }
      }
    }
  }
  for (const file of walk.firstLoad) {
    for (const specifier of dynamicImports(dist.code.get(file) ?? '')) {
      const target = resolveSpecifier(file, specifier);
      if (!walk.firstLoad.has(target) && dist.code.has(target))
        walk.lazy.add(target);
    }
  }
  return walk;
}

function roleOf(file: string, html: HtmlAssets, walk: Walk): string {
  if (html.entries.includes(file)) return 'entry';
  if (walk.routeChunks.has(file)) return 'route chunk on the path';
  if (walk.firstLoad.has(file)) return 'static import';
  if (walk.css.has(file)) return 'stylesheet';
  return file.endsWith('.css') ? 'lazy stylesheet' : 'lazy';
}

/** Measures `dist/` and works out the first load of `route` (see the file header). */
export function analyze(options: SizeOptions): SizeReport {
  const route = options.route ?? '/tasks';
  const budgetBytes = options.budgetBytes ?? 200_000;
  const dist = loadDist(options.distDir);
  const indexHtml = path.join(options.distDir, 'index.html');
  if (!existsSync(indexHtml)) {
    throw new Error(`${indexHtml} does not exist: run "npm run build" first.`);
  }
  const html = parseHtml(readFileSync(indexHtml, 'utf8'), dist.files);
  if (html.entries.length === 0)
    throw new Error('index.html has no module script');
  const walk = walkFirstLoad(
    dist,
    html,
    route,
    options.routesDir ?? 'src/app/routes',
  );

  const measured = [...dist.files]
    .filter((file) => /\.(m?js|css)$/.test(file))
    .sort()
    .map((file) => measure(options.distDir, file));
  const chunks = measured.map((chunk) => ({
    ...chunk,
    firstLoad: walk.firstLoad.has(chunk.file) || walk.css.has(chunk.file),
    role: roleOf(chunk.file, html, walk),
  }));
  const js = measured.filter((chunk) => walk.firstLoad.has(chunk.file));
  const css = measured.filter((chunk) => walk.css.has(chunk.file));
  const formJsChunks = [...dist.code.keys()]
    .filter((file) => hasFormJs(dist, file))
    .sort();

  const problems: string[] = [];
  const jsGzip = sum(js, 'gzip');
  if (jsGzip > budgetBytes) {
    problems.push(
      `The first load of ${route} is ${kb(jsGzip)} of gzipped JS, over the budget of ${kb(budgetBytes)}.`,
    );
  }
  for (const file of formJsChunks.filter((f) => walk.firstLoad.has(f))) {
    problems.push(
      `form-js (@bpmn-io/form-js-viewer) is in ${file}, part of the first load of ${route}; it must stay in a lazy chunk.`,
    );
  }
  if (formJsChunks.length === 0) {
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
      css,
      jsGzip,
      jsRaw: sum(js, 'raw'),
      cssGzip: sum(css, 'gzip'),
    },
    lazy: [...walk.lazy].sort(),
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
