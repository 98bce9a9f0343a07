/**
 * The running e2e stack as specs see it: globalSetup starts it and publishes this description
 * in the environment (Playwright's workers inherit the runner's environment).
 */

/** What the simulator process (simProcess.ts) announces on stdout once the cluster is loaded. */
export interface SimProcessInfo {
  url: string;
  kubeconfigPath: string;
  /** http://127.0.0.1:PORT of the chaos control server. */
  controlUrl: string;
}

/** The prefix of that announcement line. */
export const SIM_READY_PREFIX = 'E2E-SIM ';

export interface WebServerInfo {
  /** http://127.0.0.1:PORT (no token). */
  origin: string;
  /** The printed URL, token included: trading it sets the session cookie. */
  loginUrl: string;
  /** PILOTHOUSE_DATA_DIR of this server (its settings.json lives there). */
  dataDir: string;
}

export interface E2EStack {
  sim: SimProcessInfo;
  /** The web-mode server most specs use. */
  web: WebServerInfo;
  /**
   * A second web-mode server on the same cluster with its own data dir, for the language spec:
   * the language is a persisted setting of main, and switching it on the shared server would
   * change the language under every other spec.
   */
  webI18n: WebServerInfo;
  /** Context names in the simulator's kubeconfig (the first is current). */
  contexts: { admin: string; viewer: string };
  pids: number[];
}

export const STACK_ENV = 'PILOTHOUSE_E2E_STACK';

export function readStack(): E2EStack {
  const raw = process.env[STACK_ENV];
  if (!raw) throw new Error(`${STACK_ENV} is not set: run the specs with \`npx playwright test\` (globalSetup starts the stack)`);
  return JSON.parse(raw) as E2EStack;
}
