import { createLanguageModel, resolveLlmConfig, type LlmSettings } from '@jubensha/llm';
import { HostDriver } from './host-driver.js';
import { SeatDriver, type SeatDriverOptions } from './seat-driver.js';

export interface AgentSeats {
  driver: SeatDriver;
  /** The AI host of every room: narration, reminders, hints, and the debrief from the driver's ledgers. */
  host: HostDriver;
  /** 'model': AI seats speak through the configured model; 'authored-lines': JUBENSHA_LLM=none (the default). */
  voices: 'model' | 'authored-lines';
  /** The model's description, or why there is none: for the start-up log and the UI. */
  description: string;
  close(): Promise<void>;
}

/**
 * AI seats and the AI host for a game server, with the model the environment configures (JUBENSHA_LLM
 * and friends, see @jubensha/llm). Without one, AI seats play on authored lines alone. The host needs no
 * model: its lines are written in code.
 */
export async function agentSeatsFromEnv(
  env: Record<string, string | undefined> = process.env,
  settings: LlmSettings = {},
  options: Omit<SeatDriverOptions, 'model'> = {},
): Promise<AgentSeats> {
  const model = await createLanguageModel(resolveLlmConfig(env, settings));
  const driver = new SeatDriver({ ...options, model });
  const host = new HostDriver({
    memories: (roomId) => driver.memories(roomId),
    ...(options.now ? { now: options.now } : {}),
    ...(options.observer ? { observer: options.observer } : {}),
  });
  return {
    driver,
    host,
    voices: model ? 'model' : 'authored-lines',
    description: model
      ? model.description
      : 'no language model (JUBENSHA_LLM=none): AI characters speak authored lines only',
    close: async () => {
      host.close();
      driver.close();
      await model?.close();
    },
  };
}
