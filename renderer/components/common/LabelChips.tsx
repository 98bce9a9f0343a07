/**
 * Labels (or annotations) as chips. Text only: values from the cluster are untrusted and are
 * rendered as React text, never as HTML. With `onPick`, each chip is a button that filters by it.
 */
import { useTranslation } from 'react-i18next';

export interface LabelChipsProps {
  labels: Record<string, string> | undefined;
  onPick?: (key: string, value: string) => void;
  /** Show at most this many chips, then "+N more". */
  max?: number;
  /** Accessible name of the chip list. */
  label: string;
}

export interface ChipTexts {
  addFilter: (label: string) => string;
  more: (count: number) => string;
}

/** LabelChips with its texts from i18n. */
export function LabelChips(props: LabelChipsProps) {
  const { t } = useTranslation();
  const texts: ChipTexts = { addFilter: (label) => t('chip.addFilter', { label }), more: (count) => t('chip.more', { count }) };
  return <LabelChipList {...props} texts={texts} />;
}

/**
 * The chips themselves, texts passed in: a table renders one list per visible row, and a
 * useTranslation per row would re-subscribe to i18next on every scroll step.
 */
export function LabelChipList({ labels, onPick, max, label, texts }: LabelChipsProps & { texts: ChipTexts }) {
  const entries = Object.entries(labels ?? {});
  if (entries.length === 0) return null;
  const shown = max !== undefined ? entries.slice(0, max) : entries;
  const hidden = entries.length - shown.length;
  return (
    <ul className="chips" aria-label={label}>
      {shown.map(([k, v]) => {
        const text = `${k}=${v}`;
        return (
          <li key={k} className="chip-item">
            {onPick ? (
              <button
                type="button"
                className="chip"
                title={text}
                aria-label={texts.addFilter(text)}
                onClick={(e) => {
                  e.stopPropagation();
                  onPick(k, v);
                }}
              >
                {text}
              </button>
            ) : (
              <span className="chip chip-static" title={text}>
                {text}
              </span>
            )}
          </li>
        );
      })}
      {hidden > 0 && (
        <li className="chip-item chip-more" title={entries.slice(shown.length).map(([k, v]) => `${k}=${v}`).join('\n')}>
          {texts.more(hidden)}
        </li>
      )}
    </ul>
  );
}
