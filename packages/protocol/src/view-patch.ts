import { z } from 'zod';

/**
 * Views are plain JSON; an update is the list of changes from the previous view, so a long chat
 * is not resent on every command. `path` walks object keys and array indexes.
 */
export const ViewChangeSchema = z.discriminatedUnion('op', [
  z
    .object({
      op: z.literal('set'),
      path: z.array(z.union([z.string(), z.number().int().min(0)])),
      value: z.unknown(),
    })
    .strict(),
  z
    .object({ op: z.literal('delete'), path: z.array(z.union([z.string(), z.number().int().min(0)])) })
    .strict(),
]);
export type ViewChange = z.infer<typeof ViewChangeSchema>;
type Path = (string | number)[];

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b))
    return a.length === b.length && a.every((x, i) => sameJson(x, b[i]));
  if (isObject(a) && isObject(b)) {
    const ka = Object.keys(a);
    return (
      ka.length === Object.keys(b).length && ka.every((k) => Object.hasOwn(b, k) && sameJson(a[k], b[k]))
    );
  }
  return false;
}

/** Lists known to be another list plus items at its end, each to the list it extends. */
const extensions = new WeakMap<readonly unknown[], readonly unknown[]>();

/**
 * Records that `longer` holds every item of `list` (the same objects, in order) and more after them, and
 * that neither changes again (frozen): a diff then sends the new items without comparing the old ones.
 */
export function markExtends(longer: readonly unknown[], list: readonly unknown[]): void {
  extensions.set(longer, list);
}

/** Whether `longer` was recorded as `list` plus items at its end. */
export function extendsList(longer: readonly unknown[], list: unknown): boolean {
  return extensions.get(longer) === list;
}

function diffInto(a: unknown, b: unknown, path: Path, out: ViewChange[]): void {
  // Identity first, and only then the path: views that share unchanged parts (the server's projector)
  // cost what changed, not their size.
  if (a === b) return;
  if (Array.isArray(b) && extendsList(b, a)) {
    for (let i = (a as unknown[]).length; i < b.length; i++)
      out.push({ op: 'set', path: [...path, i], value: b[i] });
    return;
  }
  if (Array.isArray(a) && Array.isArray(b) && b.length >= a.length) {
    // Lists mostly grow (chat, clues): diff the common part, append the rest.
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) diffInto(a[i], b[i], [...path, i], out);
    for (let i = a.length; i < b.length; i++) out.push({ op: 'set', path: [...path, i], value: b[i] });
    return;
  }
  if (isObject(a) && isObject(b)) {
    for (const k of Object.keys(a)) if (!Object.hasOwn(b, k)) out.push({ op: 'delete', path: [...path, k] });
    for (const k of Object.keys(b)) {
      if (!Object.hasOwn(a, k)) out.push({ op: 'set', path: [...path, k], value: b[k] });
      else if (a[k] !== b[k]) diffInto(a[k], b[k], [...path, k], out);
    }
    return;
  }
  if (!sameJson(a, b)) out.push({ op: 'set', path, value: b });
}

/**
 * The changes of top-level parts, by key and by the two objects: viewers whose views share a part (the
 * table, progress) diff it once. Only sound for parts that are never changed in place (frozen views).
 */
export class ViewDiffMemo {
  private readonly parts = new Map<string, WeakMap<object, WeakMap<object, ViewChange[]>>>();

  changes(key: string, a: object, b: object, diff: () => ViewChange[]): ViewChange[] {
    let byA = this.parts.get(key);
    if (!byA) {
      byA = new WeakMap();
      this.parts.set(key, byA);
    }
    let byB = byA.get(a);
    if (!byB) {
      byB = new WeakMap();
      byA.set(a, byB);
    }
    let changes = byB.get(b);
    if (!changes) {
      changes = diff();
      byB.set(b, changes);
    }
    return changes;
  }
}

/** The changes that turn view `a` into view `b` (both plain JSON). */
export function diffView(a: unknown, b: unknown, memo?: ViewDiffMemo): ViewChange[] {
  const out: ViewChange[] = [];
  if (!memo || !isObject(a) || !isObject(b) || a === b) {
    diffInto(a, b, [], out);
    return out;
  }
  // The top level as diffInto walks it, with each part's changes from the memo.
  for (const k of Object.keys(a)) if (!Object.hasOwn(b, k)) out.push({ op: 'delete', path: [k] });
  for (const k of Object.keys(b)) {
    const x = a[k];
    const y = b[k];
    if (!Object.hasOwn(a, k)) out.push({ op: 'set', path: [k], value: y });
    else if (x === y) continue;
    else if (typeof x === 'object' && x !== null && typeof y === 'object' && y !== null)
      out.push(
        ...memo.changes(k, x, y, () => {
          const part: ViewChange[] = [];
          diffInto(x, y, [k], part);
          return part;
        }),
      );
    else diffInto(x, y, [k], out);
  }
  return out;
}

/** Applies changes to a copy of `view`; the input is left untouched. */
export function applyViewChanges<T>(view: T, changes: readonly ViewChange[]): T {
  let root: unknown = structuredClone(view);
  for (const change of changes) {
    if (change.path.length === 0) {
      if (change.op === 'set') root = structuredClone(change.value);
      continue;
    }
    let node: unknown = root;
    for (const key of change.path.slice(0, -1)) node = (node as Record<string | number, unknown>)[key];
    const last = change.path[change.path.length - 1] as string | number;
    const parent = node as Record<string | number, unknown>;
    // defineProperty, not assignment: a key named __proto__ must stay data, never a prototype.
    if (change.op === 'set')
      Object.defineProperty(parent, last, {
        value: structuredClone(change.value),
        writable: true,
        enumerable: true,
        configurable: true,
      });
    else Reflect.deleteProperty(parent, last);
  }
  return root as T;
}
