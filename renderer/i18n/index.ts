/**
 * The one i18n layer of the renderer.
 *
 * Why i18next + react-i18next (over FormatJS/ICU MessageFormat): plurals come from the
 * platform's CLDR rules (Intl.PluralRules) with plain `key_one` / `key_other` entries, so
 * catalogs stay flat JSON a translator can edit without learning ICU syntax; `{{name}}`
 * interpolation covers everything we need; both catalogs are bundled statically (no lazy
 * loading, no HTTP backend: the app works offline and under a strict CSP); and the React
 * bindings re-render components when the language changes at run time.
 *
 * Kubernetes terms operators keep in English (Pod, Deployment, ConfigMap, kubectl fields,
 * YAML, column values) are left untranslated in zh-CN on purpose.
 */
import i18next, { type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './locales/en.json';
import zhCN from './locales/zh-CN.json';

export const SUPPORTED_LANGUAGES = ['en', 'zh-CN'] as const;
export type Language = (typeof SUPPORTED_LANGUAGES)[number];

/** Each language's own name (shown in the switch, never translated). */
export const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', 'zh-CN': '简体中文' };

/** Picks the supported language closest to a list of BCP 47 tags (e.g. navigator.languages). */
export function matchLanguage(preferred: readonly string[]): Language {
  for (const tag of preferred) {
    const lower = tag.toLowerCase();
    if (lower.startsWith('zh')) {
      // We ship Simplified Chinese only; readers of zh-TW/zh-HK read it more easily than English.
      return 'zh-CN';
    }
    if (lower.startsWith('en')) return 'en';
  }
  return 'en';
}

/** Normalises a stored setting; undefined or unknown values follow the system. */
export function resolveLanguage(setting: string | undefined, system: readonly string[]): Language {
  if (setting && (SUPPORTED_LANGUAGES as readonly string[]).includes(setting)) return setting as Language;
  return matchLanguage(system);
}

export function createI18n(language: Language): I18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    resources: { en: { translation: en }, 'zh-CN': { translation: zhCN } },
    lng: language,
    fallbackLng: 'en',
    supportedLngs: [...SUPPORTED_LANGUAGES],
    // React escapes text itself; we never render translations as HTML.
    interpolation: { escapeValue: false },
    returnNull: false,
    initAsync: false,
  });
  return instance;
}

/** Keeps <html lang> in step with the UI language (screen readers, CJK font selection). */
export function syncDocumentLanguage(instance: I18n, doc: Document): void {
  const apply = (lng: string) => {
    doc.documentElement.lang = lng;
  };
  apply(instance.language);
  instance.on('languageChanged', apply);
}
