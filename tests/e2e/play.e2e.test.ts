import { AxeBuilder } from '@axe-core/playwright';
import type { Controller, View } from '@jubensha/protocol';
import { loadStory, type Story } from '@jubensha/story';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { en } from '../../apps/web/src/i18n/en.js';
import { zh } from '../../apps/web/src/i18n/zh.js';
import { launchChromium, newPlayerPage } from './browser.js';
import { fetchView } from './game-client.js';
import { forbiddenSentences, normalize, segments } from './leaks.js';
import { REPO, startServer, type ServerProcess } from './server-process.js';

/**
 * Who fills the seats beyond the three human players: AI characters (authored lines, no model), as the
 * product plays; 'human' plays them from more browser contexts instead.
 */
const FILL_WITH = 'ai' as Controller;

const STORY = 'last-curtain';
const LANG = 'en' as const;
const ARTIFACTS = join(REPO, 'test-artifacts/e2e');
const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 390, height: 844 };

type Ui = 'en' | 'zh';
const UI = { en, zh };
const fill = (s: string, vars: Record<string, string | number> = {}) =>
  s.replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(vars[k] ?? ''));

interface Player {
  seat: string;
  name: string;
  ui: Ui;
  context: BrowserContext;
  page: Page;
  token: string;
}

let server: ServerProcess;
let chromium: { browser: Browser; close(): Promise<void> };
let story: Story;

beforeAll(async () => {
  await mkdir(ARTIFACTS, { recursive: true });
  const loaded = await loadStory(join(REPO, 'scripts-stories', STORY));
  if (!loaded.story) throw new Error(`${STORY} does not load`);
  story = loaded.story;
  [server, chromium] = await Promise.all([startServer(), launchChromium()]);
});

afterAll(async () => {
  await chromium?.close();
  await server?.stop();
});

const newPage = (ui: Ui, viewport = DESKTOP) => newPlayerPage(chromium.browser, ui, viewport);

const characterName = (seat: string) => story.characters.find((c) => c.id === seat)?.name[LANG] ?? seat;

async function expectAccessible(page: Page, what: string): Promise<void> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa']).analyze();
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(
    bad.map((v) => `${what}: ${v.id} ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join('; ')})`),
  ).toEqual([]);
}

