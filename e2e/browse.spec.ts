/**
 * Browse every area of the sidebar against the demo cluster: each list shows the kubectl
 * columns operators know, its header count agrees with `kubectl get -A`, and a known object
 * (picked from kubectl's own answer) is in the table.
 */
import { test, expect } from './fixtures';
import { t } from './support/catalog';
import { saveScreenshot } from './support/screenshots';

interface KindCase {
  id: string;
  kind: string;
  /** Sidebar text and list title. */
  title: string;
  /** What kubectl calls the resource. */
  resource: string;
  /** `kubectl get` default columns, as the table heads them. */
  columns: string[];
  /** Objects come and go on their own (CronJob runs, events): compare counts loosely. */
  churns?: boolean;
}

const AREAS: Array<{ area: string; kinds: KindCase[] }> = [
  {
    area: 'workloads',
    kinds: [
      { id: 'pods', kind: 'Pod', title: 'Pods', resource: 'pods', columns: ['Name', 'Namespace', 'Ready', 'Status', 'Restarts', 'Age'], churns: true },
      { id: 'deployments', kind: 'Deployment', title: 'Deployments', resource: 'deployments.apps', columns: ['Name', 'Namespace', 'Ready', 'Up to date', 'Available', 'Age'] },
      { id: 'replicasets', kind: 'ReplicaSet', title: 'ReplicaSets', resource: 'replicasets.apps', columns: ['Name', 'Namespace', 'Desired', 'Current', 'Ready', 'Age'] },
      { id: 'statefulsets', kind: 'StatefulSet', title: 'StatefulSets', resource: 'statefulsets.apps', columns: ['Name', 'Namespace', 'Ready', 'Age'] },
      { id: 'daemonsets', kind: 'DaemonSet', title: 'DaemonSets', resource: 'daemonsets.apps', columns: ['Name', 'Namespace', 'Desired', 'Current', 'Ready', 'Up to date', 'Available', 'Node selector', 'Age'] },
      { id: 'jobs', kind: 'Job', title: 'Jobs', resource: 'jobs.batch', columns: ['Name', 'Namespace', 'Status', 'Completions', 'Duration', 'Age'], churns: true },
      { id: 'cronjobs', kind: 'CronJob', title: 'CronJobs', resource: 'cronjobs.batch', columns: ['Name', 'Namespace', 'Schedule', 'Time zone', 'Suspend', 'Active', 'Last schedule', 'Age'] },
    ],
  },
  {
    area: 'network',
    kinds: [
      { id: 'services', kind: 'Service', title: 'Services', resource: 'services', columns: ['Name', 'Namespace', 'Type', 'Cluster IP', 'External IP', 'Ports', 'Age'] },
      { id: 'endpoints', kind: 'Endpoints', title: 'Endpoints', resource: 'endpoints', columns: ['Name', 'Namespace', 'Endpoints', 'Age'] },
      { id: 'endpointslices', kind: 'EndpointSlice', title: 'EndpointSlices', resource: 'endpointslices.discovery.k8s.io', columns: ['Name', 'Namespace', 'Address type', 'Ports', 'Endpoints', 'Age'] },
      { id: 'ingresses', kind: 'Ingress', title: 'Ingresses', resource: 'ingresses.networking.k8s.io', columns: ['Name', 'Namespace', 'Class', 'Hosts', 'Address', 'Ports', 'Age'] },
      { id: 'networkpolicies', kind: 'NetworkPolicy', title: 'NetworkPolicies', resource: 'networkpolicies.networking.k8s.io', columns: ['Name', 'Namespace', 'Pod selector', 'Age'] },
    ],
  },
  {
    area: 'config',
    kinds: [
      { id: 'configmaps', kind: 'ConfigMap', title: 'ConfigMaps', resource: 'configmaps', columns: ['Name', 'Namespace', 'Data', 'Age'] },
      { id: 'secrets', kind: 'Secret', title: 'Secrets', resource: 'secrets', columns: ['Name', 'Namespace', 'Type', 'Data', 'Age'] },
      { id: 'horizontalpodautoscalers', kind: 'HorizontalPodAutoscaler', title: 'HorizontalPodAutoscalers', resource: 'horizontalpodautoscalers.autoscaling', columns: ['Name', 'Namespace', 'Reference', 'Targets', 'Min pods', 'Max pods', 'Replicas', 'Age'] },
      { id: 'poddisruptionbudgets', kind: 'PodDisruptionBudget', title: 'PodDisruptionBudgets', resource: 'poddisruptionbudgets.policy', columns: ['Name', 'Namespace', 'Min available', 'Max unavailable', 'Allowed disruptions', 'Age'] },
      { id: 'resourcequotas', kind: 'ResourceQuota', title: 'ResourceQuotas', resource: 'resourcequotas', columns: ['Name', 'Namespace', 'Age', 'Request', 'Limit'] },
      { id: 'limitranges', kind: 'LimitRange', title: 'LimitRanges', resource: 'limitranges', columns: ['Name', 'Namespace', 'Created at'] },
    ],
  },
  {
    area: 'storage',
    kinds: [
      { id: 'persistentvolumeclaims', kind: 'PersistentVolumeClaim', title: 'PersistentVolumeClaims', resource: 'persistentvolumeclaims', columns: ['Name', 'Namespace', 'Status', 'Volume', 'Capacity', 'Access modes', 'StorageClass', 'VolumeAttributesClass', 'Age'] },
      { id: 'persistentvolumes', kind: 'PersistentVolume', title: 'PersistentVolumes', resource: 'persistentvolumes', columns: ['Name', 'Capacity', 'Access modes', 'Reclaim policy', 'Status', 'Claim', 'StorageClass', 'VolumeAttributesClass', 'Reason', 'Age'] },
      { id: 'storageclasses', kind: 'StorageClass', title: 'StorageClasses', resource: 'storageclasses.storage.k8s.io', columns: ['Name', 'Provisioner', 'Reclaim policy', 'Volume binding mode', 'Allow volume expansion', 'Age'] },
    ],
  },
  {
    area: 'access',
    kinds: [
      { id: 'serviceaccounts', kind: 'ServiceAccount', title: 'ServiceAccounts', resource: 'serviceaccounts', columns: ['Name', 'Namespace', 'Secrets', 'Age'] },
      { id: 'roles', kind: 'Role', title: 'Roles', resource: 'roles.rbac.authorization.k8s.io', columns: ['Name', 'Namespace', 'Created at'] },
      { id: 'clusterroles', kind: 'ClusterRole', title: 'ClusterRoles', resource: 'clusterroles.rbac.authorization.k8s.io', columns: ['Name', 'Created at'] },
      { id: 'rolebindings', kind: 'RoleBinding', title: 'RoleBindings', resource: 'rolebindings.rbac.authorization.k8s.io', columns: ['Name', 'Namespace', 'Role', 'Age'] },
      { id: 'clusterrolebindings', kind: 'ClusterRoleBinding', title: 'ClusterRoleBindings', resource: 'clusterrolebindings.rbac.authorization.k8s.io', columns: ['Name', 'Role', 'Age'] },
    ],
  },
  {
    area: 'cluster',
    kinds: [
      { id: 'nodes', kind: 'Node', title: 'Nodes', resource: 'nodes', columns: ['Name', 'Status', 'Roles', 'Age', 'Version'] },
      // Namespaces: other specs create and delete their own while this one runs.
      { id: 'namespaces', kind: 'Namespace', title: 'Namespaces', resource: 'namespaces', columns: ['Name', 'Status', 'Age'], churns: true },
      { id: 'events', kind: 'Event', title: 'Events', resource: 'events', columns: ['Namespace', 'Last seen', 'Type', 'Reason', 'Object', 'Message'], churns: true },
    ],
  },
];

