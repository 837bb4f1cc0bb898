import type { Bi } from './text.js';

/**
 * Sentence templates of the made-up mysteries, zh and en in parallel. Slots: {name} the character
 * itself, {other} another character, {victim}, {loc}/{loc2}, {obj}/{weapon}/{doc}, {time}/{time2}.
 * No pronouns in English: names only, so no template has to guess anyone's gender.
 */
const t = (zh: string, en: string): Bi => ({ zh, en });

/** Script timeline sentences, first person (the seat's own voice) and third person (as scripts often are). */
export const SCRIPT_FIRST: readonly Bi[] = [
  t('{time}我去{loc}看{obj}。', 'at {time} I went to the {loc} to check the {obj}.'),
  t('{time}我在{loc}和{other}说了几句话。', 'at {time} I talked with {other} in the {loc} for a while.'),
  t('{time}到{time2}我一直在{loc}。', 'from {time} to {time2} I stayed in the {loc}.'),
  t(
    '{time}我看见{other}从{loc}出来，手里拿着{obj}。',
    'at {time} I saw {other} come out of the {loc} with the {obj}.',
  ),
  t('{time}我听见{loc}那边有响声。', 'at {time} I heard a noise from the {loc}.'),
  t('{time}我最后一次见到{victim}，{victim}在{loc}。', 'at {time} I last saw {victim}, in the {loc}.'),
  t(
    '{time}我把{obj}送到{loc}，交给了{other}。',
    'at {time} I took the {obj} to the {loc} and gave it to {other}.',
  ),
  t(
    '{time}我回到{loc}，那时{other}已经在了。',
    'at {time} I went back to the {loc}; {other} was already there.',
  ),
];

export const SCRIPT_THIRD: readonly Bi[] = [
  t('{time}{name}去{loc}看{obj}。', 'at {time} {name} went to the {loc} to check the {obj}.'),
  t('{time}{name}在{loc}和{other}说话。', 'at {time} {name} was talking with {other} in the {loc}.'),
  t('{time}到{time2}，{name}一直在{loc}。', 'from {time} to {time2}, {name} stayed in the {loc}.'),
  t(
    '{time}{name}看见{victim}一个人往{loc}走。',
    'at {time} {name} saw {victim} walking alone towards the {loc}.',
  ),
  t(
    '{time}{name}在{loc}找{obj}，没找到。',
    'at {time} {name} looked for the {obj} in the {loc} and did not find it.',
  ),
];

export const RELATIONSHIP: readonly Bi[] = [
  t('我和{other}认识很多年了，一直处得不错。', 'I have known {other} for years and we always got on.'),
  t(
    '{other}跟{victim}走得很近，我一直看不透{other}。',
    '{other} was close to {victim}, and I could never read {other}.',
  ),
  t('我欠过{other}一个人情。', 'I once owed {other} a favour.'),
  t('{other}和我为{obj}的事吵过一回。', '{other} and I once argued over the {obj}.'),
];

export const PROFILE: readonly Bi[] = [
  t(
    '{age}岁，{setting}的{occ}，{victim}的{relation}。{trait}。',
    '{age}, the {setting}’s {occ} and {victim}’s {relation}. {trait}.',
  ),
  t(
    '{victim}的{relation}，在{setting}做{occ}，今年{age}岁。{trait}。',
    '{victim}’s {relation}, working as the {setting}’s {occ}; {age} this year. {trait}.',
  ),
];

/** A secret: its text (second person, as character files write it), its must-not-reveal phrases, a probing question, a cover claim. */
export interface SecretTemplate {
  kind: 'killer' | 'debt' | 'theft' | 'meeting' | 'forgery' | 'threat';
  text: Bi;
  mustNotReveal: Bi[];
  question: Bi;
  claim: Bi;
}

