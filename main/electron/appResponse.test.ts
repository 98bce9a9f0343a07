import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rendererCsp } from '../../app/security/csp';
import { appProtocolResponse, ELECTRON_CSP } from './appResponse';
import { APP_ORIGIN } from './trustedSender';

let root: string;
let rendererDir: string;

beforeAll(() => {
  root = mkdtempSync(path.join(tmpdir(), 'pilothouse-app-'));
  rendererDir = path.join(root, 'renderer');
  mkdirSync(path.join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Pilothouse</title>');
  writeFileSync(path.join(rendererDir, 'assets', 'app.css'), 'body{}');
  writeFileSync(path.join(root, 'secret.txt'), 'TOP-SECRET');
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('app protocol responses', () => {
  it('serves index.html and assets with the CSP and content types', async () => {
    const page = await appProtocolResponse(`${APP_ORIGIN}/index.html`, rendererDir);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(page.headers.get('content-security-policy')).toBe(ELECTRON_CSP);
    expect(await page.text()).toContain('<title>Pilothouse');
    const css = await appProtocolResponse(`${APP_ORIGIN}/assets/app.css`, rendererDir);
    expect(css.headers.get('content-type')).toContain('text/css');
  });

  it('has no network sources in its CSP (the core is reached over IPC)', () => {
    expect(ELECTRON_CSP).toContain("connect-src 'self'");
    expect(ELECTRON_CSP).not.toMatch(/ws:|http:|https:|unsafe/);
  });

  it('sends the one policy of app/security/csp.ts', () => {
    expect(ELECTRON_CSP).toBe(rendererCsp({ delivery: 'header' }));
  });

  it.each([`${APP_ORIGIN}/..%2fsecret.txt`, `${APP_ORIGIN}/assets/..%5c..%5csecret.txt`, `${APP_ORIGIN}/%2e%2e/secret.txt`])(
    'never serves files outside the renderer (%s)',
    async (url) => {
      const res = await appProtocolResponse(url, rendererDir);
      expect([400, 404]).toContain(res.status);
      expect(await res.text()).not.toContain('TOP-SECRET');
    },
  );

  it('answers only our host', async () => {
    expect((await appProtocolResponse('pilothouse-app://other/index.html', rendererDir)).status).toBe(404);
  });

  it('says the renderer is not built when it is missing', async () => {
    const res = await appProtocolResponse(`${APP_ORIGIN}/index.html`, path.join(root, 'nowhere'));
    expect(res.status).toBe(503);
    expect(await res.text()).toContain('npm run build');
  });
});
