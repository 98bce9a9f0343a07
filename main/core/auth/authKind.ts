/** How a kubeconfig user authenticates, as shown in the context list (no secrets). */
import type { AuthKind } from '../../../app/contract/pilothouse';
import type { KubeUser } from '../kubeconfig/types';

export function authKindOf(user: KubeUser | undefined): AuthKind {
  if (!user) return 'none';
  if (user.exec) return 'exec';
  if (user.authProvider) return user.authProvider.name === 'oidc' ? 'oidc' : 'none';
  if (user.certData || user.certFile) return 'client-cert';
  if (user.tokenFile) return 'token-file';
  if (user.token) return 'token';
  if (user.username) return 'basic';
  return 'none';
}

/**
 * auth-provider plug-ins other than OIDC are refused: client-node's gcp and azure providers run
 * their `cmd-path` through a shell with no trust step, and kubectl itself removed them in 1.26
 * in favour of exec plugins (which we do support, after trust).
 */
export function unsupportedAuthProvider(user: KubeUser | undefined): { provider: string; message: string } | undefined {
  const p = user?.authProvider;
  if (!p || user?.exec || p.name === 'oidc') return undefined;
  return {
    provider: p.name,
    message: `The "${p.name}" auth-provider is not supported (kubectl removed it in 1.26); use an exec credential plugin such as gke-gcloud-auth-plugin or kubelogin instead`,
  };
}
