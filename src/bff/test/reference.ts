import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Camunda's published files live in the workspace's `shared/reference`
 * folder beside the repository, never in it. Without it a suite skips with
 * a reason; with `CI` set a missing file fails the suite instead.
 */
const REFERENCE_ROOT = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../../shared/reference',
);

export function referenceFile(
  relative: string,
  what: string,
): { path: string; available: boolean } {
  const absolute = path.join(REFERENCE_ROOT, relative);
  const available = existsSync(absolute);
  if (!available) {
    const reason = `${what}: ${absolute} is missing (it ships with the project workspace, not with a clone of the repository)`;
    if (process.env.CI)
      throw new Error(`CI needs the reference files. ${reason}`);
    console.warn(`Skipping ${reason}.`);
  }
  return { path: absolute, available };
}
