import { describe, expect, it } from 'vitest';
import {
  addRequirement,
  describeLabelSelector,
  formatLabelSelector,
  matchesLabelSelector,
  parseLabelSelector,
  SelectorSyntaxError,
  selectorFromLabelSelectorSpec,
  selectorFromMatchLabels,
} from './labelSelector';

function errorOf(text: string): SelectorSyntaxError {
  try {
    parseLabelSelector(text);
  } catch (err) {
    if (err instanceof SelectorSyntaxError) return err;
    throw err;
  }
  throw new Error(`expected ${JSON.stringify(text)} to be rejected`);
}

const matches = (text: string, labels: Record<string, string>) => matchesLabelSelector(parseLabelSelector(text), labels);

describe('parseLabelSelector: grammar accepted by the API server', () => {
  // Cases from k8s.io/apimachinery/pkg/labels selector_test.go (TestSelectorParse, TestSetSelectorParser):
  // each must parse, and format back to kubectl's canonical text.
  it.each([
    ['x=a,y=b,z=c', 'x=a,y=b,z=c'],
    ['', ''],
    ['x!=a,y=b', 'x!=a,y=b'],
    ['x=', 'x='],
    ['x= ', 'x='],
    ['x=,z= ', 'x=,z='],
    ['x= ,z= ', 'x=,z='],
    ['!x', '!x'],
    ['x>1', 'x>1'],
    ['x>1,z<5', 'x>1,z<5'],
    ['\rx', 'x'],
    ['this-is-a-dns.domain.com/key-with-dash', 'this-is-a-dns.domain.com/key-with-dash'],
    ['this-is-another-dns.domain.com/key-with-dash in (so,what)', 'this-is-another-dns.domain.com/key-with-dash in (so,what)'],
    ['0.1.2.domain/99 notin (10.10.100.1, tick.tack.clock)', '0.1.2.domain/99 notin (10.10.100.1,tick.tack.clock)'],
    ['foo  in\t (abc)', 'foo in (abc)'],
    ['x notin\n (abc)', 'x notin (abc)'],
    ['x in (abc,)', 'x in (,abc)'],
    ['x in ()', 'x in ()'],
    ['x notin ( )', 'x notin ()'],
    ['x notin (, a)', 'x notin (,a)'],
    ['x notin (abc,def),bar,z in (),w', 'bar,w,x notin (abc,def),z in ()'],
    ['a ', 'a'],
    ['a in (x,y,notin, z,in)', 'a in (in,notin,x,y,z)'],
    ['x,y', 'x,y'],
    ['notin=in', 'notin=in'],
    ['x==a', 'x=a'],
    ['a in (b,b,a)', 'a in (a,b)'],
    ['app.kubernetes.io/name=web , tier notin (cache) , !canary', 'app.kubernetes.io/name=web,!canary,tier notin (cache)'], // sorted by key, not by text
  ])('%j → %j', (text, canonical) => {
    expect(formatLabelSelector(parseLabelSelector(text))).toBe(canonical);
  });

  it('keeps requirements with operator, sorted values and duplicates removed', () => {
    expect(parseLabelSelector('env in (prod, dev, prod),!legacy,tier').requirements).toEqual([
      { key: 'env', operator: 'In', values: ['dev', 'prod'] },
      { key: 'legacy', operator: 'DoesNotExist', values: [] },
      { key: 'tier', operator: 'Exists', values: [] },
    ]);
    expect(parseLabelSelector('a==b').requirements[0].operator).toBe('DoubleEquals');
    expect(parseLabelSelector('a<-3').requirements[0]).toEqual({ key: 'a', operator: 'LessThan', values: ['-3'] });
  });

  it('formats deterministically regardless of input order (so informers keyed by selector are shared)', () => {
    expect(formatLabelSelector(parseLabelSelector('x=a,a=x'))).toBe(formatLabelSelector(parseLabelSelector('a=x,x=a')));
  });

  it('round-trips: parsing the canonical text gives the same selector', () => {
    for (const text of ['x notin (abc,def),bar,z in (),w', 'a in (,x)', '!a,b!=c,d>3,e<-1', 'k=']) {
      const once = parseLabelSelector(text);
      expect(parseLabelSelector(formatLabelSelector(once))).toEqual(once);
    }
  });
});

