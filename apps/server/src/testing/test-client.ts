import {
  applyViewChanges,
  type ClientToServerEvents,
  type Command,
  type CommandAck,
  type GameError,
  type Presence,
  type ServerEvent,
  type ServerToClientEvents,
  type View,
  type Welcome,
} from '@jubensha/protocol';
import { io, type Socket } from 'socket.io-client';

/** What a client received, in order: the parsed event and its wire text (for literal leak checks). */
export interface Received {
  event: ServerEvent;
  json: string;
}

/**
 * A real socket.io client as a browser would use it: it keeps its view by applying updates, and
 * records everything it was sent.
 */
export class TestClient {
  view: View | null = null;
  welcome: Welcome | null = null;
  presence: Presence | null = null;
  readonly received: Received[] = [];
  private waiters: (() => void)[] = [];

  private constructor(readonly socket: Socket<ServerToClientEvents, ClientToServerEvents>) {
    socket.on('welcome', (w) => (this.welcome = w));
    socket.on('presence', (p) => {
      this.presence = p;
      this.wake();
    });
    socket.on('event', (event) => {
      this.received.push({ event, json: JSON.stringify(event) });
      if (event.type === 'view') this.view = event.view;
      else if (event.type === 'update') {
        if (!this.view || this.view.version !== event.from)
          throw new Error(`update from ${event.from} onto view ${this.view?.version}`);
        this.view = applyViewChanges(this.view, event.changes);
        if (this.view.version !== event.version) throw new Error('update did not reach its version');
      }
      this.wake();
    });
    socket.on('disconnect', () => this.wake());
  }

  private wake(): void {
    const w = this.waiters;
    this.waiters = [];
    for (const f of w) f();
  }

  /** Connects and resolves once the first full view arrived; rejects with the handshake's error. */
  static connect(url: string, auth: unknown): Promise<TestClient> {
    const socket = io(url, {
      auth: auth as Record<string, unknown>,
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
    });
    const client = new TestClient(socket);
    return new Promise((resolve, reject) => {
      socket.once('connect_error', (err) => {
        socket.close();
        reject(Object.assign(new Error(err.message), { data: (err as { data?: GameError }).data }));
      });
      const check = () => (client.view ? resolve(client) : client.waiters.push(check));
      client.waiters.push(check);
    });
  }

  /** Sends a command; rejects if the connection drops before the ack (the outcome is then unknown). */
  command(command: Command | unknown): Promise<CommandAck> {
    return this.emit('command', command);
  }

  emit(event: string, ...args: unknown[]): Promise<CommandAck> {
    return new Promise((resolve, reject) => {
      if (!this.socket.connected) return reject(new Error('not connected'));
      const onDrop = () => reject(new Error('disconnected before the ack'));
      this.socket.once('disconnect', onDrop);
      (this.socket.emit as (e: string, ...a: unknown[]) => void)(event, ...args, (ack: CommandAck) => {
        this.socket.off('disconnect', onDrop);
        resolve(ack);
      });
    });
  }

  /** Resolves once `pred` holds (checked after every event); rejects when the connection is gone. */
  until(pred: () => boolean, what = 'condition'): Promise<void> {
    return new Promise((resolve, reject) => {
      const check = () => {
        if (pred()) resolve();
        else if (!this.socket.connected) reject(new Error(`disconnected while waiting for ${what}`));
        else this.waiters.push(check);
      };
      check();
    });
  }

  untilVersion(version: number): Promise<void> {
    return this.until(() => (this.view?.version ?? -1) >= version, `version ${version}`);
  }

  close(): void {
    this.socket.close();
  }
}
