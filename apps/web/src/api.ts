import {
  API_PATHS,
  ApiErrorSchema,
  CreateRoomResponseSchema,
  ListStoriesResponseSchema,
  RoomInfoSchema,
  TakeSeatResponseSchema,
  gameError,
  type CreateRoomRequest,
  type CreateRoomResponse,
  type GameError,
  type RoomInfo,
  type StorySummary,
  type TakeSeatResponse,
} from '@jubensha/protocol';

/** A refused REST call: the server's typed error (or UNAVAILABLE when it could not answer at all). */
export class ApiFailure extends Error {
  constructor(
    readonly error: GameError,
    readonly status: number,
  ) {
    super(error.code);
  }
}

/** The part of a protocol schema this client uses (keeps zod itself out of the app's imports). */
interface Parser<T> {
  safeParse(input: unknown): { success: true; data: T } | { success: false };
}

async function request<T>(schema: Parser<T>, path: string, body?: unknown): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, {
      method: body === undefined ? 'GET' : 'POST',
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  } catch {
    throw new ApiFailure(gameError('UNAVAILABLE'), 0);
  }
  const json: unknown = await res.json().catch(() => null);
  if (!res.ok) {
    const parsed = ApiErrorSchema.safeParse(json);
    throw new ApiFailure(parsed.success ? parsed.data.error : gameError('UNAVAILABLE'), res.status);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw new ApiFailure(gameError('BAD_PAYLOAD'), res.status);
  return parsed.data;
}

export async function listStories(): Promise<StorySummary[]> {
  return (await request(ListStoriesResponseSchema, API_PATHS.stories)).stories;
}

export function createRoom(req: CreateRoomRequest): Promise<CreateRoomResponse> {
  return request(CreateRoomResponseSchema, API_PATHS.rooms, req);
}

export function getRoom(code: string): Promise<RoomInfo> {
  return request(RoomInfoSchema, API_PATHS.room(code));
}

export function takeSeat(code: string, seat: string, name: string): Promise<TakeSeatResponse> {
  return request(TakeSeatResponseSchema, API_PATHS.seat(code, seat), { name });
}