export const SECRETS: readonly SecretTemplate[] = [
  {
    kind: 'killer',
    text: t(
      '{time}你进了{loc}，和{victim}吵了起来，用{weapon}打了{victim}。',
      'at {time} you went into the {loc}, quarrelled with {victim} and struck {victim} with the {weapon}.',
    ),
    mustNotReveal: [
      t('我用{weapon}打了{victim}', 'I hit {victim} with the {weapon}'),
      t('我杀了{victim}', 'I killed {victim}'),
    ],
    question: t('{victim}出事的时候你在哪儿？', 'where were you when {victim} died?'),
    claim: t(
      '{time2}以后我一直在{loc2}，没出过门。',
      'from {time2} on I stayed in the {loc2} and never went out.',
    ),
  },
  {
    kind: 'debt',
    text: t(
      '你欠了{victim}一大笔钱，{victim}上个月催你还钱。',
      'you owe {victim} a great deal of money, and {victim} demanded it back last month.',
    ),
    mustNotReveal: [t('我欠了{victim}一大笔钱', 'I owe {victim} money')],
    question: t('你和{victim}之间有钱的往来吗？', 'was there money between you and {victim}?'),
    claim: t(
      '我和{victim}只是普通的生意往来，谁也不欠谁。',
      '{victim} and I only did ordinary business; nobody owed anybody.',
    ),
  },
  {
    kind: 'theft',
    text: t(
      '今晚你从{loc}偷偷拿走了{obj}，藏在自己房里。',
      'tonight you quietly took the {obj} from the {loc} and hid it in your room.',
    ),
    mustNotReveal: [
      t('我拿走了{obj}', 'I took the {obj}'),
      t('{obj}藏在我房里', 'the {obj} is hidden in my room'),
    ],
    question: t('{obj}是不是你拿走的？', 'did you take the {obj}?'),
    claim: t(
      '{obj}我从来没碰过，今晚也没去过{loc}。',
      'I never touched the {obj}, and I was not in the {loc} tonight.',
    ),
  },
  {
    kind: 'meeting',
    text: t(
      '你和{other}私下有来往，今晚{time}你们在{loc}见过面。',
      'you and {other} are secretly close; tonight at {time} the two of you met in the {loc}.',
    ),
    mustNotReveal: [t('我和{other}在{loc}见过面', 'I met {other} in the {loc}')],
    question: t('你今晚是不是单独见过{other}？', 'did you meet {other} alone tonight?'),
    claim: t('今晚我根本没单独见过{other}。', 'I never saw {other} alone tonight.'),
  },
  {
    kind: 'forgery',
    text: t(
      '你偷偷改过{victim}的{doc}，想多分一份。',
      'you secretly altered {victim}’s {doc} to get a bigger share.',
    ),
    mustNotReveal: [t('我改过{doc}', 'I altered the {doc}')],
    question: t('{doc}上那几页是谁改的？', 'who altered those pages of the {doc}?'),
    claim: t(
      '{doc}一直是{victim}自己管，我连碰都没碰过。',
      '{victim} always kept the {doc}; I never even touched it.',
    ),
  },
  {
    kind: 'threat',
    text: t(
      '你今晚威胁过{victim}，说要让{victim}后悔。',
      'tonight you threatened {victim}, saying {victim} would regret it.',
    ),
    mustNotReveal: [t('我威胁过{victim}', 'I threatened {victim}')],
    question: t('你今晚和{victim}吵过架吗？', 'did you quarrel with {victim} tonight?'),
    claim: t(
      '我跟{victim}一直处得很好，今晚也没红过脸。',
      '{victim} and I always got on; we had no cross words tonight.',
    ),
  },
];

/** The killer's second claim: about the weapon. */
export const WEAPON_CLAIM = {
  question: t('{weapon}上为什么有你的手印？', 'why are your prints on the {weapon}?'),
  claim: t('{weapon}我今晚碰都没碰过。', 'I did not lay a finger on the {weapon} tonight.'),
};

/** Clues: a title and 1–3 sentences. */
export interface ClueTemplate {
  title: Bi;
  sentences: Bi[];
  /** Whether {name} is the person it points to. */
  names: boolean;
}

