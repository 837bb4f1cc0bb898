import { describe, expect, it } from 'vitest';
import { CommandBudget } from './command-budget.js';

describe('CommandBudget', () => {
  it('lets a burst through, then the rate, per key', () => {
    let now = 0;
    const budget = new CommandBudget(10, 10, () => now);
    const took = Array.from({ length: 15 }, () => budget.take('a'));
    expect(took.filter(Boolean).length).toBe(10);
    expect(budget.take('b')).toBe(true);
    now += 500;
    expect(Array.from({ length: 10 }, () => budget.take('a')).filter(Boolean).length).toBe(5);
    now += 60_000;
    expect(Array.from({ length: 20 }, () => budget.take('a')).filter(Boolean).length).toBe(10);
    budget.forget('a');
    expect(budget.take('a')).toBe(true);
  });
});
