import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { appDataDir, appPaths, userDataDir } from './paths';

describe('user data dir (Electron userData semantics)', () => {
  it('uses ~/.config/pilothouse on Linux, or $XDG_CONFIG_HOME when absolute', () => {
    expect(userDataDir({ env: {}, platform: 'linux', homedir: '/home/ada' })).toBe('/home/ada/.config/pilothouse');
    expect(userDataDir({ env: { XDG_CONFIG_HOME: '/xdg' }, platform: 'linux', homedir: '/home/ada' })).toBe('/xdg/pilothouse');
    expect(appDataDir({ env: { XDG_CONFIG_HOME: 'relative' }, platform: 'linux', homedir: '/home/ada' })).toBe('/home/ada/.config');
  });

  it('uses Application Support on macOS and %APPDATA% on Windows', () => {
    expect(userDataDir({ env: {}, platform: 'darwin', homedir: '/Users/ada' })).toBe('/Users/ada/Library/Application Support/pilothouse');
    expect(userDataDir({ env: { APPDATA: 'C:\\Users\\ada\\AppData\\Roaming' }, platform: 'win32', homedir: 'C:\\Users\\ada' })).toBe(
      'C:\\Users\\ada\\AppData\\Roaming\\pilothouse',
    );
  });

  it('honours PILOTHOUSE_DATA_DIR', () => {
    expect(userDataDir({ env: { PILOTHOUSE_DATA_DIR: '/tmp/ph' }, platform: 'linux', homedir: '/home/ada' })).toBe('/tmp/ph');
  });

  it('puts settings, trusted exec commands and demo data inside it', () => {
    const p = appPaths('/data');
    expect(p.settingsPath).toBe(path.join('/data', 'settings.json'));
    expect(p.trustStorePath).toBe(path.join('/data', 'trusted-exec.json'));
    expect(p.demoDir).toBe(path.join('/data', 'demo'));
  });
});
