/**
 * Finding the reference forms, apart from reference-forms.ts, whose module
 * fails under CI when they are missing: this part can be tested anywhere.
 */
interface NodeFs {
  existsSync(path: string): boolean;
  readdirSync(path: string): string[];
}
export type Env = Record<string, string | undefined>;
// Test-only, like reference-forms.ts: fs is loaded untyped because the app's
// tsconfig has no Node types and lint keeps `node:` imports out of the app.
const FS_MODULE = 'node:fs';
const fs = (await import(/* @vite-ignore */ FS_MODULE)) as NodeFs;

/** `CI=true`, `CI=1` and the like; an empty value, `false` or `0` is not CI. */
export function isCi(env: Env): boolean {
  const value = env.CI?.trim().toLowerCase() ?? '';
  return value !== '' && value !== 'false' && value !== '0';
}

/**
 * Names of the forms in `dir` (file names without `.form.json`), sorted.
 * Empty when the folder is absent or holds no form; then throws instead
 * when `env` says this is CI.
 */
export function listReferenceForms(dir: string, env: Env): readonly string[] {
  const names = fs.existsSync(dir)
    ? fs
        .readdirSync(dir)
        .filter((file) => file.endsWith('.form.json'))
        .map((file) => file.slice(0, -'.form.json'.length))
        .sort()
    : [];
  if (names.length === 0 && isCi(env)) {
    throw new Error(
      `CI needs the reference forms: no *.form.json in ${dir} (they ship with the project workspace, not with a clone of the repository)`,
    );
  }
  return names;
}
