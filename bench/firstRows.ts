/**
 * Step `first-rows`: what a person sees when opening Pods in all namespaces, through web mode in
 * Chromium against the simulator's `scale` scenario:
 *  - first rows: navigation start → the first pod row on screen;
 *  - full count: navigation start → the header's count equals the simulator's pod count.
 * Both are read off the page (pageProbe.ts), not from internal hooks, so the step measures the
 * same thing whether the core sends the snapshot in one message or in pages.
 *
 * Each run, in order (nothing else of ours runs while one is timed):
 *  1. `kubectl get pods -A -o json` (the baseline, measured next to the run it is compared with:
 *     on a noisy machine a baseline from minutes earlier is a different machine);
 *  2. a fresh web-mode server (a cold core: no informer, no cache) and a fresh Chromium;
 *  3. cold: a new browser context opens the list;
 *  4. warm (unless BENCH_WARM=0): the page is closed and a second context opens the same list on
 *     the same server, within the core's 30 s informer linger, so the core already holds the
 *     pods and only delivery to the page and rendering are timed.
 */
import { chromium, type Browser } from '@playwright/test';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT, loadAverage, mib, seconds, type BenchContext } from './common';
import { writeFirstRowsResults, type FirstRowsSample } from './firstRowsReport';
import { kubectlGetPods } from './kubectl';
import { PROBE_GLOBAL, probeScript, type CountLabels, type ProbeResult } from './pageProbe';
import { onInterrupt } from './processes';
import { ensureRendererBuilt, startWebServer, type WebServer } from './webMode';

/** The simulator kubeconfig's current context (sim/index: sim-admin, sim-viewer). */
const CONTEXT = 'sim-admin';
/** The browser as e2e runs it (playwright.config.ts): Debian's Chromium, never a download. */
const CHROMIUM = {
  executablePath: '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  // Ctrl-C is ours (processes.ts closes the browser, then the web server and the simulator);
  // Playwright's own handlers would exit the process before those have cleaned up.
  handleSIGINT: false,
  handleSIGTERM: false,
};
const CONTEXT_OPTIONS = { viewport: { width: 1440, height: 900 }, locale: 'en-US', timezoneId: 'UTC' };

/**
 * From the English catalog: the title of Pods (the count's accessible name starts with it) and
 * the final count's message forms, so the probe tells "50,000 objects" from a partial count.
 */
function countLabels(): CountLabels {
  type Catalog = { kind?: { pods?: string }; list?: Record<string, string> };
  const en = JSON.parse(readFileSync(path.join(ROOT, 'renderer', 'i18n', 'locales', 'en.json'), 'utf8')) as Catalog;
  const finalForms = [en.list?.count_one, en.list?.count_other].filter((f): f is string => typeof f === 'string' && f.includes('{{formatted}}'));
  if (!finalForms.length) throw new Error('renderer/i18n/locales/en.json: no list.count_one/_other with {{formatted}}; the probe cannot recognise the final count');
  return { kindTitle: en.kind?.pods ?? 'Pods', finalForms };
}

interface PageTiming {
  probe: ProbeResult;
  /** usedJSHeapSize of the page once the list is complete (Chromium only), bytes. */
  pageHeap: number;
}

/** A promise that gives up after `ms` (page.evaluate has no timeout of its own). */
function within<T>(ms: number, what: string, p: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ms} ms`)), ms)));
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}

/** Opens the Pods list (all namespaces) in a new browser context and waits for both moments. */
async function openPods(browser: Browser, web: WebServer, expected: number, timeoutMs: number): Promise<PageTiming> {
  const context = await browser.newContext(CONTEXT_OPTIONS);
  try {
    // Trade the token for the session cookie without loading the app, so the timed navigation
    // is the list's own (a first load of the home page would warm the core and the bundle).
    const login = await context.request.get(web.loginUrl, { maxRedirects: 0 });
    if (login.status() !== 303) throw new Error(`web mode login: HTTP ${login.status()} (expected 303)`);
    const page = await context.newPage();
    await page.addInitScript({ content: probeScript(countLabels(), expected) });
    // No `ns`: all namespaces (renderer/routing/routes.ts).
    await page.goto(`${web.origin}/#/c/${encodeURIComponent(CONTEXT)}/pods`, { waitUntil: 'commit' });
    // Functions, not strings: the page's CSP forbids eval, which string predicates need. Inline
    // anonymous arrows only, so tsx adds no helper (`__name`) the page lacks.
    const read = () => within(10_000, 'reading the probe', page.evaluate((g) => (window as unknown as Record<string, ProbeResult>)[g], PROBE_GLOBAL));
    try {
      await page.waitForFunction(
        (g) => {
          const p = (window as unknown as Record<string, ProbeResult | undefined>)[g];
          return !!p && (p.done === true || p.error !== undefined);
        },
        PROBE_GLOBAL,
        { timeout: timeoutMs, polling: 250 },
      );
    } catch (err) {
      const probe = await read().catch(() => undefined);
      const last = probe?.counts.at(-1)?.label;
      throw new Error(
        `the Pods list was not complete within ${timeoutMs} ms (first row ${probe?.firstRow !== undefined ? seconds(probe.firstRow) : 'never'}; ` +
          `last count "${last ?? 'none'}"; count reached ${expected} ${probe?.countReached !== undefined ? `at ${seconds(probe.countReached)} but still marked loading` : 'never'}): ${(err as Error).message}`,
      );
    }
    const probe = await read();
    if (probe.error !== undefined) throw new Error(`the Pods list showed an error: ${probe.error}`);
    const pageHeap = Number(await within(10_000, 'reading the heap', page.evaluate(() => (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? 0)));
    return { probe, pageHeap };
  } finally {
    await context.close().catch(() => undefined);
  }
}

