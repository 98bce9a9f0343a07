/**
 * Parser for kubectl label selector text, following k8s.io/apimachinery/pkg/labels (Parser,
 * NewRequirement): same tokens, same empty-value rules ("a=", "a in (,x)"), same key and value
 * validation. Errors say what was expected and at which 0-based offset.
 */
import { tokenize, type Token } from './labelSelectorLexer';
import { labelKeyProblems, labelValueProblems } from './labelValidation';
import { EVERYTHING, SelectorSyntaxError, type LabelRequirement, type LabelSelector } from './labelSelectorTypes';

/** In key and value positions "in" and "notin" are plain words (`notin=in` is valid), as in Kubernetes. */
function isWord(tok: Token): boolean {
  return tok.kind === 'identifier' || tok.kind === 'in' || tok.kind === 'notin';
}

function describe(tok: Token): string {
  return tok.kind === 'end' ? 'end of input' : `"${tok.text}"`;
}

class Parser {
  private index = 0;
  constructor(private readonly tokens: Token[]) {}

  private peek(): Token {
    return this.tokens[this.index];
  }
  private next(): Token {
    const tok = this.tokens[this.index];
    if (tok.kind !== 'end') this.index++;
    return tok;
  }
  private fail(expected: string, tok: Token): never {
    throw new SelectorSyntaxError(`expected ${expected}`, tok.pos, describe(tok));
  }

  parse(): LabelRequirement[] {
    const out: LabelRequirement[] = [];
    if (this.peek().kind === 'end') return out;
    for (;;) {
      const tok = this.peek();
      if (!isWord(tok) && tok.kind !== '!') this.fail(out.length ? 'a label key or "!" after ","' : 'a label key or "!"', tok);
      out.push(this.requirement());
      const after = this.next();
      if (after.kind === 'end') return out;
      if (after.kind !== ',') this.fail('"," or end of input after a requirement', after);
    }
  }

  private requirement(): LabelRequirement {
    if (this.peek().kind === '!') {
      this.next();
      const key = this.key('"!"');
      return { key, operator: 'DoesNotExist', values: [] };
    }
    const key = this.key('');
    const opTok = this.peek();
    if (opTok.kind === 'end' || opTok.kind === ',') return { key, operator: 'Exists', values: [] };
    this.next();
    switch (opTok.kind) {
      case '=':
      case '==':
      case '!=': {
        const value = this.exactValue(opTok, key);
        const operator = opTok.kind === '=' ? 'Equals' : opTok.kind === '==' ? 'DoubleEquals' : 'NotEquals';
        return { key, operator, values: [value] };
      }
      case '>':
      case '<': {
        const tok = this.next();
        if (!isWord(tok)) this.fail(`an integer after "${opTok.text}"`, tok);
        if (!/^[-+]?\d+$/.test(tok.text)) {
          throw new SelectorSyntaxError(`expected an integer after "${opTok.text}"`, tok.pos, `"${tok.text}"`);
        }
        return { key, operator: opTok.kind === '>' ? 'GreaterThan' : 'LessThan', values: [tok.text] };
      }
      case 'in':
      case 'notin':
        return { key, operator: opTok.kind === 'in' ? 'In' : 'NotIn', values: this.valueSet(opTok, key) };
      default:
        return this.fail('an operator ("=", "==", "!=", "in", "notin", ">", "<"), "," or end of input after a label key', opTok);
    }
  }

  private key(after: string): string {
    const tok = this.next();
    if (!isWord(tok)) this.fail(after ? `a label key after ${after}` : 'a label key', tok);
    const problems = labelKeyProblems(tok.text);
    if (problems.length) throw new SelectorSyntaxError(`invalid label key "${tok.text}": ${problems.join('; ')}`, tok.pos);
    return tok.text;
  }

  private value(tok: Token, key: string): string {
    const problems = labelValueProblems(tok.text);
    if (problems.length) throw new SelectorSyntaxError(`invalid value "${tok.text}" for label "${key}": ${problems.join('; ')}`, tok.pos);
    return tok.text;
  }

  /** After = == !=: one value, possibly empty ("a=" means a is ""). Keywords are plain values here. */
  private exactValue(opTok: Token, key: string): string {
    const tok = this.peek();
    if (tok.kind === 'end' || tok.kind === ',') return '';
    if (!isWord(tok)) this.fail(`a value after "${opTok.text}"`, tok);
    this.next();
    return this.value(tok, key);
  }

  /** After in/notin: "(" values ")"; empty entries stand for the empty value, as in Kubernetes. */
  private valueSet(opTok: Token, key: string): string[] {
    const open = this.next();
    if (open.kind !== '(') this.fail(`"(" after "${opTok.text}"`, open);
    const values = new Set<string>();
    let expectValue = true;
    for (;;) {
      const tok = this.next();
      if (tok.kind === ')') {
        if (expectValue) values.add('');
        break;
      }
      if (tok.kind === ',') {
        if (expectValue) values.add('');
        expectValue = true;
        continue;
      }
      if (expectValue && isWord(tok)) {
        values.add(this.value(tok, key));
        expectValue = false;
        continue;
      }
      this.fail(expectValue ? `a value, "," or ")" in the list of "${opTok.text}"` : `"," or ")" in the list of "${opTok.text}"`, tok);
    }
    return [...values].sort();
  }
}

/**
 * Parses kubectl selector text (`-l`) into a selector (requirements sorted by key); throws SelectorSyntaxError with the
 * problem and its 0-based position. Whitespace-only text is the empty selector (matches all).
 */
export function parseLabelSelector(text: string): LabelSelector {
  const requirements = new Parser(tokenize(text)).parse();
  // Sorted by key (stable), as Kubernetes does, so equal selectors compare equal.
  requirements.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return requirements.length ? { requirements } : EVERYTHING;
}

