/**
 * The specs' fixtures: the running stack, kubectl on the simulator, a namespace of the spec's
 * own (deleted afterwards), and the app opened in the browser with its page objects.
 */
import { test as base, expect } from '@playwright/test';
import { randomBytes } from 'node:crypto';
import { AppFrame } from './pages/AppFrame';
import { Kubectl } from './support/kubectl';
import { readStack, type E2EStack } from './support/stack';

export interface Fixtures {
  kubectl: Kubectl;
  /** A fresh namespace (created before the test, deleted after); name starts with e2e-. */
  ns: string;
  /** The app in the page, on the shared web-mode server. */
  app: AppFrame;
}

export const test = base.extend<Fixtures, { stack: E2EStack }>({
  stack: [async ({}, use) => use(readStack()), { scope: 'worker' }],
  kubectl: async ({ stack }, use) => use(new Kubectl(stack.sim.kubeconfigPath)),
  ns: async ({ kubectl }, use, testInfo) => {
    const slug = testInfo.title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 30).replace(/-$/, '');
    const name = `e2e-${slug}-${randomBytes(3).toString('hex')}`;
    // apply (JSON body), not `kubectl create namespace`: that sends protobuf, which the simulator refuses (415).
    await kubectl.apply({ apiVersion: 'v1', kind: 'Namespace', metadata: { name } });
    await use(name);
    // Do not wait for the cascade: the next spec has namespaces of its own.
    await kubectl.run(['delete', 'namespace', name, '--wait=false']).catch(() => undefined);
  },
  app: async ({ page, stack }, use) => use(new AppFrame(page, stack.web, stack.contexts.admin)),
});

export { expect };
