import type { Command, CommandAck, View } from '@jubensha/protocol';

/** One move: who sends which command. */
export interface Move {
  who: 'host' | string;
  command: Command;
}

/**
 * Plays a table from the clients' own views, as cooperative players and a brisk host would: read,
 * greet, search until nothing is left (publishing every other clue, keeping the rest), talk in
 * private, state, vote, and let the host move past AI seats (which do nothing yet). It knows only
 * what the views show, so it drives a real server exactly as browsers do.
 */
export class TableBot {
  private readonly done = new Set<string>();
  private readonly exhausted = new Set<string>();
  /** Private lines sent, with the two seats that may read them. */
  readonly whispers: { text: string; seats: [string, string] }[] = [];

  constructor(private readonly seats: string[]) {}

  private once(key: string): boolean {
    if (this.done.has(key)) return false;
    this.done.add(key);
    return true;
  }

  /** The next move given the host's view and each human seat's view; null once the game is over. */
  next(host: View, views: Map<string, View>): Move | null {
    const p = host.progress;
    const hostMove = (type: 'START' | 'ADVANCE'): Move => ({ who: 'host', command: { type } });
    if (!p.started) {
      for (const s of this.seats) {
        const me = p.seats.find((x) => x.seat === s);
        if (me && !me.ready) return { who: s, command: { type: 'READY', ready: true } };
      }
      return hostMove('START');
    }
    const phase = p.phase ?? 0;
    const step = host.story.plan[phase];
    const key = (what: string, s = '') => `${phase}:${p.round}:${what}:${s}`;
    switch (step?.kind) {
      case 'read':
        for (const s of this.seats)
          if (!views.get(s)?.me?.finishedReading) return { who: s, command: { type: 'FINISH_READING' } };
        return hostMove('ADVANCE');
      case 'intro':
      case 'discuss':
      case 'reveal':
      case 'debrief': {
        for (const s of this.seats)
          if (this.once(key('say', s)))
            return { who: s, command: { type: 'PUBLIC_MESSAGE', text: `${s} speaks in phase ${phase}` } };
        const talk = step.kind === 'discuss' && step.mode === 'private' ? this.talk(phase, views) : null;
        return talk ?? hostMove('ADVANCE');
      }
      case 'search':
        for (const s of this.seats) {
          const me = views.get(s)?.me;
          if (!me) continue;
          const unpublished = me.clues.filter((c) => !c.published);
          const toPublish = unpublished.find((c) => me.clues.indexOf(c) % 2 === 0);
          if (toPublish) return { who: s, command: { type: 'PUBLISH_CLUE', clue: toPublish.id } };
          const where = host.story.locations.find(
            (l) => l.cost <= me.actionPoints && !this.exhausted.has(key(l.id, s)),
          );
          if (where) return { who: s, command: { type: 'SEARCH', location: where.id } };
        }
        return hostMove('ADVANCE');
      case 'statement': {
        const speaker = p.speaker;
        if (speaker && this.seats.includes(speaker))
          return { who: speaker, command: { type: 'STATEMENT', text: `statement of ${speaker}` } };
        return hostMove('ADVANCE');
      }
      case 'vote':
        for (const s of this.seats)
          if (!p.voted.includes(s))
            return { who: s, command: { type: 'VOTE', character: host.story.characters[0]?.id ?? s } };
        return hostMove('ADVANCE');
      default:
        return null;
    }
  }

  /** A private talk between the first two seats: request, accept, one line, end. */
  private talk(phase: number, views: Map<string, View>): Move | null {
    const [a, b] = this.seats;
    if (!a || !b) return null;
    const mine = views.get(a)?.me?.talks.filter((t) => t.from === a && t.to === b) ?? [];
    const t = mine[mine.length - 1];
    if (this.once(`${phase}:talk-request`)) return { who: a, command: { type: 'REQUEST_TALK', with: b } };
    if (!t) return null;
    if (t.status === 'requested') return { who: b, command: { type: 'ACCEPT_TALK', talk: t.id } };
    if (t.status === 'open' && this.once(`${phase}:talk-line`)) {
      const text = `whisper-${phase}-${t.id}-only-for-${a}-and-${b}`;
      this.whispers.push({ text, seats: [a, b] });
      return { who: a, command: { type: 'PRIVATE_MESSAGE', talk: t.id, text } };
    }
    if (t.status === 'open') return { who: b, command: { type: 'END_TALK', talk: t.id } };
    return null;
  }

  /** Learns from a refusal so it does not try the same search again. */
  refused(host: View, move: Move, ack: CommandAck): boolean {
    if (ack.ok) return true;
    const p = host.progress;
    if (
      move.command.type === 'SEARCH' &&
      ['LOCATION_EXHAUSTED', 'NO_ACTION_POINTS'].includes(ack.error.code)
    ) {
      this.exhausted.add(`${p.phase ?? 0}:${p.round}:${move.command.location}:${move.who}`);
      return true;
    }
    return false;
  }
}
