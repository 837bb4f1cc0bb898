import type { Envelope } from '@jubensha/protocol';
import type { Story } from '@jubensha/story';
import { assign, setup } from 'xstate';
import type { GameContext } from './context.js';
import { enterPhase, LOBBY_COMMANDS, phaseCommands, phaseComplete } from './phases.js';
import { runRule, type RuleResult } from './rules/index.js';

/** The machine's events are the envelopes themselves, typed by their command. */
export interface GameEvent {
  type: Envelope['command']['type'];
  env: Envelope;
}

export const LOBBY = 'lobby';
/** State names: `lobby`, then `phase-0` … `phase-(n-1)` for story.phases[i]. */
export const phaseState = (index: number): string => `phase-${index}`;

// The caller's check, the guard and the action that follows it see the same event and context;
// the rule runs once for all three.
const judged = new WeakMap<GameEvent, { ctx: GameContext; result: RuleResult }>();

/** The verdict of the rules on this event in this context (memoised per event object). */
export function judge(story: Story, ctx: GameContext, event: GameEvent): RuleResult {
  const hit = judged.get(event);
  if (hit?.ctx === ctx) return hit.result;
  const result = runRule(story, ctx, event.env);
  judged.set(event, { ctx, result });
  return result;
}

function buildMachine(story: Story) {
  const rule = (ctx: GameContext, event: GameEvent): RuleResult => judge(story, ctx, event);

  const m = setup({
    types: {
      context: {} as GameContext,
      events: {} as GameEvent,
      input: {} as GameContext,
    },
    guards: {
      accepted: ({ context, event }) => rule(context, event).ok,
      /** A TICK past the deadline ends the phase, except in statements, where it passes the floor. */
      tickEndsPhase: ({ context, event }, params: { kind: string }) =>
        params.kind !== 'statement' && rule(context, event).ok,
      everyoneDone: ({ context }) => phaseComplete(story, context),
    },
    actions: {
      apply: assign(({ context, event }) => {
        const r = rule(context, event);
        if (!r.ok) throw new Error(`engine: applying a refused command (${r.code})`);
        return r.ctx;
      }),
      enter: assign(({ context }, params: { index: number }) => enterPhase(story, context, params.index)),
    },
  });

  const accept = { guard: 'accepted', actions: 'apply' } as const;
  const toPhase = (index: number) =>
    ({
      target: phaseState(index),
      actions: ['apply', { type: 'enter', params: { index } }],
    }) as const;

  const states: Record<string, object> = {
    [LOBBY]: {
      on: Object.fromEntries(
        LOBBY_COMMANDS.map((t) => [t, t === 'START' ? { guard: 'accepted', ...toPhase(0) } : accept]),
      ),
    },
  };
  story.phases.forEach((phase, i) => {
    const last = i === story.phases.length - 1;
    const on: Record<string, unknown> = {};
    for (const t of phaseCommands(phase)) on[t] = accept;
    if (!last) {
      on.ADVANCE = { guard: 'accepted', ...toPhase(i + 1) };
      on.TICK = [
        { guard: { type: 'tickEndsPhase', params: { kind: phase.kind } }, ...toPhase(i + 1) },
        accept,
      ];
    }
    states[phaseState(i)] = {
      on,
      ...(last
        ? {}
        : {
            always: {
              guard: 'everyoneDone',
              target: phaseState(i + 1),
              actions: { type: 'enter', params: { index: i + 1 } },
            },
          }),
    };
  });

  return m.createMachine({
    id: `game:${story.id}`,
    context: ({ input }) => input,
    initial: LOBBY,
    // The state map is generated from the story's plan, so its literal types are not known here.
    states: states as never,
  });
}

export type GameMachine = ReturnType<typeof buildMachine>;

const machines = new WeakMap<Story, GameMachine>();

/** The machine for a story's phase plan (built once per Story object). */
export function machineFor(story: Story): GameMachine {
  let m = machines.get(story);
  if (!m) {
    m = buildMachine(story);
    machines.set(story, m);
  }
  return m;
}
