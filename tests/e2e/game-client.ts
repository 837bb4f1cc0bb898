import { ViewSchema, type View } from '@jubensha/protocol';
import { io } from 'socket.io-client';

/**
 * The server's view for one token (or a spectator's, without one), read over its own socket: the
 * test's ground truth for what a seat may see, independent of the page under test.
 */
export function fetchView(url: string, roomId: string, token?: string): Promise<View> {
  return new Promise((resolve, reject) => {
    const socket = io(url, { auth: token ? { roomId, token } : { roomId }, transports: ['websocket'] });
    const timer = setTimeout(() => {
      socket.disconnect();
      reject(new Error('no view within 10 s'));
    }, 10_000);
    socket.on('event', (e: { type?: string; view?: unknown }) => {
      if (e.type !== 'view') return;
      clearTimeout(timer);
      socket.disconnect();
      resolve(ViewSchema.parse(e.view));
    });
    socket.on('connect_error', (err) => {
      clearTimeout(timer);
      socket.disconnect();
      reject(err);
    });
  });
}
