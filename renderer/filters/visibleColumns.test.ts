import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../app/kube/object';
import { visibleColumns } from './visibleColumns';

const row = (node?: string): KubeObject => ({ metadata: { name: 'p', uid: String(node) }, spec: { nodeName: node } });
const cols = [
  { id: 'name', value: (o: KubeObject) => o.metadata.name },
  { id: 'node', wide: true, value: (o: KubeObject) => (o.spec.nodeName as string | undefined) ?? '<none>' },
  { id: 'gates', wide: true, value: () => '<none>' },
];

describe('visibleColumns', () => {
  it('hides wide columns outside the wide view', () => {
    expect(visibleColumns(cols, [row('n1')], false, 0).map((c) => c.id)).toEqual(['name']);
  });

  it('shows wide columns that have a value in some row, hides those empty everywhere', () => {
    expect(visibleColumns(cols, [row(), row('n1')], true, 0).map((c) => c.id)).toEqual(['name', 'node']);
    expect(visibleColumns(cols, [row()], true, 0).map((c) => c.id)).toEqual(['name']);
  });
});
