/** Settings: the language switch (remembered by main across restarts) and what runs where. */
import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { contract } from '../../../app/contract/pilothouse';
import { useClient } from '../../bridge/ClientContext';
import { useSettings } from '../../bridge/useSettings';
import { LANGUAGE_NAMES, SUPPORTED_LANGUAGES, matchLanguage } from '../../i18n';

const SYSTEM = 'system';

export function SettingsView() {
  const { t, i18n } = useTranslation();
  const client = useClient();
  const { settings, update } = useSettings();
  // The choice shows at once (optimistic); main's answer follows.
  const [choice, setChoice] = useState<string>();
  const info = useQuery({ queryKey: ['call', 'appInfo'], queryFn: () => client.call(contract.appInfo, undefined), staleTime: Infinity });
  const systemLanguage = matchLanguage(navigator.languages);
  const value = choice ?? settings?.language ?? SYSTEM;

  const choose = (next: string) => {
    const language = next === SYSTEM ? undefined : next;
    setChoice(next);
    // Switch at once; main persists the choice. JSON has no undefined, so "follow the system"
    // travels as an explicit null, which main's settings store reads as "clear this setting".
    void i18n.changeLanguage(language ?? systemLanguage);
    update({ language: (language ?? null) as string | undefined });
  };

  return (
    <section className="settings" aria-labelledby="settings-title">
      <h1 id="settings-title">{t('settings.title')}</h1>
      <fieldset className="settings-group" disabled={settings === undefined}>
        <legend>{t('settings.language')}</legend>
        <p className="muted">{t('settings.languageHelp')}</p>
        <div role="radiogroup" aria-label={t('settings.language')}>
          <label className="radio">
            <input type="radio" name="language" value={SYSTEM} checked={value === SYSTEM} onChange={() => choose(SYSTEM)} />
            {t('settings.system', { language: LANGUAGE_NAMES[systemLanguage] })}
          </label>
          {SUPPORTED_LANGUAGES.map((lng) => (
            <label className="radio" key={lng} lang={lng}>
              <input type="radio" name="language" value={lng} checked={value === lng} onChange={() => choose(lng)} />
              {LANGUAGE_NAMES[lng]}
            </label>
          ))}
        </div>
      </fieldset>
      {info.data && (
        <section className="settings-group" aria-labelledby="settings-about">
          <h2 id="settings-about">{t('settings.about')}</h2>
          <p>{t('settings.version', { version: info.data.version, mode: info.data.mode, platform: info.data.platform })}</p>
        </section>
      )}
    </section>
  );
}
