import { describe, expect, it } from 'vitest';
import { browserCommand, hasDisplay, openBrowser } from './openBrowser';

describe('opening the browser', () => {
  it('knows when a display exists', () => {
    expect(hasDisplay('linux', {})).toBe(false);
    expect(hasDisplay('linux', { DISPLAY: ':0' })).toBe(true);
    expect(hasDisplay('linux', { WAYLAND_DISPLAY: 'wayland-0' })).toBe(true);
    expect(hasDisplay('darwin', {})).toBe(true);
  });

  it('uses each platform’s opener', () => {
    const url = 'http://127.0.0.1:1234/?token=abc';
    expect(browserCommand('linux', url)).toEqual({ command: 'xdg-open', args: [url] });
    expect(browserCommand('darwin', url)).toEqual({ command: 'open', args: [url] });
    expect(browserCommand('win32', 'http://x/?a=1&b=2').args).toEqual(['/c', 'start', '""', 'http://x/?a=1^&b=2']);
  });

  it('refuses anything but http(s) without spawning', async () => {
    await expect(openBrowser('file:///etc/passwd')).resolves.toBe(false);
  });
});
