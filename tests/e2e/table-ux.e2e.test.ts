import { AxeBuilder } from '@axe-core/playwright';
import { loadStory, type Story } from '@jubensha/story';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { en } from '../../apps/web/src/i18n/en.js';
import { zh } from '../../apps/web/src/i18n/zh.js';
import { launchChromium, newPlayerPage } from './browser.js';
import { fetchView } from './game-client.js';
import { normalize, segments } from './leaks.js';
import { REPO, startServer, type ServerProcess } from './server-process.js';

/**
 * The table as players see it (issue 15), played as a new group would: a host, two people (one at a
 * desk in English, one on a phone in Chinese) and AI characters in the other seats, from the setup
 * form to the host ending the game. Screenshots at 1280×800 and 390×844 go to tests/e2e/artifacts/.
 */
const STORY = 'last-curtain';
const ARTIFACTS = join(REPO, 'tests/e2e/artifacts');
const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };
const UI = { en, zh };
const READ_SECONDS = 8;
type Ui = keyof typeof UI;
const fill = (s: string, vars: Record<string, string | number> = {}) =>
  s.replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(vars[k] ?? ''));

let server: ServerProcess;
let chromium: Awaited<ReturnType<typeof launchChromium>>;
let story: Story;

beforeAll(async () => {
  await mkdir(ARTIFACTS, { recursive: true });
  const loaded = await loadStory(join(REPO, 'scripts-stories', STORY));
  if (!loaded.story) throw new Error(`${STORY} does not load`);
  story = loaded.story;
  // A short reading time after the last statement, to see the statements stay up before the vote.
  process.env.STATEMENT_READ_SECONDS = String(READ_SECONDS);
  [server, chromium] = await Promise.all([startServer(), launchChromium()]);
});

afterAll(async () => {
  await chromium?.close();
  await server?.stop();
});

const newPage = (ui: Ui, viewport: { width: number; height: number }) =>
  newPlayerPage(chromium.browser, ui, viewport);

const shot = (page: Page, name: string, fullPage = false) =>
  page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage });
/** The page from its top, as a player arriving at a new phase sees it. */
const toTop = (page: Page) => page.evaluate(() => window.scrollTo(0, 0));

