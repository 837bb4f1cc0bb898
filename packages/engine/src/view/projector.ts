import { markExtends, type PrivateCharacter, type View, type Viewer } from '@jubensha/protocol';
import type { Character, Story } from '@jubensha/story';
import type { GameSnapshot } from '../game.js';
import type { ProjectionMemo } from './memo.js';
import { projectView } from './project-view.js';
import { share } from './share.js';

/** Arrays whose items were frozen when they were made: freezing the array needs no walk through them. */
const itemsFrozen = new WeakSet<object>();

/**
 * A list of lines mapped item by item; items that are the same objects as last time keep their output.
 * The list handed out is a copy of a private one that only grows (a handed-out list is frozen, and a copy
 * of a frozen array is slow), so a new line costs one copy of pointers, not one walk of the lines.
 */
class Lines {
  private source: readonly object[] = [];
  private mine: unknown[] = [];
  private out: unknown[] = [];

  map<S extends object, T>(source: readonly S[], project: (s: S) => T): T[] {
    const old = this.source;
    const n = Math.min(source.length, old.length);
    let kept = 0;
    while (kept < n && source[kept] === old[kept]) kept++;
    this.source = source;
    if (kept === source.length && kept === old.length) return this.out as T[];
    if (kept < this.mine.length) this.mine.length = kept;
    for (let i = kept; i < source.length; i++) this.mine.push(Object.freeze(project(source[i] as S)));
    const before = this.out;
    this.out = this.mine.slice();
    itemsFrozen.add(this.out);
    if (kept === before.length) markExtends(this.out, before);
    return this.out as T[];
  }
}

/**
 * Views are shared between connections, AI seats and states: frozen, so a consumer that changes one
 * fails loudly instead of changing what other viewers are sent. Frozen parts are shared already: only
 * what is new is walked.
 */
function freezeNew(v: unknown): void {
  if (typeof v !== 'object' || v === null || Object.isFrozen(v)) return;
  Object.freeze(v);
  if (itemsFrozen.has(v)) return;
  if (Array.isArray(v)) for (let i = 0; i < v.length; i++) freezeNew(v[i]);
  else for (const part of Object.values(v)) freezeNew(part);
}

/**
 * What depends on the story alone (its public part, each character's file per act) is built once per
 * Story object and shared by every room playing it: views are frozen, so sharing is safe.
 */
const byStory = new WeakMap<Story, Map<string, unknown>>();
function storyPart<T>(story: Story, key: string, make: () => T): T {
  let parts = byStory.get(story);
  if (!parts) {
    parts = new Map();
    byStory.set(story, parts);
  }
  if (parts.has(key)) return parts.get(key) as T;
  const part = make();
  freezeNew(part);
  parts.set(key, part);
  return part;
}

const viewerKey = (v: Viewer): string => (v.kind === 'seat' ? `seat:${v.seat}` : v.kind);

/**
 * The views of one game as it moves on, for the server's connections and AI seats: each viewer's view is
 * `projectView`'s, built once per game state, and every part that did not change since the last state is
 * the very object the last view held (lines said map once each; the public story and a character's file
 * once per act for every room of the story; the rest is compared once per state, not once per
 * connection). A diff of consecutive views then costs what
 * changed. Views are shared: nobody may change them.
 */
export class ViewProjector {
  private snapshot: GameSnapshot | null = null;
  private commonNow = new Map<string, unknown>();
  private commonBefore = new Map<string, unknown>();
  private views = new Map<string, View>();
  private readonly lastViews = new Map<string, View>();
  private readonly lines = new Map<string, Lines>();
  private readonly memo: ProjectionMemo;

  constructor(private readonly story: Story) {
    this.memo = {
      common: <T>(key: string, make: () => T): T => {
        if (key === 'story') return storyPart(story, key, make);
        if (this.commonNow.has(key)) return this.commonNow.get(key) as T;
        const value = share(this.commonBefore.get(key), make());
        this.commonNow.set(key, value);
        return value;
      },
      character: (c: Character, act: number, make: () => PrivateCharacter) =>
        storyPart(story, `character:${c.id}:${act}`, make),
      lines: <S extends object, T>(key: string, source: readonly S[], project: (s: S) => T): T[] => {
        let list = this.lines.get(key);
        if (!list) {
          list = new Lines();
          this.lines.set(key, list);
        }
        return list.map(source, project);
      },
    };
  }

  /** `viewer`'s view of `snapshot` (equal to `projectView`'s); throws as it does for an unknown seat. */
  project(snapshot: GameSnapshot, viewer: Viewer): View {
    if (snapshot !== this.snapshot) {
      this.snapshot = snapshot;
      // What the last state's views shared stays the base of this state's parts, until they are built.
      for (const [k, v] of this.commonNow) this.commonBefore.set(k, v);
      this.commonNow = new Map();
      this.views = new Map();
    }
    const key = viewerKey(viewer);
    const hit = this.views.get(key);
    if (hit) return hit;
    const view = projectView(this.story, snapshot, viewer, this.memo);
    // The common parts are shared already; only what is this viewer's own is compared with its last view.
    const last = this.lastViews.get(key);
    view.viewer = share(last?.viewer, view.viewer);
    view.me = share(last?.me, view.me);
    freezeNew(view);
    this.views.set(key, view);
    this.lastViews.set(key, view);
    return view;
  }
}
