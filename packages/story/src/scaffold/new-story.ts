/**
 * The files of a new story: small but complete, so `jubensha story validate` passes on it from the first
 * minute and the author edits a working mystery rather than an empty form. Comments say what each part is for.
 */
export function newStoryFiles(
  id: string,
  schemas: { story: string; character: string },
): Record<string, string> {
  // Editors cannot map a schema onto front-matter inside Markdown, so the character files name theirs in a comment.
  const schemaNote = `# schema (for your editor, copy the YAML into a .yaml file to use it): ${schemas.character}\n`;
  return {
    'story.yaml': storyYaml(id, schemas.story),
    'characters/host.md': HOST.replace('---\n', `---\n${schemaNote}`),
    'characters/guest.md': GUEST.replace('---\n', `---\n${schemaNote}`),
    'characters/maid.md': MAID.replace('---\n', `---\n${schemaNote}`),
    'debrief.md': DEBRIEF,
  };
}

const storyYaml = (id: string, schemaUrl: string) => `# yaml-language-server: $schema=${schemaUrl}
# A new story. Run \`npx jubensha story validate <this folder>\` after every change.
id: ${id} # must equal the folder name
languages: [en, zh] # every text needs each of these
title: { en: The Last Letter, zh: 最后一封信 }
blurb: { en: A letter burns; a man dies., zh: 一封信烧掉了，一个人死了。 }
genre: honkaku
durationMinutes: 60
premise: # public: every seat knows this before act 1
  en: The host was found dead in the library after dinner; the fire was still warm.
  zh: 晚饭后，主人被发现死在书房里，壁炉还是温的。
characters: # public profiles; the private part is characters/<id>.md
  - id: host
    name: { en: Mr Lin, zh: 林先生 }
    profile: { en: "The host's brother, who stays for the weekend.", zh: 主人的弟弟，来过周末。 }
  - id: guest
    name: { en: Ms Zhao, zh: 赵女士 }
    profile: { en: An old friend of the family., zh: 这家人的老朋友。 }
  - id: maid
    name: { en: Xiao Mei, zh: 小梅 }
    profile: { en: The maid who served dinner., zh: 上晚饭的女佣。 }
locations:
  - id: library
    name: { en: The library, zh: 书房 }
  - id: kitchen
    name: { en: The kitchen, zh: 厨房 }
clues: # (act, round) is the first search round that can find the clue
  - id: ashes
    location: library
    act: 1
    round: 1
    kind: key
    title: { en: Ashes in the fireplace, zh: 壁炉里的灰烬 }
    text: { en: A half-burnt letter signed "your brother"., zh: 半张烧焦的信，署名"你的弟弟"。 }
    pointsTo:
      - { character: host, weight: 0.6 }
  - id: glove
    location: library
    act: 1
    round: 1
    kind: key
    title: { en: A leather glove, zh: 皮手套 }
    text: { en: "A man's glove, smelling of lamp oil.", zh: 一只男式手套，有灯油味。 }
    pointsTo:
      - { character: host, weight: 0.5 }
  - id: apron
    location: kitchen
    act: 1
    round: 1
    kind: red-herring
    title: { en: A stained apron, zh: 污渍围裙 }
    text: { en: "Red stains, which turn out to be wine.", zh: 红色污渍，原来是葡萄酒。 }
    pointsTo:
      - { character: maid, weight: 0.3 }
  - id: ledger
    location: library
    act: 2
    round: 1
    kind: key
    title: { en: The ledger, zh: 账本 }
    text: { en: 'The brother owes the estate a fortune, due Monday.', zh: 弟弟欠下巨款，周一到期。 }
    pointsTo:
      - { character: host, weight: 0.7 }
    contradicts:
      - { character: host, claim: no-debts }
  - id: train-ticket
    location: kitchen
    act: 2
    round: 1
    kind: key
    title: { en: An unused train ticket, zh: 未用的火车票 }
    text: { en: "The brother's ticket home, for the 20:00 train he never took.", zh: 弟弟20点的回程车票，他没有上车。 }
    hiddenUntil: { found: [ledger] }
    pointsTo:
      - { character: host, weight: 0.5 }
      - { character: guest, weight: -0.2 }
timeline: # what really happened; never shown before the reveal
  - { at: '19:00', until: '20:00', who: [host, guest, maid], location: library, what: { en: Dinner., zh: 晚饭。 } }
  - { at: '20:10', who: [host], location: library, what: { en: The brother strikes., zh: 弟弟动手。 } }
  - { at: '20:10', until: '20:40', who: [maid], location: kitchen, what: { en: The maid washes up., zh: 女佣洗碗。 } }
culprits: [host]
truth:
  en: The brother killed the host to stop him calling in a debt, and burnt the letter that proved it.
  zh: 弟弟为了躲债杀了主人，又烧掉了能证明这一切的信。
phases:
  - { kind: read, act: 1 }
  - { kind: intro }
  - { kind: search, round: 1, actionPoints: 2 }
  - { kind: discuss, mode: public, minutes: 10 }
  - { kind: read, act: 2 }
  - { kind: search, round: 1, actionPoints: 2 }
  - { kind: discuss, mode: private, minutes: 5 }
  - { kind: statement, minutes: 2 }
  - { kind: vote }
  - { kind: reveal }
  - { kind: debrief }
endings: # tried in order; the last has no conditions
  - id: solved
    when: { mostVoted: culprit }
    title: { en: Solved, zh: 真相大白 }
    text: { en: The brother confesses., zh: 弟弟认罪了。 }
  - id: unsolved
    title: { en: Unsolved, zh: 悬案 }
    text: { en: The brother takes the morning train., zh: 弟弟坐早班车走了。 }
evidenceRoutes: # two routes that share no key clue, each pointing at the culprit
  - id: the-fire
    clues: [ashes, glove]
  - id: the-debt
    clues: [ledger, train-ticket]
`;

