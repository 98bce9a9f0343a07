import { createContext, createElement, useContext, useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatAge, formatTimestamp, toEpochMs } from '../../app/format/age';
import { formatCount } from '../../app/format/number';
import { formatBytes, formatCpu, tryParseQuantity } from '../../app/format/quantity';

export interface Formatters {
  locale: string;
  count: (n: number) => string;
  age: (iso: string | undefined, now: number) => string;
  time: (iso: string | undefined) => string;
  cpu: (quantity: string | undefined) => string;
  bytes: (quantity: string | undefined) => string;
}

const FormatContext = createContext<Formatters | undefined>(undefined);

/**
 * Provides app/format bound to the current UI language. One provider (one useTranslation)
 * for the whole app: a hook per table cell would subscribe thousands of cells to i18next.
 */
export function FormatProvider({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation();
  const value = useFormatters(i18n.language);
  return createElement(FormatContext.Provider, { value }, children);
}

/** Numbers, dates and quantities per the current locale (see FormatProvider). */
export function useFormat(): Formatters {
  const value = useContext(FormatContext);
  if (!value) throw new Error('useFormat must be used inside <FormatProvider>');
  return value;
}

function useFormatters(locale: string): Formatters {
  return useMemo(
    () => ({
      locale,
      count: (n) => formatCount(n, locale),
      // A timestamp slightly ahead of our clock (skew between cluster and desktop) reads as "0s",
      // not kubectl's "<invalid>": the operator cares that it just happened.
      age: (iso, now) => formatAge(iso, Math.max(now, toEpochMs(iso) ?? now)),
      time: (iso) => formatTimestamp(iso, locale),
      cpu: (q) => {
        const v = tryParseQuantity(q);
        return v === undefined ? (q ?? '') : formatCpu(v, locale);
      },
      bytes: (q) => {
        const v = tryParseQuantity(q);
        return v === undefined ? (q ?? '') : formatBytes(v, locale);
      },
    }),
    [locale],
  );
}