async function expectAccessible(page: Page, what: string): Promise<void> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa']).analyze();
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(
    bad.map((v) => `${what}: ${v.id} ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join('; ')})`),
  ).toEqual([]);
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('the table as players see it', () => {
  it('setup, a full room, introductions, searches, a private talk, statements through the vote, and the host ending the game', async () => {
    const name = (seat: string) => story.characters.find((c) => c.id === seat)?.name.en ?? seat;
    const seats = story.characters.map((c) => c.id);
    const [seatA, seatB] = seats as [string, string];
    const aiSeats = seats.slice(2);

    // Setup (item 6): the form comes into view with focus; every seat to AI at once, two back to people.
    const { page: host } = await newPage('en', DESKTOP);
    await host.goto(server.url);
    await host
      .getByRole('button', { name: fill(en.home.chooseStory, { title: story.title.en ?? '' }) })
      .click();
    await expect
      .poll(() =>
        host.evaluate(() => {
          const h = document.getElementById('create-title');
          const top = h?.getBoundingClientRect().top ?? -1;
          return document.activeElement === h && top >= 0 && top < 200;
        }),
      )
      .toBe(true);
    await host.getByRole('radio', { name: en.language.en }).check();
    await host.getByRole('button', { name: en.home.allAi }).click();
    await host.getByText(fill(en.home.seatCount, { humans: 0, ai: seats.length })).waitFor();
    for (const seat of [seatA, seatB]) await host.getByLabel(name(seat)).selectOption('human');
    await host.getByText(fill(en.home.seatCount, { humans: 2, ai: seats.length - 2 })).waitFor();
    await expectAccessible(host, 'setup');
    await shot(host, '01-setup-desktop');
    await host.getByRole('button', { name: en.home.create }).click();
    await host.waitForURL(/\/room\//);
    const roomId = decodeURIComponent(new URL(host.url()).pathname.split('/')[2] ?? '');
    const code = (await host.locator('.invite .code').textContent())?.trim() ?? '';

    const join = async (ui: Ui, viewport: typeof DESKTOP, seat: string, player: string) => {
      const { context, page } = await newPage(ui, viewport);
      const t = UI[ui];
      await page.goto(`${server.url}/join/${code}`);
      await page.getByLabel(t.join.name).fill(player);
      await page.getByRole('radio', { name: new RegExp(escape(name(seat))) }).check();
      await page.getByRole('button', { name: t.join.take }).click();
      await page.getByRole('heading', { name: fill(t.character.title, { name: name(seat) }) }).waitFor();
      const stored = await page.evaluate((k) => localStorage.getItem(k), `jubensha.room.${roomId}`);
      const token = (JSON.parse(stored ?? '{}') as { seatToken?: string }).seatToken ?? '';
      return { context, page, t, seat, token };
    };
    const a = await join('en', DESKTOP, seatA, 'Alice');
    const b = await join('zh', PHONE, seatB, '小波');
    const players = [a, b];

    // A full room (item 10): watch as a spectator, or ask the host for an AI seat; in both languages.
    for (const [ui, viewport, tag] of [
      ['en', PHONE, 'phone'],
      ['zh', DESKTOP, 'desktop'],
    ] as const) {
      const { context, page } = await newPage(ui, viewport);
      const t = UI[ui];
      await page.goto(`${server.url}/join/${code}`);
      const full = page.getByRole('region', { name: t.join.fullTitle });
      await full.getByText(t.join.askHost.slice(0, 12)).waitFor();
      await expectAccessible(page, `full room ${ui}`);
      await shot(page, `02-full-room-${ui}-${tag}`, true);
      if (ui === 'en') {
        await full.getByRole('link', { name: t.join.watch }).click();
        await page.waitForURL(/\/room\//);
        await page.getByRole('heading', { name: t.phase.lobby }).waitFor();
        await shot(page, '02-spectator-phone');
      }
      await context.close();
    }

    // Host lobby: one seat list (item 6).
    for (const p of players) await p.page.getByRole('button', { name: p.t.lobby.imReady }).click();
    await host.getByText(en.lobby.allReady).waitFor();
    expect(await host.locator('.seat-list').count()).toBe(1);
    await shot(host, '03-host-lobby-desktop', true);
    await host.getByRole('button', { name: en.host.start }).click();

    const stepLabel = (t: typeof en, n: number) => fill(t.phase.stepOf, { n, total: story.phases.length });
    const waitForStep = async (n: number) => {
      for (const p of players) await p.page.locator('.table-header').getByText(stepLabel(p.t, n)).waitFor();
    };
    const advance = () => host.getByRole('button', { name: en.host.advance }).click();

    // Reading: the script once on screen (item 6).
    await waitForStep(1);
    const firstLine = segments(story.characters.find((c) => c.id === seatA)?.script[0]?.en, 'en')[0] ?? '';
    expect(firstLine.length).toBeGreaterThan(10);
    await expect
      .poll(async () => normalize(await a.page.innerText('body')).split(firstLine).length - 1)
      .toBe(1);
    await toTop(a.page);
    await shot(a.page, '04-reading-desktop');
    for (const p of players) await p.page.getByRole('button', { name: p.t.reading.done }).click();

    // Introductions (item 11): the AI seats' wait is explained, in each UI language.
    await waitForStep(2);
    await a.page.getByRole('note').getByText(en.discussion.aiWaitIntro).waitFor();
    await b.page.getByRole('note').getByText(zh.discussion.aiWaitIntro).waitFor();
    await toTop(b.page);
    await shot(b.page, '05-intro-wait-phone-zh');

    // The message box (item 9): a 5,000-character paste stays whole and says it is too long.
    const box = a.page.getByLabel(en.chat.say);
    await box.fill('x'.repeat(5000));
    expect((await box.inputValue()).length).toBe(5000);
    await a.page.getByText(fill(en.chat.tooLong, { count: 5000, max: 500, over: 4500 })).waitFor();
    expect(await a.page.getByRole('button', { name: en.chat.send }).isDisabled()).toBe(true);
    await box.scrollIntoViewIfNeeded();
    await shot(a.page, '06-too-long-desktop');
    await box.fill(`Good evening, I am ${name(seatA)}.`);
    await box.press('Enter');
    const boxB = b.page.getByLabel(zh.chat.say);
    await boxB.fill(`Evening all, ${name(seatB)} here.`);
    await boxB.press('Enter');
    await b.page.getByRole('note').getByText(zh.discussion.aiWaitIntro).waitFor({ state: 'detached' });

    // AI speech streams (issue 15, point 2): a line shows while it is said, typed out, before it lands.
    const typing = a.page.locator('.chat-streams li .line').first();
    await typing.waitFor({ timeout: 60_000 });
    const partial = (await typing.innerText()).replace(en.chat.typing, '').trim();
    await toTop(a.page);
    await shot(a.page, '07a-ai-typing-desktop');
    expect(partial.length).toBeGreaterThan(0);

    // AI introductions (item 1): each line once, in the log, with no grey copy left under it.
    const log = a.page.getByRole('log', { name: en.chat.public });
    for (const seat of aiSeats)
      await log
        .locator('li', { hasText: name(seat) })
        .first()
        .waitFor({ timeout: 60_000 });
    await a.page.waitForTimeout(1_500);
    expect(await a.page.locator('.chat-streams li').count()).toBe(0);
    expect(await b.page.locator('.chat-streams li').count()).toBe(0);
    const lines = await log.locator('li .line').allInnerTexts();
    expect(lines.filter((l) => l.includes(en.chat.typing))).toEqual([]);
    const typed = lines.find((l) => l.trim().startsWith(partial));
    expect(typed, partial).toBeDefined();
    expect(typed?.trim().length ?? 0).toBeGreaterThan(partial.length);
    await toTop(a.page);
    await shot(a.page, '07-intro-lines-desktop');

    // On a phone the phase and the timer stay in sight (item 7).
    await b.page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await expect
      .poll(() => b.page.evaluate(() => document.querySelector('.table-header')?.getBoundingClientRect().top))
      .toBe(0);
    expect(await b.page.getByRole('timer').isVisible()).toBe(true);
    await shot(b.page, '08-sticky-header-phone-zh');
    await expectAccessible(b.page, 'intro on a phone');
    await advance();

    // Searches (item 8): numbered over the evening; a place with nothing left is marked.
    const roundOf = (n: number) => (p: (typeof players)[number]) => fill(p.t.phase.search, { round: n });
    let search = 0;
    for (const [i, step] of story.phases.entries()) {
      if (i < 2) continue;
      await waitForStep(i + 1);
      if (step.kind === 'search') {
        search++;
        for (const p of players)
          await p.page.getByRole('heading', { level: 2, name: roundOf(search)(p) }).waitFor();
        // Search every place once while points last: what is found out is marked, never offered.
        const buttons = a.page.locator('main .locations button');
        const points = a.page.locator('main .points');
        for (let k = 0; k < (await buttons.count()); k++) {
          if (!(await buttons.nth(k).isEnabled())) continue;
          const before = await points.textContent();
          await buttons.nth(k).click();
          await expect
            .poll(
              async () =>
                (await points.textContent()) !== before ||
                (await a.page.getByRole('alert').filter({ hasText: /\S/ }).count()) > 0,
              { timeout: 20_000 },
            )
            .toBe(true);
          await a.page.waitForTimeout(200);
        }
        const out = a.page.locator('main .locations li.searched-out button');
        for (let k = 0; k < (await out.count()); k++) expect(await out.nth(k).isDisabled()).toBe(true);
        await toTop(a.page);
        await toTop(b.page);
        await shot(a.page, `09-search-${search}-desktop`);
        await shot(b.page, `09-search-${search}-phone-zh`);
        await advance();
      } else if (step.kind === 'read') {
        for (const p of players) await p.page.getByRole('button', { name: p.t.reading.done }).click();
      } else if (step.kind === 'discuss' && step.mode === 'private') {
        // An invitation is announced at the top (item 5), even when the talks are below the fold.
        await a.page.getByRole('button', { name: fill(en.talks.request, { name: name(seatB) }) }).click();
        const news = b.page.locator('.table-header').getByRole('region', { name: zh.news.label });
        // AI seats may have asked too: then one line names them all.
        await news.locator('li.invite-news', { hasText: name(seatA) }).waitFor();
        await b.page.evaluate(() => window.scrollTo(0, 0));
        await shot(b.page, '10-invitation-news-phone-zh');
        await news.getByRole('button', { name: zh.news.answer }).click();
        const talk = b.page.getByRole('article', { name: fill(zh.talks.with, { name: name(seatA) }) });
        await talk.getByRole('button', { name: zh.talks.accept }).click();
        const whisper = 'Meet me in the wings.';
        const say = a.page.getByLabel(fill(en.talks.say, { name: name(seatB) }));
        await say.fill(whisper);
        await say.press('Enter');
        await talk.getByText(whisper).waitFor();
        // B starts typing; the talk ends; B's words stay on screen.
        const sayB = talk.getByLabel(fill(zh.talks.say, { name: name(seatA) }));
        await sayB.fill('I saw you by the');
        await a.page.getByRole('button', { name: en.talks.end }).click();
        await talk.getByText(fill(zh.talks.endedWhileTyping, { name: name(seatA) })).waitFor();
        expect(await sayB.inputValue()).toBe('I saw you by the');
        await sayB.scrollIntoViewIfNeeded();
        await shot(b.page, '11-talk-ended-phone-zh');
        await advance();
      } else if (step.kind === 'discuss') {
        await advance();
      } else if (step.kind === 'statement') {
        for (let turn = 0; turn < seats.length; turn++) {
          const view = await fetchView(server.url, roomId);
          const speaker = view.progress.speaker;
          if (view.progress.phase !== i || speaker === null) break;
          const p = players.find((x) => x.seat === speaker);
          if (p) {
            const form = p.page.getByLabel(p.t.statements.yours);
            await form.fill(`${name(p.seat)}: I was in the wings at half past nine, and I can prove it.`);
            await p.page.getByRole('button', { name: p.t.statements.submit }).click();
            await form.waitFor({ state: 'detached' });
          } else {
            await expect
              .poll(async () => (await fetchView(server.url, roomId)).progress.speaker, { timeout: 60_000 })
              .not.toBe(speaker);
          }
        }
        // Everyone has spoken (item 3): the statements stay up for the reading time, then the vote opens.
        await a.page.getByRole('status').getByText(en.statements.allSpoken).waitFor();
        const since = Date.now();
        await b.page.getByRole('status').getByText(zh.statements.allSpoken).waitFor();
        await toTop(a.page);
        await shot(a.page, '12-all-spoken-desktop');
        await waitForStep(i + 2);
        expect(Date.now() - since).toBeGreaterThan((READ_SECONDS - 3) * 1000);
      } else if (step.kind === 'vote') {
        // Statements readable through the vote (item 3).
        for (const p of players) {
          const panel = p.page.getByRole('region', { name: p.t.statements.given, exact: true });
          await expect.poll(() => panel.locator('article').count()).toBe(seats.length);
          await panel.getByText(`${name(seatA)}: I was in the wings`).waitFor();
        }
        await expectAccessible(a.page, 'vote');
        await toTop(a.page);
        await shot(a.page, '12-vote-desktop');
        await a.page.getByRole('region', { name: en.statements.given, exact: true }).scrollIntoViewIfNeeded();
        await shot(a.page, '12-vote-statements-desktop');
        await b.page.getByRole('region', { name: zh.statements.given, exact: true }).scrollIntoViewIfNeeded();
        await shot(b.page, '12-vote-statements-phone-zh');
        for (const p of players) {
          await p.page.getByRole('radio').first().check();
          await p.page.getByRole('button', { name: p.t.vote.submit }).click();
        }
      } else if (step.kind === 'reveal') {
        await advance();
      } else if (step.kind === 'debrief') {
        // The host ends the game (item 4): no pause, invite or hand-over left; every seat is told.
        const panel = host.getByRole('region', { name: en.host.title });
        expect(await panel.getByRole('button', { name: en.host.pause }).count()).toBe(0);
        expect(await panel.getByRole('button', { name: en.host.advance }).count()).toBe(0);
        expect(await host.locator('.invite').count()).toBe(0);
        expect(await panel.getByRole('button', { name: /Hand .* to the AI/ }).count()).toBe(0);
        await toTop(host);
        await shot(host, '13-host-debrief-desktop');
        await panel.getByRole('button', { name: en.host.end }).click();
        await panel.getByRole('button', { name: en.host.endYes }).click();
        await panel.getByText(en.host.ended).waitFor();
        await a.page.getByRole('status').getByText(en.room.ended).waitFor();
        await b.page.getByRole('status').getByText(zh.room.ended).waitFor();
        expect(await host.getByRole('alert').filter({ hasText: /\S/ }).count()).toBe(0);
        const debrief = segments(story.debrief.en, 'en')[0] ?? '';
        expect(normalize(await a.page.innerText('main'))).toContain(debrief);
        expect(await a.page.getByLabel(en.chat.say).count()).toBe(0);
        await expectAccessible(a.page, 'ended');
        for (const page of [host, a.page, b.page]) await toTop(page);
        await shot(host, '14-ended-host-desktop');
        await shot(a.page, '14-ended-desktop');
        await shot(b.page, '14-ended-phone-zh');
        // A reload after the end still says so (the welcome of a finished room), the debrief still there.
        await b.page.reload();
        await b.page.getByRole('status').getByText(zh.room.ended).waitFor();
        expect(normalize(await b.page.innerText('main'))).toContain(debrief);
      }
    }
    expect(search).toBe(3);
  });
});
