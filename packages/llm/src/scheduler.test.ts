import { describe, expect, it } from 'vitest';
import { FairScheduler } from './scheduler.js';

/** A job that runs until the test releases it, recording the order sessions were granted. */
function gate(): { promise: Promise<void>; open: () => void } {
  let open!: () => void;
  const promise = new Promise<void>((resolve) => (open = resolve));
  return { promise, open };
}

describe('FairScheduler', () => {
  it('serves rooms round-robin, first come first served within a room', async () => {
    const scheduler = new FairScheduler(['s1']);
    const order: string[] = [];
    const first = gate();
    const blocker = scheduler.submit('a', undefined, undefined, () => first.promise);
    const jobs = [
      ['a', 'a1'],
      ['a', 'a2'],
      ['a', 'a3'],
      ['b', 'b1'],
      ['c', 'c1'],
      ['b', 'b2'],
    ].map(([room, name]) =>
      scheduler.submit(room!, undefined, undefined, async () => {
        order.push(name!);
      }),
    );
    expect(scheduler.queued).toBe(6);
    first.open();
    await Promise.all([blocker, ...jobs]);
    expect(order).toEqual(['a1', 'b1', 'c1', 'a2', 'b2', 'a3']);
  });

  it('serves a line a person waits for before queued background work, rooms in turn within each', async () => {
    const scheduler = new FairScheduler(['s1']);
    const order: string[] = [];
    const first = gate();
    const blocker = scheduler.submit('a', undefined, undefined, () => first.promise);
    const jobs = (
      [
        ['a', 'a1', false],
        ['b', 'b1', false],
        ['c', 'c-answer', true],
        ['a', 'a-answer', true],
        ['c', 'c2', false],
      ] as const
    ).map(([room, name, urgent]) =>
      scheduler.submit(
        room,
        undefined,
        undefined,
        async () => {
          order.push(name);
        },
        urgent,
      ),
    );
    expect(scheduler.queued).toBe(5);
    first.open();
    await Promise.all([blocker, ...jobs]);
    expect(order).toEqual(['c-answer', 'a-answer', 'a1', 'b1', 'c2']);
    // A cancelled urgent job leaves its tier as it found it.
    const hold = gate();
    const busy = scheduler.submit('a', undefined, undefined, () => hold.promise);
    const controller = new AbortController();
    const cancelled = scheduler.submit('z', controller.signal, undefined, async () => undefined, true);
    controller.abort();
    await expect(cancelled).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(scheduler.queued).toBe(0);
    hold.open();
    await busy;
  });

  it('runs as many jobs at once as there are sessions', async () => {
    const scheduler = new FairScheduler(['s1', 's2']);
    let running = 0;
    let peak = 0;
    const gates = [gate(), gate(), gate()];
    const jobs = gates.map((g) =>
      scheduler.submit('room', undefined, undefined, async () => {
        running++;
        peak = Math.max(peak, running);
        await g.promise;
        running--;
      }),
    );
    await Promise.resolve();
    expect(running).toBe(2);
    gates.forEach((g) => g.open());
    await Promise.all(jobs);
    expect(peak).toBe(2);
  });

  it('cancels a queued job without running it', async () => {
    const scheduler = new FairScheduler(['s1']);
    const first = gate();
    const blocker = scheduler.submit('a', undefined, undefined, () => first.promise);
    const controller = new AbortController();
    let ran = false;
    const queued = scheduler.submit('b', controller.signal, undefined, async () => {
      ran = true;
    });
    controller.abort();
    await expect(queued).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(scheduler.queued).toBe(0);
    first.open();
    await blocker;
    expect(ran).toBe(false);
  });

  it('sends a job back to the session that holds its prefix when that session is free', async () => {
    const scheduler = new FairScheduler(['s1', 's2']);
    const used: string[] = [];
    const hold = gate();
    // Occupy s1 so the keyed job lands on s2, then free both and check the key sticks to s2.
    const busy = scheduler.submit('r', undefined, undefined, () => hold.promise);
    await scheduler.submit('r', undefined, 'butler', async (s) => void used.push(s));
    hold.open();
    await busy;
    for (let i = 0; i < 3; i++)
      await scheduler.submit('r', undefined, 'butler', async (s) => void used.push(s));
    expect(used).toEqual(['s2', 's2', 's2', 's2']);
  });

  it('close rejects what is queued and refuses new work', async () => {
    const scheduler = new FairScheduler(['s1']);
    const first = gate();
    const blocker = scheduler.submit('a', undefined, undefined, () => first.promise);
    const queued = scheduler.submit('a', undefined, undefined, async () => undefined);
    scheduler.close();
    await expect(queued).rejects.toMatchObject({ code: 'CANCELLED' });
    await expect(scheduler.submit('a', undefined, undefined, async () => undefined)).rejects.toMatchObject({
      code: 'BACKEND_UNAVAILABLE',
    });
    first.open();
    await blocker;
  });
});
