import { describe, expect, it } from 'vitest';
import { parseYamlSource } from './yaml-source.js';

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
