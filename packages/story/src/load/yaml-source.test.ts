import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { LocalizedTextSchema } from '../schema/common.js';
import { parseWithSchema } from './schema-issues.js';
import { parseYamlSource } from './yaml-source.js';

const Lines = z.object({ lines: z.array(z.object({ text: LocalizedTextSchema }).strict()) }).strict();

describe('parseYamlSource', () => {
  it('places nodes at file positions, offset by the line the YAML starts on', () => {
    const text = [
      'title: { en: Tea }',
      'clues:',
      '  - id: cup',
      '    pointsTo:',
      '      - { character: a, weight: 2 }',
    ].join('\n');
    const { source, diagnostics } = parseYamlSource(text, 'x.md', 2);
    expect(diagnostics).toEqual([]);
    expect(source.locate(['clues', 0, 'pointsTo', 0, 'weight'])).toEqual({ file: 'x.md', line: 6, col: 33 });
    expect(source.locate(['clues'])).toEqual({ file: 'x.md', line: 3, col: 1 });
    expect(source.locate(['title', 'en'])).toEqual({ file: 'x.md', line: 2, col: 14 });
    expect(source.locate(['clues', 0], 'id')).toEqual({ file: 'x.md', line: 4, col: 5 });
    // A path that goes nowhere stops at its deepest existing node.
    expect(source.locate(['clues', 5, 'id'])).toEqual({ file: 'x.md', line: 4, col: 3 });
  });

  it('says to quote a text that holds ": " inside { … }, at its file line', () => {
    const text = [
      'lines:',
      "  - text: { en: 'Fine.', zh: 好。 }",
      '  - text: { en: Note: the tea is cold, zh: 茶凉了 }',
    ];
    const { diagnostics } = parseYamlSource(text.join('\n'), 'alice.md', 2);
    expect(diagnostics).toMatchObject([{ code: 'YAML_SYNTAX', file: 'alice.md', line: 4, col: 17 }]);
    expect(diagnostics[0]?.message).toMatch(/^quote this text: 'Note: the tea is cold'/);
  });

  it('says to quote a text that an unquoted ", " cut into an unknown key, at the key', () => {
    const text = [
      'lines:',
      "  - text: { en: 'It''s late, and he asked', zh: 他问了 }",
      '  - text: { en: He asked, gets no answer, zh: 他问了，没人回答 }',
      '  - text: { en: Yes, zh: 时间：九点, 地点: 书房 }',
    ];
    const { source, diagnostics } = parseYamlSource(text.join('\n'), 'story.yaml', 1);
    expect(diagnostics).toEqual([]);
    const issues = parseWithSchema(Lines, source).diagnostics;
    expect(issues.map((d) => [d.line, d.message.replace(/^.*so quote it: /, '')])).toEqual([
      [3, "en: 'He asked, gets no answer'"],
      [4, "zh: '时间：九点, 地点: 书房'"],
    ]);
  });

  it('takes a misspelt key with a value for what it is', () => {
    const { source } = parseYamlSource('lines: [{ text: { en: Tea, zhh: 茶 } }]', 'story.yaml', 1);
    expect(parseWithSchema(Lines, source).diagnostics[0]?.message).toBe(
      'lines[0].text.zhh: Unrecognized key: "zhh"',
    );
  });

  it('turns an alias bomb into a diagnostic instead of throwing', () => {
    const bomb = [
      'a: &a [x, x, x, x, x, x, x, x, x]',
      'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]',
      'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]',
      'd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]',
      'e: [*d, *d, *d, *d, *d, *d, *d, *d, *d]',
    ].join('\n');
    const { source, diagnostics } = parseYamlSource(bomb, 'bomb.yaml', 1);
    expect(source.data).toBeUndefined();
    expect(diagnostics).toMatchObject([{ code: 'YAML_SYNTAX', severity: 'error', line: 1 }]);
  });
});