/** `kubectl get -o name` prefix of a kind: `deployment.apps`, `pod`. */
function kubectlNamePrefix(kind: KindCase): string {
  const dot = kind.resource.indexOf('.');
  return kind.kind.toLowerCase() + (dot >= 0 ? kind.resource.slice(dot) : '');
}

/** `kubectl get a,b -o name` output → names per prefix (`pod` → [names]). */
function namesByKind(out: { stdout: string }): Map<string, string[]> {
  const byKind = new Map<string, string[]>();
  for (const line of out.stdout.split('\n').filter(Boolean)) {
    const slash = line.indexOf('/');
    const prefix = line.slice(0, slash);
    byKind.set(prefix, [...(byKind.get(prefix) ?? []), line.slice(slash + 1)]);
  }
  return byKind;
}

/** `expected` appear in `actual` in this order (extra columns such as -o wide ones may sit between). */
function inOrder(actual: string[], expected: string[]): boolean {
  let i = 0;
  for (const a of actual) if (i < expected.length && a.toLowerCase() === expected[i].toLowerCase()) i++;
  return i === expected.length;
}

test.describe('browse every area', () => {
  test('overview shows node and pod counts by state, workloads off target and events', async ({ app, kubectl, page }) => {
    // Every stream the page opens, as sent on the socket: the pod counts must come counted from
    // main, never as a watch of every pod in the cluster held by the page.
    const subscriptions: Array<{ ch: string; params: { ref?: { resource?: string }; namespace?: string } }> = [];
    page.on('websocket', (ws) =>
      ws.on('framesent', (frame) => {
        if (typeof frame.payload !== 'string') return;
        const msg = JSON.parse(frame.payload) as { t?: string; ch?: string; params?: never };
        if (msg.t === 'sub' && msg.ch && msg.params) subscriptions.push({ ch: msg.ch, params: msg.params });
      }),
    );
    await app.openOverview();
    const overview = app.main.getByRole('region', { name: /^Overview/ });
    await expect(overview.getByRole('heading', { level: 1 })).toContainText('Overview');
    const nodes = overview.getByRole('heading', { name: /^Nodes \d+$/ });
    const nodeNames = await kubectl.names(['nodes']);
    await expect(nodes).toHaveText(`Nodes ${nodeNames.length}`);
    await expect(overview.getByRole('list', { name: 'Nodes' }).getByRole('listitem').filter({ hasText: 'Ready' })).toContainText(String(nodeNames.length));
    // Pods by state, as kubectl's STATUS column says them (the demo has crash-looping and unpullable pods).
    const podStates = overview.getByRole('list', { name: 'Pods', exact: true });
    await expect(podStates).toContainText('Running', { timeout: 30_000 });
    await expect(podStates).toContainText(/ImagePullBackOff|ErrImagePull/);
    // The demo's payment-gateway never gets its image: it is not at its desired replicas.
    await expect(overview.getByRole('region', { name: 'Workloads not at desired replicas' })).toContainText('Deployment/payment-gateway');
    const warnings = overview.getByRole('region', { name: 'Warning events' });
    await expect(warnings.getByRole('link').first()).toBeVisible();
    // Ages are real durations; an event newer than the view's clock must not read "<invalid> ago".
    await expect(overview).not.toContainText('<invalid>');
    const podStreams = subscriptions.filter((s) => s.params.ref?.resource === 'pods');
    expect(podStreams.map((s) => s.ch)).toEqual(['objects.stateCounts']);
    await saveScreenshot(app.page, 'overview-en');
  });

  for (const { area, kinds } of AREAS) {
    test(`${area}: every kind lists its objects with kubectl's columns`, async ({ app, kubectl }) => {
      await app.openOverview();
      await expect(app.sidebarArea(area)).toBeVisible();
      // One kubectl call for the whole area (each call costs ~0.5 s on a busy machine).
      const namesOf = async () => namesByKind(await kubectl.run(['get', kinds.map((k) => k.resource).join(','), '-A', '-o', 'name']));
      let names = await namesOf();
      for (const kind of kinds) {
        await test.step(kind.title, async () => {
          await app.sidebarLink(kind.title).click();
          await expect(app.sidebarLink(kind.title)).toHaveAttribute('aria-current', 'page');
          const list = app.list;
          await list.expectTitle(kind.title);
          await expect(list.rows.first()).toBeVisible();
          const headers = await list.headerTexts();
          expect(inOrder(headers, kind.columns), `columns of ${kind.title}: ${headers.join(' | ')}`).toBe(true);
          const expected = names.get(kubectlNamePrefix(kind)) ?? [];
          expect(expected.length, `kubectl lists ${kind.resource}`).toBeGreaterThan(0);
          if (!kind.churns) {
            // The header count is what kubectl counts (asked again if the cluster moved meanwhile).
            await expect
              .poll(async () => {
                const shown = await list.count();
                if (shown !== (names.get(kubectlNamePrefix(kind)) ?? []).length) names = await namesOf();
                return shown - (names.get(kubectlNamePrefix(kind)) ?? []).length;
              }, { message: `${kind.title}: header count minus kubectl's count` })
              .toBe(0);
          } else {
            expect(await list.count()).toBeGreaterThan(0);
          }
          if (kind.id === 'events') return; // Events are named by a -o wide column only.
          // An object kubectl knows is in the table (found by its exact name through search).
          const [first] = expected;
          await list.searchInput.fill(first);
          // Names repeat across namespaces (every namespace has ServiceAccount "default").
          await expect(list.row(first).first()).toBeVisible();
        });
      }
    });
  }

  test('custom resources: the demo CRD is discovered and listed with its printer columns', async ({ app, kubectl }) => {
    await app.openOverview();
    const crds = await kubectl.getJson<{ items: Array<{ spec: { group: string; names: { kind: string; plural: string } } }> }>(['customresourcedefinitions']);
    const backup = crds.items.find((c) => c.spec.names.kind === 'Backup');
    expect(backup, 'the demo scenario defines a Backup CRD').toBeDefined();
    const group = app.sidebar.getByRole('group', { name: backup!.spec.group });
    await group.getByRole('link', { name: 'Backup', exact: true }).click();
    const list = app.list;
    await expect(list.rows.first()).toBeVisible();
    const headers = await list.headerTexts();
    // kubectl get backups -A -o wide: NAMESPACE NAME SCHEDULE TARGET LAST BACKUP STATUS SIZE AGE.
    // The custom columns are headed by the CRD's own column names (upper-cased, as kubectl prints
    // them); SIZE has priority 1, so it shows in the wide view only.
    expect(headers.slice(0, 2)).toEqual(['Name', 'Namespace']);
    expect(headers.slice(2, 8), headers.join(' | ')).toEqual(['SCHEDULE', 'TARGET', 'LAST BACKUP', 'STATUS', 'SIZE', 'AGE']);
    await list.view.getByRole('button', { name: t('en', 'list.wide'), exact: true }).click();
    await expect.poll(() => list.headerTexts()).toEqual(['Name', 'Namespace', 'SCHEDULE', 'TARGET', 'LAST BACKUP', 'STATUS', 'AGE', 'Labels']);
    const names = await kubectl.names([`${backup!.spec.names.plural}.${backup!.spec.group}`, '-A']);
    await expect.poll(() => list.count()).toBe(names.length);
    await list.expectRows(names);
    // Printer-column values are the CRD's: the STATUS of postgres-nightly as kubectl prints it.
    const printed = await kubectl.run(['get', `${backup!.spec.names.plural}.${backup!.spec.group}`, '-n', 'shop', 'postgres-nightly', '--no-headers', '-o', 'custom-columns=STATUS:.status.phase']);
    await expect(await list.cell('postgres-nightly', headers.find((h) => /^status$/i.test(h))!)).toHaveText(printed.stdout.trim());
  });
});
