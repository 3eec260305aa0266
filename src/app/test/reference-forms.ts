/**
 * The real Camunda Forms in ../shared/reference/forms: form-js's own fixtures
 * and forms from Camunda's tutorials and examples. They live outside this
 * repository and are read in place, never copied. A user's clone has no such
 * folder, so tests that need them skip with
 * {@link REFERENCE_FORMS_SKIP_REASON}; CI always has it, so with `CI` set a
 * missing or empty folder fails the test file instead of letting it pass
 * with nothing checked.
 */
import { listReferenceForms, type Env } from './list-reference-forms';

interface NodeFs {
  readFileSync(path: string, encoding: 'utf8'): string;
}
// The files are outside the repository, so only Node can read them; tests run
// in Node even under a DOM emulation. The app's tsconfig has no Node types and
// lint keeps `node:` imports out of browser code, so fs and process are
// reached untyped here. Test-only: this module is never bundled.
const FS_MODULE = 'node:fs';
const fs = (await import(/* @vite-ignore */ FS_MODULE)) as NodeFs;
const processEnv: Env =
  (globalThis as { process?: { env: Env } }).process?.env ?? {};

/** Relative to the repository root, where vitest runs. */
export const REFERENCE_FORMS_DIR = '../shared/reference/forms';

export const REFERENCE_FORMS_SKIP_REASON = `the reference forms are not present at ${REFERENCE_FORMS_DIR} (they live outside this repository)`;

/** Names of the reference forms, sorted; empty (outside CI) when absent. */
export const REFERENCE_FORM_NAMES: readonly string[] = listReferenceForms(
  REFERENCE_FORMS_DIR,
  processEnv,
);

/** The schema of one reference form, as text (what Tasklist's `Form.schema` holds). */
export function readReferenceForm(name: string): string {
  return fs.readFileSync(`${REFERENCE_FORMS_DIR}/${name}.form.json`, 'utf8');
}
