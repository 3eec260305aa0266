/**
 * Checks the SPA's message catalogues (src/app/i18n/locales/<locale>/<area>.po)
 * against English, the source: every language has exactly English's
 * messages, each one translated, each one valid ICU MessageFormat, and each
 * one using the same placeholders as the English text (a translation that
 * drops `{name}` or invents `{nom}` would show the wrong thing).
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { formatter } from '@lingui/format-po';
import {
  compileMessageOrThrow,
  type CompiledMessage,
} from '@lingui/message-utils/compileMessage';

export const SOURCE_LOCALE = 'en';

export interface CatalogueEntry {
  /** The English text (the msgid). */
  message: string;
  translation: string;
}

/** Area (`app`, `task`) → locale → message id → entry. */
export type Catalogues = Map<string, Map<string, Map<string, CatalogueEntry>>>;

interface RawEntry {
  message?: string;
  translation?: string;
}

/** Parses one .po catalogue the way Lingui does. */
export async function parseCatalogue(
  content: string,
): Promise<Map<string, CatalogueEntry>> {
  const po = formatter({ origins: true, lineNumbers: false });
  const parsed = (await po.parse(content, {
    locale: null,
    sourceLocale: SOURCE_LOCALE,
    filename: 'catalogue.po',
  })) as Record<string, RawEntry>;
  return new Map(
    Object.entries(parsed).map(([id, entry]) => [
      id,
      { message: entry.message ?? id, translation: entry.translation ?? '' },
    ]),
  );
}

/** Reads every `<locale>/<area>.po` under `dir`. */
export async function readCatalogues(dir: string): Promise<Catalogues> {
  const result: Catalogues = new Map();
  for (const locale of readdirSync(dir)) {
    for (const file of readdirSync(path.join(dir, locale))) {
      if (!file.endsWith('.po')) continue;
      const area = file.slice(0, -'.po'.length);
      const entries = await parseCatalogue(
        readFileSync(path.join(dir, locale, file), 'utf8'),
      );
      const byLocale =
        result.get(area) ?? new Map<string, Map<string, CatalogueEntry>>();
      byLocale.set(locale, entries);
      result.set(area, byLocale);
    }
  }
  return result;
}

/** The argument names a compiled message uses, nested plural branches included. */
export function placeholdersOf(compiled: CompiledMessage): Set<string> {
  const names = new Set<string>();
  const walk = (tokens: CompiledMessage) => {
    for (const token of tokens) {
      if (typeof token === 'string') continue;
      const [name, , format] = token;
      names.add(name);
      if (format && typeof format === 'object') {
        for (const [key, branch] of Object.entries(format)) {
          if (key !== 'offset' && Array.isArray(branch)) {
            walk(branch as CompiledMessage);
          }
        }
      }
    }
  };
  walk(compiled);
  return names;
}

function compile(text: string): CompiledMessage | Error {
  try {
    return compileMessageOrThrow(text);
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  }
}

const sorted = (names: Set<string>) => [...names].sort().join(', ');

/** Every problem found, one sentence each; empty when all is well. */
export function checkCatalogues(catalogues: Catalogues): string[] {
  const problems: string[] = [];
  for (const [area, byLocale] of catalogues) {
    const source = byLocale.get(SOURCE_LOCALE);
    if (!source) {
      problems.push(`${area}: there is no English (source) catalogue.`);
      continue;
    }
    const sourceNames = new Map<string, Set<string>>();
    for (const [id, entry] of source) {
      const compiled = compile(entry.message);
      if (compiled instanceof Error) {
        problems.push(
          `${SOURCE_LOCALE}/${area}: "${entry.message}" is not valid ICU MessageFormat (${compiled.message}).`,
        );
      } else {
        sourceNames.set(id, placeholdersOf(compiled));
      }
    }
    for (const [locale, entries] of byLocale) {
      if (locale === SOURCE_LOCALE) continue;
      const where = `${locale}/${area}`;
      for (const [id, entry] of source) {
        if (!entries.has(id)) {
          problems.push(`${where}: lacks "${entry.message}".`);
        }
      }
      for (const [id, entry] of entries) {
        if (!source.has(id)) {
          problems.push(
            `${where}: has "${entry.message}", which English does not have.`,
          );
          continue;
        }
        if (entry.translation.trim() === '') {
          problems.push(`${where}: "${entry.message}" is not translated.`);
          continue;
        }
        const compiled = compile(entry.translation);
        if (compiled instanceof Error) {
          problems.push(
            `${where}: the translation of "${entry.message}" is not valid ICU MessageFormat (${compiled.message}).`,
          );
          continue;
        }
        const expected = sourceNames.get(id);
        const actual = placeholdersOf(compiled);
        if (expected && sorted(expected) !== sorted(actual)) {
          problems.push(
            `${where}: the translation of "${entry.message}" uses {${sorted(actual)}} instead of {${sorted(expected)}}.`,
          );
        }
      }
    }
  }
  problems.push(...sharedIdProblems(catalogues));
  return problems;
}

/**
 * Areas merge into one table per language at run time, keyed by message id
 * (the English text and its context). The same id translated two ways would
 * make whichever area loads last overwrite the other's word; a message that
 * needs two translations needs a context to get two ids.
 */
function sharedIdProblems(catalogues: Catalogues): string[] {
  const problems: string[] = [];
  const seen = new Map<string, { area: string; translation: string }>();
  for (const [area, byLocale] of catalogues) {
    for (const [locale, entries] of byLocale) {
      for (const [id, entry] of entries) {
        const key = `${locale}\u0000${id}`;
        const first = seen.get(key);
        if (!first) {
          seen.set(key, { area, translation: entry.translation });
        } else if (first.translation !== entry.translation) {
          problems.push(
            `${locale}: "${entry.message}" is "${first.translation}" in ${first.area} but "${entry.translation}" in ${area}; areas share one id at run time, so give one of them a context.`,
          );
        }
      }
    }
  }
  return problems;
}
