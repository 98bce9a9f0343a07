/**
 * The demo's `monitoring` namespace: Prometheus (Service `prometheus-server` on port 80 — the
 * streams plug-in proxies it to a real Prometheus), Alertmanager StatefulSet, Grafana with a
 * PVC and Ingress, node-exporter on every node, kube-state-metrics, and their RBAC.
 */
import type { KubeObject } from '../../types';
import { configMap, container, daemonSet, deployment, ingress, pvc, secret, service, statefulSet } from '../build';

const NS = 'monitoring';

export function monitoringObjects(): Array<[string, KubeObject]> {
  return [
    ['namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: NS, labels: { team: 'platform' } } }],
    ['serviceaccounts', { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'prometheus-server', namespace: NS } }],
    ['serviceaccounts', { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'kube-state-metrics', namespace: NS } }],
    ['clusterroles.rbac.authorization.k8s.io', {
      apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole', metadata: { name: 'prometheus-server' },
      rules: [
        { apiGroups: [''], resources: ['nodes', 'nodes/metrics', 'services', 'endpoints', 'pods'], verbs: ['get', 'list', 'watch'] },
        { apiGroups: ['discovery.k8s.io'], resources: ['endpointslices'], verbs: ['get', 'list', 'watch'] },
        { nonResourceURLs: ['/metrics'], verbs: ['get'] },
      ],
    }],
    ['clusterrolebindings.rbac.authorization.k8s.io', {
      apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRoleBinding', metadata: { name: 'prometheus-server' },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'prometheus-server' },
      subjects: [{ kind: 'ServiceAccount', name: 'prometheus-server', namespace: NS }],
    }],
    ['configmaps', configMap(NS, 'prometheus-server', {
      'prometheus.yml': 'global:\n  scrape_interval: 30s\n  evaluation_interval: 30s\nrule_files:\n  - /etc/config/alerting_rules.yml\nscrape_configs:\n  - job_name: kubernetes-nodes-cadvisor\n    kubernetes_sd_configs:\n      - role: node\n  - job_name: kubernetes-service-endpoints\n    kubernetes_sd_configs:\n      - role: endpoints\n',
      'alerting_rules.yml': 'groups:\n  - name: pods\n    rules:\n      - alert: PodCrashLooping\n        expr: increase(kube_pod_container_status_restarts_total[15m]) > 3\n        for: 5m\n        labels:\n          severity: warning\n',
    })],
    ['deployments.apps', deployment({
      namespace: NS, name: 'prometheus-server', labels: { 'app.kubernetes.io/component': 'server' }, serviceAccountName: 'prometheus-server',
      containers: [container({ name: 'prometheus-server', image: 'quay.io/prometheus/prometheus:v2.54.1', port: 9090, cpu: '500m', memory: '2Gi', probePath: '/-/ready', args: ['--storage.tsdb.retention.time=15d', '--config.file=/etc/config/prometheus.yml', '--storage.tsdb.path=/data', '--web.enable-lifecycle'] })],
      volumes: [{ name: 'config-volume', configMap: { name: 'prometheus-server' } }, { name: 'storage-volume', persistentVolumeClaim: { claimName: 'prometheus-server' } }],
    })],
    ['persistentvolumeclaims', pvc(NS, 'prometheus-server', '50Gi')],
    ['services', service(NS, 'prometheus-server', [{ name: 'http', port: 80, targetPort: 9090 }], { labels: { 'app.kubernetes.io/component': 'server' } })],
    ['services', service(NS, 'alertmanager', [{ name: 'http', port: 9093 }])],
    ['statefulsets.apps', statefulSet({
      namespace: NS, name: 'alertmanager', serviceName: 'alertmanager',
      containers: [container({ name: 'alertmanager', image: 'quay.io/prometheus/alertmanager:v0.27.0', port: 9093, cpu: '10m', memory: '32Mi', probePath: '/-/ready' })],
      claims: [{ name: 'storage', size: '2Gi' }],
    })],
    ['daemonsets.apps', daemonSet({
      namespace: NS, name: 'node-exporter', hostNetwork: true, tolerations: [{ operator: 'Exists', effect: 'NoSchedule' }],
      containers: [container({ name: 'node-exporter', image: 'quay.io/prometheus/node-exporter:v1.8.2', port: 9100, portName: 'metrics', cpu: '10m', memory: '24Mi', args: ['--path.procfs=/host/proc', '--path.sysfs=/host/sys', '--path.rootfs=/host/root'] })],
    })],
    ['services', service(NS, 'node-exporter', [{ name: 'metrics', port: 9100 }], { headless: true })],
    ['deployments.apps', deployment({
      namespace: NS, name: 'kube-state-metrics', serviceAccountName: 'kube-state-metrics',
      containers: [container({ name: 'kube-state-metrics', image: 'registry.k8s.io/kube-state-metrics/kube-state-metrics:v2.13.0', port: 8080, cpu: '10m', memory: '64Mi', probePath: '/livez' })],
    })],
    ['services', service(NS, 'kube-state-metrics', [{ name: 'http', port: 8080 }])],
    ['secrets', secret(NS, 'grafana-admin', { 'admin-user': 'admin', 'admin-password': 'demo-grafana' })],
    ['persistentvolumeclaims', pvc(NS, 'grafana', '5Gi')],
    ['deployments.apps', deployment({
      namespace: NS, name: 'grafana',
      containers: [{ ...container({ name: 'grafana', image: 'docker.io/grafana/grafana:11.2.0', port: 3000, cpu: '100m', memory: '256Mi', probePath: '/api/health', volumeMounts: [{ name: 'storage', mountPath: '/var/lib/grafana' }] }), envFrom: [{ secretRef: { name: 'grafana-admin' } }] }],
      volumes: [{ name: 'storage', persistentVolumeClaim: { claimName: 'grafana' } }],
    })],
    ['services', service(NS, 'grafana', [{ name: 'http', port: 80, targetPort: 3000 }])],
    ['ingresses.networking.k8s.io', ingress(NS, 'grafana', 'grafana.example.com', [{ path: '/', service: 'grafana', port: 80 }], 'grafana-example-com-tls')],
  ];
}