describe('a whole game in the browser', () => {
  it('hosts, joins, plays every phase to the debrief, leaks nothing, survives a reload and a server restart', async () => {
    const seats = story.characters.map((c) => c.id);
    const humans = seats.slice(0, 3);
    const fillers = seats.slice(3);

    // The host opens a room from the home page.
    const { page: host } = await newPage('en');
    await host.goto(server.url);
    await host
      .getByRole('button', { name: fill(en.home.chooseStory, { title: story.title.en ?? '' }) })
      .click();
    await host.getByRole('radio', { name: en.language.en }).check();
    if (FILL_WITH === 'ai') {
      for (const seat of fillers) await host.getByLabel(characterName(seat)).selectOption('ai');
    }
    await expectAccessible(host, 'home');
    await host.screenshot({ path: join(ARTIFACTS, '00-home-host.png'), fullPage: true });
    await host.getByRole('button', { name: en.home.create }).click();
    await host.waitForURL(/\/room\//);
    const roomId = decodeURIComponent(new URL(host.url()).pathname.split('/')[2] ?? '');
    const code = (await host.locator('.invite .code').textContent())?.trim() ?? '';
    expect(code).toMatch(/^[2-9A-Z]{8}$/);

    // Three players (one on a phone, one in Chinese) and the fillers join by the invite link.
    const players: Player[] = [];
    const joining = [...humans, ...(FILL_WITH === 'human' ? fillers : [])];
    for (const [i, seat] of joining.entries()) {
      const ui: Ui = i === 2 ? 'zh' : 'en';
      const { context, page } = await newPage(ui, i === 1 ? PHONE : DESKTOP);
      const t = UI[ui];
      const name = `Player ${i + 1}`;
      await page.goto(`${server.url}/join/${code}`);
      await page.getByLabel(t.join.name).fill(name);
      await page
        .getByRole('radio', { name: new RegExp(characterName(seat).replace(/[()]/g, '\\$&')) })
        .check();
      if (i === 0) await expectAccessible(page, 'join');
      if (i < 3) await page.screenshot({ path: join(ARTIFACTS, `00-join-${ui}-${i}.png`), fullPage: true });
      await page.getByRole('button', { name: t.join.take }).click();
      await page.waitForURL(/\/room\//);
      await page
        .getByRole('heading', { name: fill(t.character.title, { name: characterName(seat) }) })
        .waitFor();
      const stored = await page.evaluate((k) => localStorage.getItem(k), `jubensha.room.${roomId}`);
      const token = (JSON.parse(stored ?? '{}') as { seatToken?: string }).seatToken ?? '';
      players.push({ seat, name, ui, context, page, token });
    }
    const [p0, p1, p2] = players as [Player, Player, Player];
    try {
      const t = (p: Player) => UI[p.ui];

      const shot = async (step: number, kind: string) => {
        const tag = `${String(step).padStart(2, '0')}-${kind}`;
        await p0.page.screenshot({ path: join(ARTIFACTS, `${tag}-desktop.png`), fullPage: true });
        await p1.page.evaluate(() => window.scrollTo(0, 0));
        await p1.page.screenshot({ path: join(ARTIFACTS, `${tag}-phone.png`) });
        await p2.page.screenshot({ path: join(ARTIFACTS, `${tag}-zh.png`), fullPage: true });
        await host.screenshot({ path: join(ARTIFACTS, `${tag}-host.png`), fullPage: true });
      };

      /** Every page shows only what its seat may know, by the server's own views of it. */
      const checkNoLeaks = async (when: string) => {
        const table = await fetchView(server.url, roomId);
        for (const p of players) {
          const view: View = await fetchView(server.url, roomId, p.token);
          const text = normalize(await p.page.innerText('body'));
          const leaked = forbiddenSentences(story, p.seat, LANG, view, table).filter((s) => text.includes(s));
          expect(leaked, `${when}: ${p.seat} sees what it may not know`).toEqual([]);
        }
      };

      const stepLabel = (p: Player, n: number) => fill(t(p).phase.stepOf, { n, total: story.phases.length });
      const waitForStep = async (n: number) => {
        for (const p of players) await p.page.locator('.table-header').getByText(stepLabel(p, n)).waitFor();
      };
      // A click the host panel loses while it re-renders (a new AI line arriving) is clicked again once the
      // server still shows the same phase after a while; the test waits on the server, then on every screen.
      const advance = async () => {
        const before = (await fetchView(server.url, roomId)).progress.phase;
        for (let attempt = 0; attempt < 2; attempt++) {
          await host.getByRole('button', { name: en.host.advance }).click();
          const moved = await expect
            .poll(async () => (await fetchView(server.url, roomId)).progress.phase, { timeout: 15_000 })
            .not.toBe(before)
            .then(
              () => true,
              () => false,
            );
          if (moved) return;
        }
      };

      // Lobby: everyone gets ready, the host starts.
      for (const p of players) await p.page.getByRole('button', { name: t(p).lobby.imReady }).click();
      await host.getByText(en.lobby.allReady).waitFor();
      await p0.page.screenshot({ path: join(ARTIFACTS, '00-lobby-desktop.png'), fullPage: true });
      await host.screenshot({ path: join(ARTIFACTS, '00-lobby-host.png'), fullPage: true });
      await expectAccessible(p0.page, 'lobby');
      await expectAccessible(host, 'host lobby');
      await checkNoLeaks('lobby');
      await host.getByRole('button', { name: en.host.start }).click();

      let searches = 0;
      let reloaded = false;
      for (const [i, step] of story.phases.entries()) {
        await waitForStep(i + 1);
        const when = `step ${i + 1} (${step.kind})`;
        const secretPhase = step.kind !== 'reveal' && step.kind !== 'debrief';
        if (secretPhase) await checkNoLeaks(when);
        await expectAccessible(p0.page, when);
        await expectAccessible(p1.page, `${when} on a phone`);
        await shot(i + 1, step.kind);

        switch (step.kind) {
          case 'read': {
            // The act's own script is on the page (the leak check would be blind if it never matched).
            const own = segments(
              story.characters.find((c) => c.id === p0.seat)?.script[(step.act ?? 1) - 1]?.en,
              LANG,
            );
            const p0Text = normalize(await p0.page.innerText('main'));
            expect(p0Text).toContain(own[0]);
            // The leak check would catch this very text on another seat's page.
            const table = await fetchView(server.url, roomId);
            const p1View = await fetchView(server.url, roomId, p1.token);
            expect(
              forbiddenSentences(story, p1.seat, LANG, p1View, table).filter((x) => p0Text.includes(x)),
            ).not.toEqual([]);
            // The AI host announced the act; with no chat on the reading screen its line shows as a status.
            await p0.page
              .getByRole('status', { name: t(p0).chat.hostSays })
              .getByText(`Act ${step.act ?? 1}: read your script`, { exact: false })
              .waitFor();
            for (const p of players) await p.page.getByRole('button', { name: t(p).reading.done }).click();
            break;
          }
          case 'intro': {
            await p0.page.getByLabel(t(p0).chat.say).fill(`Good evening, I am ${characterName(p0.seat)}.`);
            await p0.page.getByRole('button', { name: t(p0).chat.send }).click();
            await p2.page
              .getByRole('log')
              .getByText(`Good evening, I am ${characterName(p0.seat)}.`)
              .waitFor();
            await advance();
            break;
          }
          case 'search': {
            searches++;
            for (const p of players) {
              // Keyboard only: focus a location and press Enter; a place with nothing left costs
              // nothing and says so, so try the next one.
              const before = await p.page.locator('main .clue').count();
              const count = await p.page.locator('main .locations button').count();
              for (let k = 0; k < count; k++) {
                const button = p.page.locator('main .locations button').nth((searches + k) % count);
                if (!(await button.isEnabled())) continue;
                await button.focus();
                await p.page.keyboard.press('Enter');
                await expect
                  .poll(
                    async () =>
                      (await p.page.locator('main .clue').count()) > before ||
                      (await p.page.getByRole('alert').filter({ hasText: /\S/ }).count()) > 0,
                    { timeout: 20_000 },
                  )
                  .toBe(true);
                if ((await p.page.locator('main .clue').count()) > before) break;
              }
              expect(await p.page.locator('main .clue').count(), `${p.seat} found a clue`).toBeGreaterThan(
                before,
              );
            }
            if (searches === 1) {
              const clue = p0.page.locator('main .clue').first();
              const title = (await clue.locator('h4').textContent()) ?? '';
              await clue.getByRole('button', { name: t(p0).clue.publish }).click();
              await p1.page.locator('.sidebar .clue h4', { hasText: title }).waitFor();
              await p2.page
                .getByRole('button', { name: t(p2).clue.keep })
                .first()
                .click();
            }
            await checkNoLeaks(`${when} after searching`);
            await advance();
            break;
          }
          case 'discuss': {
            if (step.mode === 'private') {
              const other = characterName(p1.seat);
              await p0.page.getByRole('button', { name: fill(t(p0).talks.request, { name: other }) }).click();
              // AI seats may ask for talks too: accept the one from p0.
              await p1.page
                .getByRole('article', { name: fill(t(p1).talks.with, { name: characterName(p0.seat) }) })
                .getByRole('button', { name: t(p1).talks.accept })
                .click();
              const secret = 'Meet me in the wings after this.';
              const box = p0.page.getByLabel(fill(t(p0).talks.say, { name: other }));
              await box.fill(secret);
              await box.press('Enter');
              await p1.page.getByText(secret).waitFor();
              await shot(i + 1, 'private-talk');
              expect(await p2.page.innerText('body')).not.toContain(secret);
            } else if (reloaded) {
              // A dropped connection: the server restarts; every page says so, reconnects by itself
              // with its token, and plays on from the stored game.
              await server.restart();
              const line = `Back again after the lights went out (step ${i + 1})`;
              const box = p0.page.getByLabel(t(p0).chat.say);
              await box.fill(line);
              // Until the socket is back the send is refused (UNAVAILABLE) and the text stays; the box
              // empties once the game accepted the line.
              await expect
                .poll(
                  async () => {
                    if ((await box.inputValue()) === '') return true;
                    await box.press('Enter');
                    return false;
                  },
                  { timeout: 60_000, interval: 1_000 },
                )
                .toBe(true);
              for (const p of players) await p.page.getByRole('log').getByText(line).waitFor();
              await checkNoLeaks(`${when} after the server restarted`);
            } else {
              const question = `Where was everyone at half past nine? (step ${i + 1})`;
              await p1.page.getByLabel(t(p1).chat.say).fill(question);
              await p1.page.getByLabel(t(p1).chat.say).press('Enter');
              await p0.page.getByRole('log').getByText(question).waitFor();
            }
            if (!reloaded) {
              // The host pauses (every seat is told, in its own UI language), extends while paused, resumes.
              const seconds = async () => {
                const [m, sec] = ((await p0.page.getByRole('timer').textContent()) ?? '')
                  .replace(/[^\d:]/g, '')
                  .split(':');
                return Number(m) * 60 + Number(sec);
              };
              await host.getByRole('button', { name: en.host.pause }).click();
              await p0.page.getByRole('status').getByText(en.timer.pausedNotice).waitFor();
              await p2.page.getByRole('status').getByText(zh.timer.pausedNotice).waitFor();
              const frozen = await seconds();
              await host.getByRole('button', { name: fill(en.host.extend, { count: 5 }) }).click();
              await expect.poll(seconds, { timeout: 20_000 }).toBe(frozen + 300);
              await shot(i + 1, 'paused');
              await host.getByRole('button', { name: en.host.resume }).click();
              await p0.page.getByText(en.timer.pausedNotice).waitFor({ state: 'detached' });

              // The host hands a seat to the AI and takes it back; the table sees both.
              const handed = players[players.length - 1]!;
              const handedName = characterName(handed.seat);
              const seatRow = p0.page.locator('.sidebar .seat-list li', { hasText: handedName });
              await host.getByRole('button', { name: fill(en.host.handToAi, { name: handedName }) }).click();
              await seatRow.getByText(en.seat.ai).waitFor();
              await host.getByRole('button', { name: fill(en.host.takeBack, { name: handedName }) }).click();
              await seatRow.getByText(handed.name).waitFor();

              // A reload puts the player back in the seat with the full view and their notes.
              reloaded = true;
              await p1.page.getByLabel(t(p1).notebook.notes).fill('Uncle De brewed the tea.');
              await p1.page.reload();
              await p1.page
                .getByRole('heading', { name: fill(t(p1).character.title, { name: characterName(p1.seat) }) })
                .waitFor();
              await p1.page
                .getByRole('log')
                .getByText(`Where was everyone at half past nine? (step ${i + 1})`)
                .waitFor();
              expect(await p1.page.getByLabel(t(p1).notebook.notes).inputValue()).toBe(
                'Uncle De brewed the tea.',
              );
              await p1.page
                .locator('.table-header')
                .getByText(stepLabel(p1, i + 1))
                .waitFor();
            }
            await advance();
            break;
          }
          case 'statement': {
            for (let turn = 0; turn < players.length; turn++) {
              const speaker = (await fetchView(server.url, roomId)).progress.speaker;
              if (!speaker) break;
              const p = players.find((x) => x.seat === speaker);
              if (!p) throw new Error(`no page plays ${speaker}`);
              const text = `${characterName(p.seat)} states: I was in the wings at half past nine.`;
              await p.page.getByLabel(t(p).statements.yours).fill(text);
              await p.page.getByRole('button', { name: t(p).statements.submit }).click();
              // The floor passes on (or the phase ends after the last speaker): the form goes away.
              await p.page.getByLabel(t(p).statements.yours).waitFor({ state: 'detached' });
              if (turn === 0)
                await p0.page
                  .getByRole('log', { name: t(p0).statements.given })
                  .getByText(text)
                  .waitFor();
              if (turn === 0) await shot(i + 1, 'statement-given');
            }
            break;
          }
          case 'vote': {
            // Keyboard only: the first radio, arrows to the choice, Tab to the button, Enter.
            const target = seats.indexOf('he-xiaoyan');
            for (const [k, p] of players.entries()) {
              await p.page.getByRole('radio').first().focus();
              await p.page.keyboard.press('Space');
              for (let n = 0; n < target; n++) await p.page.keyboard.press('ArrowDown');
              await p.page.keyboard.press('Tab');
              await p.page.keyboard.press('Enter');
              // The last vote ends the phase at once, so only the others see their ballot acknowledged.
              if (k < players.length - 1) {
                await p.page.getByText(fill(t(p).vote.cast, { name: characterName('he-xiaoyan') })).waitFor();
              }
            }
            break;
          }
          case 'reveal': {
            const truth = segments(story.truth.en, LANG)[0] ?? '';
            for (const p of players) expect(normalize(await p.page.innerText('main'))).toContain(truth);
            await advance();
            break;
          }
          case 'debrief': {
            const debrief = segments(story.debrief.en, LANG)[0] ?? '';
            expect(normalize(await p0.page.innerText('main'))).toContain(debrief);
            break;
          }
        }
      }
      expect(reloaded).toBe(true);
      expect(searches).toBeGreaterThan(0);
    } catch (err) {
      // What each page showed when it failed, for whoever reads the CI log.
      await Promise.allSettled(
        [host, ...players.map((p) => p.page)].map((page, n) =>
          page.screenshot({ path: join(ARTIFACTS, `failure-${n}.png`), fullPage: true }),
        ),
      );
      throw err;
    }
  });
});

describe('a room opened in Chinese', () => {
  it('shows the story in Chinese to an English UI, and only what the seat may know', async () => {
    const seat = story.characters[1]?.id ?? '';
    const zhName = story.characters[1]?.name.zh ?? '';
    const { page: host } = await newPage('en');
    await host.goto(server.url);
    await host
      .getByRole('button', { name: fill(en.home.chooseStory, { title: story.title.en ?? '' }) })
      .click();
    await host.getByRole('radio', { name: en.language.zh }).check();
    // One person; AI seats are always ready, so the host can start with one player.
    for (const c of story.characters) {
      if (c.id !== seat) await host.getByLabel(c.name.zh ?? '', { exact: true }).selectOption('ai');
    }
    await host.getByRole('button', { name: en.home.create }).click();
    await host.waitForURL(/\/room\//);
    const roomId = decodeURIComponent(new URL(host.url()).pathname.split('/')[2] ?? '');
    const code = (await host.locator('.invite .code').textContent())?.trim() ?? '';

    const { page } = await newPage('en', PHONE);
    await page.goto(`${server.url}/join/${code}`);
    await page.getByLabel(en.join.name).fill('小燕');
    await page.getByRole('radio', { name: new RegExp(zhName) }).check();
    await page.getByRole('button', { name: en.join.take }).click();
    await page.getByRole('heading', { name: fill(en.character.title, { name: zhName }) }).waitFor();
    await page.getByRole('button', { name: en.lobby.imReady }).click();
    await host.getByText(en.lobby.allReady).waitFor();
    await host.getByRole('button', { name: en.host.start }).click();
    await page.getByRole('heading', { name: fill(en.phase.readAct, { act: 1 }) }).waitFor();

    const text = normalize(await page.innerText('body'));
    const script = segments(story.characters[1]?.script[0]?.zh, 'zh');
    expect(text).toContain(script[0]);
    const stored = await page.evaluate((k) => localStorage.getItem(k), `jubensha.room.${roomId}`);
    const token = (JSON.parse(stored ?? '{}') as { seatToken?: string }).seatToken ?? '';
    const view = await fetchView(server.url, roomId, token);
    const table = await fetchView(server.url, roomId);
    const forbidden = forbiddenSentences(story, seat, 'zh', view, table);
    expect(forbidden.length).toBeGreaterThan(20);
    expect(forbidden.filter((s) => text.includes(s))).toEqual([]);
    await expectAccessible(page, 'reading in a Chinese room');
    await page.screenshot({ path: join(ARTIFACTS, 'zh-room-reading-phone.png') });
  });
});
