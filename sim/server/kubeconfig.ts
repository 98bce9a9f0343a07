/** Writes the kubeconfig for a running simulator: admin (current) and viewer contexts. */
import { writeFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { stringify } from 'yaml';

export interface KubeconfigInput {
  url: string;
  caPem: string;
  tokens: { admin: string; viewer: string };
  viewerNamespace: string;
  clusterName?: string;
}

export function kubeconfigYaml(input: KubeconfigInput): string {
  const cluster = input.clusterName ?? 'sim';
  return stringify({
    apiVersion: 'v1',
    kind: 'Config',
    preferences: {},
    clusters: [{ name: cluster, cluster: { server: input.url, 'certificate-authority-data': Buffer.from(input.caPem).toString('base64') } }],
    users: [
      { name: 'sim-admin', user: { token: input.tokens.admin } },
      { name: 'sim-viewer', user: { token: input.tokens.viewer } },
    ],
    contexts: [
      { name: 'sim-admin', context: { cluster, user: 'sim-admin', namespace: 'default' } },
      { name: 'sim-viewer', context: { cluster, user: 'sim-viewer', namespace: input.viewerNamespace } },
    ],
    'current-context': 'sim-admin',
  });
}

export function writeKubeconfig(path: string, input: KubeconfigInput): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, kubeconfigYaml(input), { mode: 0o600 });
}
