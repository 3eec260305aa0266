/**
 * A second Node.js line for `npm test` (`TEST_ALSO_ON_NODE=24`, which
 * `.ci/run` sets): the official binary from the npm registry's
 * `node-<platform>-<arch>` package, installed into a temporary prefix (never
 * into package.json), and better-sqlite3 compiled for its ABI in a copy of
 * the package, so the project's own node_modules keep serving the machine's
 * Node.
 */
import {
  copyFileSync,
  cpSync,
  existsSync,
  mkdtempSync,
  renameSync,
  rmSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runStep } from './run-step';

export interface ExtraNode {
  major: string;
  /** The `node` executable. */
  bin: string;
  /** The folder holding it, to put first on PATH. */
  binDir: string;
  /** better-sqlite3's native module built for this Node. */
  sqliteBinding: string;
  /** Removes the temporary prefix. */
  dispose: () => void;
}

type Run = typeof runStep;

/** npm's own node-gyp, which npm names to the scripts it runs. */
function nodeGypScript(npmCli: string): string {
  const fromNpm = process.env.npm_config_node_gyp;
  if (fromNpm && existsSync(fromNpm)) return fromNpm;
  return path.join(
    path.dirname(npmCli),
    '..',
    'node_modules',
    'node-gyp',
    'bin',
    'node-gyp.js',
  );
}

/**
 * The environment for node-gyp: npm passes its configuration to scripts as
 * `npm_config_*` variables, and node-gyp prefers them to its command line,
 * so a distribution's `nodedir=/usr` would build against the machine Node's
 * headers.
 */
export function withoutNpmConfig(binDir: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (!name.toLowerCase().startsWith('npm_')) env[name] = value;
  }
  env.PATH = `${binDir}${path.delimiter}${process.env.PATH ?? ''}`;
  return env;
}

/**
 * Installs Node `major` and builds better-sqlite3 for it. Returns undefined
 * (after printing why) when a step fails; `gate` records each step.
 */
export function prepareExtraNode(
  major: string,
  root: string,
  gate: (name: string, ok: boolean) => void,
  run: Run = runStep,
): ExtraNode | undefined {
  const prefix = mkdtempSync(path.join(tmpdir(), `node${major}-`));
  const dispose = () => {
    rmSync(prefix, { recursive: true, force: true });
  };
  const npmCli = process.env.npm_execpath;
  if (!npmCli) {
    console.error('TEST_ALSO_ON_NODE needs npm: run it as `npm test`.');
    gate(`Node ${major}: npm`, false);
    dispose();
    return undefined;
  }
  const pkg = `node-${process.platform}-${process.arch}`;
  const installed = run(
    `Node ${major}: install ${pkg}@${major} from the npm registry`,
    process.execPath,
    [
      npmCli,
      'install',
      '--prefix',
      prefix,
      '--no-save',
      '--no-package-lock',
      '--ignore-scripts',
      '--no-audit',
      '--no-fund',
      '--loglevel=error',
      `${pkg}@${major}`,
    ],
    { cwd: prefix },
  );
  const home = path.join(prefix, 'node_modules', pkg);
  const binDir = path.join(home, 'bin');
  const bin = path.join(binDir, 'node');
  const versionOk =
    installed &&
    existsSync(bin) &&
    run(`Node ${major}: version`, bin, [
      '-e',
      `if (process.versions.node.split('.')[0] !== '${major}') process.exit(1); console.log(process.version)`,
    ]);
  gate(`Node ${major}: installed`, versionOk);
  if (!versionOk) {
    dispose();
    return undefined;
  }

  // A copy, so the machine Node's build in node_modules stays untouched.
  const copy = path.join(prefix, 'better-sqlite3');
  cpSync(path.join(root, 'node_modules', 'better-sqlite3'), copy, {
    recursive: true,
    filter: (source) => !source.includes(`${path.sep}build${path.sep}`),
  });
  rmSync(path.join(copy, 'build'), { recursive: true, force: true });
  const built = run(
    `Node ${major}: build better-sqlite3 for its ABI`,
    bin,
    [
      nodeGypScript(npmCli),
      'rebuild',
      '--release',
      `--nodedir=${home}`,
      '--jobs=max',
      '--loglevel=warn',
    ],
    { cwd: copy, env: withoutNpmConfig(binDir) },
  );
  const sqliteBinding = path.join(
    copy,
    'build',
    'Release',
    'better_sqlite3.node',
  );
  // Proof that the build is for this Node's ABI: open a database with it.
  const bindingOk =
    built &&
    existsSync(sqliteBinding) &&
    run(`Node ${major}: better-sqlite3 loads`, bin, [
      '-e',
      `const Database = require(${JSON.stringify(path.join(root, 'node_modules', 'better-sqlite3'))});` +
        `const db = new Database(':memory:', { nativeBinding: ${JSON.stringify(sqliteBinding)} });` +
        `console.log('SQLite', db.prepare('select sqlite_version() as v').get().v, 'on', process.version);`,
    ]);
  gate(`Node ${major}: better-sqlite3 built for it`, bindingOk);
  if (!bindingOk) {
    dispose();
    return undefined;
  }
  return { major, bin, binDir, sqliteBinding, dispose };
}

/**
 * Runs `fn` with `replacement` in place of the project's better-sqlite3
 * binding, and puts the original back afterwards, whatever happens.
 */
export function withSqliteBinding<T>(
  root: string,
  replacement: string,
  fn: () => T,
): T {
  const target = path.join(
    root,
    'node_modules',
    'better-sqlite3',
    'build',
    'Release',
    'better_sqlite3.node',
  );
  const saved = `${target}.machine-node`;
  // Renamed into place, never written over: a process that has the old file
  // loaded keeps its copy.
  const put = (source: string) => {
    const next = `${target}.next`;
    copyFileSync(source, next);
    renameSync(next, target);
  };
  copyFileSync(target, saved);
  let restored = false;
  const restore = () => {
    if (restored) return;
    restored = true;
    put(saved);
    rmSync(saved, { force: true });
  };
  // Stopping the run must not leave the other Node's build behind.
  const onSignal = () => {
    restore();
    process.exit(130);
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    put(replacement);
    return fn();
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    restore();
  }
}
