/**
 * A label selector's syntax error in the UI language. The parser (app/selectors) reports an
 * English problem text with a position and the token found there, but no error code: the
 * renderer translates what it can tell for sure (where, what was found, "incomplete") and keeps
 * the parser's problem as the technical detail, marked as English, instead of guessing codes
 * from English sentences.
 */
import type { TFunction } from 'i18next';
import type { SelectorState } from './listFilter';

export type SelectorError = NonNullable<SelectorState['error']>;

/** The translated lead sentence: "Invalid selector at character 12 (found "(")." / "The selector is incomplete at the end." */
export function selectorErrorLead(t: TFunction, text: string, error: SelectorError): string {
  if (error.position >= text.trimEnd().length) return t('list.selectorErrorAtEnd');
  const position = error.position + 1;
  return error.found ? t('list.selectorErrorFound', { position, found: error.found }) : t('list.selectorErrorAt', { position });
}
