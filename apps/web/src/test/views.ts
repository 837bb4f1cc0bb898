import {
  ViewSchema,
  type HostMessage,
  type PlanStep,
  type Reveal,
  type SeatPrivate,
  type Table,
  type View,
} from '@jubensha/protocol';

/** Views for component tests, checked against protocol's ViewSchema so they are views a server could send. */

const l = (en: string, zh: string) => ({ en, zh });

export const PLAN: PlanStep[] = [
  { kind: 'read', act: 1, minutes: 10 },
  { kind: 'intro', minutes: 5 },
  { kind: 'search', round: 1, actionPoints: 2, minutes: 10 },
  { kind: 'discuss', mode: 'public', minutes: 10 },
  { kind: 'discuss', mode: 'private', minutes: 10 },
  { kind: 'statement', minutes: 2 },
  { kind: 'vote', minutes: 3 },
  { kind: 'reveal' },
  { kind: 'debrief' },
];

export const phaseIndex = (kind: PlanStep['kind'], mode?: 'public' | 'private') =>
  PLAN.findIndex((s) => s.kind === kind && (mode === undefined || s.mode === mode));

export const STORY = {
  id: 'tea-house',
  languages: ['zh', 'en'] as ('zh' | 'en')[],
  title: l('The Tea House', '茶馆'),
  blurb: l('A death at closing time.', '打烊时的一桩命案。'),
  premise: l('The owner is found dead at **closing time**.', '老板在**打烊时**被发现死了。'),
  victim: null,
  incident: null,
  contentWarnings: [l('Death', '死亡')],
  characters: [
    { id: 'ann', name: l('Ann', '安'), profile: l('The cashier.', '收银员。') },
    { id: 'bo', name: l('Bo', '波'), profile: l('The cook.', '厨师。') },
    { id: 'cy', name: l('Cy', '茜'), profile: l('A regular.', '常客。') },
  ],
  locations: [
    { id: 'kitchen', name: l('Kitchen', '厨房'), description: l('Pots and knives.', '锅和刀。'), cost: 1 },
    { id: 'office', name: l('Office', '办公室'), description: null, cost: 2 },
  ],
  plan: PLAN,
};

export const ANN_SCRIPT_1 = 'You counted the till at nine and heard a crash upstairs.';

export function annPrivate(over: Partial<SeatPrivate> = {}): SeatPrivate {
  return {
    seat: 'ann',
    character: {
      id: 'ann',
      voice: l('Curt.', '干脆。'),
      script: [l(ANN_SCRIPT_1, '你九点清点了收银台，听到楼上一声巨响。')],
      secrets: [
        {
          id: 's1',
          act: 1,
          text: l('You borrowed from the till.', '你挪用过收银台的钱。'),
          mustNotReveal: {},
        },
      ],
      goals: [{ id: 'g1', act: 1, points: 10, text: l('Find the killer.', '找出凶手。') }],
      relationships: [{ with: 'bo', text: l('You trust him.', '你信任他。') }],
      cover: null,
      lines: [],
      movements: [],
    },
    actionPoints: 0,
    clues: [],
    talks: [],
    vote: null,
    finishedReading: false,
    ...over,
  };
}

const emptyTable: Table = { publishedClues: [], chat: [], statements: [] };

export function seatView(
  over: {
    phase?: number | null;
    me?: Partial<SeatPrivate>;
    table?: Partial<Table>;
    progress?: Partial<View['progress']>;
    reveal?: Reveal | null;
    hostMessages?: HostMessage[];
  } = {},
): View {
  const phase = over.phase === undefined ? 0 : over.phase;
  return ViewSchema.parse({
    viewer: { kind: 'seat', seat: 'ann' },
    version: 7,
    story: STORY,
    progress: {
      started: phase !== null,
      phase,
      act: 1,
      round: 1,
      phaseStartedAt: phase === null ? null : 1_000,
      deadline: phase === null ? null : 601_000,
      pausedAt: null,
      seats: [
        { seat: 'ann', name: 'Alice', controller: 'human', ready: phase !== null },
        { seat: 'bo', name: 'Bob', controller: 'human', ready: true },
        { seat: 'cy', name: null, controller: 'ai', ready: true },
      ],
      finishedReading: [],
      statementOrder: [],
      speaker: null,
      voted: [],
      revealed: false,
      counts: { cluesFound: 0, cluesPublished: 0, publicMessages: 0, statements: 0, votes: 0 },
      ...over.progress,
    },
    table: { ...emptyTable, ...over.table },
    me: annPrivate(over.me),
    reveal: over.reveal ?? null,
    hostMessages: over.hostMessages ?? [],
  });
}

export function reveal(): Reveal {
  return {
    truth: l('Bo did it with the **cleaver**.', '是波用**菜刀**干的。'),
    culprits: ['bo'],
    ending: { id: 'caught', title: l('Caught', '落网'), text: l('Bo is led away.', '波被带走了。') },
    endings: [{ id: 'caught', title: l('Caught', '落网'), text: l('Bo is led away.', '波被带走了。') }],
    votes: { ann: 'bo', bo: 'cy', cy: 'bo' },
    tally: { bo: 2, cy: 1 },
    scores: [
      {
        character: 'ann',
        points: 10,
        goals: [{ id: 'g1', act: 1, points: 10, text: l('Find the killer.', '找出凶手。'), achieved: true }],
      },
    ],
    timeline: [
      {
        day: 1,
        at: '21:00',
        until: null,
        who: ['bo'],
        location: 'kitchen',
        place: null,
        what: l('Bo sharpens the cleaver.', '波磨菜刀。'),
      },
    ],
    characters: [],
    clues: [],
    debrief: l('Thanks for playing. The cleaver was the key.', '感谢游玩。菜刀是关键。'),
  };
}
