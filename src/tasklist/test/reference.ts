import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Camunda's own files (the official schema, real BPMN and forms, the v2
 * OpenAPI document) sit in the workspace's `shared/reference` folder beside
 * the repository, never inside it. A user's clone has no such folder, so
 * suites that read it skip there with a reason; CI always has it, so with
 * `CI` set a missing folder fails the suite instead of letting it pass empty.
 */
const REPO_ROOT = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../..',
);

export const REFERENCE_ROOT = path.resolve(REPO_ROOT, '../shared/reference');

export interface ReferenceFile {
  /** Absolute path of the file or folder. */
  path: string;
  /** Whether it exists; suites use `describe.skipIf(!ref.available)`. */
  available: boolean;
}

export interface ReferenceOptions {
  /** Where the reference folder is; tests of this helper point it elsewhere. */
  root?: string;
  env?: NodeJS.ProcessEnv;
}

/** `CI=true`, `CI=1` and the like; an empty value, `false` or `0` is not CI. */
export function isCi(env: NodeJS.ProcessEnv): boolean {
  const value = env.CI?.trim().toLowerCase() ?? '';
  return value !== '' && value !== 'false' && value !== '0';
}

/**
 * Locates `shared/reference/<relative>`. When it is absent it warns with
 * `what` as the reason, or throws when `CI` is set, which fails the test file
 * that asked for it.
 */
export function referenceFile(
  relative: string,
  what: string,
  options: ReferenceOptions = {},
): ReferenceFile {
  const absolute = path.join(options.root ?? REFERENCE_ROOT, relative);
  const available = existsSync(absolute);
  if (!available) {
    const reason = `${what}: ${absolute} is missing (it ships with the project workspace, not with a clone of the repository)`;
    if (isCi(options.env ?? process.env))
      throw new Error(`CI needs the reference files. ${reason}`);
    console.warn(`Skipping ${reason}.`);
  }
  return { path: absolute, available };
}
