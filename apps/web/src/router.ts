import { useEffect, useState } from 'react';

/** The app has three pages: `/`, `/join/:code` and `/room/:roomId`; the server falls back to index.html for all. */
export type Route = { page: 'home' } | { page: 'join'; code: string } | { page: 'room'; roomId: string };

export function parseRoute(pathname: string): Route {
  const join = /^\/join\/([^/]+)\/?$/.exec(pathname);
  if (join?.[1]) return { page: 'join', code: decodeURIComponent(join[1]).toUpperCase() };
  const room = /^\/room\/([^/]+)\/?$/.exec(pathname);
  if (room?.[1]) return { page: 'room', roomId: decodeURIComponent(room[1]) };
  return { page: 'home' };
}

export const roomPath = (roomId: string) => `/room/${encodeURIComponent(roomId)}`;

export function navigate(path: string): void {
  window.history.pushState(null, '', path);
  window.dispatchEvent(new PopStateEvent('popstate'));
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.pathname));
  useEffect(() => {
    const onPop = () => setRoute(parseRoute(window.location.pathname));
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);
  return route;
}
