import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** The server's Prometheus metrics, on a registry of its own (several servers can live in one test). */
export class Metrics {
  readonly registry = new Registry();
  readonly rooms = new Gauge({ name: 'jubensha_rooms', help: 'Rooms loaded in memory', registers: [] });
  readonly sockets = new Gauge({ name: 'jubensha_sockets', help: 'Connected sockets', registers: [] });
  readonly commandSeconds = new Histogram({
    name: 'jubensha_command_seconds',
    help: 'Time from a command arriving to its ack (queue wait, engine, store)',
    labelNames: ['outcome'] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [],
  });
  readonly rejected = new Counter({
    name: 'jubensha_commands_rejected_total',
    help: 'Commands answered with an error, by error code',
    labelNames: ['code'] as const,
    registers: [],
  });
  readonly queued = new Gauge({
    name: 'jubensha_commands_queued',
    help: "Commands waiting in rooms' queues (all rooms)",
    registers: [],
  });
  readonly floodsCut = new Counter({
    name: 'jubensha_floods_cut_total',
    help: 'Connections disconnected for flooding (events far past their rate)',
    registers: [],
  });
  readonly accepted = new Counter({
    name: 'jubensha_commands_accepted_total',
    help: 'Commands accepted and stored',
    registers: [],
  });

  // AI seats and the AI host (src/ai-telemetry.ts).
  readonly aiLines = new Counter({
    name: 'jubensha_ai_lines_total',
    help: 'Lines AI seats said, by how they were worded (model, regenerated, template, authored, generic)',
    labelNames: ['source'] as const,
    registers: [],
  });
  readonly aiGuardFailures = new Counter({
    name: 'jubensha_ai_guard_failures_total',
    help: 'Checks AI line candidates failed on the way to the table, by rule',
    labelNames: ['rule'] as const,
    registers: [],
  });
  readonly aiModelSeconds = new Histogram({
    name: 'jubensha_ai_model_seconds',
    help: 'Model time per AI line that used the model',
    buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [],
  });
  readonly aiTokens = new Counter({
    name: 'jubensha_ai_tokens_total',
    help: 'Model tokens for AI lines, by kind (prompt, completion)',
    labelNames: ['kind'] as const,
    registers: [],
  });
  readonly aiFailures = new Counter({
    name: 'jubensha_ai_failures_total',
    help: 'AI seat and AI host failures (a lost turn or line), by where',
    labelNames: ['where'] as const,
    registers: [],
  });

  constructor() {
    this.registry.registerMetric(this.rooms);
    this.registry.registerMetric(this.sockets);
    this.registry.registerMetric(this.commandSeconds);
    this.registry.registerMetric(this.rejected);
    this.registry.registerMetric(this.accepted);
    this.registry.registerMetric(this.queued);
    this.registry.registerMetric(this.floodsCut);
    this.registry.registerMetric(this.aiLines);
    this.registry.registerMetric(this.aiGuardFailures);
    this.registry.registerMetric(this.aiModelSeconds);
    this.registry.registerMetric(this.aiTokens);
    this.registry.registerMetric(this.aiFailures);
    // Includes nodejs_eventloop_lag_seconds and its percentiles.
    collectDefaultMetrics({ register: this.registry, eventLoopMonitoringPrecision: 20 });
  }
}
