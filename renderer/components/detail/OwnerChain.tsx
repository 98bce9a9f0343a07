/**
 * The owner chain (Pod → ReplicaSet → Deployment …) as links: each owner is fetched to find its
 * own controller, up to a few levels (real chains are at most three deep).
 */
import type { KubeObject, OwnerReference } from '../../../app/kube/object';
import { useObject } from '../../bridge/useObject';
import { findKind } from '../../../app/kinds/registry';
import { ObjectLink } from './ObjectLink';

const MAX_DEPTH = 4;

export function OwnerChain({ context, obj }: { context: string; obj: KubeObject }) {
  const owners = obj.metadata.ownerReferences ?? [];
  if (owners.length === 0) return null;
  return (
    <ul className="owner-chain">
      {owners.map((o) => (
        <OwnerStep key={o.uid} context={context} owner={o} namespace={obj.metadata.namespace} depth={1} />
      ))}
    </ul>
  );
}

function OwnerStep({ context, owner, namespace, depth }: { context: string; owner: OwnerReference; namespace?: string; depth: number }) {
  const kind = findKind({ kind: owner.kind, apiVersion: owner.apiVersion });
  const ownerNamespace = kind?.namespaced ? namespace : undefined;
  const { object } = useObject(
    kind && owner.controller && depth < MAX_DEPTH
      ? { context, ref: { group: kind.group, version: kind.version, resource: kind.resource }, namespace: ownerNamespace, name: owner.name }
      : undefined,
  );
  const next = (object?.metadata.ownerReferences ?? []).filter((o) => o.controller);
  return (
    <li>
      <ObjectLink context={context} kind={owner.kind} apiVersion={owner.apiVersion} namespace={ownerNamespace} name={owner.name} withKind />
      {next.length > 0 && (
        <ul className="owner-chain">
          {next.map((o) => (
            <OwnerStep key={o.uid} context={context} owner={o} namespace={namespace} depth={depth + 1} />
          ))}
        </ul>
      )}
    </li>
  );
}