describe('parseLabelSelector: errors say what is wrong and where', () => {
  it.each([
    // [input, exact message]
    ['app in x', 'expected "(" after "in" at 7, found "x"'],
    ['app in', 'expected "(" after "in" at 6, found end of input'],
    ['a notin(', 'expected a value, "," or ")" in the list of "notin" at 8, found end of input'],
    ['a in (xyz abc)', 'expected "," or ")" in the list of "in" at 10, found "abc"'],
    ['a in (x', 'expected "," or ")" in the list of "in" at 7, found end of input'],
    ['a in (x=)', 'expected "," or ")" in the list of "in" at 7, found "="'],
    ['x,', 'expected a label key or "!" after "," at 2, found end of input'],
    [',x,y', 'expected a label key or "!" at 0, found ","'],
    ['a in (xyz),', 'expected a label key or "!" after "," at 11, found end of input'],
    ['a in (xyz)b notin ()', 'expected "," or end of input after a requirement at 10, found "b"'],
    ['x nott in (y)', 'expected an operator ("=", "==", "!=", "in", "notin", ">", "<"), "," or end of input after a label key at 2, found "nott"'],
    ['a (', 'expected an operator ("=", "==", "!=", "in", "notin", ">", "<"), "," or end of input after a label key at 2, found "("'],
    ['(', 'expected a label key or "!" at 0, found "("'],
    ['!x=a', 'expected "," or end of input after a requirement at 2, found "="'],
    ['x==a==b', 'expected "," or end of input after a requirement at 4, found "=="'],
    ['!', 'expected a label key after "!" at 1, found end of input'],
    ['!!x', 'expected a label key after "!" at 1, found "!"'],
    ['x<a', 'expected an integer after "<" at 2, found "a"'],
    ['x>', 'expected an integer after ">" at 2, found end of input'],
    ['x>1.5', 'expected an integer after ">" at 2, found "1.5"'],
    ['x=(a)', 'expected a value after "=" at 2, found "("'],
  ])('%j → %s', (text, message) => {
    const err = errorOf(text);
    expect(err).toBeInstanceOf(SelectorSyntaxError);
    expect(err.message).toBe(message);
  });

  it('exposes problem and position separately', () => {
    const err = errorOf('tier=web,app in x');
    expect(err.position).toBe(16);
    expect(err.problem).toBe('expected "(" after "in"');
    expect(err.found).toBe('"x"');
  });

  it('validates keys as the API server does (optional DNS prefix, name ≤ 63)', () => {
    expect(errorOf('Example.com/app=x').message).toMatch(/^invalid label key "Example.com\/app": prefix part must be a lowercase DNS subdomain.* at 0$/);
    expect(errorOf('a/b/c').message).toMatch(/^invalid label key "a\/b\/c": .*at most one "\/".* at 0$/);
    expect(errorOf('x=1,/app').message).toMatch(/^invalid label key "\/app": prefix part must be non-empty at 4$/);
    expect(errorOf('example.com/').message).toMatch(/name part must be non-empty at 0$/);
    expect(errorOf(`${'a'.repeat(64)}=x`).message).toMatch(/name part must be no more than 63 characters at 0$/);
    expect(errorOf(`${'a'.repeat(254)}/b`).message).toMatch(/prefix part must be no more than 253 characters/);
    expect(errorOf('-app=x').message).toMatch(/^invalid label key "-app": name part must consist of .*start and end with an alphanumeric character at 0$/);
    expect(errorOf('a||y=b').message).toMatch(/^invalid label key "a\|\|y"/);
    // Valid edge cases.
    expect(() => parseLabelSelector(`${'a'.repeat(63)}`)).not.toThrow();
    expect(() => parseLabelSelector('1234 in (bar)')).not.toThrow();
    expect(() => parseLabelSelector('A_b.C-d=x')).not.toThrow();
    expect(() => parseLabelSelector('k8s.io/Upper_Name=x')).not.toThrow();
  });

  it('validates values (≤ 63, alphanumerics and - _ . inside)', () => {
    expect(errorOf('x=a||y=b').message).toMatch(/^invalid value "a\|\|y" for label "x": must be empty or consist of .* at 2$/);
    expect(errorOf(`app=${'v'.repeat(64)}`).message).toBe('invalid value "' + 'v'.repeat(64) + '" for label "app": must be no more than 63 characters at 4');
    expect(errorOf('app in (ok,-bad)').message).toMatch(/^invalid value "-bad" for label "app".* at 11$/);
    expect(() => parseLabelSelector(`app=${'v'.repeat(63)}`)).not.toThrow();
    expect(() => parseLabelSelector('app=v1.2_3-x')).not.toThrow();
  });
});