function sample(run: number, mode: 'cold' | 'warm', t: PageTiming, kubectlMs: number, expected: number, coreRss: number): FirstRowsSample {
  return {
    run,
    mode,
    pods: expected,
    firstRowMs: t.probe.firstRow!,
    firstRowName: t.probe.firstRowName,
    firstCountMs: t.probe.firstCount,
    firstCountValue: t.probe.firstCountValue,
    countReachedMs: t.probe.countReached,
    fullMs: t.probe.full!,
    kubectlMs,
    coreRssBytes: coreRss,
    pageHeapBytes: t.pageHeap,
    countLabels: t.probe.counts.length,
    // The first and last few: with paged listings there is one label per page.
    countTimeline: t.probe.counts.length > 12 ? [...t.probe.counts.slice(0, 6), ...t.probe.counts.slice(-6)] : t.probe.counts,
    loadAverage: loadAverage(),
  };
}

export async function firstRowsStep({ sim, runs }: BenchContext): Promise<void> {
  ensureRendererBuilt();
  const warm = process.env.BENCH_WARM !== '0';
  // Per page; generous (the reviewer saw ~23 s at 50k on a quiet machine) but bounded.
  const timeoutMs = Number(process.env.BENCH_PAGE_TIMEOUT_S ?? Math.max(120, sim.info.pods / 250)) * 1000;
  const samples: FirstRowsSample[] = [];
  const loadStart = loadAverage();
  let chromiumVersion = '';
  let kubectlBytes = 0;
  for (let run = 1; run <= runs; run++) {
    const expected = await sim.podCount();
    const kubectl = await kubectlGetPods(sim.info.kubeconfigPath);
    kubectlBytes = kubectl.bytes;
    const web = await startWebServer(`first-rows-run${run}`, sim.info.kubeconfigPath);
    let browser: Browser | undefined;
    const unregister = onInterrupt(async () => {
      await browser?.close();
    });
    try {
      browser = await chromium.launch(CHROMIUM);
      chromiumVersion = browser.version();
      const cold = await openPods(browser, web, expected, timeoutMs);
      samples.push(sample(run, 'cold', cold, kubectl.ms, expected, web.rss()));
      if (warm) {
        const second = await openPods(browser, web, expected, timeoutMs);
        samples.push(sample(run, 'warm', second, kubectl.ms, expected, web.rss()));
      }
    } finally {
      unregister();
      await browser?.close().catch(() => undefined);
      await web.stop();
    }
    for (const s of samples.filter((x) => x.run === run)) {
      console.log(
        `run ${run} ${s.mode}: first rows ${seconds(s.firstRowMs)}, full count ${seconds(s.fullMs)}` +
          `${s.firstCountMs !== undefined ? ` (first count ${s.firstCountValue} at ${seconds(s.firstCountMs)})` : ''}; kubectl ${seconds(s.kubectlMs)}; ` +
          `core RSS ${mib(s.coreRssBytes)}, page heap ${mib(s.pageHeapBytes)}; load ${s.loadAverage[0].toFixed(1)}`,
      );
    }
  }
  const written = writeFirstRowsResults({ pods: sim.info.pods, runs, warm, chromiumVersion, loadStart, loadEnd: loadAverage(), samples, kubectlBytes });
  console.log(`\n${written.summary}\nresults: ${written.files.map((f) => path.relative(ROOT, f)).join(', ')}`);
}