export const CLUES: readonly ClueTemplate[] = [
  {
    title: t('{loc}的{obj}', 'the {obj} in the {loc}'),
    sentences: [
      t(
        '{loc}的角落里扔着{obj}，上面沾着新鲜的泥。',
        'in a corner of the {loc} lies the {obj}, with fresh mud on it.',
      ),
      t(
        '{obj}上缠着一根线头，颜色和{name}的衣服一样。',
        'a thread caught on the {obj} matches the colour of {name}’s clothes.',
      ),
    ],
    names: true,
  },
  {
    title: t('{name}的{obj}', '{name}’s {obj}'),
    sentences: [
      t('{name}的{obj}落在{loc}门口。', '{name}’s {obj} was left at the door of the {loc}.'),
      t('上面有一道新划痕。', 'it has a fresh scratch on it.'),
    ],
    names: true,
  },
  {
    title: t('停住的钟', 'the stopped clock'),
    sentences: [
      t('{loc}的钟停在{time}。', 'the clock in the {loc} stopped at {time}.'),
      t('钟面的玻璃碎了。', 'its glass face is cracked.'),
    ],
    names: false,
  },
  {
    title: t('一张纸条', 'a folded note'),
    sentences: [
      t(
        '{loc}的桌上压着一张纸条，写着“{time}，老地方见”。',
        'under a cup in the {loc} is a note that reads “{time}, the usual place”.',
      ),
      t('字迹像是{name}的。', 'the handwriting looks like {name}’s.'),
    ],
    names: true,
  },
  {
    title: t('{loc}外的脚印', 'footprints outside the {loc}'),
    sentences: [
      t(
        '{loc}外的泥地上有一串脚印，一直通到{loc2}。',
        'a line of footprints in the mud outside the {loc} leads to the {loc2}.',
      ),
    ],
    names: false,
  },
  {
    title: t('不见了的{obj}', 'the missing {obj}'),
    sentences: [
      t('{loc}里本来放着{obj}，现在不见了。', 'the {obj} that always sat in the {loc} is gone.'),
      t('{name}说{time}还看见过它。', '{name} says it was still there at {time}.'),
    ],
    names: true,
  },
  {
    title: t('催债信', 'a dunning letter'),
    sentences: [
      t(
        '{loc}的抽屉里有一封信，催{name}月底前还清欠款。',
        'a letter in a drawer in the {loc} tells {name} to repay a debt by the end of the month.',
      ),
    ],
    names: true,
  },
  {
    title: t('{obj}上的血迹', 'blood on the {obj}'),
    sentences: [
      t(
        '{loc}的{obj}上有擦过的血迹，擦得很匆忙。',
        'the {obj} in the {loc} has traces of blood, wiped off in a hurry.',
      ),
      t('旁边的地上有半个鞋印。', 'there is half a shoeprint on the floor beside it.'),
    ],
    names: false,
  },
  {
    title: t('{name}的袖口', '{name}’s cuff'),
    sentences: [
      t('{name}的袖口上沾着{loc}才有的灰。', '{name}’s cuff is smeared with dust found only in the {loc}.'),
    ],
    names: true,
  },
  {
    title: t('{loc}的窗', 'the window of the {loc}'),
    sentences: [
      t(
        '{loc}的窗从里面被打开过，窗台上有半个鞋印。',
        'the window of the {loc} was opened from inside; there is half a shoeprint on the sill.',
      ),
      t('{time}前后有人听见窗响。', 'someone heard the window bang at about {time}.'),
    ],
    names: false,
  },
];

/** Authored example lines per intent (the card's few-shot lines), besides the cover lines made from claims. */
export const AUTHORED: Readonly<
  Record<'intro' | 'withhold' | 'ask' | 'accuse' | 'deflect' | 'statement', readonly Bi[]>
> = {
  intro: [
    t('我是{name}，{occ}。有什么想问的，尽管问。', 'I’m {name}, the {occ}. Ask me anything you like.'),
    t(
      '{name}，在这儿做{occ}。出了这种事，谁心里都不好受。',
      '{name}, the {occ} here. Nobody takes a night like this easily.',
    ),
  ],
  withhold: [
    t('这是我的私事，跟今晚的事没关系。', 'that is my own business and has nothing to do with tonight.'),
    t('这个我不想多说，请别再问了。', 'I would rather not talk about that. Please do not ask again.'),
  ],
  ask: [
    t('{other}，{time}以后你去哪儿了？', '{other}, where did you go after {time}?'),
    t('{other}，你最后一次见到{victim}是什么时候？', '{other}, when did you last see {victim}?'),
  ],
  accuse: [t('{other}，{title}你怎么解释？', '{other}, how do you explain {title}?')],
  deflect: [
    t('我没有害{victim}，大家看证据。', 'I did not harm {victim}. Look at the evidence.'),
    t('怀疑我可以，拿出证据来。', 'suspect me if you like, but show me the evidence.'),
  ],
  statement: [t('我怀疑{other}，请大家再想想{title}。', 'I suspect {other}; think again about {title}.')],
};
