/** A titled region of the detail view (role "region", named by its heading). */
import { useId, type ReactNode } from 'react';

export function Section({ title, children, actions }: { title: string; children: ReactNode; actions?: ReactNode }) {
  const id = useId();
  return (
    <section className="detail-section" aria-labelledby={id}>
      <div className="section-head">
        <h2 id={id}>{title}</h2>
        {actions}
      </div>
      {children}
    </section>
  );
}

/** A definition list of facts; values are plain text or small elements (never HTML strings). */
export function Facts({ items }: { items: Array<[string, ReactNode] | false | undefined | null | '' | 0> }) {
  const shown = items.filter((x): x is [string, ReactNode] => Array.isArray(x) && x[1] !== undefined && x[1] !== null && x[1] !== '');
  return (
    <dl className="facts">
      {shown.map(([k, v]) => (
        <div className="fact" key={k}>
          <dt>{k}</dt>
          <dd>{v}</dd>
        </div>
      ))}
    </dl>
  );
}
