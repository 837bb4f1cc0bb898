import {
  applyViewChanges,
  type Channel,
  type ChatMessage,
  type GameError,
  type Presence,
  type ServerEvent,
  type View,
  type Welcome,
} from '@jubensha/protocol';

/** An AI seat's line while it is being generated. Not part of the game until the view carries it. */
export interface Stream {
  id: string;
  seat: string;
  channel: Channel;
  parts: string[];
  done: boolean;
  /** How many lines the channel held when the stream began: a line of this seat after them is this one. */
  since: number;
}

export interface GameState {
  connected: boolean;
  welcome: Welcome | null;
  view: View | null;
  presence: Presence | null;
  streams: Stream[];
  /** The last refusal or handshake failure, shown to the player. */
  error: GameError | null;
  /** The host ended the game (a `finished` event, or the welcome of a finished room). */
  finished: boolean;
}

export const initialGameState: GameState = {
  connected: false,
  welcome: null,
  view: null,
  presence: null,
  streams: [],
  error: null,
  finished: false,
};

export interface Applied {
  state: GameState;
  /** The update did not fit the version held: ask the server for a full view. */
  resync: boolean;
}

/**
 * Folds one server event into the client's state. The view only ever changes through the server:
 * a full `view`, or an `update` whose `from` is exactly the version held (anything else would
 * build a view the server never sent, so the client asks for a fresh one instead).
 */
export function applyServerEvent(state: GameState, event: ServerEvent): Applied {
  switch (event.type) {
    case 'view':
      return {
        state: { ...state, view: event.view, streams: settled(state.streams, event.view) },
        resync: false,
      };
    case 'update': {
      if (!state.view || event.from !== state.view.version) return { state, resync: true };
      const view = { ...applyViewChanges(state.view, event.changes), version: event.version };
      return { state: { ...state, view, streams: settled(state.streams, view) }, resync: false };
    }
    case 'chat_chunk': {
      const existing = state.streams.find((s) => s.id === event.stream);
      const base: Stream = existing ?? {
        id: event.stream,
        seat: event.seat,
        channel: event.channel,
        parts: [],
        done: false,
        since: channelMessages(state.view, event.channel).length,
      };
      const parts = [...base.parts];
      parts[event.index] = event.text;
      const next = { ...base, parts };
      const streams = existing
        ? state.streams.map((s) => (s.id === event.stream ? next : s))
        : [...state.streams, next];
      return { state: { ...state, streams }, resync: false };
    }
    case 'chat_end': {
      // The accepted line usually reaches the view before chat_end: then the stream goes at once, or
      // it would stand under the log as a second copy until the next change.
      const streams = event.completed
        ? state.streams
            .map((s) => (s.id === event.stream ? { ...s, done: true } : s))
            .filter((s) => !landed(s, state.view))
        : state.streams.filter((s) => s.id !== event.stream);
      return { state: { ...state, streams }, resync: false };
    }
    case 'chat':
      // Lines reach the game through accepted commands, which arrive as view updates; a separate
      // copy would show the line twice.
      return { state, resync: false };
    case 'error':
      return { state: { ...state, error: event.error }, resync: false };
    case 'finished':
      return { state: { ...state, finished: true, streams: [] }, resync: false };
  }
}

/** The lines of one channel as this view holds them (none when the view does not show it). */
export function channelMessages(view: View | null, channel: Channel): ChatMessage[] {
  if (!view) return [];
  if (channel.kind === 'public') return view.table?.chat ?? [];
  return view.me?.talks.find((t) => t.id === channel.talk)?.messages ?? [];
}

/** The view carries the stream's line: a line of its seat in its channel said after the stream began. */
function landed(stream: Stream, view: View | null): boolean {
  return channelMessages(view, stream.channel)
    .slice(stream.since)
    .some((m) => m.seat === stream.seat);
}

/**
 * A stream leaves the screen once its line is in the view (so it never shows twice), and a finished
 * one at the latest with the next view change, which carries the real line.
 */
function settled(streams: Stream[], view: View | null): Stream[] {
  return streams.filter((s) => !s.done && !landed(s, view));
}

export function streamText(stream: Stream): string {
  return stream.parts.join('');
}