const HOST = `---
voice: { en: Calm and a little too helpful., zh: 冷静，热心得有点过分。 }
secrets:
  - id: debt
    text: { en: You killed your brother over a debt and burnt his letter., zh: 你为了债务杀了哥哥，还烧了他的信。 }
    mustNotReveal: { en: [burnt his letter], zh: [烧了他的信] }
goals:
  - id: escape
    act: 1
    points: 10
    text: { en: Do not get the most votes., zh: 不要得到最多票。 }
    check: { kind: notMostVoted }
lines:
  - intent: intro
    text: { en: I came for a quiet weekend with my brother., zh: 我只是来和哥哥过个安静的周末。 }
cover: # only a character with a cover story may lie, and only with these claims
  claims:
    - id: no-debts
      protects: debt
      text: { en: My business is doing well; I owe nobody., zh: 我生意很好，不欠任何人钱。 }
---

## Act 1

You are the host's younger brother. After dinner you went back to the library and argued about money.

## 第一幕

你是主人的弟弟。晚饭后你回到书房，和哥哥为钱争吵。

## Act 2

They are asking about the train. Say you missed it because of the rain.

## 第二幕

他们在问火车的事。就说下雨误了车。
`;

const GUEST = `---
secrets:
  - id: loan
    text: { en: The host lent you money years ago., zh: 多年前主人借过你钱。 }
    mustNotReveal: { en: [lent me money], zh: [借过我钱] }
goals:
  - id: justice
    act: 1
    points: 10
    text: { en: Vote for the killer., zh: 投出凶手。 }
    check: { kind: votedCulprit }
---

## Act 1

You are an old friend of the family. You left the library at eight and read in your room.

## 第一幕

你是这家人的老朋友。八点你离开书房，回房间看书。

## Act 2

You heard raised voices from the library just after eight.

## 第二幕

八点刚过，你听到书房里有人争吵。
`;

const MAID = `---
secrets:
  - id: wine
    text: { en: You drank some of the host's wine., zh: 你偷喝了主人的酒。 }
    mustNotReveal: { en: [drank the wine], zh: [偷喝了酒] }
goals:
  - id: keep-job
    act: 1
    points: 10
    text: { en: Do not get the most votes., zh: 不要得到最多票。 }
    check: { kind: notMostVoted }
---

## Act 1

You are the maid. After dinner you washed up in the kitchen until twenty to nine.

## 第一幕

你是女佣。晚饭后你在厨房洗碗，一直到八点四十。

## Act 2

You saw the brother's coat by the library door, still wet.

## 第二幕

你看到弟弟的外套挂在书房门口，还是湿的。
`;

const DEBRIEF = `# Debrief

## English

The brother owed the host a fortune. After dinner he killed him in the library and burnt the letter that
called in the debt; the glove and the unused ticket give him away.

## 中文

弟弟欠哥哥一大笔钱。晚饭后他在书房杀了哥哥，烧掉了催债的信；手套和没用的车票暴露了他。
`;
