/**
 * Answers requests to our app scheme (pilothouse-app://renderer/...) from dist/renderer,
 * with the same traversal-proof lookup as web mode and the strict CSP on every response.
 * No Electron import: main.ts hands this to `protocol.handle`, tests call it directly.
 */
import { readFile } from 'node:fs/promises';
import { rendererCsp } from '../../app/security/csp';
import { resolveStaticFile } from '../web/staticFiles';
import { APP_HOST, APP_SCHEME } from './trustedSender';

/** The desktop app's CSP: web mode's, without its socket (the core is reached over IPC). */
export const ELECTRON_CSP = rendererCsp({ delivery: 'header' });

const BASE_HEADERS = {
  'Content-Security-Policy': ELECTRON_CSP,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
};

function text(status: number, body: string): Response {
  return new Response(body, { status, headers: { ...BASE_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' } });
}

export async function appProtocolResponse(requestUrl: string, rendererDir: string, method = 'GET'): Promise<Response> {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return text(400, 'Bad request');
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return text(404, 'Not found');
  if (method !== 'GET' && method !== 'HEAD') return text(405, 'Method not allowed');
  const lookup = await resolveStaticFile(rendererDir, url.pathname);
  if (lookup.kind === 'bad-request') return text(400, `Bad request: ${lookup.reason}`);
  if (lookup.kind === 'not-found') {
    const built = (await resolveStaticFile(rendererDir, '/')).kind === 'file';
    return built ? text(404, 'Not found') : text(503, `The renderer is not built (no index.html in ${rendererDir}); run \`npm run build\`.`);
  }
  const body = method === 'HEAD' ? null : await readFile(lookup.filePath);
  return new Response(body, { status: 200, headers: { ...BASE_HEADERS, 'Content-Type': lookup.contentType } });
}
