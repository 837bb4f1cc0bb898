import { z } from 'zod';
import type { LocalizedText } from './common.js';

/**
 * The closed list of errors a command can get. Every code has a message in each UI language;
 * clients show `message`, code handles `code`.
 */
export const ERROR_MESSAGES = {
  BAD_PAYLOAD: { zh: '指令格式不正确。', en: 'The command is malformed.' },
  WRONG_PHASE: { zh: '当前阶段不能这样做。', en: 'That is not possible in the current phase.' },
  NOT_YOUR_SEAT: { zh: '这不是你的座位能做的事。', en: 'Your seat cannot do that.' },
  NOT_YOUR_TURN: { zh: '还没轮到你发言。', en: 'It is not your turn to speak.' },
  NOT_HOST: { zh: '只有主持人可以这样做。', en: 'Only the host can do that.' },
  NOT_A_SEAT: { zh: '只有入座的玩家可以这样做。', en: 'Only a seated player can do that.' },
  NOT_SYSTEM: {
    zh: '只有服务器可以发送计时信号和主持人旁白。',
    en: 'Only the server sends timer ticks and the host’s narration.',
  },
  UNKNOWN_SEAT: { zh: '没有这个座位。', en: 'There is no such seat.' },
  UNKNOWN_CHARACTER: { zh: '没有这个角色。', en: 'There is no such character.' },
  UNKNOWN_LOCATION: { zh: '没有这个地点。', en: 'There is no such location.' },
  UNKNOWN_CLUE: { zh: '你没有这条线索。', en: 'You have no such clue.' },
  UNKNOWN_TALK: { zh: '没有这场私聊。', en: 'There is no such private talk.' },
  SEAT_TAKEN: { zh: '这个座位已经有人了。', en: 'That seat is already taken.' },
  SEAT_IS_AI: { zh: '这个座位由 AI 扮演。', en: 'That seat is played by an AI.' },
  SEAT_NOT_TAKEN: { zh: '请先入座。', en: 'Take the seat first.' },
  SEATS_NOT_READY: {
    zh: '还有玩家未入座或未准备。',
    en: 'Some players have not taken their seat or are not ready.',
  },
  ALREADY_DONE: { zh: '你已经这样做过了。', en: 'You have already done that.' },
  NO_ACTION_POINTS: { zh: '行动点不足。', en: 'Not enough action points.' },
  LOCATION_EXHAUSTED: {
    zh: '这个地点现在搜不到新东西了。',
    en: 'There is nothing more to find here for now.',
  },
  ALREADY_PUBLISHED: { zh: '这条线索已经公开了。', en: 'That clue is already public.' },
  ALREADY_VOTED: { zh: '你已经投过票了，不能更改。', en: 'You have already voted; votes cannot change.' },
  TALK_TO_SELF: { zh: '不能和自己私聊。', en: 'You cannot talk privately with yourself.' },
  TALK_EXISTS: {
    zh: '你们之间已经有一场私聊或邀请。',
    en: 'There is already a private talk or request between you two.',
  },
  TALK_CLOSED: { zh: '这场私聊没有在进行。', en: 'That private talk is not open.' },
  GAME_PAUSED: { zh: '游戏已暂停。', en: 'The game is paused.' },
  NOT_PAUSED: { zh: '游戏没有暂停。', en: 'The game is not paused.' },
  NO_TIMER: { zh: '当前阶段没有计时。', en: 'The current phase has no timer.' },
  NOT_DUE: { zh: '时间还没到。', en: 'The deadline has not passed yet.' },
  GAME_OVER: { zh: '游戏已经结束。', en: 'The game is over.' },
  VERSION_MISMATCH: {
    zh: '存档来自不兼容的引擎版本。',
    en: 'The saved game comes from an incompatible engine version.',
  },
  STORY_MISMATCH: { zh: '存档不属于这个剧本。', en: 'The saved game belongs to another story.' },
  // Errors of the server around the game (authentication, rooms, limits), for the socket and REST.
  UNAUTHORIZED: { zh: '身份凭证无效，请重新加入。', en: 'Your token is not valid; join again.' },
  ROOM_NOT_FOUND: { zh: '没有这个房间。', en: 'There is no such room.' },
  STORY_NOT_FOUND: { zh: '没有这个剧本。', en: 'There is no such story.' },
  LANGUAGE_NOT_SUPPORTED: {
    zh: '这个剧本没有这种语言。',
    en: 'The story is not available in that language.',
  },
  // Names and chat as the server normalizes them (text.ts): what is left must be real, visible text.
  INVALID_TEXT: {
    zh: '文字里有无效字符（不成对的代理项），请重新输入。',
    en: 'The text contains invalid characters (unpaired surrogates); type it again.',
  },
  BLANK_TEXT: {
    zh: '内容是空的（不可见字符和控制字符不算）。',
    en: 'There is nothing to show once invisible and control characters are removed.',
  },
  NAME_RESERVED: {
    zh: '这个名字不能用：它是主持人、系统或本剧本中其他角色的名字。请换一个。',
    en: 'That name is reserved: it is the host’s, the system’s or another character’s in this story. Choose another.',
  },
  RATE_LIMITED: { zh: '操作太频繁，请稍后再试。', en: 'Too many requests; try again shortly.' },
  UNKNOWN_EVENT: { zh: '服务器不认识这个消息。', en: 'The server does not know that message.' },
  UNAVAILABLE: {
    zh: '服务器暂时无法处理，请稍后再试。',
    en: 'The server cannot take that right now; try again shortly.',
  },
} as const satisfies Record<string, Required<LocalizedText>>;

export type ErrorCode = keyof typeof ERROR_MESSAGES;
export const ERROR_CODES = Object.keys(ERROR_MESSAGES) as [ErrorCode, ...ErrorCode[]];
export const ErrorCodeSchema = z.enum(ERROR_CODES);

export const GameErrorSchema = z
  .object({
    code: ErrorCodeSchema,
    message: z.object({ zh: z.string(), en: z.string() }).strict(),
  })
  .strict();
export type GameError = z.infer<typeof GameErrorSchema>;

export function gameError(code: ErrorCode): GameError {
  const { zh, en } = ERROR_MESSAGES[code];
  return { code, message: { zh, en } };
}
