/**
 * The app's own message catalogs, read by specs so they find elements by the exact text a user
 * sees in each language (a renamed key fails loudly here instead of silently matching nothing).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './processes';

export type Lang = 'en' | 'zh-CN';

type Catalog = { [key: string]: string | Catalog };

const catalogs = new Map<Lang, Catalog>();

function catalog(lang: Lang): Catalog {
  let c = catalogs.get(lang);
  if (!c) {
    c = JSON.parse(readFileSync(path.join(ROOT, 'renderer', 'i18n', 'locales', `${lang}.json`), 'utf8')) as Catalog;
    catalogs.set(lang, c);
  }
  return c;
}

function lookup(lang: Lang, key: string): string | undefined {
  let node: string | Catalog | undefined = catalog(lang);
  for (const part of key.split('.')) {
    if (typeof node !== 'object') return undefined;
    node = node[part];
  }
  return typeof node === 'string' ? node : undefined;
}

/**
 * The message for `key` in `lang`, `{{vars}}` filled in; with `count`, the CLDR plural form
 * (`key_one` / `key_other`, as i18next picks it).
 */
export function t(lang: Lang, key: string, vars: Record<string, string | number> = {}): string {
  let message: string | undefined;
  if (typeof vars.count === 'number') {
    const form = new Intl.PluralRules(lang).select(vars.count);
    message = lookup(lang, `${key}_${form}`) ?? lookup(lang, `${key}_other`);
  }
  message ??= lookup(lang, key);
  if (message === undefined) throw new Error(`message key "${key}" is missing from the ${lang} catalog`);
  return message.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => (name in vars ? String(vars[name]) : `{{${name}}}`));
}

/** A RegExp matching the message with any values in its `{{vars}}` (for text with live numbers). */
export function tPattern(lang: Lang, key: string, vars: Record<string, string | number> = {}): RegExp {
  const message = t(lang, key, vars);
  const parts = message.split(/\{\{\s*\w+\s*\}\}/).map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(parts.join('.+?'));
}

/** Has CJK ideographs: the text was really translated, not left in English. */
export const CJK = /[\u3400-\u9fff]/;
