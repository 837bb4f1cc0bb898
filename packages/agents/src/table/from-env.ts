import { createLanguageModel, resolveLlmConfig, type LlmSettings } from '@jubensha/llm';
import { SeatDriver, type SeatDriverOptions } from './seat-driver.js';

export interface AgentSeats {
  driver: SeatDriver;
  /** 'model': AI seats speak through the configured model; 'authored-lines': JUBENSHA_LLM=none (the default). */
  voices: 'model' | 'authored-lines';
  /** The model's description, or why there is none: for the start-up log and the UI. */
  description: string;
  close(): Promise<void>;
}

/**
 * AI seats for a game server, with the model the environment configures (JUBENSHA_LLM and friends,
 * see @jubensha/llm). Without one, AI seats play on authored lines alone.
 */
export async function agentSeatsFromEnv(
  env: Record<string, string | undefined> = process.env,
  settings: LlmSettings = {},
  options: Omit<SeatDriverOptions, 'model'> = {},
): Promise<AgentSeats> {
  const model = await createLanguageModel(resolveLlmConfig(env, settings));
  const driver = new SeatDriver({ ...options, model });
  return {
    driver,
    voices: model ? 'model' : 'authored-lines',
    description: model
      ? model.description
      : 'no language model (JUBENSHA_LLM=none): AI characters speak authored lines only',
    close: async () => {
      driver.close();
      await model?.close();
    },
  };
}
