import { describe, expect, it } from 'vitest';
import { tokenize } from './labelSelectorLexer';

const kinds = (text: string) => tokenize(text).map((t) => t.kind);

describe('tokenize (as Kubernetes\' label Lexer)', () => {
  it.each([
    ['', ['end']],
    [',', [',', 'end']],
    ['notin', ['notin', 'end']],
    ['in', ['in', 'end']],
    ['=', ['=', 'end']],
    ['==', ['==', 'end']],
    ['>', ['>', 'end']],
    ['<', ['<', 'end']],
    ['!', ['!', 'end']],
    ['!=', ['!=', 'end']],
    ['(', ['(', 'end']],
    [')', [')', 'end']],
    // Non-special characters are part of an identifier.
    ['~', ['identifier', 'end']],
    ['||', ['identifier', 'end']],
  ])('single token %j', (text, expected) => {
    expect(kinds(text)).toEqual(expected);
  });

  it.each([
    ['key in ( value )', ['identifier', 'in', '(', 'identifier', ')', 'end']],
    ['key notin ( value )', ['identifier', 'notin', '(', 'identifier', ')', 'end']],
    ['key in ( value1, value2 )', ['identifier', 'in', '(', 'identifier', ',', 'identifier', ')', 'end']],
    ['!key', ['!', 'identifier', 'end']],
    ['x in (),y', ['identifier', 'in', '(', ')', ',', 'identifier', 'end']],
    ['== != (), = notin', ['==', '!=', '(', ')', ',', '=', 'notin', 'end']],
    ['key>2', ['identifier', '>', 'identifier', 'end']],
    ['key<1', ['identifier', '<', 'identifier', 'end']],
    // Longest known token wins, then the rest is lexed again: "=!" is "=" then "!", "!!=" is "!" then "!=".
    ['a=!b', ['identifier', '=', '!', 'identifier', 'end']],
    ['!!=', ['!', '!=', 'end']],
    ['a===b', ['identifier', '==', '=', 'identifier', 'end']],
    ['intern', ['identifier', 'end']],
  ])('sequence %j', (text, expected) => {
    expect(kinds(text)).toEqual(expected);
  });

  it('records text and 0-based positions; whitespace is space, tab, CR and LF', () => {
    expect(tokenize(' a\tin\r\n(b,c)')).toEqual([
      { kind: 'identifier', text: 'a', pos: 1 },
      { kind: 'in', text: 'in', pos: 3 },
      { kind: '(', text: '(', pos: 7 },
      { kind: 'identifier', text: 'b', pos: 8 },
      { kind: ',', text: ',', pos: 9 },
      { kind: 'identifier', text: 'c', pos: 10 },
      { kind: ')', text: ')', pos: 11 },
      { kind: 'end', text: '', pos: 12 },
    ]);
  });
});
