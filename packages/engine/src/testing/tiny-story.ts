import { StorySchema, type Story } from '@jubensha/story';

/** zh + en text that names where it comes from, so a leak test can tell every text apart. */
const t = (tag: string) => ({ zh: `【${tag}】中文`, en: `[${tag}] in English` });

const character = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  name: t(`name ${id}`),
  profile: t(`profile ${id}`),
  voice: t(`voice ${id}`),
  secrets: [
    { id: `${id}-s1`, text: t(`secret one of ${id}`), mustNotReveal: { en: [`phrase-${id}-one`] }, act: 1 },
    { id: `${id}-s2`, text: t(`secret two of ${id}`), mustNotReveal: { zh: [`短语${id}二`] }, act: 2 },
  ],
  goals: [
    { id: `${id}-g1`, act: 1, points: 10, text: t(`goal one of ${id}`), check: { kind: 'votedCulprit' } },
    { id: `${id}-g2`, act: 2, points: 5, text: t(`goal two of ${id}`), check: { kind: 'notMostVoted' } },
  ],
  relationships: [{ with: id === 'ann' ? 'ben' : 'ann', text: t(`relationship of ${id}`) }],
  lines: [{ intent: 'intro', text: t(`line of ${id}`) }],
  script: [t(`act one script of ${id}`), t(`act two script of ${id}`)],
  ...extra,
});

/**
 * A small but complete story: 4 seats, 2 acts, every phase kind, clues with hiddenUntil and
 * findableBy, a location costing 2, four endings. `cal` is the culprit.
 */
export function tinyStory(): Story {
  return StorySchema.parse({
    id: 'tiny-manor',
    version: 1,
    languages: ['zh', 'en'],
    title: t('title'),
    blurb: t('blurb'),
    genre: 'honkaku',
    durationMinutes: 60,
    contentWarnings: [t('warning')],
    premise: t('premise'),
    characters: [
      character('ann'),
      character('ben'),
      character('cal', {
        cover: { claims: [{ id: 'cal-c1', protects: 'cal-s1', text: t('cover claim of cal') }] },
        goals: [
          { id: 'cal-g1', act: 1, points: 20, text: t('goal one of cal'), check: { kind: 'notMostVoted' } },
          {
            id: 'cal-g2',
            act: 2,
            points: 5,
            text: t('goal two of cal'),
            check: { kind: 'unpublished', clues: ['knife'] },
          },
        ],
      }),
      character('dot', {
        goals: [
          {
            id: 'dot-g1',
            act: 1,
            points: 7,
            text: t('goal one of dot'),
            check: { kind: 'found', clues: ['diary'] },
          },
          {
            id: 'dot-g2',
            act: 2,
            points: 3,
            text: t('goal two of dot'),
            check: { kind: 'mostVoted', character: 'ben' },
          },
        ],
      }),
    ],
    locations: [
      { id: 'study', name: t('study'), description: t('study description') },
      { id: 'garden', name: t('garden') },
      { id: 'cellar', name: t('cellar'), cost: 2 },
    ],
    clues: [
      {
        id: 'knife',
        location: 'study',
        act: 1,
        round: 1,
        kind: 'key',
        title: t('knife title'),
        text: t('knife text'),
        pointsTo: [{ character: 'cal', weight: 1 }],
      },
      {
        id: 'letter',
        location: 'garden',
        act: 1,
        round: 1,
        title: t('letter title'),
        text: t('letter text'),
      },
      {
        id: 'ledger',
        location: 'study',
        act: 1,
        round: 1,
        kind: 'key',
        title: t('ledger title'),
        text: t('ledger text'),
        hiddenUntil: { found: ['knife'] },
      },
      {
        id: 'diary',
        location: 'cellar',
        act: 1,
        round: 1,
        title: t('diary title'),
        text: t('diary text'),
        findableBy: ['dot'],
      },
      {
        id: 'boot',
        location: 'garden',
        act: 2,
        round: 1,
        kind: 'key',
        title: t('boot title'),
        text: t('boot text'),
        hiddenUntil: { published: ['letter'] },
      },
      {
        id: 'glove',
        location: 'cellar',
        act: 2,
        round: 1,
        kind: 'red-herring',
        title: t('glove title'),
        text: t('glove text'),
        pointsTo: [{ character: 'ben', weight: 0.5 }],
      },
    ],
    timeline: [
      { at: '21:00', until: '21:30', who: ['cal'], location: 'study', what: t('timeline one') },
      { at: '22:00', who: ['ann', 'ben'], place: t('timeline place'), what: t('timeline two') },
    ],
    culprits: ['cal'],
    truth: t('truth'),
    phases: [
      { kind: 'read', act: 1, minutes: 5 },
      { kind: 'intro', minutes: 5 },
      { kind: 'search', round: 1, actionPoints: 2, minutes: 10 },
      { kind: 'discuss', mode: 'public', minutes: 10 },
      { kind: 'read', act: 2 },
      { kind: 'search', round: 1, actionPoints: 3, minutes: 10 },
      { kind: 'discuss', mode: 'private', minutes: 10 },
      { kind: 'statement', minutes: 2 },
      { kind: 'vote', minutes: 3 },
      { kind: 'reveal' },
      { kind: 'debrief' },
    ],
    endings: [
      {
        id: 'caught',
        when: { mostVoted: 'culprit', culpritShare: { gt: 0.5 } },
        title: t('ending caught title'),
        text: t('ending caught text'),
      },
      {
        id: 'deadlock',
        when: { mostVoted: 'tie' },
        title: t('ending deadlock title'),
        text: t('ending deadlock text'),
      },
      {
        id: 'framed',
        when: { mostVoted: 'innocent' },
        title: t('ending framed title'),
        text: t('ending framed text'),
      },
      { id: 'escaped', title: t('ending escaped title'), text: t('ending escaped text') },
    ],
    evidenceRoutes: [
      { id: 'r1', clues: ['knife'] },
      { id: 'r2', clues: ['boot'] },
    ],
    debrief: t('debrief'),
    acts: 2,
  });
}
