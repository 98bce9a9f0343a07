import { describe, expect, it } from 'vitest';
import { rankItems, type PaletteItem } from './paletteItems';

const item = (label: string, keywords?: string): PaletteItem => ({ group: 'kind', label, keywords, route: { view: 'home' } });
const items = [item('Deployments', 'deploy'), item('Pods', 'po'), item('PodDisruptionBudgets', 'pdb'), item('web-pod-1'), item('ConfigMaps', 'cm')];

describe('rankItems', () => {
  it('ranks prefix, then word-start, then substring and keyword matches', () => {
    expect(rankItems(items, 'pod').map((i) => i.label)).toEqual(['Pods', 'PodDisruptionBudgets', 'web-pod-1']);
    expect(rankItems(items, 'cm').map((i) => i.label)).toEqual(['ConfigMaps']);
    expect(rankItems(items, 'MAPS').map((i) => i.label)).toEqual(['ConfigMaps']);
  });

  it('returns the first items for an empty query and respects the limit', () => {
    expect(rankItems(items, '  ', 2).map((i) => i.label)).toEqual(['Deployments', 'Pods']);
  });
});
