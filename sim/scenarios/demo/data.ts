/**
 * The demo's `data` and `platform` namespaces: Redis StatefulSet, MinIO on a statically
 * provisioned PV, an NFS-backed shared claim, the `backups.shop.example.com` CRD with
 * instances, an unschedulable GPU training pod, a failing batch Job and team RBAC.
 */
import type { KubeObject } from '../../types';
import { container, deployment, pvc, service, statefulSet } from '../build';

export const BACKUP_CRD: KubeObject = {
  apiVersion: 'apiextensions.k8s.io/v1',
  kind: 'CustomResourceDefinition',
  metadata: { name: 'backups.shop.example.com' },
  spec: {
    group: 'shop.example.com',
    scope: 'Namespaced',
    names: { plural: 'backups', singular: 'backup', kind: 'Backup', listKind: 'BackupList', shortNames: ['bk'], categories: ['all'] },
    versions: [{
      name: 'v1',
      served: true,
      storage: true,
      subresources: { status: {} },
      additionalPrinterColumns: [
        { name: 'Schedule', type: 'string', jsonPath: '.spec.schedule' },
        { name: 'Target', type: 'string', jsonPath: '.spec.target.name' },
        { name: 'Last Backup', type: 'date', jsonPath: '.status.lastBackupTime' },
        { name: 'Status', type: 'string', jsonPath: '.status.phase' },
        { name: 'Size', type: 'string', jsonPath: '.status.size', priority: 1 },
        { name: 'Age', type: 'date', jsonPath: '.metadata.creationTimestamp' },
      ],
      schema: {
        openAPIV3Schema: {
          type: 'object',
          description: 'Backup is a scheduled backup of a database into object storage.',
          properties: {
            spec: {
              type: 'object',
              required: ['schedule', 'target'],
              properties: {
                schedule: { type: 'string', description: 'Cron schedule of the backup.' },
                retentionDays: { type: 'integer', minimum: 1, default: 7 },
                target: { type: 'object', properties: { kind: { type: 'string', enum: ['StatefulSet', 'PersistentVolumeClaim'] }, name: { type: 'string' } } },
                destination: { type: 'string', description: 'Bucket URL.' },
              },
            },
            status: {
              type: 'object',
              properties: { phase: { type: 'string' }, lastBackupTime: { type: 'string', format: 'date-time' }, size: { type: 'string' }, message: { type: 'string' } },
            },
          },
        },
      },
    }],
  },
};

