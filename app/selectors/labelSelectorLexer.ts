/**
 * Tokenizer for kubectl label selectors, following k8s.io/apimachinery/pkg/labels (Lexer):
 * identifiers run until whitespace or one of the special symbols = ! ( ) , > <; the special
 * symbols are read greedily ("!=" and "==" are one token); "in" and "notin" are keywords.
 */

export type TokenKind =
  | 'identifier'
  | 'in'
  | 'notin'
  | '!'
  | '!='
  | '='
  | '=='
  | '>'
  | '<'
  | '('
  | ')'
  | ','
  | 'end';

export interface Token {
  kind: TokenKind;
  /** The token's text exactly as typed ("" at end of input). */
  text: string;
  /** 0-based offset of the token's first character in the selector text. */
  pos: number;
}

const SPECIAL_TOKENS: ReadonlySet<string> = new Set(['!', '!=', '=', '==', '>', '<', '(', ')', ',']);
const SPECIAL_CHARS: ReadonlySet<string> = new Set(['=', '!', '(', ')', ',', '>', '<']);

function isWhitespace(ch: string): boolean {
  return ch === ' ' || ch === '\t' || ch === '\r' || ch === '\n';
}

/** Splits selector text into tokens; always ends with an 'end' token. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    if (isWhitespace(ch)) {
      i++;
      continue;
    }
    const start = i;
    if (SPECIAL_CHARS.has(ch)) {
      // Longest run of special characters that is still a known token.
      let lit = ch;
      i++;
      while (i < text.length && SPECIAL_CHARS.has(text[i]) && SPECIAL_TOKENS.has(lit + text[i])) {
        lit += text[i];
        i++;
      }
      tokens.push({ kind: lit as TokenKind, text: lit, pos: start });
      continue;
    }
    while (i < text.length && !isWhitespace(text[i]) && !SPECIAL_CHARS.has(text[i])) i++;
    const lit = text.slice(start, i);
    const kind: TokenKind = lit === 'in' ? 'in' : lit === 'notin' ? 'notin' : 'identifier';
    tokens.push({ kind, text: lit, pos: start });
  }
  tokens.push({ kind: 'end', text: '', pos: text.length });
  return tokens;
}
