/** A link to another object's detail view (text only), or plain text for kinds we do not list. */
import { detailHref, kindIdFor } from './kindLinks';

export interface ObjectLinkProps {
  context: string;
  kind: string;
  apiVersion?: string;
  namespace?: string;
  name: string;
  /** Show "Kind/name" rather than just the name. */
  withKind?: boolean;
}

export function ObjectLink({ context, kind, apiVersion, namespace, name, withKind }: ObjectLinkProps) {
  const kindId = kindIdFor(kind, apiVersion);
  const text = withKind ? `${kind}/${name}` : name;
  if (!kindId) return <span className="mono">{text}</span>;
  return (
    <a className="object-link mono" href={detailHref(context, kindId, namespace, name)} title={text}>
      {text}
    </a>
  );
}
