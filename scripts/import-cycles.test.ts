import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * `import-x/no-cycle` follows value imports only. This check is stricter:
 * no module in `src/` may reach itself through imports of any kind, type-only
 * and dynamic ones included. Such a cycle is harmless at run time, but it
 * means two modules each hold half of one contract (the form-js adapter had
 * one until `contract.ts` took the shared types, docs/forms.md).
 */
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(file);
    return /\.tsx?$/.test(entry.name) ? [file] : [];
  });
}

/** Relative specifiers only: packages cannot import our modules back. */
function resolveImport(from: string, specifier: string): string | undefined {
  if (!specifier.startsWith('.')) return undefined;
  const base = path.resolve(path.dirname(from), specifier.replace(/\?.*$/, ''));
  return [base, `${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts')].find(
    (candidate) =>
      /\.tsx?$/.test(candidate) &&
      existsSync(candidate) &&
      statSync(candidate).isFile(),
  );
}

/** Every import of every module: static, type-only, re-exports and `import()`. */
function importGraph(files: string[]): Map<string, string[]> {
  return new Map(
    files.map((file) => {
      const { importedFiles } = ts.preProcessFile(
        readFileSync(file, 'utf8'),
        true,
        true,
      );
      const targets = importedFiles
        .map((imported) => resolveImport(file, imported.fileName))
        .filter((target): target is string => target !== undefined);
      return [file, [...new Set(targets)]];
    }),
  );
}

/** Groups of modules that reach each other (Tarjan's strongly connected components). */
function findCycles(graph: Map<string, string[]>): string[][] {
  let counter = 0;
  const order = new Map<string, number>();
  const lowest = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (node: string): void => {
    order.set(node, counter);
    lowest.set(node, counter);
    counter += 1;
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!order.has(next)) {
        visit(next);
        lowest.set(
          node,
          Math.min(lowest.get(node) ?? 0, lowest.get(next) ?? 0),
        );
      } else if (onStack.has(next)) {
        lowest.set(node, Math.min(lowest.get(node) ?? 0, order.get(next) ?? 0));
      }
    }
    if (lowest.get(node) !== order.get(node)) return;
    const group: string[] = [];
    for (let member = stack.pop(); member !== undefined; member = stack.pop()) {
      onStack.delete(member);
      group.push(member);
      if (member === node) break;
    }
    if (group.length > 1 || (graph.get(node) ?? []).includes(node)) {
      cycles.push(group.sort());
    }
  };
  for (const node of graph.keys()) if (!order.has(node)) visit(node);
  return cycles;
}

describe('import cycles', () => {
  it('finds a cycle made of a dynamic import and a type-only one', () => {
    const graph = new Map([
      ['form.tsx', ['viewer.tsx']],
      ['viewer.tsx', ['form.tsx', 'schema.ts']],
      ['schema.ts', []],
      ['self.ts', ['self.ts']],
    ]);
    expect(findCycles(graph).sort()).toEqual([
      ['form.tsx', 'viewer.tsx'],
      ['self.ts'],
    ]);
  });

  it('reads every kind of import', () => {
    const dir = path.join(ROOT, 'src/app/features/task-form/camunda-form');
    const form = path.join(dir, 'camunda-form.tsx');
    const loader = path.join(dir, 'viewer-loader.ts');
    const graph = importGraph([form, loader]);
    const targets = (file: string) =>
      graph.get(file)?.map((target) => path.basename(target));
    // `./contract` is partly type-only in the component and only types in
    // the loader; `./camunda-form-viewer` is the loader's dynamic import.
    expect(targets(form)).toEqual(
      expect.arrayContaining(['contract.ts', 'viewer-loader.ts']),
    );
    expect(targets(loader)).toEqual(
      expect.arrayContaining(['contract.ts', 'camunda-form-viewer.tsx']),
    );
  });

  it('has none in src/, whatever the kind of import', () => {
    const cycles = findCycles(importGraph(sourceFiles(path.join(ROOT, 'src'))));
    expect(
      cycles.map((group) => group.map((file) => path.relative(ROOT, file))),
    ).toEqual([]);
  });
});
