/** Applies the persisted language setting (main stores it) once settings load, and on change. */
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useSettings } from '../../bridge/useSettings';
import { resolveLanguage } from '../../i18n';

export function LanguageSync() {
  const { i18n } = useTranslation();
  const { settings } = useSettings();
  const setting = settings?.language;
  const loaded = settings !== undefined;
  useEffect(() => {
    if (!loaded) return;
    const lng = resolveLanguage(setting, navigator.languages);
    if (lng !== i18n.language) void i18n.changeLanguage(lng);
  }, [i18n, setting, loaded]);
  return null;
}
