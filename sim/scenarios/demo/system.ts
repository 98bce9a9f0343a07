/**
 * The demo's infrastructure: kube-system (static control-plane pods, CoreDNS, kube-proxy,
 * metrics-server, a storage provisioner), ingress-nginx, StorageClasses and the PriorityClasses
 * and RBAC a kubeadm cluster has.
 */
import type { KubeObject } from '../../types';
import { configMap, container, daemonSet, deployment, service } from '../build';

const CONTROL_PLANE_TOLERATION = { key: 'node-role.kubernetes.io/control-plane', operator: 'Exists', effect: 'NoSchedule' };

/** kubeadm's static pods on the control-plane node (mirror pods owned by the Node). */
export function staticPods(node: KubeObject): KubeObject[] {
  const name = node.metadata.name ?? 'cp-1';
  const ip = ((node.status as { addresses?: Array<{ type: string; address: string }> }).addresses ?? []).find((a) => a.type === 'InternalIP')?.address ?? '10.0.0.10';
  const pod = (component: string, image: string, command: string[], cpu: string): KubeObject => ({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: `${component}-${name}`,
      namespace: 'kube-system',
      labels: { component, tier: 'control-plane' },
      annotations: { 'kubernetes.io/config.source': 'file', 'kubernetes.io/config.hash': component.length.toString(16).padStart(32, 'a') },
      ownerReferences: [{ apiVersion: 'v1', kind: 'Node', name, uid: node.metadata.uid ?? '', controller: true }],
    },
    spec: {
      nodeName: name,
      hostNetwork: true,
      priorityClassName: 'system-node-critical',
      priority: 2000001000,
      tolerations: [{ operator: 'Exists', effect: 'NoExecute' }],
      containers: [{ name: component, image, command, resources: { requests: { cpu } } }],
    },
  });
  return [
    pod('etcd', 'registry.k8s.io/etcd:3.5.16-0', ['etcd', `--advertise-client-urls=https://${ip}:2379`, '--data-dir=/var/lib/etcd'], '100m'),
    pod('kube-apiserver', 'registry.k8s.io/kube-apiserver:v1.32.4', ['kube-apiserver', `--advertise-address=${ip}`, '--service-cluster-ip-range=10.96.0.0/12'], '250m'),
    pod('kube-controller-manager', 'registry.k8s.io/kube-controller-manager:v1.32.4', ['kube-controller-manager', '--cluster-cidr=10.244.0.0/16'], '200m'),
    pod('kube-scheduler', 'registry.k8s.io/kube-scheduler:v1.32.4', ['kube-scheduler', '--leader-elect=true'], '100m'),
  ];
}

