import { applyCommand, createGame, projectView } from '@jubensha/engine';
import { loadBundled } from '@jubensha/engine/testing';
import { describe, expect, it } from 'vitest';
import { newMemory } from '../character/memory.js';
import { lastDiscussion } from '../testing/game-at.js';
import { firstPerson } from '../text/person.js';
import { clause, joinList, joinSentences, sentence } from './debrief.js';
import { AiHost } from './host.js';

describe('AiHost', async () => {
  const story = await loadBundled('last-curtain');
  const snap = lastDiscussion(story);
  const view = projectView(story, snap, { kind: 'host' });
  const at = snap.context.clock;
  const at0 = 1_700_000_000_000;

  it('narrates a phase change once, reminds of time once, and hints only as far as the setting allows', () => {
    const host = new AiHost({
      language: 'en',
      hintLevel: 2,
      stuckMs: 60_000,
      unfoundKeyLocations: () => [story.locations[0]?.id ?? ''],
    });
    expect(host.onView(view, at)).toEqual([{ kind: 'phase', text: 'Public discussion begins.' }]);
    expect(host.onView(view, at + 1000)).toEqual([]);
    const first = host.onView(view, at + 61_000);
    expect(first.map((n) => n.kind)).toEqual(['hint']);
    const second = host.onView(view, at + 122_000);
    expect(second[0]?.text).toContain(story.locations[0]?.name.en);
    expect(host.onView(view, at + 400_000).filter((n) => n.kind === 'hint')).toEqual([]);
    const deadline = view.progress.deadline;
    if (deadline !== null) {
      expect(host.onView(view, deadline - 30_000).map((n) => n.kind)).toContain('reminder');
      expect(host.onView(view, deadline - 20_000).map((n) => n.kind)).not.toContain('reminder');
    }
    const quiet = new AiHost({ language: 'zh', hintLevel: 0, stuckMs: 1 });
    quiet.onView(view, at);
    expect(quiet.onView(view, at + 10_000_000).filter((n) => n.kind === 'hint')).toEqual([]);
  });

  it('counts the searches of the evening, though the story restarts its rounds in each act', () => {
    const host = new AiHost({ language: 'en', hintLevel: 0 });
    const searches = view.story.plan.flatMap((step, i) => (step.kind === 'search' ? [i] : []));
    expect(searches.length).toBeGreaterThanOrEqual(2);
    const said = searches.map((phase, n) => {
      const at = { ...view, progress: { ...view.progress, phase } };
      return host.onView(at, at0 + n).find((x) => x.kind === 'phase')?.text ?? '';
    });
    expect(said.map((t) => /round (\d+)/.exec(t)?.[1])).toEqual(searches.map((_, n) => String(n + 1)));
  });

  it('gives no hint while the game is paused: the stuck clock stands still until it resumes', () => {
    const host = new AiHost({ language: 'en', hintLevel: 1, stuckMs: 60_000 });
    host.onView(view, at);
    const paused = { ...view, progress: { ...view.progress, pausedAt: at + 1000 } };
    expect(host.onView(paused, at + 1000)).toEqual([]);
    expect(host.onView(paused, at + 500_000)).toEqual([]);
    expect(host.onView(view, at + 530_000)).toEqual([]);
    expect(host.onView(view, at + 561_000).map((n) => n.kind)).toContain('hint');
  });

  it('runs the debrief from the ledger: goals and each cover claim once, to whom, with the truth it hid, in the first person', async () => {
    // A game the host moved to its debrief; the TAKE_BACK hands one seat to a human (who never spoke).
    let snap = createGame(story, { seed: 2, seats: {}, at: at0 });
    const culprit = story.characters.find((c) => c.cover)!;
    const human = story.characters.find((c) => c.id !== culprit.id)!;
    const silent = story.characters.find((c) => c.id !== culprit.id && c.id !== human.id)!;
    const moves = [{ type: 'START' as const }, { type: 'TAKE_BACK' as const, seat: human.id }];
    for (let i = 0; i < 60 && story.phases[snap.context.phase]?.kind !== 'debrief'; i++) {
      const r = applyCommand(story, snap, {
        actor: { kind: 'host' },
        command: moves[i] ?? { type: 'ADVANCE' },
        at: at0 + (i + 1) * 1000,
      });
      if (r.ok) snap = r.snapshot;
    }
    const revealed = projectView(story, snap, { kind: 'host' });
    expect(revealed.reveal).not.toBeNull();
    const claims = culprit.cover!.claims;
    const claim = claims[0]!;
    const other = claims.find((c) => c.id !== claim.id && c.protects === claim.protects);
    const talk = story.characters.find((c) => c.id !== culprit.id)!;
    const memory = newMemory(culprit.id);
    const tell = (c: typeof claim, to: string, lang: 'zh' | 'en') =>
      memory.ledger.push({
        at: 0,
        to,
        channel: to === 'table' ? { kind: 'public' } : { kind: 'talk', talk: 't1' },
        intent: 'cover',
        claim: c.id,
        text: c.text[lang]!,
        source: 'authored',
      });
    for (const lang of ['zh', 'en'] as const) {
      memory.ledger = [];
      // The same claim told three times, to the table and in a private talk: one lie, named once.
      tell(claim, 'table', lang);
      tell(claim, talk.id, lang);
      tell(claim, 'table', lang);
      if (other) tell(other, 'table', lang);
      const lines = new AiHost({ language: lang }).debrief(revealed, [
        memory,
        newMemory(human.id),
        newMemory(silent.id),
      ]);
      // The human's seat (taken from the AI before it spoke) is not mentioned; the silent AI seat told no lies.
      expect(lines.map((l) => l.text.slice(0, l.text.search(/[：:]/)))).toEqual([
        culprit.name[lang],
        silent.name[lang],
      ]);
      const [line, quiet] = lines.map((l) => l.text) as [string, string];
      expect(quiet.endsWith(lang === 'zh' ? '我没有说过谎。' : 'I told no lies.')).toBe(true);
      expect(line.split(claim.text[lang]!).length - 1).toBe(1);
      if (other) expect(line.split(other.text[lang]!).length - 1).toBe(1);
      const secret = culprit.secrets.find((s) => s.id === claim.protects)!;
      expect(line.split(firstPerson(secret.text[lang]!, lang)).length - 1).toBe(1);
      expect(line).toContain(talk.name[lang]);
      expect(line).toContain(firstPerson(clause(culprit.goals[0]!.text[lang]!), lang));
      const own = line.replace(/“[^”]*”/g, '');
      if (lang === 'zh') {
        expect(line).toContain(`我当着大家的面，也私下对${talk.name.zh}说过：“${claim.text.zh}”`);
        expect(own).not.toMatch(/你/);
        expect(line).not.toMatch(/[。；，：][。；，：]/);
      } else {
        expect(line).toContain(`I told the table and ${talk.name.en} in private: “${claim.text.en}”`);
        expect(own).not.toMatch(/\byou\b|\byour\b/i);
        expect(line).not.toMatch(/(?<!\.)\.\.(?!\.)|[.;,:]\s*[;,:]|[;,:]\s*\./);
      }
    }
    expect(new AiHost({ language: 'zh' }).debrief(view, [memory])).toEqual([]);
  });

  it('joins pieces in one place: one mark at each seam, whatever the pieces end with', () => {
    expect(joinSentences(['目标是：甲。', '乙；', '丙'], 'zh')).toBe('目标是：甲。乙。丙。');
    expect(joinList(['甲。', '乙；', '丙'], 'zh')).toBe('甲；乙；丙');
    expect(joinSentences(['I won the votes.', 'I told them.;', 'Keep it', 'Quoted: “x.”'], 'en')).toBe(
      'I won the votes. I told them. Keep it. Quoted: “x.”',
    );
    expect(sentence('Why?', 'en')).toBe('Why?');
  });
});

describe('the debrief’s first person (firstPerson on script text)', () => {
  it('is I before a verb or after a clause opens, me after a verb or preposition or at a clause’s end', () => {
    expect(firstPerson('At about 8:52 you struck him. He told you everything.', 'en')).toBe(
      'At about 8:52 I struck him. He told me everything.',
    );
    expect(
      firstPerson('He told no one but you. If you choose to stay, he will march you to the police.', 'en'),
    ).toBe('He told no one but me. If I choose to stay, he will march me to the police.');
    expect(firstPerson('On 28 June you privately handed him the cash. I feel you sold it.', 'en')).toBe(
      'On 28 June I privately handed him the cash. I feel I sold it.',
    );
  });
});
