/**
 * The bare socket.io server the game server is measured against (not a test): the least a server can do for
 * the same table. A room is the sockets that named its id; a command bumps the room's version, sends every
 * socket in the room the `update` the game server sends for a chat line, and acks. No rules, no store, no
 * views. Prints `{"msg":"listening","port":…}` like the game server.
 *   node --import tsx scripts/bench/server/echo-server.ts
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';

interface EchoRoom {
  version: number;
  lines: number;
}

const rooms = new Map<string, EchoRoom>();
const http = createServer();
// The game server's socket.io settings that matter for cost: websocket only clients, default buffer.
const io = new Server(http, { serveClient: false });

io.on('connection', (socket) => {
  const roomId = String((socket.handshake.auth as { roomId?: unknown }).roomId ?? '');
  let room = rooms.get(roomId);
  if (!room) {
    room = { version: 0, lines: 0 };
    rooms.set(roomId, room);
  }
  const here = room;
  void socket.join(roomId);
  socket.emit('event', { type: 'view', view: { version: here.version } });
  socket.on('command', (command: { text?: unknown; type?: unknown }, ack: (a: unknown) => void) => {
    const from = here.version++;
    here.lines++;
    const text = typeof command.text === 'string' ? command.text : String(command.type);
    io.to(roomId).emit('event', {
      type: 'update',
      from,
      version: here.version,
      changes: [
        { op: 'set', path: ['version'], value: here.version },
        { op: 'set', path: ['progress', 'counts', 'publicMessages'], value: here.lines },
        {
          op: 'set',
          path: ['table', 'chat', here.lines - 1],
          value: { n: here.lines, seat: 'seat', text, at: Date.now() },
        },
      ],
    });
    ack({ ok: true, version: here.version });
  });
});

http.listen(Number(process.env['PORT'] ?? 0), '127.0.0.1', () => {
  console.log(JSON.stringify({ msg: 'listening', port: (http.address() as AddressInfo).port }));
});
process.on('SIGTERM', () => {
  void io.close(() => process.exit(0));
});
