import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseRow, readRows } from './row.js';

const good = (id: string, lang = 'zh') =>
  JSON.stringify({
    id,
    split: 'heldout',
    lang,
    intent: 'fact',
    messages: [
      { role: 'system', content: 's' },
      { role: 'user', content: 'u' },
    ],
    reply: 'r',
    check: { entities: ['e'], mustNotReveal: [], claim: null },
  });

const dir = mkdtempSync(join(tmpdir(), 'jubensha-eval-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('held-out rows', () => {
  it('parses a corpus row and names where a bad one is', () => {
    expect(parseRow(good('a'), 'x:1')).toMatchObject({ id: 'a', lang: 'zh', check: { claim: null } });
    expect(() => parseRow(good('a', 'fr'), 'x:2')).toThrow('x:2: lang must be zh or en');
    expect(() => parseRow(good('a').replace('"fact"', '"sing"'), 'x:3')).toThrow(/unknown intent sing/);
    expect(() => parseRow('{', 'x:4')).toThrow('x:4: not JSON');
  });
  it('spreads a limit over the whole file', async () => {
    const file = join(dir, 'rows.jsonl');
    writeFileSync(file, ['a', 'b', 'c', 'd', 'e', 'f'].map((id) => good(id)).join('\n') + '\n\n');
    expect((await readRows(file)).map((r) => r.id)).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
    expect((await readRows(file, 3)).map((r) => r.id)).toEqual(['a', 'c', 'e']);
  });
});
