/**
 * The web-mode server's gatekeeping, as pure functions: the per-launch token, the session
 * cookie, Host (DNS rebinding) and Origin (cross-site WebSocket hijacking) checks, and the
 * Content-Security-Policy. The server is reachable by every local process and every web page
 * the user visits (through the browser), so every request must prove it came from the URL
 * we printed.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { rendererCsp } from '../../app/security/csp';

/** A fresh per-launch secret: 32 random bytes, URL-safe. */
export function generateToken(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * Constant-time comparison. Both sides are hashed first so neither the content nor the
 * length of the expected token leaks through timing.
 */
export function tokensEqual(given: string | undefined, expected: string): boolean {
  if (typeof given !== 'string' || given.length === 0 || given.length > 1024) return false;
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

/**
 * Cookies are not scoped by port, so two Pilothouse instances on the same machine would
 * overwrite each other's cookie if they shared a name; the port keeps them apart.
 */
export function sessionCookieName(port: number): string {
  return `pilothouse_session_${port}`;
}

/** HttpOnly: page scripts never see it; SameSite=Strict: other sites cannot send it. */
export function sessionCookie(port: number, token: string): string {
  return `${sessionCookieName(port)}=${token}; HttpOnly; SameSite=Strict; Path=/`;
}

/** Parses a Cookie header into name → value (first occurrence wins, as browsers order them). */
export function parseCookies(header: string | undefined): Map<string, string> {
  const cookies = new Map<string, string>();
  if (!header) return cookies;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq <= 0) continue;
    const name = part.slice(0, eq).trim();
    const value = part.slice(eq + 1).trim();
    if (!cookies.has(name)) cookies.set(name, value);
  }
  return cookies;
}

export interface AuthInput {
  cookieHeader: string | undefined;
  queryToken: string | null;
}

/** How a request proved itself: by the cookie, by the `?token=` query, or not at all. */
export function authenticate(input: AuthInput, port: number, token: string): 'cookie' | 'query' | undefined {
  if (tokensEqual(parseCookies(input.cookieHeader).get(sessionCookieName(port)), token)) return 'cookie';
  if (input.queryToken !== null && tokensEqual(input.queryToken, token)) return 'query';
  return undefined;
}

/** The only Host values we answer: our loopback address or `localhost`, with our port. */
export function isAllowedHost(host: string | undefined, port: number): boolean {
  if (!host) return false;
  const h = host.toLowerCase();
  return h === `127.0.0.1:${port}` || h === `localhost:${port}`;
}

/**
 * Browsers always send Origin on WebSocket handshakes and page scripts cannot forge it, so a
 * foreign Origin means another site is trying to use the user's cookie. A missing Origin is
 * a non-browser client, which needs the token anyway.
 */
export function isAllowedOrigin(origin: string | undefined, port: number): boolean {
  if (origin === undefined) return true;
  const o = origin.toLowerCase();
  return o === `http://127.0.0.1:${port}` || o === `http://localhost:${port}`;
}

/** The strict policy of every HTML response: nothing but our own origin and our socket. */
export function contentSecurityPolicy(port: number): string {
  return rendererCsp({ delivery: 'header', connectTo: [`ws://127.0.0.1:${port}`, `ws://localhost:${port}`] });
}

/** Headers every response carries. */
export function securityHeaders(port: number): Record<string, string> {
  return {
    'Content-Security-Policy': contentSecurityPolicy(port),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'X-Frame-Options': 'DENY',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
  };
}
