import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../app/kube/object';
import { kindById } from '../../app/kinds/registry';
import { fromDiscovery, fromRegistry } from './useListKind';

const NOW = Date.parse('2026-11-27T03:00:00Z');
const t = (key: string) => `t(${key})`;
const pod = (createdOffsetMs: number): KubeObject => ({
  metadata: { name: 'p', namespace: 'ns', uid: 'p', creationTimestamp: new Date(NOW + createdOffsetMs).toISOString() },
  spec: { containers: [{ name: 'c' }] },
  status: { phase: 'Running' },
});

describe('list columns', () => {
  const pods = fromRegistry(kindById('pods')!, t);
  const age = pods.columns.find((c) => c.id === 'age')!;

  it('a pod created after the table last read the clock (or by a server clock ahead of ours) is 0s old, not "<invalid>"', () => {
    expect(age.value(pod(8_000), NOW)).toBe('0s');
    expect(age.value(pod(-42_000), NOW)).toBe('42s');
  });

  it('other times newer than creation (an event seen again, a pod restarted) never read "<invalid>" either', () => {
    const events = fromRegistry(kindById('events')!, t);
    const lastSeen = events.columns.find((c) => c.id === 'lastSeen')!;
    const event: KubeObject = {
      metadata: { name: 'e', namespace: 'ns', uid: 'e', creationTimestamp: new Date(NOW - 600_000).toISOString() },
      lastTimestamp: new Date(NOW + 5_000).toISOString(),
      involvedObject: { kind: 'Pod', name: 'p' },
    };
    expect(lastSeen.value(event, NOW)).toBe('0s');
    expect(lastSeen.value(event, NOW + 65_000)).toBe('60s');
    const restarts = pods.columns.find((c) => c.id === 'restarts')!;
    const restarted: KubeObject = {
      ...pod(-600_000),
      status: { phase: 'Running', containerStatuses: [{ name: 'c', restartCount: 2, lastState: { terminated: { finishedAt: new Date(NOW + 4_000).toISOString() } } }] },
    };
    expect(restarts.value(restarted, NOW)).toBe('2 (0s ago)');
  });

  it('a STATUS column keeps its problem values for the table to colour (ExitCode:1, not Running)', () => {
    const status = pods.columns.find((c) => c.id === 'status')!;
    expect([status.isProblem?.('ExitCode:1'), status.isProblem?.('Signal:9'), status.isProblem?.('Running')]).toEqual([true, true, false]);
  });

  it('built-in column titles are translated; a CRD printer column keeps the CRD\'s own name', () => {
    expect(age.title).toBe('t(column.age)');
    const backups = fromDiscovery(
      {
        group: 'demo.example.com',
        version: 'v1',
        resource: 'backups',
        kind: 'Backup',
        namespaced: true,
        verbs: ['list', 'watch'],
        custom: true,
        printerColumns: [
          { name: 'Schedule', type: 'string', jsonPath: '.spec.schedule' },
          { name: 'Last Backup', type: 'date', jsonPath: '.status.lastBackupTime' },
        ],
      },
      t,
    );
    expect(backups.columns.map((c) => c.title)).toEqual(['t(column.name)', 't(column.namespace)', 'SCHEDULE', 'LAST BACKUP']);
  });
});
