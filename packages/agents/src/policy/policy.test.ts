import { projectView } from '@jubensha/engine';
import { loadBundled } from '@jubensha/engine/testing';
import type { View } from '@jubensha/protocol';
import { describe, expect, it } from 'vitest';
import { newMemory, type AgentMemory } from '../character/memory.js';
import { believe } from '../decide/belief.js';
import { readClues } from '../decide/clue-reading.js';
import { lastDiscussion, withClues, withMessage } from '../testing/game-at.js';
import { seatState } from '../testing/seat-state.js';
import type { Language } from '../text/language.js';
import { understand } from '../understand/understand.js';
import { realize } from '../realize/realize.js';
import { planInitiative } from './initiative.js';
import { planReply } from './reply.js';

const story = await loadBundled('last-curtain');
const readings = readClues(story);
const snap = lastDiscussion(story);
const CULPRIT = 'he-xiaoyan';

/** The seat's state after `from` said `text` to the table, and that line as the board read it. */
function asked(
  seat: string,
  from: string,
  text: string,
  language: Language,
  view?: View,
  memory?: AgentMemory,
) {
  const v = view ?? withMessage(story, snap, seat, from, text, 1);
  const state = seatState(v, language, readings, memory);
  const line = state.board.said.find((s) => s.text === text);
  if (!line) throw new Error('line not on the board');
  return { state, line };
}

describe('the case board', () => {
  it('own movements come from the timeline; under a cover story the crime window is secret', () => {
    const de = seatState(
      projectView(story, snap, { kind: 'seat', seat: 'luo-dechang' }),
      'zh',
      readings,
    ).board;
    const tea = de.movements.find((m) => m.place === 'tea-room' && m.span.from === 20 * 60 + 50);
    expect(tea?.secret).toBe(false);
    const xy = seatState(projectView(story, snap, { kind: 'seat', seat: CULPRIT }), 'zh', readings).board;
    const poison = xy.movements.find((m) => m.span.from === 21 * 60 + 6);
    expect(poison?.secret).toBe(true);
    const wings = xy.claims.find((k) => k.id === 'in-the-wings');
    expect(wings?.span).toMatchObject({ from: 21 * 60 + 5, to: 21 * 60 + 15 });
    expect(wings?.denied).toContain('dressing-room-1');
  });

  it('a clue that names someone, found where they said they never went, breaks their account (text only, no readings)', () => {
    const claim =
      '九点零五分下场以后，我一直站在侧台边看师父唱，九点一刻落幕才回二号房；德叔来叫我之前，我没进过一号房。';
    let view = withMessage(story, snap, 'su-bowen', CULPRIT, claim, 1);
    view = withClues(story, view, ['pompom'], 'luo-dechang');
    for (const readingsOrNot of [readings, null]) {
      const state = seatState(view, 'zh', readingsOrNot);
      const c = state.board.contradictions.find((x) => x.against === CULPRIT);
      expect(c?.by.kind).toBe('clue');
      const top = state.belief[0];
      expect(top?.reasons.some((r) => r.kind === 'contradiction')).toBe(true);
      // Without the talk the same clue says less: the contradiction is what the table said.
      const quiet = believe(state.board, { readings: readingsOrNot, talk: false });
      expect(quiet.find((b) => b.character === CULPRIT)?.score ?? 0).toBeLessThan(
        state.belief.find((b) => b.character === CULPRIT)?.score ?? 0,
      );
    }
  });
});

