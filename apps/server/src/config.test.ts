import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { ConfigError, configFromEnv } from './config.js';
import { createLogger } from './logger.js';

describe('configuration from the environment', () => {
  it('has working defaults', () => {
    const c = configFromEnv({});
    expect(c).toMatchObject({
      PORT: 3000,
      HOST: '127.0.0.1',
      DATA_DIR: '.data',
      STORIES_DIR: 'scripts-stories',
    });
  });

  it('names every bad variable with the value it got', () => {
    let message = '';
    try {
      configFromEnv({
        PORT: 'eighty',
        LOG_LEVEL: 'loud',
        PUBLIC_URL: 'not a url',
        RATE_COMMANDS_PER_SECOND: '0',
      });
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      message = (err as Error).message;
    }
    for (const name of ['PORT', 'LOG_LEVEL', 'PUBLIC_URL', 'RATE_COMMANDS_PER_SECOND', '"eighty"'])
      expect(message).toContain(name);
  });

  it('ignores empty values and unrelated variables', () => {
    expect(configFromEnv({ PORT: '', HOME: '/root', PUBLIC_URL: 'https://play.example.org' })).toMatchObject({
      PORT: 3000,
      PUBLIC_URL: 'https://play.example.org',
    });
  });
});

describe('logs', () => {
  it('never carry tokens, prompts, secrets or player text', () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _enc, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    const log = createLogger('info', sink);
    log.info(
      {
        token: 'tok-1',
        auth: { roomId: 'r', token: 'tok-2' },
        res: { hostToken: 'tok-3', seatToken: 'tok-4' },
        agent: { prompt: 'You are the culprit', secret: 'the poison' },
        command: { type: 'PUBLIC_MESSAGE', text: 'my private words' },
        roomId: 'r-visible',
      },
      'event',
    );
    const out = lines.join('');
    for (const hidden of [
      'tok-1',
      'tok-2',
      'tok-3',
      'tok-4',
      'You are the culprit',
      'the poison',
      'my private words',
    ])
      expect(out).not.toContain(hidden);
    expect(out).toContain('r-visible');
    expect(out).toContain('PUBLIC_MESSAGE');
  });
});
