/** Links between objects: from a kind name (as in ownerReferences) to a route in our registry. */
import { findKind } from '../../../app/kinds/registry';
import { formatRoute } from '../../routing/routes';

/** The registry id of a kind by its Kind name and apiVersion. */
export function kindIdFor(kind: string, apiVersion?: string): string | undefined {
  return (findKind({ kind, apiVersion }) ?? findKind({ kind }))?.id;
}

export function detailHref(context: string, kindId: string, namespace: string | undefined, name: string): string {
  return formatRoute({ view: 'detail', context, kindId, namespace, name });
}
