import { API_PATHS, type View } from '@jubensha/protocol';
import { useTranslation } from 'react-i18next';
import { ActionsProvider } from '../game/act.js';
import { useGame } from '../game/use-game.js';
import { loadSession } from '../session.js';
import { ActionErrors, ErrorBanner } from '../table/error-banner.js';
import { HostControls } from '../table/host-controls.js';
import { RoomContext } from '../table/room-context.js';
import { Table } from '../table/table.js';

/**
 * A room as this browser holds it: a seat (its token), the host (the host token), both (two
 * connections: the seat's view on the table, the host's controls beside it), or neither (watch).
 */
export function Room({ roomId }: { roomId: string }) {
  const { t } = useTranslation();
  const session = loadSession(roomId);
  const hostToken = session?.hostToken;
  const seatToken = session?.seatToken;
  const [seatGame, seatSend] = useGame(roomId, seatToken, seatToken !== undefined || hostToken === undefined);
  const [hostGame, hostSend] = useGame(roomId, hostToken, hostToken !== undefined);
  const main = seatToken !== undefined || hostToken === undefined ? seatGame : hostGame;
  const send = main === seatGame ? seatSend : hostSend;
  const welcome = main.welcome ?? hostGame.welcome;
  const code = welcome?.code ?? session?.code ?? null;
  const view = main.view;
  const finished = main.finished || hostGame.finished;

  return (
    <RoomContext.Provider
      value={{
        roomId,
        code,
        lang: welcome?.language ?? 'zh',
        aiVoices: welcome?.aiVoices ?? null,
        finished,
      }}
    >
      <div className="room">
        {!main.connected && (
          <p className="notice" role="status">
            {main.view ? t('room.reconnecting') : t('room.connecting')}
          </p>
        )}
        <ErrorBanner error={main.error} />
        {!view ? (
          <p>{t('common.loading')}</p>
        ) : (
          <ActionsProvider send={send}>
            <ActionErrors />
            <Table
              view={view}
              presence={main.presence ?? hostGame.presence}
              streams={main.streams}
              host={
                hostToken !== undefined && hostGame.view ? (
                  <ActionsProvider send={hostSend}>
                    <ActionErrors />
                    <HostControls view={hostGame.view} presence={hostGame.presence} />
                    {seatToken === undefined && code && !finished && !afterVote(hostGame.view) && (
                      <p>
                        <a href={API_PATHS.invite(code)}>{t('host.playToo')}</a>
                      </p>
                    )}
                  </ActionsProvider>
                ) : undefined
              }
            />
          </ActionsProvider>
        )}
      </div>
    </RoomContext.Provider>
  );
}

/** The reveal or the debrief: nobody takes a seat any more. */
function afterVote(view: View): boolean {
  const step = view.progress.phase === null ? undefined : view.story.plan[view.progress.phase];
  return step?.kind === 'reveal' || step?.kind === 'debrief';
}
