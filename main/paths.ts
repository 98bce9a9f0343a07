/**
 * Where Pilothouse keeps its own files. Mirrors Electron's `app.getPath('userData')`
 * (appData + app name) so that web mode and the desktop app share settings, trusted exec
 * commands and the demo cluster's data:
 *   Linux   $XDG_CONFIG_HOME/pilothouse, else ~/.config/pilothouse
 *   macOS   ~/Library/Application Support/pilothouse
 *   Windows %APPDATA%\pilothouse
 * `PILOTHOUSE_DATA_DIR` overrides all of them (tests, portable installs).
 */
import os from 'node:os';
import path from 'node:path';

export const APP_DIR_NAME = 'pilothouse';

export interface PathEnvironment {
  env: Record<string, string | undefined>;
  platform: NodeJS.Platform;
  homedir: string;
}

function currentEnvironment(): PathEnvironment {
  return { env: process.env, platform: process.platform, homedir: os.homedir() };
}

/** The per-user application data directory (Electron's `appData`). */
export function appDataDir(e: PathEnvironment = currentEnvironment()): string {
  // Pick the path flavour of the target platform so the function is testable anywhere.
  const p = e.platform === 'win32' ? path.win32 : path.posix;
  if (e.platform === 'win32') return e.env.APPDATA || p.join(e.homedir, 'AppData', 'Roaming');
  if (e.platform === 'darwin') return p.join(e.homedir, 'Library', 'Application Support');
  const xdg = e.env.XDG_CONFIG_HOME;
  // The XDG spec says relative values are invalid and must be ignored.
  return xdg && p.isAbsolute(xdg) ? xdg : p.join(e.homedir, '.config');
}

/** Pilothouse's own data directory (Electron's `userData`), or `PILOTHOUSE_DATA_DIR`. */
export function userDataDir(e: PathEnvironment = currentEnvironment()): string {
  const override = e.env.PILOTHOUSE_DATA_DIR;
  if (override) return path.resolve(override);
  const p = e.platform === 'win32' ? path.win32 : path.posix;
  return p.join(appDataDir(e), APP_DIR_NAME);
}

export interface AppPaths {
  dataDir: string;
  /** User settings (language, open contexts). */
  settingsPath: string;
  /** Exec credential plugin command lines the user has trusted. */
  trustStorePath: string;
  /** The built-in demo cluster's kubeconfig, CA and state. */
  demoDir: string;
}

export function appPaths(dataDir: string = userDataDir()): AppPaths {
  return {
    dataDir,
    settingsPath: path.join(dataDir, 'settings.json'),
    trustStorePath: path.join(dataDir, 'trusted-exec.json'),
    demoDir: path.join(dataDir, 'demo'),
  };
}
