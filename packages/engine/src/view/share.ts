import { extendsList } from '@jubensha/protocol';

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * `next` with every part that equals the same part of `prev` replaced by `prev`'s object; `prev` itself
 * when they are equal (plain JSON). A diff of two shared views then skips unchanged parts by identity.
 * `next`'s unfrozen containers are updated in place: the caller built them.
 */
export function share<T>(prev: unknown, next: T): T {
  // A frozen part was shared when it was built: it is final.
  if (prev === next || Object.isFrozen(next)) return next;
  if (Array.isArray(next)) {
    // A list of lines that grew: its old items are the old list's already.
    if (!Array.isArray(prev) || extendsList(next, prev)) return next;
    let same = prev.length === next.length;
    for (let i = 0; i < next.length; i++) {
      if (i >= prev.length) {
        same = false;
        break;
      }
      // Most items of a long list are the very same objects (lines said): no call for those.
      if (prev[i] === next[i]) continue;
      const part: unknown = share(prev[i], next[i]);
      next[i] = part;
      if (part !== prev[i]) same = false;
    }
    return same ? (prev as T) : next;
  }
  if (isObject(next)) {
    if (!isObject(prev)) return next;
    const fresh: Record<string, unknown> = next;
    const keys = Object.keys(fresh);
    let same = keys.length === Object.keys(prev).length;
    for (const k of keys) {
      if (!Object.hasOwn(prev, k)) {
        same = false;
        continue;
      }
      const part = share(prev[k], fresh[k]);
      fresh[k] = part;
      if (part !== prev[k]) same = false;
    }
    return same ? (prev as T) : next;
  }
  return next;
}
