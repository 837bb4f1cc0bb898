import { at } from '../rng.js';
import type { Bi } from '../text.js';
import { capitalizeFirst, pairs } from '../text.js';

/** 50 surnames as character + pinyin. */
export const SURNAMES: readonly Bi[] = pairs(
  '林/Lin; 周/Zhou; 何/He; 沈/Shen; 陈/Chen; 梁/Liang; 罗/Luo; 郑/Zheng; 苏/Su; 王/Wang; 李/Li; 张/Zhang; 刘/Liu; ' +
    '杨/Yang; 黄/Huang; 赵/Zhao; 吴/Wu; 徐/Xu; 孙/Sun; 马/Ma; 朱/Zhu; 胡/Hu; 郭/Guo; 高/Gao; 宋/Song; 谢/Xie; ' +
    '唐/Tang; 韩/Han; 冯/Feng; 邓/Deng; 曹/Cao; 彭/Peng; 曾/Zeng; 萧/Xiao; 田/Tian; 董/Dong; 潘/Pan; 袁/Yuan; ' +
    '蒋/Jiang; 蔡/Cai; 余/Yu; 杜/Du; 叶/Ye; 程/Cheng; 魏/Wei; 薛/Xue; 顾/Gu; 孟/Meng; 白/Bai; 方/Fang',
);

/** A given name: its characters and one pinyin syllable per character (for nicknames like 德叔 / Uncle De). */
export interface GivenName {
  zh: string;
  syllables: string[];
}

/** 90 given names; a fifth of them (see isHeldOut) never appear in the training split. */
export const GIVEN_NAMES: readonly GivenName[] = (
  '小舟 xiao zhou; 秀禾 xiu he; 淑芬 shu fen; 远山 yuan shan; 家栋 jia dong; 守正 shou zheng; 秋棠 qiu tang; ' +
  '金田 jin tian; 德昌 de chang; 晓燕 xiao yan; 文博 wen bo; 雨桐 yu tong; 子墨 zi mo; 若兰 ruo lan; ' +
  '志强 zhi qiang; 海生 hai sheng; 春梅 chun mei; 建国 jian guo; 丽华 li hua; 明轩 ming xuan; 思远 si yuan; ' +
  '慧敏 hui min; 国栋 guo dong; 玉珍 yu zhen; 长庚 chang geng; 秀英 xiu ying; 少卿 shao qing; 宛如 wan ru; ' +
  '景行 jing xing; 梦溪 meng xi; 亦鸣 yi ming; 清扬 qing yang; 松年 song nian; 鹤龄 he ling; 佩玉 pei yu; ' +
  '云舒 yun shu; 怀瑾 huai jin; 兰芝 lan zhi; 大勇 da yong; 福生 fu sheng; 桂香 gui xiang; 振华 zhen hua; ' +
  '美玲 mei ling; 天佑 tian you; 素琴 su qin; 伯年 bo nian; 念慈 nian ci; 启明 qi ming; 月娥 yue e; ' +
  '少华 shao hua; 宝珠 bao zhu; 立群 li qun; 凤仪 feng yi; 安澜 an lan; 铁柱 tie zhu; 翠萍 cui ping; ' +
  '有才 you cai; 彩云 cai yun; 家宝 jia bao; 静姝 jing shu; 维钧 wei jun; 碧君 bi jun; 敬亭 jing ting; ' +
  '紫薇 zi wei; 恒山 heng shan; 惠兰 hui lan; 鸿飞 hong fei; 秋水 qiu shui; 木生 mu sheng; 婉清 wan qing; ' +
  '青禾 qing he; 嘉言 jia yan; 晓峰 xiao feng; 红英 hong ying; 永福 yong fu; 琴心 qin xin; 之恒 zhi heng; ' +
  '凌霜 ling shuang; 书瑶 shu yao; 长风 chang feng; 寿山 shou shan; 银花 yin hua; 汉卿 han qing; 锦绣 jin xiu; ' +
  '世杰 shi jie; 巧云 qiao yun; 鹏程 peng cheng; 杏芳 xing fang; 玉堂 yu tang; 春生 chun sheng'
)
  .split(';')
  .map((s) => {
    const [zh, ...syllables] = s.trim().split(/\s+/);
    if (!zh || syllables.length !== [...zh].length) throw new Error(`bad given name: ${s}`);
    return { zh, syllables };
  });

/** Pinyin of a given name as one word: Xiaozhou, Yue'e (an apostrophe before a vowel syllable). */
export function givenPinyin(g: GivenName): string {
  return capitalizeFirst(g.syllables.map((s, i) => (i > 0 && /^[aeo]/.test(s) ? `'${s}` : s)).join(''));
}

