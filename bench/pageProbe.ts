/**
 * What the first-rows step watches in the page, by what is on screen and nothing internal:
 *  - the first data row of the Pods table whose name cell (a link to a pod) is inside the viewport;
 *  - the list header's count, read from its accessible name ("Pods: 50,000 objects"), until it
 *    equals the number of pods the simulator holds in its final form: the plain `list.count`
 *    message, not a partial one such as "… objects so far, still listing" (paged listings), and
 *    without an ellipsis on screen.
 * It is an init script, so it runs in the page from navigation start: a MutationObserver
 * schedules a check for the next animation frame (the frame that paints the change), and the
 * check stamps `performance.now()`, which counts from navigation start. Checking in the page
 * rather than polling from Node keeps the probe's own latency to one frame.
 *
 * It is JavaScript source, not a function: tsx would decorate a serialized TypeScript
 * function with helpers (`__name`) that do not exist in the page.
 */

/** What the probe leaves in `window.__pilothouseBench` (times in ms from navigation start). */
export interface ProbeResult {
  /** First pod row visible, and the name in it. */
  firstRow?: number;
  firstRowName?: string;
  /** First count above zero, and its value (with paged snapshots: a partial, "loading" count). */
  firstCount?: number;
  firstCountValue?: number;
  /** The count first equal to the expected total (it may still carry a loading marker). */
  countReached?: number;
  /** The count equal to the expected total without a loading marker: the list is complete. */
  full?: number;
  /** Every distinct accessible name of the count, in order (at most 400). */
  counts: Array<{ t: number; label: string }>;
  /** Text of the list's error state, if it showed one. */
  error?: string;
  done?: boolean;
}

export const PROBE_GLOBAL = '__pilothouseBench';

export interface CountLabels {
  /** The catalog's title of Pods ("Pods"): the count's accessible name starts with "<title>:". */
  kindTitle: string;
  /** The final count's message forms (`list.count_one`, `list.count_other`), `{{formatted}}` left in. */
  finalForms: string[];
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** `expected` is the simulator's pod count. */
export function probeScript({ kindTitle, finalForms }: CountLabels, expected: number): string {
  // "Pods: 50,000 objects" exactly; a partial count's message has more words.
  const forms = finalForms.map((f) => f.split('{{formatted}}').map(escapeRegExp).join('[\\d,.\\u00a0\\u202f ]+'));
  const final = `^${escapeRegExp(kindTitle)}: (?:${forms.join('|')})$`;
  return `(() => {
  const EXPECTED = ${JSON.stringify(expected)};
  const PREFIX = ${JSON.stringify(`${kindTitle}:`)};
  const FINAL = new RegExp(${JSON.stringify(final)});
  const probe = { counts: [] };
  window[${JSON.stringify(PROBE_GLOBAL)}] = probe;

  // The first number after "Pods:", separators removed ("50,000", "50 000", "50.000" → 50000).
  const countOf = (label) => {
    const m = /\\d[\\d,.\\u00a0\\u202f ]*/.exec(label.slice(PREFIX.length));
    return m ? Number(m[0].replace(/[^\\d]/g, '')) : NaN;
  };

  let lastLabel;
  const check = () => {
    scheduled = false;
    const now = performance.now();
    const view = document.querySelector('main section.list-view');
    if (!view) return;
    const failure = view.querySelector('.error-state');
    if (failure && probe.error === undefined) probe.error = (failure.textContent || '').trim().slice(0, 500);

    if (probe.firstRow === undefined) {
      const body = view.querySelectorAll('[role=grid] [role=rowgroup]')[1];
      for (const row of body ? body.querySelectorAll('[role=row]') : []) {
        const link = row.querySelector('a[href*="/pods/"]');
        const name = link && (link.textContent || '').trim();
        if (!name) continue;
        const r = link.getBoundingClientRect();
        if (r.width > 0 && r.height > 0 && r.bottom > 0 && r.top < innerHeight && r.left < innerWidth) {
          probe.firstRow = now;
          probe.firstRowName = name;
          break;
        }
      }
    }

    const status = [...view.querySelectorAll('h1 [role=status]')].find((s) => (s.getAttribute('aria-label') || '').startsWith(PREFIX));
    const label = status ? status.getAttribute('aria-label') : '';
    if (label !== lastLabel) {
      lastLabel = label;
      if (probe.counts.length < 400) probe.counts.push({ t: now, label });
      const n = countOf(label);
      if (n > 0 && probe.firstCount === undefined) {
        probe.firstCount = now;
        probe.firstCountValue = n;
      }
      if (n === EXPECTED && probe.countReached === undefined) probe.countReached = now;
    }
    // A count that is still growing says so (its message, or "…" after the number), so it is not
    // final even at the right number. Tested on every check, not only when the label changes: the
    // marker may go without the number changing.
    if (probe.full === undefined && countOf(label) === EXPECTED && FINAL.test(label) && !(status.textContent || '').includes('…')) probe.full = now;
    if (probe.firstRow !== undefined && probe.full !== undefined) {
      probe.done = true;
      observer.disconnect();
      clearInterval(safety);
    }
  };
  let scheduled = false;
  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    requestAnimationFrame(check);
  };
  const observer = new MutationObserver(schedule);
  observer.observe(document, { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ['aria-label', 'style', 'class'] });
  // A safety net only (layout can move a row into view without a mutation we watch).
  const safety = setInterval(schedule, 500);
})();`;
}
