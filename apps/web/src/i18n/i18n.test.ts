import { describe, expect, it } from 'vitest';
import { en } from './en.js';
import { zh } from './zh.js';

function keys(tree: object, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([k, v]) =>
    typeof v === 'string' ? [`${prefix}${k}`] : keys(v as object, `${prefix}${k}.`),
  );
}

function values(tree: object): string[] {
  return Object.values(tree).flatMap((v) => (typeof v === 'string' ? [v] : values(v as object)));
}

const placeholders = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

describe('UI text', () => {
  it('has the same keys in Chinese and English', () => {
    expect(keys(zh).sort()).toEqual(keys(en).sort());
    expect(keys(en).length).toBeGreaterThan(100);
  });

  it('has no empty string and the same placeholders in both languages', () => {
    expect(values(en).filter((v) => v.trim() === '')).toEqual([]);
    expect(values(zh).filter((v) => v.trim() === '')).toEqual([]);
    const get = (tree: object, key: string) =>
      key.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], tree) as string;
    const mismatched = keys(en).filter(
      (k) => placeholders(get(en, k)).join() !== placeholders(get(zh, k)).join(),
    );
    expect(mismatched).toEqual([]);
  });
});