/** Nickname forms the table uses, from the surname and the given name. */
export const NICKNAMES: readonly ((surname: Bi, g: GivenName) => Bi)[] = [
  (_, g) => ({ zh: `${at([...g.zh], 0)}叔`, en: `Uncle ${capitalizeFirst(at(g.syllables, 0))}` }),
  (_, g) => ({ zh: `${at([...g.zh], 0)}姨`, en: `Auntie ${capitalizeFirst(at(g.syllables, 0))}` }),
  (_, g) => ({ zh: `阿${at([...g.zh], -1)}`, en: `Ah ${capitalizeFirst(at(g.syllables, -1))}` }),
  (s) => ({ zh: `老${s.zh}`, en: `Old ${s.en}` }),
  (s) => ({ zh: `${s.zh}师傅`, en: `Master ${s.en}` }),
];

/** What a character was to the victim (no pronouns anywhere: names only, in both languages). */
export const RELATIONS: readonly Bi[] = pairs(
  '生意伙伴/business partner; 老朋友/old friend; 徒弟/apprentice; 债主/creditor; 远房亲戚/distant relative; ' +
    '邻居/neighbour; 老同学/old schoolmate; 雇工/hired hand; 房客/lodger; 合伙人/partner; 养子/adopted son; ' +
    '侄女/niece; 外甥/nephew; 女儿/daughter; 长子/eldest son; 前妻/former wife; 表弟/cousin; 老对手/old rival',
);

/** One-sentence traits that close a public profile. */
export const TRAITS: readonly Bi[] = pairs(
  '话不多，做事很细/says little and misses nothing; 脾气急，嗓门大/quick-tempered and loud; ' +
    '爱打听别人的事/always curious about other people’s business; 待人客气，心思很深/polite to everyone and hard to read; ' +
    '手脚勤快，人缘很好/hard-working and well liked; 爱喝两口，喝了就话多/fond of a drink and talkative after one; ' +
    '精明能干，算账很快/shrewd and quick with figures; 胆子小，一紧张就结巴/timid and stammers when nervous; ' +
    '爱面子，从不认输/proud and never admits defeat; 心软，见不得别人吃苦/soft-hearted and hates to see anyone suffer; ' +
    '做事一板一眼，最守规矩/careful and a stickler for the rules; 爱说笑，总想让大家高兴/jokes a lot and likes to keep spirits up; ' +
    '独来独往，很少跟人说话/keeps to themself and rarely talks to anyone; 记性特别好，什么都记得/has a sharp memory for everything',
);

/** Voices: how a character talks (optional in the card, as in the bundled stories). */
export const VOICES: readonly Bi[] = pairs(
  '说话轻声细气，爱用行话/quiet and polite, fond of trade jargon; ' +
    '说话又快又冲，爱拍胸脯/talks fast and hard, always vouching for themself; ' +
    '慢条斯理，每句话都要想一想/slow and deliberate, weighing every word; ' +
    '客气里带着距离，被冒犯时会冷笑/polite but distant, with a cold laugh when offended; ' +
    '爱讲老话，开口就是“想当年”/talks in old sayings and starts with “back in the day”; ' +
    '直来直去，不爱绕弯子/blunt and straight to the point; ' +
    '说话带着笑，可眼睛一直在打量人/smiles while talking but keeps sizing people up; ' +
    '一紧张就把话说得格外周全/becomes extra thorough when nervous; ' +
    '声音很低，常常说半句就停下/speaks low and often stops mid-sentence; ' +
    '讲究措辞，爱用书面语/chooses words carefully and talks like a book',
);

/** Ages 19–72 in words: zh numerals, English words (digits would be figures the guard checks). */
export function ageWords(age: number): Bi {
  const zhDigits = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
  const enOnes = ['', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];
  const enTeens = [
    'ten',
    'eleven',
    'twelve',
    'thirteen',
    'fourteen',
    'fifteen',
    'sixteen',
    'seventeen',
    'eighteen',
    'nineteen',
  ];
  const enTens = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy'];
  const tens = Math.floor(age / 10);
  const ones = age % 10;
  const zh = `${tens > 1 ? zhDigits[tens] : ''}十${ones > 0 ? zhDigits[ones] : ''}`;
  const en = tens === 1 ? at(enTeens, ones) : `${enTens[tens]}${ones > 0 ? `-${enOnes[ones]}` : ''}`;
  return { zh, en };
}
