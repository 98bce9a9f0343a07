/**
 * The owner chain (Pod → ReplicaSet → Deployment …) as links: every owner of the object, and
 * above a controlling owner its own controller, fetched level by level up to a few levels (real
 * chains are at most three deep). Which owners, where they live and whether a fetched object is
 * really the owner are the rules of app/kinds/relations.ts.
 */
import type { KubeObject } from '../../../app/kube/object';
import { useObject } from '../../bridge/useObject';
import { findKind } from '../../../app/kinds/registry';
import { controllerLink, isOwnerOf, ownerLinks, type OwnerLink } from '../../../app/kinds/relations';
import { ObjectLink } from './ObjectLink';

const MAX_DEPTH = 4;

export function OwnerChain({ context, obj }: { context: string; obj: KubeObject }) {
  const links = ownerLinks(obj);
  if (links.length === 0) return null;
  return (
    <ul className="owner-chain">
      {links.map((link) => (
        <OwnerStep key={link.ref.uid} context={context} link={link} depth={1} />
      ))}
    </ul>
  );
}

function OwnerStep({ context, link, depth }: { context: string; link: OwnerLink; depth: number }) {
  const { ref, namespace } = link;
  const kind = findKind({ kind: ref.kind, apiVersion: ref.apiVersion });
  // Only a controller's own owners continue the chain, so only a controller is fetched.
  const { object } = useObject(
    kind && ref.controller && depth < MAX_DEPTH
      ? { context, ref: { group: kind.group, version: kind.version, resource: kind.resource }, namespace, name: ref.name }
      : undefined,
  );
  const next = object && isOwnerOf(link, object) ? controllerLink(object) : undefined;
  return (
    <li>
      <ObjectLink context={context} kind={ref.kind} apiVersion={ref.apiVersion} namespace={namespace} name={ref.name} withKind />
      {next && (
        <ul className="owner-chain">
          <OwnerStep key={next.ref.uid} context={context} link={next} depth={depth + 1} />
        </ul>
      )}
    </li>
  );
}
