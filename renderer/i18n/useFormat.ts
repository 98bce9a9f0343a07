import { createContext, createElement, useContext, useMemo, type ReactNode } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { formatTimestamp, toEpochMs } from '../../app/format/age';
import { formatCount } from '../../app/format/number';
import { formatBytes, formatCpu, tryParseQuantity } from '../../app/format/quantity';
import { clampedAge, relativeAge } from './relativeAge';

export interface Formatters {
  locale: string;
  count: (n: number) => string;
  /** kubectl's age ("5m12s"), never negative (see clampedAge). */
  age: (iso: string | undefined, now: number) => string;
  /** "5m12s ago" / "just now" in the current language; '' without a valid timestamp. */
  ago: (iso: string | undefined, now: number) => string;
  time: (iso: string | undefined) => string;
  /** Time of day only ("3:20:05 AM", "03:20:05"); '' without a valid timestamp. */
  clock: (iso: string | undefined) => string;
  cpu: (quantity: string | undefined) => string;
  bytes: (quantity: string | undefined) => string;
}

const FormatContext = createContext<Formatters | undefined>(undefined);

/**
 * Provides app/format bound to the current UI language. One provider (one useTranslation)
 * for the whole app: a hook per table cell would subscribe thousands of cells to i18next.
 */
export function FormatProvider({ children }: { children: ReactNode }) {
  const { t, i18n } = useTranslation();
  const value = useFormatters(i18n.language, t);
  return createElement(FormatContext.Provider, { value }, children);
}

/** Numbers, dates and quantities per the current locale (see FormatProvider). */
export function useFormat(): Formatters {
  const value = useContext(FormatContext);
  if (!value) throw new Error('useFormat must be used inside <FormatProvider>');
  return value;
}

function useFormatters(locale: string, t: TFunction): Formatters {
  return useMemo(() => {
    const clockFormat = new Intl.DateTimeFormat(locale, { timeStyle: 'medium' });
    return {
      locale,
      count: (n) => formatCount(n, locale),
      age: clampedAge,
      ago: (iso, now) => {
        const rel = relativeAge(iso, now);
        return rel.kind === 'ago' ? t('time.ago', { age: rel.age }) : rel.kind === 'justNow' ? t('time.justNow') : '';
      },
      time: (iso) => formatTimestamp(iso, locale),
      clock: (iso) => {
        const ms = toEpochMs(iso);
        return ms === undefined ? '' : clockFormat.format(ms);
      },
      cpu: (q) => {
        const v = tryParseQuantity(q);
        return v === undefined ? (q ?? '') : formatCpu(v, locale);
      },
      bytes: (q) => {
        const v = tryParseQuantity(q);
        return v === undefined ? (q ?? '') : formatBytes(v, locale);
      },
    };
  }, [locale, t]);
}
