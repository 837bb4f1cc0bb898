import { projectView } from '@jubensha/engine';
import { loadBundled } from '@jubensha/engine/testing';
import { describe, expect, it } from 'vitest';
import { lastDiscussion } from '../testing/game-at.js';
import { addressName, addresses, asks, callNames } from './names.js';

describe('names at the table', async () => {
  const curtain = await loadBundled('last-curtain');
  const tea = await loadBundled('rain-tea-hills');
  const inCurtain = projectView(curtain, lastDiscussion(curtain), { kind: 'seat', seat: 'he-xiaoyan' });
  const inTea = projectView(tea, lastDiscussion(tea), { kind: 'seat', seat: 'shen-man' });

  it('a character is called by its names, its alias and a title with its family name', () => {
    const su = callNames(inCurtain, 'su-bowen');
    for (const n of ['苏伯文', '伯文', '苏师傅', '老苏', 'Su Bowen', 'Bowen', 'Master Su', 'Old Su'])
      expect(su).toContain(n);
    expect(callNames(inCurtain, 'luo-dechang')).toEqual(
      expect.arrayContaining(['德叔', 'Uncle De', '罗德昌']),
    );
    expect(callNames(inTea, 'zhou-yuanshan')).toEqual(
      expect.arrayContaining(['周远山', '周叔', '周伯', '老周', 'Uncle Zhou', 'Master Zhou', 'Old Zhou']),
    );
    // Three Lins at the table: "Old Lin", 老林 and "Lin" call none of them.
    for (const seat of ['lin-jiadong', 'lin-xiuhe', 'lin-xiaozhou'])
      for (const n of ['Old Lin', '老林', 'Lin', 'Mr Lin']) expect(callNames(inTea, seat)).not.toContain(n);
  });

  it('the authored questions of both stories reach whom they name', () => {
    expect(
      asks('Old Su, your ears are good. Did you hear anything backstage?', callNames(inCurtain, 'su-bowen')),
    ).toBe(true);
    expect(asks('老苏，你耳朵好。后台有没有什么动静？', callNames(inCurtain, 'su-bowen'))).toBe(true);
    expect(
      asks('Uncle Chen, that cut on your face came from her ring?', callNames(inCurtain, 'chen-jintian')),
    ).toBe(true);
    expect(
      asks('Uncle Chen, that cut on your face came from her ring?', callNames(inCurtain, 'luo-dechang')),
    ).toBe(false);
    expect(asks('周伯，您看那几笼茶，是什么时候开始没人翻的？', callNames(inTea, 'zhou-yuanshan'))).toBe(
      true,
    );
  });

  it('a title counts only as written: "how old he was" calls nobody', () => {
    const he = callNames(inCurtain, 'he-xiaoyan');
    expect(he).toContain('Old He');
    expect(addresses('Does anyone know how old he was?', he)).toBe(false);
    expect(addresses('Old He, where were you?', he)).toBe(true);
  });

  it('a character is addressed in the room language, by the alias the table uses', () => {
    expect(addressName(inCurtain, 'luo-dechang', 'en')).toBe('Uncle De');
    expect(addressName(inCurtain, 'luo-dechang', 'zh')).toBe('德叔');
    expect(addressName(inCurtain, 'he-xiaoyan', 'en')).toBe('He Xiaoyan');
    expect(addressName(inCurtain, 'he-xiaoyan', 'zh')).toBe('何小燕');
    for (const c of [...curtain.characters, ...tea.characters]) {
      const view = curtain.characters.includes(c) ? inCurtain : inTea;
      for (const language of ['zh', 'en'] as const)
        expect(
          addresses(`${addressName(view, c.id, language)}, where were you?`, callNames(view, c.id)),
        ).toBe(true);
    }
  });
});
