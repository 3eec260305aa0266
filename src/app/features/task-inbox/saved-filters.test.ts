import { beforeAll, describe, expect, it } from 'vitest';
import { loadCataloguePart } from '../../i18n/catalogues';
import {
  IMPORT_MESSAGES,
  exportFile,
  mergeImported,
  parseImportFile,
} from './saved-filters-file';
import {
  parseStored,
  readSavedFilters,
  savedFiltersKey,
  type SavedFilter,
} from './saved-filters';
import {
  addFilter,
  nameProblem,
  writeSavedFilters,
} from './saved-filters-edit';

// The import's refusals are in the area the saved-filters section loads.
beforeAll(() => loadCataloguePart('inbox-tools'));

const invoices: SavedFilter = {
  id: 'a',
  name: 'Invoices',
  search: { assignee: 'unassigned', process: '7' },
};

describe('saved filters in localStorage', () => {
  it('keeps them per user under a versioned document, and nothing else', () => {
    writeSavedFilters('demo', [invoices]);
    expect(readSavedFilters('demo')).toEqual([invoices]);
    expect(readSavedFilters('alice')).toEqual([]);
    expect(
      JSON.parse(localStorage.getItem(savedFiltersKey('demo')) ?? ''),
    ).toEqual({
      version: 1,
      filters: [invoices],
    });
    // Only the filters are stored: no token or user data beside them.
    expect(Object.keys(localStorage)).toEqual([
      'tasklist-inbox.saved-filters.demo',
    ]);
  });

  it('returns the same array until the stored document changes', () => {
    writeSavedFilters('demo', [invoices]);
    expect(readSavedFilters('demo')).toBe(readSavedFilters('demo'));
  });

  it('reads a damaged or foreign document as no filters, and skips damaged entries', () => {
    expect(parseStored('{not json')).toEqual([]);
    expect(
      parseStored(JSON.stringify({ version: 2, filters: [invoices] })),
    ).toEqual([]);
    expect(
      parseStored(
        JSON.stringify({
          version: 1,
          filters: [invoices, { id: 'b', name: '' }, { id: 3 }, null],
        }),
      ),
    ).toEqual([invoices]);
    // Invalid conditions are dropped the way a link drops them.
    expect(
      parseStored(
        JSON.stringify({
          version: 1,
          filters: [
            { id: 'c', name: 'Odd', search: { dueFrom: 'soon', sort: 'due' } },
          ],
        }),
      ),
    ).toEqual([{ id: 'c', name: 'Odd', search: { sort: 'due' } }]);
  });

  it('refuses empty, too long and duplicate names (ignoring case)', () => {
    const list = [invoices];
    expect(nameProblem(list, '  ')).toBe('empty');
    expect(nameProblem(list, 'x'.repeat(81))).toBe('too-long');
    expect(nameProblem(list, 'invoices ')).toBe('taken');
    expect(nameProblem(list, 'Invoices', 'a')).toBeNull();
    expect(nameProblem(list, 'Vacations')).toBeNull();
  });

  it('imports by name: new names are added, known names get the new conditions in place', () => {
    const list = addFilter([invoices], 'Mine', { filter: 'assigned-to-me' });
    const result = mergeImported(list, [
      { name: 'invoices', search: { process: '8' } },
      { name: 'Team', search: { candidateGroup: 'sales' } },
    ]);
    expect(result.added).toBe(1);
    expect(result.replaced).toBe(1);
    expect(result.filters.map((f) => [f.name, f.search])).toEqual([
      ['Invoices', { process: '8' }],
      ['Mine', { filter: 'assigned-to-me' }],
      ['Team', { candidateGroup: 'sales' }],
    ]);
  });
});

describe('the export file', () => {
  it('is versioned JSON with names and conditions, and reads back', () => {
    const text = exportFile([invoices], new Date('2026-12-06T10:00:00Z'));
    expect(JSON.parse(text)).toEqual({
      format: 'tasklist-inbox.saved-filters',
      version: 1,
      exportedAt: '2026-12-06T10:00:00.000Z',
      filters: [{ name: 'Invoices', search: invoices.search }],
    });
    expect(parseImportFile(text)).toEqual({
      ok: true,
      filters: [{ name: 'Invoices', search: invoices.search }],
    });
  });

  it('refuses anything else as a whole, with a reason', () => {
    const file = (filters: unknown, extra: object = {}) =>
      JSON.stringify({
        format: 'tasklist-inbox.saved-filters',
        version: 1,
        filters,
        ...extra,
      });
    const refused = (text: string) => {
      const result = parseImportFile(text);
      return result.ok ? null : result.message;
    };
    expect(refused('{')).toBe(IMPORT_MESSAGES.notJson());
    expect(refused('[]')).toBe(IMPORT_MESSAGES.notOurs());
    expect(refused(JSON.stringify({ format: 'other', version: 1 }))).toBe(
      IMPORT_MESSAGES.notOurs(),
    );
    expect(refused(file([], { version: 2 }))).toBe(IMPORT_MESSAGES.newer(2));
    expect(refused(file('x'))).toBe(IMPORT_MESSAGES.noList());
    expect(refused(file([]))).toBe(IMPORT_MESSAGES.empty());
    expect(refused(file([{ name: ' ', search: {} }]))).toBe(
      IMPORT_MESSAGES.badName(1),
    );
    expect(
      refused(file([{ name: 'A', search: { dueFrom: 'tomorrow' } }])),
    ).toBe(IMPORT_MESSAGES.badSearch('A'));
    expect(refused(file([{ name: 'A', search: { colour: 'red' } }]))).toBe(
      IMPORT_MESSAGES.badSearch('A'),
    );
    expect(
      refused(
        file([
          { name: 'A', search: {} },
          { name: 'a', search: {} },
        ]),
      ),
    ).toBe(IMPORT_MESSAGES.duplicate('a'));
    expect(
      refused(
        file(
          Array.from({ length: 101 }, (_, i) => ({
            name: String(i),
            search: {},
          })),
        ),
      ),
    ).toBe(IMPORT_MESSAGES.tooMany());
    expect(refused(' '.repeat(1_000_001))).toBe(IMPORT_MESSAGES.tooLarge());
  });
});
