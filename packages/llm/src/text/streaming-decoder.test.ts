import { beforeAll, describe, expect, it } from 'vitest';
import { fixtureDir } from '../onnx/fixtures.test-support.js';
import { ModelTokenizer } from '../onnx/tokenizer.js';
import { seededRandom } from './random.js';
import { StreamingDecoder } from './streaming-decoder.js';

let tokenizer: ModelTokenizer;
beforeAll(async () => {
  tokenizer = await ModelTokenizer.load(fixtureDir('tiny-qwen2'));
});

function stream(ids: number[]): string[] {
  const decoder = new StreamingDecoder(tokenizer.decode);
  const chunks = ids.map((id) => decoder.push(id));
  chunks.push(decoder.finish());
  return chunks.filter((c) => c !== '');
}

describe('StreamingDecoder', () => {
  it.each([
    '侦探把所有人召集到书房。"你们当中有人昨晚杀了陈老爷，"她说。',
    'The butler said he was polishing silver in the kitchen until midnight.',
    '线索 clue：一块停在11:47的怀表 🕰️, and a key… 钥匙',
  ])('streams %s byte-exact, never half a character', (text) => {
    const ids = tokenizer.encode({ prompt: text });
    // The vocabulary splits CJK characters into byte pieces: the hold-back path really runs.
    expect(ids.length).toBeGreaterThan(5);
    const chunks = stream(ids);
    expect(chunks.join('')).toBe(text);
    expect(chunks.join('')).toBe(tokenizer.decode(ids));
    for (const chunk of chunks) expect(chunk).not.toContain('\uFFFD');
  });

  it('ends byte-exact even on token soup with invalid UTF-8', () => {
    const random = seededRandom(42);
    for (let round = 0; round < 20; round++) {
      const ids = Array.from({ length: 40 }, () => Math.floor(random() * 420));
      expect(stream(ids).join('')).toBe(tokenizer.decode(ids));
    }
  });
});