export function backups(now: number): Array<{ object: KubeObject; status: Record<string, unknown> }> {
  const ago = (h: number) => new Date(now - h * 3600_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const bk = (namespace: string, name: string, schedule: string, target: string, status: Record<string, unknown>) => ({
    object: { apiVersion: 'shop.example.com/v1', kind: 'Backup', metadata: { name, namespace }, spec: { schedule, retentionDays: 14, target: { kind: 'StatefulSet', name: target }, destination: `s3://acme-backups/${namespace}/${target}` } },
    status,
  });
  return [
    bk('shop', 'postgres-nightly', '0 3 * * *', 'postgres', { phase: 'Succeeded', lastBackupTime: ago(7), size: '4.2Gi' }),
    bk('shop', 'postgres-hourly-wal', '0 * * * *', 'postgres', { phase: 'Running', lastBackupTime: ago(1), size: '180Mi' }),
    bk('data', 'redis-daily', '15 4 * * *', 'redis', { phase: 'Failed', lastBackupTime: ago(30), message: 'upload failed: 403 AccessDenied on s3://acme-backups/data/redis' }),
  ];
}

export function dataObjects(): Array<[string, KubeObject]> {
  return [
    ['namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'data', labels: { team: 'data' } } }],
    ['namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'platform', labels: { team: 'platform' } } }],
    ['services', service('data', 'redis', [{ name: 'redis', port: 6379 }], { headless: true })],
    ['statefulsets.apps', statefulSet({
      namespace: 'data', name: 'redis', serviceName: 'redis',
      containers: [container({ name: 'redis', image: 'redis:7.4.1', port: 6379, portName: 'redis', cpu: '100m', memory: '256Mi', args: ['--appendonly', 'yes'] })],
      claims: [{ name: 'data', size: '8Gi' }],
    })],
    ['persistentvolumes', {
      apiVersion: 'v1', kind: 'PersistentVolume', metadata: { name: 'minio-data-pv', labels: { type: 'local' } },
      spec: { storageClassName: 'manual', capacity: { storage: '100Gi' }, accessModes: ['ReadWriteOnce'], persistentVolumeReclaimPolicy: 'Retain', hostPath: { path: '/mnt/disks/minio' } },
    }],
    ['persistentvolumes', {
      apiVersion: 'v1', kind: 'PersistentVolume', metadata: { name: 'spare-disk-pv', labels: { type: 'local' } },
      spec: { storageClassName: 'manual', capacity: { storage: '20Gi' }, accessModes: ['ReadWriteOnce'], persistentVolumeReclaimPolicy: 'Retain', hostPath: { path: '/mnt/disks/spare' } },
    }],
    ['persistentvolumeclaims', pvc('data', 'minio-data', '100Gi', 'manual')],
    ['persistentvolumeclaims', pvc('data', 'shared-datasets', '200Gi', 'nfs-shared', ['ReadWriteMany'])],
    ['deployments.apps', deployment({
      namespace: 'data', name: 'minio',
      containers: [container({ name: 'minio', image: 'quay.io/minio/minio:RELEASE.2024-10-13T13-34-11Z', port: 9000, cpu: '250m', memory: '512Mi', args: ['server', '/data', '--console-address', ':9001'], probePath: '/minio/health/ready', volumeMounts: [{ name: 'data', mountPath: '/data' }] })],
      volumes: [{ name: 'data', persistentVolumeClaim: { claimName: 'minio-data' } }],
    })],
    ['services', service('data', 'minio', [{ name: 'api', port: 9000 }, { name: 'console', port: 9001 }])],
    // Unschedulable on purpose: asks for a GPU node the cluster does not have.
    ['pods', {
      apiVersion: 'v1', kind: 'Pod', metadata: { name: 'recsys-trainer', namespace: 'data', labels: { 'app.kubernetes.io/name': 'recsys-trainer', team: 'data' } },
      spec: {
        restartPolicy: 'Never',
        nodeSelector: { 'nvidia.com/gpu.present': 'true' },
        containers: [{ name: 'trainer', image: 'pytorch/pytorch:2.4.1-cuda12.4-cudnn9-runtime', command: ['python', '-m', 'recsys.train', '--epochs', '20'], resources: { requests: { cpu: '4', memory: '24Gi' }, limits: { memory: '24Gi' } } }],
      },
    }],
    // A batch Job that keeps failing (bad input file) until its backoffLimit.
    ['jobs.batch', {
      apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'import-catalog-2024-11', namespace: 'data', labels: { 'app.kubernetes.io/name': 'import-catalog' } },
      spec: {
        backoffLimit: 2,
        template: { spec: { restartPolicy: 'Never', containers: [{ name: 'import', image: 'ghcr.io/acme-shop/catalog-importer:1.0.2', command: ['sh', '-c', 'import-catalog --file s3://acme-imports/catalog-2024-11.csv || exit 1'] }] } },
      },
    }],
    ['jobs.batch', {
      apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'db-migrate-1-9-3', namespace: 'shop', labels: { 'app.kubernetes.io/name': 'db-migrate' } },
      spec: {
        completions: 1,
        ttlSecondsAfterFinished: 86400,
        template: { metadata: { annotations: { 'sim.pilothouse.dev/run-seconds': '8' } }, spec: { restartPolicy: 'Never', containers: [{ name: 'migrate', image: 'ghcr.io/acme-shop/orders-api:1.9.3', command: ['java', '-jar', 'app.jar', 'db', 'migrate'] }] } },
      },
    }],
    ['deployments.apps', deployment({
      namespace: 'platform', name: 'docs', replicas: 2,
      containers: [container({ name: 'docs', image: 'nginx:1.27.3', port: 80, cpu: '10m', memory: '16Mi', probePath: '/' })],
    })],
    ['services', service('platform', 'docs', [{ name: 'http', port: 80 }])],
    ['clusterroles.rbac.authorization.k8s.io', {
      apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole', metadata: { name: 'backup-operator' },
      rules: [{ apiGroups: ['shop.example.com'], resources: ['backups', 'backups/status'], verbs: ['get', 'list', 'watch', 'update', 'patch'] }, { apiGroups: [''], resources: ['persistentvolumeclaims'], verbs: ['get', 'list'] }],
    }],
    ['serviceaccounts', { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'backup-operator', namespace: 'platform' } }],
    ['clusterrolebindings.rbac.authorization.k8s.io', {
      apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRoleBinding', metadata: { name: 'backup-operator' },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'backup-operator' },
      subjects: [{ kind: 'ServiceAccount', name: 'backup-operator', namespace: 'platform' }],
    }],
  ];
}
