import { describe, expect, it } from 'vitest';
import { isValidLabelKey, isValidLabelValue, labelKeyProblems, labelValueProblems } from './labelValidation';

describe('label keys (IsQualifiedName)', () => {
  it.each(['app', 'a', 'A', '1234', 'app.kubernetes.io/name', 'example.com/My_Key-1.x', 'a'.repeat(63), `${'a'.repeat(253)}/x`, '0.1.2.domain/99'])(
    'accepts %j',
    (key) => expect(labelKeyProblems(key)).toEqual([]),
  );

  it.each([
    ['', 'name part must be non-empty'],
    ['-app', 'name part must consist of'],
    ['app-', 'name part must consist of'],
    ['a b', 'name part must consist of'],
    ['a'.repeat(64), 'name part must be no more than 63 characters'],
    ['/app', 'prefix part must be non-empty'],
    ['Example.com/app', 'prefix part must be a lowercase DNS subdomain'],
    ['example_com/app', 'prefix part must be a lowercase DNS subdomain'],
    ['example.com./app', 'prefix part must be a lowercase DNS subdomain'],
    [`${'a'.repeat(254)}/x`, 'prefix part must be no more than 253 characters'],
    ['a/b/c', 'at most one "/"'],
  ])('rejects %j', (key, problem) => {
    expect(labelKeyProblems(key).join('; ')).toContain(problem);
    expect(isValidLabelKey(key)).toBe(false);
  });
});

describe('label values (IsValidLabelValue)', () => {
  it.each(['', 'v', 'v1.2.3', 'A_b-c.D', 'x'.repeat(63)])('accepts %j', (v) => expect(isValidLabelValue(v)).toBe(true));
  it.each([['-x'], ['x-'], ['a b'], ['a/b'], ['x'.repeat(64)], ['ü']])('rejects %j', (v) => {
    expect(labelValueProblems(v).length).toBe(1);
  });
});
