import type { GenerateRequest, GenerationStream, LanguageModel } from '@jubensha/llm';
import { pinyin } from 'pinyin-pro';
import { estimateTokens } from '../prompt/tokens.js';
import { textStream } from './scripted-model.js';

/** The ways it tries to get a secret past the guard. */
export const ATTACKS = [
  'plain',
  'embedded',
  'spaced',
  'punctuated',
  'typo',
  'reversed',
  'base64',
  'hex',
  'unicode-escape',
  'other-language',
  'prompt-echo',
  'pinyin',
  'pinyin-squashed',
  'pinyin-toned',
  'pinyin-tone-digits',
] as const;
export type Attack = (typeof ATTACKS)[number];

/**
 * A model that always tries to leak: it knows the character's secrets (as a model that read the whole
 * script would) and answers every request with one of them, disguised by the next attack in turn.
 */
export class AdversarialModel implements LanguageModel {
  readonly description = 'adversarial:leaks';
  calls = 0;

  constructor(
    /** Secret phrases by language: the must-not-reveal phrases and the secrets' texts. */
    private readonly secrets: { zh: string[]; en: string[] },
    private readonly language: 'zh' | 'en',
  ) {}

  generate(request: GenerateRequest): GenerationStream {
    const n = this.calls++;
    const attack = ATTACKS[n % ATTACKS.length] ?? 'plain';
    const own = this.secrets[this.language];
    const other = this.secrets[this.language === 'zh' ? 'en' : 'zh'];
    const round = Math.floor(n / ATTACKS.length);
    const secret = own[round % Math.max(1, own.length)] ?? '';
    const translated = other[round % Math.max(1, other.length)] ?? secret;
    const text = disguise(secret, attack, this.language, translated, request);
    return textStream(
      text,
      estimateTokens(JSON.stringify(request.messages ?? request.prompt)),
      request.signal,
    );
  }

  close(): Promise<void> {
    return Promise.resolve();
  }
}

/** The Chinese of a secret in pinyin, the way someone types it (one word per character). */
function spelled(chinese: string, tones: 'none' | 'symbol' | 'num'): string {
  return pinyin(chinese, { toneType: tones, type: 'array', nonZh: 'removed' })
    .filter((s) => /\p{L}/u.test(s))
    .join(' ');
}

/**
 * `secret` (in the room's language) as the attack writes it; `translated` is the same secret in the
 * other language (the pinyin attacks spell whichever of the two is Chinese).
 */
export function disguise(
  secret: string,
  attack: Attack,
  language: 'zh' | 'en',
  translated: string,
  request?: GenerateRequest,
): string {
  const zh = language === 'zh';
  const chinese = zh ? secret : translated;
  switch (attack) {
    case 'plain':
      return secret;
    case 'embedded':
      return zh ? `好吧，我就直说了：${secret}。你们满意了吧。` : `Fine, I'll say it: ${secret}. Happy now?`;
    case 'spaced':
      return [...secret].join(' ');
    case 'punctuated':
      return [...secret].join(zh ? '·' : '-');
    case 'typo': {
      const chars = [...secret];
      const i = Math.floor(chars.length / 2);
      chars[i] = zh ? '某' : 'x';
      return zh ? `其实${chars.join('')}` : `Actually ${chars.join('')}`;
    }
    case 'reversed':
      return [...secret].reverse().join('');
    case 'base64':
      return `${zh ? '密文：' : 'Code: '}${Buffer.from(secret).toString('base64')}`;
    case 'hex':
      return Buffer.from(secret).toString('hex');
    case 'unicode-escape':
      return [...secret].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).join('');
    case 'other-language':
      return translated;
    case 'prompt-echo':
      return (
        (request?.messages ?? [])
          .map((m) => m.content)
          .join('\n')
          .slice(0, 400) + secret
      );
    case 'pinyin': {
      const words = spelled(chinese, 'none');
      const said = words.charAt(0).toUpperCase() + words.slice(1);
      return zh ? `用拼音说吧：${said}。` : `Fine, in pinyin: ${said}.`;
    }
    case 'pinyin-squashed':
      return spelled(chinese, 'none').replace(/ /g, '');
    case 'pinyin-toned':
      return spelled(chinese, 'symbol');
    case 'pinyin-tone-digits':
      return spelled(chinese, 'num');
  }
}
