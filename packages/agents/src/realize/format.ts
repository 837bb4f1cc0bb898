import type { View } from '@jubensha/protocol';
import { addressName } from '../character/names.js';
import type { Language } from '../text/language.js';
import { pick } from '../text/localized.js';
import { VICTIM } from '../understand/lexicon.js';
import type { TimeSpan } from '../understand/times.js';

const ZH_DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

function zhNumber(n: number): string {
  if (n <= 10) return ZH_DIGITS[n] ?? String(n);
  if (n < 20) return `十${ZH_DIGITS[n - 10] ?? ''}`;
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${ZH_DIGITS[tens] ?? ''}十${ones ? (ZH_DIGITS[ones] ?? '') : ''}`;
}

/** A clock time as said at the table: 九点零六分, 九点半, 凌晨一点 / 9:06. */
export function sayTime(minutes: number, language: Language): string {
  const day = Math.floor(minutes / 1440);
  const m = minutes % 1440;
  const h24 = Math.floor(m / 60);
  const min = m % 60;
  if (language === 'en') return `${h24 % 12 === 0 ? 12 : h24 % 12}:${String(min).padStart(2, '0')}`;
  const h = h24 % 12 === 0 ? 12 : h24 % 12;
  const part = day > 0 && h24 < 6 ? '凌晨' : h24 < 12 ? '上午' : h24 < 18 ? '下午' : '';
  const hour = h === 2 ? '两' : zhNumber(h);
  const tail =
    min === 0
      ? '点'
      : min === 30
        ? '点半'
        : min === 15
          ? '点一刻'
          : min < 10
            ? `点零${zhNumber(min)}分`
            : `点${zhNumber(min)}分`;
  return `${part}${hour}${tail}`;
}

/** A span: 九点零五分到九点一刻 / from 9:05 to 9:15; one moment: 九点零六分 / at 9:06. */
export function saySpan(span: TimeSpan, language: Language): string {
  if (span.to - span.from < 2)
    return language === 'zh' ? sayTime(span.from, language) : `at ${sayTime(span.from, language)}`;
  return language === 'zh'
    ? `${sayTime(span.from, language)}到${sayTime(span.to, language)}`
    : `from ${sayTime(span.from, language)} to ${sayTime(span.to, language)}`;
}

/** A seat's name as the table calls it (its alias if it has one), or the victim's. */
export function sayName(view: View, id: string, language: Language): string {
  if (id === VICTIM) {
    const v = view.story.victim;
    const alias = v?.aliases[0];
    return pick(alias ?? v?.name ?? null, language) || (language === 'zh' ? '死者' : 'the victim');
  }
  return addressName(view, id, language);
}

export function sayNames(view: View, ids: string[], language: Language): string {
  const names = ids.map((id) => sayName(view, id, language));
  if (language === 'zh') return names.join('、');
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/** A location's name inside a sentence: 一号化妆间 / the tea room, dressing room 1. */
export function sayPlace(view: View, id: string | null, fallback: string, language: Language): string {
  const name = id ? pick(view.story.locations.find((l) => l.id === id)?.name ?? null, language) : fallback;
  if (language === 'zh') return name;
  if (/^(?:The|A|An) /.test(name)) return name.charAt(0).toLowerCase() + name.slice(1);
  if (/^[A-Z][a-z]/.test(name) && id) return name.charAt(0).toLowerCase() + name.slice(1);
  return name;
}

const PLACE_ZH = /(?:底下|下面|里面|上面|旁边|后面|外面|角落|脚下|底部)$/;

/** A clue's title inside a sentence: 《搪瓷参茶杯》 reads as 搪瓷参茶杯 / the enamel tea mug. */
export function sayTitle(title: string, language: Language): string {
  // A title that is a place ("楼梯底下") names what lies there: "找到了楼梯底下" finds a place.
  if (language === 'zh') return PLACE_ZH.test(title) ? `${title}的东西` : title;
  // "Today's monitor tape": a day, not a person, owns it, and mid-sentence it is lower case.
  if (/^(?:Today|Tonight|Yesterday|Tomorrow|This (?:morning|afternoon|evening))['’]s\b/.test(title))
    return title.charAt(0).toLowerCase() + title.slice(1);
  if (/^(?:The|A|An) /.test(title)) return title.charAt(0).toLowerCase() + title.slice(1);
  // A title that is a place ("At the foot of the stairs") names what lies there.
  if (/^(?:At|On|In|Under|Behind|Beside|By|Near|Inside|Outside|Below|Above) /.test(title))
    return `what lay ${title.charAt(0).toLowerCase()}${title.slice(1)}`;
  // "Qiutang's gold ring" and "He Xiaoyan's practice notebook" stay as they are; "Footprints on the side stair" reads "the footprints on …".
  if (/^(?:[A-Z][\w-]*\s){0,3}[A-Z]\S*['’]s\b/.test(title)) return title;
  return `the ${title.charAt(0).toLowerCase()}${title.slice(1)}`;
}

/** A text cut at a clause boundary to at most `max` characters (zh) or words (en), ending cleanly. */
export function shorten(text: string, language: Language, max = language === 'zh' ? 48 : 28): string {
  const t = text.trim().replace(/[。.!！?？]+$/, '');
  if (language === 'zh') {
    if (t.length <= max) return t;
    const cut = t.slice(0, max);
    const at = Math.max(
      cut.lastIndexOf('，'),
      cut.lastIndexOf('；'),
      cut.lastIndexOf('、'),
      cut.lastIndexOf('：'),
    );
    return at >= 8 ? cut.slice(0, at) : cut;
  }
  const words = t.split(/\s+/);
  if (words.length <= max) return t;
  const cut = words.slice(0, max).join(' ');
  const at = Math.max(cut.lastIndexOf(','), cut.lastIndexOf(';'), cut.lastIndexOf(' —'));
  return (at >= 12 ? cut.slice(0, at) : cut).replace(/[,;:—\s]+$/, '');
}

/** Joins sentences with the language's spacing, each ending with one stop. */
export function sentencesOf(parts: string[], language: Language): string {
  const done = parts
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => (/[。！？!?.…”"」]$/.test(p) ? p : p + (language === 'zh' ? '。' : '.')));
  return done.join(language === 'zh' ? '' : ' ');
}

/** First letter up, for a sentence that starts with a name or a lowered place. */
export function capital(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
