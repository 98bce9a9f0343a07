import { useEffect, useRef } from 'react';
import { contract } from '../../../app/contract/pilothouse';
import { useClient } from '../../bridge/ClientContext';
import { useClusterHealth } from '../../bridge/useClusterHealth';
import { useContexts } from '../../bridge/useContexts';

/**
 * A bookmarked route may name a context that is not open yet: connect it once (unless its exec
 * plugin is untrusted — that needs the user's explicit "Trust and connect" in the picker).
 */
export function useEnsureConnected(context: string | undefined): void {
  const client = useClient();
  const health = useClusterHealth();
  const contexts = useContexts();
  const tried = useRef(new Set<string>());
  const info = contexts.value?.contexts.find((c) => c.name === context);
  const open = health.value?.some((h) => h.context === context);
  useEffect(() => {
    if (!context || !info || open || health.value === undefined || tried.current.has(context)) return;
    if (info.authKind === 'exec' && !info.execTrusted) return;
    tried.current.add(context);
    client.call(contract.connectCluster, { context }).catch(() => {
      // Shown by the cluster's health (failed, with the API's message) in the status bar.
    });
  }, [client, context, info, open, health.value]);
}
