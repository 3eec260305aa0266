/**
 * H69: every security requirement id cited in code comments and test names
 * (`B6`, `C15-C25`, `H54`…) is defined in docs/security.md, so a reader can
 * always look up what a test or a guard is for.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const THIS_FILE = fileURLToPath(import.meta.url);
const SCANNED = ['src', 'e2e', 'scripts'];
const SOURCE = /\.(ts|tsx|js|mjs)$/;
const SKIPPED_DIRS = new Set(['node_modules', 'dist', 'test-results']);

/** A single id, or a range such as `C15-C25` / `C15–C25`. */
const ID_OR_RANGE = /\b([A-H])(\d{1,2})(?:\s*[-–]\s*\1(\d{1,2}))?\b/g;
const TEST_TITLE =
  /\b(?:test|it|describe)(?:\.\w+)?\(\s*(['"`])((?:\\.|(?!\1).)*)\1/g;

export interface Citation {
  id: string;
  file: string;
  line: number;
}

/** The parts of a line where a requirement can be cited: comments and test titles. */
function citableText(line: string, inBlock: boolean) {
  const parts: string[] = [];
  let rest = line;
  let block = inBlock;
  if (block) {
    const end = rest.indexOf('*/');
    if (end === -1) return { parts: [rest], inBlock: true };
    parts.push(rest.slice(0, end));
    rest = rest.slice(end + 2);
    block = false;
  }
  for (const match of rest.matchAll(TEST_TITLE)) parts.push(match[2] ?? '');
  const lineComment = rest.indexOf('//');
  const blockStart = rest.indexOf('/*');
  if (lineComment !== -1 && (blockStart === -1 || lineComment < blockStart)) {
    parts.push(rest.slice(lineComment + 2));
  } else if (blockStart !== -1) {
    const end = rest.indexOf('*/', blockStart + 2);
    parts.push(rest.slice(blockStart + 2, end === -1 ? undefined : end));
    block = end === -1;
  }
  return { parts, inBlock: block };
}

/** Every requirement id cited in one file's text. */
export function citedIds(text: string, file: string): Citation[] {
  const citations: Citation[] = [];
  let inBlock = false;
  text.split('\n').forEach((line, index) => {
    const scan = citableText(line, inBlock);
    inBlock = scan.inBlock;
    for (const part of scan.parts) {
      for (const match of part.matchAll(ID_OR_RANGE)) {
        const letter = match[1] ?? '';
        const from = Number(match[2]);
        const to = match[3] === undefined ? from : Number(match[3]);
        for (let n = from; n <= Math.max(from, to); n += 1) {
          citations.push({
            id: `${letter}${String(n)}`,
            file,
            line: index + 1,
          });
        }
      }
    }
  });
  return citations;
}

/** Ids defined in docs/security.md: the first cell of a requirement table row. */
export function definedIds(markdown: string): Set<string> {
  const ids = new Set<string>();
  for (const match of markdown.matchAll(/^\|\s*([A-H]\d{1,2})\s*\|/gm)) {
    if (match[1]) ids.add(match[1]);
  }
  return ids;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) {
      return SKIPPED_DIRS.has(name) ? [] : sourceFiles(full);
    }
    // This file's own fixtures cite an undefined id on purpose.
    const scanned =
      SOURCE.test(name) && !name.endsWith('.gen.ts') && full !== THIS_FILE;
    return scanned ? [full] : [];
  });
}

describe('security requirement ids (H69)', () => {
  const defined = definedIds(
    readFileSync(path.join(ROOT, 'docs/security.md'), 'utf8'),
  );

  test('docs/security.md defines the workspace numbering A1-G51 and issue 14 H52 on', () => {
    for (const id of ['A1', 'A5', 'B6', 'B14', 'C15', 'C25', 'D26', 'D32']) {
      expect(defined).toContain(id);
    }
    for (const id of ['E33', 'E37', 'F38', 'F39', 'G40', 'G51', 'H52']) {
      expect(defined).toContain(id);
    }
  });

  test('every id cited in src/, e2e/ and scripts/ is defined in docs/security.md', () => {
    const citations = SCANNED.flatMap((dir) =>
      sourceFiles(path.join(ROOT, dir)).flatMap((file) =>
        citedIds(readFileSync(file, 'utf8'), path.relative(ROOT, file)),
      ),
    );
    // The scan must see the citations that exist, or it proves nothing.
    expect(citations.length).toBeGreaterThan(20);
    const undefinedIds = citations
      .filter((citation) => !defined.has(citation.id))
      .map((c) => `${c.file}:${String(c.line)} cites ${c.id}`);
    expect(undefinedIds).toEqual([]);
  });

  test('comments, block comments, test titles and ranges count; code does not', () => {
    const text = [
      "const cell = 'E2'; // proves B6",
      '/* spans',
      ' * C15-C17 and H99',
      ' */',
      "test('refuses it (A4)', () => {});",
      "expect(x).toBe('D27');",
    ].join('\n');
    expect(citedIds(text, 'x.ts').map((c) => c.id)).toEqual([
      'B6',
      'C15',
      'C16',
      'C17',
      'H99',
      'A4',
    ]);
    expect(definedIds('| H99 | a requirement | a test |')).toContain('H99');
  });
});