export function systemObjects(): Array<[string, KubeObject]> {
  return [
    ['priorityclasses.scheduling.k8s.io', { apiVersion: 'scheduling.k8s.io/v1', kind: 'PriorityClass', metadata: { name: 'shop-critical' }, value: 100000, globalDefault: false, description: 'Checkout path of the web shop.' } as KubeObject],
    ['configmaps', configMap('kube-system', 'coredns', {
      Corefile: '.:53 {\n    errors\n    health {\n       lameduck 5s\n    }\n    ready\n    kubernetes cluster.local in-addr.arpa ip6.arpa {\n       pods insecure\n       fallthrough in-addr.arpa ip6.arpa\n       ttl 30\n    }\n    prometheus :9153\n    forward . /etc/resolv.conf {\n       max_concurrent 1000\n    }\n    cache 30\n    loop\n    reload\n    loadbalance\n}\n',
    })],
    ['configmaps', configMap('kube-system', 'kube-proxy', { 'config.conf': 'apiVersion: kubeproxy.config.k8s.io/v1alpha1\nkind: KubeProxyConfiguration\nmode: iptables\nclusterCIDR: 10.244.0.0/16\n' }, { app: 'kube-proxy' })],
    ['serviceaccounts', { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'coredns', namespace: 'kube-system' } }],
    ['deployments.apps', deployment({
      namespace: 'kube-system', name: 'coredns', replicas: 2, labels: { 'k8s-app': 'kube-dns' }, serviceAccountName: 'coredns', priorityClassName: 'system-cluster-critical',
      tolerations: [CONTROL_PLANE_TOLERATION, { key: 'CriticalAddonsOnly', operator: 'Exists' }],
      containers: [container({ name: 'coredns', image: 'registry.k8s.io/coredns/coredns:v1.11.3', port: 53, portName: 'dns', cpu: '100m', memory: '70Mi', memoryLimit: '170Mi', args: ['-conf', '/etc/coredns/Corefile'] })],
    })],
    ['services', service('kube-system', 'kube-dns', [{ name: 'dns', port: 53, protocol: 'UDP' }, { name: 'dns-tcp', port: 53 }, { name: 'metrics', port: 9153 }], { selector: { 'k8s-app': 'kube-dns' }, clusterIP: '10.96.0.10', labels: { 'k8s-app': 'kube-dns', 'kubernetes.io/name': 'CoreDNS' } })],
    ['daemonsets.apps', daemonSet({
      namespace: 'kube-system', name: 'kube-proxy', labels: { 'k8s-app': 'kube-proxy' }, hostNetwork: true, priorityClassName: 'system-node-critical',
      tolerations: [{ operator: 'Exists' }],
      containers: [container({ name: 'kube-proxy', image: 'registry.k8s.io/kube-proxy:v1.32.4', command: ['/usr/local/bin/kube-proxy', '--config=/var/lib/kube-proxy/config.conf', '--hostname-override=$(NODE_NAME)'] })],
    })],
    ['daemonsets.apps', daemonSet({
      namespace: 'kube-system', name: 'calico-node', labels: { 'k8s-app': 'calico-node' }, hostNetwork: true, priorityClassName: 'system-node-critical',
      tolerations: [{ operator: 'Exists' }],
      containers: [container({ name: 'calico-node', image: 'docker.io/calico/node:v3.28.2', cpu: '250m', env: { DATASTORE_TYPE: 'kubernetes', CALICO_IPV4POOL_CIDR: '10.244.0.0/16', FELIX_LOGSEVERITYSCREEN: 'info' } })],
    })],
    ['deployments.apps', deployment({
      namespace: 'kube-system', name: 'metrics-server', labels: { 'k8s-app': 'metrics-server' }, priorityClassName: 'system-cluster-critical',
      containers: [container({ name: 'metrics-server', image: 'registry.k8s.io/metrics-server/metrics-server:v0.7.2', port: 10250, portName: 'https', cpu: '100m', memory: '200Mi', args: ['--cert-dir=/tmp', '--secure-port=10250', '--kubelet-preferred-address-types=InternalIP,ExternalIP,Hostname', '--metric-resolution=15s'] })],
    })],
    ['services', service('kube-system', 'metrics-server', [{ name: 'https', port: 443, targetPort: 'https' }], { labels: { 'k8s-app': 'metrics-server' } })],
    ['deployments.apps', deployment({
      namespace: 'kube-system', name: 'local-path-provisioner',
      containers: [container({ name: 'local-path-provisioner', image: 'docker.io/rancher/local-path-provisioner:v0.0.30', command: ['local-path-provisioner', '--debug', 'start', '--config', '/etc/config/config.json'], cpu: '10m', memory: '32Mi' })],
    })],
    ['storageclasses.storage.k8s.io', { apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', metadata: { name: 'standard', annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' } }, provisioner: 'rancher.io/local-path', reclaimPolicy: 'Delete', volumeBindingMode: 'WaitForFirstConsumer', allowVolumeExpansion: true } as KubeObject],
    ['storageclasses.storage.k8s.io', { apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', metadata: { name: 'nfs-shared' }, provisioner: 'cluster.local/nfs-subdir-external-provisioner', reclaimPolicy: 'Retain', volumeBindingMode: 'Immediate', parameters: { archiveOnDelete: 'true' } } as KubeObject],
    ['storageclasses.storage.k8s.io', { apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', metadata: { name: 'manual' }, provisioner: 'kubernetes.io/no-provisioner', reclaimPolicy: 'Retain', volumeBindingMode: 'Immediate' } as KubeObject],
    ['namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'ingress-nginx', labels: { 'app.kubernetes.io/name': 'ingress-nginx' } } }],
    ['ingressclasses.networking.k8s.io', { apiVersion: 'networking.k8s.io/v1', kind: 'IngressClass', metadata: { name: 'nginx', annotations: { 'ingressclass.kubernetes.io/is-default-class': 'true' } }, spec: { controller: 'k8s.io/ingress-nginx' } } as KubeObject],
    ['deployments.apps', deployment({
      namespace: 'ingress-nginx', name: 'ingress-nginx-controller', replicas: 2, labels: { 'app.kubernetes.io/component': 'controller' },
      containers: [container({ name: 'controller', image: 'registry.k8s.io/ingress-nginx/controller:v1.11.3', port: 80, cpu: '100m', memory: '90Mi', probePath: '/healthz', args: ['/nginx-ingress-controller', '--election-id=ingress-nginx-leader', '--controller-class=k8s.io/ingress-nginx', '--ingress-class=nginx'] })],
    })],
    ['services', service('ingress-nginx', 'ingress-nginx-controller', [{ name: 'http', port: 80, targetPort: 'http' }, { name: 'https', port: 443, targetPort: 'http' }], { type: 'LoadBalancer' })],
  ];
}
