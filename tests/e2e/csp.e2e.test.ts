import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { en } from '../../apps/web/src/i18n/en.js';
import { launchChromium } from './browser.js';
import { startServer, type ServerProcess } from './server-process.js';

let server: ServerProcess;
let chromium: { browser: Browser; close(): Promise<void> };

beforeAll(async () => {
  [server, chromium] = await Promise.all([startServer(), launchChromium()]);
});
afterAll(async () => {
  await chromium?.close();
  await server?.stop();
});

const fill = (s: string, vars: Record<string, string>) =>
  s.replace(/\{\{(\w+)\}\}/g, (_, k: string) => vars[k] ?? '');

describe('the content security policy', () => {
  it('lets the web app load, open a room and talk over its websocket, with no violation', async () => {
    const context = await chromium.browser.newContext({ locale: 'en-US' });
    const page = await context.newPage();
    page.setDefaultTimeout(30_000);
    const violations: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
    });
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) =>
        console.error(`Content Security Policy: ${e.violatedDirective} ${e.blockedURI}`),
      );
    });
    const sockets: string[] = [];
    page.on('websocket', (ws) => sockets.push(ws.url()));

    const res = await page.goto(server.url);
    expect(res?.headers()['content-security-policy']).toContain("script-src 'self'");
    const stories = (await (await fetch(`${server.url}/api/stories`)).json()) as {
      stories: { title: { en?: string } }[];
    };
    const title = stories.stories[0]?.title.en ?? '';
    await page.getByRole('button', { name: fill(en.home.chooseStory, { title }) }).click();
    await page.getByRole('radio', { name: en.language.en }).check();
    await page.getByRole('button', { name: en.home.create }).click();
    await page.waitForURL(/\/room\//);
    // The invite code comes with the room's first view, over socket.io.
    await expect
      .poll(async () => (await page.locator('.invite .code').textContent())?.trim())
      .toMatch(/^[2-9A-Z]{8}$/);
    expect(sockets.some((u) => u.includes('/socket.io/') && u.includes('transport=websocket'))).toBe(true);
    expect(violations).toEqual([]);
    await context.close();
  });
});
