/**
 * Dialogue acts at a jubensha table, read from the words of one clause, zh and en. Patterns, not a model:
 * they are the same in every game, testable, and wrong in ways one can read. The story's own words (names,
 * places, clues) come from the lexicon; here only the shapes of questions and remarks.
 */

export const DIALOGUE_ACTS = [
  'where',
  'saw',
  'relation',
  'about',
  'suspect',
  'accuse',
  'share',
  'agree',
  'disagree',
  'claim',
  'inform',
  'offtopic',
] as const;
export type DialogueAct = (typeof DIALOGUE_ACTS)[number];

/** Acts that ask the addressee for something: they want an answer. */
export const QUESTION_ACTS: ReadonlySet<DialogueAct> = new Set([
  'where',
  'saw',
  'relation',
  'about',
  'suspect',
  'share',
]);

/** What the clause holds besides its words: story entities found by the lexicon. */
export interface ClauseFacts {
  people: number;
  places: number;
  clues: number;
  times: number;
  /** The clause with the story's words replaced by marks (qperson, qplace, qclue, qtime). */
  marked: string;
  /** It is the line's first clause (a denial that opens a line reacts; one later in it is a claim). */
  first?: boolean;
}

// Marks for the story's words in `marked`: ASCII words, so \b works around them in English patterns.
const P = 'qperson';
const L = 'qplace';
const C = 'qclue';
const T = 'qtime';

export const MARKS = { person: P, place: L, clue: C, time: T } as const;

const ZH_Q_END =
  /[?？]|[吗么嘛呢吧啊呀][\s,，。.!！~…]*$|(?:了|过|到|见|清)(?:没有|没)[\s,，。.!！~…]*$|(?<![都也还并从])(?:\p{Script=Han})不[\s,，。.!！~…]*$/u;
const ZH_Q_WORD =
  /谁(?![都也]|[\u4e00-\u9fff]谁)(?<!谁[\u4e00-\u9fff]谁)|什么(?![都也])|啥(?![都也])|哪(?![都也]|儿都|里都)|为什么|为啥|怎么|怎样|如何|几点|几个|多少|是不是|有没有|是否|能不能|会不会|对不对|可不可以|在不在|干嘛|干吗|咋|(\p{Script=Han})[没不]\1/u;
const EN_Q_START =
  /^(?:so |and |but |ok |okay |well |hey |um+ |uh+ |then |also |wait |honestly |just )*(?:where|what|who|whom|whose|when|why|how|which|did|do|does|were|was|are|is|have|had|has|can|could|would|will|should|any|anyone|anything|whats|wheres|whos|hows)\b/i;
const EN_Q_INSIDE =
  /\b(?:where|what|who|whom|whose|why|how|which|whats|wheres|whos|hows)\b.{0,30}\b(?:you|u|he|she|they|it|was|were|is|did|do|does|are|has|have|can|could|would)\b|(?:^|[,;:—]\s*|\b(?:so|and|but|then|ok|okay|well|now)\s+)(?:did|were|was|can|could|have|has|is|are|do|does|would|will)\s+(?:you|u|he|she|anyone|anybody|they|it|there|we|that|this|qperson|ur|your|his|her|the|my)\b|[, ](?:right|isn'?t it|didn'?t (?:you|u|he|she)|wasn'?t it|don'?t (?:you|u)|no|eh|yeah)\s*$|\b(?:u|you) were\b.{0,60}\bright(?:\s+(?:alone|then|there))?\s*$/i;

/** Whether a clause asks something (its story words already marked). */
export function isQuestion(clause: string): boolean {
  const t = clause.trim();
  if (/[?？]/.test(t)) return true;
  if (/[\u3400-\u9fff]/.test(t)) return ZH_Q_END.test(t) || ZH_Q_WORD.test(t);
  const bare = t.replace(new RegExp(`^(?:(?:${P}|${L}|${C}|${T})\\s*,?\\s*)+`), '');
  return EN_Q_START.test(bare) || EN_Q_INSIDE.test(bare);
}

interface Rule {
  act: DialogueAct;
  zh?: RegExp;
  en?: RegExp;
  /** Only when the clause is (not) a question. */
  question?: boolean;
  /** Only when this holds of the clause. */
  needs?: (f: ClauseFacts) => boolean;
}