describe('answering', () => {
  const WHERE = {
    zh: [
      '何小燕，案发的时候你在哪？',
      '小燕 九点左右你在干嘛',
      '何小燕，九点零五分以后你去哪了？有人能证明吗？',
      '阿燕你真的一直在侧台吗',
    ],
    en: [
      'He Xiaoyan, where were you when it happened?',
      'xiaoyan what were u doing around 9',
      'He Xiaoyan, after 9:05 where did you go? Can anyone vouch for you?',
      'He Xiaoyan, were you really in the wings the whole time?',
    ],
  };

  it.each(['zh', 'en'] as const)(
    'the culprit answers every question about the crime window with the same cover claim (%s)',
    (language) => {
      let memory = newMemory(CULPRIT);
      const claims: string[] = [];
      for (const [i, q] of WHERE[language].entries()) {
        const view = withMessage(story, snap, CULPRIT, 'su-bowen', q, i + 1);
        const { state, line } = asked(CULPRIT, 'su-bowen', q, language, view, memory);
        const plan = planReply(state, line);
        expect(plan?.act, q).toBe('cover');
        claims.push(plan?.claim?.id ?? '');
        memory = {
          ...memory,
          ledger: [
            ...memory.ledger,
            {
              at: i,
              to: 'table',
              channel: { kind: 'public' },
              intent: 'cover',
              claim: plan?.claim?.id ?? null,
              text: q,
              source: 'template',
            },
          ],
        };
      }
      expect(new Set(claims)).toEqual(new Set(['in-the-wings']));
    },
  );

  it.each(['zh', 'en'] as const)(
    'an honest seat answers where it was with its own movements (%s)',
    (language) => {
      const q =
        language === 'zh' ? '苏师傅，案发那段时间你在哪？' : 'Master Su, where were you when it happened?';
      const { state, line } = asked('su-bowen', CULPRIT, q, language);
      const plan = planReply(state, line);
      expect(plan?.act).toBe('alibi');
      expect(plan?.movements?.[0]?.place).toBe('wings');
    },
  );

  it('every kind of question gets an answer on its topic, never a question back', async () => {
    const cases: [string, string][] = [
      ['陈伯，你跟秋棠到底什么关系？', 'cover'],
      ['陈伯，你觉得谁是凶手？', 'suspect'],
      ['陈伯，你搜到了什么？', 'alibi'],
      ['陈伯，九点那会儿你看到什么没有？', 'saw'],
      ['陈伯，就是你下的毒吧！', 'deny'],
    ];
    for (const [q, act] of cases) {
      const { state, line } = asked('chen-jintian', 'su-bowen', q, 'zh');
      const plan = planReply(state, line);
      expect(plan?.act, q).toBe(act);
    }
    // An honest seat (no cover story) answers who the victim was to it from its own script.
    const tea = await loadBundled('rain-tea-hills');
    const v = withMessage(
      tea,
      lastDiscussion(tea),
      'zhou-yuanshan',
      'shen-man',
      '周师傅，你跟老林是什么关系？',
      1,
    );
    const s = seatState(v, 'zh', readClues(tea));
    const l = s.board.said.find((x) => x.text.startsWith('周师傅'));
    const plan = l ? planReply(s, l) : null;
    expect(['relation', 'cover', 'refuse']).toContain(plan?.act);
    expect(plan?.act).not.toBe('ask');
  });

  it('whom it suspects: a name and the clues behind it', () => {
    const view = withClues(
      story,
      withMessage(story, snap, 'su-bowen', 'chen-jintian', 'Master Su, who do you think did it?', 1),
      ['pompom', 'maid-headdress'],
      'luo-dechang',
    );
    const { state, line } = asked(
      'su-bowen',
      'chen-jintian',
      'Master Su, who do you think did it?',
      'en',
      view,
    );
    const plan = planReply(state, line);
    expect(plan?.suspect?.character).toBe(CULPRIT);
    expect(plan?.suspect?.reasons.some((r) => r.kind === 'clue')).toBe(true);
  });

  it('the culprit, accused, denies with its alibi and points at someone else with a real clue', () => {
    const view = withClues(
      story,
      withMessage(story, snap, CULPRIT, 'su-bowen', '何小燕，就是你下的毒！', 1),
      ['rat-poison'],
      'su-bowen',
    );
    const { state, line } = asked(CULPRIT, 'su-bowen', '何小燕，就是你下的毒！', 'zh', view);
    const plan = planReply(state, line);
    expect(plan?.act).toBe('deny');
    expect(plan?.claim?.id).toBe('in-the-wings');
    expect(plan?.other?.character).not.toBe(CULPRIT);
    // Never the accuser it answers.
    expect(plan?.other?.character).not.toBe('su-bowen');
    // Another's doubt is not turned on a third person as if it were evidence: only a clue or a broken account.
    expect(plan?.other).toBeDefined();
    if (plan?.other) {
      const hearsay = {
        ...plan,
        other: {
          ...plan.other,
          reasons: [{ kind: 'accused' as const, weight: 1, by: 'su-bowen', ref: 'x' }],
        },
      };
      const line = realize(hearsay, { board: state.board, said: new Set(), rng: () => 0 });
      expect(line).not.toMatch(/倒是|也提出过同样的怀疑/);
      expect(line).toContain('我');
      // Asked what it makes of a clue (not accused), by the one it points at: no "it wasn't me", and "you".
      const q = asked(CULPRIT, 'su-bowen', '何小燕，后台那包鼠药你怎么看？', 'zh').line;
      const toAsker = realize(
        { ...plan, asked: q.u, other: { ...plan.other, character: 'su-bowen' } },
        { board: state.board, said: new Set(), rng: () => 0 },
      );
      expect(toAsker).not.toMatch(/不是我|我没有|冤枉/);
      expect(toAsker).toMatch(/跟我|与我无关/);
      expect(toAsker).toContain('倒是你自己');
    }
  });
});

