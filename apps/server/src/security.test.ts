import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configFromEnv } from './config.js';
import { metricsAllowed } from './security.js';
import { startTestServer, tempDir, type TestServer } from './testing/harness.js';

const TOKEN = 'm'.repeat(40);
let dir: Awaited<ReturnType<typeof tempDir>>;
let open: TestServer;
let guarded: TestServer;

beforeAll(async () => {
  dir = await tempDir();
  // A stand-in for the built web app: the headers are the server's, whatever the page.
  const web = join(dir.dir, 'web');
  await mkdir(web);
  await writeFile(
    join(web, 'index.html'),
    '<!doctype html><script type="module" src="/assets/app.js"></script>',
  );
  open = await startTestServer(join(dir.dir, 'a'), { env: { WEB_DIR: web } });
  guarded = await startTestServer(join(dir.dir, 'b'), { env: { METRICS_TOKEN: TOKEN } });
});
afterAll(async () => {
  await open.close();
  await guarded.close();
  await dir.remove();
});

function policy(header: string | null): Map<string, string> {
  return new Map(
    (header ?? '')
      .split(';')
      .map((d) => d.trim())
      .filter(Boolean)
      .map((d) => [d.split(' ')[0]!, d.slice(d.indexOf(' ') + 1)]),
  );
}

describe('security headers', () => {
  it('send a content security policy the web app (same-origin files, socket.io on this host) works under', async () => {
    for (const path of ['/', '/join/ABCDEFGH', '/api/stories']) {
      const res = await fetch(open.url + path);
      const csp = policy(res.headers.get('content-security-policy'));
      const host = `127.0.0.1:${open.port}`;
      expect(csp.get('default-src')).toBe("'self'");
      expect(csp.get('script-src')).toBe("'self'");
      expect(csp.get('style-src')).toBe("'self'");
      expect(csp.get('connect-src')).toBe(`'self' ws://${host} wss://${host}`);
      expect(csp.get('object-src')).toBe("'none'");
      expect(csp.get('frame-ancestors')).toBe("'none'");
      // Plain http on a LAN address must keep working.
      expect(csp.has('upgrade-insecure-requests')).toBe(false);
      expect(res.headers.get('strict-transport-security')).toBeNull();
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('x-powered-by')).toBeNull();
    }
  });
});

describe('/metrics', () => {
  it('without METRICS_TOKEN answers loopback addresses only', async () => {
    expect((await fetch(`${open.url}/metrics`)).status).toBe(200);
    const from = (remoteAddress: string) =>
      metricsAllowed({ socket: { remoteAddress }, headers: {} }, undefined);
    expect(from('127.0.0.1')).toBe(true);
    expect(from('::1')).toBe(true);
    expect(from('::ffff:127.0.0.1')).toBe(true);
    expect(from('192.168.1.20')).toBe(false);
    expect(from('::ffff:10.0.0.7')).toBe(false);
    expect(from('')).toBe(false);
  });

  it('with METRICS_TOKEN wants it as a bearer token, from loopback too', async () => {
    const get = (authorization?: string) =>
      fetch(`${guarded.url}/metrics`, { headers: authorization ? { authorization } : {} });
    const none = await get();
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toBe('Bearer');
    expect((await get(`Bearer ${TOKEN}x`)).status).toBe(401);
    expect((await get(`Basic ${TOKEN}`)).status).toBe(401);
    const ok = await get(`Bearer ${TOKEN}`);
    expect(ok.status).toBe(200);
    expect(await ok.text()).toContain('jubensha_rooms');
  });

  it('a bad METRICS_TOKEN stops the server without printing it', () => {
    expect(() => configFromEnv({ METRICS_TOKEN: 'short-secret' })).toThrow(
      /METRICS_TOKEN.*\(got 12 characters\)/,
    );
    expect(() => configFromEnv({ METRICS_TOKEN: 'short-secret' })).not.toThrow(/short-secret/);
  });
});
