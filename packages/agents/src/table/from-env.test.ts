import { describe, expect, it } from 'vitest';
import { agentSeatsFromEnv } from './from-env.js';
import { HostDriver } from './host-driver.js';

describe('agentSeatsFromEnv', () => {
  it('with JUBENSHA_LLM=none, AI seats speak authored lines only and say so', async () => {
    const seats = await agentSeatsFromEnv({ JUBENSHA_LLM: 'none' });
    expect(seats.voices).toBe('authored-lines');
    expect(seats.description).toMatch(/authored lines only/);
    expect(seats.driver.options.model).toBeNull();
    expect(seats.host).toBeInstanceOf(HostDriver);
    await seats.close();
  });
  it('a bad configuration is refused with the llm package’s typed error', async () => {
    await expect(agentSeatsFromEnv({ JUBENSHA_LLM: 'onnx' })).rejects.toMatchObject({
      code: 'CONFIG_INVALID',
    });
  });
});
