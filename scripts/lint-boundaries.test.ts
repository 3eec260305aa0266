import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * The import boundaries are the architecture's main promise (the SPA holds no
 * server code, and no secret can be bundled by accident), so we prove that
 * lint really rejects a crossing rather than trusting the config.
 */
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const probeDir = path.join(ROOT, 'src/app/lint-probe');
const bffProbeDir = path.join(ROOT, 'src/bff/lint-probe');

function ruleIds(results: ESLint.LintResult[]): (string | null)[] {
  return results.flatMap((r) => r.messages.map((m) => m.ruleId));
}

describe('import boundaries', () => {
  const eslint = new ESLint({ cwd: ROOT });

  beforeAll(() => {
    mkdirSync(probeDir, { recursive: true });
    mkdirSync(bffProbeDir, { recursive: true });
  });
  afterAll(() => {
    rmSync(probeDir, { recursive: true, force: true });
    rmSync(bffProbeDir, { recursive: true, force: true });
  });

  it('fails lint when the SPA imports a node part', async () => {
    const file = path.join(probeDir, 'imports-bff.ts');
    writeFileSync(
      file,
      "import { app } from '../../bff/app';\nexport const probe = app;\n",
    );
    const results = await eslint.lintFiles([file]);
    expect(ruleIds(results)).toContain('import-x/no-restricted-paths');
  });

  it('fails lint when the SPA imports a Node built-in or a server library', async () => {
    const file = path.join(probeDir, 'imports-node.ts');
    writeFileSync(
      file,
      "import { readFileSync } from 'node:fs';\nimport Fastify from 'fastify';\nexport const probe = [readFileSync, Fastify];\n",
    );
    const results = await eslint.lintFiles([file]);
    expect(
      ruleIds(results).filter((id) => id === 'no-restricted-imports'),
    ).toHaveLength(2);
  });

  it('fails lint when SPA code outside src/app/auth imports the OIDC library', async () => {
    const file = path.join(probeDir, 'imports-oidc.ts');
    writeFileSync(
      file,
      "import { UserManager } from 'oidc-client-ts';\nexport const probe = UserManager;\n",
    );
    const results = await eslint.lintFiles([file]);
    expect(ruleIds(results)).toContain('no-restricted-imports');
  });

  it('fails lint when one node part imports another', async () => {
    const file = path.join(bffProbeDir, 'imports-launcher.ts');
    writeFileSync(
      file,
      "import { serviceSpecs } from '../../launcher';\nexport const probe = serviceSpecs;\n",
    );
    const results = await eslint.lintFiles([file]);
    expect(ruleIds(results)).toContain('import-x/no-restricted-paths');
  });

  it('accepts an import inside the same part', async () => {
    writeFileSync(
      path.join(probeDir, 'helper.ts'),
      'export const helper = 1;\n',
    );
    const file = path.join(probeDir, 'imports-own.ts');
    writeFileSync(
      file,
      "import { helper } from './helper';\nexport const probe = helper;\n",
    );
    const results = await eslint.lintFiles([file]);
    expect(ruleIds(results)).toEqual([]);
  });
});
