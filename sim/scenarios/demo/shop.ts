/**
 * The demo's web shop (namespace `shop`): storefront + orders API + Postgres StatefulSet,
 * a cache DaemonSet, CronJobs, config, secrets, ingress, autoscaling, disruption budget,
 * network policies, quota and limits, RBAC — and two broken workloads (a crash-looping
 * recommendations service and a payment gateway whose image tag was never pushed).
 */
import type { KubeObject } from '../../types';
import { configMap, container, cronJob, daemonSet, deployment, ingress, secret, service, statefulSet } from '../build';

const NS = 'shop';
const part = (name: string) => ({ 'app.kubernetes.io/part-of': 'webshop', 'app.kubernetes.io/name': name });

export function shopObjects(): Array<[string, KubeObject]> {
  const backendEnvFrom = [{ configMapRef: { name: 'orders-api-config' } }, { secretRef: { name: 'orders-api-secrets' } }];
  return [
    ['namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: NS, labels: { team: 'shop', 'pod-security.kubernetes.io/enforce': 'baseline' } } }],
    ['serviceaccounts', { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'storefront', namespace: NS } }],
    ['serviceaccounts', { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'orders-api', namespace: NS } }],
    ['configmaps', configMap(NS, 'storefront-config', {
      'nginx.conf': 'server {\n  listen 8080;\n  location / { root /usr/share/nginx/html; try_files $uri /index.html; }\n  location /api/ { proxy_pass http://orders-api:8080/; }\n}\n',
      FEATURE_FLAGS: 'new-checkout=true,recommendations=true,gift-cards=false',
    }, part('storefront'))],
    ['configmaps', configMap(NS, 'orders-api-config', {
      DATABASE_HOST: 'postgres-0.postgres.shop.svc.cluster.local',
      DATABASE_NAME: 'orders',
      LOG_LEVEL: 'info',
      PAYMENT_URL: 'http://payment-gateway:8443',
      'application.yaml': 'server:\n  port: 8080\nspring:\n  datasource:\n    hikari:\n      maximum-pool-size: 20\nmanagement:\n  endpoints:\n    web:\n      exposure:\n        include: health,prometheus\n',
    }, part('orders-api'))],
    ['secrets', secret(NS, 'orders-api-secrets', { DATABASE_USER: 'orders', DATABASE_PASSWORD: 'pg-demo-7f3c1a9e', STRIPE_API_KEY: 'sk_test_demo_4eC39HqLyjWDarjtT1zdp7dc' })],
    ['secrets', secret(NS, 'postgres-credentials', { POSTGRES_USER: 'postgres', POSTGRES_PASSWORD: 'demo-only-not-a-real-password' })],
    ['secrets', secret(NS, 'shop-example-com-tls', { 'tls.crt': '-----BEGIN CERTIFICATE-----\nMIIBdemo\n-----END CERTIFICATE-----\n', 'tls.key': '-----BEGIN PRIVATE KEY-----\nMIIBdemo\n-----END PRIVATE KEY-----\n' }, 'kubernetes.io/tls')],
    ['secrets', secret(NS, 'registry-credentials', { '.dockerconfigjson': '{"auths":{"ghcr.io":{"auth":"ZGVtbzpkZW1v"}}}' }, 'kubernetes.io/dockerconfigjson')],
    ['deployments.apps', deployment({
      namespace: NS, name: 'storefront', replicas: 3, labels: { ...part('storefront'), 'app.kubernetes.io/version': '2.14.1' }, serviceAccountName: 'storefront',
      annotations: { 'kubernetes.io/change-cause': 'release 2.14.1: faster product pages' },
      containers: [container({ name: 'storefront', image: 'ghcr.io/acme-shop/storefront:2.14.1', port: 8080, cpu: '100m', memory: '128Mi', cpuLimit: '500m', probePath: '/healthz', env: { NODE_ENV: 'production', API_BASE_URL: 'http://orders-api:8080' } })],
    })],
    ['services', service(NS, 'storefront', [{ name: 'http', port: 80, targetPort: 'http' }], { labels: part('storefront') })],
    ['deployments.apps', deployment({
      namespace: NS, name: 'orders-api', replicas: 2, labels: { ...part('orders-api'), 'app.kubernetes.io/version': '1.9.3' }, serviceAccountName: 'orders-api',
      podAnnotations: { 'prometheus.io/scrape': 'true', 'prometheus.io/port': '8080', 'prometheus.io/path': '/actuator/prometheus' },
      initContainers: [container({ name: 'wait-for-db', image: 'busybox:1.36', command: ['sh', '-c', 'until nc -z postgres 5432; do echo waiting for postgres; sleep 2; done'] })],
      containers: [{ ...container({ name: 'orders-api', image: 'ghcr.io/acme-shop/orders-api:1.9.3', port: 8080, cpu: '250m', memory: '512Mi', memoryLimit: '768Mi', probePath: '/actuator/health', env: { JAVA_TOOL_OPTIONS: '-XX:MaxRAMPercentage=75' } }), envFrom: backendEnvFrom }],
    })],
    ['services', service(NS, 'orders-api', [{ name: 'http', port: 8080, targetPort: 'http' }], { labels: part('orders-api') })],
    ['services', service(NS, 'postgres', [{ name: 'postgres', port: 5432 }], { headless: true, labels: part('postgres') })],
    ['statefulsets.apps', statefulSet({
      namespace: NS, name: 'postgres', replicas: 2, serviceName: 'postgres', labels: part('postgres'),
      containers: [{ ...container({ name: 'postgres', image: 'postgres:16.4', port: 5432, portName: 'postgres', cpu: '500m', memory: '1Gi', volumeMounts: [{ name: 'data', mountPath: '/var/lib/postgresql/data' }] }), envFrom: [{ secretRef: { name: 'postgres-credentials' } }] }],
      claims: [{ name: 'data', size: '10Gi' }],
    })],
    ['daemonsets.apps', daemonSet({
      namespace: NS, name: 'image-cache-warmer', labels: part('image-cache-warmer'),
      containers: [container({ name: 'warmer', image: 'ghcr.io/acme-shop/cache-warmer:0.7.0', cpu: '20m', memory: '32Mi', env: { WARM_IMAGES: 'ghcr.io/acme-shop/storefront:2.14.1,ghcr.io/acme-shop/orders-api:1.9.3' } })],
    })],
    ['cronjobs.batch', cronJob(NS, 'abandoned-cart-mailer', '* * * * *', container({ name: 'mailer', image: 'ghcr.io/acme-shop/cart-mailer:1.2.0', cpu: '50m', memory: '64Mi', envFrom: backendEnvFrom }), { 'sim.pilothouse.dev/run-seconds': '12' })],
    ['cronjobs.batch', cronJob(NS, 'nightly-sales-report', '30 2 * * *', container({ name: 'report', image: 'ghcr.io/acme-shop/reports:3.4.0', cpu: '200m', memory: '256Mi' }))],
    ['ingresses.networking.k8s.io', ingress(NS, 'shop', 'shop.example.com', [{ path: '/', service: 'storefront', port: 80 }, { path: '/api', service: 'orders-api', port: 8080 }], 'shop-example-com-tls')],
    ['horizontalpodautoscalers.autoscaling', {
      apiVersion: 'autoscaling/v2', kind: 'HorizontalPodAutoscaler', metadata: { name: 'storefront', namespace: NS },
      spec: {
        scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'storefront' }, minReplicas: 3, maxReplicas: 10,
        metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 70 } } }],
      },
    }],
    ['horizontalpodautoscalers.autoscaling', {
      apiVersion: 'autoscaling/v2', kind: 'HorizontalPodAutoscaler', metadata: { name: 'orders-api', namespace: NS },
      spec: {
        scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'orders-api' }, minReplicas: 2, maxReplicas: 6,
        metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 75 } } }, { type: 'Resource', resource: { name: 'memory', target: { type: 'Utilization', averageUtilization: 80 } } }],
      },
    }],
    ['poddisruptionbudgets.policy', { apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', metadata: { name: 'storefront', namespace: NS }, spec: { minAvailable: 2, selector: { matchLabels: { 'app.kubernetes.io/name': 'storefront' } } } }],
    ['poddisruptionbudgets.policy', { apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', metadata: { name: 'postgres', namespace: NS }, spec: { maxUnavailable: 1, selector: { matchLabels: { 'app.kubernetes.io/name': 'postgres' } } } }],
    ['networkpolicies.networking.k8s.io', { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'default-deny-ingress', namespace: NS }, spec: { podSelector: {}, policyTypes: ['Ingress'] } }],
    ['networkpolicies.networking.k8s.io', {
      apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'allow-storefront-to-orders-api', namespace: NS },
      spec: {
        podSelector: { matchLabels: { 'app.kubernetes.io/name': 'orders-api' } }, policyTypes: ['Ingress'],
        ingress: [{ from: [{ podSelector: { matchLabels: { 'app.kubernetes.io/name': 'storefront' } } }, { namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'ingress-nginx' } } }], ports: [{ protocol: 'TCP', port: 8080 }] }],
      },
    }],
    ['networkpolicies.networking.k8s.io', {
      apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'allow-orders-api-to-postgres', namespace: NS },
      spec: { podSelector: { matchLabels: { 'app.kubernetes.io/name': 'postgres' } }, policyTypes: ['Ingress'], ingress: [{ from: [{ podSelector: { matchLabels: { 'app.kubernetes.io/name': 'orders-api' } } }], ports: [{ protocol: 'TCP', port: 5432 }] }] },
    }],
    ['resourcequotas', { apiVersion: 'v1', kind: 'ResourceQuota', metadata: { name: 'shop-quota', namespace: NS }, spec: { hard: { 'requests.cpu': '8', 'requests.memory': '16Gi', 'limits.memory': '24Gi', pods: '50', 'persistentvolumeclaims': '10', 'services.loadbalancers': '0' } } }],
    ['limitranges', { apiVersion: 'v1', kind: 'LimitRange', metadata: { name: 'shop-defaults', namespace: NS }, spec: { limits: [{ type: 'Container', default: { cpu: '500m', memory: '256Mi' }, defaultRequest: { cpu: '50m', memory: '64Mi' }, max: { memory: '2Gi' } }] } }],
    ['roles.rbac.authorization.k8s.io', {
      apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'Role', metadata: { name: 'config-reader', namespace: NS },
      rules: [{ apiGroups: [''], resources: ['configmaps'], verbs: ['get', 'list', 'watch'] }, { apiGroups: [''], resources: ['secrets'], resourceNames: ['orders-api-secrets'], verbs: ['get'] }],
    }],
    ['rolebindings.rbac.authorization.k8s.io', {
      apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'RoleBinding', metadata: { name: 'orders-api-config-reader', namespace: NS },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'config-reader' },
      subjects: [{ kind: 'ServiceAccount', name: 'orders-api', namespace: NS }],
    }],
    ['rolebindings.rbac.authorization.k8s.io', {
      apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'RoleBinding', metadata: { name: 'shop-developers', namespace: NS },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'edit' },
      subjects: [{ apiGroup: 'rbac.authorization.k8s.io', kind: 'Group', name: 'shop-developers' }],
    }],
    // Broken on purpose: crashes on start (a missing env var in the new release).
    ['deployments.apps', deployment({
      namespace: NS, name: 'recommendations', replicas: 1, labels: { ...part('recommendations'), 'app.kubernetes.io/version': '0.4.0' },
      podAnnotations: { 'sim.pilothouse.dev/behavior': 'crashloop' },
      containers: [container({ name: 'recommendations', image: 'ghcr.io/acme-shop/recommendations:0.4.0', port: 5000, cpu: '100m', memory: '256Mi', env: { MODEL_PATH: '/models/latest' } })],
    })],
    ['services', service(NS, 'recommendations', [{ name: 'http', port: 80, targetPort: 'http' }], { labels: part('recommendations') })],
    // Broken on purpose: the release candidate tag was never pushed to the registry.
    ['deployments.apps', deployment({
      namespace: NS, name: 'payment-gateway', replicas: 1, labels: { ...part('payment-gateway'), 'app.kubernetes.io/version': '3.1.0-rc.1' },
      podAnnotations: { 'sim.pilothouse.dev/behavior': 'imagepull' },
      containers: [container({ name: 'payment-gateway', image: 'ghcr.io/acme-shop/payment-gateway:3.1.0-rc.1', port: 8443, portName: 'https', cpu: '100m', memory: '128Mi' })],
    })],
    ['services', service(NS, 'payment-gateway', [{ name: 'https', port: 8443, targetPort: 'https' }], { labels: part('payment-gateway') })],
  ];
}