describe('matchesLabelSelector', () => {
  const labels = { foo: 'bar', baz: 'blah' };
  it.each([
    ['', { x: 'y' }, true],
    ['x=y', { x: 'y' }, true],
    ['x=y,z=w', { x: 'y', z: 'w' }, true],
    ['x!=y,z!=w', { x: 'z', z: 'a' }, true],
    ['notin=in', { notin: 'in' }, true],
    ['x', { x: 'z' }, true],
    ['!x', { y: 'z' }, true],
    ['x>1', { x: '2' }, true],
    ['x<1', { x: '0' }, true],
    ['x=z', {}, false],
    ['x=y', { x: 'z' }, false],
    ['x=y,z=w', { x: 'w', z: 'w' }, false],
    ['x!=y,z!=w', { x: 'z', z: 'w' }, false],
    ['x', { y: 'z' }, false],
    ['!x', { x: 'z' }, false],
    ['x>1', { x: '0' }, false],
    ['x<1', { x: '2' }, false],
    ['z>1', { z: 'v2' }, false], // non-integer label value never matches > or <
    ['z>1', {}, false],
    ['foo=bar,baz=blah', labels, true],
    ['foo=bar,foobar=bar,baz=blah', labels, false],
    ['x notin (),y', { y: '' }, true],
    ['!x,y', { y: '' }, true],
    ['x notin (),!y', { y: '' }, false],
    ['x in ()', { y: 'baz' }, false],
    ['x in ()', { x: '' }, true],
    ['x=', { x: '' }, true],
    ['x=', {}, false],
    ['x!=a', {}, true], // != and notin match objects without the label
    ['x notin (a,b)', {}, true],
    ['x notin (a,b)', { x: 'b' }, false],
    ['env in (prod,staging),tier notin (cache),!canary', { env: 'prod', tier: 'web' }, true],
    ['env in (prod,staging),tier notin (cache),!canary', { env: 'prod', tier: 'web', canary: 'true' }, false],
  ])('%j on %j → %s', (text, set, expected) => {
    expect(matches(text, set)).toBe(expected);
  });

  it('treats missing labels as an empty set and ignores inherited properties', () => {
    expect(matchesLabelSelector(parseLabelSelector('!app'), undefined)).toBe(true);
    expect(matchesLabelSelector(parseLabelSelector('toString'), {})).toBe(false);
    expect(matchesLabelSelector(parseLabelSelector('constructor'), {})).toBe(false);
  });
});

