/** Locale-aware number formatting. The locale (BCP 47) comes from the i18n layer. */

const cache = new Map<string, Intl.NumberFormat>();

/** A cached Intl.NumberFormat: constructing one costs far more than using it, and tables format thousands of cells. */
export function numberFormat(locale: string, options: Intl.NumberFormatOptions = {}): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let fmt = cache.get(key);
  if (!fmt) {
    fmt = new Intl.NumberFormat(locale, options);
    cache.set(key, fmt);
  }
  return fmt;
}

/** An integer count with grouping: 1234 → "1,234" (en, zh-CN), "1.234" (de). */
export function formatCount(n: number, locale: string): string {
  return numberFormat(locale, { maximumFractionDigits: 0 }).format(n);
}

/** A decimal number with at most `maxFractionDigits` digits after the point (trailing zeros dropped). */
export function formatDecimal(n: number, locale: string, maxFractionDigits = 2): string {
  return numberFormat(locale, { maximumFractionDigits: maxFractionDigits }).format(n);
}

/** A ratio 0..1 as a percentage: 0.423 → "42%". */
export function formatPercent(ratio: number, locale: string, maxFractionDigits = 0): string {
  return numberFormat(locale, { style: 'percent', maximumFractionDigits: maxFractionDigits }).format(ratio);
}
