import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  checkCatalogues,
  parseCatalogue,
  readCatalogues,
  type Catalogues,
} from './catalogues';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const LOCALES_DIR = path.join(ROOT, 'src/app/i18n/locales');

const po = (entries: [string, string][]) =>
  entries
    .map(
      ([id, str]) =>
        `msgid ${JSON.stringify(id)}\nmsgstr ${JSON.stringify(str)}\n`,
    )
    .join('\n');

async function catalogues(
  english: [string, string][],
  german: [string, string][],
): Promise<Catalogues> {
  return new Map([
    [
      'app',
      new Map([
        ['en', await parseCatalogue(po(english))],
        ['de', await parseCatalogue(po(german))],
      ]),
    ],
  ]);
}

describe('message catalogues', () => {
  it('ships en, de, es and fr for every area, complete and valid', async () => {
    const found = await readCatalogues(LOCALES_DIR);
    expect([...found.keys()].sort()).toEqual([
      'app',
      'inbox-tools',
      'processes',
      'sign-in',
      'task',
    ]);
    for (const byLocale of found.values()) {
      expect([...byLocale.keys()].sort()).toEqual(['de', 'en', 'es', 'fr']);
      expect(byLocale.get('en')?.size).toBeGreaterThan(20);
    }
    expect(checkCatalogues(found)).toEqual([]);
  });

  it('reports a key that English has and a language lacks', async () => {
    const problems = checkCatalogues(
      await catalogues(
        [
          ['Sign out', 'Sign out'],
          ['Tasks', 'Tasks'],
        ],
        [['Sign out', 'Abmelden']],
      ),
    );
    expect(problems).toEqual(['de/app: lacks "Tasks".']);
  });

  it('reports a key English does not have', async () => {
    const problems = checkCatalogues(
      await catalogues(
        [['Tasks', 'Tasks']],
        [
          ['Tasks', 'Aufgaben'],
          ['Inbox', 'Eingang'],
        ],
      ),
    );
    expect(problems).toEqual([
      'de/app: has "Inbox", which English does not have.',
    ]);
  });

  it('reports an empty translation', async () => {
    const problems = checkCatalogues(
      await catalogues([['Tasks', 'Tasks']], [['Tasks', '']]),
    );
    expect(problems).toEqual(['de/app: "Tasks" is not translated.']);
  });

  it('reports a message that does not parse, in English or a translation', async () => {
    const broken = checkCatalogues(
      await catalogues(
        [['{count, plural, one {# task} other {# tasks}', 'x']],
        [],
      ),
    );
    expect(broken[0]).toMatch(/^en\/app: .* is not valid ICU MessageFormat/);

    const badTranslation = checkCatalogues(
      await catalogues(
        [['{count, plural, one {# task} other {# tasks}}', 'x']],
        [
          [
            '{count, plural, one {# task} other {# tasks}}',
            '{count, plural, one {# Aufgabe} other {# Aufgaben}',
          ],
        ],
      ),
    );
    expect(badTranslation).toHaveLength(1);
    expect(badTranslation[0]).toMatch(
      /^de\/app: the translation of .* is not valid ICU MessageFormat/,
    );
  });

  it('reports a translation whose placeholders differ from English', async () => {
    const problems = checkCatalogues(
      await catalogues(
        [['Value of {name}', 'Value of {name}']],
        [['Value of {name}', 'Wert von {nom}']],
      ),
    );
    expect(problems).toEqual([
      'de/app: the translation of "Value of {name}" uses {nom} instead of {name}.',
    ]);
  });

  it('reports one message translated two ways in two areas, unless a context tells them apart', async () => {
    const area = async (german: string, context?: string) => {
      const ctx = context ? `msgctxt ${JSON.stringify(context)}\n` : '';
      return new Map([
        [
          'en',
          await parseCatalogue(`${ctx}msgid "Completed"\nmsgstr "Completed"\n`),
        ],
        [
          'es',
          await parseCatalogue(
            `${ctx}msgid "Completed"\nmsgstr ${JSON.stringify(german)}\n`,
          ),
        ],
      ]);
    };
    const clash: Catalogues = new Map([
      ['app', await area('Completadas')],
      ['task', await area('Completada')],
    ]);
    expect(checkCatalogues(clash)).toEqual([
      'es: "Completed" is "Completadas" in app but "Completada" in task; areas share one id at run time, so give one of them a context.',
    ]);
    const apart: Catalogues = new Map([
      ['app', await area('Completadas', 'task queue')],
      ['task', await area('Completada')],
    ]);
    expect(checkCatalogues(apart)).toEqual([]);
  });
});