describe('selectors from API objects', () => {
  it('builds from metav1.LabelSelector (Deployment, StatefulSet, PDB)', () => {
    const sel = selectorFromLabelSelectorSpec({
      matchLabels: { app: 'web' },
      matchExpressions: [
        { key: 'tier', operator: 'In', values: ['frontend', 'backend'] },
        { key: 'legacy', operator: 'DoesNotExist' },
        { key: 'track', operator: 'NotIn', values: ['canary'] },
        { key: 'team', operator: 'Exists' },
      ],
    });
    expect(formatLabelSelector(sel)).toBe('app=web,!legacy,team,tier in (backend,frontend),track notin (canary)');
    expect(matchesLabelSelector(sel, { app: 'web', tier: 'frontend', team: 'a' })).toBe(true);
    expect(matchesLabelSelector(sel, { app: 'web', tier: 'frontend', team: 'a', track: 'canary' })).toBe(false);
    expect(describeLabelSelector(sel)).toBe('app=web,!legacy,team,tier in (backend,frontend),track notin (canary)');
  });

  it('equals the parsed text whichever way it was built', () => {
    const fromSpec = selectorFromLabelSelectorSpec({ matchLabels: { tier: 'web', app: 'shop' }, matchExpressions: [{ key: 'env', operator: 'NotIn', values: ['dev'] }] });
    expect(fromSpec).toEqual(parseLabelSelector('tier=web,app=shop,env notin (dev)'));
  });

  it('null selects nothing, {} selects everything (metav1.LabelSelectorAsSelector)', () => {
    const none = selectorFromLabelSelectorSpec(null);
    expect(none.matchesNothing).toBe(true);
    expect(matchesLabelSelector(none, {})).toBe(false);
    expect(() => formatLabelSelector(none)).toThrow(/matches nothing/);
    expect(describeLabelSelector(none)).toBe('<none>');
    const all = selectorFromLabelSelectorSpec({});
    expect(matchesLabelSelector(all, { any: 'thing' })).toBe(true);
    expect(formatLabelSelector(all)).toBe('');
    expect(describeLabelSelector(all)).toBe('<none>');
  });

  it('rejects what the API server would not have admitted', () => {
    expect(() => selectorFromLabelSelectorSpec({ matchExpressions: [{ key: 'a', operator: 'In', values: [] }] })).toThrow(
      /operator In of "a" needs at least one value/,
    );
    expect(() => selectorFromLabelSelectorSpec({ matchExpressions: [{ key: 'a', operator: 'Exists', values: ['x'] }] })).toThrow(/takes no values/);
    expect(() => selectorFromLabelSelectorSpec({ matchExpressions: [{ key: 'a', operator: 'Gt', values: ['1'] }] })).toThrow(/unknown operator "Gt"/);
    expect(() => selectorFromLabelSelectorSpec({ matchLabels: { 'bad key': 'x' } })).toThrow(SelectorSyntaxError);
    expect(() => selectorFromLabelSelectorSpec({ matchLabels: { app: 'bad value' } })).toThrow(/invalid value "bad value" for label "app"/);
  });

  it('Service selectors are plain maps; a missing or empty one selects nothing', () => {
    const sel = selectorFromMatchLabels({ app: 'redis', role: 'leader' });
    expect(formatLabelSelector(sel)).toBe('app=redis,role=leader');
    expect(matchesLabelSelector(sel, { app: 'redis', role: 'leader', tier: 'backend' })).toBe(true);
    expect(matchesLabelSelector(sel, { app: 'redis' })).toBe(false);
    expect(selectorFromMatchLabels(undefined).matchesNothing).toBe(true);
    expect(selectorFromMatchLabels({}).matchesNothing).toBe(true);
  });
});

describe('addRequirement (label chip clicked)', () => {
  it('starts a selector from nothing', () => {
    expect(addRequirement('', 'app', 'web')).toBe('app=web');
    expect(addRequirement('   ', 'app', 'web')).toBe('app=web');
  });

  it('appends to what the user typed, keeping their text', () => {
    expect(addRequirement('tier in (a, b)', 'app', 'web')).toBe('tier in (a, b),app=web');
    expect(addRequirement('tier=x,', 'app', 'web')).toBe('tier=x,app=web');
    expect(addRequirement('app=api', 'app', 'web')).toBe('app=api,app=web');
    expect(addRequirement('app!=web', 'app', 'web')).toBe('app!=web,app=web');
  });

  it('leaves the text alone when that requirement is already there', () => {
    expect(addRequirement('tier=x,app=web', 'app', 'web')).toBe('tier=x,app=web');
    expect(addRequirement('app==web', 'app', 'web')).toBe('app==web');
    expect(addRequirement('app in (web)', 'app', 'web')).toBe('app in (web)');
    expect(addRequirement('app in (web,api)', 'app', 'web')).toBe('app in (web,api),app=web');
  });

  it('appends even to text that does not parse, and the result still shows the user error', () => {
    const out = addRequirement('app in', 'tier', 'web');
    expect(out).toBe('app in,tier=web');
    expect(() => parseLabelSelector(out)).toThrow(SelectorSyntaxError);
  });

  it('the result selects what the chip means', () => {
    const text = addRequirement('env=prod', 'app.kubernetes.io/name', 'web');
    expect(matches(text, { env: 'prod', 'app.kubernetes.io/name': 'web' })).toBe(true);
    expect(matches(text, { env: 'prod', 'app.kubernetes.io/name': 'api' })).toBe(false);
  });

  it('accepts empty label values and rejects invalid keys', () => {
    expect(addRequirement('', 'flag', '')).toBe('flag=');
    expect(matches('flag=', { flag: '' })).toBe(true);
    expect(() => addRequirement('', 'bad key', 'x')).toThrow(SelectorSyntaxError);
  });
});
