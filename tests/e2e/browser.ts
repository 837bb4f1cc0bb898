import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

/** Debian's chromium (`apt-get install chromium`), never a downloaded browser. */
export async function launchChromium(): Promise<{ browser: Browser; close(): Promise<void> }> {
  const profile = await mkdtemp(join(tmpdir(), 'jubensha-chromium-'));
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    // Playwright refuses a --user-data-dir flag on launch() and passes a fresh temporary profile
    // itself; downloads and traces go to our own fresh directory.
    downloadsPath: profile,
    tracesDir: profile,
  });
  return {
    browser,
    close: async () => {
      await browser.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

/** A player's own browser context (its locale: the UI language it opens in) and page, at a size. */
export async function newPlayerPage(
  browser: Browser,
  ui: 'en' | 'zh',
  viewport: { width: number; height: number },
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport, locale: ui === 'en' ? 'en-US' : 'zh-CN' });
  const page = await context.newPage();
  page.setDefaultTimeout(30_000);
  return { context, page };
}
