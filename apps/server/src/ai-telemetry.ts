import type { AiFailure, AiLineRecord, AiObserver } from '@jubensha/agents';
import type { Logger } from 'pino';
import type { Metrics } from './metrics.js';

/**
 * The one place AI failures and AI lines reach the operator: a failure of an AI seat or the AI host (told
 * by the agents, or thrown into a room) is logged with its error and counted; each line an AI seat says
 * is logged (room, seat, phase, act, source, guard failures, tokens, model time: never its text) and
 * counted by source and by failed guard rule.
 */
export function aiTelemetry(log: Logger, metrics: Metrics): Required<AiObserver> {
  return {
    failure({ where, roomId, seat, err }: AiFailure) {
      metrics.aiFailures.inc({ where });
      log.error({ err, roomId, seat, where }, where === 'host' ? 'AI host failed' : 'AI seat failed');
    },
    line(r: AiLineRecord) {
      metrics.aiLines.inc({ source: r.source });
      for (const rule of r.guardFailures) metrics.aiGuardFailures.inc({ rule });
      if (r.modelMs > 0) metrics.aiModelSeconds.observe(r.modelMs / 1000);
      if (r.tokens.prompt > 0) metrics.aiTokens.inc({ kind: 'prompt' }, r.tokens.prompt);
      if (r.tokens.completion > 0) metrics.aiTokens.inc({ kind: 'completion' }, r.tokens.completion);
      log.info(
        {
          roomId: r.roomId,
          seat: r.seat,
          phase: r.phase,
          act: r.act,
          intent: r.intent,
          source: r.source,
          command: r.command,
          accepted: r.accepted,
          guardFailures: r.guardFailures,
          promptTokens: r.tokens.prompt,
          completionTokens: r.tokens.completion,
          modelMs: r.modelMs,
        },
        'AI line',
      );
    },
  };
}
