import type { FastifyReply } from 'fastify';

/**
 * The hub's answers: the security headers every response carries, JSON replies that are never
 * cached, and the page a viewer without the access key sees.
 */

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Content-Security-Policy':
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'",
};

export function isApiPath(url: string): boolean {
  return url.startsWith('/api/');
}

export function sendJson(reply: FastifyReply, status: number, value: unknown): FastifyReply {
  return reply
    .code(status)
    .headers({ 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' })
    .send(JSON.stringify(value));
}

export function sendText(reply: FastifyReply, status: number, text: string): FastifyReply {
  return reply.code(status).type('text/plain; charset=utf-8').send(text);
}

const ACCESS_PAGE =
  '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Callboard: access key needed</title></head>' +
  '<body style="font-family:system-ui;background:#0b0f14;color:#f2f5f8;padding:3rem"><h1>Access key needed</h1>' +
  '<p>This Callboard hub serves a network and needs its access key. Open the address the hub printed at startup ' +
  '(it ends in <code>?key=…</code>); this screen will remember it.</p>' +
  '<p>Or <a href="/pair" style="color:#ffd35c">pair this screen with a code</a> from Callboard’s settings.</p></body></html>';

/** 401 for a viewer without the access key: JSON for the API, a short page for a browser. */
export function refuseViewer(reply: FastifyReply, url: string): FastifyReply {
  if (isApiPath(url)) {
    return sendJson(reply, 401, {
      error: 'This Callboard hub needs its access key: open the address the hub printed at startup.',
    });
  }
  return reply.code(401).type('text/html; charset=utf-8').send(ACCESS_PAGE);
}
