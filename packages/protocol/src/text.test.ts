import { describe, expect, it } from 'vitest';
import { isReservedName, normalizeText } from './text.js';

const ok = (text: string) => ({ ok: true, text });

describe('normalizeText', () => {
  it('composes to NFC', () => {
    expect(normalizeText('Zoe\u0301', 'name')).toEqual(ok('Zoé'));
    expect(normalizeText('\u1100\u1161', 'chat')).toEqual(ok('\uac00'));
  });

  it('removes zero-width, bidi-control, BOM, NUL and other control characters', () => {
    expect(normalizeText('A\u200bn\u200dn\ufeff', 'name')).toEqual(ok('Ann'));
    expect(normalizeText('\u202eevil\u202c \u2066x\u2069\u200e', 'name')).toEqual(ok('evil x'));
    expect(normalizeText('hi\u0000 there\u0007', 'chat')).toEqual(ok('hi there'));
    expect(normalizeText('德\u00ad叔\u2060', 'chat')).toEqual(ok('德叔'));
  });

  it('keeps paragraphs in chat, puts a name on one line', () => {
    expect(normalizeText('one\r\n\ttwo\r', 'chat')).toEqual(ok('one\n\ttwo'));
    expect(normalizeText('  Ann \n\t Lee  ', 'name')).toEqual(ok('Ann Lee'));
  });

  it('refuses lone surrogates and keeps paired ones', () => {
    expect(normalizeText('a\ud800b', 'name')).toEqual({ ok: false, code: 'INVALID_TEXT' });
    expect(normalizeText('\udfff', 'chat')).toEqual({ ok: false, code: 'INVALID_TEXT' });
    expect(normalizeText('\udfff\ud800', 'chat')).toEqual({ ok: false, code: 'INVALID_TEXT' });
    expect(normalizeText('ok \u{1F600}', 'chat')).toEqual(ok('ok \u{1F600}'));
  });

  it('refuses what is blank once normalized', () => {
    for (const blank of [
      '\u200b',
      '\u200b\u200b\u200b',
      '\u202e',
      '\u0000',
      ' \u3000 ',
      '\u0301\u0301',
      '\ufe0f',
    ])
      for (const kind of ['name', 'chat'] as const)
        expect(normalizeText(blank, kind), JSON.stringify(blank)).toEqual({ ok: false, code: 'BLANK_TEXT' });
    expect(normalizeText('…', 'chat')).toEqual(ok('…'));
  });
});

describe('isReservedName', () => {
  it('reserves the host and the system in any case, width, spacing or brackets', () => {
    for (const name of [
      '主持人',
      '主持',
      '系统',
      'Host',
      'host',
      'ＨＯＳＴ',
      'SYSTEM!',
      '主 持 人',
      '[Host]',
      '《主持人》',
    ])
      expect(isReservedName(name), name).toBe(true);
    for (const name of ['Ann', '主持人小王', 'Hostess', '德叔', '🙂'])
      expect(isReservedName(name), name).toBe(false);
  });

  it('reserves the extra names given (a story’s characters)', () => {
    expect(isReservedName('uncle jing', ['Bai Jingting', 'Uncle Jing'])).toBe(true);
    expect(isReservedName('白 景亭', ['白景亭'])).toBe(true);
    expect(isReservedName('Ann', ['Bai Jingting'])).toBe(false);
  });
});
