/**
 * Maps a request path to a file of the built renderer (dist/renderer), for both web mode and
 * Electron's app protocol. Traversal is impossible by construction: `..`, backslashes, NUL
 * and dot-files are refused before touching the disk, and the real path (symlinks resolved)
 * must still lie inside the root. Directories are never listed; paths that look like app
 * routes (no file extension) fall back to index.html so deep links work.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';

export type StaticLookup =
  | { kind: 'file'; filePath: string; contentType: string }
  | { kind: 'not-found' }
  | { kind: 'bad-request'; reason: string };

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
};

export function contentTypeOf(filePath: string): string {
  return CONTENT_TYPES[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

export function isHtml(lookup: StaticLookup): boolean {
  return lookup.kind === 'file' && lookup.contentType.startsWith('text/html');
}

function isInside(root: string, candidate: string): boolean {
  const rel = path.relative(root, candidate);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

async function statOrUndefined(p: string) {
  try {
    return await fs.stat(p);
  } catch {
    return undefined;
  }
}

/** Resolves `urlPath` (the URL's pathname, still percent-encoded) under `root`. */
export async function resolveStaticFile(root: string, urlPath: string): Promise<StaticLookup> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return { kind: 'bad-request', reason: 'malformed percent-encoding' };
  }
  if (!decoded.startsWith('/')) return { kind: 'bad-request', reason: 'path must start with /' };
  if (decoded.includes('\0') || decoded.includes('\\')) return { kind: 'bad-request', reason: 'forbidden character in path' };
  const segments = decoded.split('/').filter((s) => s !== '');
  if (segments.some((s) => s === '..' || s === '.')) return { kind: 'bad-request', reason: 'relative segment in path' };
  if (segments.some((s) => s.startsWith('.'))) return { kind: 'not-found' };

  let realRoot: string;
  try {
    realRoot = await fs.realpath(root);
  } catch {
    return { kind: 'not-found' };
  }
  const index = async (): Promise<StaticLookup> => {
    const indexPath = path.join(realRoot, 'index.html');
    return (await statOrUndefined(indexPath))?.isFile()
      ? { kind: 'file', filePath: indexPath, contentType: CONTENT_TYPES['.html'] }
      : { kind: 'not-found' };
  };
  if (segments.length === 0) return index();

  const candidate = path.join(realRoot, ...segments);
  if (!isInside(realRoot, candidate)) return { kind: 'bad-request', reason: 'path escapes the root' };
  const stat = await statOrUndefined(candidate);
  if (stat?.isFile()) {
    const real = await fs.realpath(candidate);
    if (!isInside(realRoot, real)) return { kind: 'not-found' };
    return { kind: 'file', filePath: real, contentType: contentTypeOf(real) };
  }
  // An app route (no extension, e.g. /clusters/demo/pods) gets the SPA; a missing asset is a 404.
  const last = segments[segments.length - 1];
  return path.extname(last) === '' ? index() : { kind: 'not-found' };
}
