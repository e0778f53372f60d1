import type { IncomingMessage } from 'node:http';
import { tokensMatch } from '../rpc/ws-transport';

/** Name of the cookie that carries the per-run token for plain HTTP requests (attachments). */
export const SESSION_COOKIE = 'berth_session';

/** Reads one cookie from a request. */
export function readCookie(req: IncomingMessage, name: string): string | undefined {
  const header = req.headers.cookie;
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return decodeURIComponent(rest.join('='));
  }
  return undefined;
}

/** True when the request carries the session cookie with the right token. */
export function hasSessionCookie(req: IncomingMessage, token: string): boolean {
  return tokensMatch(readCookie(req, SESSION_COOKIE), token);
}

/** The Set-Cookie header value that grants the session: HttpOnly, SameSite=Strict, this path only. */
export function sessionCookieHeader(token: string): string {
  return `${SESSION_COOKIE}=${encodeURIComponent(token)}; HttpOnly; SameSite=Strict; Path=/`;
}
