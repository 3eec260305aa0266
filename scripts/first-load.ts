/**
 * The first load of a URL, read from Vite's build manifest: the entry, its
 * static imports, and the route chunks TanStack's router plugin split off
 * that render on arrival (see scripts/size.ts for the whole method).
 */

/** One chunk of Vite's build manifest (vite/types: ManifestChunk). */
export interface ManifestChunk {
  file: string;
  src?: string;
  name?: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
  assets?: string[];
}

export type Manifest = Record<string, ManifestChunk>;

const ON_ARRIVAL = new Set(['component', 'pendingComponent']);

export interface RouteChunk {
  /** Route file relative to the routes folder, without extension. */
  routeFile: string;
  /** What the router plugin put into the chunk (`component`, `errorComponent`, …). */
  parts: string[];
}

/** Which route, and which parts of it, a manifest chunk holds (from its `src`). */
export function routeOf(
  chunk: ManifestChunk,
  routesDir: string,
): RouteChunk | undefined {
  const [file = '', query = ''] = (chunk.src ?? '').split('?');
  const split = new URLSearchParams(query).get('tsr-split');
  const prefix = `${routesDir.replace(/\/$/, '')}/`;
  if (!split || !file.startsWith(prefix)) return undefined;
  return {
    routeFile: file.slice(prefix.length).replace(/\.[jt]sx?$/, ''),
    // The plugin joins grouped parts with `---` (e.g. `loader---component`).
    parts: split.split('---'),
  };
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

/** Stylesheets `index.html` links itself (public files the manifest does not list). */
export function linkedStylesheets(html: string, files: Set<string>): string[] {
  return [
    ...html.matchAll(
      /<link\b[^>]*\brel=["']stylesheet["'][^>]*\bhref=["']([^"']+)["']/g,
    ),
  ]
    .map((match) => (match[1] ?? '').replace(/[?#].*$/, '').replace(/^\//, ''))
    .filter((file) => files.has(file));
}

export interface FirstLoad {
  /** Manifest keys of the chunks loaded on arrival. */
  keys: Set<string>;
  routeKeys: Set<string>;
  /** Manifest keys imported dynamically by the first load, but not part of it. */
  lazyKeys: Set<string>;
  css: Set<string>;
}

/** Walks the manifest from the entry for `url` (see the file header). */
export function walkFirstLoad(
  manifest: Manifest,
  url: string,
  routesDir: string,
): FirstLoad {
  const entries = Object.keys(manifest).filter((key) => manifest[key]?.isEntry);
  if (entries.length === 0) throw new Error('The manifest has no entry chunk.');
  const walk: FirstLoad = {
    keys: new Set(),
    routeKeys: new Set(),
    lazyKeys: new Set(),
    css: new Set(),
  };
  const addStatic = (start: string) => {
    const queue = [start];
    for (let key = queue.shift(); key !== undefined; key = queue.shift()) {
      const chunk = manifest[key];
      if (!chunk || walk.keys.has(key)) continue;
      walk.keys.add(key);
      for (const css of chunk.css ?? []) walk.css.add(css);
      queue.push(...(chunk.imports ?? []));
    }
  };
  for (const entry of entries) addStatic(entry);
  // A route chunk on the path may import further route chunks.
  for (let grew = true; grew;) {
    grew = false;
    for (const key of [...walk.keys]) {
      for (const target of manifest[key]?.dynamicImports ?? []) {
        const chunk = manifest[target];
        if (!chunk || walk.keys.has(target)) continue;
        const route = routeOf(chunk, routesDir);
        if (
          route?.parts.some((part) => ON_ARRIVAL.has(part)) &&
          isOnRoutePath(route.routeFile, url)
        ) {
          walk.routeKeys.add(target);
          addStatic(target);
          grew = true;
        }
      }
    }
  }
  for (const key of walk.keys) {
    for (const target of manifest[key]?.dynamicImports ?? []) {
      if (!walk.keys.has(target) && manifest[target]) walk.lazyKeys.add(target);
    }
  }
  return walk;
}
