import type { GameSnapshot, ViewProjector } from '@jubensha/engine';
import { diffView, ViewDiffMemo, type ViewChange, type View, type Viewer } from '@jubensha/protocol';
import type { Connection } from './room.js';

const viewerKey = (v: Viewer): string => (v.kind === 'seat' ? `seat:${v.seat}` : v.kind);

/**
 * Sends each connection its own view of `snapshot`: an update from the view it holds, or the full view
 * if it holds none. Views come from the room's projector, so consecutive views share what did not
 * change and a diff costs what changed; connections that hold the same view of the same viewer (a seat
 * on two devices, spectators) get the one diff computed for them, and a part several viewers share (the
 * table, progress) is diffed once.
 */
export function sendViews(
  projector: ViewProjector,
  snapshot: GameSnapshot,
  connections: Iterable<Connection>,
): void {
  const diffs = new Map<string, Map<View, ViewChange[]>>();
  const parts = new ViewDiffMemo();
  for (const c of connections) {
    const view = projector.project(snapshot, c.viewer);
    const before = c.lastView;
    c.lastView = view;
    if (!before) {
      c.send({ type: 'view', view });
      continue;
    }
    const key = viewerKey(c.viewer);
    let byBase = diffs.get(key);
    if (!byBase) {
      byBase = new Map();
      diffs.set(key, byBase);
    }
    let changes = byBase.get(before);
    if (!changes) {
      changes = diffView(before, view, parts);
      byBase.set(before, changes);
    }
    c.send({ type: 'update', from: before.version, version: view.version, changes });
  }
}
