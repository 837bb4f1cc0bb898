import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RequestHandler } from 'express';
import helmet from 'helmet';

/**
 * Security headers for everything the server answers. The web app is built by Vite into files served
 * from this origin (no inline script or style, no CDN), and it talks to the API and socket.io on the
 * same host: the policy allows exactly that.
 */
export function securityHeaders(): RequestHandler {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        'default-src': ["'self'"],
        'script-src': ["'self'"],
        'script-src-attr': ["'none'"],
        'style-src': ["'self'"],
        'img-src': ["'self'", 'data:'],
        'font-src': ["'self'", 'data:'],
        'connect-src': ["'self'", sameHostWebSockets],
        'object-src': ["'none'"],
        'base-uri': ["'self'"],
        'form-action': ["'self'"],
        'frame-ancestors': ["'none'"],
        // No upgrade-insecure-requests: a server on a LAN address is plain http, and upgrading its
        // requests to https would break every one of them.
      },
    },
    // HSTS belongs to whatever terminates TLS (a reverse proxy); this server speaks plain http.
    strictTransportSecurity: false,
  });
}

/**
 * socket.io's websocket on this host. CSP3 lets 'self' cover ws: and wss: to the same host, but older
 * Safari does not; the Host header is checked, as it is echoed into the policy.
 */
function sameHostWebSockets(req: IncomingMessage, _res: ServerResponse): string {
  const host = req.headers.host ?? '';
  return /^[A-Za-z0-9.:[\]-]{1,255}$/.test(host) ? `ws://${host} wss://${host}` : "'self'";
}

const LOOPBACK = /^(127\.\d{1,3}\.\d{1,3}\.\d{1,3}|::1|::ffff:127\.\d{1,3}\.\d{1,3}\.\d{1,3})$/;

const digest = (s: string) => createHash('sha256').update(s).digest();

/**
 * Who may read /metrics: with a token, whoever sends `Authorization: Bearer <token>`; without one, only
 * loopback addresses (a Prometheus on the same machine), since the metrics say how busy the server is
 * and which errors it answers.
 */
export function metricsAllowed(
  req: { socket: { remoteAddress?: string | undefined }; headers: { authorization?: string | undefined } },
  token: string | undefined,
): boolean {
  if (token === undefined) return LOOPBACK.test(req.socket.remoteAddress ?? '');
  const sent = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
  // Hashes first: equal lengths for timingSafeEqual, and no early exit on a length mismatch.
  return sent !== undefined && timingSafeEqual(digest(sent), digest(token));
}