describe('an accusation names its target', () => {
  it('a seat named only as another who doubted the same person is not accused and does not deny', () => {
    const text = '我也怀疑何小燕。因为德叔也提出过同样的怀疑。';
    const { state, line } = asked('luo-dechang', 'su-bowen', text, 'zh');
    expect(line.u.acts).toContain('accuse');
    expect(line.u.accused).toBe(CULPRIT);
    expect(planReply(state, line)?.act).not.toBe('deny');
    const named = asked(CULPRIT, 'su-bowen', text, 'zh');
    expect(planReply(named.state, named.line)?.act).toBe('deny');
    // Accused to the face, with no name in the accusing clause: the addressee.
    expect(asked(CULPRIT, 'su-bowen', '何小燕，就是你下的毒吧！', 'zh').line.u.accused).toBe(CULPRIT);
  });
});

describe('a confrontation with its own words', () => {
  it.each([
    [
      'zh',
      '何小燕，你说“九点零五分下场以后，我一直站在侧台边看师父唱”，可一颗粉红绒球上写着：戏班里只有丫鬟春桃的头饰缀这种粉红绒球。这怎么解释？',
    ],
    [
      'en',
      'He Xiaoyan, you said "After my exit at 9:05 I stood at the edge of the wings", but the pink silk pompom says: only Chuntao\'s headdress has these. How do you explain that?',
    ],
  ] as const)(
    '%s: the culprit keeps to its cover claim, never reads the clue against itself',
    (language, text) => {
      const view = withClues(
        story,
        withMessage(story, snap, CULPRIT, 'su-bowen', text, 1),
        ['pompom'],
        'su-bowen',
      );
      const { state, line } = asked(CULPRIT, 'su-bowen', text, language, view);
      const plan = planReply(state, line);
      expect(plan?.act).toBe('cover');
      expect(plan?.claim?.id).toBe('in-the-wings');
    },
  );
});

describe('initiative', () => {
  it('asks where people were before anything else, never the same question twice to the same person', () => {
    const view = projectView(story, snap, { kind: 'seat', seat: 'su-bowen' });
    let memory = newMemory('su-bowen');
    const topics: string[] = [];
    for (let i = 0; i < 6; i++) {
      const plan = planInitiative(seatState(view, 'en', readings, memory), { act: 2, partner: null });
      if (!plan) break;
      topics.push(plan.topic);
      memory = {
        ...memory,
        ledger: [
          ...memory.ledger,
          {
            at: i,
            to: 'table',
            channel: { kind: 'public' },
            intent: plan.intent,
            claim: null,
            text: String(i),
            source: 'template',
            act: plan.act,
            topic: plan.topic,
            answers: null,
            addressee: plan.to,
          },
        ],
      };
    }
    expect(topics.length).toBeGreaterThan(3);
    expect(new Set(topics).size).toBe(topics.length);
    expect(topics.filter((t) => t.startsWith('ask:where:') || t === 'where:incident').length).toBeGreaterThan(
      0,
    );
  });

  it('presses a contradiction it sees before asking anything', () => {
    const claim =
      'After my exit at 9:05 I stood at the edge of the wings until the curtain at 9:15; I never entered dressing room 1.';
    const view = withClues(
      story,
      withMessage(story, snap, 'su-bowen', CULPRIT, claim, 1),
      ['pompom'],
      'luo-dechang',
    );
    const plan = planInitiative(seatState(view, 'en', readings), { act: 2, partner: null });
    expect(plan?.act).toBe('confront');
    expect(plan?.to).toBe(CULPRIT);
  });

  it('a question someone else already put to a person is not put again', () => {
    const q = 'Uncle De, where were you when it happened?';
    const view = withMessage(story, snap, 'su-bowen', 'chen-jintian', q, 1);
    const state = seatState(view, 'en', readings);
    expect(understand(q, { lexicon: state.board.lexicon, speaker: 'chen-jintian' }).to).toBe('luo-dechang');
    for (let i = 0; i < 3; i++) {
      const plan = planInitiative(state, { act: 1, partner: null });
      expect(plan?.topic).not.toBe('ask:where:luo-dechang');
      if (plan)
        state.memory.ledger.push({
          at: i,
          to: 'table',
          channel: { kind: 'public' },
          intent: plan.intent,
          claim: null,
          text: String(i),
          source: 'template',
          topic: plan.topic,
        });
    }
  });
});