const YOU_ZH = '(?:你|您|妳)';
const SECOND_PERSON = /你|您|妳|\b(?:you|u|ur|your|ya)\b/i;
/** Someone is asked about: the addressee, a third person, or the whole table. */
const ABOUT_SOMEONE =
  /你|您|妳|他|她|qperson|谁|大家|各位|\b(?:you|u|ur|your|he|she|him|her|who|anyone|anybody|everyone|everybody)\b/i;
const EN_YOU = '(?:you|u|ya)';
const WHERE_ASKED =
  /(?:你|您)(?:人)?(?:到底|究竟)?(?:在|去)(?:哪|那里)|\bwhere (?:were|was|did) (?:you|u)\b/i;
const CRIME_ZH = '(?:杀|害|下毒|下的毒|投毒|干的|做的|动的手|下的手|倒的|放的毒|砸的|推的|害死|毒死|砸死)';

/**
 * Rules in order of precedence within one clause: the first that matches gives the clause its act. A line
 * with two acts gets them from two clauses.
 */
const RULES: Rule[] = [
  {
    act: 'offtopic',
    zh: /^(?:qperson[,，\s]*)?(?:大家好|各位好|你们好|幸会|请多指教|多多指教|我先去|等我一下|稍等|我去趟|哈哈+$|嘿嘿|好玩|有意思$|开始吧|准备好了)|上个?厕所|倒(?:杯|点)?(?:热|开)?水|马上回|去去就回/,
    en: /^(?:qperson[,\s]*)?(?:hi|hello|hey all|hey everyone|good evening|nice to meet|pleased to meet|i'?ll (?:get|grab|go) (?:a|some|to the)|brb|be right back|give me (?:a|two|a few) (?:sec|second|minute)|lol|haha|this is fun|let'?s (?:start|begin)|ready when)/i,
  },
  {
    act: 'suspect',
    zh: new RegExp(
      `(?:怀疑|觉得|认为|看|猜|估计|判断|想|心里).{0,6}(?:谁|哪个|哪位|哪一个|那个)(?![人东西])|谁.{0,3}(?:是|才是|像|最像|最可疑|可疑|嫌疑|脱不了).{0,3}(?:凶手|犯人)?|(?:凶手|犯人|真凶).{0,4}(?:是|会是|到底是|究竟是).{0,2}谁|(?:是)?谁.{0,6}${CRIME_ZH}|嫌疑(?:最大|人是谁)|票投给谁|投谁|倾向(?:于)?谁|(?:倾向|怀疑)(?:哪个|哪位)|怀疑的人|你的怀疑|怀疑对象|最怀疑|最可疑的是|心里有数|哪(?:一|几)?个.{0,4}(?:是凶手|干的|下的手)`,
    ),
    en: new RegExp(
      `\\bwho\\b.{0,30}\\b(?:suspect|killer|murderer|culprit|did (?:it|this|that)|do (?:it|this|that)|killed|murdered|poisoned|tampered|spiked|drugged|hit|struck|harmed|hurt|responsible|behind (?:it|this)|guilt|vote|blame)|\\bwhom?\\b.{0,20}\\b${EN_YOU} (?:suspect|think|reckon|believe|bet|vote)|\\b(?:your|ur) (?:main |prime |top |number one )?suspects?\\b|\\bsuspect (?:anyone|anybody|someone)\\b|\\bany suspects?\\b|\\bwho(?:'?s| is| was) (?:it|your (?:pick|money|bet|guess))\\b|\\bwho (?:do|did|would|should) (?:${EN_YOU}|we) (?:think|suspect|vote|blame)|\\bwhich (?:one )?of (?:them|us|you|the \\w+) (?:was it|did it|is it|do you)|\\bwho looks\\b|\\bwho (?:is|are) (?:every(?:one|body)|you|u|we|people) leaning\\b|\\bleaning towards?\\b|\\bwho\\b.{0,40}\\b(?:reason|motive) to (?:kill|harm|hurt|poison|want)|\\bmost suspicious\\b|\\bwho could have (?:done|killed|poisoned|hit)|\\b(?:anyone|anybody) (?:have|got) a theory|\\bwho (?:do|did) (?:we|you|u) (?:all )?(?:think|suspect|reckon)`,
      'i',
    ),
  },
  {
    act: 'accuse',
    zh: new RegExp(
      `(?:是${YOU_ZH}|就是${YOU_ZH}|${YOU_ZH}就是|是不是${YOU_ZH}|${YOU_ZH}是不是).{0,8}${CRIME_ZH}|${YOU_ZH}(?:杀|害死|害了|毒死|下毒|下的毒|投毒|砸死|砸)|(?:${YOU_ZH}|他|她|qperson).{0,6}(?:撒谎|说谎|骗人|在骗|骗我们|没说实话|说假话|编的|瞎编|隐瞒|在装|装什么|演戏|有鬼|嘴硬)|(?:凶手|犯人|真凶).{0,3}(?:就|一定|肯定|八成|多半)?是.{0,2}(?:qperson|${YOU_ZH}|他|她)|(?:更|最)(?:可疑|有嫌疑)的(?:是|就是|还是)(?:qperson|${YOU_ZH}|他|她)|qperson(?:(?!什么|有没有|是不是).){0,8}(?:干的|杀的|下的毒|下毒|是凶手|害的|嫌疑最大|最可疑|动的手|不对劲|脱不了干系)|(?:我|我们)(?:(?!不|没).){0,4}(?:怀疑|认定|觉得|认为|看|猜|赌)(?:(?!不).){0,4}(?:就是|是)?(?:qperson|${YOU_ZH}|他|她)(?!.{0,4}(?:在哪|说什么|怎么说|说的))|(?:说不定|八成|肯定|一定|多半|准是|分明|明明)(?:就)?是?(?:qperson|${YOU_ZH})|是${YOU_ZH}吧|是${YOU_ZH}吗|就是${YOU_ZH}|${YOU_ZH}(?:才是|就是)凶手|别装了|还装|老实交代|承认吧|认了吧|${YOU_ZH}还(?:说|敢说|想|要)(?:狡辩|抵赖|.{0,6}没关系|不是${YOU_ZH})|(?<!那)是不是${YOU_ZH}[\\s?？!！。吧呢啊]*$|${YOU_ZH}(?:害|杀)了(?:她|他)|${YOU_ZH}(?:还|敢)说|是${YOU_ZH}.{1,3}的吧(?![?？])|${YOU_ZH}根本(?:没|不)`,
    ),
    en: new RegExp(
      `\\b(?:${EN_YOU}|he|she|qperson)(?:'re|'s| are| is| was| were)? (?:the )?(?:killer|murderer|culprit|poisoner|liar|guilty)|\\b(?:${EN_YOU}|he|she|qperson)(?:'re|'s| are| is| was| were) lying(?! (?:down|in|on|there|around|asleep|awake|about in))|\\b(?:${EN_YOU}|he|she|qperson) (?:killed|murdered|poisoned|hurt|harmed|did it|did this|lied|(?:are|is|was|'re|'s) lying(?! (?:down|in|on|there|around|asleep|awake|about in))|made (?:it|that) up|are hiding|is hiding|must have done|had something to do with)|\\bit(?:'s| is| was|s) (?:you|u|qperson|him|her)\\b|\\bit (?:must have been|has to be|had to be) (?:${EN_YOU}|qperson|him|her)\\b|qperson did it|\\bi (?:think|bet|suspect|reckon|believe|say|know|tell (?:${EN_YOU}|you all))\\b.{0,12}(?:qperson|\\b${EN_YOU}\\b)(?! (?:were|was|saw|said|went|heard|are right|right)\\b)|\\bwas it (?:${EN_YOU})\\b|\\bdid (?:${EN_YOU}) (?:kill|poison|murder|do it|do this|put|tamper|spike)|\\bliar\\b|\\bstop (?:lying|pretending|saying)\\b|\\bconfess\\b|\\badmit it\\b|\\b${EN_YOU}(?:'re| are) hiding something|\\bthe (?:killer|culprit|murderer) (?:is|was) qperson|\\bmy (?:money|bet|vote) is on qperson|\\band ${EN_YOU} (?:say|claim|expect|still say)|\\bit was ${EN_YOU}\\b|\\bits (?:him|her|qperson)\\b|\\b(?:took|stole|hid) it (?:off|from)?\\s*(?:him|her)?,? didn'?t ${EN_YOU}|\\bdidn'?t ${EN_YOU}\\s*[?!.]*$|\\bdon'?t tell me ${EN_YOU}|\\b${EN_YOU} said ${EN_YOU} never|\\b(?:honestly|really) say ${EN_YOU} had nothing|\\bhad nothing to do with (?:it|this)\\?`,
      'i',
    ),
  },
  {
    act: 'saw',
    zh: /看(?:到|见|着|清)|听(?:到|见|着|清|得出|出)|认(?:得出|出)|瞧见|瞅见|注意到|发觉|察觉|动静|声响|响动|(?:什么|啥)声音|有没有(?:人|谁|别人)|(?:还有|有)(?:别人|谁)(?:在|进|出)|有(?:人|谁)(?:进|出|去|来|经过|走)(?:过)?.{0,6}(?:吗|么|没有|没)|撞见|碰见|遇到|遇见|见过|见到|(?:脸色|神色|样子|表情|状态)(?:怎么样|如何|怎样)|(?:说了|说过)(?:什么|啥)|有什么不对劲|不对劲的地方/,
    en: /\b(?:did|have|had|do) (?:you|u) (?:\w+ )?(?:see|hear|notice|spot|witness|catch|meet|run into|smell)|\b(?:see|hear|notice|saw|heard|noticed)\b.{0,20}\b(?:anything|anyone|anybody|something|someone|somebody|noise|sound)|\b(?:anyone|anybody|someone|somebody) (?:go|come|enter|leave|pass|walk|sneak)|\bany (?:noise|sound|noises|sounds)\b|\bwhat did (?:you|u) (?:see|hear|notice)|\bwho did (?:you|u) see|(?<!\bto )\bsee (?:him|her|them|qperson)\b|\bhow did (?:she|he|qperson) (?:look|seem|sound)|\bwhat did (?:she|he|qperson) (?:look like|say|seem)|\bdid (?:she|he|qperson) say (?:anything|something)|\bwhat was (?:she|he|qperson) like/i,
    // Where "you" were is the question even with a sound in it: 听到喊人那会你人在哪里.
    needs: (f) =>
      (isQuestion(f.marked) || /(?:没|吗|么)[\s。]*$/.test(f.marked)) && !WHERE_ASKED.test(f.marked),
  },
  {
    act: 'relation',
    zh: new RegExp(
      `关系|恨|仇|矛盾|过节|恩怨|感情|喜欢|(?:爱|恋)(?:她|他|qperson)|动机|为什么(?:要)?(?:杀|害)|(?:${YOU_ZH}|你们|qperson).{0,12}(?:吵|闹|争)(?:架|了|什么|啥|起来|的)|(?:吵|闹)(?:什么|啥)|不和|交情|(?:认识|熟)(?:她|他|qperson)|怎么(?:认识|看待|评价)|(?:对|跟|和|与)(?:她|他|qperson).{0,6}(?:怎么样|如何|什么看法|好不好|熟)|得罪|结怨|欠(?:钱|债|她|他)|什么人|是你什么|跟你什么|和你什么|有仇|巴掌|扇|(?:情人|爱人|未婚|老相好|私生|初恋|旧情)|(?:怨|恨|气|嫉妒|记恨|不满|不服|生气|恼)(?:不怨|不恨|不气)?(?:她|他|qperson|${YOU_ZH}|过)|不开心|不愉快|不痛快|你们(?:俩|两个|之间).{0,10}(?:什么|啥|事)|当年.{0,8}(?:什么|啥)事|为(?:什么|啥)(?:和|跟)(?:她|他|qperson)|图(?:她|他)的|(?:为了|图)(?:钱|遗产|家产|产业)|(?:嫁|娶).{0,6}(?:图|为了)|(?:什么|啥)态度|撕破脸|翻脸|闹翻|交情|真愿意|心里(?:真)?(?:愿意|服气|甘心)`,
    ),
    en: new RegExp(
      `\\brelationship|\\brelations? with|\\bhated?\\b|\\bgrudge|\\bmotive|\\bfeel about|\\bthink of (?:him|her|qperson)\\b|\\bget (?:along|on) with|\\bquarrel|(?<!\\b(?:us|we|of us)\\s)\\bargu(?:e|ed|ing|ment)|\\bfight(?:ing)? (?:with|about|over)|\\bfought|\\bloved?\\b|\\bclose to (?:him|her|qperson)|\\bhow (?:did|do|well did|well do) (?:you|u) know|\\bwhat (?:was|is) (?:she|he|qperson) to (?:you|u)|\\bwhy would (?:you|u|he|she|qperson) (?:kill|want|hurt)|\\bbad blood|\\bowe[ds]?\\b|\\bin love|\\bhistory with|\\bfalling out|\\bslap|\\bengaged|\\baffair\\b|\\bwhat(?:'s| is| was|s) (?:going on )?between|\\bconnection (?:to|with)|\\bknow (?:her|him|qperson) (?:before|well|long)|\\bfriends? with|\\benem(?:y|ies)\\b|\\bresent|\\bangry (?:with|at)|\\bjealous|\\bupset with|\\bblame (?:her|him)|\\breal story|\\bmarried|\\bat war|\\bfor the (?:money|property|inheritance|estate)|\\bok with (?:him|her)|\\bwhat (?:did|do) (?:you|u) (?:have|hold) against`,
      'i',
    ),
    needs: (f) =>
      isQuestion(f.marked) ||
      (SECOND_PERSON.test(f.marked) && !/^(?:qperson[,，\s]*)?(?:我|i\b)/i.test(f.marked)),
  },
  {
    act: 'where',
    zh: new RegExp(
      `(?:在|去|跑|待|呆|躲|到)(?:了)?(?:哪|那里了|那儿了|哪儿|哪里|何处|啥地方|什么地方)|去(?:那|哪)(?:了|儿|里)?(?:[\\s?？。]|$)|(?:在|去)(?:干|做|搞)(?:嘛|吗|什么|啥|些什么)|干(?:什么|啥|嘛)去了|(?:在|都在|一直在)(?:干|做)|不在场|(?:谁|有人|有谁)?(?:能|可以)?(?:证明|作证|给你作证|帮你作证|为你作证|证实)|(?:一直|始终|真的|确实|全程|都|整个)(?:都)?(?:在|再|待在|呆在|没离开|没出).{0,10}(?:吗|[?？]|么|吧|啊|呀|$)|${YOU_ZH}.{0,10}(?:去过|进过|到过|离开过|出去过|回过|去了|进了|出过|来过|离开|出去|回去|回来).{0,12}(?:吗|没有|没|[?？]|么|吧|$)|(?:时|时候|那会儿|那会|期间|前后|之间|那段时间|那阵|以后|之后|以前|之前)[,，]?\\s*${YOU_ZH}?(?:人)?.{0,4}(?:在|呢|干|做)|(?:案发|出事|停电|中场|那时|当时|那会儿|那会).{0,6}${YOU_ZH}.{0,4}(?:在|呢|干|做)|${YOU_ZH}.{0,8}qtime.{0,8}(?:在|再|呢|干|做|去|进|出|走|回)|qtime.{0,8}${YOU_ZH}.{0,8}(?:在|再|呢|干|做|去|进|出|走|回)|${YOU_ZH}.{0,4}(?:在|去|进|到)(?:没在|不在)?.{0,4}qplace.{0,6}(?:吗|么|吧|[?？]|没|呢)|行踪|去向|动向|qtime.{0,12}谁.{0,6}(?:不在|在|离开|出去|进|出|走)|${YOU_ZH}那会(?:儿)?(?:到底)?在|那(?:个人)?是不是${YOU_ZH}|${YOU_ZH}.{0,8}(?:去|进|出|到|回)[没不](?:去|进|出|到|回)`,
    ),
    en: new RegExp(
      `\\bwhere\\b.{0,12}\\b(?:were|was|did|have|had|are|r|is) (?:${EN_YOU}|he|she|qperson)\\b|\\bwhere (?:${EN_YOU}|he|she) (?:were|was|went|go|cut|got)|\\bwhat (?:were|was) (?:${EN_YOU}|he|she|qperson) (?:doing|up to)|\\balibi|\\bvouch|\\bwhereabouts|\\bconfirm\\b|\\bback (?:${EN_YOU}|that) up|\\bwitness(?:es)?\\b|\\b(?:were|was) (?:${EN_YOU}|he|she|qperson) (?:\\w+ )?(?:in|at|on|near|inside|outside|out|there|with|back|around|alone|by|up|down|next to|still)\\b|\\bdid (?:${EN_YOU}) (?:\\w+ )?(?:go|leave|enter|stay|come|step|return|walk|head|pass|sneak|slip|run|visit|set foot|get to|get back|go back)\\b|\\bhave (?:${EN_YOU}) (?:ever )?(?:been|gone|set foot) (?:in|to|at|into|near)|\\bwhat about (?:at |around |between |after |before )?qtime|\\bwhat did (?:${EN_YOU}) do (?:at|around|between|after|before|during|when|from)|\\baccount for\\b|\\bwho (?:was|were|left|went|stayed|came|was not|wasn'?t)\\b.{0,30}qtime|qtime.{0,30}\\bwho (?:was|were|left|went|stayed|came)\\b|\\bthe whole (?:time|interval|evening|night)\\b|\\b${EN_YOU} were (?:in|at|on|up|out)\\b.{0,40}(?:right|alone|weren'?t ${EN_YOU})\\s*$|\\bwas that (?:${EN_YOU})\\b`,
      'i',
    ),
    question: true,
    // Someone's whereabouts, not a thing's: "德叔，那包鼠药都用到哪儿去了" asks where the poison went.
    needs: (f) =>
      ABOUT_SOMEONE.test(f.marked) &&
      !(f.clues > 0 && !ABOUT_SOMEONE.test(f.marked.replace(/^\s*qperson[,，\s]*/, ''))),
  },
  {
    act: 'share',
    zh: /(?:搜|找|查|翻|拿)(?:到|出)(?:了)?(?:什么|啥|哪些|些什么|些啥|东西|线索)|有(?:什么|啥|没有)(?:线索|发现|收获|新发现|进展)|(?:发现|知道)(?:了)?(?:什么|啥|些什么)(?:线索|东西|情况)?|分享|说说(?:你的|你们的|看|你知道的|你那)|(?:都|全)说出来|(?:公开|亮|拿出|摆出)(?:来)?(?:一下)?(?:你的)?(?:线索|手里|东西)?|摆出来|交代(?:一下)?(?:你的)?(?:线索|情况)|还知道(?:什么|些什么|啥)|还有(?:什么|啥|没)(?:要|想|没)?(?:说|讲|补充)|有什么(?:要|想)(?:说|讲)|你(?:手上|手里)(?:有|还有)|藏着(?:什么|线索)|(?:你的)?线索(?:呢|是什么|给大家)|谁(?:去)?(?:搜|查)(?:了|过|的)|(?:搜|找|翻)着(?:了)?(?:什么|啥)|(?:给|让)(?:大家|我们|咱们)(?:都)?(?:看看|瞧瞧|看一下|过目)|搜(?:过)?了(?:吗|没)|(?:搜|翻|查)过.{0,8}(?:没|吗)|(?:你|您)知道的.{0,4}(?:都|全)?说/,
    en: /\bwhat did (?:you|u|they) find|\bfind anything|\bfound anything|\bany (?:clues?|leads?|findings|news)\b|\bwhat clues?\b|\bshare\b|\bwhat (?:else )?do (?:you|u) know|\btell us (?:what|everything|more|anything)|\banything (?:to add|new|else)\b|\bwhat have (?:you|u) got|\bwhat(?:'s| is) on your card|\bshow us|\bso (?:we|everyone) can (?:all )?see\b|\bwhat did (?:you|u) (?:dig up|turn up|get)|\bwhat(?:'d| did)? (?:you|u)? ?turn(?:ed)? up|\bhiding any|\bholding (?:back|anything)|\bpublish|\bput it on the table|\bput (?:what|everything) .{0,20}on the table|\bshow (?:them|it|that|those) to (?:everyone|us|the table|all)|\btell us what|\bjust say it\b|\bwho searched|\bsearch(?:ed)? (?:the )?qplace (?:yet)?|\bdid anyone search|\beverything (?:you|u) found|\btell us everything/i,
  },
  {
    act: 'about',
    zh: /(?:怎么|如何)(?:解释|回事|说)|咋回事|什么意思|是(?:什么|啥)东西|是个啥|到底是(?:什么|啥)|(?:是|归)(?:谁|哪个)的|谁的|为(?:什么|啥)(?:会)?(?:在|有|是|出现|掉|放|少|缺)|哪(?:来|儿来|里来)的|从哪(?:来|儿来|里来)|干(?:什么|啥)用|用来(?:干|做)|有什么(?:说法|解释|想法|问题|看法)|说明(?:了)?(?:什么|啥)|看出(?:什么|啥)|怎么来的|怎么会|怎么跑到|(?:谁|有谁)(?:会|能|常|平时)(?:去|进|用|碰|拿)|(?:谁|有谁)(?:写|放|留|丢|扔|藏|拿|撕|买|用)(?:的|了|过)|什么(?:来头|名堂)|(?:念|读)一下|写(?:的|了)(?:什么|啥)/,
    en: /\bwhat do (?:you|u) make of|\bexplain\b|\bwhat about (?:the|that|this|those|your)\b|\bwhat(?:'s| is| was|s) (?:the deal|up with|with the|that|this)\b|\bwhose\b|\bwhy (?:was|is|were|would|did|does) (?:the|that|this|there|a|an|your|his|her)\b|\bhow (?:did|do|come|could|does) (?:the|that|this|a|an|your|his|her|it)\b|\bwhat does .{0,40}\bmean|\bwhat does (?:it|that|this|the) .{0,40}(?:say|show|tell|prove)|\bwhere did (?:the|that|this|it) .{0,20}come from|\bwho(?:'s been| has been)? (?:put|left|wrote|owns|bought|tore|dropped|used|using|brought|hid)\b|\btell (?:me|us) about|\bthoughts on|\bwho (?:goes|went|uses|can get) (?:in|into|to)|\bwhat(?:'s| is) (?:in|inside|on)\b|\bread (?:it|that|out)/i,
  },
  {
    act: 'disagree',
    zh: /^(?:qperson)?(?:[,，\s]*)(?:不对|不是|胡说|瞎说|乱说|放屁|没有的事|你错了|错了|不可能|扯|怎么可能|才不是|我没有|我不是|别血口喷人|冤枉|血口喷人|你少|少来|别瞎|别乱|不会吧|哪有|并没有|没这回事|不是我)|不对吧|不是这样|对不上|说不通|不成立|站不住|不合理|不能说明|证明不了|说明不了|不代表|乱讲|冤枉|别诬陷|诬陷|不信|我不同意|恐怕不是|(?:听|看|记|搞|弄)(?:错|岔)了?|(?:这话|说的|讲的)不对|(?:你|您)?别(?:乱说|瞎说|胡说|乱讲|瞎编|编了|血口喷人)|扯不上|往.{0,6}上扯|别把|(?:我|我们)?(?:并)?不(?:觉得|认为|相信|信)(?:会)?是(?:qperson|他|她)|(?:我)?看不是(?:qperson|他|她)/,
    en: /^(?:qperson)?(?:\W*)(?:no\b|nope|not true|that'?s not true|that'?s wrong|wrong\b|nonsense|rubbish|no way|that'?s a lie|that'?s not|not me|hold on|wait,? no|nah|bull)|\bnothing to do with (?:anyone|her|his|him|the)|\bdoesn'?t add up|\bcan'?t be\b|\bcouldn'?t have|\bthat'?s not (?:what|how|true|right)|\bdoesn'?t prove|\bproves nothing|\bi disagree|\bdon'?t buy|\bnot so fast|\bthat doesn'?t mean|\bdoesn'?t mean|\bdon'?t agree|\bthat'?s not right|\bbeing framed|\bframing me|\b(?:${EN_YOU}|${EN_YOU}'re|${EN_YOU} are|ur) wrong\b|\bmust have misheard|\b(?:heard|got|remember(?:ed)?) (?:it|that|this) wrong\b|\bdon'?t make (?:stuff|things|it|that) up\b|\bmisheard|\bmistaken/i,
  },
  {
    act: 'agree',
    zh: /^(?:qperson)?(?:[,，\s]*)(?:对对|对啊|对呀|对的|对，|对,|对$|是的|是啊|没错|同意|赞同|确实|有道理|我也(?:这么|是这么)?(?:觉得|认为|想|是)|就是就是|嗯嗯|\+1|说得对|正是|可不是|我支持|附议|我赞成|我同意|讲得好|这么说来|这样说的话|对上了|能对上|吻合)|(?:你|您)?说得(?:对|在理|有道理|没错)|(?:这话|说的|讲的)没错/,
    en: /^(?:qperson)?(?:\W*)(?:yes\b|yeah|yep|yup|right\b|exactly|agreed|i agree|true\b|good point|makes sense|same\b|\+1|absolutely|indeed|that'?s right|that matches|fair\b|fair enough|totally|i'?m with|i think so too|me too|that fits|that checks out|good catch)|\b(?:you'?re|ur|you are) (?:right|correct)\b/i,
    question: false,
  },
  {
    act: 'claim',
    zh: /(?:^|[^你他她])(?:我|俺|本人)(?!.{0,2}(?:觉得|认为|怀疑|猜|看你|想|估计|相信|同意|赞同|建议|提议|们|问|说你|告诉你))(?:.{0,14})(?:在|去|到|回|进|出|看(?:到|见)|听(?:到|见)|待|呆|坐|站|守|拉|唱|演|泡|送|拿|端|放|离开|没(?:去|进|出|离开|看|听|碰|动|见|有)|从没|从来没|一直|整晚|碰到|遇到|见过|撞见|下场|上台|抽|喝|买|找|搜|走|跑|关|开|锁|写|换|洗|煮|烧|睡|等|陪|扶|叫|喊|撕)/,
    en: /\b(?:i|i've|i'd)\b(?! (?:think|thought|suspect|bet|believe|reckon|guess|wonder|agree|disagree|want|would like|say|mean|feel|know who|tell))(?:\s+\w+){0,4}?\s+(?:was|went|stayed|saw|heard|left|came|walked|spent|sat|stood|never|didn'?t|did not|did (?:go|get|come|leave|stay|see|hear|try)|have been|had been|got|brought|took|played|ran|watched|found|searched|smoked|waited|carried|made|brewed|bought|met|noticed|remember|wasn'?t|haven'?t|set|put|kept|closed|opened|locked|wrote|tore|changed|slept|called|helped|\w+ed)\b|^(?:\W*)(?:i'm|i am) (?:not|sure|certain)\b|^(?:\W*)(?:went|came|stayed|got back|left|sat|stood|walked) (?:to|in|back|out|at|there|home|up|down)\b/i,
    question: false,
  },
];

const CASE_WORDS =
  /凶手|死者|毒|杀|线索|证据|时间|案发|不在场|嫌疑|可疑|矛盾|对不上|动机|伤|血|脚印|指纹|证明|推理|说明|所以|因为|看来|应该|肯定|一定|可能|也许|恐怕|\b(?:killer|victim|poison|murder|clue|evidence|alibi|suspect|motive|blood|footprint|because|so|must|probably|maybe|means|proves|shows|suggests|seems|looks like)\b/i;

/** The act a clause's own words give it (a pattern matched), or null: only the fallback can say. */
export function clauseAct(clause: string, facts: ClauseFacts): DialogueAct | null {
  const text = facts.marked;
  const question = isQuestion(text);
  const zh = /[\u3400-\u9fff]/.test(clause);
  for (const r of RULES) {
    if (r.question !== undefined && r.question !== question) continue;
    if (r.needs && !r.needs(facts)) continue;
    const re = zh ? r.zh : r.en;
    const other = zh ? r.en : r.zh;
    if ((re && re.test(text)) || (other && zh && other.test(text))) return r.act;
  }
  return null;
}

/** The act of a line no pattern read: by what it names and whether it asks. */
export function fallbackAct(
  text: string,
  question: boolean,
  facts: Omit<ClauseFacts, 'marked'>,
): DialogueAct {
  if (question) {
    if (facts.times > 0 && /你|您|\byou\b|\bu\b/i.test(text)) return 'where';
    if (facts.clues + facts.places > 0) return 'about';
    if (facts.people > 0) return 'relation';
    if (CASE_WORDS.test(text)) return 'about';
    return 'offtopic';
  }
  if (facts.clues + facts.places + facts.times + facts.people > 0 || CASE_WORDS.test(text)) return 'inform';
  return 'offtopic';
}

/** Splits an utterance into clauses: at sentence ends, and where a second question starts. */
export function clauses(text: string): string[] {
  const parts = text
    .split(
      /(?<=[?？。！!；;])|(?<=[a-z0-9'")][.!?])\s+|\n+|(?<=[\u3400-\u9fff])\s{1,3}(?=[\u3400-\u9fff\d])|(?<=[\u3400-\u9fff])[,，]\s*(?=(?:还有|另外|那|再|而且|顺便|以及)?(?:你|您)?(?:看到|看见|听到|听见|有没有|有什么|觉得|怀疑|跟|和|为什么|怎么|是不是|搜到|知道))|,?\s+(?:and|also|plus|oh and|&)\s+(?=(?:where|what|who|did|do|were|have|why|how|whose|are|is)\b)|(?<=[a-z0-9'])(?<!\b(?:who|what|where|why|how|which|when|whom|whose|and|so|then|but|or|ok|okay|well|hey|oh|wait|us|me|tell|know|knows|ask|asked|wonder|see|saw|hear|heard|about|explain|remember|sure|say|said|idea|is|was|matter|care|mind))(?<!\b(?:what|which|whose|how)\s+[a-z]+)\s+(?=(?:where|what|who|did|do|were|have|why|how|whose|was it|is it|was that|is that|can|could)\s+(?:you|u|do|did|is|was|were|about|the|that|this|he|she|anyone|it)\b)|(?<=[a-z0-9'])\s+(?=i (?:never|didn'?t|was|saw|heard|went|think|bet|tell|did|do|stayed|left|sat|had|have|am)\b)|(?<=(?:不是这样的?|不对|胡说|瞎说|乱讲|不可能|没有的事|对|没错|是的|是啊|对啊)[,，])\s*(?=我)/i,
    )
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
  return parts.length > 0 ? parts : [text];
}
