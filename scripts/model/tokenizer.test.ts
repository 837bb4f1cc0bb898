import { fileURLToPath } from 'node:url';
import { ModelTokenizer } from '@jubensha/llm';
import { beforeAll, describe, expect, it } from 'vitest';

// The model trained here copies names from its prompt, so a name must have the same ids wherever it stands:
// after "[TARGET] ", inside a run of Chinese, at the start of a reply (train_tokenizer.py, SPLIT_REGEX).
const DIR = fileURLToPath(new URL('../../models/default', import.meta.url));

describe('the trained tokenizer (models/default)', () => {
  let tokenizer: ModelTokenizer;
  beforeAll(async () => {
    tokenizer = await ModelTokenizer.load(DIR);
  });
  const ids = (text: string) => tokenizer.encode({ prompt: text });
  const contains = (hay: number[], needle: number[]) =>
    hay.some((_, i) => needle.every((id, k) => hay[i + k] === id));

  // (A closing bracket is left out: punctuation runs such as ）。 are words of their own and may merge.)
  it('gives a Chinese name the same ids in the prompt and inside any reply', () => {
    for (const name of ['吴金田', '白晓峰', '黄凑嘿', '罗德昌（德叔']) {
      const own = ids(name);
      expect(own.length).toBeGreaterThan(0);
      for (const text of [
        `[TARGET] ${name}\n`,
        `我投${name}。`,
        `${name}，你先说说。`,
        `我怀疑${name}月底前还清欠款`,
      ])
        expect(contains(ids(text), own), `${name} in ${text}`).toBe(true);
    }
  });

  it('gives an English name the same ids after a space wherever it stands', () => {
    const own = ids(' Zheng Yudou');
    for (const text of ['[TARGET] Zheng Yudou\n', 'I suspect Zheng Yudou.', 'Ask Zheng Yudou, then me.'])
      expect(contains(ids(text), own), text).toBe(true);
  });

  // The model starts a copy by matching the mark before it (agents' COPY_MARKS), so each mark is one token of its
  // own and what follows it has the same ids in the prompt's span and in the reply's copy.
  it('keeps each copy mark one token, and what follows a mark the same in prompt and reply', () => {
    for (const mark of ['⟨', '⟩', '⟦', '⟧', '⟪', '⟫']) expect(ids(mark)).toHaveLength(1);
    for (const [prompt, reply, copy] of [
      ['[TARGET] ⟨Zheng Yudou⟩\n', '⟨Zheng Yudou⟩, where were you?', '⟨Zheng Yudou⟩'],
      ['[TARGET] ⟨Zheng Yudou⟩\n', 'I suspect ⟨Zheng Yudou⟩.', '⟨Zheng Yudou⟩'],
      ['- ⟦20:00我看见张秋水。⟧\n', '我记得，⟦20:00我看见张秋水。⟧', '⟦20:00我看见张秋水。⟧'],
      [
        '[CLAIM] ⟦At 9:45 I was in the tea room.⟧\n',
        'Again: ⟦At 9:45 I was in the tea room.⟧',
        '⟦At 9:45 I was in the tea room.⟧',
      ],
      ['- ⟪催债信⟫: ⟦站台的抽屉里。⟧', '你看⟪催债信⟫这条线索：', '⟪催债信⟫'],
    ] as const) {
      const own = ids(copy);
      expect(contains(ids(prompt), own), `${copy} in ${prompt}`).toBe(true);
      expect(contains(ids(reply), own), `${copy} in ${reply}`).toBe(true);
    }
  });

  it('decodes every text back exactly', () => {
    for (const text of [
      '[TARGET] 吴金田\n我投吴金田。',
      'At 9:45 "ok"  x 徐彩云（阿云）',
      '十点一刻 / half past nine',
    ])
      expect(tokenizer.decode(ids(text))).toBe(text);
  });
});
