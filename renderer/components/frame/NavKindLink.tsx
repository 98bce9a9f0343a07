/** One sidebar entry: a link to a kind's unfiltered list, marked current while that kind is shown. */
import { emptyFilters, formatRoute } from '../../routing/routes';

export function NavKindLink({ context, kindId, text, activeKind, title }: { context: string; kindId: string; text: string; activeKind: string | undefined; title?: string }) {
  return (
    <li>
      <a
        className="nav-link"
        href={formatRoute({ view: 'list', context, kindId, filters: emptyFilters() })}
        aria-current={activeKind === kindId ? 'page' : undefined}
        title={title}
      >
        <span className="ellipsis">{text}</span>
      </a>
    </li>
  );
}
