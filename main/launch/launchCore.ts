/**
 * Builds the running core the same way for web mode and Electron: decides the kubeconfig
 * files (as kubectl would), starts the built-in demo cluster when there is none (or when
 * asked), then creates the core. The factories are passed in by the entry points (the
 * composition roots), which keeps this decision in one place without importing Electron.
 */
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { HandlersFor } from '../../app/contract/descriptor';
import type { PilothouseContract } from '../../app/contract/pilothouse';
import type { CoreOptions } from '../core/index';
import type { AppPaths } from '../paths';
import { planKubeconfigs, type KubeconfigPlan } from './kubeconfigSources';

export interface RunningCore {
  handlers: HandlersFor<PilothouseContract>;
  dispose(): void | Promise<void>;
}

/** The part of the simulator's handle we use. */
export interface DemoCluster {
  kubeconfigPath: string;
  stop(): void | Promise<void>;
}

export interface LaunchFactories {
  createCore(options: CoreOptions): RunningCore | Promise<RunningCore>;
  startDemoCluster(options: { scenario: 'demo'; dataDir: string }): Promise<DemoCluster>;
}

export interface LaunchOptions {
  mode: 'web' | 'electron';
  version: string;
  paths: AppPaths;
  /** Ignore kubeconfig files and open only the demo cluster. */
  demoOnly?: boolean;
  env?: Record<string, string | undefined>;
  log?: (line: string) => void;
}

export interface LaunchedCore {
  handlers: HandlersFor<PilothouseContract>;
  plan: KubeconfigPlan;
  demo?: DemoCluster;
  /** Disposes the core, then stops the demo cluster. Safe to call more than once. */
  dispose(): Promise<void>;
}

export async function launchCore(factories: LaunchFactories, options: LaunchOptions): Promise<LaunchedCore> {
  const log = options.log ?? (() => {});
  const plan = planKubeconfigs(
    { env: options.env ?? process.env, homedir: os.homedir(), delimiter: path.delimiter, exists: existsSync },
    { demo: options.demoOnly },
  );
  let demo: DemoCluster | undefined;
  if (plan.demo) {
    log(
      plan.source === 'demo-only'
        ? 'Starting the built-in demo cluster (--demo).'
        : `No kubeconfig found (${plan.kubeconfigPaths.join(', ')}); starting the built-in demo cluster.`,
    );
    demo = await factories.startDemoCluster({ scenario: 'demo', dataDir: options.paths.demoDir });
  }
  let core: RunningCore;
  try {
    core = await factories.createCore({
      kubeconfigPaths: plan.kubeconfigPaths,
      extraKubeconfigs: demo ? [{ path: demo.kubeconfigPath, demo: true }] : [],
      settingsPath: options.paths.settingsPath,
      trustStorePath: options.paths.trustStorePath,
      mode: options.mode,
      version: options.version,
    });
  } catch (err) {
    await demo?.stop();
    throw err;
  }
  let disposing: Promise<void> | undefined;
  return {
    handlers: core.handlers,
    plan,
    demo,
    dispose() {
      disposing ??= (async () => {
        try {
          await core.dispose();
        } finally {
          await demo?.stop();
        }
      })();
      return disposing;
    },
  };
}
